#include "repair_pass.h"

#include <gtest/gtest.h>

#include "clean_test_util.h"

namespace docpipe::clean {
namespace {

using test::consistent;
using test::output_of;

TEST(RepairPass, InvisibleCharactersRemoved) {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"zero\xE2\x80\x8Bwidth", "zerowidth"},    // ZWSP
      {"word\xE2\x81\xA0joiner", "wordjoiner"},  // WJ
      {"mid\xEF\xBB\xBFtext", "midtext"},        // U+FEFF inside
      {"non\xEF\xBF\xBF"
       "char",
       "nonchar"},                                       // U+FFFF
      {"keep\xE2\x80\x8Dzwj", "keep\xE2\x80\x8Dzwj"},    // ZWJ carries meaning
      {"keep\xE2\x80\x8Fmark", "keep\xE2\x80\x8Fmark"},  // RLM carries meaning
      {"soft\xC2\xADhyphen", "soft\xC2\xADhyphen"},      // left to the layout pass
  };
  for (const Case& c : cases) {
    CleanCounts counts;
    auto built = repair_pass(c.in, {}, counts);
    EXPECT_EQ(output_of(built, c.in), c.out);
    EXPECT_TRUE(consistent(built, c.in));
  }
}

TEST(RepairPass, ControlsKeptWhenAsked) {
  CleanCounts counts;
  const std::string in = "zero\xE2\x80\x8Bwidth";
  EXPECT_FALSE(repair_pass(in, {.mojibake = true, .remove_controls = false}, counts));
}

TEST(RepairPass, C1RemovedWhenMojibakeIsOff) {
  CleanCounts counts;
  const std::string in =
      "a\xC2\x92"
      "b\xC2\x85"
      "c";
  auto built = repair_pass(in, {.mojibake = false, .remove_controls = true}, counts);
  EXPECT_EQ(output_of(built, in), "ab\nc");  // NEL is a line break
}

TEST(RepairPass, CleanTextNotCopied) {
  CleanCounts counts;
  const std::string in =
      "Plain text with caf\xC3\xA9, \xE2\x80\x9Cquotes\xE2\x80\x9D and \xE4\xB8\xAD.";
  EXPECT_FALSE(repair_pass(in, {}, counts));
}

}  // namespace
}  // namespace docpipe::clean
