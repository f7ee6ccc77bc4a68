// Position-aware keyphrase extraction in the manner of PositionRank (Florescu & Caragea, 2017):
// a co-occurrence graph of content words, ranked by PageRank biased towards words that occur
// early in the reading order (from the lead on; words before the lead count as late). Phrases
// are maximal runs of up to four adjacent content words; a phrase scores the sum of its words'
// ranks, and a phrase contained in a better one is dropped.
#ifndef DOCPIPE_SUMMARIZE_KEYPHRASES_H_
#define DOCPIPE_SUMMARIZE_KEYPHRASES_H_

#include <cstdint>
#include <string>
#include <vector>

#include "analysis.h"

namespace docpipe::summarize {

struct Keyphrase {
  std::string phrase;  // lowercased words joined by single spaces
  float score = 0;
  // View spans of every occurrence, in document order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> occurrences;
};

// The `limit` best phrases, best first (ties: earlier first occurrence first).
std::vector<Keyphrase> extract_keyphrases(const Analysis& a, const Segmentation& seg,
                                          std::size_t limit);

}  // namespace docpipe::summarize

#endif  // DOCPIPE_SUMMARIZE_KEYPHRASES_H_
