#include "header_fields.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace docpipe::clean {
namespace {

constexpr std::size_t kMaxHeaderBytes = 8192;
constexpr std::size_t kMaxFields = 32;
constexpr std::size_t kMaxTextValue = 200;
constexpr std::size_t kShortTextValue = 40;
constexpr std::size_t kMaxKey = 32;

bool is_horizontal(char c) { return c == ' ' || c == '\t'; }
bool is_line_break(char c) { return c == '\n' || c == '\r'; }
bool is_key_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

std::string normalize_key(std::string_view k) {
  std::string out;
  for (char c : k) {
    out.push_back(c == ' ' || c == '-'
                      ? '_'
                      : static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_horizontal(s.front())) s.remove_prefix(1);
  while (!s.empty() && (is_horizontal(s.back()) || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::size_t line_end(std::string_view text, std::size_t pos) {
  while (pos < text.size() && !is_line_break(text[pos])) ++pos;
  return pos;
}

// Past one line break at pos (CRLF counts as one); pos itself when there is none.
std::size_t past_line_break(std::string_view text, std::size_t pos) {
  if (pos < text.size() && text[pos] == '\r') ++pos;
  if (pos < text.size() && text[pos] == '\n') ++pos;
  return pos;
}

bool known(const std::vector<std::string>& keys, std::string_view key) {
  return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// A key at pos: letters first, then letters, digits, '_', '-' and single spaces. Returns its
// length (spaces inside only when a ':' follows the whole key); 0 when there is none.
std::size_t key_length(std::string_view text, std::size_t pos, bool* followed_by_colon) {
  *followed_by_colon = false;
  if (pos >= text.size() || !std::isalpha(static_cast<unsigned char>(text[pos]))) return 0;
  std::size_t first_word = pos;
  while (first_word < text.size() && is_key_char(text[first_word])) ++first_word;
  std::size_t end = first_word;
  // Try a longer key with spaces ("Last updated:").
  std::size_t k = first_word;
  while (k < text.size() && k - pos <= kMaxKey) {
    if (text[k] == ':') {
      *followed_by_colon = true;
      end = k;
      break;
    }
    if (text[k] == ' ' && k + 1 < text.size() && is_key_char(text[k + 1])) {
      ++k;
      continue;
    }
    if (!is_key_char(text[k])) break;
    ++k;
  }
  if (!*followed_by_colon) {
    end = first_word;
    *followed_by_colon = end < text.size() && text[end] == ':';
  }
  if (end - pos > kMaxKey) return 0;
  return end - pos;
}

std::string_view unquote(std::string_view v) {
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front()) {
    return v.substr(1, v.size() - 2);
  }
  return v;
}

// "---" front matter: every line up to the closing "---" (or "...") is "key: value".
std::optional<HeaderBlock> parse_front_matter(std::string_view text, std::size_t pos) {
  if (text.substr(pos, 3) != "---") return std::nullopt;
  std::size_t p = pos + 3;
  while (p < text.size() && is_horizontal(text[p])) ++p;
  if (p >= text.size() || !is_line_break(text[p])) return std::nullopt;
  p = past_line_break(text, p);
  HeaderBlock block;
  while (p < text.size() && p < kMaxHeaderBytes && block.fields.size() < kMaxFields) {
    const std::size_t eol = line_end(text, p);
    const std::string_view line = trim(text.substr(p, eol - p));
    if (line == "---" || line == "...") {
      if (block.fields.empty()) return std::nullopt;
      block.end = past_line_break(text, eol);
      return block;
    }
    if (!line.empty()) {
      bool colon = false;
      const std::size_t start = p + (text.substr(p, eol - p).find_first_not_of(" \t"));
      const std::size_t klen = key_length(text, start, &colon);
      if (klen == 0 || !colon) return std::nullopt;
      HeaderField f;
      f.begin = start;
      f.end = p + (text.substr(p, eol - p).find_last_not_of(" \t\r") + 1);
      f.key = normalize_key(text.substr(start, klen));
      f.value = std::string(unquote(trim(text.substr(start + klen + 1, eol - start - klen - 1))));
      if (is_date_key(f.key)) {
        if (auto d = parse_date_prefix(f.value)) f.date = d->date;
      }
      block.fields.push_back(std::move(f));
    }
    p = past_line_break(text, eol);
  }
  return std::nullopt;  // never closed: not front matter
}

}  // namespace

bool is_date_key(std::string_view key) {
  static constexpr std::array<std::string_view, 14> kDateKeys = {
      "date",           "dct",          "published",    "pubdate", "publication_date",
      "date_published", "published_at", "posted",       "filed",   "created",
      "datetime",       "updated",      "last_updated", "modified"};
  return std::find(kDateKeys.begin(), kDateKeys.end(), key) != kDateKeys.end();
}

bool is_creation_date_key(std::string_view key) {
  return is_date_key(key) && key != "updated" && key != "last_updated" && key != "modified";
}

HeaderBlock parse_header_fields(std::string_view text, const std::vector<std::string>& keys) {
  std::size_t pos = 0;
  while (pos < text.size() && (is_horizontal(text[pos]) || is_line_break(text[pos]))) ++pos;
  if (auto front = parse_front_matter(text, pos)) return *front;

  HeaderBlock block;
  while (pos < text.size() && pos < kMaxHeaderBytes && block.fields.size() < kMaxFields) {
    const std::size_t start = pos;
    bool colon = false;
    const std::size_t klen = key_length(text, start, &colon);
    if (klen == 0) break;
    HeaderField f;
    f.key = normalize_key(text.substr(start, klen));
    if (!known(keys, f.key)) break;
    std::size_t p = start + klen;
    if (colon) ++p;
    std::size_t spaces = 0;
    while (p < text.size() && is_horizontal(text[p])) ++p, ++spaces;
    if (!colon && spaces == 0) break;
    const std::size_t eol = line_end(text, p);
    f.begin = start;

    std::optional<ParsedDate> date;
    if (is_date_key(f.key)) date = parse_date_prefix(text.substr(p, eol - p));
    if (date) {
      f.end = p + date->length;
      f.value = std::string(text.substr(p, date->length));
      f.date = date->date;
      block.fields.push_back(std::move(f));
      std::size_t q = block.fields.back().end;
      while (q < text.size() && is_horizontal(text[q])) ++q;
      if (q < text.size() && !is_line_break(text[q])) {
        block.end = q;  // the body starts on the same line
        return block;
      }
      pos = past_line_break(text, q);
      block.end = pos;
      continue;
    }
    // A text field (or an undated date field) takes its whole line.
    if (!colon || eol >= text.size()) break;
    const std::string_view value = trim(text.substr(p, eol - p));
    if (value.empty() || value.size() > kMaxTextValue) break;
    const char last = value.back();
    if (value.size() > kShortTextValue && (last == '.' || last == '!' || last == '?')) break;
    f.end = p + value.size();
    f.value = std::string(value);
    block.fields.push_back(std::move(f));
    pos = past_line_break(text, eol);
    block.end = pos;
  }
  if (block.fields.empty()) block.end = 0;
  return block;
}

}  // namespace docpipe::clean
