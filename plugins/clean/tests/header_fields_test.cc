#include "header_fields.h"

#include <gtest/gtest.h>

#include "clean_options.h"

namespace docpipe::clean {
namespace {

HeaderBlock parse(std::string_view text) {
  return parse_header_fields(text, default_header_keys());
}

TEST(HeaderFields, FusedDateOnTheFirstLine) {
  const std::string text = " date 2023-09-04 Officials said the talks would go on.\n\nMore.";
  HeaderBlock h = parse(text);
  ASSERT_EQ(h.fields.size(), 1u);
  EXPECT_EQ(h.fields[0].key, "date");
  EXPECT_EQ(h.fields[0].value, "2023-09-04");
  ASSERT_TRUE(h.fields[0].date);
  EXPECT_EQ(iso_date(*h.fields[0].date), "2023-09-04");
  EXPECT_EQ(text.substr(h.fields[0].begin, h.fields[0].end - h.fields[0].begin), "date 2023-09-04");
  EXPECT_EQ(text.substr(h.end, 9), "Officials");
}

TEST(HeaderFields, LinesOfFields) {
  const std::string text =
      "Title: Talks resume in Geneva\r\nAuthor: A. Writer\nDate: Sept. 4, 2023\n\nThe talks "
      "resumed.";
  HeaderBlock h = parse(text);
  ASSERT_EQ(h.fields.size(), 3u);
  EXPECT_EQ(h.fields[0].key, "title");
  EXPECT_EQ(h.fields[0].value, "Talks resume in Geneva");
  EXPECT_EQ(h.fields[1].value, "A. Writer");
  EXPECT_EQ(iso_date(*h.fields[2].date), "2023-09-04");
  EXPECT_EQ(text.substr(h.end, 1), "\n");
}

TEST(HeaderFields, KeysWithSpacesAndFusedDateAfterColon) {
  HeaderBlock h = parse("Last updated: 2023-09-05\nDate: 2023-09-04 The ministry said.");
  ASSERT_EQ(h.fields.size(), 2u);
  EXPECT_EQ(h.fields[0].key, "last_updated");
  EXPECT_EQ(h.fields[1].key, "date");
  EXPECT_FALSE(is_creation_date_key("last_updated"));
  EXPECT_TRUE(is_creation_date_key("date"));
}

TEST(HeaderFields, FrontMatter) {
  const std::string text =
      "---\ntitle: \"A quoted title\"\nfoo_bar: anything\npublished: 2023-09-04\n---\nBody.";
  HeaderBlock h = parse(text);
  ASSERT_EQ(h.fields.size(), 3u);
  EXPECT_EQ(h.fields[0].value, "A quoted title");
  EXPECT_EQ(h.fields[1].key, "foo_bar");
  EXPECT_TRUE(h.fields[2].date);
  EXPECT_EQ(text.substr(h.end), "Body.");
}

TEST(HeaderFields, NotHeaders) {
  const std::string texts[] = {
      "Putin wants Kim to agree.",               // prose
      "Date of the meeting is unknown.\nMore.",  // date key, no date
      "Source: the ministry said on Monday that the plan had been dropped for good.\nMore.",
      "Note: keys must be known.\nMore.",  // unknown key
      "title without colon\nMore.",        // text key needs ':'
      "Title: only line without newline",  // a text field needs its line
      "---\ntitle: never closed\nBody.",   // front matter not closed
      "dateline WASHINGTON",               // not a key
  };
  for (const std::string& t : texts) {
    HeaderBlock h = parse(t);
    EXPECT_TRUE(h.fields.empty()) << t;
    EXPECT_EQ(h.end, 0u) << t;
  }
}

TEST(HeaderFields, CustomKeys) {
  HeaderBlock h = parse_header_fields("Slug: kim-putin\nBody.", {"slug"});
  ASSERT_EQ(h.fields.size(), 1u);
  EXPECT_EQ(h.fields[0].value, "kim-putin");
}

}  // namespace
}  // namespace docpipe::clean
