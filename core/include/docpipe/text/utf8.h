// UTF-8 helpers shared by the stages: decoding one code point, validity, and simple
// classification that does not need ICU.
#ifndef DOCPIPE_TEXT_UTF8_H_
#define DOCPIPE_TEXT_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace docpipe::utf8 {

inline constexpr char32_t kReplacement = 0xFFFD;

struct Decoded {
  char32_t cp;        // kReplacement when invalid
  std::uint8_t size;  // bytes consumed, >= 1 (an invalid sequence consumes its maximal prefix)
  bool valid;
};

// Decodes the code point starting at s[i]. REQUIRES: i < s.size().
// Invalid input follows the W3C/Unicode "maximal subpart" practice: each maximal invalid
// prefix counts as one replacement character.
Decoded decode(std::string_view s, std::size_t i) noexcept;

// Offset of the start of the code point before position i (i > 0).
std::size_t previous(std::string_view s, std::size_t i) noexcept;

// True when the whole string is valid UTF-8.
bool is_valid(std::string_view s) noexcept;

// Appends the UTF-8 encoding of cp (U+FFFD for surrogates and values past U+10FFFF).
void append(std::string& out, char32_t cp);

// Number of code points (invalid sequences count once each).
std::size_t length(std::string_view s) noexcept;

}  // namespace docpipe::utf8

#endif  // DOCPIPE_TEXT_UTF8_H_
