#include "selection.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analysis.h"
#include "test_words.h"

namespace docpipe::summarize {
namespace {

// Five sentences of 4, 6, 3, 8 and 5 words.
constexpr const char* kText =
    "The harbor opened early. Ships waited outside the long breakwater. Cranes stood idle. "
    "Dock workers said the schedule suited most crews. The harbor opened early again.";

struct Fixture {
  Segmentation seg{kText};
  Analysis a = analyze_text(seg, test_stopwords());
};

TEST(Select, WordCountsOfTheFixture) {
  Fixture f;
  ASSERT_EQ(f.a.sentences.size(), 5u);
  std::vector<std::uint32_t> counts;
  for (const auto& s : f.a.sentences) counts.push_back(s.word_count());
  EXPECT_EQ(counts, (std::vector<std::uint32_t>{4, 6, 3, 8, 5}));
}

TEST(Select, BudgetsTable) {
  Fixture f;
  const std::vector<float> scores = {0.9f, 0.8f, 0.7f, 0.6f, 0.5f};
  const struct {
    Budget budget;
    bool block;
    std::vector<std::uint32_t> expected;
  } cases[] = {
      {{3, 0, 0}, false, {0, 1, 2}},
      {{1, 0, 0}, false, {0}},
      {{10, 0, 0}, false, {0, 1, 2, 3, 4}},
      // "the harbor opened early" repeats in sentence 4: blocked.
      {{10, 0, 0}, true, {0, 1, 2, 3}},
      // 4 + 6 = 10 words; sentence 2 (3 words) would pass 12; 3 (8) too; 4 (5) too.
      {{10, 12, 0}, false, {0, 1}},
      {{10, 13, 0}, false, {0, 1, 2}},
      // A limit no sentence fits: the best-scored sentence alone.
      {{10, 2, 0}, false, {0}},
      // Ratio 0.3 of 26 words: at most 8 (ceil 7.8) -> 4 + 3.
      {{10, 0, 0.3}, false, {0, 2}},
      // Both limits: the smaller applies.
      {{10, 20, 0.3}, false, {0, 2}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(select_sentences(f.a, scores, c.budget, c.block), c.expected)
        << c.budget.sentences << " " << c.budget.words << " " << c.budget.ratio;
  }
}

TEST(Select, OutputIsInDocumentOrder) {
  Fixture f;
  const std::vector<float> scores = {0.1f, 0.2f, 0.3f, 0.9f, 0.4f};
  EXPECT_EQ(select_sentences(f.a, scores, Budget{2, 0, 0}, true),
            (std::vector<std::uint32_t>{3, 4}));
}

TEST(Select, EmptyDocument) {
  Segmentation seg("");
  Analysis a = analyze_text(seg, test_stopwords());
  EXPECT_TRUE(select_sentences(a, {}, Budget{}, true).empty());
}

TEST(Select, WordLimit) {
  EXPECT_EQ(word_limit(Budget{3, 0, 0}, 100), UINT32_MAX);
  EXPECT_EQ(word_limit(Budget{3, 50, 0}, 100), 50u);
  EXPECT_EQ(word_limit(Budget{3, 0, 0.25}, 100), 25u);
  EXPECT_EQ(word_limit(Budget{3, 0, 0.001}, 100), 1u);
}

}  // namespace
}  // namespace docpipe::summarize
