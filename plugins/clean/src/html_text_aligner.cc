#include "html_text_aligner.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <optional>

#include "docpipe/text/utf8.h"

namespace docpipe::clean {
namespace {

constexpr std::size_t kResyncWindow = 8;
constexpr std::size_t kMaxSourceSkip = 72;
constexpr std::size_t kMaxDecodedSkip = 24;
constexpr std::size_t kResyncBudget = 64;
constexpr std::size_t kAgreeEnough = 32;

bool is_special(char c) { return c == '&' || c == '\r'; }

// Do source (from si) and decoded (from dj) agree up to the next place where they may
// legitimately differ (a reference or CR in the source), or for kAgreeEnough bytes?
bool agree_after(std::string_view s, std::size_t si, std::string_view d, std::size_t dj) {
  std::size_t k = 0;
  while (si + k < s.size() && dj + k < d.size()) {
    if (is_special(s[si + k])) return true;
    if (s[si + k] != d[dj + k]) return false;
    if (++k >= kAgreeEnough) return true;
  }
  if (si + k == s.size()) return dj + k == d.size();
  return is_special(s[si + k]);
}

std::size_t char_length(std::string_view d, std::size_t j) {
  return j < d.size() ? utf8::decode(d, j).size : 0;
}

struct Skip {
  std::size_t source;
  std::size_t decoded;
};

// The smallest pair of skips after which both texts agree for kResyncWindow bytes (or both
// end). Small skips first; then a search for the decoded text further on in the source.
std::optional<Skip> resync(std::string_view s, std::size_t i, std::string_view d, std::size_t j) {
  for (std::size_t total = 1; total <= kMaxSourceSkip + kMaxDecodedSkip; ++total) {
    for (std::size_t dj = 0; dj <= std::min(total, kMaxDecodedSkip); ++dj) {
      const std::size_t di = total - dj;
      if (di > kMaxSourceSkip || i + di > s.size() || j + dj > d.size()) continue;
      const std::size_t rest_s = s.size() - (i + di);
      const std::size_t rest_d = d.size() - (j + dj);
      if (rest_s == 0 && rest_d == 0) return Skip{di, dj};
      const std::size_t k = std::min(kResyncWindow, rest_d);
      if (k == 0 || rest_s < k) continue;
      if (std::memcmp(s.data() + i + di, d.data() + j + dj, k) == 0) return Skip{di, dj};
    }
  }
  const std::size_t k = std::min<std::size_t>(16, d.size() - j);
  if (k >= 4) {
    const std::size_t at = s.find(d.substr(j, k), i);
    if (at != std::string_view::npos) return Skip{at - i, 0};
  }
  return std::nullopt;
}

}  // namespace

std::size_t reference_length(std::string_view s, std::size_t i) {
  std::size_t p = i + 1;
  if (p < s.size() && s[p] == '#') {
    ++p;
    const bool hex = p < s.size() && (s[p] == 'x' || s[p] == 'X');
    if (hex) ++p;
    const std::size_t digits = p;
    while (p < s.size() && p - digits < 16 &&
           (hex ? std::isxdigit(static_cast<unsigned char>(s[p]))
                : std::isdigit(static_cast<unsigned char>(s[p])))) {
      ++p;
    }
    if (p == digits) return 0;
  } else {
    if (p >= s.size() || !std::isalpha(static_cast<unsigned char>(s[p]))) return 0;
    const std::size_t name = p;
    while (p < s.size() && p - name < 32 && std::isalnum(static_cast<unsigned char>(s[p]))) ++p;
  }
  if (p < s.size() && s[p] == ';') ++p;
  return p - i;
}

void align_decoded_text(std::string_view s, std::size_t offset, std::string_view d,
                        AlignedPieceSink& sink) {
  std::size_t i = 0, j = 0, resyncs = 0;
  while (i < s.size() && j < d.size()) {
    std::size_t k = 0;
    while (i + k < s.size() && j + k < d.size() && s[i + k] == d[j + k] && s[i + k] != '&') {
      ++k;
    }
    if (k > 0) {
      sink.exact(offset + i, k);
      i += k;
      j += k;
      continue;
    }
    if (s[i] == '&') {
      if (const std::size_t x = reference_length(s, i); x > 0) {
        const std::size_t one = char_length(d, j);
        const std::size_t two = one + char_length(d, j + one);
        // Kept as written (a reference the parser does not know, "AT&T") when the decoded
        // text has it too; otherwise decoded to one or two characters.
        std::size_t taken = 0;
        if (s.substr(i, x) == d.substr(j, x) && agree_after(s, i + x, d, j + x)) {
          taken = x;
        } else if (agree_after(s, i + x, d, j + one)) {
          taken = one;
        } else if (two > one && agree_after(s, i + x, d, j + two)) {
          taken = two;
        }
        if (taken > 0) {
          sink.replaced(offset + i, x, d.substr(j, taken));
          i += x;
          j += taken;
          continue;
        }
      }
      if (d[j] == '&') {
        sink.exact(offset + i, 1);
        ++i;
        ++j;
        continue;
      }
    }
    if (s[i] == '\r' && d[j] == '\n') {
      const std::size_t n = i + 1 < s.size() && s[i + 1] == '\n' ? 2 : 1;
      sink.replaced(offset + i, n, "\n");
      i += n;
      ++j;
      continue;
    }
    if (resyncs++ < kResyncBudget) {
      if (std::optional<Skip> skip = resync(s, i, d, j)) {
        sink.replaced(offset + i, skip->source, d.substr(j, skip->decoded));
        i += skip->source;
        j += skip->decoded;
        continue;
      }
    }
    break;
  }
  if (i < s.size() || j < d.size()) sink.replaced(offset + i, s.size() - i, d.substr(j));
}

}  // namespace docpipe::clean
