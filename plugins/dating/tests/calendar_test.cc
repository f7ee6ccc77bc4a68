#include "calendar.h"

#include <gtest/gtest.h>

namespace docpipe::dating {
namespace {

TEST(Calendar, DaysRoundTrip) {
  for (std::int64_t d = -800000; d < 800000; d += 997) {
    EXPECT_EQ(to_days(from_days(d)), d);
  }
  EXPECT_EQ(to_days(Ymd{1970, 1, 1}), 0);
  EXPECT_EQ(to_days(Ymd{2000, 3, 1}) - to_days(Ymd{2000, 2, 28}), 2);  // 2000 is leap
  EXPECT_EQ(to_days(Ymd{1900, 3, 1}) - to_days(Ymd{1900, 2, 28}), 1);  // 1900 is not
}

TEST(Calendar, LeapYears) {
  struct Case { int year; bool leap; };
  for (const Case& c : {Case{2024, true}, Case{2023, false}, Case{2000, true}, Case{1900, false},
                        Case{2100, false}, Case{1996, true}}) {
    EXPECT_EQ(is_leap_year(c.year), c.leap) << c.year;
  }
  EXPECT_TRUE(is_valid_date(2024, 2, 29));
  EXPECT_FALSE(is_valid_date(2023, 2, 29));
  EXPECT_FALSE(is_valid_date(2023, 4, 31));
  EXPECT_FALSE(is_valid_date(2023, 13, 1));
  EXPECT_FALSE(is_valid_date(2023, 1, 0));
}

TEST(Calendar, Weekdays) {
  EXPECT_EQ(weekday(Ymd{2023, 9, 4}), 1);   // Monday
  EXPECT_EQ(weekday(Ymd{1970, 1, 1}), 4);   // Thursday
  EXPECT_EQ(weekday(Ymd{2000, 2, 29}), 2);  // Tuesday
  EXPECT_EQ(weekday(Ymd{1989, 10, 26}), 4);
}

TEST(Calendar, IsoWeeks) {
  struct Case { Ymd d; int year; int week; };
  for (const Case& c : {Case{{2023, 9, 4}, 2023, 36}, Case{{2020, 12, 31}, 2020, 53},
                        Case{{2021, 1, 3}, 2020, 53}, Case{{2021, 1, 4}, 2021, 1},
                        Case{{2019, 12, 30}, 2020, 1}, Case{{2016, 1, 1}, 2015, 53},
                        Case{{2024, 12, 30}, 2025, 1}}) {
    const IsoWeek w = iso_week(c.d);
    EXPECT_EQ(w.year, c.year) << c.d.year << "-" << c.d.month << "-" << c.d.day;
    EXPECT_EQ(w.week, c.week) << c.d.year << "-" << c.d.month << "-" << c.d.day;
  }
}

TEST(Calendar, MonthArithmeticClamps) {
  EXPECT_EQ(add_months(Ymd{2023, 1, 31}, 1), (Ymd{2023, 2, 28}));
  EXPECT_EQ(add_months(Ymd{2024, 1, 31}, 1), (Ymd{2024, 2, 29}));
  EXPECT_EQ(add_months(Ymd{2024, 2, 29}, 12), (Ymd{2025, 2, 28}));
  EXPECT_EQ(add_months(Ymd{2023, 1, 15}, -1), (Ymd{2022, 12, 15}));
  EXPECT_EQ(add_months(Ymd{2023, 12, 15}, 1), (Ymd{2024, 1, 15}));
}

TEST(Calendar, Holidays) {
  EXPECT_EQ(easter_sunday(2023), (Ymd{2023, 4, 9}));
  EXPECT_EQ(easter_sunday(2024), (Ymd{2024, 3, 31}));
  EXPECT_EQ(easter_sunday(2000), (Ymd{2000, 4, 23}));
  EXPECT_EQ(nth_weekday_of_month(2023, 11, 4, 4), (Ymd{2023, 11, 23}));  // Thanksgiving
  EXPECT_EQ(nth_weekday_of_month(2023, 5, 1, -1), (Ymd{2023, 5, 29}));   // Memorial Day
  EXPECT_EQ(nth_weekday_of_month(2023, 9, 1, 1), (Ymd{2023, 9, 4}));     // Labor Day
}

}  // namespace
}  // namespace docpipe::dating
