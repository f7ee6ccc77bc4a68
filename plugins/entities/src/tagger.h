// Two-pass entity tagging of a segmented text with a NerModel.
//
// Pass 1 tags each sentence with local features. Pass 2 tags it again with the same features
// plus what pass 1 decided across the whole document (so a headline in capitals learns from
// the body below it, and a surname from the full name elsewhere). Confidences are the
// posterior probabilities of the chosen tags under pass 2 (geometric mean over the mention).
#ifndef DOCPIPE_ENTITIES_TAGGER_H_
#define DOCPIPE_ENTITIES_TAGGER_H_

#include <array>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

#include "docpipe/text/segmenter.h"
#include "flat_hash_map.h"
#include "linear_model.h"
#include "ner_features.h"
#include "ner_model.h"
#include "tags.h"

namespace docpipe::entities {

struct Mention {
  std::uint32_t first_token;  // tokens [first_token, last_token] of the Segmentation
  std::uint32_t last_token;
  EntityType type;
  float confidence;
};

// Scores of the word features (FeatureExtractor::word_features) of a word at each offset
// -2..2, per model, remembered across documents: the same word costs its feature lookups once.
// Not thread-safe: one cache per thread. Holds at most `capacity` words (then starts over).
class WordScoreCache {
 public:
  explicit WordScoreCache(std::size_t capacity = 1 << 15) : capacity_(capacity) {}
  using Offsets = std::array<Scores, 5>;  // offsets -2, -1, 0, +1, +2
  // `t` null: a position outside the sentence (only offsets != 0 are meaningful).
  const Offsets& get(const LinearModel& model, const FeatureExtractor& fx, const TokenInfo* t);

 private:
  std::size_t capacity_;
  FlatHashMap<std::uint32_t> index_;  // word and model hashed -> entry + 1
  std::vector<Offsets> entries_;
  std::vector<std::uint64_t> features_;
};

// Tags every sentence of `doc` with `model`; `first_pass` null means pass-1 features only.
// `emissions` (optional) receives the per-token scores. With a `cache`, word features are
// scored through it (same scores, fewer lookups).
void tag_document(const LinearModel& model, const FeatureExtractor& fx, const DocumentTokens& doc,
                  const FeatureExtractor::FirstPass* first_pass, std::vector<Tag>& tags,
                  std::vector<Scores>* emissions = nullptr, WordScoreCache* cache = nullptr);

// Pass-1 type probabilities of every token (forward-backward over each sentence at
// `temperature`; the probability of B, I, L and U of a type summed).
void type_probabilities(const LinearModel& model, const DocumentTokens& doc,
                        std::span<const Scores> emissions, float temperature,
                        std::vector<TypeProbs>& out);

class Tagger {
 public:
  explicit Tagger(const NerModel& model)
      : model_(model), features_(model.gazetteer, model.classes) {}

  // Mentions in token order. `tokens` is scratch space the caller may reuse.
  std::vector<Mention> tag(const Segmentation& seg, DocumentTokens& tokens) const;
  const FeatureExtractor& features() const noexcept { return features_; }

 private:
  WordScoreCache& cache_for_this_thread() const;

  const NerModel& model_;
  FeatureExtractor features_;
  mutable std::mutex caches_mutex_;
  mutable std::unordered_map<std::thread::id, std::unique_ptr<WordScoreCache>> caches_;
};

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_TAGGER_H_
