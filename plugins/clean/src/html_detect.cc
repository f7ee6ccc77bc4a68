#include "html_detect.h"

#include <array>
#include <cctype>

namespace docpipe::clean {
namespace {

constexpr std::size_t kSniffBytes = 4096;

bool istarts_with(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

bool contains_icase(std::string_view s, std::string_view needle) {
  for (std::size_t i = 0; i + needle.size() <= s.size(); ++i) {
    if (istarts_with(s.substr(i), needle)) return true;
  }
  return false;
}

// Known element names, and whether a closing tag of it marks structure.
struct Known {
  std::string_view name;
  bool block;
};
constexpr std::array<Known, 30> kKnown = {{
    {"p", true},    {"div", true},  {"li", true},      {"ul", true},         {"ol", true},
    {"h1", true},   {"h2", true},   {"h3", true},      {"h4", true},         {"table", true},
    {"tr", true},   {"td", true},   {"section", true}, {"article", true},    {"body", true},
    {"html", true}, {"head", true}, {"title", true},   {"blockquote", true}, {"span", false},
    {"a", false},   {"b", false},   {"i", false},      {"em", false},        {"strong", false},
    {"br", false},  {"img", false}, {"script", true},  {"style", true},      {"meta", false},
}};

// At s[i] == '<': the known element of a tag there, and whether it is a closing tag.
const Known* tag_at(std::string_view s, std::size_t i, bool* closing) {
  std::size_t p = i + 1;
  *closing = p < s.size() && s[p] == '/';
  if (*closing) ++p;
  std::size_t q = p;
  while (q < s.size() && std::isalnum(static_cast<unsigned char>(s[q]))) ++q;
  if (q == p || q >= s.size()) return nullptr;
  const char after = s[q];
  if (after != '>' && after != ' ' && after != '/' && after != '\n' && after != '\t')
    return nullptr;
  const std::string_view name = s.substr(p, q - p);
  for (const Known& k : kKnown) {
    if (name.size() == k.name.size() && istarts_with(name, k.name)) return &k;
  }
  return nullptr;
}

}  // namespace

bool looks_like_html(std::string_view text) {
  std::string_view s = text.substr(0, kSniffBytes);
  if (s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
  std::size_t p = 0;
  while (true) {
    while (p < s.size() && std::isspace(static_cast<unsigned char>(s[p]))) ++p;
    if (s.substr(p, 4) != "<!--") break;
    const std::size_t end = s.find("-->", p + 4);
    if (end == std::string_view::npos) break;
    p = end + 3;
  }
  const std::string_view head = s.substr(p);
  if (istarts_with(head, "<!doctype html") || istarts_with(head, "<html") ||
      istarts_with(head, "<head") || istarts_with(head, "<body") ||
      (istarts_with(head, "<?xml") && contains_icase(s, "<html"))) {
    return true;
  }
  std::size_t tags = 0;
  bool block_close = false;
  for (std::size_t i = s.find('<'); i != std::string_view::npos; i = s.find('<', i + 1)) {
    bool closing = false;
    if (const Known* k = tag_at(s, i, &closing)) {
      ++tags;
      if (closing && k->block) block_close = true;
      if (tags >= 4 && block_close) return true;
    }
  }
  return false;
}

bool is_html_content_type(std::string_view content_type) {
  return contains_icase(content_type, "html");
}

}  // namespace docpipe::clean
