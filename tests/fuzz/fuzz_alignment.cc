// Fuzz target: alignments built from arbitrary edit scripts, composed twice, stay valid, and
// projections stay inside the texts.
#include <cstddef>
#include <cstdint>
#include <string>

#include "docpipe/alignment.h"

namespace {

docpipe::AlignedTextBuilder::Built edit(const std::string& src, const std::uint8_t*& p,
                                        const std::uint8_t* end) {
  docpipe::AlignedTextBuilder b(src);
  std::size_t pos = 0;
  while (pos < src.size() && p < end) {
    const std::uint8_t op = *p++;
    const std::size_t n = std::min<std::size_t>(src.size() - pos, 1 + (op >> 3) % 8);
    switch (op % 5) {
      case 0: case 1: b.copy(pos, n); pos += n; break;
      case 2: b.replace(pos, n, std::string((op >> 5) % 4, 'r')); pos += n; break;
      case 3: b.skip(pos, n); pos += n; break;
      case 4: b.insert(std::string(1 + (op >> 5) % 3, 'i')); break;
    }
  }
  return std::move(b).finish();
}

void check(const docpipe::Alignment& a) {
  if (!a.valid()) __builtin_trap();
  for (std::size_t v = 0; v <= a.view_size(); ++v) {
    auto s = a.to_source({v, std::min(a.view_size(), v + 3)});
    if (s.begin > s.end || s.end > a.source_size()) __builtin_trap();
  }
  for (std::size_t s = 0; s <= a.source_size(); ++s) {
    auto v = a.to_view({s, std::min(a.source_size(), s + 3)});
    if (v.begin > v.end || v.end > a.view_size()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const std::string original(data[0] % 64, 'x');
  const std::uint8_t* p = data + 1;
  const std::uint8_t* end = data + size;
  auto first = edit(original, p, end);
  auto second = edit(first.text, p, end);
  check(first.alignment);
  check(second.alignment);
  check(second.alignment.compose(first.alignment));
  return 0;
}
