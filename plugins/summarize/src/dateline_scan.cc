#include "dateline_scan.h"

namespace docpipe::summarize {
namespace {

constexpr std::size_t kMaxPlaceBytes = 60;
constexpr std::size_t kMaxAgencyBytes = 30;
constexpr int kMaxPlaceWords = 4;

bool is_upper(char c) noexcept { return c >= 'A' && c <= 'Z'; }
bool is_lower(char c) noexcept { return c >= 'a' && c <= 'z'; }
bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// The length of a dash separator at `i` ("—", "–", "--", "-") followed by white space or the
// end; 0 when there is none.
std::size_t dash_at(std::string_view s, std::size_t i) noexcept {
  std::size_t n = 0;
  if (s.substr(i, 3) == "\xE2\x80\x94" || s.substr(i, 3) == "\xE2\x80\x93") {
    n = 3;
  } else if (s.substr(i, 2) == "--") {
    n = 2;
  } else if (s.substr(i, 1) == "-") {
    n = 1;
  }
  if (n == 0) return 0;
  if (i + n < s.size() && !is_space(s[i + n])) return 0;
  return n;
}

std::size_t skip_spaces(std::string_view s, std::size_t i) noexcept {
  while (i < s.size() && is_space(s[i])) ++i;
  return i;
}

// Scans "(Agency)" at `i`; returns the index after ')' or `i` when absent.
std::size_t agency_at(std::string_view s, std::size_t i) noexcept {
  if (i >= s.size() || s[i] != '(') return i;
  std::size_t j = i + 1;
  if (j >= s.size() || !is_upper(s[j])) return i;
  while (j < s.size() && j - i <= kMaxAgencyBytes && s[j] != ')') {
    const char c = s[j];
    if (!(is_upper(c) || is_lower(c) || c == ' ' || c == '.' || c == '&')) return i;
    ++j;
  }
  if (j >= s.size() || s[j] != ')') return i;
  return j + 1;
}

}  // namespace

std::size_t scan_dateline(std::string_view s) noexcept {
  // The place: words of letters, periods, apostrophes and hyphens, separated by spaces or
  // ", "; its first word starts with a capital. `caps` holds when the first word is all caps.
  std::size_t i = 0;
  bool caps = false;
  int words = 0;
  if (i < s.size() && is_upper(s[i])) {
    caps = true;
    std::size_t letters_in_first = 0;
    bool first_word = true;
    words = 1;
    while (i < s.size() && i < kMaxPlaceBytes) {
      const char c = s[i];
      if (is_upper(c) || is_lower(c) || c == '.' || c == '\'' || (c >= '0' && c <= '9') ||
          (c == '-' && i + 1 < s.size() && !is_space(s[i + 1]))) {
        if (first_word) {
          if (is_lower(c)) caps = false;
          if (is_upper(c) || is_lower(c)) ++letters_in_first;
        }
        ++i;
      } else if (c == ',' && i + 1 < s.size() && s[i + 1] == ' ') {
        first_word = false;
        ++words;
        i += 2;
      } else if (c == ' ' && i + 1 < s.size() &&
                 (is_upper(s[i + 1]) || s[i + 1] == '(' || (s[i + 1] >= '0' && s[i + 1] <= '9'))) {
        // A place word in capitals continues the first word ("NEW YORK").
        if (!(caps && first_word && is_upper(s[i + 1]) && i + 2 < s.size() &&
              (is_upper(s[i + 2]) || s[i + 2] == ' ' || s[i + 2] == '.'))) {
          first_word = false;
        }
        if (s[i + 1] != '(') ++words;
        ++i;
      } else {
        break;
      }
    }
    if (letters_in_first < 2) caps = false;
  }
  const std::size_t place_end = i;
  std::size_t j = skip_spaces(s, place_end);
  const std::size_t after_agency = agency_at(s, j);
  const bool agency = after_agency != j;
  if (agency) {
    if (words > kMaxPlaceWords) return 0;
    j = after_agency;
    std::size_t k = skip_spaces(s, j);
    const std::size_t d = dash_at(s, k);
    if (d != 0) return skip_spaces(s, k + d);
    // Text straight after the agency: "(CNN)Share" or "Hong Kong (CNN) A crowd".
    return k;
  }
  if (place_end == 0 || !caps) return 0;
  const std::size_t d = dash_at(s, j);
  if (d == 0 || words > kMaxPlaceWords) return 0;
  return skip_spaces(s, j + d);
}

}  // namespace docpipe::summarize
