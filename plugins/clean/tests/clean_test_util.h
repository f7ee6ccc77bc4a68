// Helpers shared by the clean stage's tests.
#ifndef DOCPIPE_CLEAN_TESTS_CLEAN_TEST_UTIL_H_
#define DOCPIPE_CLEAN_TESTS_CLEAN_TEST_UTIL_H_

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

#include "docpipe/alignment.h"
#include "docpipe/document.h"
#include "docpipe/plugin.h"
#include "docpipe/testing.h"

namespace docpipe::clean::test {

// The text a pass produced (its input when it reported no change).
inline std::string output_of(const std::optional<AlignedTextBuilder::Built>& built,
                             std::string_view input) {
  return built ? built->text : std::string(input);
}

// The alignment is valid, fits both texts, and every exact piece really copies its bytes.
inline ::testing::AssertionResult consistent(const Alignment& a, std::string_view view,
                                             std::string_view source) {
  if (!a.valid()) return ::testing::AssertionFailure() << "alignment invariants broken";
  if (a.view_size() != view.size() || a.source_size() != source.size()) {
    return ::testing::AssertionFailure() << "sizes " << a.view_size() << "/" << a.source_size()
                                         << " vs texts " << view.size() << "/" << source.size();
  }
  for (const Alignment::Piece& p : a.pieces()) {
    if (p.exact &&
        view.substr(p.view_begin, p.view_size) != source.substr(p.source_begin, p.source_size)) {
      return ::testing::AssertionFailure()
             << "exact piece at view " << p.view_begin << " differs from source " << p.source_begin;
    }
  }
  return ::testing::AssertionSuccess();
}

inline ::testing::AssertionResult consistent(const std::optional<AlignedTextBuilder::Built>& b,
                                             std::string_view source) {
  if (!b) return ::testing::AssertionSuccess();
  return consistent(b->alignment, b->text, source);
}

// Runs the clean stage on a document made of `text` and `meta`, with `params`.
inline Document run_clean(std::string text, Value::Object params = {}, Value::Object meta = {}) {
  auto harness = docpipe::testing::StageHarness::create(docpipe_plugin_entry(), std::move(params));
  EXPECT_TRUE(harness.ok()) << harness.status().ToString();
  docpipe::testing::DocumentBuilder builder(std::move(text));
  for (auto& [k, v] : meta) builder.meta(k, v);
  Document doc = builder.build();
  if (harness.ok()) {
    Status s = harness->run(doc);
    EXPECT_TRUE(s.ok()) << s.ToString();
  }
  return doc;
}

// The text of the newest view.
inline std::string view_text(const Document& doc) { return std::string(doc.view().text()); }

// The original text a span of the newest view projects to.
inline std::string original_of(const Document& doc, std::size_t begin, std::size_t end) {
  const Span s = doc.view().to_original({begin, end});
  return std::string(doc.text().substr(s.begin, s.end - s.begin));
}

// The original text that the first occurrence of `needle` in the newest view projects to.
inline std::string original_of(const Document& doc, std::string_view needle) {
  const std::size_t at = doc.view().text().find(needle);
  if (at == std::string_view::npos) return "<not in view: " + std::string(needle) + ">";
  return original_of(doc, at, at + needle.size());
}

}  // namespace docpipe::clean::test

#endif  // DOCPIPE_CLEAN_TESTS_CLEAN_TEST_UTIL_H_
