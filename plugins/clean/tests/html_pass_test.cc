#include "html_pass.h"

#include <gtest/gtest.h>

#include "clean_test_util.h"
#include "html_detect.h"

namespace docpipe::clean {
namespace {

using test::consistent;

HtmlResult extract(std::string_view html, HtmlOptions options = {}) {
  CleanCounts counts;
  HtmlResult r = html_pass(html, options, counts);
  EXPECT_TRUE(consistent(r.built.alignment, r.built.text, html));
  return r;
}

// The source bytes a piece of the extracted text comes from.
std::string source_of(const HtmlResult& r, std::string_view html, std::string_view needle) {
  const std::size_t at = r.built.text.find(needle);
  if (at == std::string::npos) return "<missing>";
  const Span s = r.built.alignment.to_source({at, at + needle.size()});
  return std::string(html.substr(s.begin, s.end - s.begin));
}

TEST(HtmlPass, TextBlocksAndBreaks) {
  const std::string html =
      "<!DOCTYPE html><html><head><title>The  page\n title</title>"
      "<style>p { color: red }</style><script>var x = '<p>not text</p>';</script></head>"
      "<body><h1>Headline</h1>\n<p>First   para-\ngraph with <b>bold</b> text.</p>"
      "<p>Line one<br>line two</p><table><tr><td>a</td><td>b</td></tr></table>"
      "<pre>keep   this\n  layout</pre></body></html>";
  HtmlResult r = extract(html);
  EXPECT_EQ(r.title, "The page title");
  EXPECT_EQ(r.built.text,
            "Headline\n\nFirst para- graph with bold text.\n\nLine one\nline two\n\na b\n\n"
            "keep   this\n  layout");
  EXPECT_EQ(source_of(r, html, "bold"), "bold");
  EXPECT_EQ(source_of(r, html, "with bold text"), "with <b>bold</b> text");
}

TEST(HtmlPass, EntitiesDecodedAndAligned) {
  const std::string html = "<p>Caf&eacute; &amp; bar&nbsp;&#8212; &#x201C;ok&#x201D; AT&T</p>";
  HtmlResult r = extract(html);
  EXPECT_EQ(r.built.text, "Caf\xC3\xA9 & bar\xC2\xA0\xE2\x80\x94 \xE2\x80\x9Cok\xE2\x80\x9D AT&T");
  EXPECT_EQ(source_of(r, html, "Caf\xC3\xA9"), "Caf&eacute;");
  EXPECT_EQ(source_of(r, html, "&"), "&amp;");
  EXPECT_EQ(source_of(r, html, "\xE2\x80\x94"), "&#8212;");
  EXPECT_EQ(source_of(r, html, "AT&T"), "AT&T");
}

TEST(HtmlPass, NonContentAndHiddenDropped) {
  const std::string html =
      "<body><p>Keep</p><noscript>no</noscript><template><p>no</p></template>"
      "<svg><title>no</title><text>no</text></svg><form><input value=no><button>no</button>"
      "<select><option>no</option></select></form><div hidden>no</div>"
      "<div style=\"display:none\">no</div><span aria-hidden=\"true\">no</span><p>Also</p></body>";
  EXPECT_EQ(extract(html).built.text, "Keep\n\nAlso");
}

TEST(HtmlPass, BoilerplateRemoval) {
  const std::string html =
      "<body><header><a href=/>Home</a> Site name</header>"
      "<nav><ul><li><a href=/a>World</a></li><li><a href=/b>Sport</a></li></ul></nav>"
      "<article><header><h1>Real headline</h1></header>"
      "<p>The story starts here with <a href=/x>one link</a> in a long sentence of text.</p>"
      "<div class=\"share-buttons\">Share on social media</div>"
      "<p><a href=/r1>Related story one</a> <a href=/r2>Related story two</a></p>"
      "<div class=\"article-body with-sidebar\"><p>Body in a content class.</p></div>"
      "</article><aside>Most read</aside><div role=\"contentinfo\">Legal</div>"
      "<footer>Copyright</footer></body>";
  HtmlResult on = extract(html);
  EXPECT_EQ(on.built.text,
            "Real headline\n\nThe story starts here with one link in a long sentence of text.\n\n"
            "Body in a content class.");
  HtmlResult off = extract(html, {.boilerplate = false});
  EXPECT_NE(off.built.text.find("Home Site name"), std::string::npos);
  EXPECT_NE(off.built.text.find("World"), std::string::npos);
  EXPECT_NE(off.built.text.find("Copyright"), std::string::npos);
  EXPECT_NE(off.built.text.find("Related story one"), std::string::npos);
}

TEST(HtmlPass, MetaTags) {
  const std::string html =
      "<html><head><meta charset=\"utf-8\"><meta name=\"author\" content=\"A. Writer\">"
      "<meta property=\"article:published_time\" content=\"2023-09-04T08:00:00Z\">"
      "<meta property=\"og:title\" content=\"OG title\"><meta name=\"viewport\" content=\"x\">"
      "</head><body><p>Text</p></body></html>";
  HtmlResult r = extract(html);
  EXPECT_EQ(r.meta_tags.find("author")->as_string(), "A. Writer");
  EXPECT_EQ(r.meta_tags.find("article:published_time")->as_string(), "2023-09-04T08:00:00Z");
  EXPECT_EQ(r.meta_tags.find("og:title")->as_string(), "OG title");
  EXPECT_EQ(r.meta_tags.find("viewport"), nullptr);
  EXPECT_TRUE(r.title.empty());
}

TEST(HtmlPass, CrLfAndMarkupInsideText) {
  const std::string html = "<p>one\r\ntwo<!-- c --> three<i></i>four</p>";
  HtmlResult r = extract(html);
  EXPECT_EQ(r.built.text, "one two threefour");
  EXPECT_EQ(source_of(r, html, "three"), "three");
}

TEST(HtmlPass, BrokenMarkupStillAligned) {
  const std::string inputs[] = {
      "<p>unclosed <b>bold <i>both</p> after",   "<div><p>a<div>b</p>c</div>",
      "text before any tag <p>then a paragraph", "<<<>>> &&& </ p> <p <p>> x",
      "<table><td>cell<tr>row</table>",          "",
  };
  for (const std::string& html : inputs) extract(html);
}

TEST(HtmlDetect, Table) {
  EXPECT_TRUE(looks_like_html("<!DOCTYPE html><html><body>x</body></html>"));
  EXPECT_TRUE(looks_like_html("  \n<html lang=en>"));
  EXPECT_TRUE(looks_like_html("\xEF\xBB\xBF<!-- saved --><HTML>"));
  EXPECT_TRUE(looks_like_html("<div><p>One</p><p>Two</p></div>"));
  EXPECT_FALSE(looks_like_html("Plain text about <b> tags and a < b comparisons."));
  EXPECT_FALSE(looks_like_html("x < y and y > z, so <br> is just a word here."));
  EXPECT_FALSE(looks_like_html(""));
  EXPECT_TRUE(is_html_content_type("text/html; charset=utf-8"));
  EXPECT_FALSE(is_html_content_type("text/plain"));
}

}  // namespace
}  // namespace docpipe::clean
