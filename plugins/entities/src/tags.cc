#include "tags.h"

namespace docpipe::entities {

std::string_view label_of(EntityType t) {
  static constexpr std::string_view kLabels[] = {"PERSON", "ORG", "LOC", "MISC"};
  return kLabels[static_cast<int>(t)];
}

bool parse_label(std::string_view label, EntityType& out) {
  if (label == "PERSON" || label == "PER") {
    out = EntityType::kPerson;
  } else if (label == "ORG" || label == "ORGANIZATION") {
    out = EntityType::kOrg;
  } else if (label == "LOC" || label == "LOCATION" || label == "GPE") {
    out = EntityType::kLoc;
  } else if (label == "MISC") {
    out = EntityType::kMisc;
  } else {
    return false;
  }
  return true;
}

std::string_view tag_name(Tag tag) {
  static constexpr std::string_view kNames[kTagCount] = {
      "O",     "B-PER", "I-PER", "L-PER", "U-PER",  "B-ORG",  "I-ORG",  "L-ORG", "U-ORG",
      "B-LOC", "I-LOC", "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC"};
  return tag < kTagCount ? kNames[tag] : "?";
}

bool may_start(Tag tag) {
  return tag == kOutside || part_of(tag) == Part::kB || part_of(tag) == Part::kU;
}

bool may_end(Tag tag) {
  return tag == kOutside || part_of(tag) == Part::kL || part_of(tag) == Part::kU;
}

bool may_follow(Tag prev, Tag next) {
  const bool prev_open =
      prev != kOutside && (part_of(prev) == Part::kB || part_of(prev) == Part::kI);
  if (prev_open) {
    return next != kOutside && type_of(next) == type_of(prev) &&
           (part_of(next) == Part::kI || part_of(next) == Part::kL);
  }
  return may_start(next);
}

bool is_valid(std::span<const Tag> tags) {
  Tag prev = kOutside;
  for (Tag t : tags) {
    if (t >= kTagCount || !may_follow(prev, t)) return false;
    prev = t;
  }
  return may_end(prev);
}

std::vector<TokenSpan> spans_of(std::span<const Tag> tags) {
  std::vector<TokenSpan> out;
  std::uint32_t start = 0;
  for (std::uint32_t i = 0; i < tags.size(); ++i) {
    const Tag t = tags[i];
    if (t == kOutside) continue;
    switch (part_of(t)) {
      case Part::kB:
        start = i;
        break;
      case Part::kU:
        out.push_back(TokenSpan{i, i, type_of(t)});
        break;
      case Part::kL:
        out.push_back(TokenSpan{start, i, type_of(t)});
        break;
      case Part::kI:
        break;
    }
  }
  return out;
}

std::vector<Tag> tags_of(std::span<const TokenSpan> spans, std::size_t n) {
  std::vector<Tag> tags(n, kOutside);
  for (const TokenSpan& s : spans) {
    if (s.last >= n || s.first > s.last) continue;
    if (s.first == s.last) {
      tags[s.first] = make_tag(s.type, Part::kU);
      continue;
    }
    tags[s.first] = make_tag(s.type, Part::kB);
    for (std::uint32_t i = s.first + 1; i < s.last; ++i) tags[i] = make_tag(s.type, Part::kI);
    tags[s.last] = make_tag(s.type, Part::kL);
  }
  return tags;
}

}  // namespace docpipe::entities
