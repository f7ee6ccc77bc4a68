// Word-at-a-time (SWAR) byte scanning: the fast path every pass uses to jump over the long
// stretches of plain ASCII that need no work, eight bytes per step.
//
// The mask functions return a word with the high bit set in each byte that matches, exactly
// (no false positives), so masks can be combined with & ~ as well as |.
#ifndef DOCPIPE_CLEAN_ASCII_SCAN_H_
#define DOCPIPE_CLEAN_ASCII_SCAN_H_

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace docpipe::clean::swar {

inline constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
inline constexpr std::uint64_t kHigh = 0x8080808080808080ULL;
inline constexpr std::uint64_t kLow7 = 0x7F7F7F7F7F7F7F7FULL;

inline std::uint64_t load(const char* p) noexcept {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

// Bytes >= 0x80.
inline std::uint64_t non_ascii(std::uint64_t w) noexcept { return w & kHigh; }

// Bytes < n, for 1 <= n <= 0x80 (exact: the 7-bit sums cannot carry into the next byte).
inline std::uint64_t bytes_below(std::uint64_t w, std::uint8_t n) noexcept {
  const std::uint64_t at_least_n = (w & kLow7) + kOnes * (0x80 - n);
  return ~(at_least_n | w) & kHigh;
}

// Bytes equal to c (exact: no false positives).
inline std::uint64_t bytes_equal(std::uint64_t w, std::uint8_t c) noexcept {
  const std::uint64_t x = w ^ (kOnes * c);
  return ~(((x & kLow7) + kLow7) | x | kLow7);
}

// Index of the lowest flagged byte of a non-zero mask.
inline std::size_t first_index(std::uint64_t mask) noexcept {
  return static_cast<std::size_t>(std::countr_zero(mask)) >> 3;
}

// Position of the first byte at or after `i` for which `mask_fn(word)` flags a byte (checked
// word by word) or `is_special(byte)` holds (checked byte by byte in the tail); s.size() if none.
// mask_fn must flag every byte is_special accepts.
template <typename MaskFn, typename ByteFn>
inline std::size_t find_first(std::string_view s, std::size_t i, MaskFn mask_fn,
                              ByteFn is_special) noexcept {
  const std::size_t n = s.size();
  const char* p = s.data();
  while (i + 8 <= n) {
    const std::uint64_t m = mask_fn(load(p + i));
    if (m != 0) return i + first_index(m);
    i += 8;
  }
  while (i < n && !is_special(static_cast<unsigned char>(p[i]))) ++i;
  return i;
}

// Position of the first non-ASCII byte at or after i; s.size() if none.
inline std::size_t find_non_ascii(std::string_view s, std::size_t i) noexcept {
  return find_first(s, i, non_ascii, [](unsigned char c) { return c >= 0x80; });
}

// Position of the first ASCII byte at or after i; s.size() if none.
inline std::size_t find_ascii(std::string_view s, std::size_t i) noexcept {
  return find_first(
      s, i, [](std::uint64_t w) { return ~w & kHigh; }, [](unsigned char c) { return c < 0x80; });
}

}  // namespace docpipe::clean::swar

#endif  // DOCPIPE_CLEAN_ASCII_SCAN_H_
