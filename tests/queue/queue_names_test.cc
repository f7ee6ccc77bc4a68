#include "queue_names.h"

#include <gtest/gtest.h>

namespace docpipe::queue {
namespace {

TEST(QueueNames, DerivedFromTheStreamName) {
  auto n = queue_names("docs");
  ASSERT_TRUE(n.ok());
  EXPECT_EQ(n->input_stream, "docs");
  EXPECT_EQ(n->input_subject, "docs.in");
  EXPECT_EQ(n->output_stream, "docs-out");
  EXPECT_EQ(n->output_subjects, "docs.out.>");
  EXPECT_EQ(n->result_subject, "docs.out.result");
  EXPECT_EQ(n->dead_subject, "docs.out.dead");
  EXPECT_EQ(n->durable, "docs-workers");
}

TEST(QueueNames, RejectsNamesServersOrSubjectsRefuse) {
  const char* bad[] = {
      "",    "a.b",
      "a b", "a*",
      "a>",  "news/2024",
      "é",   "0123456789012345678901234567890123456789012345678901234567890123456789"};
  for (const char* name : bad) {
    auto n = queue_names(name);
    ASSERT_FALSE(n.ok()) << name;
    EXPECT_EQ(n.status().code(), StatusCode::kInvalidArgument) << name;
  }
  for (const char* name : {"a", "news_2024", "Corpus-B"})
    EXPECT_TRUE(queue_names(name).ok()) << name;
}

TEST(DocumentKey, IdAndContentHash) {
  struct Case {
    std::string id, payload, want_prefix;
  };
  const Case cases[] = {
      {"doc-1", "{}", "doc-1#"},
      {"a/b.txt", "x", "a/b.txt#"},
      {"with space", "x", "~"},           // not printable-without-space: hashed
      {std::string(129, 'a'), "x", "~"},  // too long: hashed
      {"", "x", "~"},
  };
  for (const auto& c : cases) {
    const std::string key = document_key(c.id, c.payload);
    EXPECT_EQ(key.rfind(c.want_prefix, 0), 0u) << key;
    EXPECT_EQ(key.substr(key.size() - 16), content_hash(c.payload)) << key;
    EXPECT_LE(key.size(), 128u + 1 + 16);
  }
  // Same id, different content: different keys; same both: same key.
  EXPECT_NE(document_key("d", "one"), document_key("d", "two"));
  EXPECT_EQ(document_key("d", "one"), document_key("d", "one"));
}

TEST(ContentHash, StableFnv1a) {
  EXPECT_EQ(content_hash(""), "cbf29ce484222325");
  EXPECT_EQ(content_hash("a"), "af63dc4c8601ec8c");
  EXPECT_EQ(content_hash("a").size(), 16u);
}

TEST(MessageIds, DependOnKeyAndPipeline) {
  EXPECT_NE(result_message_id("k", "p1"), result_message_id("k", "p2"));
  EXPECT_NE(result_message_id("k", "p1"), dead_letter_message_id("k", "p1"));
  EXPECT_EQ(result_message_id("k", "p1"), result_message_id("k", "p1"));
}

}  // namespace
}  // namespace docpipe::queue
