#include "docpipe/params.h"

#include <gtest/gtest.h>

namespace docpipe {
namespace {

std::vector<ParamSpec> schema() {
  return {param::boolean("nfkc", false, "Use NFKC."),
          param::integer("max", 3, "Most.").range(1, 10),
          param::number("ratio", 0.25, "Part.").range(0, 1),
          param::string("label", "x", "Label."),
          param::choice("mode", "news", {"news", "narrative"}, "Mode."),
          param::string_list("layers", {"a"}, "Layers."),
          param::required("model", ParamType::kPath, "Model file.")};
}

TEST(Params, DefaultsAreFilledIn) {
  std::vector<ParamIssue> issues;
  auto p = validate_params(schema(), Value::Object{{"model", "m.bin"}}, &issues);
  ASSERT_TRUE(p.has_value());
  EXPECT_TRUE(issues.empty());
  EXPECT_FALSE(p->get_bool("nfkc"));
  EXPECT_EQ(p->get_int("max"), 3);
  EXPECT_EQ(p->get_number("ratio"), 0.25);
  EXPECT_EQ(p->get_string("mode"), "news");
  EXPECT_EQ(p->get_string_list("layers"), std::vector<std::string>{"a"});
  EXPECT_TRUE(p->is_set("model"));
  EXPECT_FALSE(p->is_set("max"));
}

TEST(Params, IntegersAreAcceptedAsNumbers) {
  auto p = validate_params(schema(), Value::Object{{"model", "m"}, {"ratio", 1}}, nullptr);
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->get_number("ratio"), 1.0);
}

struct BadCase {
  const char* name;
  Value::Object given;
  ParamIssue::Kind kind;
  std::string message;
};

TEST(Params, RejectsBadValuesWithExactMessages) {
  const std::vector<BadCase> cases = {
      {"unknown with suggestion", {{"model", "m"}, {"nkfc", true}}, ParamIssue::Kind::kUnknown,
       "unknown parameter 'nkfc' (did you mean 'nfkc'?)"},
      {"unknown without suggestion", {{"model", "m"}, {"zzzzzz", 1}}, ParamIssue::Kind::kUnknown,
       "unknown parameter 'zzzzzz'"},
      {"missing", {}, ParamIssue::Kind::kMissing,
       "missing required parameter 'model' (path: Model file.)"},
      {"bool type", {{"model", "m"}, {"nfkc", "yes"}}, ParamIssue::Kind::kType,
       "parameter 'nfkc' must be a bool (true or false), got string \"yes\""},
      {"int type", {{"model", "m"}, {"max", 2.5}}, ParamIssue::Kind::kType,
       "parameter 'max' must be an integer, got number"},
      {"int range", {{"model", "m"}, {"max", 11}}, ParamIssue::Kind::kRange,
       "parameter 'max' must be between 1 and 10, got 11"},
      {"number range", {{"model", "m"}, {"ratio", -0.5}}, ParamIssue::Kind::kRange,
       "parameter 'ratio' must be between 0 and 1, got -0.5"},
      {"choice", {{"model", "m"}, {"mode", "nws"}}, ParamIssue::Kind::kChoice,
       "parameter 'mode' must be one of \"news\", \"narrative\", got \"nws\""},
      {"list type", {{"model", "m"}, {"layers", "a"}}, ParamIssue::Kind::kType,
       "parameter 'layers' must be a list of strings, got string \"a\""},
      {"string type", {{"model", "m"}, {"label", 3}}, ParamIssue::Kind::kType,
       "parameter 'label' must be a string, got integer 3"},
  };
  for (const auto& c : cases) {
    std::vector<ParamIssue> issues;
    auto p = validate_params(schema(), c.given, &issues);
    EXPECT_FALSE(p.has_value()) << c.name;
    ASSERT_EQ(issues.size(), 1u) << c.name;
    EXPECT_EQ(issues[0].kind, c.kind) << c.name;
    EXPECT_EQ(issues[0].message, c.message) << c.name;
  }
}

TEST(Params, ChoiceSuggestion) {
  std::vector<ParamIssue> issues;
  validate_params(schema(), Value::Object{{"model", "m"}, {"mode", "narative"}}, &issues);
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].suggestion, "narrative");
}

TEST(ClosestMatch, OnlyNearMisses) {
  EXPECT_EQ(closest_match("stagse", {"stages", "name"}), "stages");
  EXPECT_EQ(closest_match("plugn", {"plugin", "params"}), "plugin");
  EXPECT_EQ(closest_match("xyz", {"stages", "name"}), "");
  EXPECT_EQ(closest_match("name", {"name"}), "");  // exact is not a suggestion
}

}  // namespace
}  // namespace docpipe
