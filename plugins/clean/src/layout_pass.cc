#include "layout_pass.h"

#include <unicode/uchar.h>

#include <string>

#include "ascii_scan.h"
#include "docpipe/text/utf8.h"
#include "edit_recorder.h"

namespace docpipe::clean {
namespace {

constexpr std::string_view kSoftHyphen = "\xC2\xAD";
constexpr std::string_view kHyphenU2010 = "\xE2\x80\x90";

bool is_horizontal(unsigned char c) { return c == ' ' || c == '\t'; }
bool is_break(unsigned char c) { return c == '\n' || c == '\r' || c == 0x0B || c == 0x0C; }
bool is_space(unsigned char c) { return is_horizontal(c) || is_break(c); }

bool is_letter(char32_t c) {
  if (c < 0x80) return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  return u_isalpha(static_cast<UChar32>(c));
}
bool is_lowercase(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}

// Flags bytes that may need work: controls (tab, line breaks), non-ASCII (soft hyphen), and a
// space followed by a space in the same word.
std::uint64_t stop_mask(std::uint64_t w) {
  const std::uint64_t spaces = swar::bytes_equal(w, ' ');
  return swar::non_ascii(w) | swar::bytes_below(w, 0x20) | (spaces & (spaces >> 8));
}

class LayoutWriter {
 public:
  LayoutWriter(std::string_view text, std::size_t start, const LayoutOptions& o, CleanCounts& c)
      : text_(text), start_(start), o_(o), counts_(c), rec_(text) {}

  std::optional<AlignedTextBuilder::Built> run() && {
    const std::size_t n = text_.size();
    std::size_t i = start_;
    if (o_.collapse_spaces) {
      while (i < n && is_space(static_cast<unsigned char>(text_[i]))) ++i;
    }
    if (i > 0) rec_.remove(0, i);
    while (true) {
      i = next_stop(i);
      if (i >= n) break;
      const auto c = static_cast<unsigned char>(text_[i]);
      if (is_space(c)) {
        i = white_space_run(i);
      } else if (c < 0x80) {
        ++i;  // another control character (removed by the sanitize pass when asked)
      } else if (text_.substr(i, 2) == kSoftHyphen) {
        i = soft_hyphen(i);
      } else {
        i += utf8::decode(text_, i).size;
      }
    }
    // A single trailing space is no stop: trim it here.
    if (o_.collapse_spaces && n > 0 && rec_.settled() < n &&
        is_space(static_cast<unsigned char>(text_[n - 1]))) {
      std::size_t t = n;
      while (t > rec_.settled() && is_space(static_cast<unsigned char>(text_[t - 1]))) --t;
      rec_.remove(t, n - t);
      ++counts_.whitespace;
    }
    return std::move(rec_).finish();
  }

 private:
  std::size_t next_stop(std::size_t i) const {
    const std::size_t n = text_.size();
    const char* p = text_.data();
    while (i + 8 <= n) {
      std::uint64_t w = swar::load(p + i);
      std::uint64_t m = stop_mask(w);
      // A space ending this word followed by a space starting the next.
      if (m == 0 && (w >> 56) == ' ' && i + 8 < n && p[i + 8] == ' ') return i + 7;
      if (m != 0) return i + swar::first_index(m);
      i += 8;
    }
    for (; i < n; ++i) {
      const auto c = static_cast<unsigned char>(p[i]);
      if (c < 0x20 || c >= 0x80 || (c == ' ' && i + 1 < n && p[i + 1] == ' ')) return i;
    }
    return n;
  }

  // Handles the white space around position i (a space or control); returns where to go on.
  std::size_t white_space_run(std::size_t i) {
    const std::size_t n = text_.size();
    std::size_t a = i;
    while (a > rec_.settled() && a > start_ && text_[a - 1] == ' ') --a;
    std::size_t b = i;
    std::size_t breaks = 0;
    while (b < n) {
      const auto c = static_cast<unsigned char>(text_[b]);
      if (!is_space(c)) break;
      if (c == '\r') {
        ++breaks;
        if (b + 1 < n && text_[b + 1] == '\n') ++b;
      } else if (c == 0x0C) {
        breaks += 2;
      } else if (c != ' ' && c != '\t') {
        ++breaks;
      }
      ++b;
    }
    const bool at_edge = a <= start_ || b >= n;
    // A hyphen (or soft hyphen) before a single line break, a letter before it and a lowercase
    // letter after it: join the word.
    if (o_.join_hyphenated && breaks == 1 && !at_edge) {
      if (std::size_t h = joinable_hyphen(a, b); h != kNone) {
        rec_.remove(h, b - h);
        ++counts_.hyphen_joins;
        return b;
      }
    }
    // A soft hyphen right before the run goes with it.
    if (o_.remove_soft_hyphens && a >= rec_.settled() + 2 &&
        text_.substr(a - 2, 2) == kSoftHyphen) {
      rec_.remove(a - 2, 2);
      ++counts_.controls;
    }
    const std::string_view out = replacement(a, b, breaks, at_edge);
    if (out != text_.substr(a, b - a)) {
      rec_.replace(a, b - a, out);
      ++counts_.whitespace;
    }
    return b;
  }

  static constexpr std::size_t kNone = static_cast<std::size_t>(-1);

  // Where the hyphen before the run [a, b) starts, when the word can be joined; kNone otherwise.
  std::size_t joinable_hyphen(std::size_t a, std::size_t b) const {
    std::size_t h;
    if (a >= 1 && text_[a - 1] == '-') {
      h = a - 1;
    } else if (a >= 3 && text_.substr(a - 3, 3) == kHyphenU2010) {
      h = a - 3;
    } else if (a >= 2 && text_.substr(a - 2, 2) == kSoftHyphen) {
      h = a - 2;
    } else {
      return kNone;
    }
    if (h <= start_ || h < rec_.settled()) return kNone;
    const utf8::Decoded before = utf8::decode(text_, utf8::previous(text_, h));
    if (!before.valid || !is_letter(before.cp)) return kNone;
    const utf8::Decoded after = utf8::decode(text_, b);
    if (!after.valid || !is_lowercase(after.cp)) return kNone;
    return h;
  }

  // What the run [a, b) with `breaks` line breaks becomes.
  std::string_view replacement(std::size_t a, std::size_t b, std::size_t breaks, bool at_edge) {
    if (o_.collapse_spaces && o_.normalize_newlines) {
      if (at_edge) return {};
      if (breaks == 0) return " ";
      if (breaks == 1) return "\n";
      if (o_.collapse_blank_lines) return "\n\n";
    }
    // The general case, one character at a time.
    scratch_.clear();
    std::size_t emitted_breaks = 0;
    for (std::size_t k = a; k < b; ++k) {
      const auto c = static_cast<unsigned char>(text_[k]);
      if (is_horizontal(c)) {
        if (!o_.collapse_spaces) scratch_.push_back(static_cast<char>(c));
        continue;
      }
      std::size_t len = (c == '\r' && k + 1 < b && text_[k + 1] == '\n') ? 2 : 1;
      const std::size_t weight = c == 0x0C ? 2 : 1;
      if (!o_.collapse_blank_lines || emitted_breaks < 2) {
        if (o_.normalize_newlines) {
          scratch_.append(weight == 2 && (!o_.collapse_blank_lines || emitted_breaks == 0) ? "\n\n"
                                                                                           : "\n");
        } else {
          scratch_.append(text_.substr(k, len));
        }
        emitted_breaks += weight;
      }
      k += len - 1;
    }
    if (o_.collapse_spaces) {
      if (at_edge) return {};
      if (breaks == 0) return " ";
    }
    return scratch_;
  }

  std::size_t soft_hyphen(std::size_t i) {
    const std::size_t next = i + 2;
    // Before white space, the run decides (it may join the word).
    if (next < text_.size() && is_space(static_cast<unsigned char>(text_[next]))) return next;
    if (o_.remove_soft_hyphens) {
      rec_.remove(i, 2);
      ++counts_.controls;
    }
    return next;
  }

  std::string_view text_;
  std::size_t start_;
  const LayoutOptions& o_;
  CleanCounts& counts_;
  EditRecorder rec_;
  std::string scratch_;
};

}  // namespace

std::optional<AlignedTextBuilder::Built> layout_pass(std::string_view text, std::size_t start,
                                                     const LayoutOptions& options,
                                                     CleanCounts& counts) {
  return LayoutWriter(text, start, options, counts).run();
}

}  // namespace docpipe::clean
