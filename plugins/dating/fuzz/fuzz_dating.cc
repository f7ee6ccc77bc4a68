// Fuzz target: the whole stage on arbitrary bytes, with the mode, the DCT and the fallback
// picked by the first byte. Every timex must lie inside the text with begin < end, carry a type
// and a non-empty value; the DCT search and the resolver must not crash on any input.
#include <cstddef>
#include <cstdint>
#include <string>

#include "docpipe/plugin.h"
#include "docpipe/testing.h"

namespace {

const char* const kDcts[] = {"2023-09-04", "2020-12-31", "2024-02-29", "1989-10-26T13:37:00",
                             "", "not a date", "0000-01-01", "9999-12-31"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t flags = data[0];
  const std::string text(reinterpret_cast<const char*>(data + 1), size - 1);
  docpipe::Value::Object params;
  params.set("mode", (flags & 1) ? "narrative" : "news");
  if (flags & 2) {
    params.set("dct_fallback", "fixed");
    params.set("dct_date", "2021-01-03");
  }
  static auto news = docpipe::testing::StageHarness::create(docpipe_plugin_entry(), {});
  auto h = docpipe::testing::StageHarness::create(docpipe_plugin_entry(), std::move(params));
  if (!h.ok() || !news.ok()) __builtin_trap();
  docpipe::testing::DocumentBuilder b(text);
  const char* dct = kDcts[(flags >> 2) & 7];
  if (*dct != 0) b.meta("dct", dct);
  docpipe::Document doc = b.build();
  if (!h->run(doc).ok()) __builtin_trap();
  const docpipe::Layer* layer = doc.find_layer("timex");
  if (layer == nullptr) __builtin_trap();
  for (const docpipe::Annotation& a : *layer) {
    if (a.begin >= a.end || a.end > doc.text().size()) __builtin_trap();
    const docpipe::Value* type = a.attrs.find("type");
    const docpipe::Value* value = a.attrs.find("value");
    if (type == nullptr || value == nullptr || !value->is_string() || value->as_string().empty()) {
      __builtin_trap();
    }
  }
  return 0;
}
