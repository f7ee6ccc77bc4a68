// Serializing results: output records (schema v1) in the formats `docpipe run` offers, and
// dead-letter records.
//
// Output record, schema v1 (one JSON object per line in the jsonl format):
//   {"schema_version": 1, "id": ..., "offset_unit": "utf8_byte", "text": <original text>,
//    "meta": {...}, "annotations": [{"layer", "begin", "end", "text", "attrs", "producer"}],
//    "summary": {...}, "views": [{"name", "text"}] (when output.views is on),
//    "run": {"pipeline", "docpipe", "status", "stages": [{"name", "plugin", "version",
//            "micros"}], "errors": [{"stage", "plugin", "code", "message"}]}}
// Annotations are grouped by layer (in the order layers were made) and sorted by offset
// within a layer. begin/end are UTF-8 byte offsets into "text", half-open.
//
// Dead-letter record, schema v1:
//   {"schema_version": 1, "kind": "dead_letter", "id", "source", "line", "stage", "plugin",
//    "reason", "input": {"id", "text", "meta"}} — "input" is absent when the input could not be
//   read (then "raw" holds the line as read, when there was one and it was not too large).
#ifndef DOCPIPE_ENGINE_RECORD_WRITER_H_
#define DOCPIPE_ENGINE_RECORD_WRITER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/document.h"
#include "docpipe/value.h"
#include "pipeline_config.h"

namespace docpipe::engine {

inline constexpr int kOutputSchemaVersion = 1;

enum class OutputFormat { kJsonl, kPretty, kText, kTimeml };
// Parses "jsonl", "pretty", "text", "timeml".
bool parse_output_format(std::string_view name, OutputFormat* out);

// Views into the pipeline's own strings, which outlive every record.
struct StageTiming {
  std::string_view name;
  std::string_view plugin;
  std::string_view version;
  std::int64_t micros = 0;
};

struct StageError {
  std::string stage;
  std::string plugin;
  std::string code;
  std::string message;
};

struct RunInfo {
  std::string_view pipeline;
  std::string_view status = "ok";  // "ok", or "partial" when a stage failed under on_error: skip
  std::vector<StageTiming> stages;
  std::vector<StageError> errors;
};

// Appends one record in `format` (jsonl and pretty end with a newline).
void write_record(std::string& out, OutputFormat format, const Document& doc, const RunInfo& run,
                  const OutputConfig& output);

struct DeadLetter {
  std::string id;
  std::string source;
  std::uint64_t line = 0;
  std::string stage;   // empty when the input could not be read
  std::string plugin;
  std::string reason;
  // The input as received, when it became a document.
  bool has_input = false;
  std::string input_id;
  std::string input_text;
  Value::Object input_meta;
  std::string raw;  // the raw line when it could not be parsed
};

// The report a person reads (`--format text`): date, dateline, people / organizations /
// places with mention counts, dates in time order, the summary, errors and stage times.
void write_text_report(std::string& out, const Document& doc, const RunInfo& run);

// TimeML (`--format timeml`): the original text with a TIMEX3 element around each annotation of
// layer "timex" (attributes from its attrs), the DCT in <DCT>. Only the XML special characters
// & < > are escaped; every other byte of the text is unchanged. Overlapping timexes after the
// first are left out (XML cannot cross elements).
void write_timeml(std::string& out, const Document& doc);

// Appends one dead-letter record (a JSON line).
void write_dead_letter(std::string& out, const DeadLetter& letter);

// Re-indents compact JSON with two spaces (strings are left alone).
void append_pretty_json(std::string& out, std::string_view compact);

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_RECORD_WRITER_H_
