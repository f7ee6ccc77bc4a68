// Deciding whether a text is an HTML document.
#ifndef DOCPIPE_CLEAN_HTML_DETECT_H_
#define DOCPIPE_CLEAN_HTML_DETECT_H_

#include <string_view>

namespace docpipe::clean {

// True when the text is HTML: it starts (after white space, a BOM or comments) with a doctype,
// <html>, <head> or <body>, or its first 4 KB hold at least four tags of known HTML elements,
// at least one of them a closing tag of a block element (</p>, </div>, </li>, ...). One stray
// "<b>" in a plain text is not enough.
bool looks_like_html(std::string_view text);

// True for a content type naming HTML ("text/html", "application/xhtml+xml", "html").
bool is_html_content_type(std::string_view content_type);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_HTML_DETECT_H_
