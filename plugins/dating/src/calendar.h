// Proleptic Gregorian calendar arithmetic on plain integers: day numbers, weekdays, ISO weeks,
// month and year shifts. No time zones; all functions are pure and thread safe.
#ifndef DOCPIPE_DATING_CALENDAR_H_
#define DOCPIPE_DATING_CALENDAR_H_

#include <cstdint>

namespace docpipe::dating {

struct Ymd {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31
  friend bool operator==(const Ymd&, const Ymd&) = default;
};

bool is_leap_year(int year) noexcept;
// 28..31; 0 for a month outside 1..12.
int days_in_month(int year, int month) noexcept;
// True when the month and day exist in that year.
bool is_valid_date(int year, int month, int day) noexcept;

// Days since 1970-01-01 (negative before), and back.
std::int64_t to_days(const Ymd& d) noexcept;
Ymd from_days(std::int64_t days) noexcept;

// ISO weekday: 1 = Monday .. 7 = Sunday.
int weekday(const Ymd& d) noexcept;

// The ISO 8601 week of a date: its week-numbering year (which may differ from the calendar
// year near January 1) and week 1..53.
struct IsoWeek {
  int year = 0;
  int week = 0;
};
IsoWeek iso_week(const Ymd& d) noexcept;

Ymd add_days(const Ymd& d, std::int64_t n) noexcept;
// Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29).
Ymd add_months(const Ymd& d, int n) noexcept;

// The n-th (1-based) weekday `wd` of a month; n = -1 gives the last one.
Ymd nth_weekday_of_month(int year, int month, int wd, int n) noexcept;
// Western Easter Sunday (anonymous Gregorian algorithm).
Ymd easter_sunday(int year) noexcept;

}  // namespace docpipe::dating

#endif  // DOCPIPE_DATING_CALENDAR_H_
