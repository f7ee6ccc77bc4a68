// Fuzz target: the shared tokenizer and sentence splitter on arbitrary bytes: tokens are in
// order, inside the text, non-empty and not overlapping; sentences cover their tokens.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "docpipe/text/segmenter.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  docpipe::Segmentation seg(text);
  std::uint32_t prev_end = 0;
  for (const auto& t : seg.tokens()) {
    if (t.begin >= t.end || t.begin < prev_end || t.end > size) __builtin_trap();
    prev_end = t.end;
  }
  std::uint32_t next_token = 0;
  for (const auto& s : seg.sentences()) {
    if (s.first_token != next_token || s.last_token <= s.first_token) __builtin_trap();
    if (s.last_token > seg.tokens().size()) __builtin_trap();
    if (s.begin != seg.tokens()[s.first_token].begin) __builtin_trap();
    if (s.end != seg.tokens()[s.last_token - 1].end) __builtin_trap();
    next_token = s.last_token;
  }
  if (next_token != seg.tokens().size()) __builtin_trap();
  return 0;
}
