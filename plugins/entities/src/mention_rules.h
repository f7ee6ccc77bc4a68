// Corrections applied to the tagger's mentions before linking, for error classes a model
// trained on 1996 Reuters wire text makes on other text. Each rule is stated where it is
// implemented (mention_rules.cc); all of them look only at the document itself, the gazetteer
// and the fixed word lists in head_nouns.h:
//   - names the gazetteer lists whole but the tagger split at an inner possessive ("Lao
//     People's Democratic Republic" read as two mentions) become one mention;
//   - a hyphenated pair of listed places ("Spain-Portugal border") becomes two LOC mentions;
//   - the head noun of a multi-word name decides its kind when it is a clear cue ("... Institute"
//     is an ORG, "... Airport" a facility (LOC), "... Peninsula" a place (LOC), "... Treaty" a
//     MISC);
//   - "<name> in <listed place>" read as one mention is two ("Kobe University" + "Kobe");
//   - a facility head followed by a number ("Gate 12") is one facility mention (LOC);
//   - a single name right before "administration" or "presidency" is a PERSON ("the Adams
//     administration");
// The linker (linker.h) adds the name-structure rules that need the whole document's clusters;
// person_shaped() tells it which mentions look like people's names.
#ifndef DOCPIPE_ENTITIES_MENTION_RULES_H_
#define DOCPIPE_ENTITIES_MENTION_RULES_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "docpipe/text/segmenter.h"
#include "gazetteer.h"
#include "ner_features.h"
#include "tagger.h"
#include "tags.h"

namespace docpipe::entities {

// A mention as byte offsets into the segmented text (it may cover part of a token, e.g. one side
// of "Spain-Portugal"), with its words.
struct FoundMention {
  std::uint32_t begin = 0, end = 0;
  std::vector<std::string_view> words;
  EntityType type = EntityType::kMisc;
  float confidence = 0;
  bool facility = false;  // a facility by its head noun (subtype FAC)
  bool event = false;     // a named weather event (subtype EVENT)
};

class MentionRules {
 public:
  explicit MentionRules(const Gazetteer& gazetteer);

  // `tokens` is the DocumentTokens the tagger filled for `seg`; `mentions` its output.
  // Returns the corrected mentions in text order.
  std::vector<FoundMention> apply(const Segmentation& seg, const DocumentTokens& tokens,
                                  const std::vector<Mention>& mentions) const;

  // 2-4 capitalised words, none a head noun (head_nouns.h), not a listed place: a name that
  // may be a person's ("Park Chung Hee", not "Halden Policy Institute" or "New Zealand").
  bool person_shaped(const std::vector<std::string_view>& words) const;

 private:
  bool listed_place(std::string_view lowered_phrase) const;

  const Gazetteer& gazetteer_;
  std::uint16_t place_ = 0, org_ = 0, person_names_ = 0, demonym_ = 0;
};

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_MENTION_RULES_H_
