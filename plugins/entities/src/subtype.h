// Finer types for entity mentions, from the gazetteer: GPE (countries, subdivisions, cities),
// FAC (buildings and other facilities), NORP (nationalities and groups: "French",
// "Americans"), EVENT (wars, battles, games).
#ifndef DOCPIPE_ENTITIES_SUBTYPE_H_
#define DOCPIPE_ENTITIES_SUBTYPE_H_

#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "tags.h"

namespace docpipe::entities {

class SubtypeFinder {
 public:
  explicit SubtypeFinder(const Gazetteer& gazetteer);
  // "GPE", "FAC", "NORP", "EVENT" or "" (unknown) for a mention of `type` whose lower-cased
  // words are `lowered`.
  std::string_view find(EntityType type, const std::vector<std::string>& lowered) const;
  // Is this multi-word name listed as a person (WordNet) and not as anything else? Such a
  // mention is a person whatever the tagger said ("Kim Il Sung" read as ORG).
  bool listed_person(const std::vector<std::string>& lowered) const;

 private:
  const Gazetteer& gazetteer_;
  std::uint16_t gpe_ = 0, fac_ = 0, norp_ = 0, event_ = 0, person_ = 0;
};

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_SUBTYPE_H_
