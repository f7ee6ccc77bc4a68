// Fuzz target: one JSONL line becomes a document or a clear error; a document's text is valid
// UTF-8 and its output record is valid JSON that parses back.
#include <cstddef>
#include <cstdint>
#include <string>

#include "document_maker.h"
#include "docpipe/text/utf8.h"
#include "record_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace docpipe::engine;
  RawRecord rec;
  rec.kind = RawRecord::Kind::kJsonLine;
  rec.data.assign(reinterpret_cast<const char*>(data), size);
  rec.line = 1;
  rec.source = "fuzz:1";
  auto doc = make_document(rec, 1 << 20);
  if (!doc.ok()) {
    if (doc.status().message().empty()) __builtin_trap();
    return 0;
  }
  if (!docpipe::utf8::is_valid(doc->text())) __builtin_trap();
  std::string out;
  write_record(out, OutputFormat::kJsonl, *doc, RunInfo{}, OutputConfig{});
  out.pop_back();  // the newline
  if (!parse_json(out).ok()) __builtin_trap();
  return 0;
}
