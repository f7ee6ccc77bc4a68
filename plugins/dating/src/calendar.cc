#include "calendar.h"

namespace docpipe::dating {

bool is_leap_year(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) noexcept {
  static constexpr int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m < 1 || m > 12) return 0;
  return m == 2 && is_leap_year(y) ? 29 : kDays[m - 1];
}

bool is_valid_date(int y, int m, int d) noexcept {
  return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t to_days(const Ymd& d) noexcept {
  std::int64_t y = d.year - (d.month <= 2 ? 1 : 0);
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t mp = (d.month + 9) % 12;
  const std::int64_t doy = (153 * mp + 2) / 5 + d.day - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Ymd from_days(std::int64_t z) noexcept {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int year = static_cast<int>(yoe + era * 400 + (month <= 2 ? 1 : 0));
  return Ymd{year, month, day};
}

int weekday(const Ymd& d) noexcept {
  const std::int64_t z = to_days(d);  // 1970-01-01 was a Thursday (4)
  const std::int64_t w = (z % 7 + 7 + 3) % 7;  // 0 = Monday
  return static_cast<int>(w) + 1;
}

IsoWeek iso_week(const Ymd& d) noexcept {
  // The week belongs to the year of its Thursday.
  const Ymd thursday = add_days(d, 4 - weekday(d));
  const Ymd jan1{thursday.year, 1, 1};
  const int week = static_cast<int>((to_days(thursday) - to_days(jan1)) / 7) + 1;
  return IsoWeek{thursday.year, week};
}

Ymd add_days(const Ymd& d, std::int64_t n) noexcept { return from_days(to_days(d) + n); }

Ymd add_months(const Ymd& d, int n) noexcept {
  const long total = static_cast<long>(d.year) * 12 + (d.month - 1) + n;
  long y = total / 12, m = total % 12;
  if (m < 0) {
    m += 12;
    --y;
  }
  Ymd out{static_cast<int>(y), static_cast<int>(m) + 1, d.day};
  const int dim = days_in_month(out.year, out.month);
  if (out.day > dim) out.day = dim;
  return out;
}

Ymd nth_weekday_of_month(int year, int month, int wd, int n) noexcept {
  if (n < 0) {
    const Ymd last{year, month, days_in_month(year, month)};
    return add_days(last, -((weekday(last) - wd + 7) % 7));
  }
  const Ymd first{year, month, 1};
  return add_days(first, (wd - weekday(first) + 7) % 7 + 7 * (n - 1));
}

Ymd easter_sunday(int y) noexcept {
  const int a = y % 19, b = y / 100, c = y % 100, d = b / 4, e = b % 4;
  const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
  const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
  const int m = (a + 11 * h + 22 * l) / 451;
  const int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
  return Ymd{y, month, day};
}

}  // namespace docpipe::dating
