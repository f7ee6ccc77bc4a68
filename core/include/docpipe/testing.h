// A harness for testing a stage without the CLI: build a document, run the stage the way the
// engine would (parameters validated against the plugin's schema, then configure, then process),
// and inspect the layers.
//
//   auto h = docpipe::testing::StageHarness::create(docpipe_plugin_entry(), {{"mode", "news"}});
//   ASSERT_TRUE(h.ok()) << h.status().ToString();
//   docpipe::Document doc = docpipe::testing::DocumentBuilder("On Monday.").meta("dct", "2023-09-04").build();
//   ASSERT_TRUE(h->run(doc).ok());
//   EXPECT_EQ(docpipe::testing::layer_texts(doc, "timex"), std::vector<std::string>{"Monday"});
//
// Link the plugin's sources (docpipe_add_plugin makes an object library <target>_objects for
// that) and docpipe::sdk into the test.
#ifndef DOCPIPE_TESTING_H_
#define DOCPIPE_TESTING_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/document.h"
#include "docpipe/plugin.h"
#include "docpipe/status.h"
#include "docpipe/value.h"

namespace docpipe::testing {

class DocumentBuilder {
 public:
  explicit DocumentBuilder(std::string text, std::string id = "test");
  DocumentBuilder& id(std::string id);
  DocumentBuilder& meta(std::string key, Value value);
  Document build() const;

 private:
  std::string id_;
  std::string text_;
  Value::Object meta_;
};

class StageHarness {
 public:
  // Validates `params` against the entry's schema and configures a stage. Errors name the
  // parameter (unknown, missing, wrong type) as the engine would.
  static Result<StageHarness> create(const docpipe_plugin_entry_t* entry,
                                     Value::Object params = {});

  // Processes the document with this stage (attributing annotations to the plugin's name).
  Status run(Document& doc);
  const PluginSpec& spec() const noexcept { return *spec_; }

  StageHarness(StageHarness&&) noexcept;
  StageHarness& operator=(StageHarness&&) noexcept;
  ~StageHarness();

 private:
  StageHarness() = default;
  const docpipe_plugin_entry_t* entry_ = nullptr;
  const PluginSpec* spec_ = nullptr;
  Stage* stage_ = nullptr;
};

// The original text of each annotation of a layer, in layer order.
std::vector<std::string> layer_texts(const Document& doc, std::string_view layer);
// The first annotation of `layer` whose original text equals `text`; nullptr when none.
const Annotation* find_annotation(const Document& doc, std::string_view layer,
                                  std::string_view text);
// The attribute `key` of that annotation as a string ("" when absent or not a string).
std::string attr_of(const Document& doc, std::string_view layer, std::string_view text,
                    std::string_view key);

}  // namespace docpipe::testing

#endif  // DOCPIPE_TESTING_H_
