// What HTML elements mean to text extraction.
#ifndef DOCPIPE_CLEAN_HTML_ELEMENTS_H_
#define DOCPIPE_CLEAN_HTML_ELEMENTS_H_

#include <string_view>

namespace docpipe::clean {

enum class ElementRole : unsigned char {
  kInline,       // text flows through (b, span, em, unknown elements)
  kBlock,        // starts and ends a paragraph (p, div, h1, li, table, ...)
  kLineBreak,    // br: a line break inside the paragraph
  kCell,         // td, th: a space between cells
  kNonContent,   // script, style, template, svg, form controls...: dropped with all inside
  kBoilerplate,  // nav, aside, footer: dropped when boilerplate removal is on
  kPageHeader,   // header: boilerplate outside article/main, content inside them
  kTitle,        // title: goes to meta.title
  kPre,          // pre, textarea-like: white space kept
  kLink,         // a: its text counts as link text
  kContentRoot,  // article, main: marks the content area
  kHead,         // head: only title and meta matter inside
};

// The role of an element by its lowercase name.
ElementRole element_role(std::string_view name);

// True for h1..h6.
bool is_heading(std::string_view name);

// True when a class or id attribute value names boilerplate ("nav", "site-footer",
// "cookie_banner", "share-buttons"...): one of its words, split at spaces, '-' and '_', is a
// boilerplate word and none is a content word ("article", "story", "content", "body"...).
bool names_boilerplate(std::string_view class_or_id);

// True for role="navigation" | "banner" | "contentinfo" | "complementary" | "search".
bool is_boilerplate_aria_role(std::string_view role);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_HTML_ELEMENTS_H_
