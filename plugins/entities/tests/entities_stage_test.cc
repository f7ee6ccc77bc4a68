// The stage with the shipped model on a hand-written news story: expected entities, labels,
// subtypes, links, the meta summary, spans on token boundaries; and parameter errors.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "docpipe/testing.h"
#include "docpipe/text/segmenter.h"

namespace docpipe {
namespace {

using testing::attr_of;
using testing::DocumentBuilder;
using testing::find_annotation;
using testing::StageHarness;

std::string fixture(const std::string& name) {
  std::ifstream in(std::string(DOCPIPE_SOURCE_DIR) + "/plugins/entities/tests/fixtures/" + name);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

class EntitiesStage : public ::testing::Test {
 protected:
  void SetUp() override {
    auto h = StageHarness::create(docpipe_plugin_entry());
    ASSERT_TRUE(h.ok()) << h.status().ToString();
    harness_ = std::make_unique<StageHarness>(std::move(*h));
  }
  std::unique_ptr<StageHarness> harness_;
};

TEST_F(EntitiesStage, FindsTheEntitiesOfAHandWrittenStory) {
  const std::string text = fixture("harbour_story.txt");
  ASSERT_FALSE(text.empty());
  Document doc = DocumentBuilder(text).build();
  ASSERT_TRUE(harness_->run(doc).ok());
  struct Expected {
    const char* text;
    const char* label;
    const char* subtype;  // "" when none is expected
  };
  const Expected expected[] = {
      {"Ingrid Halvorsen", "PERSON", ""}, {"Lars Mikkelsen", "PERSON", ""},
      {"Bergen", "LOC", "GPE"},           {"Denmark", "LOC", "GPE"},
      {"Germany", "LOC", "GPE"},          {"Copenhagen", "LOC", "GPE"},
      {"European Union", "ORG", ""},      {"Fjordline Construction AS", "ORG", ""},
      {"Norwegian", "MISC", "NORP"},      {"Danish", "MISC", "NORP"},
  };
  for (const auto& e : expected) {
    EXPECT_NE(find_annotation(doc, "entity", e.text), nullptr) << e.text;
    EXPECT_EQ(attr_of(doc, "entity", e.text, "label"), e.label) << e.text;
    EXPECT_EQ(attr_of(doc, "entity", e.text, "subtype"), e.subtype) << e.text;
  }
  // No entity in the headline's plain words, none on "spring" or "Tuesday".
  for (const char* word : {"Port", "ferry", "spring", "Tuesday", "reporters"}) {
    EXPECT_EQ(find_annotation(doc, "entity", word), nullptr) << word;
  }
  // Every "Halvorsen" is linked to the full name; the capitalised dateline to "Oslo".
  const Layer* layer = doc.find_layer("entity");
  ASSERT_NE(layer, nullptr);
  int halvorsen = 0;
  std::set<std::int64_t> oslo_clusters;
  for (const Annotation& a : *layer) {
    const std::string_view t = doc.text_of(a);
    const Value* canonical = a.attrs.find("canonical");
    ASSERT_NE(canonical, nullptr);
    if (t == "Halvorsen") {
      ++halvorsen;
      EXPECT_EQ(canonical->as_string(), "Ingrid Halvorsen");
    }
    if (t == "OSLO" || t == "Oslo") {
      oslo_clusters.insert(a.attrs.find("cluster")->as_int());
      EXPECT_EQ(canonical->as_string(), "Oslo");
    }
    const Value* confidence = a.attrs.find("confidence");
    ASSERT_NE(confidence, nullptr);
    EXPECT_GT(confidence->as_double(), 0.0);
    EXPECT_LE(confidence->as_double(), 1.0);
  }
  EXPECT_EQ(halvorsen, 2);
  EXPECT_EQ(oslo_clusters.size(), 1u);
  // "WWF" and "World Wildlife Fund" are one entity.
  EXPECT_EQ(attr_of(doc, "entity", "WWF", "canonical"), "World Wildlife Fund");
  // meta.entities lists each entity once, with its mention count.
  const Value* summary = doc.meta().find("entities");
  ASSERT_NE(summary, nullptr);
  bool found = false;
  std::set<std::string> canonicals;
  for (const Value& e : summary->as_array()) {
    const std::string name = e.as_object().find("canonical")->as_string();
    EXPECT_TRUE(canonicals.insert(name).second) << name << " listed twice";
    if (name == "Ingrid Halvorsen") {
      found = true;
      EXPECT_EQ(e.as_object().find("mentions")->as_int(), 3);
      EXPECT_EQ(e.as_object().find("label")->as_string(), "PERSON");
    }
  }
  EXPECT_TRUE(found);
}

TEST_F(EntitiesStage, SpansFallOnTokenBoundaries) {
  Document doc = DocumentBuilder(fixture("harbour_story.txt")).build();
  ASSERT_TRUE(harness_->run(doc).ok());
  const Segmentation& seg = segment(doc);
  std::set<std::uint32_t> starts, ends;
  for (const Token& t : seg.tokens()) {
    starts.insert(t.begin);
    ends.insert(t.end);
  }
  for (const Annotation& a : *doc.find_layer("entity")) {
    EXPECT_TRUE(starts.count(static_cast<std::uint32_t>(a.begin))) << doc.text_of(a);
    EXPECT_TRUE(ends.count(static_cast<std::uint32_t>(a.end))) << doc.text_of(a);
  }
}

TEST_F(EntitiesStage, EmptyAndOddInputs) {
  for (const char* text : {"", "   \n\n ", "\xFF\xFE broken", "a", "!!!", "1996-08-22"}) {
    Document doc = DocumentBuilder(text).build();
    ASSERT_TRUE(harness_->run(doc).ok()) << text;
    ASSERT_NE(doc.find_layer("entity"), nullptr);
    ASSERT_NE(doc.meta().find("entities"), nullptr);
  }
}

TEST_F(EntitiesStage, LinkingCanBeTurnedOff) {
  auto h = StageHarness::create(docpipe_plugin_entry(), {{"link", false}});
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  Document doc = DocumentBuilder(fixture("harbour_story.txt")).build();
  ASSERT_TRUE(h->run(doc).ok());
  EXPECT_EQ(attr_of(doc, "entity", "Halvorsen", "canonical"), "Halvorsen");
}

TEST(EntitiesStageParams, BadModelPathIsAClearError) {
  auto h = StageHarness::create(docpipe_plugin_entry(), {{"model", "/no/such/ner.model"}});
  ASSERT_FALSE(h.ok());
  EXPECT_NE(h.status().message().find("/no/such/ner.model"), std::string::npos)
      << h.status().message();
}

TEST(EntitiesStageParams, CorruptModelIsRejectedAtConfigure) {
  const std::string path = ::testing::TempDir() + "/corrupt_ner.model";
  {
    std::ofstream out(path, std::ios::binary);
    out << "DOCPNER\n" << std::string(40, '\x01');
  }
  auto h = StageHarness::create(docpipe_plugin_entry(), {{"model", path}});
  ASSERT_FALSE(h.ok());
  EXPECT_NE(h.status().message().find("entity model"), std::string::npos) << h.status().message();
}

}  // namespace
}  // namespace docpipe
