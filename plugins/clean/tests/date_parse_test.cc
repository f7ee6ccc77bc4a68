#include "date_parse.h"

#include <gtest/gtest.h>

namespace docpipe::clean {
namespace {

TEST(DateParse, AcceptedForms) {
  struct Case {
    std::string text;
    std::string iso;
    std::size_t length;
  };
  const Case cases[] = {
      {"2023-09-04", "2023-09-04", 10},
      {"2023-09-04 Putin wants", "2023-09-04", 10},
      {"2023-09-04T10:30:00Z more", "2023-09-04", 20},
      {"2023-09-04 10:30 text", "2023-09-04", 16},
      {"2023/9/4", "2023-09-04", 8},
      {"Sept. 4, 2023", "2023-09-04", 13},
      {"Sept. 4", "XXXX-09-04", 7},
      {"September 4 2023 and", "2023-09-04", 16},
      {"Sep 4th, 2023", "2023-09-04", 13},
      {"Monday, September 4, 2023", "2023-09-04", 25},
      {"4 September 2023", "2023-09-04", 16},
      {"Mon, 04 Sep 2023 10:00:00 +0000", "2023-09-04", 31},
      {"09/04/2023", "2023-09-04", 10},
      {"25/12/2023", "2023-12-25", 10},
      {"August 8 (Xinhua)", "XXXX-08-08", 8},
      {"Feb. 29, 2024", "2024-02-29", 13},
  };
  for (const Case& c : cases) {
    auto d = parse_date_prefix(c.text);
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(iso_date(d->date), c.iso) << c.text;
    EXPECT_EQ(d->length, c.length) << c.text;
  }
}

TEST(DateParse, Rejected) {
  const std::string texts[] = {"",
                               "Putin wants",
                               "2023-13-01",
                               "2023-02-30",
                               "Feb. 29, 2023",
                               "2023-09-04x",
                               "May be later",
                               "12345",
                               "Sept.4",
                               "31 April 2020",
                               "Monday was fine"};
  for (const std::string& t : texts) EXPECT_FALSE(parse_date_prefix(t).has_value()) << t;
}

TEST(DateParse, NearestYear) {
  const CalendarDate jan2{2024, 1, 2};
  EXPECT_EQ(nearest_year(12, 31, jan2), 2023);
  EXPECT_EQ(nearest_year(1, 1, jan2), 2024);
  const CalendarDate sep4{2023, 9, 4};
  EXPECT_EQ(nearest_year(9, 4, sep4), 2023);
  EXPECT_EQ(nearest_year(2, 29, CalendarDate{2023, 3, 1}), 2024);  // only leap years have it
}

TEST(DateParse, MonthNames) {
  EXPECT_EQ(month_from_name("Sept"), 9);
  EXPECT_EQ(month_from_name("DECEMBER"), 12);
  EXPECT_EQ(month_from_name("Mayday"), 0);
}

}  // namespace
}  // namespace docpipe::clean
