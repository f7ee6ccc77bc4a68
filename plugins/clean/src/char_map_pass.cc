#include "char_map_pass.h"

#include "ascii_scan.h"
#include "docpipe/text/utf8.h"
#include "edit_recorder.h"

namespace docpipe::clean {

std::string_view fold_char(char32_t cp, const CharMapOptions& o) {
  if (cp < 0xA0) return {};
  if (o.spaces && (cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F ||
                   cp == 0x205F || cp == 0x3000)) {
    return " ";
  }
  switch (cp) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
      return o.quotes ? "'" : std::string_view{};
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
      return o.quotes ? "\"" : std::string_view{};
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2212:
      return o.dashes ? "-" : std::string_view{};
    case 0x2014:
    case 0x2015:
      return o.dashes ? "--" : std::string_view{};
    case 0x2026:
      return o.ellipsis ? "..." : std::string_view{};
    case 0x2028:
      return o.newlines ? "\n" : std::string_view{};
    case 0x2029:
      return o.newlines ? "\n\n" : std::string_view{};
    default:
      return {};
  }
}

std::optional<AlignedTextBuilder::Built> char_map_pass(std::string_view text,
                                                       const CharMapOptions& options,
                                                       CleanCounts& counts) {
  if (!options.any()) return std::nullopt;
  EditRecorder rec(text);
  const std::size_t n = text.size();
  std::size_t i = 0;
  while ((i = swar::find_non_ascii(text, i)) < n) {
    const auto lead = static_cast<unsigned char>(text[i]);
    // Every folded character starts with C2 (U+00A0), E1 (U+1680), E2 (U+2000..U+2212) or
    // E3 (U+3000): skip the others without decoding.
    if (lead != 0xC2 && lead != 0xE1 && lead != 0xE2 && lead != 0xE3) {
      ++i;
      continue;
    }
    const utf8::Decoded d = utf8::decode(text, i);
    if (d.valid) {
      const std::string_view to = fold_char(d.cp, options);
      if (!to.empty()) {
        rec.replace(i, d.size, to);
        ++counts.folded;
      }
    }
    i += d.size;
  }
  return std::move(rec).finish();
}

}  // namespace docpipe::clean
