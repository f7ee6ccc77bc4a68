#include "sanitize_pass.h"

#include "ascii_scan.h"
#include "docpipe/text/utf8.h"
#include "edit_recorder.h"

namespace docpipe::clean {
namespace {

constexpr std::string_view kReplacementUtf8 = "\xEF\xBF\xBD";
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Tab, LF, VT, FF and CR are layout, not noise: the layout pass handles them.
bool is_removable_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n' && c != 0x0B && c != 0x0C && c != '\r') || c == 0x7F;
}

// Flags bytes that need a look: non-ASCII, DEL, and controls other than the common tab, LF
// and CR (VT and FF are looked at and kept).
std::uint64_t special_mask(std::uint64_t w) {
  const std::uint64_t common =
      swar::bytes_equal(w, '\n') | swar::bytes_equal(w, '\r') | swar::bytes_equal(w, '\t');
  return swar::non_ascii(w) | (swar::bytes_below(w, 0x20) & ~common) | swar::bytes_equal(w, 0x7F);
}

}  // namespace

std::optional<AlignedTextBuilder::Built> sanitize_pass(std::string_view text,
                                                       const SanitizeOptions& options,
                                                       CleanCounts& counts) {
  EditRecorder rec(text);
  std::size_t i = 0;
  const std::size_t n = text.size();
  if (options.remove_bom && text.substr(0, 3) == kBom) {
    rec.remove(0, 3);
    ++counts.bom;
    i = 3;
  }
  auto special = [](unsigned char c) {
    return c >= 0x80 || (c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F;
  };
  while (true) {
    i = swar::find_first(text, i, special_mask, special);
    if (i >= n) break;
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (!is_removable_control(c) || !options.remove_controls) {
        ++i;
        continue;
      }
      std::size_t end = i + 1;
      while (end < n && is_removable_control(static_cast<unsigned char>(text[end]))) ++end;
      rec.remove(i, end - i);
      counts.controls += end - i;
      i = end;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, i);
    if (!d.valid && options.repair_invalid) {
      rec.replace(i, d.size, kReplacementUtf8);
      ++counts.invalid_utf8;
    }
    i += d.size;
  }
  return std::move(rec).finish();
}

}  // namespace docpipe::clean
