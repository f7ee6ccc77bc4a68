// A small scanner for wire-service datelines at the start of a paragraph, used to find the lead
// when no earlier stage recorded one (the clean stage's `dateline` layer wins when present):
//
//   WASHINGTON —              a place in capitals, then a dash
//   ROTTERDAM, Netherlands —  a place in capitals, a region, a dash
//   LONDON (Reuters) -        a place and an agency in parentheses, a dash
//   Moscow (CNN)In his ...    a place in any case needs the agency; text may follow it directly
//   (CNN) --  /  (CNN)Share   the agency alone
//
// Dashes: em, en, "--", "-" (each followed by white space or the end).
#ifndef DOCPIPE_SUMMARIZE_DATELINE_SCAN_H_
#define DOCPIPE_SUMMARIZE_DATELINE_SCAN_H_

#include <cstddef>
#include <string_view>

namespace docpipe::summarize {

// The length in bytes of the dateline that starts `paragraph`, including the separator and the
// white space after it; 0 when the paragraph does not start with one.
std::size_t scan_dateline(std::string_view paragraph) noexcept;

}  // namespace docpipe::summarize

#endif  // DOCPIPE_SUMMARIZE_DATELINE_SCAN_H_
