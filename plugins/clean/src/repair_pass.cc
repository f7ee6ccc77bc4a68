#include "repair_pass.h"

#include <vector>

#include "ascii_scan.h"
#include "docpipe/text/utf8.h"
#include "edit_recorder.h"
#include "mojibake.h"

namespace docpipe::clean {
namespace {

// Invisible format characters and noncharacters that carry nothing.
bool is_invisible(char32_t c) {
  return c == 0x200B || c == 0x2060 || c == 0xFEFF || c == 0x180E || c == 0xFFFE || c == 0xFFFF;
}

}  // namespace

// Mojibake needs a lead character Â..ô (C3 82..C3 B4) or a C1 character (C2 80..C2 9F); the
// invisible characters are E1 A0 8E, E2 80 8B, E2 81 A0, EF BB BF and EF BF BE/BF.
bool may_need_repair(std::string_view text, std::size_t begin, std::size_t end) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = begin; i + 1 < end; ++i) {
    const unsigned char a = p[i], b = p[i + 1];
    // A lead character followed by a character Windows-1252 gives a byte 80..BF: those start
    // with C2 (U+0080..U+00BF), C5, C6, CB (Š Œ Ž ƒ ˆ ˜ ...) or E2 (€ ‚ „ … ‘ ’ “ ” – — ™ ...).
    if (a == 0xC3 && b >= 0x82 && b <= 0xB4 && i + 2 < end) {
      const unsigned char next = p[i + 2];
      if (next == 0xC2 || next == 0xC5 || next == 0xC6 || next == 0xCB || next == 0xE2) return true;
    }
    if (a == 0xC2 && b <= 0x9F) return true;
    if (i + 2 >= end) continue;
    const unsigned char c = p[i + 2];
    if (a == 0xE1 && b == 0xA0 && c == 0x8E) return true;  // U+180E
    if (a == 0xE2 && ((b == 0x80 && c == 0x8B) || (b == 0x81 && c == 0xA0))) return true;
    if (a == 0xEF && ((b == 0xBB && c == 0xBF) || (b == 0xBF && c >= 0xBE))) return true;
  }
  return false;
}

std::optional<AlignedTextBuilder::Built> repair_pass(std::string_view text,
                                                     const RepairOptions& options,
                                                     CleanCounts& counts) {
  if (!options.mojibake && !options.remove_controls) return std::nullopt;
  EditRecorder rec(text);
  MojibakeRepairer repairer(text);
  std::vector<MojibakeFix> fixes;
  std::string replacement;
  const std::size_t n = text.size();
  std::size_t i = 0;
  while ((i = swar::find_non_ascii(text, i)) < n) {
    const std::size_t run_end = swar::find_ascii(text, i);
    if (!may_need_repair(text, i, run_end)) {
      i = run_end;
      continue;
    }
    fixes.clear();
    if (options.mojibake) counts.mojibake += repairer.find(text, i, run_end, fixes);
    std::size_t next_fix = 0;
    for (std::size_t at = i; at < run_end;) {
      if (next_fix < fixes.size() && fixes[next_fix].begin == at) {
        rec.replace(at, fixes[next_fix].end - at, fixes[next_fix].repaired);
        at = fixes[next_fix].end;
        ++next_fix;
        continue;
      }
      const utf8::Decoded d = utf8::decode(text, at);
      if (d.valid && d.cp >= 0x80 && d.cp <= 0x9F) {
        const char32_t as_cp1252 =
            options.mojibake ? cp1252_char(static_cast<unsigned char>(d.cp)) : 0;
        if (as_cp1252 != 0) {
          replacement.clear();
          utf8::append(replacement, as_cp1252);
          rec.replace(at, d.size, replacement);
          ++counts.cp1252;
        } else if (options.remove_controls) {
          rec.replace(at, d.size, d.cp == 0x85 ? "\n" : "");  // NEL is a line break
          ++counts.controls;
        }
      } else if (d.valid && options.remove_controls && is_invisible(d.cp)) {
        rec.remove(at, d.size);
        ++counts.controls;
      }
      at += d.size;
    }
    i = run_end;
  }
  return std::move(rec).finish();
}

}  // namespace docpipe::clean
