// Mojibake repair: broken text is repaired, correct text is never touched.
#include "mojibake.h"

#include <gtest/gtest.h>

#include "clean_test_util.h"
#include "docpipe/text/utf8.h"
#include "repair_pass.h"

namespace docpipe::clean {
namespace {

using test::consistent;
using test::output_of;

// Reads UTF-8 bytes as Windows-1252 (the damage this stage repairs), for building inputs.
std::string as_cp1252_mojibake(std::string_view utf8) {
  std::string out;
  for (unsigned char b : utf8) {
    char32_t c = b < 0x80 ? b : (b <= 0x9F ? cp1252_char(b) : b);
    if (c == 0) c = b;  // undefined bytes read as Latin-1 (C1)
    utf8::append(out, c);
  }
  return out;
}

std::string repair(std::string_view text, CleanCounts* counts_out = nullptr) {
  CleanCounts counts;
  auto built = repair_pass(text, {}, counts);
  EXPECT_TRUE(consistent(built, text)) << text;
  if (counts_out) *counts_out = counts;
  return output_of(built, text);
}

TEST(Mojibake, TableOfRepairs) {
  struct Case {
    std::string broken;
    std::string repaired;
  };
  const Case cases[] = {
      {"caf\xC3\x83\xC2\xA9 au lait", "caf\xC3\xA9 au lait"},                // cafÃ© -> café
      {"It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s fine", "It\xE2\x80\x99s fine"},  // Itâ€™s
      {"\xC3\xA2\xE2\x82\xAC\xC5\x93quoted\xC3\xA2\xE2\x82\xAC\xC2\x9D",
       "\xE2\x80\x9Cquoted\xE2\x80\x9D"},
      {"price \xC3\x82\xC2\xA3"
       "5",
       "price \xC2\xA3"
       "5"},                                                           // Â£5 -> £5
      {"Se\xC3\x83\xC2\xB1or", "Se\xC3\xB1or"},                        // SeÃ±or
      {"\xC3\x83\xC2\xA9t\xC3\x83\xC2\xA9", "\xC3\xA9t\xC3\xA9"},      // Ã©tÃ© -> été
      {"z\xC3\x85\xE2\x80\x9Aoty", "z\xC5\x82oty"},                    // zÅ‚oty -> złoty
      {"wait\xC3\xA2\xE2\x82\xAC\xC2\xA6", "wait\xE2\x80\xA6"},        // â€¦ -> …
      {"\xC3\xA2\xE2\x82\xAC\xE2\x80\x9D dash", "\xE2\x80\x94 dash"},  // â€” -> —
      {"\xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC smile", "\xF0\x9F\x98\x80 smile"},  // ðŸ˜€ -> 😀
      {"\xC3\xA4\xC2\xB8\xC2\xAD\xC3\xA6\xE2\x80\x93\xE2\x80\xA1",
       "\xE4\xB8\xAD\xE6\x96\x87"},  // 中文
      {"4\xC3\x83\xE2\x80\x94"
       "200 m",
       "4\xC3\x97"
       "200 m"},                                                     // 4Ã—200 -> 4×200
      {"vis-\xC3\x83\xC2\xA0-vis", "vis-\xC3\xA0-vis"},              // Ã + NBSP -> à
      {"end. \xC3\xA2\xE2\x82\xAC\xE2\x80\xB9 next", "end.  next"},  // â€‹: a ZWSP, dropped
      {"\xC3\xAF\xC2\xBB\xC2\xBFStart", "Start"},                    // ï»¿: a BOM, dropped
  };
  for (const Case& c : cases) EXPECT_EQ(repair(c.broken), c.repaired) << c.broken;
}

TEST(Mojibake, RoundTripOfSentences) {
  const std::string sentences[] = {
      "Der Bürgermeister sagte: „Wir schaffen das.“",
      "Le ministre a déclaré qu’il était prêt à négocier.",
      "Москва — столица России.",
      "They paid €1,500 for the “deluxe” package — twice.",
      "Ελλάδα και Κύπρος",
  };
  for (const std::string& s : sentences) {
    const std::string broken = as_cp1252_mojibake(s);
    ASSERT_NE(broken, s);
    CleanCounts counts;
    EXPECT_EQ(repair(broken, &counts), s) << broken;
    EXPECT_GT(counts.mojibake, 0u);
  }
}

TEST(Mojibake, DoubleEncodingIsRepaired) {
  const std::string once = as_cp1252_mojibake("don\xE2\x80\x99t");
  const std::string twice = as_cp1252_mojibake(once);
  EXPECT_EQ(repair(twice), "don\xE2\x80\x99t");
}

TEST(Mojibake, RepairIsOnePieceOverTheBrokenBytes) {
  const std::string broken = "caf\xC3\x83\xC2\xA9!";
  CleanCounts counts;
  auto built = repair_pass(broken, {}, counts);
  ASSERT_TRUE(built);
  EXPECT_EQ(built->text, "caf\xC3\xA9!");
  EXPECT_EQ(built->alignment.to_source({3, 5}), (Span{3, 7}));  // é <- Ã©
  EXPECT_EQ(built->alignment.to_source({0, 3}), (Span{0, 3}));  // caf exact
}

// Correct text that looks a little like mojibake stays byte-identical.
TEST(Mojibake, CorrectTextIsLeftAlone) {
  const std::string texts[] = {
      "IRM\xC3\x83\xE2\x80\x9D",      // IRMÃ” (Portuguese capital Ã, closing quote)
      "\xC2\xABIRM\xC3\x83\xC2\xBB",  // «IRMÃ»
      "CAF\xC3\x89\xE2\x80\x9D and OL\xC3\x89\xE2\x80\xA6",  // CAFÉ” OLÉ…
      "caf\xC3\xA9\xE2\x80\x9D\xE2\x80\xA6",  // café”… (é + two cp1252 characters)
      "SP\xC3\x84\xE2\x80\x9D",               // SPÄ”
      "na\xC3\xAFve r\xC3\xA9sum\xC3\xA9 \xC3\xA0 la fa\xC3\xA7on",
      "\xC2\xA9 2023, 25\xC2\xB0"
      "C, \xC2\xB1"
      "3 \xC2\xB5m, \xC2\xBD cup",
      "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE6\x96\x87\xE7\xAB\xA0",  // Japanese
      "\xED\x95\x9C\xEA\xB5\xAD\xEC\x96\xB4",                                      // Korean
      "\xC3\x85ngstr\xC3\xB6m \xC3\x85\xC2\xBB",  // Ångström Å»
      "S\xC3\x83O PAULO",                         // SÃO PAULO
      "\xC3\x98resund \xC3\x86r\xC3\xB8",
  };
  for (const std::string& t : texts) EXPECT_EQ(repair(t), t) << t;
}

TEST(Mojibake, StrayC1CharactersReadAsWindows1252) {
  CleanCounts counts;
  // U+0092 and U+0097: a Windows-1252 apostrophe and em dash decoded as Latin-1.
  EXPECT_EQ(repair("don\xC2\x92t \xC2\x97 ok", &counts), "don\xE2\x80\x99t \xE2\x80\x94 ok");
  EXPECT_EQ(counts.cp1252, 2u);
  // Undefined in Windows-1252: removed as a control.
  EXPECT_EQ(repair("a\xC2\x81"
                   "b"),
            "ab");
}

TEST(Mojibake, SureEvidence) {
  EXPECT_TRUE(has_sure_mojibake("It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s"));
  EXPECT_TRUE(has_sure_mojibake("\xC3\x82\xC2\xA0"));
  EXPECT_FALSE(has_sure_mojibake("caf\xC3\xA9 \xC3\x82me"));
}

TEST(Mojibake, WithEvidenceCapitalsAreRepairedToo) {
  // All capitals give no lowercase context; the document's "â€™" is evidence enough.
  const std::string broken = as_cp1252_mojibake("JOS\xC3\x89 said it\xE2\x80\x99s");
  EXPECT_EQ(repair(broken), "JOS\xC3\x89 said it\xE2\x80\x99s");
}

TEST(Mojibake, OffKeepsTheText) {
  CleanCounts counts;
  const std::string broken = "caf\xC3\x83\xC2\xA9";
  auto built = repair_pass(broken, {.mojibake = false, .remove_controls = true}, counts);
  EXPECT_EQ(output_of(built, broken), broken);
}

TEST(Mojibake, Cp1252Table) {
  EXPECT_EQ(cp1252_char(0x80), U'\u20AC');
  EXPECT_EQ(cp1252_char(0x92), U'\u2019');
  EXPECT_EQ(cp1252_char(0x81), 0u);
  EXPECT_EQ(mojibake_byte(U'\u2122'), 0x99);
  EXPECT_EQ(mojibake_byte(U'\u00E9'), 0xE9);
  EXPECT_EQ(mojibake_byte(U'\u4E2D'), -1);
}

}  // namespace
}  // namespace docpipe::clean
