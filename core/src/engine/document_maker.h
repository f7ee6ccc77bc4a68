// Turning raw records into documents: parsing a JSONL line ({"id", "text", "meta"}) or taking
// a text file, and making the text valid UTF-8 (see text_decode.h). Safe to call from many
// threads (each keeps its own JSON parser).
#ifndef DOCPIPE_ENGINE_DOCUMENT_MAKER_H_
#define DOCPIPE_ENGINE_DOCUMENT_MAKER_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "docpipe/document.h"
#include "docpipe/status.h"
#include "docpipe/value.h"
#include "input.h"

namespace docpipe::engine {

// Builds the document for `record` (consuming its data). Fails with a message that says what
// is wrong with the line or file (not JSON, no "text", too large, binary...).
Result<Document> make_document(RawRecord& record, std::uint64_t max_document_bytes);

// Parses one JSON text into a Value (objects keep key order). Depth is limited to 64.
Result<Value> parse_json(std::string_view json);

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_DOCUMENT_MAKER_H_
