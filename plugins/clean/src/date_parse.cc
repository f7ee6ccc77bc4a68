#include "date_parse.h"

#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace docpipe::clean {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool is_alnum(char c) { return is_digit(c) || is_alpha(c); }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

// A cursor over the input with the small steps the date grammar needs.
class Cursor {
 public:
  explicit Cursor(std::string_view s) : s_(s) {}
  std::size_t pos() const { return pos_; }
  void reset(std::size_t p) { pos_ = p; }
  bool done() const { return pos_ >= s_.size(); }
  char peek(std::size_t k = 0) const { return pos_ + k < s_.size() ? s_[pos_ + k] : '\0'; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  // Skips spaces (at most `max`); returns how many.
  std::size_t spaces(std::size_t max = 3) {
    std::size_t k = 0;
    while (k < max && (peek() == ' ' || peek() == '\t')) ++pos_, ++k;
    return k;
  }
  // Reads 1..max_digits digits; -1 when there are none or more than max_digits.
  int number(std::size_t min_digits, std::size_t max_digits) {
    std::size_t k = 0;
    int v = 0;
    while (is_digit(peek(k))) {
      if (k >= max_digits) return -1;
      v = v * 10 + (peek(k) - '0');
      ++k;
    }
    if (k < min_digits) return -1;
    pos_ += k;
    return v;
  }
  std::string_view word() {
    std::size_t k = 0;
    while (is_alpha(peek(k))) ++k;
    std::string_view w = s_.substr(pos_, k);
    pos_ += k;
    return w;
  }
  // Reads exactly n digits (more may follow); -1 when there are fewer.
  int digits(std::size_t n) {
    int v = 0;
    for (std::size_t k = 0; k < n; ++k) {
      if (!is_digit(peek(k))) return -1;
      v = v * 10 + (peek(k) - '0');
    }
    pos_ += n;
    return v;
  }
  bool at_boundary() const { return !is_alnum(peek()); }

 private:
  std::string_view s_;
  std::size_t pos_ = 0;
};

bool is_weekday(std::string_view w) {
  static constexpr std::array<std::string_view, 7> kFull = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  static constexpr std::array<std::string_view, 11> kShort = {
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "weds"};
  for (auto d : kFull) {
    if (iequals(w, d)) return true;
  }
  for (auto d : kShort) {
    if (iequals(w, d)) return true;
  }
  return false;
}

// "10:00", "10:00:05", "10:00:05.123", then optionally "Z", "+00:00", "+0000", " GMT", " UTC".
bool parse_time(Cursor& c, CalendarDate& d) {
  const std::size_t start = c.pos();
  const int h = c.number(1, 2);
  if (h < 0 || h > 23 || !c.eat(':')) return c.reset(start), false;
  const int m = c.number(2, 2);
  if (m < 0 || m > 59) return c.reset(start), false;
  int s = 0;
  if (c.peek() == ':' && is_digit(c.peek(1))) {
    c.eat(':');
    s = c.number(2, 2);
    if (s < 0 || s > 60) return c.reset(start), false;
    if (c.peek() == '.' && is_digit(c.peek(1))) {
      c.eat('.');
      while (is_digit(c.peek())) c.reset(c.pos() + 1);
    }
  }
  d.has_time = true;
  d.hour = h;
  d.minute = m;
  d.second = s;
  // Zone.
  if (c.eat('Z')) return true;
  const std::size_t before_zone = c.pos();
  c.spaces(1);
  if ((c.peek() == '+' || c.peek() == '-') && is_digit(c.peek(1))) {
    c.reset(c.pos() + 1);
    if (c.digits(2) < 0) return c.reset(before_zone), true;
    c.eat(':');
    if (c.digits(2) < 0 || !c.at_boundary()) return c.reset(before_zone), true;
    return true;
  }
  const std::size_t word_start = c.pos();
  std::string_view zone = c.word();
  if (!(iequals(zone, "GMT") || iequals(zone, "UTC") || iequals(zone, "EST") ||
        iequals(zone, "EDT") || iequals(zone, "PST") || iequals(zone, "PDT") ||
        iequals(zone, "CET") || iequals(zone, "CEST"))) {
    c.reset(before_zone);
  } else if (word_start == before_zone) {
    c.reset(before_zone);  // a zone word needs a space before it
  }
  return true;
}

std::optional<ParsedDate> finish(Cursor& c, CalendarDate d) {
  if (!c.at_boundary()) return std::nullopt;
  if (!is_valid_date(d.year, d.month, d.day)) return std::nullopt;
  return ParsedDate{d, c.pos()};
}

// "2023-09-04" (also with / or .), then an optional time after "T" or a space.
std::optional<ParsedDate> parse_numeric_ymd(Cursor& c) {
  CalendarDate d;
  d.year = c.number(4, 4);
  const char sep = c.peek();
  if (d.year < 0 || (sep != '-' && sep != '/' && sep != '.')) return std::nullopt;
  c.eat(sep);
  d.month = c.number(1, 2);
  if (d.month < 0 || !c.eat(sep)) return std::nullopt;
  d.day = c.number(1, 2);
  if (d.day < 0) return std::nullopt;
  const std::size_t before_time = c.pos();
  if ((c.peek() == 'T' || c.peek() == ' ') && is_digit(c.peek(1))) {
    c.reset(c.pos() + 1);
    if (!parse_time(c, d)) c.reset(before_time);
  }
  return finish(c, d);
}

// "09/04/2023": month first (US) unless the first number exceeds 12.
std::optional<ParsedDate> parse_numeric_mdy(Cursor& c) {
  CalendarDate d;
  const int a = c.number(1, 2);
  if (a < 0 || !c.eat('/')) return std::nullopt;
  const int b = c.number(1, 2);
  if (b < 0 || !c.eat('/')) return std::nullopt;
  d.year = c.number(4, 4);
  if (d.year < 0) return std::nullopt;
  d.month = a > 12 ? b : a;
  d.day = a > 12 ? a : b;
  return finish(c, d);
}

// After the day and/or month: ", 2023", " 2023", then an optional time.
void parse_year_and_time(Cursor& c, CalendarDate& d) {
  const std::size_t before = c.pos();
  c.eat(',');
  c.spaces();
  const int y = c.number(4, 4);
  if (y < 0 || !c.at_boundary()) {
    c.reset(before);
    return;
  }
  d.year = y;
  const std::size_t before_time = c.pos();
  c.eat(',');
  if (c.spaces() > 0 && is_digit(c.peek())) {
    if (!parse_time(c, d)) c.reset(before_time);
  } else {
    c.reset(before_time);
  }
}

// "Sept. 4, 2023", "September 4", "Sep 4th 2023".
std::optional<ParsedDate> parse_month_first(Cursor& c) {
  CalendarDate d;
  d.month = month_from_name(c.word());
  if (d.month == 0) return std::nullopt;
  c.eat('.');
  if (c.spaces() == 0) return std::nullopt;
  d.day = c.number(1, 2);
  if (d.day < 0) return std::nullopt;
  const std::size_t after_day = c.pos();
  std::string_view suffix = c.word();
  if (!(iequals(suffix, "st") || iequals(suffix, "nd") || iequals(suffix, "rd") ||
        iequals(suffix, "th"))) {
    c.reset(after_day);
  }
  if (!c.at_boundary()) return std::nullopt;
  parse_year_and_time(c, d);
  return finish(c, d);
}

// "4 September 2023", "04 Sep 2023 10:00:00 +0000".
std::optional<ParsedDate> parse_day_first(Cursor& c) {
  CalendarDate d;
  d.day = c.number(1, 2);
  if (d.day < 0 || c.spaces() == 0) return std::nullopt;
  d.month = month_from_name(c.word());
  if (d.month == 0) return std::nullopt;
  c.eat('.');
  if (!c.at_boundary()) return std::nullopt;
  parse_year_and_time(c, d);
  return finish(c, d);
}

}  // namespace

int month_from_name(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kFull = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  static constexpr std::array<std::string_view, 12> kShort = {
      "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int m = 0; m < 12; ++m) {
    if (iequals(w, kFull[m]) || iequals(w, kShort[m])) return m + 1;
  }
  if (iequals(w, "sept")) return 9;
  return 0;
}

bool is_valid_date(int year, int month, int day) {
  if (month < 1 || month > 12 || day < 1) return false;
  if (year != 0 && (year < 1000 || year > 2999)) return false;
  static constexpr std::array<int, 12> kDays = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (day > kDays[month - 1]) return false;
  if (month == 2 && day == 29 && year != 0) {
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (!leap) return false;
  }
  return true;
}

std::string iso_date(const CalendarDate& d) {
  char buf[32];
  if (d.year == 0) {
    std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", d.month, d.day);
  } else {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  }
  return buf;
}

int nearest_year(int month, int day, const CalendarDate& ref) {
  // Days are compared on a simple 372-day year: only the order and rough distance matter.
  const auto ordinal = [](int y, int m, int d) { return (y * 12 + (m - 1)) * 31 + (d - 1); };
  const int target = ordinal(ref.year, ref.month, ref.day);
  int best = ref.year;
  int best_distance = -1;
  for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
    if (!is_valid_date(y, month, day)) continue;
    const int distance = std::abs(ordinal(y, month, day) - target);
    if (best_distance < 0 || distance < best_distance) {
      best = y;
      best_distance = distance;
    }
  }
  return best;
}

std::optional<CalendarDate> parse_iso_date(std::string_view s) {
  Cursor c(s);
  CalendarDate d;
  d.year = c.number(4, 4);
  if (d.year < 0 || !c.eat('-')) return std::nullopt;
  d.month = c.number(2, 2);
  if (d.month < 0 || !c.eat('-')) return std::nullopt;
  d.day = c.number(2, 2);
  if (d.day < 0 || !is_valid_date(d.year, d.month, d.day)) return std::nullopt;
  return d;
}

std::optional<ParsedDate> parse_date_prefix(std::string_view s) {
  if (s.empty()) return std::nullopt;
  Cursor c(s);
  // An optional weekday: "Monday, ", "Mon ".
  if (is_alpha(c.peek())) {
    const std::size_t start = c.pos();
    if (is_weekday(c.word())) {
      c.eat('.');
      c.eat(',');
      if (c.spaces() == 0) c.reset(start);
    } else {
      c.reset(start);
    }
  }
  const std::size_t start = c.pos();
  const auto attempt = [&](auto parser) -> std::optional<ParsedDate> {
    c.reset(start);
    return parser(c);
  };
  if (is_digit(c.peek())) {
    if (auto r = attempt(parse_numeric_ymd)) return r;
    if (auto r = attempt(parse_numeric_mdy)) return r;
    if (auto r = attempt(parse_day_first)) return r;
    return std::nullopt;
  }
  if (is_alpha(c.peek())) return attempt(parse_month_first);
  return std::nullopt;
}

}  // namespace docpipe::clean
