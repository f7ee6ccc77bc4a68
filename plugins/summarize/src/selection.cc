#include "selection.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <unordered_set>

namespace docpipe::summarize {
namespace {

std::uint64_t trigram_key(std::uint32_t a, std::uint32_t b, std::uint32_t c) noexcept {
  // Vocabulary ids stay below 2^21 for any document we accept in practice; mix otherwise.
  return (static_cast<std::uint64_t>(a) * 0x9E3779B97F4A7C15ULL) ^
         (static_cast<std::uint64_t>(b) << 21) ^ static_cast<std::uint64_t>(c) ^
         (static_cast<std::uint64_t>(c) << 42);
}

}  // namespace

std::uint32_t word_limit(const Budget& b, std::uint32_t total_words) noexcept {
  std::uint32_t limit = b.words == 0 ? UINT32_MAX : b.words;
  if (b.ratio > 0) {
    const double r = std::ceil(b.ratio * static_cast<double>(total_words));
    limit = std::min(limit, static_cast<std::uint32_t>(std::max(1.0, r)));
  }
  return limit;
}

std::vector<std::uint32_t> select_sentences(const Analysis& a, std::span<const float> scores,
                                            const Budget& budget, bool block_trigrams) {
  const auto n = static_cast<std::uint32_t>(a.sentences.size());
  std::vector<std::uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::uint32_t x, std::uint32_t y) { return scores[x] > scores[y]; });
  const std::uint32_t limit = word_limit(budget, static_cast<std::uint32_t>(a.words.size()));
  std::vector<std::uint32_t> chosen;
  std::unordered_set<std::uint64_t> seen;
  std::vector<std::uint64_t> grams;
  std::uint32_t words = 0;
  for (std::uint32_t i : order) {
    if (chosen.size() >= budget.sentences) break;
    const SentenceInfo& s = a.sentences[i];
    if (s.word_count() == 0) continue;
    if (words + s.word_count() > limit) continue;
    grams.clear();
    if (block_trigrams) {
      for (std::uint32_t w = s.first_word; w + 2 < s.last_word; ++w) {
        grams.push_back(trigram_key(a.words[w].id, a.words[w + 1].id, a.words[w + 2].id));
      }
      if (std::any_of(grams.begin(), grams.end(),
                      [&](std::uint64_t g) { return seen.contains(g); })) {
        continue;
      }
    }
    seen.insert(grams.begin(), grams.end());
    chosen.push_back(i);
    words += s.word_count();
  }
  if (chosen.empty()) {
    for (std::uint32_t i : order) {
      if (a.sentences[i].word_count() > 0) {
        chosen.push_back(i);
        break;
      }
    }
  }
  std::sort(chosen.begin(), chosen.end());
  return chosen;
}

}  // namespace docpipe::summarize
