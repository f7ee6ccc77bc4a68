// Fuzz target: the YAML pipeline loader must report problems, never crash or hang.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "config_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<docpipe::engine::Diagnostic> diags;
  auto cfg = docpipe::engine::load_pipeline_text(
      std::string(reinterpret_cast<const char*>(data), size), "fuzz.yaml", "/tmp", &diags);
  if (!cfg && diags.empty()) __builtin_trap();  // a failure must say why
  return 0;
}
