// Surface forms: case classes, shapes, lower/title case, the ASCII model form of typographic
// punctuation, and gazetteer matching over tokens.
#include "word_form.h"

#include <gtest/gtest.h>

#include "gazetteer.h"
#include "hashing.h"
#include "subtype.h"

namespace docpipe::entities {
namespace {

TEST(WordForm, CaseClasses) {
  EXPECT_EQ(case_class("house"), CaseClass::kLower);
  EXPECT_EQ(case_class("House"), CaseClass::kTitle);
  EXPECT_EQ(case_class("McDonald"), CaseClass::kTitle);
  EXPECT_EQ(case_class("NATO"), CaseClass::kUpper);
  EXPECT_EQ(case_class("U.S."), CaseClass::kUpper);
  EXPECT_EQ(case_class("eBay"), CaseClass::kMixed);
  EXPECT_EQ(case_class("1,500"), CaseClass::kNone);
  EXPECT_EQ(case_class("\xC3\x89lys\xC3\xA9"
                       "e"),
            CaseClass::kTitle);  // Élysée
}

TEST(WordForm, Shapes) {
  EXPECT_EQ(word_shape("Washington", true), "Xxx");
  EXPECT_EQ(word_shape("Washington", false), "Xx");
  EXPECT_EQ(word_shape("McDonald", false), "XxXx");
  EXPECT_EQ(word_shape("1,500", true), "d,dd");
  EXPECT_EQ(word_shape("U.S.", true), "X.X.");
}

TEST(WordForm, LowerAndTitle) {
  EXPECT_EQ(to_lower("JAPAN"), "japan");
  EXPECT_EQ(to_title("JAPAN"), "Japan");
  EXPECT_EQ(to_lower("\xC3\x89LYS\xC3\x89"
                     "E"),
            "\xC3\xA9lys\xC3\xA9"
            "e");
  EXPECT_EQ(to_title("\xC3\xA9lys\xC3\xA9"
                     "e"),
            "\xC3\x89lys\xC3\xA9"
            "e");
}

TEST(WordForm, ModelFormOfTypographicPunctuation) {
  std::string buf;
  EXPECT_EQ(model_form("Russia", buf), "Russia");
  EXPECT_EQ(model_form("\xE2\x80\x9C", buf), "\"");
  EXPECT_EQ(model_form("\xE2\x80\x99s", buf), "'s");
  EXPECT_EQ(model_form("O\xE2\x80\x99Neil", buf), "O'Neil");
  EXPECT_EQ(model_form("\xE2\x80\x94", buf), "--");
  EXPECT_EQ(model_form("\xE2\x80\xA6", buf), "...");
  EXPECT_EQ(model_form("\xC2\xAB", buf), "\"");
}

TEST(Gazetteer, MatchesLongestPhrasesCaseInsensitively) {
  auto g = Gazetteer::parse(
      "# comment\ncountry\tBosnia and Herzegovina\ncountry\tBosnia\ncity\tNew York\n"
      "subdivision\tNew York\n");
  ASSERT_TRUE(g.ok()) << g.status().ToString();
  EXPECT_EQ(g->categories(), (std::vector<std::string>{"country", "city", "subdivision"}));
  const std::vector<std::string> tokens = {"in",  "bosnia", "and", "herzegovina",
                                           "and", "new",    "york"};
  std::vector<std::uint64_t> hashes;
  for (const auto& t : tokens) hashes.push_back(hash_bytes(t));
  std::vector<Gazetteer::Match> matches;
  g->match(tokens, hashes, matches);
  ASSERT_EQ(matches.size(), 2u);
  EXPECT_EQ(matches[0].first, 1u);
  EXPECT_EQ(matches[0].last, 3u);
  EXPECT_EQ(matches[0].categories, 1u << 0);
  EXPECT_EQ(matches[1].first, 5u);
  EXPECT_EQ(matches[1].last, 6u);
  EXPECT_EQ(matches[1].categories, (1u << 1) | (1u << 2));
  EXPECT_EQ(g->lookup("bosnia"), 1u << 0);
  EXPECT_EQ(g->lookup("york"), 0u);
}

TEST(Gazetteer, RejectsMalformedLines) {
  auto g = Gazetteer::parse("country Norway\n");
  ASSERT_FALSE(g.ok());
  EXPECT_NE(g.status().message().find("line 1"), std::string::npos);
}

}  // namespace
}  // namespace docpipe::entities

namespace docpipe::entities {
namespace {

TEST(SubtypeFinder, GazetteerCategoriesGiveSubtypes) {
  auto g = Gazetteer::parse(
      "country\tNorway\ncity\tBergen\nfacility\tEiffel Tower\ndemonym\tNorwegian\n"
      "event\tBattle of Hastings\nperson\tAda Lovelace\nperson\tWalt Disney\norg\tWalt Disney\n");
  ASSERT_TRUE(g.ok());
  SubtypeFinder f(*g);
  EXPECT_EQ(f.find(EntityType::kLoc, {"norway"}), "GPE");
  EXPECT_EQ(f.find(EntityType::kLoc, {"bergen"}), "GPE");
  EXPECT_EQ(f.find(EntityType::kLoc, {"eiffel", "tower"}), "FAC");
  EXPECT_EQ(f.find(EntityType::kLoc, {"atlantis"}), "");
  EXPECT_EQ(f.find(EntityType::kMisc, {"norwegian"}), "NORP");
  EXPECT_EQ(f.find(EntityType::kMisc, {"norwegians"}), "NORP");
  EXPECT_EQ(f.find(EntityType::kMisc, {"battle", "of", "hastings"}), "EVENT");
  EXPECT_EQ(f.find(EntityType::kOrg, {"norway"}), "");
  EXPECT_TRUE(f.listed_person({"ada", "lovelace"}));
  EXPECT_FALSE(f.listed_person({"walt", "disney"}));  // also an organisation
  EXPECT_FALSE(f.listed_person({"ada"}));             // one word: too ambiguous
}

}  // namespace
}  // namespace docpipe::entities
