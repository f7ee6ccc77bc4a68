// Fuzz target: tokenization, the two-pass tagger and the linker on arbitrary text. The bytes are
// first made valid UTF-8 (as the engine does for every input); every entity must then be a
// non-empty span inside the text on UTF-8 character boundaries, with a known label.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "docpipe/plugin.h"
#include "docpipe/testing.h"
#include "docpipe/text/utf8.h"

namespace {

std::string repaired(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const auto d = docpipe::utf8::decode(bytes, i);
    docpipe::utf8::append(out, d.cp);  // kReplacement when invalid
    i += d.size;
  }
  return out;
}

bool on_boundary(std::string_view text, std::size_t at) {
  return at == text.size() || (static_cast<unsigned char>(text[at]) & 0xC0) != 0x80;
}

docpipe::testing::StageHarness& harness() {
  static auto* h = [] {
    auto created = docpipe::testing::StageHarness::create(docpipe_plugin_entry());
    if (!created.ok()) __builtin_trap();
    return new docpipe::testing::StageHarness(std::move(*created));
  }();
  return *h;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text = repaired(std::string_view(reinterpret_cast<const char*>(data), size));
  docpipe::Document doc = docpipe::testing::DocumentBuilder(text).build();
  if (!harness().run(doc).ok()) __builtin_trap();
  const docpipe::Layer* entities = doc.find_layer("entity");
  if (entities == nullptr) return 0;
  for (const auto& a : *entities) {
    if (a.begin >= a.end || a.end > text.size()) __builtin_trap();
    if (!on_boundary(text, a.begin) || !on_boundary(text, a.end)) __builtin_trap();
    const docpipe::Value* label = a.attrs.find("label");
    if (label == nullptr || !label->is_string()) __builtin_trap();
    const std::string& l = label->as_string();
    if (l != "PERSON" && l != "ORG" && l != "LOC" && l != "MISC") __builtin_trap();
  }
  return 0;
}
