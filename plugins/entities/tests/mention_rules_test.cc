// The mention rules (mention_rules.h) through the stage with the shipped model, one table row
// per error class, on hand-written sentences; plus the head-noun table itself.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "docpipe/testing.h"
#include "head_nouns.h"

namespace docpipe {
namespace {

using testing::attr_of;
using testing::DocumentBuilder;
using testing::find_annotation;
using testing::StageHarness;

struct Expected {
  const char* text;
  const char* label;    // "" when the span must not be an entity
  const char* subtype;  // nullptr when not checked
};

struct Case {
  const char* name;
  const char* text;
  std::vector<Expected> expected;
};

class MentionRules : public ::testing::TestWithParam<Case> {
 protected:
  void SetUp() override {
    auto h = StageHarness::create(docpipe_plugin_entry());
    ASSERT_TRUE(h.ok()) << h.status().ToString();
    harness_ = std::make_unique<StageHarness>(std::move(*h));
  }
  std::unique_ptr<StageHarness> harness_;
};

TEST_P(MentionRules, CorrectsTheErrorClass) {
  const Case& c = GetParam();
  Document doc = DocumentBuilder(c.text).build();
  ASSERT_TRUE(harness_->run(doc).ok());
  for (const Expected& e : c.expected) {
    if (*e.label == '\0') {
      EXPECT_EQ(find_annotation(doc, "entity", e.text), nullptr) << e.text;
      continue;
    }
    EXPECT_NE(find_annotation(doc, "entity", e.text), nullptr) << e.text;
    EXPECT_EQ(attr_of(doc, "entity", e.text, "label"), e.label) << e.text;
    if (e.subtype) EXPECT_EQ(attr_of(doc, "entity", e.text, "subtype"), e.subtype) << e.text;
  }
}

const Case kCases[] = {
    {"NamedWeatherEvent",
     "Hurricane Odile flooded the coast road before Storm Jorunn reached the harbour on Sunday.",
     {{"Hurricane Odile", "MISC", "EVENT"}, {"Storm Jorunn", "MISC", "EVENT"}}},
    {"TypographicPossessiveInAListedName",
     "Diplomats from the Lao People\u2019s Democratic Republic arrived in Hanoi on Monday.",
     {{"Lao People\u2019s Democratic Republic", "LOC", "GPE"}, {"Lao People", "", nullptr}}},
    {"AsciiPossessiveInAListedName",
     "The envoy of the People's Republic of Bangladesh spoke first at the meeting.",
     {{"People's Republic of Bangladesh", "LOC", nullptr}}},
    {"OrganisationHeadNoun",
     "Researchers at the Halden Policy Institute said the figures were too low, according to "
     "a paper by Mark Ellison.",
     {{"Halden Policy Institute", "ORG", ""}, {"Mark Ellison", "PERSON", nullptr}}},
    {"CenterNamedAfterAPerson",
     "\u201cThe talks will fail,\u201d said Anna Berg, a senior fellow at the Truman Center.",
     {{"Truman Center", "ORG", nullptr}}},
    {"CentreAsAVenueKeepsItsLabel",
     "The final was played at the Riverside Tennis Centre in front of 4,000 fans.",
     {{"Riverside Tennis Centre", "LOC", nullptr}}},
    {"ListedCountryKeepsItsLabel",
     "Officials of the Russian Federation denied the report on Thursday.",
     {{"Russian Federation", "LOC", nullptr}}},
    {"NationalityBeforePresidencyStaysMisc",
     "The Colombian presidency said the talks would resume in Havana.",
     {{"Colombian", "MISC", nullptr}}},
    {"FacilityHeadNoun",
     "The satellite was launched from Plesetsk Cosmodrome early on Friday, officials said.",
     {{"Plesetsk Cosmodrome", "LOC", "FAC"}}},
    {"PlaceHeadNounBeforeOf",
     "The ship sailed along the Atlantic Coast of Morocco for a week before turning north.",
     {{"Atlantic Coast of Morocco", "LOC", nullptr}}},
    {"NameInAListedPlace",
     "She taught at the Hokkaido Institute of Technology in Sapporo until 2004.",
     {{"Hokkaido Institute of Technology", "ORG", nullptr}, {"Sapporo", "LOC", nullptr}}},
    {"AgreementHeadNoun",
     "Both governments ratified the Lisbon Fisheries Treaty last month.",
     {{"Lisbon Fisheries Treaty", "MISC", nullptr}}},
    {"NumberedFacility",
     "Passengers were moved to Terminal 3 while firefighters worked, a spokesman said.",
     {{"Terminal 3", "LOC", "FAC"}, {"Terminal", "", nullptr}}},
    {"HyphenatedPairOfPlaces",
     "Trade across the Spain-Portugal border grew last year, the ministry said.",
     {{"Spain", "LOC", nullptr}, {"Portugal", "LOC", nullptr}, {"Spain-Portugal", "", nullptr}}},
    {"LeaderBeforeAdministration",
     "Officials said the Coolidge administration had approved the loan in 1927.",
     {{"Coolidge", "PERSON", nullptr}}},
    {"RelativeSharingTheFamilyName",
     "Park Geun Hye met voters in Daegu. Park Geun Hye said her father, Park Chung Hee, had "
     "built the road. Park Geun Hye left on Sunday.",
     {{"Park Geun Hye", "PERSON", nullptr}, {"Park Chung Hee", "PERSON", nullptr}}},
};

INSTANTIATE_TEST_SUITE_P(Classes, MentionRules, ::testing::ValuesIn(kCases),
                         [](const auto& info) { return std::string(info.param.name); });

TEST(HeadNouns, KindsAndNumberedFacilities) {
  using entities::head_kind;
  using entities::HeadKind;
  struct Row {
    const char* word;
    HeadKind kind;
  };
  const Row rows[] = {{"institute", HeadKind::kOrg},
                      {"center", HeadKind::kOrgOrVenue},
                      {"agency", HeadKind::kOrg},
                      {"cosmodrome", HeadKind::kFacility},
                      {"airport", HeadKind::kFacility},
                      {"coast", HeadKind::kPlace},
                      {"treaty", HeadKind::kMisc},
                      {"city", HeadKind::kNone},
                      {"bank", HeadKind::kNone},
                      {"Institute", HeadKind::kNone},
                      {"", HeadKind::kNone}};
  for (const Row& r : rows) EXPECT_EQ(head_kind(r.word), r.kind) << r.word;
  EXPECT_TRUE(entities::numbered_facility("pier"));
  EXPECT_FALSE(entities::numbered_facility("street"));
}

}  // namespace
}  // namespace docpipe
