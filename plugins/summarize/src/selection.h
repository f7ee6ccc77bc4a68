// Choosing summary sentences under a budget, with trigram blocking for redundancy.
#ifndef DOCPIPE_SUMMARIZE_SELECTION_H_
#define DOCPIPE_SUMMARIZE_SELECTION_H_

#include <cstdint>
#include <span>
#include <vector>

#include "analysis.h"

namespace docpipe::summarize {

struct Budget {
  std::uint32_t sentences = 3;  // at most this many sentences (>= 1)
  std::uint32_t words = 0;      // at most this many words; 0: no limit
  double ratio = 0;             // at most this share of the document's words; 0: no limit
};

// The word limit the budget sets for a document of `total_words` words (UINT32_MAX: none).
std::uint32_t word_limit(const Budget& b, std::uint32_t total_words) noexcept;

// Picks sentences in decreasing score (ties: earlier first) while the budget allows: a sentence
// that would pass the word limit is skipped, and when no sentence fits, the best-scored one alone
// is taken. With `block_trigrams`, a sentence sharing a word trigram with one already chosen is
// skipped. Returns sentence indices in document order. REQUIRES: scores.size() == sentences.
std::vector<std::uint32_t> select_sentences(const Analysis& a, std::span<const float> scores,
                                            const Budget& budget, bool block_trigrams);

}  // namespace docpipe::summarize

#endif  // DOCPIPE_SUMMARIZE_SELECTION_H_
