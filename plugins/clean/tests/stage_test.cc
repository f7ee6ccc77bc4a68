// The clean stage end to end, through the StageHarness (parameters validated as the engine does).
#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "clean_test_util.h"
#include "docpipe/testing.h"

namespace docpipe::clean {
namespace {

using docpipe::testing::attr_of;
using docpipe::testing::layer_texts;
using test::original_of;
using test::run_clean;
using test::view_text;

// A made-up wire story: a header fused onto the first line, two paragraphs before the lead,
// the dateline in the third paragraph.
const std::string kStory =
    " date 2031-03-14 Negotiators  want a deal before the spring thaw, the envoys said.\r\n"
    "\r\n"
    "In a rare move, the delegates would travel by night train to the coast,\r\n"
    "where the talks would resume, the envoys said.\r\n"
    "\r\n"
    "\r\n"
    "GENEVA \xE2\x80\x94 Delegates from both sides plan to meet again this month to discuss "
    "a framework for inter-\r\nnational water rights, according to officials.\r\n"
    "\r\n"
    "The meeting is scheduled for March 20.\r\n";

TEST(CleanStage, StoryEndToEnd) {
  Document doc = run_clean(kStory);
  ASSERT_EQ(doc.view().name(), "clean");
  EXPECT_EQ(
      view_text(doc),
      "Negotiators want a deal before the spring thaw, the envoys said.\n\n"
      "In a rare move, the delegates would travel by night train to the coast,\n"
      "where the talks would resume, the envoys said.\n\n"
      "GENEVA \xE2\x80\x94 Delegates from both sides plan to meet again this month to discuss "
      "a framework for international water rights, according to officials.\n\n"
      "The meeting is scheduled for March 20.");
  // Header: in meta, out of the text, annotated on the original.
  const Value::Object& meta = doc.meta();
  EXPECT_EQ(meta.find("dct")->as_string(), "2031-03-14");
  EXPECT_EQ(meta.find("dct_source")->as_string(), "header");
  EXPECT_EQ(meta.find("header")->find("date")->as_string(), "2031-03-14");
  EXPECT_EQ(layer_texts(doc, "header"), std::vector<std::string>{"date 2031-03-14"});
  // Dateline in the third paragraph, which is the lead.
  const Value* dl = meta.find("dateline");
  ASSERT_NE(dl, nullptr);
  EXPECT_EQ(dl->find("place")->as_string(), "GENEVA");
  EXPECT_EQ(dl->find("text")->as_string(), "GENEVA \xE2\x80\x94");
  EXPECT_EQ(layer_texts(doc, "dateline"), std::vector<std::string>{"GENEVA \xE2\x80\x94"});
  const Layer* paragraphs = doc.find_layer("paragraph");
  ASSERT_NE(paragraphs, nullptr);
  ASSERT_EQ(paragraphs->size(), 4u);
  for (std::size_t i = 0; i < 4; ++i) {
    const Value* lead = paragraphs->annotations()[i].attrs.find("lead");
    EXPECT_EQ(lead != nullptr && lead->as_bool(), i == 2) << i;
  }
  // Paragraphs carry original offsets.
  EXPECT_EQ(doc.text_of(paragraphs->annotations()[1]),
            "In a rare move, the delegates would travel by night train to the coast,\r\n"
            "where the talks would resume, the envoys said.");
  // Projections: the joined word and the collapsed space.
  EXPECT_EQ(original_of(doc, "international"), "inter-\r\nnational");
  EXPECT_EQ(original_of(doc, "Negotiators want"), "Negotiators  want");
  // Counts.
  const Value* counts = meta.find("clean");
  ASSERT_NE(counts, nullptr);
  EXPECT_EQ(counts->find("hyphen_joins")->as_int(), 1);
  EXPECT_GE(counts->find("whitespace")->as_int(), 5);
}

TEST(CleanStage, AnnotationsOnTheCleanViewComeOutInOriginalOffsets) {
  Document doc = run_clean(kStory);
  const TextView& view = doc.view();
  const std::size_t at = view.text().find("spring thaw");
  Annotation& a = doc.annotate("test", view, {at, at + 11});
  EXPECT_EQ(doc.text_of(a), "spring thaw");
  EXPECT_EQ(kStory.substr(a.begin, a.end - a.begin), "spring thaw");
  const std::size_t geneva = view.text().find("GENEVA");
  Annotation& g = doc.annotate("test", view, {geneva, geneva + 6});
  EXPECT_EQ(kStory.find("GENEVA"), g.begin);
}

TEST(CleanStage, InputDctWinsAndDatelineDateResolvesWithIt) {
  Document doc = run_clean("MOSCOW, Dec. 31 (AP) \xE2\x80\x94 The year ended quietly.", {},
                           {{"dct", "2032-01-02"}});
  const Value::Object& meta = doc.meta();
  EXPECT_EQ(meta.find("dct")->as_string(), "2032-01-02");
  EXPECT_EQ(meta.find("dct_source")->as_string(), "input");
  const Value* dl = meta.find("dateline");
  ASSERT_NE(dl, nullptr);
  EXPECT_EQ(dl->find("date")->as_string(), "2031-12-31");
  EXPECT_EQ(dl->find("agency")->as_string(), "AP");
  EXPECT_EQ(dl->find("place")->as_string(), "MOSCOW");
}

TEST(CleanStage, DatelineWithYearSetsTheDct) {
  Document doc = run_clean("BEIJING, April 1, 1997 (AFP) - Markets fell sharply.");
  EXPECT_EQ(doc.meta().find("dct")->as_string(), "1997-04-01");
  EXPECT_EQ(doc.meta().find("dct_source")->as_string(), "dateline");
}

TEST(CleanStage, DatelineAloneMarksTheNextParagraphAsLead) {
  Document doc = run_clean(
      "\n\nNAIROBI, Kenya (AP) _\n\nBombs exploded outside the embassy.\n\n"
      "More text follows here.");
  const Layer* p = doc.find_layer("paragraph");
  ASSERT_NE(p, nullptr);
  ASSERT_EQ(p->size(), 3u);
  EXPECT_EQ(attr_of(doc, "paragraph", "NAIROBI, Kenya (AP) _", "kind"), "dateline");
  EXPECT_TRUE(p->annotations()[1].attrs.find("lead") != nullptr);
}

TEST(CleanStage, NoDatelineLeadIsFirstProseParagraph) {
  Document doc = run_clean(
      "A Short Title\n\nThe first real paragraph has enough words to count as prose.\n\nNext.");
  const Layer* p = doc.find_layer("paragraph");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(p->annotations()[1].attrs.find("lead") != nullptr);
  EXPECT_EQ(doc.meta().find("dateline"), nullptr);
}

TEST(CleanStage, HtmlDetectedByTextAndByMeta) {
  const std::string html =
      "<html><head><title>Budget passes</title></head><body><nav><a href=/>Home</a></nav>"
      "<p>ROME \xE2\x80\x94 The budget passed &amp; markets rose.</p><p>More "
      "text.</p></body></html>";
  Document doc = run_clean(html);
  EXPECT_EQ(view_text(doc), "ROME \xE2\x80\x94 The budget passed & markets rose.\n\nMore text.");
  EXPECT_EQ(doc.meta().find("title")->as_string(), "Budget passes");
  EXPECT_TRUE(doc.meta().find("clean")->find("html")->as_bool());
  EXPECT_EQ(doc.meta().find("dateline")->find("place")->as_string(), "ROME");
  EXPECT_EQ(original_of(doc, "&"), "&amp;");
  EXPECT_EQ(original_of(doc, "markets rose."), "markets rose.");

  Document fragment = run_clean("<b>bold</b> text", {}, {{"content_type", "text/html"}});
  EXPECT_EQ(view_text(fragment), "bold text");
  Document by_name = run_clean("<p>Caf&eacute;</p>", {}, {{"source", "/tmp/page.html"}});
  EXPECT_EQ(view_text(by_name), "Caf\xC3\xA9");
  Document forced_off = run_clean(html, {{"html", "never"}});
  EXPECT_NE(view_text(forced_off).find("<title>"), std::string::npos);
}

TEST(CleanStage, HtmlPublicationDateBecomesDct) {
  Document doc = run_clean(
      "<html><head><meta property=\"article:published_time\" content=\"2030-05-06T07:00:00Z\">"
      "</head><body><p>Text.</p></body></html>");
  EXPECT_EQ(doc.meta().find("dct")->as_string(), "2030-05-06");
  EXPECT_EQ(doc.meta().find("dct_source")->as_string(), "html_meta");
}

TEST(CleanStage, RunTwiceAndAfterAnotherView) {
  auto harness = docpipe::testing::StageHarness::create(docpipe_plugin_entry());
  ASSERT_TRUE(harness.ok());
  Document doc = docpipe::testing::DocumentBuilder(kStory).build();
  ASSERT_TRUE(harness->run(doc).ok());
  const std::string once(doc.view().text());
  ASSERT_TRUE(harness->run(doc).ok());
  EXPECT_EQ(doc.view().name(), "clean-2");
  EXPECT_EQ(doc.view().text(), once);                  // idempotent
  EXPECT_EQ(doc.find_layer("paragraph")->size(), 4u);  // replaced, not doubled
  EXPECT_EQ(original_of(doc, "international"), "inter-\r\nnational");

  // A view made by some other stage first (here: upper-casing nothing, dropping 3 bytes).
  Document other = docpipe::testing::DocumentBuilder("XYZ  Some  text.").build();
  AlignedTextBuilder b(other.text());
  b.skip(0, 3);
  b.copy_rest();
  ASSERT_TRUE(other.add_view("trimmed", std::move(b).finish()).ok());
  ASSERT_TRUE(harness->run(other).ok());
  EXPECT_EQ(other.view().text(), "Some text.");
  EXPECT_EQ(original_of(other, "Some text."), "Some  text.");
  const Span s = other.view().to_original({0, 4});
  EXPECT_EQ(s, (Span{5, 9}));
}

TEST(CleanStage, EveryTransformationCanBeTurnedOff) {
  const std::string text =
      "\xEF\xBB\xBF  date 2031-03-14 Caf\xC3\x83\xC2\xA9  ol\xC3\xA9\xCC\x81\r\n\r\n\r\n"
      "\xE2\x80\x9Cinter-\nnational\xE2\x80\x9D\xC2\xA0x\x01";
  const Value::Object off = {
      {"repair_encoding", false},    {"remove_bom", false},      {"remove_controls", false},
      {"mojibake", false},           {"normalization", "none"},  {"fold_spaces", false},
      {"normalize_newlines", false}, {"collapse_spaces", false}, {"collapse_blank_lines", false},
      {"join_hyphenated", false},    {"paragraphs", false},      {"header_fields", false},
      {"datelines", false},          {"html", "never"}};
  Document doc = run_clean(text, off);
  EXPECT_EQ(view_text(doc), text);
  EXPECT_TRUE(doc.view().alignment().is_identity());
  EXPECT_EQ(doc.find_layer("paragraph"), nullptr);
  EXPECT_EQ(doc.meta().find("header"), nullptr);

  Document folded =
      run_clean("\xE2\x80\x9CYes\xE2\x80\x9D \xE2\x80\x94 it\xE2\x80\x99s\xE2\x80\xA6",
                {{"fold_quotes", true}, {"fold_dashes", true}, {"fold_ellipsis", true}});
  EXPECT_EQ(view_text(folded), "\"Yes\" -- it's...");
  Document nfkc = run_clean(
      "\xEF\xAC\x81"
      "ne",
      {{"normalization", "nfkc"}});
  EXPECT_EQ(view_text(nfkc), "fine");
}

TEST(CleanStage, RejectsBadParams) {
  auto bad =
      docpipe::testing::StageHarness::create(docpipe_plugin_entry(), {{"normalization", "nfd"}});
  EXPECT_FALSE(bad.ok());
  auto unknown =
      docpipe::testing::StageHarness::create(docpipe_plugin_entry(), {{"colapse_spaces", true}});
  EXPECT_FALSE(unknown.ok());
  auto range =
      docpipe::testing::StageHarness::create(docpipe_plugin_entry(), {{"html_link_density", 2.0}});
  EXPECT_FALSE(range.ok());
  auto empty = docpipe::testing::StageHarness::create(docpipe_plugin_entry(), {{"view_name", ""}});
  EXPECT_FALSE(empty.ok());
}

TEST(CleanStage, SpecDeclaresEveryParamWithDocs) {
  std::string error;
  const PluginSpec* spec = docpipe_plugin_entry()->spec(&error);
  ASSERT_NE(spec, nullptr) << error;
  EXPECT_EQ(spec->name, "clean");
  EXPECT_TRUE(spec->thread_safe);
  EXPECT_GE(spec->params.size(), 20u);
  for (const ParamSpec& p : spec->params) {
    EXPECT_FALSE(p.doc.empty()) << p.name;
    EXPECT_FALSE(p.default_value.is_null()) << p.name;
  }
}

// The plugin declares itself thread-safe: one configured instance, many threads at once.
TEST(CleanStage, OneInstanceManyThreads) {
  auto harness = docpipe::testing::StageHarness::create(docpipe_plugin_entry());
  ASSERT_TRUE(harness.ok());
  const std::vector<std::string> inputs = {
      kStory,
      "<html><body><nav>Menu</nav><p>PARIS \xE2\x80\x94 Caf&eacute; talks &amp; "
      "more.</p></body></html>",
      "caf\xC3\x83\xC2\xA9 e\xCC\x81t\xC3\xA9\xC2\xA0\xC2\xA0bad \xFF\r\n\r\nnext",
  };
  std::vector<std::string> expected;
  for (const std::string& in : inputs) {
    Document doc = docpipe::testing::DocumentBuilder(in).build();
    ASSERT_TRUE(harness->run(doc).ok());
    expected.emplace_back(doc.view().text());
  }
  std::vector<int> mismatches(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        const std::size_t k = static_cast<std::size_t>(round + t) % inputs.size();
        Document doc = docpipe::testing::DocumentBuilder(inputs[k]).build();
        if (!harness->run(doc).ok() || doc.view().text() != expected[k]) ++mismatches[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(mismatches, std::vector<int>(4, 0));
}

TEST(CleanStage, InvalidUtf8CountedInMeta) {
  Document doc = run_clean(std::string("bad \xC3 byte \xFF\xFE here"));
  EXPECT_EQ(view_text(doc), "bad \xEF\xBF\xBD byte \xEF\xBF\xBD\xEF\xBF\xBD here");
  EXPECT_EQ(doc.meta().find("clean")->find("invalid_utf8")->as_int(), 3);
}

}  // namespace
}  // namespace docpipe::clean
