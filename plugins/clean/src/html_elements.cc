#include "html_elements.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace docpipe::clean {
namespace {

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != b[i]) return false;
  }
  return true;
}

}  // namespace

namespace {

struct NamedRole {
  std::string_view name;
  ElementRole role;
};

// Every element whose role is not kInline, sorted by name for binary search.
constexpr std::array<NamedRole, 81> kRoles = {{
    {"a", ElementRole::kLink},
    {"address", ElementRole::kBlock},
    {"applet", ElementRole::kNonContent},
    {"article", ElementRole::kContentRoot},
    {"aside", ElementRole::kBoilerplate},
    {"audio", ElementRole::kNonContent},
    {"blockquote", ElementRole::kBlock},
    {"body", ElementRole::kBlock},
    {"br", ElementRole::kLineBreak},
    {"button", ElementRole::kNonContent},
    {"canvas", ElementRole::kNonContent},
    {"caption", ElementRole::kBlock},
    {"center", ElementRole::kBlock},
    {"colgroup", ElementRole::kBlock},
    {"datalist", ElementRole::kNonContent},
    {"dd", ElementRole::kBlock},
    {"details", ElementRole::kBlock},
    {"dialog", ElementRole::kBlock},
    {"dir", ElementRole::kBlock},
    {"div", ElementRole::kBlock},
    {"dl", ElementRole::kBlock},
    {"dt", ElementRole::kBlock},
    {"embed", ElementRole::kNonContent},
    {"fieldset", ElementRole::kBlock},
    {"figcaption", ElementRole::kBlock},
    {"figure", ElementRole::kBlock},
    {"footer", ElementRole::kBoilerplate},
    {"form", ElementRole::kBlock},
    {"frame", ElementRole::kBlock},
    {"frameset", ElementRole::kBlock},
    {"h1", ElementRole::kBlock},
    {"h2", ElementRole::kBlock},
    {"h3", ElementRole::kBlock},
    {"h4", ElementRole::kBlock},
    {"h5", ElementRole::kBlock},
    {"h6", ElementRole::kBlock},
    {"head", ElementRole::kHead},
    {"header", ElementRole::kPageHeader},
    {"hgroup", ElementRole::kBlock},
    {"hr", ElementRole::kBlock},
    {"html", ElementRole::kBlock},
    {"iframe", ElementRole::kNonContent},
    {"input", ElementRole::kNonContent},
    {"legend", ElementRole::kBlock},
    {"li", ElementRole::kBlock},
    {"listing", ElementRole::kBlock},
    {"main", ElementRole::kContentRoot},
    {"map", ElementRole::kNonContent},
    {"math", ElementRole::kNonContent},
    {"menu", ElementRole::kBlock},
    {"nav", ElementRole::kBoilerplate},
    {"noframes", ElementRole::kBlock},
    {"noscript", ElementRole::kNonContent},
    {"object", ElementRole::kNonContent},
    {"ol", ElementRole::kBlock},
    {"optgroup", ElementRole::kBlock},
    {"option", ElementRole::kNonContent},
    {"p", ElementRole::kBlock},
    {"param", ElementRole::kNonContent},
    {"plaintext", ElementRole::kPre},
    {"pre", ElementRole::kPre},
    {"script", ElementRole::kNonContent},
    {"search", ElementRole::kBlock},
    {"section", ElementRole::kBlock},
    {"select", ElementRole::kNonContent},
    {"source", ElementRole::kNonContent},
    {"style", ElementRole::kNonContent},
    {"summary", ElementRole::kBlock},
    {"svg", ElementRole::kNonContent},
    {"table", ElementRole::kBlock},
    {"tbody", ElementRole::kBlock},
    {"td", ElementRole::kCell},
    {"template", ElementRole::kNonContent},
    {"textarea", ElementRole::kNonContent},
    {"tfoot", ElementRole::kBlock},
    {"th", ElementRole::kCell},
    {"thead", ElementRole::kBlock},
    {"title", ElementRole::kTitle},
    {"tr", ElementRole::kBlock},
    {"ul", ElementRole::kBlock},
    {"xmp", ElementRole::kPre},
}};

constexpr bool sorted_by_name() {
  for (std::size_t i = 1; i < kRoles.size(); ++i) {
    if (!(kRoles[i - 1].name < kRoles[i].name)) return false;
  }
  return true;
}
static_assert(sorted_by_name(), "kRoles must stay sorted for binary search");

}  // namespace

ElementRole element_role(std::string_view name) {
  const auto it =
      std::lower_bound(kRoles.begin(), kRoles.end(), name,
                       [](const NamedRole& r, std::string_view n) { return r.name < n; });
  if (it != kRoles.end() && it->name == name) return it->role;
  return ElementRole::kInline;
}

bool is_heading(std::string_view name) {
  return name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
}

bool names_boilerplate(std::string_view value) {
  static constexpr std::array<std::string_view, 28> kWords = {
      "nav",           "navbar",      "navigation", "menu",     "footer",     "sidebar",
      "breadcrumb",    "breadcrumbs", "cookie",     "cookies",  "consent",    "share",
      "sharing",       "social",      "related",    "comments", "comment",    "advert",
      "advertisement", "ad",          "ads",        "promo",    "newsletter", "subscribe",
      "masthead",      "skip",        "banner",     "sponsored"};
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
