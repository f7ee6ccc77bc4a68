// The stage end to end through StageHarness: segmentation as the summarizer sees news text,
// budgets, the lead of an article whose paragraphs are out of order, determinism, keyphrases,
// empty and one-sentence documents, parameter errors.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis.h"
#include "docpipe/docpipe.h"
#include "docpipe/testing.h"
#include "test_words.h"

namespace docpipe::summarize {
namespace {

using docpipe::testing::DocumentBuilder;
using docpipe::testing::StageHarness;

std::string read_fixture(const std::string& name) {
  std::ifstream in(std::string(DOCPIPE_SOURCE_DIR) + "/plugins/summarize/tests/fixtures/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

StageHarness make(Value::Object params = {}) {
  auto h = StageHarness::create(docpipe_plugin_entry(), std::move(params));
  EXPECT_TRUE(h.ok()) << h.status().ToString();
  return std::move(*h);
}

std::vector<std::string> summary_texts(const Document& doc) {
  std::vector<std::string> out;
  const Value* s = doc.summary().find("sentences");
  if (s == nullptr) return out;
  for (const Value& v : s->as_array()) out.push_back(v.find("text")->as_string());
  return out;
}

// ---- Segmentation and lead, as the summarizer sees news text ----

TEST(SummarizeSegmentation, NewsTable) {
  const struct {
    const char* text;
    std::vector<std::string> sentences;
    std::uint32_t lead_sentence;
    const char* after_dateline;  // text after the dateline; "" when none
  } cases[] = {
      {"(CNN)Share, and your gift will grow. Gen. Smith said so on Monday.",
       {"(CNN)Share, and your gift will grow.", "Gen. Smith said so on Monday."},
       0,
       "Share, and your gift will grow. Gen. Smith said so on Monday."},
      {"WASHINGTON \xE2\x80\x94 The U.S. Senate voted 52-48 on Tuesday. Mr. Lee objected.",
       {"WASHINGTON \xE2\x80\x94 The U.S. Senate voted 52-48 on Tuesday.", "Mr. Lee objected."},
       0,
       "The U.S. Senate voted 52-48 on Tuesday. Mr. Lee objected."},
      {"Caption: a ship.\n\nLONDON (Reuters) - Shares fell 3.5 percent. Traders sold.",
       {"Caption: a ship.", "LONDON (Reuters) - Shares fell 3.5 percent.", "Traders sold."},
       1,
       "Shares fell 3.5 percent. Traders sold."},
      // A dateline alone on its paragraph: the lead is the next one.
      {"BEIRUT \xE2\x80\x94\n\nFighting resumed in the north of the city on Sunday night.",
       {"BEIRUT \xE2\x80\x94", "Fighting resumed in the north of the city on Sunday night."},
       1,
       ""},
      // No dateline: the first prose paragraph (a short headline comes before it).
      {"Storm barrier tested\n\nEngineers closed the storm barrier for the first time in two "
       "years on Thursday. It held.",
       {"Storm barrier tested",
        "Engineers closed the storm barrier for the first time in two years on Thursday.",
        "It held."},
       1,
       ""},
      {"", {}, 0, ""},
  };
  const WordSet stop = test_stopwords();
  for (const auto& c : cases) {
    Segmentation seg(c.text);
    const Analysis a = analyze_text(seg, stop);
    std::vector<std::string> got;
    for (const auto& s : a.sentences) got.emplace_back(a.text.substr(s.begin, s.end - s.begin));
    EXPECT_EQ(got, c.sentences) << c.text;
    EXPECT_EQ(a.lead_sentence, c.lead_sentence) << c.text;
    const std::string after = a.dateline_end ? std::string(a.text.substr(a.dateline_end)) : "";
    EXPECT_EQ(after, c.after_dateline) << c.text;
  }
}

// ---- The lead of an article whose first paragraphs are a caption and a teaser ----

TEST(SummarizeStage, DatelineLeadIsChosenInOutOfOrderArticle) {
  StageHarness h = make();
  Document doc = DocumentBuilder(read_fixture("out_of_order.txt")).build();
  ASSERT_TRUE(h.run(doc).ok());
  const auto texts = summary_texts(doc);
  ASSERT_EQ(texts.size(), 3u);
  // The dateline is dropped from the lead sentence, and the caption and teaser are not chosen.
  EXPECT_EQ(texts[0].rfind("Engineers at the Rhone river authority will close", 0), 0u) << texts[0];
  for (const auto& t : texts) {
    EXPECT_EQ(t.find("Photo:"), std::string::npos);
    EXPECT_EQ(t.find("Read more"), std::string::npos);
  }
  // Offsets point into the original text and match the sentence text.
  const Value* sentences = doc.summary().find("sentences");
  for (const Value& s : sentences->as_array()) {
    const auto b = static_cast<std::size_t>(s.find("begin")->as_int());
    const auto e = static_cast<std::size_t>(s.find("end")->as_int());
    ASSERT_LE(b, e);
    ASSERT_LE(e, doc.text().size());
    EXPECT_EQ(std::string(doc.text().substr(b, e - b)), s.find("text")->as_string());
    EXPECT_GE(s.find("score")->as_double(), 0.0);
    EXPECT_LE(s.find("score")->as_double(), 1.0);
  }
  EXPECT_FALSE(doc.summary().find("text")->as_string().empty());
}

TEST(SummarizeStage, LeadMethodTakesTheFirstSentences) {
  StageHarness h = make({{"method", "lead"}, {"sentences", 2}, {"strip_dateline", false}});
  Document doc = DocumentBuilder(read_fixture("out_of_order.txt")).build();
  ASSERT_TRUE(h.run(doc).ok());
  EXPECT_EQ(summary_texts(doc),
            (std::vector<std::string>{"Photo: Barges wait near the lock gates at dawn.",
                                      "Read more: how the river locks were built a century ago."}));
}

// ---- Budgets ----

std::size_t word_count(const std::string& s) {
  std::size_t n = 0;
  bool in = false;
  for (char c : s) {
    const bool w = c != ' ';
    if (w && !in) ++n;
    in = w;
  }
  return n;
}

TEST(SummarizeStage, BudgetsAreHonoured) {
  const std::string text = read_fixture("out_of_order.txt");
  const struct {
    Value::Object params;
    std::size_t max_sentences;
    std::size_t max_words;
  } cases[] = {
      {{}, 3, 1000},
      {{{"sentences", 1}}, 1, 1000},
      {{{"sentences", 5}}, 5, 1000},
      {{{"mode", "headline"}}, 1, 1000},
      {{{"words", 40}}, 3, 40},
      {{{"sentences", 10}, {"words", 60}}, 10, 60},
      {{{"ratio", 0.2}}, 3, 38},  // 20% of about 186 words
  };
  for (const auto& c : cases) {
    StageHarness h = make(c.params);
    Document doc = DocumentBuilder(text).build();
    ASSERT_TRUE(h.run(doc).ok());
    const auto texts = summary_texts(doc);
    EXPECT_GE(texts.size(), 1u);
    EXPECT_LE(texts.size(), c.max_sentences);
    std::size_t words = 0;
    for (const auto& t : texts) words += word_count(t);
    EXPECT_LE(words, c.max_words);
  }
}

TEST(SummarizeStage, HeadlineIsTheLeadSentence) {
  StageHarness h = make({{"mode", "headline"}});
  Document doc = DocumentBuilder(read_fixture("out_of_order.txt")).build();
  ASSERT_TRUE(h.run(doc).ok());
  const auto texts = summary_texts(doc);
  ASSERT_EQ(texts.size(), 1u);
  EXPECT_EQ(texts[0].rfind("Engineers at the Rhone", 0), 0u);
}

// ---- Determinism ----

TEST(SummarizeStage, OutputIsDeterministic) {
  StageHarness h = make();
  const std::string text = read_fixture("out_of_order.txt");
  Document first = DocumentBuilder(text).build();
  ASSERT_TRUE(h.run(first).ok());
  for (int i = 0; i < 5; ++i) {
    StageHarness fresh = make();
    Document again = DocumentBuilder(text).build();
    ASSERT_TRUE(fresh.run(again).ok());
    EXPECT_EQ(again.summary(), first.summary());
    EXPECT_EQ(again.meta(), first.meta());
    EXPECT_EQ(docpipe::testing::layer_texts(again, "keyphrase"),
              docpipe::testing::layer_texts(first, "keyphrase"));
  }
}

// ---- Empty and one-sentence documents ----

TEST(SummarizeStage, EmptyAndTinyDocuments) {
  StageHarness h = make();
  const struct {
    const char* text;
    std::vector<std::string> expected;
  } cases[] = {
      {"", {}},
      {"   \n\n  ", {}},
      {"...", {}},
      {"The barrier held.", {"The barrier held."}},
      {"WASHINGTON \xE2\x80\x94 The barrier held.", {"The barrier held."}},
      {"The barrier held", {"The barrier held"}},
  };
  for (const auto& c : cases) {
    Document doc = DocumentBuilder(c.text).build();
    ASSERT_TRUE(h.run(doc).ok()) << c.text;
    EXPECT_EQ(summary_texts(doc), c.expected) << c.text;
    ASSERT_NE(doc.summary().find("text"), nullptr);
    ASSERT_TRUE(doc.has_layer("keyphrase"));
  }
}

TEST(SummarizeStage, LongDocumentStaysBounded) {
  // 20,000 sentences (about 1.3 MB): pairwise centrality is limited to the first sentences.
  std::string text = "OSLO \xE2\x80\x94 The ferry strike entered its third week on Monday.\n\n";
  for (int i = 0; i < 20000; ++i) {
    text += "Crew member " + std::to_string(i) + " said the talks on pay had stalled again. ";
    if (i % 7 == 6) text += "\n\n";
  }
  StageHarness h = make();
  Document doc = DocumentBuilder(text).build();
  ASSERT_TRUE(h.run(doc).ok());
  const auto texts = summary_texts(doc);
  ASSERT_FALSE(texts.empty());
  EXPECT_EQ(texts[0], "The ferry strike entered its third week on Monday.");
}

// ---- Keyphrases ----

TEST(SummarizeStage, Keyphrases) {
  StageHarness h = make({{"keyphrases", 5}});
  Document doc = DocumentBuilder(read_fixture("out_of_order.txt")).build();
  ASSERT_TRUE(h.run(doc).ok());
  const Value* listed = doc.meta().find("keyphrases");
  ASSERT_NE(listed, nullptr);
  ASSERT_EQ(listed->as_array().size(), 5u);
  std::vector<std::string> phrases;
  double previous = 1e9;
  for (const Value& k : listed->as_array()) {
    phrases.push_back(k.find("phrase")->as_string());
    const double score = k.find("score")->as_double();
    EXPECT_LE(score, previous);
    previous = score;
    EXPECT_GE(k.find("count")->as_int(), 1);
  }
  // The article is about the lock and its gates.
  bool lock = false;
  for (const auto& p : phrases) lock = lock || p.find("lock") != std::string::npos;
  EXPECT_TRUE(lock) << ::testing::PrintToString(phrases);
  // Every layer annotation spells its phrase (case aside) and carries a rank.
  const Layer* layer = doc.find_layer("keyphrase");
  ASSERT_NE(layer, nullptr);
  ASSERT_FALSE(layer->empty());
  for (const Annotation& a : *layer) {
    std::string t(doc.text_of(a));
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    EXPECT_EQ(t, a.attrs.find("phrase")->as_string());
    const std::int64_t rank = a.attrs.find("rank")->as_int();
    EXPECT_GE(rank, 1);
    EXPECT_LE(rank, 5);
  }
}

TEST(SummarizeStage, NoKeyphrasesWhenDisabled) {
  StageHarness h = make({{"keyphrases", 0}});
  Document doc = DocumentBuilder(read_fixture("out_of_order.txt")).build();
  ASSERT_TRUE(h.run(doc).ok());
  EXPECT_TRUE(doc.find_layer("keyphrase")->empty());
  EXPECT_TRUE(doc.meta().find("keyphrases")->as_array().empty());
}

// ---- Entities and dates from earlier stages ----

TEST(SummarizeStage, UsesEntityAndTimexLayersWhenPresent) {
  StageHarness h = make({{"sentences", 1}, {"method", "model"}});
  Document doc = DocumentBuilder(read_fixture("out_of_order.txt")).build();
  // A fake earlier stage: the same entity mentioned in every sentence of one paragraph.
  const std::string_view text = doc.text();
  std::size_t at = 0;
  while ((at = text.find("authority", at)) != std::string_view::npos) {
    doc.annotate("entity", Span{at, at + 9}, {{"label", "ORG"}, {"cluster", 0}});
    at += 9;
  }
  doc.layer("timex");
  ASSERT_TRUE(h.run(doc).ok());
  EXPECT_EQ(summary_texts(doc).size(), 1u);
}

// ---- Parameter errors ----

TEST(SummarizeStage, ParameterErrors) {
  const struct {
    Value::Object params;
    const char* message;
  } cases[] = {
      {{{"sentences", 0}}, "sentences"},
      {{{"ratio", 1.5}}, "ratio"},
      {{{"words", -1}}, "words"},
      {{{"method", "textrank"}}, "method"},
      {{{"mode", "headline"}, {"sentences", 3}}, "headline"},
      {{{"sentence", 3}}, "sentence"},
      {{{"model", "/nonexistent/summarize.model"}}, "summarize.model"},
      {{{"keyphrases", "ten"}}, "keyphrases"},
  };
  for (const auto& c : cases) {
    auto h = StageHarness::create(docpipe_plugin_entry(), c.params);
    ASSERT_FALSE(h.ok()) << c.message;
    EXPECT_NE(h.status().message().find(c.message), std::string::npos) << h.status().ToString();
  }
}

TEST(SummarizeStage, BadModelFileIsRejected) {
  const std::string path = ::testing::TempDir() + "/bad.model";
  std::ofstream(path) << "docpipe-summarize-model 1\nwrong_feature 2\n";
  auto h = StageHarness::create(docpipe_plugin_entry(), {{"model", path}});
  ASSERT_FALSE(h.ok());
  EXPECT_NE(h.status().message().find("unknown feature 'wrong_feature'"), std::string::npos);
}

}  // namespace
}  // namespace docpipe::summarize
