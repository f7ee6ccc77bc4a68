// Character folding: one character in, a short ASCII string out.
//
//   quotes:   ‘ ’ ‚ ‛ -> '    “ ” „ ‟ -> "
//   dashes:   ‐ ‑ ‒ – − -> -   — ― -> --
//   ellipsis: … -> ...
//   spaces:   U+00A0, U+1680, U+2000..U+200A, U+202F, U+205F, U+3000 -> " "
//   newlines: U+2028 LINE SEPARATOR -> "\n", U+2029 PARAGRAPH SEPARATOR -> "\n\n"
// Each folded character is its own aligned piece.
#ifndef DOCPIPE_CLEAN_CHAR_MAP_PASS_H_
#define DOCPIPE_CLEAN_CHAR_MAP_PASS_H_

#include <optional>
#include <string_view>

#include "clean_counts.h"
#include "docpipe/alignment.h"

namespace docpipe::clean {

struct CharMapOptions {
  bool quotes = false;
  bool dashes = false;
  bool ellipsis = false;
  bool spaces = true;
  bool newlines = true;
  bool any() const { return quotes || dashes || ellipsis || spaces || newlines; }
};

// What `cp` folds to under `options`; empty when it stays.
std::string_view fold_char(char32_t cp, const CharMapOptions& options);

// The folded text and its alignment to `text`; nullopt when nothing folds.
std::optional<AlignedTextBuilder::Built> char_map_pass(std::string_view text,
                                                       const CharMapOptions& options,
                                                       CleanCounts& counts);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_CHAR_MAP_PASS_H_
