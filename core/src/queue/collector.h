// `docpipe collect`: the queue's output stream to JSONL files.
//
// Reads NAME-out from its first message to the last one present when reading starts. Writes
// one output record per document key to `results` (the first one stored; a document processed
// twice is written once) and one dead letter per key that has no output record to `dead`.
// With wait_empty, first waits until the input stream holds no messages (every document
// acknowledged or terminated), up to wait_timeout_ms.
#ifndef DOCPIPE_QUEUE_COLLECTOR_H_
#define DOCPIPE_QUEUE_COLLECTOR_H_

#include <cstdint>
#include <string>

#include "docpipe/status.h"
#include "output_sink.h"

namespace docpipe::queue {

struct CollectOptions {
  std::string url;
  std::string stream;
  bool wait_empty = false;
  std::int64_t wait_timeout_ms = 0;  // 0: no limit
};

struct CollectSummary {
  std::uint64_t results = 0;
  std::uint64_t dead_letters = 0;
  std::uint64_t duplicates = 0;  // messages skipped because their key was already written
  std::uint64_t pending = 0;     // documents still in the input stream when reading started
};

Result<CollectSummary> collect(const CollectOptions& options, engine::OutputSink& results,
                               engine::OutputSink& dead);

}  // namespace docpipe::queue

#endif  // DOCPIPE_QUEUE_COLLECTOR_H_
