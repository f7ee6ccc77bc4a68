#include "sanitize_pass.h"

#include <gtest/gtest.h>

#include "clean_test_util.h"

namespace docpipe::clean {
namespace {

using test::consistent;
using test::output_of;

struct Case {
  const char* name;
  std::string input;
  std::string expected;
  std::size_t invalid = 0;
  std::size_t controls = 0;
};

TEST(SanitizePass, Table) {
  const Case cases[] = {
      {"plain ascii stays", "Hello, world.\n", "Hello, world.\n"},
      {"valid utf8 stays", "caf\xC3\xA9 \xE2\x80\x94 \xE4\xB8\xAD\xF0\x9F\x98\x80",
       "caf\xC3\xA9 \xE2\x80\x94 \xE4\xB8\xAD\xF0\x9F\x98\x80"},
      {"layout controls stay", "a\tb\r\nc\x0B\x0C", "a\tb\r\nc\x0B\x0C"},
      {"bom dropped", "\xEF\xBB\xBFHello", "Hello"},
      {"bom inside stays for repair pass",
       "a\xEF\xBB\xBF"
       "b",
       "a\xEF\xBB\xBF"
       "b"},
      {"nul removed", std::string("a\0b", 3), "ab", 0, 1},
      {"control run removed",
       std::string("a\x01\x02\x1F\x7F"
                   "b"),
       "ab", 0, 4},
      {"lone continuation byte",
       "a\x80"
       "b",
       "a\xEF\xBF\xBD"
       "b",
       1},
      {"truncated sequence at end", "ab\xE2\x80", "ab\xEF\xBF\xBD", 1},
      {"truncated sequence mid text", "a\xE2\x80z", "a\xEF\xBF\xBDz", 1},
      {"overlong", "\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD", 2},
      {"surrogate encoded", "\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 3},
      {"past U+10FFFF", "\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 4},
      {"latin1 byte", "caf\xE9 ok", "caf\xEF\xBF\xBD ok", 1},
  };
  for (const Case& c : cases) {
    CleanCounts counts;
    auto built = sanitize_pass(c.input, {}, counts);
    EXPECT_EQ(output_of(built, c.input), c.expected) << c.name;
    EXPECT_EQ(counts.invalid_utf8, c.invalid) << c.name;
    EXPECT_EQ(counts.controls, c.controls) << c.name;
    EXPECT_TRUE(consistent(built, c.input)) << c.name;
    if (c.input == c.expected) EXPECT_FALSE(built.has_value()) << c.name << ": copied for nothing";
  }
}

TEST(SanitizePass, InvalidByteMapsToItsReplacement) {
  const std::string input =
      "ab\xFF"
      "cd";
  CleanCounts counts;
  auto built = sanitize_pass(input, {}, counts);
  ASSERT_TRUE(built);
  // U+FFFD (view bytes 2..5) stands for the one bad byte.
  EXPECT_EQ(built->alignment.to_source({2, 5}), (Span{2, 3}));
  EXPECT_EQ(built->alignment.to_source({5, 7}), (Span{3, 5}));
}

TEST(SanitizePass, EachRepairCanBeTurnedOff) {
  const std::string input = std::string(
      "\xEF\xBB\xBF"
      "a\0\xFF",
      6);
  CleanCounts counts;
  auto built = sanitize_pass(
      input, {.repair_invalid = false, .remove_bom = false, .remove_controls = false}, counts);
  EXPECT_FALSE(built.has_value());
}

TEST(SanitizePass, LongCleanTextIsNotCopied) {
  std::string input;
  for (int i = 0; i < 10000; ++i) input += "Plain line of text number " + std::to_string(i) + ".\n";
  CleanCounts counts;
  EXPECT_FALSE(sanitize_pass(input, {}, counts).has_value());
}

}  // namespace
}  // namespace docpipe::clean
