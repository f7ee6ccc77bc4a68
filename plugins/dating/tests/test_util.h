// Runs the dating stage on one text and lists what it tagged.
#ifndef DOCPIPE_DATING_TEST_UTIL_H_
#define DOCPIPE_DATING_TEST_UTIL_H_

#include <string>
#include <vector>

#include "docpipe/testing.h"


namespace docpipe::dating::test {

struct Tagged {
  std::string text, type, value, mod;
};

inline std::string attr(const Annotation& a, const char* key) {
  const Value* v = a.attrs.find(key);
  return v != nullptr && v->is_string() ? v->as_string() : "";
}

// Tags `text` with the given DCT ("" for none) and stage parameters.
inline std::vector<Tagged> tag(const std::string& text, const std::string& dct,
                               Value::Object params = {}, Document* keep = nullptr) {
  auto h = testing::StageHarness::create(docpipe_plugin_entry(), std::move(params));
  if (!h.ok()) return {{"HARNESS", h.status().ToString(), "", ""}};
  testing::DocumentBuilder b(text);
  if (!dct.empty()) b.meta("dct", dct);
  Document doc = b.build();
  if (Status s = h->run(doc); !s.ok()) return {{"RUN", s.ToString(), "", ""}};
  std::vector<Tagged> out;
  if (const Layer* l = doc.find_layer("timex")) {
    for (const Annotation& a : *l) {
      out.push_back({std::string(doc.text_of(a)), attr(a, "type"), attr(a, "value"), attr(a, "mod")});
    }
  }
  if (keep != nullptr) *keep = std::move(doc);
  return out;
}

}  // namespace docpipe::dating::test

#endif  // DOCPIPE_DATING_TEST_UTIL_H_
