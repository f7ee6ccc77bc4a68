// BILOU tags over the four CoNLL entity types, and conversions between tag sequences and spans.
//
// Tag 0 is O; the tag of (type t, part p) is 1 + 4 * t + p with p in B, I, L, U. A valid
// sequence never opens an entity inside another, closes only what is open, and keeps the type
// within an entity: after B-t or I-t comes I-t or L-t; anything else comes after O, L or U.
#ifndef DOCPIPE_ENTITIES_TAGS_H_
#define DOCPIPE_ENTITIES_TAGS_H_

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace docpipe::entities {

enum class EntityType : std::uint8_t { kPerson = 0, kOrg = 1, kLoc = 2, kMisc = 3 };
inline constexpr int kTypeCount = 4;
enum class Part : std::uint8_t { kB = 0, kI = 1, kL = 2, kU = 3 };
inline constexpr int kTagCount = 1 + 4 * kTypeCount;  // 17
using Tag = std::uint8_t;
inline constexpr Tag kOutside = 0;

constexpr Tag make_tag(EntityType t, Part p) {
  return static_cast<Tag>(1 + 4 * static_cast<int>(t) + static_cast<int>(p));
}
constexpr EntityType type_of(Tag tag) { return static_cast<EntityType>((tag - 1) / 4); }
constexpr Part part_of(Tag tag) { return static_cast<Part>((tag - 1) % 4); }

// "PERSON", "ORG", "LOC", "MISC" (the labels of layer `entity`).
std::string_view label_of(EntityType t);
// Accepts the CoNLL spellings too (PER, LOCATION...); false when unknown.
bool parse_label(std::string_view label, EntityType& out);
// "O", "B-PER", "L-LOC"...
std::string_view tag_name(Tag tag);

// May `next` follow `prev`? (kOutside stands for the sentence start / end as well.)
bool may_follow(Tag prev, Tag next);
bool may_start(Tag tag);  // O, B or U
bool may_end(Tag tag);    // O, L or U

// An entity over tokens [first, last] (inclusive).
struct TokenSpan {
  std::uint32_t first;
  std::uint32_t last;
  EntityType type;
  bool operator==(const TokenSpan&) const = default;
};

// Spans of a tag sequence. REQUIRES: a valid sequence (see is_valid).
std::vector<TokenSpan> spans_of(std::span<const Tag> tags);
// Tags of non-overlapping spans over `n` tokens (later spans overwrite earlier ones).
std::vector<Tag> tags_of(std::span<const TokenSpan> spans, std::size_t n);
bool is_valid(std::span<const Tag> tags);

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_TAGS_H_
