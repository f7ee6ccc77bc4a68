// Invalid and hostile input: the stage never crashes, the view is valid UTF-8 and the alignment
// holds, whatever comes in.
#include <gtest/gtest.h>

#include <random>

#include "clean_test_util.h"
#include "docpipe/text/utf8.h"

namespace docpipe::clean {
namespace {

using test::consistent;
using test::run_clean;

// The stage ran, the view is valid UTF-8, the alignment is consistent with the original.
void expect_sound(const Document& doc, const std::string& what) {
  const TextView& v = doc.view();
  EXPECT_EQ(v.name(), "clean") << what;
  EXPECT_TRUE(utf8::is_valid(v.text())) << what;
  EXPECT_TRUE(consistent(v.alignment(), v.text(), doc.text())) << what;
}

TEST(HostileInput, TruncatedUtf8AtEveryCut) {
  const std::string text =
      "Caf\xC3\xA9 \xE2\x80\x94 \xE4\xB8\xAD\xE6\x96\x87 \xF0\x9F\x98\x80 na\xC3\xAF"
      "ve\xE2\x80\xA6";
  for (std::size_t cut = 0; cut <= text.size(); ++cut) {
    const std::string prefix = text.substr(0, cut);
    Document doc = run_clean(prefix);
    expect_sound(doc, "cut " + std::to_string(cut));
    // A cut inside a character leaves exactly one replacement at the end.
    const bool inside = !utf8::is_valid(prefix);
    EXPECT_EQ(doc.meta().find("clean")->find("invalid_utf8")->as_int(), inside ? 1 : 0) << cut;
  }
}

TEST(HostileInput, DeeplyNestedHtml) {
  std::string nested;
  for (int i = 0; i < 10000; ++i) nested += "<div>";
  nested += "deep text";
  for (int i = 0; i < 10000; ++i) nested += "</div>";
  Document doc = run_clean(nested, {{"html", "always"}});
  expect_sound(doc, "nested divs");
  EXPECT_EQ(test::view_text(doc), "deep text");

  std::string unclosed;
  for (int i = 0; i < 10000; ++i) unclosed += "<b><i><span>";
  unclosed += "x";
  Document doc2 = run_clean(unclosed, {{"html", "always"}});
  expect_sound(doc2, "unclosed inline");
  EXPECT_EQ(test::view_text(doc2), "x");

  std::string tables;
  for (int i = 0; i < 10000; ++i) tables += "<table><tr><td>";
  tables += "cell";
  Document doc3 = run_clean(tables, {{"html", "always"}});
  expect_sound(doc3, "nested tables");
  EXPECT_EQ(test::view_text(doc3), "cell");
}

TEST(HostileInput, FiftyMegabyteDocument) {
  const std::string paragraph =
      "Officials  said on Monday that the talks,\r\nwhich began in March, would go on. "
      "Caf\xC3\xA9 owners were inter-\r\nviewed \xE2\x80\x94 \xE2\x80\x9Cwe wait,\xE2\x80\x9D one "
      "said.\r\n\r\n";
  std::string text;
  text.reserve(50 * 1000 * 1000 + paragraph.size());
  while (text.size() < 50u * 1000 * 1000) text += paragraph;
  Document doc = run_clean(text);
  expect_sound(doc, "50 MB");
  const std::size_t paragraphs = text.size() / paragraph.size();
  EXPECT_EQ(doc.find_layer("paragraph")->size(), paragraphs);
  EXPECT_EQ(doc.meta().find("clean")->find("hyphen_joins")->as_int(),
            static_cast<std::int64_t>(paragraphs));
  // The last paragraph still projects to its original bytes.
  const Annotation& last = doc.find_layer("paragraph")->annotations().back();
  EXPECT_EQ(doc.text_of(last), paragraph.substr(0, paragraph.size() - 4));
}

TEST(HostileInput, BigHtmlDocument) {
  std::string html = "<html><body>";
  while (html.size() < 10u * 1000 * 1000) {
    html +=
        "<p class=x>Some <b>bold</b> text &amp; an entity, <a href=\"/l\">a link</a>.</p>\n"
        "<script>var a = '<p>' + 1;</script>";
  }
  html += "</body></html>";
  Document doc = run_clean(html);
  expect_sound(doc, "10 MB html");
  EXPECT_EQ(test::view_text(doc).substr(0, 42), "Some bold text & an entity, a link.\n\nSome ");
}

TEST(HostileInput, RandomBinary) {
  std::mt19937 rng(1234);
  for (int round = 0; round < 20; ++round) {
    std::string bytes(1000 + rng() % 20000, '\0');
    for (char& c : bytes) c = static_cast<char>(rng() & 0xFF);
    for (const char* mode : {"auto", "always", "never"}) {
      Document doc = run_clean(bytes, {{"html", mode}});
      expect_sound(doc, std::string("binary, html ") + mode);
    }
  }
}

TEST(HostileInput, OddSmallInputs) {
  const std::string inputs[] = {
      "",
      std::string(1000, '\0'),
      std::string(1000, ' '),
      "\xEF\xBB\xBF",
      "\r",
      "&",
      "<",
      "<html>",
      "<p>&#0;&#xD800;&#x110000;&#99999999999;&#;</p>",
      "<!--",
      "<![CDATA[x]]>",
      "\xC2\xAD\xC2\xAD\xC2\xAD",
      "-\n-\n-\n",
      " date",
      "date 2023-02-30 text",
      "---\n---\n",
      "(",
      "(CNN",
      "WASHINGTON \xE2\x80\x94",
      std::string(100000, '-'),
  };
  for (const std::string& in : inputs) {
    for (const char* mode : {"auto", "always"}) {
      Document doc = run_clean(in, {{"html", mode}});
      expect_sound(doc, in.substr(0, 20));
    }
  }
}

TEST(HostileInput, PathologicalRepeats) {
  const std::string units[] = {
      "\xC3\x83", "\xC3\xA2\xE2\x82\xAC", "&amp;", "&", "\xCC\x81", "\xC2\xA0", "\t", "\r\n", "-\n",
      "<b>"};
  for (const std::string& u : units) {
    std::string text;
    while (text.size() < 1000u * 1000) text += u;
    Document doc = run_clean(text);
    expect_sound(doc, "repeat of " + u);
    Document html = run_clean(text, {{"html", "always"}});
    expect_sound(html, "html repeat of " + u);
  }
}

TEST(HostileInput, OneLongLine) {
  std::string text(10u * 1000 * 1000, 'x');
  Document doc = run_clean(text);
  expect_sound(doc, "long line");
  EXPECT_TRUE(doc.view().alignment().is_identity());
}

}  // namespace
}  // namespace docpipe::clean
