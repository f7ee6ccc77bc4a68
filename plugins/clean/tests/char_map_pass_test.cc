#include "char_map_pass.h"

#include <gtest/gtest.h>

#include "clean_test_util.h"

namespace docpipe::clean {
namespace {

using test::consistent;
using test::output_of;

std::string fold(std::string_view text, const CharMapOptions& o) {
  CleanCounts counts;
  auto built = char_map_pass(text, o, counts);
  EXPECT_TRUE(consistent(built, text));
  return output_of(built, text);
}

TEST(CharMapPass, EachFoldingOnItsOwn) {
  const std::string text =
      "\xE2\x80\x9CIt\xE2\x80\x99s\xE2\x80\x9D \xE2\x80\x94 1\xE2\x80\x93"
      "2 \xE2\x80\xA6"
      "a\xC2\xA0"
      "b\xE2\x80\x89"
      "c\xE3\x80\x80"
      "d\xE2\x80\xA8"
      "e\xE2\x80\xA9"
      "f \xE2\x88\x92"
      "3";
  const CharMapOptions none{
      .quotes = false, .dashes = false, .ellipsis = false, .spaces = false, .newlines = false};
  EXPECT_EQ(fold(text, none), text);
  CharMapOptions q = none;
  q.quotes = true;
  EXPECT_EQ(fold(text, q),
            "\"It's\" \xE2\x80\x94 1\xE2\x80\x93"
            "2 \xE2\x80\xA6"
            "a\xC2\xA0"
            "b\xE2\x80\x89"
            "c\xE3\x80\x80"
            "d\xE2\x80\xA8"
            "e\xE2\x80\xA9"
            "f \xE2\x88\x92"
            "3");
  CharMapOptions d = none;
  d.dashes = true;
  EXPECT_EQ(fold(text, d),
            "\xE2\x80\x9CIt\xE2\x80\x99s\xE2\x80\x9D -- 1-2 \xE2\x80\xA6"
            "a\xC2\xA0"
            "b\xE2\x80\x89"
            "c\xE3\x80\x80"
            "d\xE2\x80\xA8"
            "e\xE2\x80\xA9"
            "f -3");
  CharMapOptions all{
      .quotes = true, .dashes = true, .ellipsis = true, .spaces = true, .newlines = true};
  EXPECT_EQ(fold(text, all), "\"It's\" -- 1-2 ...a b c d\ne\n\nf -3");
}

TEST(CharMapPass, DefaultsFoldOnlySpacesAndSeparators) {
  const CharMapOptions defaults;
  EXPECT_EQ(fold("\xE2\x80\x9Cok\xE2\x80\x9D\xC2\xA0\xE2\x80\x94", defaults),
            "\xE2\x80\x9Cok\xE2\x80\x9D \xE2\x80\x94");
}

TEST(CharMapPass, EachFoldIsItsOwnPiece) {
  CleanCounts counts;
  const std::string text =
      "a\xE2\x80\xA6"
      "b";
  auto built = char_map_pass(text, {.ellipsis = true}, counts);
  ASSERT_TRUE(built);
  EXPECT_EQ(built->text, "a...b");
  EXPECT_EQ(built->alignment.to_source({1, 4}), (Span{1, 4}));
  EXPECT_EQ(built->alignment.to_source({2, 3}), (Span{1, 4}));  // inside the piece: all of it
  EXPECT_EQ(built->alignment.to_source({4, 5}), (Span{4, 5}));
  EXPECT_EQ(counts.folded, 1u);
}

}  // namespace
}  // namespace docpipe::clean
