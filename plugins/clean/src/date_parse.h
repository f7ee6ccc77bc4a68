// Calendar dates as written in header fields and datelines: "2023-09-04", "2023-09-04T10:00Z",
// "Sept. 4, 2023", "Monday, September 4, 2023", "4 September 2023", "Mon, 04 Sep 2023 10:00:00
// +0000", "Sept. 4" (no year), "09/04/2023" (month first unless the first number exceeds 12).
#ifndef DOCPIPE_CLEAN_DATE_PARSE_H_
#define DOCPIPE_CLEAN_DATE_PARSE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace docpipe::clean {

struct CalendarDate {
  int year = 0;  // 0 when the text gives none
  int month = 0;
  int day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
};

struct ParsedDate {
  CalendarDate date;
  std::size_t length = 0;  // bytes of the input the date took (trailing spaces excluded)
};

// Parses a date at the start of `s`; nullopt when `s` does not start with one, or the numbers
// make no date (month 13, 31 April...). The date must end at a word boundary.
std::optional<ParsedDate> parse_date_prefix(std::string_view s);

// 1..12 for a month name or abbreviation ("Sept", "sep", "September"), else 0.
int month_from_name(std::string_view word);

// True for real dates (leap years included). year 0 means unknown and accepts Feb 29.
bool is_valid_date(int year, int month, int day);

// "2023-09-04", or "XXXX-09-04" when the year is unknown (the TIMEX3 convention).
std::string iso_date(const CalendarDate& d);

// Picks the year that puts month/day closest to the reference date (a dateline written a few
// days before or after the document date, possibly across New Year).
int nearest_year(int month, int day, const CalendarDate& reference);

// Parses an ISO date prefix "YYYY-MM-DD" (e.g. of meta.dct); nullopt otherwise.
std::optional<CalendarDate> parse_iso_date(std::string_view s);

}  // namespace docpipe::clean

#endif  // DOCPIPE_CLEAN_DATE_PARSE_H_
