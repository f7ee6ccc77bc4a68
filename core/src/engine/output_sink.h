// Where records go: a file, standard output or standard error, or one file per document in a
// folder (for formats such as TimeML whose tools want a file per document). Files open lazily,
// on the first write, so a run with no dead letters leaves no empty dead-letter file behind.
// Writes are serialised by an internal mutex; flush() may be called from any thread.
#ifndef DOCPIPE_ENGINE_OUTPUT_SINK_H_
#define DOCPIPE_ENGINE_OUTPUT_SINK_H_

#include <cstdio>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "docpipe/status.h"

namespace docpipe::engine {

class OutputSink {
 public:
  // "-" is standard output; "<stderr>" standard error; a path ending in '/' or naming an
  // existing folder with per_document set writes <folder>/<id><suffix> for each record.
  OutputSink(std::string path, bool per_document = false, std::string suffix = {});
  ~OutputSink();
  OutputSink(const OutputSink&) = delete;
  OutputSink& operator=(const OutputSink&) = delete;

  Status write(std::string_view document_id, std::string_view data);
  Status flush();
  const std::string& path() const noexcept { return path_; }
  std::uint64_t bytes_written() const noexcept { return bytes_; }
  bool used() const noexcept { return bytes_ > 0; }

 private:
  Status open_locked();
  std::string path_;
  bool per_document_;
  std::string suffix_;
  std::mutex mu_;
  std::FILE* file_ = nullptr;
  bool owns_ = false;
  std::unique_ptr<char[]> buffer_;
  std::uint64_t bytes_ = 0;
};

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_OUTPUT_SINK_H_
