// The HTML pass: the text content of an HTML document, aligned to its source bytes.
//
// libxml2's HTML parser (SAX, no tree) reads the document; its byte positions and
// align_decoded_text() tie each piece of decoded text to the source. What comes out:
//   * the text of content elements, character references decoded; white space inside a
//     paragraph becomes single spaces (except in <pre>);
//   * a paragraph break ("\n\n") between block elements (p, div, h1, li, ...), a line break for
//     <br>, a space between table cells; each break stands for the markup it replaces;
//   * nothing from script, style, template, svg, form controls, hidden elements, or <head>;
//   * with boilerplate removal: nothing from nav, aside, footer, a <header> outside
//     article/main, elements whose role, class or id names navigation, footers, sharing,
//     cookies or ads, nor from blocks where link text makes up at least `link_density` of the
//     text;
//   * the <title> text, and selected <meta> values (description, author, og:title,
//     article:published_time, date...).
// REQUIRES: valid UTF-8 without NUL (the sanitize pass ensures it). Thread-safe after
// init_html_parser() ran once.
#ifndef DOCPIPE_CLEAN_HTML_PASS_H_
#define DOCPIPE_CLEAN_HTML_PASS_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "clean_counts.h"
#include "docpipe/alignment.h"
#include "docpipe/value.h"

namespace docpipe::clean {

struct HtmlOptions {
  bool boilerplate = true;
  double link_density = 0.5;
};

struct HtmlResult {
  AlignedTextBuilder::Built built;  // the text, aligned to the HTML source
  std::string title;                // <title>, white space collapsed; empty when none
  Value::Object meta_tags;          // selected <meta name|property=... content=...>
};

// Initialises libxml2 for use from several threads; call once before the first html_pass().
void init_html_parser();

HtmlResult html_pass(std::string_view html, const HtmlOptions& options, CleanCounts& counts);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_HTML_PASS_H_
