// Tables for the shared tokenizer and sentence splitter: every token with its exact byte
// offsets, sentence boundaries, and the agreement with space-joined CoNLL text.
#include "docpipe/text/segmenter.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "docpipe/document.h"

namespace docpipe {
namespace {

// "text@begin" for every token, e.g. {"U.S.@0", "troops@5"}.
std::vector<std::string> tokens_at(std::string_view text) {
  Segmentation seg(text);
  std::vector<std::string> out;
  for (const Token& t : seg.tokens()) {
    out.push_back(std::string(seg.text_of(t)) + "@" + std::to_string(t.begin));
  }
  return out;
}

std::vector<std::string> sentences_of(std::string_view text) {
  Segmentation seg(text);
  std::vector<std::string> out;
  for (const Sentence& s : seg.sentences()) out.emplace_back(seg.text_of(s));
  return out;
}

struct TokenCase {
  const char* text;
  std::vector<std::string> tokens;
};

class TokenTable : public ::testing::TestWithParam<TokenCase> {};

TEST_P(TokenTable, OffsetsAreExact) {
  EXPECT_EQ(tokens_at(GetParam().text), GetParam().tokens) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Segmenter, TokenTable,
    ::testing::Values(
        // Abbreviations, initials, titles.
        TokenCase{"U.S. troops", {"U.S.@0", "troops@5"}},
        TokenCase{"Gen. Mark Milley", {"Gen.@0", "Mark@5", "Milley@10"}},
        TokenCase{"John F. Kirby said", {"John@0", "F.@5", "Kirby@8", "said@14"}},
        TokenCase{"on Sept. 4", {"on@0", "Sept.@3", "4@9"}},
        TokenCase{"Acme Inc. rose", {"Acme@0", "Inc.@5", "rose@10"}},
        TokenCase{"at 9 a.m. today", {"at@0", "9@3", "a.m.@5", "today@10"}},
        TokenCase{"the U.S.-led force", {"the@0", "U.S.-led@4", "force@13"}},
        TokenCase{"Ph.D. thesis", {"Ph.D.@0", "thesis@6"}},
        // A sentence-final period is its own token after ordinary words.
        TokenCase{"He left.", {"He@0", "left@3", ".@7"}},
        // Clitics (ASCII and typographic apostrophes) and contractions.
        TokenCase{"Russia's army", {"Russia@0", "'s@6", "army@9"}},
        TokenCase{"Russia\xE2\x80\x99s army", {"Russia@0", "\xE2\x80\x99s@6", "army@11"}},
        TokenCase{"don't go", {"do@0", "n't@2", "go@6"}},
        TokenCase{"they're here", {"they@0", "'re@4", "here@8"}},
        TokenCase{"O'Neil won", {"O'Neil@0", "won@7"}},
        TokenCase{"Russia 's army", {"Russia@0", "'s@7", "army@10"}},
        TokenCase{"do n't", {"do@0", "n't@3"}}, TokenCase{"the '90s", {"the@0", "'90s@4"}},
        // Quotes and brackets.
        TokenCase{"\"No,\" he said.", {"\"@0", "No@1", ",@3", "\"@4", "he@6", "said@9", ".@13"}},
        TokenCase{"\xE2\x80\x9CYes\xE2\x80\x9D (maybe)",
                  {"\xE2\x80\x9C@0", "Yes@3", "\xE2\x80\x9D@6", "(@10", "maybe@11", ")@16"}},
        TokenCase{"`` Hi '' she", {"``@0", "Hi@3", "''@6", "she@9"}},
        // Datelines and dashes.
        TokenCase{"WASHINGTON \xE2\x80\x94 The", {"WASHINGTON@0", "\xE2\x80\x94@11", "The@15"}},
        TokenCase{"LONDON (Reuters) - Shares",
                  {"LONDON@0", "(@7", "Reuters@8", ")@15", "-@17", "Shares@19"}},
        TokenCase{"wait -- no", {"wait@0", "--@5", "no@8"}}, TokenCase{"so...", {"so@0", "...@2"}},
        // Numbers.
        TokenCase{"1,500 people", {"1,500@0", "people@6"}},
        TokenCase{"$3.5 billion", {"$@0", "3.5@1", "billion@5"}},
        TokenCase{"won 2-1 at 10:30", {"won@0", "2-1@4", "at@8", "10:30@11"}},
        TokenCase{"50% and .5", {"50@0", "%@2", "and@4", ".5@8"}},
        TokenCase{"the 1990s and 10th", {"the@0", "1990s@4", "and@10", "10th@14"}},
        TokenCase{"on 2023-09-04", {"on@0", "2023-09-04@3"}},
        TokenCase{"a 12-year-old boy", {"a@0", "12-year-old@2", "boy@14"}},
        TokenCase{"call +44 171", {"call@0", "+44@5", "171@9"}},
        TokenCase{"C$ 1.5 and US$20", {"C$@0", "1.5@3", "and@7", "US$@11", "20@14"}},
        TokenCase{"1. Smith 2:10\n2. Jones", {"1.@0", "Smith@3", "2:10@9", "2.@14", "Jones@17"}},
        TokenCase{"in 2019. Then", {"in@0", "2019@3", ".@7", "Then@9"}},
        // Compounds and company names.
        TokenCase{"Acme ( ACM.N ) fell", {"Acme@0", "(@5", "ACM.N@7", ")@13", "fell@15"}},
        TokenCase{"Anglo-Dutch S&P AT&T", {"Anglo-Dutch@0", "S&P@12", "AT&T@16"}},
        TokenCase{"rock & roll", {"rock@0", "&@5", "roll@7"}},
        // Unicode: accents, non-Latin scripts, no-break space, emoji.
        TokenCase{"Jos\xC3\xA9 Mar\xC3\xAD"
                  "a",
                  {"Jos\xC3\xA9@0",
                   "Mar\xC3\xAD"
                   "a@6"}},
        TokenCase{"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0\xC2\xA0"
                  "city",
                  {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0@0", "city@14"}},
        TokenCase{"ok \xF0\x9F\x98\x80!", {"ok@0", "\xF0\x9F\x98\x80@3", "!@7"}},
        // URLs and e-mail addresses stay whole; trailing punctuation does not.
        TokenCase{"see https://example.org/a?b=1.",
                  {"see@0", "https://example.org/a?b=1@4", ".@29"}},
        TokenCase{"mail jo@example.com now", {"mail@0", "jo@example.com@5", "now@20"}},
        // Invalid UTF-8 is a symbol token, not a crash.
        TokenCase{"a\xFF"
                  "b",
                  {"a@0", "\xFF@1", "b@2"}},
        TokenCase{"", {}}));

struct SentenceCase {
  const char* text;
  std::vector<std::string> sentences;
};

class SentenceTable : public ::testing::TestWithParam<SentenceCase> {};

TEST_P(SentenceTable, Boundaries) {
  EXPECT_EQ(sentences_of(GetParam().text), GetParam().sentences) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Segmenter, SentenceTable,
    ::testing::Values(
        SentenceCase{"It rained. We stayed in.", {"It rained.", "We stayed in."}},
        SentenceCase{"Gen. Ray Odell spoke. He left.", {"Gen. Ray Odell spoke.", "He left."}},
        SentenceCase{"John F. Kirby said so.", {"John F. Kirby said so."}},
        SentenceCase{"They met on Sept. 4 in Oslo.", {"They met on Sept. 4 in Oslo."}},
        SentenceCase{"U.S. officials agreed.", {"U.S. officials agreed."}},
        SentenceCase{"He lives in the U.S. The weather is mild.",
                     {"He lives in the U.S.", "The weather is mild."}},
        SentenceCase{"She works for the U.S. Army now.", {"She works for the U.S. Army now."}},
        SentenceCase{"\"We won,\" he said. \"Again.\" Then silence.",
                     {"\"We won,\" he said.", "\"Again.\"", "Then silence."}},
        SentenceCase{"Why? Because. Fine!", {"Why?", "Because.", "Fine!"}},
        SentenceCase{"Shares rose 2.5 percent. Bonds fell.",
                     {"Shares rose 2.5 percent.", "Bonds fell."}},
        SentenceCase{"TITLE LINE\n\nWASHINGTON \xE2\x80\x94 Talks began. More later.",
                     {"TITLE LINE", "WASHINGTON \xE2\x80\x94 Talks began.", "More later."}},
        SentenceCase{"A line that wraps\nin the middle.", {"A line that wraps\nin the middle."}},
        SentenceCase{"First line\nSecond line", {"First line", "Second line"}},
        SentenceCase{"1. Smith 2:10\n2. Jones 2:11", {"1. Smith 2:10", "2. Jones 2:11"}},
        SentenceCase{"Wait... what?", {"Wait... what?"}},
        SentenceCase{"It began at 10:35 a.m. (0735 GMT) Friday.",
                     {"It began at 10:35 a.m. (0735 GMT) Friday."}},
        SentenceCase{"He works at Acme Inc. [sic] now.", {"He works at Acme Inc. [sic] now."}},
        SentenceCase{"We met at 5 p.m. \"Go,\" she said.", {"We met at 5 p.m.", "\"Go,\" she said."}}, SentenceCase{"", {}}));

TEST(Segmenter, ParagraphsAndFlags) {
  Segmentation seg("One. Two.\n\nThree.\nFour");
  ASSERT_EQ(seg.sentences().size(), 4u);
  EXPECT_EQ(seg.sentences()[0].paragraph, 0u);
  EXPECT_EQ(seg.sentences()[1].paragraph, 0u);
  EXPECT_EQ(seg.sentences()[2].paragraph, 1u);
  EXPECT_EQ(seg.sentences()[3].paragraph, 1u);
  EXPECT_EQ(seg.paragraph_count(), 2u);
  const auto tokens = seg.tokens();
  EXPECT_TRUE(tokens[0].flags & kParagraphStart);
  EXPECT_FALSE(tokens[1].flags & kSpaceBefore);    // "." after "One"
  EXPECT_TRUE(tokens[4].flags & kParagraphStart);  // "Three"
  EXPECT_TRUE(tokens[6].flags & kNewlineBefore);   // "Four"
  EXPECT_FALSE(tokens[6].flags & kParagraphStart);
  EXPECT_EQ(tokens[0].kind, TokenKind::kWord);
  EXPECT_EQ(tokens[1].kind, TokenKind::kPunct);
}

TEST(Segmenter, KindsOfTokens) {
  Segmentation seg("Pay $5 + 10% now");
  std::vector<TokenKind> kinds;
  for (const Token& t : seg.tokens()) kinds.push_back(t.kind);
  EXPECT_EQ(kinds, (std::vector<TokenKind>{TokenKind::kWord, TokenKind::kSymbol, TokenKind::kNumber,
                                           TokenKind::kSymbol, TokenKind::kNumber,
                                           TokenKind::kSymbol, TokenKind::kWord}));
}

// Space-joined CoNLL-style text (one sentence a line): every original token stays one token,
// so gold entity spans fall on token boundaries.
TEST(Segmenter, KeepsPreTokenizedTextWhole) {
  const std::string text =
      "Lakeview Holdings ( LKH.N ) said on Tuesday its U.S. unit , AT&T-like , earned C$ 1.5 "
      "million .\n"
      "`` We do n't expect it , '' Smith 's aide said .\n"
      "1. Ada Voss ( Norway ) 2:10:15\n"
      "SOCCER - ROVERS WIN 3-1 , +44 171 542";
  Segmentation seg(text);
  std::vector<std::string> got;
  for (const Token& t : seg.tokens()) got.emplace_back(seg.text_of(t));
  std::vector<std::string> want;
  std::string word;
  for (char c : text + " ") {
    if (c == ' ' || c == '\n') {
      if (!word.empty()) want.push_back(word);
      word.clear();
    } else {
      word += c;
    }
  }
  EXPECT_EQ(got, want);
  EXPECT_EQ(seg.sentences().size(), 4u);
}

TEST(Segmenter, KnownAbbreviations) {
  EXPECT_TRUE(is_known_abbreviation("Gen."));
  EXPECT_TRUE(is_known_abbreviation("Sept."));
  EXPECT_TRUE(is_known_abbreviation("Inc."));
  EXPECT_FALSE(is_known_abbreviation("GEN."));
  EXPECT_FALSE(is_known_abbreviation("Gen"));
  EXPECT_FALSE(is_known_abbreviation("house."));
}

TEST(Segmenter, SegmentsTheViewOnceAndRecordsLayers) {
  Document doc("d", "Hello there. Bye.");
  const Segmentation& a = segment(doc);
  const Segmentation& b = segment(doc);
  EXPECT_EQ(&a, &b);
  ASSERT_NE(doc.find_layer("token"), nullptr);
  ASSERT_NE(doc.find_layer("sentence"), nullptr);
  EXPECT_EQ(doc.find_layer("token")->size(), 5u);
  EXPECT_EQ(doc.find_layer("sentence")->size(), 2u);
}

}  // namespace
}  // namespace docpipe
