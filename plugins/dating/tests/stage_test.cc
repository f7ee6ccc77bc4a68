// The stage on a whole hand-written news story: spans map back to the original text, the
// layer is always present, and a clean view is read when there is one.
#include <gtest/gtest.h>

#include "test_util.h"

namespace docpipe::dating {
namespace {

constexpr const char* kStory =
    "Harbor strike ends after 10 days\n\n"
    "PORTVILLE \xE2\x80\x94 Dock workers returned to work on Monday after a strike that lasted "
    "10 days, union leaders said. The strike began Aug. 25, and talks broke down last week.\n\n"
    "A new contract will be signed on Friday and run for three years. Workers voted "
    "yesterday morning; a year ago, a similar vote failed. Pay rises take effect in January "
    "2024 and every six months after that.\n";

TEST(Stage, TagsAStory) {
  Document doc("t", "");
  const auto got = test::tag(kStory, "2023-09-04", {}, &doc);
  std::vector<std::string> values;
  for (const auto& t : got) values.push_back(t.text + "=" + t.value);
  const std::vector<std::string> expected = {
      "10 days=P10D",       "Monday=2023-09-04",     "10 days=P10D",
      "Aug. 25=2023-08-25", "last week=2023-W35",    "Friday=2023-09-08",
      "three years=P3Y",    "yesterday morning=2023-09-03TMO", "a year ago=2022",
      "January 2024=2024-01", "every six months=P6M"};
  EXPECT_EQ(values, expected);
  for (const Annotation& a : *doc.find_layer("timex")) {
    EXPECT_LE(a.end, doc.text().size());
    EXPECT_LT(a.begin, a.end);
  }
}

TEST(Stage, EmptyAndTimexFreeDocumentsGetAnEmptyLayer) {
  for (const char* text : {"", "No dates here at all.", "\n\n\n", "1234567890"}) {
    Document doc("t", "");
    test::tag(text, "2023-09-04", {}, &doc);
    ASSERT_NE(doc.find_layer("timex"), nullptr) << text;
  }
}

TEST(Stage, CapitalizedWireCopy) {
  const auto got = test::tag("TALKS RESUME ON MONDAY AFTER A BREAK IN JULY AND AUGUST", "2023-09-04");
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].value, "2023-09-04");
}

}  // namespace
}  // namespace docpipe::dating
