#include "dead_letter_source.h"

#include <cstddef>

#include "docpipe/value.h"

namespace docpipe::queue {
namespace {

// The position just past the JSON string starting at `at` (which must be '"'), or npos.
std::size_t skip_string(std::string_view s, std::size_t at) {
  if (at >= s.size() || s[at] != '"') return std::string_view::npos;
  for (std::size_t i = at + 1; i < s.size(); ++i) {
    if (s[i] == '\\') {
      ++i;
    } else if (s[i] == '"') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

bool starts_at(std::string_view s, std::size_t at, std::string_view what) {
  return at <= s.size() && s.substr(at, what.size()) == what;
}

}  // namespace

std::string with_dead_letter_source(std::string_view dead_letter, std::string_view source) {
  constexpr std::string_view kId = ",\"kind\":\"dead_letter\",\"id\":";
  constexpr std::string_view kSource = ",\"source\":";
  constexpr std::string_view kLine = ",\"line\":";
  const std::size_t kind = dead_letter.find(kId);
  if (kind == std::string_view::npos) return std::string(dead_letter);
  const std::size_t id_end = skip_string(dead_letter, kind + kId.size());
  if (id_end == std::string_view::npos || !starts_at(dead_letter, id_end, kSource)) {
    return std::string(dead_letter);
  }
  std::size_t end = skip_string(dead_letter, id_end + kSource.size());
  if (end == std::string_view::npos) return std::string(dead_letter);
  if (starts_at(dead_letter, end, kLine)) {
    std::size_t digits = end + kLine.size();
    while (digits < dead_letter.size() && dead_letter[digits] >= '0' && dead_letter[digits] <= '9') {
      ++digits;
    }
    if (digits > end + kLine.size()) end = digits;
  }
  std::string out(dead_letter.substr(0, id_end));
  out += kSource;
  append_json_string(out, source);
  out += dead_letter.substr(end);
  return out;
}

}  // namespace docpipe::queue
