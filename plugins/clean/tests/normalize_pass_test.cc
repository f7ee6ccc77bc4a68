#include "normalize_pass.h"

#include <gtest/gtest.h>

#include "clean_test_util.h"

namespace docpipe::clean {
namespace {

using test::consistent;
using test::output_of;

std::string normalize(Normalization form, std::string_view text, CleanCounts* counts = nullptr) {
  auto n = UnicodeNormalizer::create(form);
  EXPECT_TRUE(n.ok());
  CleanCounts c;
  auto built = n->run(text, c);
  EXPECT_TRUE(consistent(built, text)) << text;
  if (counts) *counts = c;
  return output_of(built, text);
}

TEST(NormalizePass, NfcTable) {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"cafe\xCC\x81", "caf\xC3\xA9"},  // e + combining acute
      {"A\xCC\x8A"
       "ngstr\xC3\xB6m",
       "\xC3\x85ngstr\xC3\xB6m"},                                // A + ring at the start
      {"\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", "\xED\x95\x9C"},  // Hangul jamo -> syllable
      {"q\xCC\xA3\xCC\x87", "q\xCC\xA3\xCC\x87"},                // canonical order already
      {"q\xCC\x87\xCC\xA3", "q\xCC\xA3\xCC\x87"},                // reordered marks
      {"\xE2\x84\xAB", "\xC3\x85"},                              // ANGSTROM SIGN -> Å
      {"\xEF\xAC\x81", "\xEF\xAC\x81"},                          // ligature fi: NFC keeps it
  };
  for (const Case& c : cases) EXPECT_EQ(normalize(Normalization::kNfc, c.in), c.out) << c.in;
}

TEST(NormalizePass, NfkcFoldsCompatibilityCharacters) {
  EXPECT_EQ(normalize(Normalization::kNfkc, "\xEF\xAC\x81nance"), "finance");
  EXPECT_EQ(normalize(Normalization::kNfkc, "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3"), "ABC");
  EXPECT_EQ(normalize(Normalization::kNfkc, "x\xC2\xB2"), "x2");
  EXPECT_EQ(normalize(Normalization::kNfkc, "cafe\xCC\x81"), "caf\xC3\xA9");
}

TEST(NormalizePass, NoneChangesNothing) {
  EXPECT_EQ(normalize(Normalization::kNone, "cafe\xCC\x81"), "cafe\xCC\x81");
}

TEST(NormalizePass, NormalizedTextIsNotCopied) {
  auto n = UnicodeNormalizer::create(Normalization::kNfc);
  ASSERT_TRUE(n.ok());
  CleanCounts counts;
  const std::string text =
      "Plain caf\xC3\xA9, \xE2\x80\x9Cquotes\xE2\x80\x9D \xE2\x80\x94 \xE4\xB8\xAD\xE6\x96\x87, "
      "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0, \xF0\x9F\x98\x80.";
  EXPECT_FALSE(n->run(text, counts).has_value());
  EXPECT_TRUE(n->is_normalized(text));
}

TEST(NormalizePass, PiecesStayFine) {
  // Two separate decomposed letters: each is its own replaced piece, the rest exact.
  auto n = UnicodeNormalizer::create(Normalization::kNfc);
  ASSERT_TRUE(n.ok());
  CleanCounts counts;
  const std::string text = "Jose\xCC\x81 and Zoe\xCC\x88 met";
  auto built = n->run(text, counts);
  ASSERT_TRUE(built);
  EXPECT_EQ(built->text, "Jos\xC3\xA9 and Zo\xC3\xAB met");
  EXPECT_EQ(counts.normalized, 2u);
  // "Jos" is exact, "é" maps to "e" + U+0301, " and " is exact.
  EXPECT_EQ(built->alignment.to_source({0, 3}), (Span{0, 3}));
  EXPECT_EQ(built->alignment.to_source({3, 5}), (Span{3, 6}));
  EXPECT_EQ(built->alignment.to_source({5, 10}), (Span{6, 11}));
  EXPECT_LE(built->alignment.pieces().size(), 5u);
}

TEST(NormalizePass, InvalidBytesAreSkipped) {
  // Only possible when encoding repair is off: the run is left as it is.
  EXPECT_EQ(normalize(Normalization::kNfc, "e\xCC\x81\xFF"), "e\xCC\x81\xFF");
}

}  // namespace
}  // namespace docpipe::clean
