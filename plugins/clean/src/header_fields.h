// Key-value header fields at the start of a plain-text document, kept out of the clean text:
//
//   Title: Kim to meet Putin          one field per line, "key: value" (any listed key)
//   Date: 2023-09-04
//   date 2023-09-04 Putin wants...    a date key, no colon, the value fused onto the first line
//   ---                               a front matter block: every "key: value" line up to the
//   title: ...                        closing "---" (any key)
//   ---
//
// A text field needs its own line, a value of at most 200 bytes, and, when longer than 40
// bytes, no sentence-final punctuation (so "Source: the ministry said ..." is prose, not a
// header). A date field's value is the date alone (see date_parse.h); text after it on the same
// line is body text.
#ifndef DOCPIPE_CLEAN_HEADER_FIELDS_H_
#define DOCPIPE_CLEAN_HEADER_FIELDS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date_parse.h"

namespace docpipe::clean {

struct HeaderField {
  std::size_t begin = 0;  // the field as written: key, separator and value
  std::size_t end = 0;
  std::string key;                   // lowercase, '_' for spaces and hyphens
  std::string value;                 // as written, trimmed
  std::optional<CalendarDate> date;  // for date keys whose value parses
};

struct HeaderBlock {
  std::size_t end = 0;  // where the body text starts (0: no header)
  std::vector<HeaderField> fields;
};

// True for the keys whose value is a date.
bool is_date_key(std::string_view key);
// True for date keys that name the creation of the document (not an update).
bool is_creation_date_key(std::string_view key);

// Parses the header block at the start of `text`. `keys` are the accepted field names
// (normalized as in HeaderField::key).
HeaderBlock parse_header_fields(std::string_view text, const std::vector<std::string>& keys);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_HEADER_FIELDS_H_
