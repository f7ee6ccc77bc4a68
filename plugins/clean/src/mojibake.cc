#include "mojibake.h"

#include <unicode/uchar.h>

#include <array>

#include "docpipe/text/utf8.h"

namespace docpipe::clean {
namespace {

// Windows-1252, bytes 0x80..0x9F (0 = undefined).
constexpr std::array<char32_t, 32> kCp1252High = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

bool in(char32_t c, char32_t lo, char32_t hi) { return c >= lo && c <= hi; }

// Characters nobody writes on purpose: controls, noncharacters, private use, unassigned.
bool is_implausible(char32_t c) {
  if (c < 0xA0) return true;
  if (in(c, 0xFDD0, 0xFDEF) || (c & 0xFFFE) == 0xFFFE) return true;
  if (in(c, 0xE000, 0xF8FF) || c >= 0xF0000) return true;
  return u_charType(static_cast<UChar32>(c)) == U_UNASSIGNED;
}

// Scripts whose 2-byte UTF-8 mojibake is common: Latin, combining marks, Greek, Cyrillic,
// Hebrew, Arabic.
bool is_plausible_two_byte(char32_t c) {
  const bool script = in(c, 0xC0, 0x24F) || in(c, 0x300, 0x36F) || in(c, 0x370, 0x3FF) ||
                      in(c, 0x400, 0x4FF) || in(c, 0x590, 0x5FF) || in(c, 0x600, 0x6FF);
  if (!script) return false;
  return c == 0xD7 || c == 0xF7 || in(c, 0x300, 0x36F) || u_isalpha(static_cast<UChar32>(c));
}

// Context that real accented capitals followed by punctuation ("IRMÃ”") do not have: a
// lowercase letter or a digit next to the sequence ("cafÃ©", "4Ã—200").
bool is_repair_context(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  return u_islower(static_cast<UChar32>(c));
}

// Invisible characters a repair may produce; they are dropped like the repair pass drops them.
bool is_invisible_result(char32_t c) {
  return c == 0xFEFF || c == 0x200B || c == 0x2060 || c == 0x180E;
}

}  // namespace

char32_t cp1252_char(unsigned char b) noexcept {
  if (b < 0x80 || b > 0x9F) return b;
  return kCp1252High[b - 0x80];
}

int mojibake_byte(char32_t cp) noexcept {
  if (cp >= 0x80 && cp <= 0xFF) return static_cast<int>(cp);
  if (cp < 0x152 || cp > 0x2122) return -1;
  for (int i = 0; i < 32; ++i) {
    if (kCp1252High[i] == cp) return 0x80 + i;
  }
  return -1;
}

bool has_sure_mojibake(std::string_view text) noexcept {
  // "â€" (the first two characters of every mis-decoded U+2000..U+203F) ...
  if (text.find("\xC3\xA2\xE2\x82\xAC") != std::string_view::npos) return true;
  // ... and "Â" followed by a Latin-1 symbol or no-break space (U+00A0..U+00BF).
  std::size_t at = 0;
  while ((at = text.find("\xC3\x82\xC2", at)) != std::string_view::npos) {
    if (at + 3 < text.size() && static_cast<unsigned char>(text[at + 3]) >= 0xA0 &&
        static_cast<unsigned char>(text[at + 3]) <= 0xBF) {
      return true;
    }
    at += 3;
  }
  return false;
}

void MojibakeRepairer::find_candidates(std::string_view text, std::size_t begin, std::size_t end) {
  chars_.clear();
  candidates_.clear();
  for (std::size_t i = begin; i < end;) {
    utf8::Decoded d = utf8::decode(text, i);
    chars_.push_back({d.cp, i, d.size, d.valid});
    i += d.size;
  }
  const std::size_t n = chars_.size();
  for (std::size_t k = 0; k < n;) {
    const int lead = chars_[k].valid ? mojibake_byte(chars_[k].cp) : -1;
    if (lead < 0xC2 || lead > 0xF4) {
      ++k;
      continue;
    }
    const std::size_t need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
    if (k + need >= n) {
      ++k;
      continue;
    }
    // The first continuation byte's range excludes overlongs, surrogates and > U+10FFFF.
    int lo = 0x80, hi = 0xBF;
    if (lead == 0xE0) lo = 0xA0;
    if (lead == 0xED) hi = 0x9F;
    if (lead == 0xF0) lo = 0x90;
    if (lead == 0xF4) hi = 0x8F;
    char32_t cp = static_cast<char32_t>(lead) & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07);
    bool ok = true;
    for (std::size_t c = 1; c <= need; ++c) {
      const int b = chars_[k + c].valid ? mojibake_byte(chars_[k + c].cp) : -1;
      const int l = c == 1 ? lo : 0x80;
      const int h = c == 1 ? hi : 0xBF;
      if (b < l || b > h) {
        ok = false;
        break;
      }
      cp = (cp << 6) | static_cast<char32_t>(b & 0x3F);
    }
    if (!ok || (is_implausible(cp) && !is_invisible_result(cp))) {
      ++k;
      continue;
    }
    Kind kind;
    if (need == 1) {
      if (lead == 0xC2 || (lead == 0xC3 && cp == 0xE0 && chars_[k + 1].cp == 0xA0)) {
        kind = Kind::kSure;  // "Â" + a Latin-1 symbol or no-break space; "Ã" + no-break space
      } else if (is_plausible_two_byte(cp)) {
        kind = Kind::kNeedsLowercaseOrNeighbour;
      } else {
        ++k;
        continue;
      }
    } else if (in(cp, 0x2000, 0x2BFF) || cp == 0xFEFF || in(cp, 0x1F000, 0x1FAFF)) {
      kind = Kind::kSure;
    } else {
      kind = Kind::kNeedsNeighbour;
    }
    candidates_.push_back({k, need + 1, cp, kind});
    k += need + 1;
  }
}

bool MojibakeRepairer::sure_evidence() {
  if (sure_evidence_ < 0) sure_evidence_ = has_sure_mojibake(document_) ? 1 : 0;
  return sure_evidence_ == 1;
}

bool MojibakeRepairer::accept(std::string_view text, std::size_t index) {
  const Candidate& c = candidates_[index];
  if (c.kind == Kind::kSure) return true;
  const bool touches_previous =
      index > 0 &&
      candidates_[index - 1].first_char + candidates_[index - 1].char_count == c.first_char;
  const bool touches_next = index + 1 < candidates_.size() &&
                            candidates_[index + 1].first_char == c.first_char + c.char_count;
  if (touches_previous || touches_next) return true;
  if (c.kind == Kind::kNeedsNeighbour) return false;
  const std::size_t first = chars_[c.first_char].offset;
  const Char& last = chars_[c.first_char + c.char_count - 1];
  const std::size_t after = last.offset + last.size;
  if (first > 0) {
    const std::size_t p = utf8::previous(text, first);
    if (is_repair_context(utf8::decode(text, p).cp)) return true;
  }
  if (after < text.size() && is_repair_context(utf8::decode(text, after).cp)) return true;
  return sure_evidence();
}

std::size_t MojibakeRepairer::find(std::string_view text, std::size_t begin, std::size_t end,
                                   std::vector<MojibakeFix>& out) {
  const std::size_t first_out = out.size();
  find_candidates(text, begin, end);
  for (std::size_t i = 0; i < candidates_.size(); ++i) {
    if (!accept(text, i)) continue;
    const Candidate& c = candidates_[i];
    const Char& last = chars_[c.first_char + c.char_count - 1];
    MojibakeFix fix{chars_[c.first_char].offset, last.offset + last.size, {}};
    if (!is_invisible_result(c.decoded)) utf8::append(fix.repaired, c.decoded);
    out.push_back(std::move(fix));
  }
  std::size_t found = out.size() - first_out;
  if (found == 0) return 0;

  // Text mis-decoded more than once reads as sure mojibake again after one repair: repeat on
  // the repaired run and, when that changes it, replace the whole run as one piece.
  std::string run;
  std::size_t pos = begin;
  for (std::size_t i = first_out; i < out.size(); ++i) {
    run.append(text.substr(pos, out[i].begin - pos));
    run.append(out[i].repaired);
    pos = out[i].end;
  }
  run.append(text.substr(pos, end - pos));
  bool changed_again = false;
  for (int round = 0; round < 2 && has_sure_mojibake(run); ++round) {
    std::vector<MojibakeFix> again;
    MojibakeRepairer inner(run);
    if (inner.find(run, 0, run.size(), again) == 0) break;
    std::string next;
    std::size_t p = 0;
    for (const MojibakeFix& f : again) {
      next.append(run, p, f.begin - p);
      next.append(f.repaired);
      p = f.end;
    }
    next.append(run, p, std::string::npos);
    run = std::move(next);
    changed_again = true;
  }
  if (changed_again) {
    out.resize(first_out);
    out.push_back({begin, end, std::move(run)});
    found = 1;
  }
  return found;
}

}  // namespace docpipe::clean
