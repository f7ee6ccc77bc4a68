// Feature extraction for the two tagging passes.
//
// prepare() computes, once per document, what each token contributes (lower case, shape,
// affixes, word classes, gazetteer matches, how the word is written elsewhere in the document).
// local_features() gives the features of token i in its sentence: the token, its neighbours
// within two tokens, their classes and shapes, gazetteer matches and document case evidence.
// document_features() adds what the first pass decided elsewhere in the document (the labels
// other mentions of the same word received, and the first-pass tags around the token); the
// second pass uses both sets.
#ifndef DOCPIPE_ENTITIES_NER_FEATURES_H_
#define DOCPIPE_ENTITIES_NER_FEATURES_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/text/segmenter.h"
#include "gazetteer.h"
#include "tags.h"
#include "word_classes.h"
#include "word_form.h"

namespace docpipe::entities {

struct TokenInfo {
  std::string_view text;
  std::string lower;
  std::uint64_t h_word = 0, h_lower = 0, h_shape = 0, h_short_shape = 0;
  WordClasses::Ids classes{};
  CaseClass case_class = CaseClass::kNone;
  bool sentence_initial = false;
  bool caps_sentence = false;            // the sentence has no lower-case word (a headline)
  bool seen_lower = false;               // the lower-cased form occurs lower-case elsewhere
  bool seen_title_inside = false;        // occurs title-cased elsewhere, not sentence-initially
  std::vector<std::uint16_t> gazetteer;  // category * 4 + part (B I L U) of the matches
};

struct DocumentTokens {
  std::vector<TokenInfo> tokens;
  // Sentences as token ranges [first, last) in document order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sentences;
};

class FeatureExtractor {
 public:
  FeatureExtractor(const Gazetteer& gazetteer, const WordClasses& classes)
      : gazetteer_(gazetteer), classes_(classes) {}

  // Token information for a whole segmented text (all of its sentences).
  void prepare(const Segmentation& seg, DocumentTokens& out) const;

  // Appends the features of token i of sentence [first, last).
  void local_features(const DocumentTokens& doc, std::uint32_t first, std::uint32_t last,
                      std::uint32_t i, std::vector<std::uint64_t>& out) const;

  // Per-document summary of first-pass decisions, computed once for document_features().
  struct FirstPass {
    std::span<const Tag> tags;  // one per token of the document
    // For each token: bit t set when another occurrence of its lower-cased form was tagged as
    // an entity of type t; bit 4 when another occurrence was outside any entity.
    std::vector<std::uint8_t> other_types;
    // For each token: the type most often given to other occurrences (0xFF: none).
    std::vector<std::uint8_t> majority;
  };
  FirstPass summarize(const DocumentTokens& doc, std::span<const Tag> tags) const;

  // Appends the second-pass features of token i (sentence [first, last)).
  void document_features(const DocumentTokens& doc, const FirstPass& first_pass,
                         std::uint32_t first, std::uint32_t last, std::uint32_t i,
                         std::vector<std::uint64_t>& out) const;

 private:
  const Gazetteer& gazetteer_;
  const WordClasses& classes_;
};

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_NER_FEATURES_H_
