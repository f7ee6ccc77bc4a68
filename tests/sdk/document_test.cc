#include "docpipe/document.h"

#include <gtest/gtest.h>

#include "docpipe/plugin.h"
#include "docpipe/testing.h"
#include "docpipe/text/segmenter.h"

namespace docpipe {
namespace {

// Makes a view of `doc` that drops every "X" from the current view.
Status drop_x(Document& doc, const std::string& name) {
  std::string_view src = doc.view().text();
  AlignedTextBuilder b(src);
  for (std::size_t i = 0; i < src.size(); ++i) {
    if (src[i] == 'X') b.skip(i, 1);
    else b.copy(i, 1);
  }
  return doc.add_view(name, std::move(b).finish());
}

TEST(Document, OriginalIsTheFirstView) {
  Document doc("d1", "Hello world", {{"lang", "en"}});
  EXPECT_EQ(doc.id(), "d1");
  EXPECT_EQ(doc.text(), "Hello world");
  EXPECT_EQ(doc.view().name(), "original");
  EXPECT_EQ(doc.view_count(), 1u);
  EXPECT_EQ(doc.meta().find("lang")->as_string(), "en");
}

TEST(Document, AnnotationsThroughViewsPointIntoTheOriginal) {
  Document doc("d", "aXbXc dXe");
  ASSERT_TRUE(drop_x(doc, "first").ok());
  EXPECT_EQ(doc.view().text(), "abc de");
  // A second view derived from the first: uppercase copy (exact pieces only).
  {
    std::string_view src = doc.view().text();
    AlignedTextBuilder b(src);
    b.copy(0, 3);
    b.replace(3, 1, "  ");  // one space -> two
    b.copy_rest();
    ASSERT_TRUE(doc.add_view("second", std::move(b).finish()).ok());
  }
  EXPECT_EQ(doc.view().text(), "abc  de");
  const TextView& v = doc.view();
  Annotation& a = doc.annotate("word", v, Span{5, 7});
  EXPECT_EQ(doc.text_of(a), "dXe");
  Annotation& b = doc.annotate("word", v, Span{0, 3});
  EXPECT_EQ(doc.text_of(b), "aXbXc");
  // And back onto the view.
  EXPECT_EQ(v.from_original(Span{6, 9}), (Span{5, 7}));
}

TEST(Document, AddViewChecksSizesAndNames) {
  Document doc("d", "abc");
  AlignedTextBuilder wrong("abcdef");
  wrong.copy_rest();
  EXPECT_FALSE(doc.add_view("w", std::move(wrong).finish()).ok());
  ASSERT_TRUE(drop_x(doc, "v").ok());
  Status dup = drop_x(doc, "v");
  EXPECT_FALSE(dup.ok());
  EXPECT_EQ(dup.message(), "document 'd' already has a view named 'v'");
}

TEST(Document, AnnotateOutsideTheTextThrows) {
  Document doc("d", "abc");
  EXPECT_THROW(doc.annotate("x", Span{2, 4}), std::out_of_range);
}

TEST(Document, LayersAndProducers) {
  Document doc("d", "abc");
  doc.set_producer("stage-a");
  doc.annotate("l1", Span{0, 1});
  doc.set_producer("stage-b");
  doc.annotate("l1", Span{1, 2});
  doc.annotate("l2", Span{0, 3});
  ASSERT_NE(doc.find_layer("l1"), nullptr);
  EXPECT_EQ(doc.find_layer("l1")->size(), 2u);
  EXPECT_EQ(doc.producers()[doc.find_layer("l1")->annotations()[0].producer], "stage-a");
  EXPECT_EQ(doc.producers()[doc.find_layer("l2")->annotations()[0].producer], "stage-b");
  EXPECT_TRUE(doc.remove_layer("l2"));
  EXPECT_FALSE(doc.has_layer("l2"));
}

TEST(Document, SegmentIsCachedPerViewAndRecordsLayersOnce) {
  Document doc("d", "First XsentenceX. Second one.");
  const Segmentation& s1 = segment(doc);
  EXPECT_EQ(s1.sentences().size(), 2u);
  EXPECT_EQ(&segment(doc), &s1);
  ASSERT_TRUE(drop_x(doc, "clean").ok());
  const Segmentation& s2 = segment(doc);
  EXPECT_EQ(s2.view_name(), "clean");
  EXPECT_EQ(s2.text(), "First sentence. Second one.");
  // Layers stay as first recorded (on the original view) and are not duplicated.
  EXPECT_EQ(doc.find_layer("sentence")->size(), 2u);
  EXPECT_EQ(doc.producers()[doc.find_layer("token")->annotations()[0].producer], "segmenter");
}

TEST(Document, SegmentLayersUseOriginalOffsets) {
  Document doc("d", "aXb c.");
  ASSERT_TRUE(drop_x(doc, "clean").ok());
  segment(doc);
  const Layer* tokens = doc.find_layer("token");
  ASSERT_NE(tokens, nullptr);
  ASSERT_EQ(tokens->size(), 3u);
  EXPECT_EQ(doc.text_of(tokens->annotations()[0]), "aXb");
}

}  // namespace
}  // namespace docpipe
