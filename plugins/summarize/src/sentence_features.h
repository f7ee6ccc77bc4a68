// Sentence features for the scoring model. The names are the model file's vocabulary: a model
// gives a weight to each name it knows (features it does not name weigh 0).
//
// Position is read from the lead (analysis.h): `rel` is the sentence's index counted from the
// lead's first sentence; sentences before the lead (captions, teasers) are "pre_lead".
#ifndef DOCPIPE_SUMMARIZE_SENTENCE_FEATURES_H_
#define DOCPIPE_SUMMARIZE_SENTENCE_FEATURES_H_

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "analysis.h"

namespace docpipe::summarize {

enum Feature : int {
  kBias = 0,
  kPos0,         // rel == 0
  kPos1,         // rel == 1
  kPos2,         // rel == 2
  kPos3,         // rel == 3
  kPosInverse,   // 1 / (rel + 1); 0 before the lead
  kPosFraction,  // rel / sentences from the lead on; 1 before the lead
  kPreLead,      // before the lead paragraph
  kParagraphStart,
  kLengthLog,       // log(1 + words)
  kShort,           // fewer than 8 words
  kLong,            // more than 40 words
  kCentroid,        // TF-ISF cosine to the document's centroid
  kDegree,          // summed cosine to the other sentences, over the document's maximum
  kLeadSimilarity,  // cosine to the other lead sentences (rel < 3)
  kSalience,        // entity salience (layer entity, else capitalized words), over the maximum
  kDate,            // mentions a date (layer timex, else a weekday or month name)
  kQuoteStart,
  kHasQuote,
  kQuestion,
  kNoFinalMark,
  kDigitFraction,
  kTitleSimilarity,    // cosine to meta.title when present
  kLowercaseFraction,  // share of words starting lowercase (prose, not bylines or captions)
  kPos4To6,            // 4 <= rel <= 6
  kPos7To10,           // 7 <= rel <= 10
  kPronounStart,       // opens with a pronoun ("He", "They", "This"): leans on an earlier sentence
  kConjunctionStart,   // opens with "But", "And", "So", "However", "Yet"
  kContentFraction,    // share of words that are not stopwords
  kAttribution,        // "said", "says", "told", "according"
  kMidLength,          // 12 to 30 words
  kWordProbability,    // mean document probability of its content words (SumBasic), over the max
  kEarlyDegree,        // pos_inverse x degree
  kEarlyCentroid,      // pos_inverse x centroid
  kEarlyLength,        // pos_inverse x length_log
  kFeatureCount
};

// The model-file name of each feature.
std::string_view feature_name(int f) noexcept;
// -1 when unknown.
int feature_index(std::string_view name) noexcept;

using FeatureRow = std::array<float, kFeatureCount>;

// Salience and date hints found by earlier stages, in view offsets.
struct Mention {
  std::uint32_t begin;
  std::uint32_t end;
  float weight;  // entity: log(1 + mentions of its entity); timex: 1
};
struct Hints {
  bool has_entities = false;
  std::vector<Mention> entities;
  bool has_timex = false;
  std::vector<Mention> timexes;
  std::vector<std::uint32_t> title_words;  // vocabulary ids of the title's content words
};

// Reads the entity and timex layers and meta.title of `doc` into view offsets, interning title
// words into the analysis vocabulary when they already occur (others cannot match).
Hints read_hints(const Document& doc, const Analysis& a);

// One row per sentence.
std::vector<FeatureRow> compute_features(const Analysis& a, const Hints& hints);

}  // namespace docpipe::summarize

#endif  // DOCPIPE_SUMMARIZE_SENTENCE_FEATURES_H_
