// Linking cases: case variants, surnames and given names to full names (before or after),
// ambiguity, acronyms both ways, no links across unrelated names.
#include "linker.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace docpipe::entities {
namespace {

// Mentions from "Text/TYPE" strings; words split at spaces.
struct Doc {
  std::vector<std::string> texts;
  std::vector<std::vector<std::string>> words;
  std::vector<LinkInput> inputs;
  explicit Doc(std::vector<std::pair<std::string, EntityType>> mentions) {
    texts.reserve(mentions.size());
    words.reserve(mentions.size());
    for (auto& [text, type] : mentions) {
      texts.push_back(text);
      std::vector<std::string> w;
      std::string cur;
      for (char c : text + " ") {
        if (c == ' ') {
          if (!cur.empty()) w.push_back(cur);
          cur.clear();
        } else {
          cur += c;
        }
      }
      words.push_back(w);
    }
    for (std::size_t i = 0; i < mentions.size(); ++i) {
      LinkInput in;
      for (const auto& w : words[i]) in.words.push_back(w);
      in.text = texts[i];
      in.type = mentions[i].second;
      in.confidence = 0.9f;
      inputs.push_back(in);
    }
  }
  std::vector<std::string> canonicals() const {
    const LinkResult r = link_mentions(inputs);
    std::vector<std::string> out;
    for (auto c : r.cluster_of) out.push_back(r.clusters[c].canonical);
    return out;
  }
};

constexpr EntityType kPer = EntityType::kPerson;
constexpr EntityType kOrg = EntityType::kOrg;
constexpr EntityType kLoc = EntityType::kLoc;
constexpr EntityType kMisc = EntityType::kMisc;

TEST(Linker, SurnameToEarlierFullName) {
  Doc d({{"Vladimir Putin", kPer}, {"Moscow", kLoc}, {"Putin", kPer}, {"PUTIN", kPer}});
  EXPECT_EQ(d.canonicals(), (std::vector<std::string>{"Vladimir Putin", "Moscow", "Vladimir Putin",
                                                      "Vladimir Putin"}));
  const LinkResult r = link_mentions(d.inputs);
  EXPECT_EQ(r.clusters.size(), 2u);
  EXPECT_EQ(r.clusters[0].mentions, 3u);
  EXPECT_EQ(r.cluster_of, (std::vector<std::uint32_t>{0, 1, 0, 0}));
}

TEST(Linker, SurnameParticlesInAnyCase) {
  Doc d({{"Joost de Vries", kPer}, {"Rotterdam", kLoc}, {"De Vries", kPer},
         {"Annelies van den Heuvel", kPer}, {"Van den Heuvel", kPer}, {"van den Heuvel", kPer}});
  EXPECT_EQ(d.canonicals(),
            (std::vector<std::string>{"Joost de Vries", "Rotterdam", "Joost de Vries",
                                      "Annelies van den Heuvel", "Annelies van den Heuvel",
                                      "Annelies van den Heuvel"}));
  // Particles alone are no name part.
  Doc p({{"Joost de Vries", kPer}, {"De", kPer}});
  EXPECT_EQ(p.canonicals(), (std::vector<std::string>{"Joost de Vries", "De"}));
}

TEST(Linker, ShortNameBeforeTheFullName) {
  Doc d({{"Halvorsen", kPer}, {"Ingrid Halvorsen", kPer}, {"Ingrid", kPer}});
  EXPECT_EQ(d.canonicals(), (std::vector<std::string>(3, "Ingrid Halvorsen")));
}

TEST(Linker, AmbiguousFamilyNameGoesToTheMainSubject) {
  // Two relatives share a family name; the one named more often (then first) takes "Kim".
  Doc d({{"Kim", kPer},
         {"Kim Dae Ho", kPer},
         {"Kim", kPer},
         {"Kim Dae Ho", kPer},
         {"Kim Min Su", kPer},
         {"Kim", kPer}});
  EXPECT_EQ(d.canonicals(), (std::vector<std::string>{"Kim Dae Ho", "Kim Dae Ho", "Kim Dae Ho",
                                                      "Kim Dae Ho", "Kim Min Su", "Kim Dae Ho"}));
}

TEST(Linker, TiesGoToTheNameIntroducedFirst) {
  Doc d({{"Ana Costa", kPer}, {"Rui Costa", kPer}, {"Costa", kPer}});
  EXPECT_EQ(d.canonicals()[2], "Ana Costa");
}

TEST(Linker, PlacesNeverLinkByNameParts) {
  Doc d({{"Jordan Banks", kPer}, {"Jordan", kLoc}, {"Banks", kPer}});
  EXPECT_EQ(d.canonicals(), (std::vector<std::string>{"Jordan Banks", "Jordan", "Jordan Banks"}));
}

TEST(Linker, ShortOrganisationNamesLinkByTheirFirstWords) {
  Doc d({{"Pirelli SpA", kOrg}, {"Pirelli", kOrg}, {"World Bank", kOrg}, {"Bank", kOrg}});
  EXPECT_EQ(d.canonicals(),
            (std::vector<std::string>{"Pirelli SpA", "Pirelli SpA", "World Bank", "Bank"}));
}

TEST(Linker, ATaggerConfusionBetweenPersonAndOrganisationStillLinks) {
  // The full name was read as an organisation, the surname as a person: one entity, whose
  // label is the majority and which is marked as linked by a name part.
  Doc d({{"Kim", kPer}, {"Kim Dae Ho", kOrg}, {"Kim", kPer}, {"Kim", kPer}});
  EXPECT_EQ(d.canonicals(), (std::vector<std::string>(4, "Kim Dae Ho")));
  const LinkResult r = link_mentions(d.inputs);
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].type, kPer);
  EXPECT_TRUE(r.clusters[0].linked_by_name_part);
}

TEST(Linker, AcronymsBothWays) {
  Doc after({{"Korean Central News Agency", kOrg}, {"KCNA", kOrg}});
  EXPECT_EQ(after.canonicals(), (std::vector<std::string>(2, "Korean Central News Agency")));
  Doc before({{"WWF", kOrg}, {"World Wildlife Fund", kOrg}, {"WWF", kOrg}});
  EXPECT_EQ(before.canonicals(), (std::vector<std::string>(3, "World Wildlife Fund")));
  Doc dotted({{"United Nations", kOrg}, {"U.N.", kOrg}});
  EXPECT_EQ(dotted.canonicals()[1], "United Nations");
  Doc unrelated({{"European Union", kOrg}, {"NATO", kOrg}});
  EXPECT_EQ(unrelated.canonicals()[1], "NATO");
}

TEST(Linker, AcronymRules) {
  auto words = [](std::vector<std::string_view> w) { return w; };
  EXPECT_TRUE(is_acronym_of("BoE", words({"Bank", "of", "England"})) == false);  // not capitals
  EXPECT_TRUE(is_acronym_of("BOE", words({"Bank", "of", "England"})));
  EXPECT_TRUE(is_acronym_of("BOFE", words({"Bank", "of", "France", "Estates"})));
  EXPECT_TRUE(is_acronym_of("NYT", words({"The", "New", "York", "Times"})));
  EXPECT_FALSE(is_acronym_of("NY", words({"New", "York", "Times"})));
  EXPECT_FALSE(is_acronym_of("N", words({"Nations"})));
  // Possessive clitics inside the expansion are skipped, typographic or not.
  EXPECT_TRUE(is_acronym_of("LPDR", words({"Lao", "People", "\u2019s", "Democratic", "Republic"})));
  EXPECT_TRUE(is_acronym_of("PRB", words({"People", "'s", "Republic", "of", "Bangladesh"})));
  EXPECT_FALSE(is_acronym_of("PSRB", words({"People", "'s", "Republic", "of", "Bangladesh"})));
}

TEST(Linker, AcronymOfAPlaceNameWithAPossessive) {
  Doc d({{"People's Republic of Bangladesh", kLoc}, {"PRB", kOrg}});
  EXPECT_EQ(d.canonicals(), (std::vector<std::string>(2, "People's Republic of Bangladesh")));
  d.inputs[1].confidence = 0.4f;  // a doubtful ORG reading of the acronym
  const LinkResult r = link_mentions(d.inputs);
  ASSERT_EQ(r.relabel.size(), 2u);
  EXPECT_EQ(r.relabel[0], -1);
  EXPECT_EQ(r.relabel[1], static_cast<std::int8_t>(kLoc));  // the acronym takes LOC
  // A confident acronym outvoting a doubtful expansion keeps its label.
  Doc many({{"National Forum for Reform", kMisc}, {"NFR", kOrg}, {"NFR", kOrg}});
  many.inputs[0].confidence = 0.5f;
  const LinkResult r2 = link_mentions(many.inputs);
  EXPECT_EQ(r2.relabel[1], -1);
  EXPECT_EQ(r2.relabel[2], -1);
}

TEST(Linker, RelativesSharingTheFirstWordOfAPersonArePeople) {
  struct Row {
    const char* other;
    bool person_shape;
    bool becomes_person;
  };
  const Row rows[] = {
      {"Park Chung Hee", true, true},       // family name first, person shape
      {"Park Avenue Trust", false, false},  // not person-shaped (decided by the caller)
      {"Chung Hee Park", true, false},      // does not share the first word
  };
  for (const Row& row : rows) {
    Doc d({{"Park Geun Hye", kOrg}, {"Park", kPer}, {"Park", kPer}, {row.other, kOrg}});
    d.inputs[3].person_shape = row.person_shape;
    const LinkResult r = link_mentions(d.inputs);
    EXPECT_EQ(r.relabel[3] == static_cast<std::int8_t>(kPer), row.becomes_person) << row.other;
    EXPECT_EQ(r.clusters[r.cluster_of[3]].type == kPer, row.becomes_person) << row.other;
  }
}

TEST(Linker, CaseVariantsPreferTheNormallyWrittenForm) {
  Doc d({{"GREENPEACE", kOrg}, {"Greenpeace", kOrg}});
  EXPECT_EQ(d.canonicals(), (std::vector<std::string>(2, "Greenpeace")));
}

TEST(Linker, ClusterLabelIsTheMajority) {
  Doc d({{"Lindqvist", kPer}, {"Lindqvist", kOrg}, {"Lindqvist", kPer}});
  const LinkResult r = link_mentions(d.inputs);
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].type, kPer);
  EXPECT_EQ(r.clusters[0].mentions, 3u);
}

TEST(Linker, Empty) { EXPECT_TRUE(link_mentions({}).clusters.empty()); }

}  // namespace
}  // namespace docpipe::entities
