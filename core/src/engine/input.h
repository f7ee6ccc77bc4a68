// Inputs: turning command-line arguments into a stream of raw records.
//
// Arguments may be text files (one document each), JSONL files (.jsonl, .ndjson: one document
// per line), folders (searched recursively, in sorted order, hidden entries skipped), glob
// patterns (expanded here when the shell did not), or "-" for standard input (JSONL unless told
// it is text). The reader holds at most one line or one file in memory at a time: inputs of any
// size stream through.
//
// Records too large for limits.max_document_bytes are not read into memory; they come out as
// error records that name the file, line and size, so they end up in the dead letters.
#ifndef DOCPIPE_ENGINE_INPUT_H_
#define DOCPIPE_ENGINE_INPUT_H_

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "docpipe/status.h"

namespace docpipe::engine {

enum class StdinFormat { kJsonl, kText };

struct InputSource {
  enum class Kind { kTextFile, kJsonlFile, kStdinJsonl, kStdinText };
  Kind kind;
  std::string path;  // as the user wrote it (or as found under a folder); "-" for stdin
};

// Expands arguments. Fails (naming every bad argument) when a path does not exist or a glob
// matches nothing.
Result<std::vector<InputSource>> expand_inputs(const std::vector<std::string>& args,
                                               StdinFormat stdin_format);

struct RawRecord {
  enum class Kind {
    kText,      // `data` is a whole text document; `id` is its path
    kJsonLine,  // `data` is one JSON line (without the newline)
    kError,     // could not be read; `error` says why; `data` may hold what was read
  };
  Kind kind = Kind::kText;
  std::string data;
  std::string id;      // kText: the document id (its path)
  std::string source;  // "docs.jsonl:12", "a/b.txt", "stdin:3"
  std::string error;
  std::uint64_t line = 0;  // 1-based line for JSONL records, 0 otherwise
};

class RecordReader {
 public:
  // max_record_bytes: 0 for no limit; text documents above it and JSON lines above
  // max_record_bytes * 3/2 + 64 KiB (room for escapes) are reported as errors unread.
  RecordReader(std::vector<InputSource> sources, std::uint64_t max_record_bytes);
  ~RecordReader();
  RecordReader(const RecordReader&) = delete;
  RecordReader& operator=(const RecordReader&) = delete;

  // Fills `out` with the next record; returns false at the end of all inputs.
  bool next(RawRecord* out);
  // False when the next call of next() would wait for a pipe or terminal to produce data:
  // callers that batch records flush what they have first, so that streaming consumers
  // (`docpipe run ... -` fed one document at a time) get each result without delay.
  bool ready() const;
  // Like ready(), but waits up to timeout_ms for data (or the end of the input) to arrive.
  bool wait_ready(int timeout_ms) const;
  // Bytes read so far (for progress and throughput).
  std::uint64_t bytes_read() const noexcept { return bytes_read_; }

 private:
  bool open_next_source();
  bool next_line(RawRecord* out);
  bool fill();

  std::vector<InputSource> sources_;
  std::size_t next_source_ = 0;
  std::uint64_t max_bytes_;
  std::uint64_t max_line_bytes_;
  // The open JSONL stream.
  int fd_ = -1;
  bool owns_fd_ = false;
  std::string display_;
  std::string buf_;
  std::unique_ptr<char[]> scratch_;  // read buffer for whole-file documents (kReadSize bytes)
  std::size_t pos_ = 0;  // start of unread data in buf_
  bool eof_ = false;
  std::uint64_t line_no_ = 0;
  std::uint64_t bytes_read_ = 0;
};

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_INPUT_H_
