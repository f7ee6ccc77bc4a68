// Two-pass entity tagging of a segmented text with a NerModel.
//
// Pass 1 tags each sentence with local features. Pass 2 tags it again with the same features
// plus what pass 1 decided across the whole document (so a headline in capitals learns from
// the body below it, and a surname from the full name elsewhere). Confidences are the
// posterior probabilities of the chosen tags under pass 2 (geometric mean over the mention).
#ifndef DOCPIPE_ENTITIES_TAGGER_H_
#define DOCPIPE_ENTITIES_TAGGER_H_

#include <vector>

#include "docpipe/text/segmenter.h"
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

// Tags every sentence of `doc` with `model`; `first_pass` null means pass-1 features only.
// `emissions` (optional) receives the per-token scores.
void tag_document(const LinearModel& model, const FeatureExtractor& fx, const DocumentTokens& doc,
                  const FeatureExtractor::FirstPass* first_pass, std::vector<Tag>& tags,
                  std::vector<Scores>* emissions = nullptr);

class Tagger {
 public:
  explicit Tagger(const NerModel& model)
      : model_(model), features_(model.gazetteer, model.classes) {}

  // Mentions in token order. `tokens` is scratch space the caller may reuse.
  std::vector<Mention> tag(const Segmentation& seg, DocumentTokens& tokens) const;
  const FeatureExtractor& features() const noexcept { return features_; }

 private:
  const NerModel& model_;
  FeatureExtractor features_;
};

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_TAGGER_H_
