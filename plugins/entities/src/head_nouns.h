// Common nouns that head multi-word proper names of one kind, lower case. Chosen from the last
// words of the gazetteer's WordNet organisation, facility and location instances
// (data/gazetteer.tsv) and WordNet's hyponyms of "organization", "facility" and "geographic
// area" and "written agreement", plus company-form suffixes (Ltd, Plc, AG, SpA, GmbH...), keeping
// only nouns whose names are of that kind in news text. Deliberately left out: words that head
// names of several kinds ("city": Mexico City, Manchester City; "bank": World Bank, West Bank;
// "union", "league", "museum", "hospital", "house").
#ifndef DOCPIPE_ENTITIES_HEAD_NOUNS_H_
#define DOCPIPE_ENTITIES_HEAD_NOUNS_H_

#include <string_view>

namespace docpipe::entities {

// kOrgOrVenue: heads both institutions and venues ("center", "centre": a policy center, a
// tennis centre); mention_rules.cc decides from the other words.
// kMisc: agreements and documents ("Kyoto Protocol", "Helsinki Accords"), MISC in CoNLL.
enum class HeadKind { kNone, kOrg, kOrgOrVenue, kFacility, kPlace, kMisc };

// The kind of names `lowered_word` heads ("institute" -> kOrg).
HeadKind head_kind(std::string_view lowered_word);
// Facilities numbered rather than named ("gate", "pier", "terminal"): "Gate 12".
bool numbered_facility(std::string_view lowered_word);

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_HEAD_NOUNS_H_
