// `docpipe collect`: the queue's output stream to JSONL files.
//
// Reads NAME-out from its first message to the last one present when reading starts. Writes
// one output record per document key to `results` (the first one stored; a document processed
// twice is written once) and one dead letter per key that has no output record to `dead`.
// With wait_empty, first waits until the workers have finished every queued document (each one
// acknowledged or terminated; see Connection::unfinished_documents), up to wait_timeout_ms.
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
  std::uint64_t pending = 0;     // documents not yet finished by the workers when reading started
  // Messages left in the input stream that the workers' consumer will never deliver: normally
  // documents already answered whose deletion a server restart lost. Reported, not removed.
  std::uint64_t stranded = 0;
};

Result<CollectSummary> collect(const CollectOptions& options, engine::OutputSink& results,
                               engine::OutputSink& dead);

}  // namespace docpipe::queue

#endif  // DOCPIPE_QUEUE_COLLECTOR_H_
