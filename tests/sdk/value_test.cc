#include "docpipe/value.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

TEST(Value, TypesAndAccessors) {
  EXPECT_TRUE(Value().is_null());
  EXPECT_TRUE(Value(true).is_bool());
  EXPECT_TRUE(Value(3).is_int());
  EXPECT_EQ(Value(3).as_double(), 3.0);
  EXPECT_TRUE(Value(2.5).is_double());
  EXPECT_TRUE(Value("x").is_string());  // not bool
  EXPECT_EQ(Value(std::string_view("ab")).as_string(), "ab");
  EXPECT_EQ(Value("x").int_or(7), 7);
  EXPECT_EQ(Value(5).number_or(0), 5.0);
}

TEST(Value, ObjectKeepsInsertionOrderAndOverwritesInPlace) {
  Value::Object o;
  o.set("b", 1);
  o.set("a", 2);
  o.set("b", 3);
  EXPECT_EQ(to_json(Value(o)), R"({"b":3,"a":2})");
  EXPECT_TRUE(o.erase("b"));
  EXPECT_FALSE(o.erase("b"));
  EXPECT_EQ(o.size(), 1u);
  Value v;
  v["x"]["y"] = "z";
  EXPECT_EQ(to_json(v), R"({"x":{"y":"z"}})");
}

TEST(Value, Equality) {
  EXPECT_EQ(Value(1), Value(1.0));
  EXPECT_NE(Value(1), Value("1"));
  EXPECT_EQ(Value(Value::Object{{"a", 1}, {"b", 2}}), Value(Value::Object{{"b", 2}, {"a", 1}}));
}

struct JsonCase {
  Value value;
  std::string json;
};

TEST(Json, WritesEveryType) {
  const std::vector<JsonCase> cases = {
      {Value(), "null"},
      {Value(true), "true"},
      {Value(-42), "-42"},
      {Value(2.0), "2.0"},
      {Value(0.1), "0.1"},
      {Value(1e300 * 1e300), "null"},  // no infinity in JSON
      {Value("a\"b\\c\n\t\x01"), R"("a\"b\\c\n\t\u0001")"},
      {Value("caf\xC3\xA9 \xE2\x80\x94"), "\"caf\xC3\xA9 \xE2\x80\x94\""},
      {Value(Value::Array{1, "x", Value()}), R"([1,"x",null])"},
      {Value(Value::Object{}), "{}"},
  };
  for (const auto& c : cases) EXPECT_EQ(to_json(c.value), c.json);
}

TEST(Json, InvalidUtf8BecomesReplacementCharacter) {
  EXPECT_EQ(to_json(Value(std::string("a\xFF" "b"))), "\"a\xEF\xBF\xBD" "b\"");
  EXPECT_EQ(to_json(Value(std::string("\xE2\x80"))), "\"\xEF\xBF\xBD\"");  // truncated
  EXPECT_EQ(to_json(Value(std::string("\xED\xA0\x80"))),                 // a surrogate
            "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"");
}

TEST(Json, NulIsEscaped) {
  EXPECT_EQ(to_json(Value(std::string("a\0b", 3))), R"("a\u0000b")");
}

}  // namespace
}  // namespace docpipe
