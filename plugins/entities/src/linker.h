// Links the entity mentions of one document: mentions of the same entity get one cluster,
// whose canonical name is its fullest mention.
//
// Rules:
//   1. the same words as an earlier mention, ignoring case ("PUTIN" = "Putin");
//   2. a one- or two-word person mention that spells the first or last words of a longer person
//      name in the document, before or after it ("Putin" -> "Vladimir Putin", "Kim" -> "Kim
//      Jong Un"). When several names fit, the one with the most full mentions wins, then the
//      one introduced first (the document's main subject): "Kim" stays "Kim Jong Un" in a
//      story that also names "Kim Jong Il" once;
//   3. an acronym and the name whose initials it spells, in either order ("KCNA" <->
//      "Korean Central News Agency"; small words such as "of" and "the" may be skipped);
//   4. (after clustering) an acronym linked to its expansion takes the entity's majority label
//      (confidence-weighted: a doubtful ORG "DPRK" becomes the place its expansion names); a
//      person-shaped mention (LinkInput::person_shape) that is not a person but shares its
//      first word with a PERSON entity whose first word is also used alone (a family name
//      written first: "Park" for "Park Geun Hye") is a PERSON, with its whole cluster ("Park
//      Chung Hee");
// otherwise a mention starts a new cluster. A cluster's label is the label most of its mentions
// (weighted by confidence) received.
#ifndef DOCPIPE_ENTITIES_LINKER_H_
#define DOCPIPE_ENTITIES_LINKER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tags.h"

namespace docpipe::entities {

struct LinkInput {
  std::vector<std::string_view> words;  // the mention's tokens
  std::string_view text;                // its surface text
  EntityType type;
  float confidence;
  bool person_shape = false;  // 2-4 capitalised words that could be a person's name
};

struct EntityCluster {
  std::string canonical;  // the fullest mention's text
  EntityType type;        // majority label of the mentions
  std::uint32_t mentions = 0;
  std::uint32_t first_mention = 0;   // index into the input
  bool linked_by_name_part = false;  // rule 2 joined a short person mention to it
};

struct LinkResult {
  std::vector<std::uint32_t> cluster_of;  // one per input mention
  std::vector<EntityCluster> clusters;    // in order of first mention
  // Rule 4: the label a mention must take (-1: keep its own), one per input mention.
  std::vector<std::int8_t> relabel;
};

LinkResult link_mentions(const std::vector<LinkInput>& mentions);

// Does `acronym` ("KCNA", "U.N.") spell the initials of `words` (small function words may be
// skipped)? Case matters for the acronym: it must be written in capitals.
bool is_acronym_of(std::string_view acronym, const std::vector<std::string_view>& words);

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_LINKER_H_
