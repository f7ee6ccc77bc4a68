// Feature hashing: a feature is a 64-bit hash of its template id and its value, so features are
// never built as strings at run time.
#ifndef DOCPIPE_ENTITIES_HASHING_H_
#define DOCPIPE_ENTITIES_HASHING_H_

#include <cstdint>
#include <string_view>

namespace docpipe::entities {

// A finaliser with full avalanche (splitmix64).
constexpr std::uint64_t mix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

constexpr std::uint64_t hash_bytes(std::string_view s, std::uint64_t seed = 0) {
  std::uint64_t h = 0xCBF29CE484222325ULL ^ seed;
  for (char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001B3ULL;
  }
  return mix64(h);
}

// Combines a template id with one or two value hashes.
constexpr std::uint64_t feature(std::uint32_t templ, std::uint64_t a) {
  return mix64(a ^ (static_cast<std::uint64_t>(templ) * 0xD6E8FEB86659FD93ULL));
}
constexpr std::uint64_t feature(std::uint32_t templ, std::uint64_t a, std::uint64_t b) {
  return feature(templ, a ^ mix64(b + 0x632BE59BD9B4E019ULL));
}

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_HASHING_H_
