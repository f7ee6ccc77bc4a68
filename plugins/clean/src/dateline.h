// Wire-service datelines at the start of a paragraph:
//
//   WASHINGTON —                       place in capitals, a dash
//   CANBERRA, Australia (AP)_          place, region, agency, separator
//   MOSCOW, Sept. 4 (AP) —             place, date, agency
//   LONDON (Reuters) -                 place, agency
//   Washington (CNN) --                a place in mixed case needs the agency
//   (CNN) --   /   (CNN)Share, and...  the agency alone, at the very start
//   Hong Kong (CNN) A crowd ...        after an agency the text may follow directly
//   NEW DELHI:                         a colon after a place in capitals
//
// The separator is an em/en dash, a horizontal bar, "--", "-", "_" or ":" followed by a space
// or the end of the paragraph. Words that open headlines rather than datelines ("BREAKING",
// "UPDATE", ...) are not places.
#ifndef DOCPIPE_CLEAN_DATELINE_H_
#define DOCPIPE_CLEAN_DATELINE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "date_parse.h"

namespace docpipe::clean {

struct Dateline {
  std::size_t length = 0;  // bytes from the paragraph start through the separator
  std::string place;       // "CANBERRA, Australia"; empty for "(CNN) --"
  std::string agency;      // "AP"; empty when none
  std::string date_text;   // "Sept. 4" as written; empty when none
  std::optional<CalendarDate> date;
  bool alone = false;  // nothing else in the paragraph (the lead is the next one)
};

// Recognises a dateline at the start of `paragraph`.
std::optional<Dateline> match_dateline(std::string_view paragraph);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_DATELINE_H_
