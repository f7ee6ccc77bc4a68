// What the clean stage repaired in one document; written to meta.clean.
#ifndef DOCPIPE_CLEAN_CLEAN_COUNTS_H_
#define DOCPIPE_CLEAN_CLEAN_COUNTS_H_

#include <cstddef>

namespace docpipe::clean {

struct CleanCounts {
  std::size_t invalid_utf8 = 0;  // invalid sequences replaced by U+FFFD
  std::size_t bom = 0;           // byte order marks dropped
  std::size_t controls = 0;      // control and invisible characters removed
  std::size_t mojibake = 0;      // mis-decoded sequences repaired
  std::size_t cp1252 = 0;        // stray C1 characters read as Windows-1252
  std::size_t normalized = 0;    // segments changed by Unicode normalization
  std::size_t folded = 0;        // characters folded (quotes, dashes, ellipsis, spaces)
  std::size_t whitespace = 0;    // white-space runs rewritten
  std::size_t hyphen_joins = 0;  // words joined across a line break
  std::size_t html_dropped = 0;  // HTML blocks dropped as boilerplate
};

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_CLEAN_COUNTS_H_
