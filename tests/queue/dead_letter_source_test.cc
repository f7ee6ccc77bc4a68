#include "dead_letter_source.h"

#include <gtest/gtest.h>

#include <string>

namespace docpipe::queue {
namespace {

struct SourceCase {
  const char* name;
  std::string in;
  std::string source;
  std::string out;
};

class DeadLetterSource : public ::testing::TestWithParam<SourceCase> {};

TEST_P(DeadLetterSource, Restamps) {
  const SourceCase& c = GetParam();
  EXPECT_EQ(with_dead_letter_source(c.in, c.source), c.out);
}

const std::string kHead = R"({"schema_version":1,"kind":"dead_letter","id":)";

INSTANTIATE_TEST_SUITE_P(
    Table, DeadLetterSource,
    ::testing::Values(
        SourceCase{"WithLine", kHead + R"("d1","source":"-","line":7,"stage":"x","reason":"r"})",
                   "docs:42", kHead + R"("d1","source":"docs:42","stage":"x","reason":"r"})"},
        SourceCase{"WithoutLine", kHead + R"("d1","source":"-","stage":null,"reason":"r"})",
                   "docs:9", kHead + R"("d1","source":"docs:9","stage":null,"reason":"r"})"},
        SourceCase{"QuotesInId",
                   kHead + R"("a\"b","source":"stdin","line":12,"stage":"s","reason":"r"})",
                   "q:1", kHead + R"("a\"b","source":"q:1","stage":"s","reason":"r"})"},
        SourceCase{"SourceNeedsEscaping",
                   kHead + R"("d","source":"-","line":1,"stage":"s","reason":"r"})", "a\"b",
                   kHead + R"("d","source":"a\"b","stage":"s","reason":"r"})"},
        SourceCase{"LaterLineKeyUntouched",
                   kHead + R"("d","source":"-","stage":"s","reason":"\"line\":3"})", "q:2",
                   kHead + R"("d","source":"q:2","stage":"s","reason":"\"line\":3"})"},
        SourceCase{"NotADeadLetter", R"({"schema_version":1,"id":"d","source":"-"})", "q:3",
                   R"({"schema_version":1,"id":"d","source":"-"})"},
        SourceCase{"CutShort", kHead + R"("d","source":"-)", "q:4",
                   kHead + R"("d","source":"-)"},
        SourceCase{"NoSourceAfterId", kHead + R"("d","stage":"s"})", "q:5",
                   kHead + R"("d","stage":"s"})"},
        SourceCase{"Empty", "", "q:6", ""}),
    [](const ::testing::TestParamInfo<SourceCase>& info) { return info.param.name; });

}  // namespace
}  // namespace docpipe::queue
