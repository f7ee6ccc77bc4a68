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

// A quick look at the bytes of a run: could it hold anything this pass changes? Mojibake needs
// a lead character Â..ô (C3 82..C3 B4) or a C1 character (C2 80..C2 9F); the invisible
// characters start with E1 A0, E2 80 8B, E2 81 A0, EF BB BF or EF BF BE/BF.
bool may_need_repair(std::string_view text, std::size_t begin, std::size_t end) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  for (std::size_t i = begin; i + 1 < end; ++i) {
    const unsigned char a = p[i], b = p[i + 1];
    if (a == 0xC3 && b >= 0x82 && b <= 0xB4) return true;
    if (a == 0xC2 && b <= 0x9F) return true;
    if (a == 0xE1 && b == 0xA0) return true;
    if (a == 0xE2 && (b == 0x80 || b == 0x81)) return true;
    if (a == 0xEF && (b == 0xBB || b == 0xBF)) return true;
  }
  return false;
}

}  // namespace

std::optional<AlignedTextBuilder::Built> repair_pass(std::string_view text,
                                                     const RepairOptions& options,
                                                     CleanCounts& counts) {
  if (!options.mojibake && !options.remove_controls) return std::nullopt;
  EditRecorder rec(text);
  MojibakeRepairer repairer(options.mojibake && has_sure_mojibake(text));
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
        const char32_t as_cp1252 = options.mojibake ? cp1252_char(static_cast<unsigned char>(d.cp)) : 0;
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
