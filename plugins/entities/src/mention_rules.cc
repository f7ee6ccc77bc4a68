#include "mention_rules.h"

#include <algorithm>
#include <string>

#include "head_nouns.h"
#include "word_form.h"

namespace docpipe::entities {
namespace {

// Token-based working form of a mention.
struct Working {
  std::uint32_t first, last;
  EntityType type;
  float confidence;
  bool facility = false;
  bool event = false;
};

std::string joined_lower(const DocumentTokens& doc, std::uint32_t first, std::uint32_t last) {
  std::string phrase;
  for (std::uint32_t k = first; k <= last; ++k) {
    if (!phrase.empty()) phrase += ' ';
    phrase += doc.tokens[k].lower;
  }
  return phrase;
}

bool is_possessive(const TokenInfo& t) { return t.lower == "'s"; }

// The sentence [first, last) holding token i.
std::pair<std::uint32_t, std::uint32_t> sentence_of(const DocumentTokens& doc, std::uint32_t i) {
  auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), i,
                             [](std::uint32_t x, const auto& s) { return x < s.first; });
  if (it == doc.sentences.begin()) return {0, 0};
  --it;
  return *it;
}

// Rule: a name the gazetteer lists whole, with an inner possessive, that the tagger split or
// cut ("People" + "Republic of Korea" inside "Democratic People's Republic of Korea") is one
// mention; its type comes from the gazetteer category (places LOC, organisations ORG).
void merge_listed_names(const DocumentTokens& doc, const Gazetteer& gaz, std::uint16_t place,
                        std::uint16_t org, std::vector<Working>& ms) {
  for (std::uint32_t i = 0; i < doc.tokens.size(); ++i) {
    for (std::uint16_t code : doc.tokens[i].gazetteer) {
      if ((code & 3) != 0) continue;  // matches begin with part B
      const int category = code >> 2;
      std::uint32_t j = i + 1;
      bool has_possessive = false, ended = false;
      for (; j < doc.tokens.size(); ++j) {
        const auto& g = doc.tokens[j].gazetteer;
        has_possessive = has_possessive || is_possessive(doc.tokens[j]);
        if (std::find(g.begin(), g.end(), static_cast<std::uint16_t>(category * 4 + 2)) !=
            g.end()) {
          ended = true;
          break;
        }
        if (std::find(g.begin(), g.end(), static_cast<std::uint16_t>(category * 4 + 1)) ==
            g.end()) {
          break;
        }
      }
      if (!ended || !has_possessive) continue;
      // Mentions touching [i, j] must all lie inside it, and there must be one.
      bool inside = true, any = false, exact = false;
      EntityType type = EntityType::kMisc;
      float confidence = 1, longest = 0;
      for (const Working& m : ms) {
        if (m.last < i || m.first > j) continue;
        any = true;
        inside = inside && m.first >= i && m.last <= j;
        exact = exact || (m.first == i && m.last == j);
        confidence = std::min(confidence, m.confidence);
        if (m.last - m.first + 1 > longest) {
          longest = static_cast<float>(m.last - m.first + 1);
          type = m.type;
        }
      }
      if (!any || !inside || exact) continue;
      const std::uint16_t cats = gaz.lookup(joined_lower(doc, i, j));
      if (cats & place) {
        type = EntityType::kLoc;
      } else if (cats & org) {
        type = EntityType::kOrg;
      }
      std::erase_if(ms, [&](const Working& m) { return m.first >= i && m.last <= j; });
      ms.push_back(Working{i, j, type, confidence});
      std::sort(ms.begin(), ms.end(),
                [](const Working& a, const Working& b) { return a.first < b.first; });
      break;
    }
  }
}

// Rule: "<name with a head noun> in <listed place>" read as one mention ("Kobe University in
// Kobe") is two: the name, and the place (LOC), as news annotation conventions have it. Names
// whose word before "in" is no head noun keep the place ("Human Rights in China").
void split_at_in(const DocumentTokens& doc, const Gazetteer& gaz, std::uint16_t place,
                 std::vector<Working>& ms) {
  std::vector<Working> out;
  out.reserve(ms.size());
  for (const Working& m : ms) {
    std::uint32_t at = 0;
    for (std::uint32_t k = m.first + 1; k < m.last; ++k) {
      if (doc.tokens[k].text == "in") at = k;
    }
    if (at != 0 && head_kind(doc.tokens[at - 1].lower) != HeadKind::kNone &&
        (gaz.lookup(joined_lower(doc, at + 1, m.last)) & place) != 0) {
      out.push_back(Working{m.first, at - 1, m.type, m.confidence, m.facility});
      out.push_back(Working{at + 1, m.last, EntityType::kLoc, m.confidence});
    } else {
      out.push_back(m);
    }
  }
  ms = std::move(out);
}

// Rule: a capitalised numbered-facility noun followed by a number in the same sentence ("Pier
// 7", "Terminal 2") is one facility mention (LOC); a mention of the noun alone grows to it.
void numbered_facilities(const Segmentation& seg, const DocumentTokens& doc,
                         std::vector<Working>& ms) {
  const auto tokens = seg.tokens();
  for (std::uint32_t i = 0; i + 1 < doc.tokens.size(); ++i) {
    const TokenInfo& t = doc.tokens[i];
    if (t.case_class != CaseClass::kTitle || !numbered_facility(t.lower)) continue;
    if (tokens[i + 1].kind != TokenKind::kNumber) continue;
    if (sentence_of(doc, i).second <= i + 1) continue;
    bool covered = false;
    for (Working& m : ms) {
      if (m.last == i) {
        m.last = i + 1;
        m.type = EntityType::kLoc;
        m.facility = true;
        covered = true;
      } else if (m.first <= i + 1 && m.last >= i) {
        covered = true;
      }
    }
    if (!covered) ms.push_back(Working{i, i + 1, EntityType::kLoc, 0.5f, true});
  }
  std::sort(ms.begin(), ms.end(),
            [](const Working& a, const Working& b) { return a.first < b.first; });
}

// Rule: the head noun of a multi-word name (its last word, or the word before "of") decides
// its kind when head_nouns.h lists it: ORG heads make an ORG; facility heads a LOC (FAC);
// place heads a LOC; agreement heads a MISC.
// Names the gazetteer lists as places keep their label ("Russian Federation"). A center or
// centre is an ORG when the tagger read a person or MISC, or when the words before it are all
// listed as people's names (institutions named after people, even when a town shares the
// name); otherwise it keeps its label.
void head_noun_types(const DocumentTokens& doc, const Gazetteer& gaz, std::uint16_t place,
                     std::uint16_t person_names, std::vector<Working>& ms) {
  for (Working& m : ms) {
    if (m.last == m.first) continue;
    if (gaz.lookup(joined_lower(doc, m.first, m.last)) & place) continue;
    std::uint32_t head = m.last;
    for (std::uint32_t k = m.first + 1; k < m.last; ++k) {
      if (doc.tokens[k].lower == "of") {
        head = k - 1;
        break;
      }
    }
    const TokenInfo& h = doc.tokens[head];
    if (h.case_class != CaseClass::kTitle && h.case_class != CaseClass::kUpper) continue;
    switch (head_kind(h.lower)) {
      case HeadKind::kOrg:
        m.type = EntityType::kOrg;
        break;
      case HeadKind::kOrgOrVenue: {
        bool named_after_person = head > m.first;
        for (std::uint32_t k = m.first; k < head && named_after_person; ++k) {
          const std::uint16_t cats = gaz.lookup(doc.tokens[k].lower);
          named_after_person = (cats & person_names) != 0;
        }
        if (named_after_person || m.type == EntityType::kPerson || m.type == EntityType::kMisc) {
          m.type = EntityType::kOrg;
        }
        break;
      }
      case HeadKind::kFacility:
        m.type = EntityType::kLoc;
        m.facility = true;
        break;
      case HeadKind::kPlace:
        m.type = EntityType::kLoc;
        break;
      case HeadKind::kMisc:
        m.type = EntityType::kMisc;
        break;
      case HeadKind::kNone:
        break;
    }
  }
}

// Rule: one name right before "administration" or "presidency" is the leader's: a PERSON
// (not a nationality: "the Colombian presidency").
void leader_modifiers(const DocumentTokens& doc, const Gazetteer& gaz, std::uint16_t demonym,
                      std::vector<Working>& ms) {
  for (Working& m : ms) {
    if (m.first != m.last || m.type == EntityType::kPerson || m.type == EntityType::kLoc) continue;
    if (gaz.lookup(doc.tokens[m.first].lower) & demonym) continue;
    if (m.last + 1 >= doc.tokens.size()) continue;
    const std::string& next = doc.tokens[m.last + 1].lower;
    if (next == "administration" || next == "presidency") m.type = EntityType::kPerson;
  }
}

bool weather_head(const TokenInfo& t) {
  if (t.case_class != CaseClass::kTitle) return false;
  return t.lower == "storm" || t.lower == "hurricane" || t.lower == "typhoon" ||
         t.lower == "cyclone";
}

// Rule: a named weather event, its head word first ("Storm Ciara", "Hurricane Ida", "Tropical
// Storm Alberto"), is a MISC (subtype EVENT), not a person. A mention of the name alone grows
// to take in the capitalised head words before it.
void weather_events(const DocumentTokens& doc, std::vector<Working>& ms) {
  for (Working& m : ms) {
    std::uint32_t first = m.first;
    while (first > 0 && weather_head(doc.tokens[first - 1])) --first;
    if (first > 0 && first < m.first && doc.tokens[first - 1].case_class == CaseClass::kTitle &&
        doc.tokens[first - 1].lower == "tropical") {
      --first;
    }
    std::uint32_t head = first;
    if (doc.tokens[head].lower == "tropical" && head < m.last) ++head;
    if (head >= m.last || !weather_head(doc.tokens[head])) continue;
    m.first = first;
    m.type = EntityType::kMisc;
    m.facility = false;
    m.event = true;
  }
}

}  // namespace

MentionRules::MentionRules(const Gazetteer& gazetteer) : gazetteer_(gazetteer) {
  for (std::string_view c : {"country", "subdivision", "city", "location"}) {
    const int i = gazetteer.category_index(c);
    if (i >= 0) place_ |= static_cast<std::uint16_t>(1u << i);
  }
  for (std::string_view c : {"person", "surname", "given_name"}) {
    const int i = gazetteer.category_index(c);
    if (i >= 0) person_names_ |= static_cast<std::uint16_t>(1u << i);
  }
  const int d = gazetteer.category_index("demonym");
  if (d >= 0) demonym_ = static_cast<std::uint16_t>(1u << d);
  const int o = gazetteer.category_index("org");
  if (o >= 0) org_ = static_cast<std::uint16_t>(1u << o);
}

bool MentionRules::person_shaped(const std::vector<std::string_view>& words) const {
  if (words.size() < 2 || words.size() > 4) return false;
  std::string phrase;
  for (std::string_view w : words) {
    if (case_class(w) != CaseClass::kTitle) return false;
    const std::string lw = to_lower(w);
    if (head_kind(lw) != HeadKind::kNone) return false;
    if (!phrase.empty()) phrase += ' ';
    phrase += lw;
  }
  return !listed_place(phrase);
}

bool MentionRules::listed_place(std::string_view lowered_phrase) const {
  return (gazetteer_.lookup(lowered_phrase) & place_) != 0;
}

std::vector<FoundMention> MentionRules::apply(const Segmentation& seg, const DocumentTokens& doc,
                                              const std::vector<Mention>& mentions) const {
  std::vector<Working> ms;
  ms.reserve(mentions.size());
  for (const Mention& m : mentions) {
    ms.push_back(Working{m.first_token, m.last_token, m.type, m.confidence});
  }
  if (doc.tokens.size() == seg.tokens().size()) {
    merge_listed_names(doc, gazetteer_, place_, org_, ms);
    split_at_in(doc, gazetteer_, place_, ms);
    numbered_facilities(seg, doc, ms);
    head_noun_types(doc, gazetteer_, place_, person_names_, ms);
    leader_modifiers(doc, gazetteer_, demonym_, ms);
    weather_events(doc, ms);
  }
  const auto tokens = seg.tokens();
  std::vector<FoundMention> out;
  out.reserve(ms.size());
  for (const Working& m : ms) {
    FoundMention f;
    f.begin = tokens[m.first].begin;
    f.end = tokens[m.last].end;
    for (std::uint32_t k = m.first; k <= m.last; ++k) f.words.push_back(seg.text_of(tokens[k]));
    f.type = m.type;
    f.confidence = m.confidence;
    f.facility = m.facility;
    f.event = m.event;
    // Rule: a hyphenated pair of listed places opening a mention ("Spain-Portugal", "Chad-North
    // Sudan border") is two LOC mentions, one on each side of the hyphen.
    const std::string_view w0 = f.words[0];
    const std::size_t dash = w0.find('-');
    if (dash != std::string_view::npos && dash > 0 && dash + 1 < w0.size() &&
        case_class(w0.substr(0, dash)) == CaseClass::kTitle &&
        case_class(w0.substr(dash + 1)) == CaseClass::kTitle) {
      const std::string left = to_lower(w0.substr(0, dash));
      std::string right = to_lower(w0.substr(dash + 1));
      for (std::size_t k = 1; k < f.words.size(); ++k) right += ' ' + to_lower(f.words[k]);
      if (listed_place(left) && listed_place(right)) {
        FoundMention a = f, b = f;
        a.end = f.begin + static_cast<std::uint32_t>(dash);
        a.words = {w0.substr(0, dash)};
        b.begin = a.end + 1;
        b.words[0] = w0.substr(dash + 1);
        a.type = b.type = EntityType::kLoc;
        a.facility = b.facility = false;
        out.push_back(std::move(a));
        out.push_back(std::move(b));
        continue;
      }
    }
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace docpipe::entities
