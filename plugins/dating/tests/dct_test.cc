// Where the DCT comes from: meta, the clean stage's dateline layer, a dated dateline, a
// publication line, the fallbacks; and what is not a DCT.
#include "dct.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace docpipe::dating {
namespace {

std::string meta_string(const Document& doc, const char* key) {
  const Value* v = doc.meta().find(key);
  return v != nullptr && v->is_string() ? v->as_string() : "";
}

TEST(Dct, ParsesIsoForms) {
  bool has_time = false;
  EXPECT_EQ(parse_iso_date("2023-09-04"), (Ymd{2023, 9, 4}));
  EXPECT_EQ(parse_iso_date("1998-02-06T22:19:00", &has_time), (Ymd{1998, 2, 6}));
  EXPECT_TRUE(has_time);
  EXPECT_EQ(parse_iso_date("19891026"), (Ymd{1989, 10, 26}));
  for (const char* bad : {"", "2023-02-30", "2023-9-4", "yesterday", "2023-09-04X", "20231301"}) {
    EXPECT_FALSE(parse_iso_date(bad).has_value()) << bad;
  }
}

TEST(Dct, FromText) {
  struct Case {
    const char* text;
    const char* date;  // "" when none
    const char* source;
  };
  const Case cases[] = {
      {"Published: 4 September 2023\n\nThe envoy left.", "2023-09-04", "publication_line"},
      {"Headline here\nUpdated 10:32 a.m. EDT, Monday, Sept. 4, 2023\n\nText.", "2023-09-04",
       "publication_line"},
      {"Monday, September 4, 2023\n\nThe envoy left.", "2023-09-04", "publication_line"},
      {"MOSCOW, Sept. 4, 2023 (AP) \xE2\x80\x94 The envoy left.", "2023-09-04", "dateline"},
      {"The envoy left on Sept. 4, 2023, after talks that lasted for days and days.", "", ""},
      {"MOSCOW (AP) \xE2\x80\x94 The envoy left on Monday.", "", ""},
  };
  for (const Case& c : cases) {
    const auto d = dct_from_text(c.text);
    if (*c.date == 0) {
      EXPECT_FALSE(d.has_value()) << c.text;
      continue;
    }
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(d->text, c.date) << c.text;
    EXPECT_EQ(d->source, c.source) << c.text;
  }
}

TEST(Dct, SourcesInOrder) {
  Document doc("x", "");
  // meta first, its source kept.
  auto run = [](const std::string& text, Value::Object meta, Value::Object params = {}) {
    auto h = testing::StageHarness::create(docpipe_plugin_entry(), std::move(params));
    EXPECT_TRUE(h.ok());
    Document d("t", text, std::move(meta));
    EXPECT_TRUE(h->run(d).ok());
    return d;
  };
  Document a = run("Published: 4 September 2023\n\nThey met Friday.",
                   {{"dct", "2023-09-10"}, {"dct_source", "header"}});
  EXPECT_EQ(meta_string(a, "dct"), "2023-09-10");
  EXPECT_EQ(meta_string(a, "dct_source"), "header");
  Document b = run("Published: 4 September 2023\n\nThey met Friday.", {});
  EXPECT_EQ(meta_string(b, "dct"), "2023-09-04");
  EXPECT_EQ(meta_string(b, "dct_source"), "publication_line");
  EXPECT_EQ(test::attr(b.find_layer("timex")->annotations().back(), "value"), "2023-09-01");
  Document c = run("They met Friday.", {}, {{"dct_fallback", "fixed"}, {"dct_date", "2023-09-04"}});
  EXPECT_EQ(meta_string(c, "dct"), "2023-09-04");
  EXPECT_EQ(meta_string(c, "dct_source"), "fixed");
  Document e = run("They met Friday.", {{"mtime", 1693785600}}, {{"dct_fallback", "file_time"}});
  EXPECT_EQ(meta_string(e, "dct"), "2023-09-04");
  EXPECT_EQ(meta_string(e, "dct_source"), "file_time");
  Document f = run("They met Friday.", {});
  EXPECT_FALSE(f.meta().contains("dct"));
  EXPECT_EQ(test::attr(f.find_layer("timex")->annotations().back(), "value"), "XXXX-WXX-5");
  Document g = run("Published: 4 September 2023\n\nThey met Friday.", {},
                   {{"dct_from_text", false}});
  EXPECT_FALSE(g.meta().contains("dct"));
}

TEST(Dct, CleanStageDatelineLayer) {
  auto h = testing::StageHarness::create(docpipe_plugin_entry());
  ASSERT_TRUE(h.ok());
  Document d("t", "MOSCOW, Sept. 4 (AP) -- They met Friday.");
  d.annotate("dateline", Span{0, 20}, {{"date", "2023-09-04"}});
  ASSERT_TRUE(h->run(d).ok());
  EXPECT_EQ(meta_string(d, "dct"), "2023-09-04");
  EXPECT_EQ(meta_string(d, "dct_source"), "dateline");
}

TEST(Dct, BadParametersAreRejected) {
  auto bad_date = testing::StageHarness::create(docpipe_plugin_entry(), {{"dct_date", "Sept 4"}});
  EXPECT_FALSE(bad_date.ok());
  auto fixed_without_date =
      testing::StageHarness::create(docpipe_plugin_entry(), {{"dct_fallback", "fixed"}});
  EXPECT_FALSE(fixed_without_date.ok());
  auto bad_mode = testing::StageHarness::create(docpipe_plugin_entry(), {{"mode", "poetry"}});
  EXPECT_FALSE(bad_mode.ok());
}

}  // namespace
}  // namespace docpipe::dating
