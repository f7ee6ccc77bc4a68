// The layout pass: white space, line breaks, paragraphs, hyphenation.
//
//   * runs of spaces and tabs become one space; white space at the start and end of the text and
//     around line breaks is dropped (collapse_spaces);
//   * CRLF, CR and VT become LF; a form feed is a paragraph break (normalize_newlines);
//   * two or more line breaks (blank lines, even holding spaces) become exactly "\n\n", the
//     paragraph break (collapse_blank_lines);
//   * a word hyphenated across a single line break is joined when the next line starts with a
//     lowercase letter: "inter-\nnational" -> "international"; also at a hyphen U+2010 or a soft
//     hyphen (join_hyphenated). The hyphen and the line break become one deleted piece;
//   * soft hyphens elsewhere are removed (remove_controls).
// Source bytes before `start` (header fields) are dropped.
#ifndef DOCPIPE_CLEAN_LAYOUT_PASS_H_
#define DOCPIPE_CLEAN_LAYOUT_PASS_H_

#include <cstddef>
#include <optional>
#include <string_view>

#include "clean_counts.h"
#include "docpipe/alignment.h"

namespace docpipe::clean {

struct LayoutOptions {
  bool collapse_spaces = true;
  bool normalize_newlines = true;
  bool collapse_blank_lines = true;
  bool join_hyphenated = true;
  bool remove_soft_hyphens = true;
};

// The laid-out text and its alignment to `text`; nullopt when nothing changed.
// REQUIRES: start <= text.size().
std::optional<AlignedTextBuilder::Built> layout_pass(std::string_view text, std::size_t start,
                                                     const LayoutOptions& options,
                                                     CleanCounts& counts);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_LAYOUT_PASS_H_
