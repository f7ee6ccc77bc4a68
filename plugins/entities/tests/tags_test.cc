// BILOU tags and decoding invariants: valid sequences only, spans round-trip, Viterbi never
// returns an invalid sequence whatever the scores.
#include "tags.h"

#include <gtest/gtest.h>

#include <random>

#include "linear_model.h"

namespace docpipe::entities {
namespace {

constexpr Tag B(EntityType t) { return make_tag(t, Part::kB); }
constexpr Tag I(EntityType t) { return make_tag(t, Part::kI); }
constexpr Tag L(EntityType t) { return make_tag(t, Part::kL); }
constexpr Tag U(EntityType t) { return make_tag(t, Part::kU); }
constexpr EntityType kPer = EntityType::kPerson;
constexpr EntityType kLoc = EntityType::kLoc;

TEST(Tags, ValidAndInvalidSequences) {
  EXPECT_TRUE(is_valid(std::vector<Tag>{}));
  EXPECT_TRUE(is_valid(std::vector<Tag>{kOutside, U(kPer), B(kLoc), I(kLoc), L(kLoc)}));
  const std::vector<std::vector<Tag>> invalid = {
      {I(kPer)},                     // I without B
      {L(kPer)},                     // L without B
      {B(kPer)},                     // B never closed
      {B(kPer), L(kLoc)},            // type changes inside
      {B(kPer), kOutside, L(kPer)},  // O inside an entity
      {B(kPer), U(kPer)},            // U inside an entity
      {U(kPer), I(kPer)},
      {kTagCount},  // not a tag
  };
  for (const auto& seq : invalid) EXPECT_FALSE(is_valid(seq)) << ::testing::PrintToString(seq);
}

TEST(Tags, SpansRoundTrip) {
  const std::vector<TokenSpan> spans = {{0, 0, kPer}, {2, 4, kLoc}, {5, 6, EntityType::kOrg}};
  const std::vector<Tag> tags = tags_of(spans, 8);
  EXPECT_TRUE(is_valid(tags));
  EXPECT_EQ(tags[0], U(kPer));
  EXPECT_EQ(tags[2], B(kLoc));
  EXPECT_EQ(tags[3], I(kLoc));
  EXPECT_EQ(tags[4], L(kLoc));
  EXPECT_EQ(tags[7], kOutside);
  EXPECT_EQ(spans_of(tags), spans);
}

TEST(Tags, Names) {
  EXPECT_EQ(tag_name(kOutside), "O");
  EXPECT_EQ(tag_name(U(EntityType::kMisc)), "U-MISC");
  EXPECT_EQ(label_of(kPer), "PERSON");
  EntityType t;
  EXPECT_TRUE(parse_label("PER", t));
  EXPECT_EQ(t, kPer);
  EXPECT_TRUE(parse_label("GPE", t));
  EXPECT_EQ(t, kLoc);
  EXPECT_FALSE(parse_label("DATE", t));
}

// Whatever the emission and transition scores, the decoder returns a valid sequence, and on
// scores that favour one valid sequence strongly it returns exactly that sequence.
TEST(Decoding, ViterbiReturnsValidSequences) {
  std::mt19937 rng(42);
  std::normal_distribution<float> noise(0.0f, 5.0f);
  LinearModel model;
  for (int round = 0; round < 200; ++round) {
    for (auto& row : model.transition) {
      for (float& x : row) x = noise(rng);
    }
    for (int t = 0; t < kTagCount; ++t) {
      model.start[t] = noise(rng);
      model.end[t] = noise(rng);
    }
    const std::size_t n = 1 + rng() % 12;
    std::vector<Scores> em(n);
    for (auto& s : em) {
      for (float& x : s) x = noise(rng);
    }
    std::vector<Tag> tags;
    viterbi(model, em, tags);
    ASSERT_EQ(tags.size(), n);
    ASSERT_TRUE(is_valid(tags)) << ::testing::PrintToString(tags);
    std::vector<Scores> marginals;
    tag_marginals(model, em, 1.0f, marginals);
    for (const Scores& m : marginals) {
      float sum = 0;
      for (float p : m) sum += p;
      EXPECT_NEAR(sum, 1.0f, 1e-3f);
    }
  }
  LinearModel flat;
  const std::vector<Tag> want = {kOutside, B(kPer), L(kPer), U(kLoc)};
  std::vector<Scores> em(want.size(), Scores{});
  for (std::size_t i = 0; i < want.size(); ++i) em[i][want[i]] = 10.0f;
  std::vector<Tag> got;
  viterbi(flat, em, got);
  EXPECT_EQ(got, want);
}

TEST(Decoding, InvalidBestTagsAreRepaired) {
  // Emissions prefer I-PER alone, which is not a valid sequence; the decoder must not return it.
  LinearModel flat;
  std::vector<Scores> em(1, Scores{});
  em[0][I(kPer)] = 100.0f;
  em[0][U(kPer)] = 1.0f;
  std::vector<Tag> got;
  viterbi(flat, em, got);
  EXPECT_EQ(got, std::vector<Tag>{U(kPer)});
}

}  // namespace
}  // namespace docpipe::entities
