#include "html_elements.h"

#include <array>
#include <cctype>
#include <string>

namespace docpipe::clean {
namespace {

template <std::size_t N>
bool one_of(std::string_view name, const std::array<std::string_view, N>& list) {
  for (std::string_view s : list) {
    if (s == name) return true;
  }
  return false;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

}  // namespace

ElementRole element_role(std::string_view name) {
  static constexpr std::array<std::string_view, 45> kBlocks = {
      "address", "blockquote", "body",     "caption",  "center",   "dd",     "details",
      "dialog",  "dir",        "div",      "dl",       "dt",       "fieldset", "figcaption",
      "figure",  "form",       "frameset", "h1",       "h2",       "h3",     "h4",
      "h5",      "h6",         "hgroup",   "hr",       "html",     "li",     "menu",
      "ol",      "p",          "section",  "summary",  "table",    "tbody",  "tfoot",
      "thead",   "tr",         "ul",       "legend",   "noframes", "search", "colgroup",
      "optgroup", "frame",     "listing"};
  static constexpr std::array<std::string_view, 22> kNonContent = {
      "script", "style",  "noscript", "template", "svg",    "math",   "canvas", "iframe",
      "object", "embed",  "applet",   "select",   "option", "button", "input",  "textarea",
      "audio",  "video",  "map",      "datalist", "param",  "source"};
  if (name == "a") return ElementRole::kLink;
  if (name == "br" || name == "wbr") return name == "br" ? ElementRole::kLineBreak : ElementRole::kInline;
  if (name == "td" || name == "th") return ElementRole::kCell;
  if (name == "title") return ElementRole::kTitle;
  if (name == "head") return ElementRole::kHead;
  if (name == "pre" || name == "xmp" || name == "plaintext") return ElementRole::kPre;
  if (name == "article" || name == "main") return ElementRole::kContentRoot;
  if (name == "header") return ElementRole::kPageHeader;
  if (name == "nav" || name == "aside" || name == "footer") return ElementRole::kBoilerplate;
  if (one_of(name, kNonContent)) return ElementRole::kNonContent;
  if (one_of(name, kBlocks)) return ElementRole::kBlock;
  return ElementRole::kInline;
}

bool is_heading(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

bool names_boilerplate(std::string_view value) {
  static constexpr std::array<std::string_view, 28> kWords = {
      "nav",      "navbar",    "navigation", "menu",     "footer",     "sidebar",  "breadcrumb",
      "breadcrumbs", "cookie", "cookies",    "consent",  "share",      "sharing",  "social",
      "related",  "comments",  "comment",    "advert",   "advertisement", "ad",    "ads",
      "promo",    "newsletter", "subscribe", "masthead", "skip",       "banner",   "sponsored"};
  // Words that mark the content itself: "article-body with-sidebar" is content.
  static constexpr std::array<std::string_view, 9> kContentWords = {
      "content", "article", "story", "body", "main", "post", "entry", "text", "headline"};
  bool boilerplate = false;
  std::size_t i = 0;
  while (i < value.size()) {
    while (i < value.size() && !std::isalnum(static_cast<unsigned char>(value[i]))) ++i;
    std::size_t j = i;
    while (j < value.size() && std::isalnum(static_cast<unsigned char>(value[j]))) ++j;
    if (j > i) {
      const std::string_view word = value.substr(i, j - i);
      for (std::string_view w : kContentWords) {
        if (iequals(word, w)) return false;
      }
      for (std::string_view w : kWords) {
        if (iequals(word, w)) boilerplate = true;
      }
    }
    i = j;
  }
  return boilerplate;
}

bool is_boilerplate_aria_role(std::string_view role) {
  return iequals(role, "navigation") || iequals(role, "banner") || iequals(role, "contentinfo") ||
         iequals(role, "complementary") || iequals(role, "search");
}

}  // namespace docpipe::clean
