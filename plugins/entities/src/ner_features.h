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

#include <array>
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
  bool table_line = false;               // the sentence is mostly numbers (results, prices)
  std::int32_t group = -1;               // capitalised words: index into DocumentTokens::contexts
  std::vector<std::uint16_t> gazetteer;  // category * 4 + part (B I L U) of the matches
};

using TypeProbs = std::array<float, kTypeCount>;

struct DocumentTokens {
  std::vector<TokenInfo> tokens;
  // Sentences as token ranges [first, last) in document order.
  std::vector<std::pair<std::uint32_t, std::uint32_t>> sentences;
  // For each capitalised word form (lower-cased): the words seen just before and after its
  // occurrences in the document, as feature values (context aggregation).
  std::vector<std::vector<std::uint64_t>> contexts;
  // The first word of a document that opens with a capitals headline ("soccer" for "SOCCER -
  // ..."), hashed; 0 when there is none.
  std::uint64_t topic = 0;
};

class FeatureExtractor {
 public:
  FeatureExtractor(const Gazetteer& gazetteer, const WordClasses& classes)
      : gazetteer_(gazetteer), classes_(classes) {}

  // Token information for a whole segmented text (all of its sentences).
  void prepare(const Segmentation& seg, DocumentTokens& out) const;

  // Appends the features of token i of sentence [first, last): the union of word_features
  // of the tokens at offsets -2..2, context_features, and the token's context aggregation
  // (DocumentTokens::contexts of its group).
  void local_features(const DocumentTokens& doc, std::uint32_t first, std::uint32_t last,
                      std::uint32_t i, std::vector<std::uint64_t>& out) const;
  // The features that depend only on the token at `offset` from the one being tagged (its
  // text): they can be cached per word. `t` null: the position lies outside the sentence.
  // REQUIRES: t != nullptr when offset == 0.
  void word_features(const TokenInfo* t, int offset, std::vector<std::uint64_t>& out) const;
  // The other local features of token i (neighbour pairs, gazetteer, case evidence, topic).
  void context_features(const DocumentTokens& doc, std::uint32_t first, std::uint32_t last,
                        std::uint32_t i, std::vector<std::uint64_t>& out) const;

  // Per-document summary of first-pass decisions, computed once for document_features().
  struct FirstPass {
    std::span<const Tag> tags;  // one per token of the document
    // For each token: bit t set when another occurrence of its lower-cased form was tagged as
    // an entity of type t; bit 4 when another occurrence was outside any entity.
    std::vector<std::uint8_t> other_types;
    // For each token: the type most often given to other occurrences (0xFF: none).
    std::vector<std::uint8_t> majority;
    // For each token and type: the mean pass-1 probability of that type over the other
    // occurrences of its lower-cased form, in fifths (0..4); 0xFF when there are none.
    std::vector<std::array<std::uint8_t, kTypeCount>> other_probs;
  };
  // `type_probs` (optional, one per token): pass-1 probability that the token lies in an
  // entity of each type (see type_probabilities in tagger.h).
  FirstPass summarize(const DocumentTokens& doc, std::span<const Tag> tags,
                      std::span<const TypeProbs> type_probs = {}) const;

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
