// One job slot of a worker (see worker.h): a thread that owns a pipeline child process and
// moves batches of documents from the queue through it, publishing each answer before it
// acknowledges the document.
#ifndef DOCPIPE_QUEUE_WORKER_SLOT_H_
#define DOCPIPE_QUEUE_WORKER_SLOT_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "connection.h"
#include "pipeline_child.h"
#include "queue_names.h"
#include "worker.h"

namespace docpipe::queue {

// What the first pipeline child said of its pipeline.
struct PipelineInfo {
  std::string fingerprint;
  std::vector<std::string> stage_names;
  std::vector<std::string> stage_plugins;
};

// Parses ChildStatus::pipeline: the fingerprint, then "\nSTAGE\tPLUGIN" per stage.
PipelineInfo parse_pipeline_info(const std::string& text);

// How long a starting worker keeps trying to reach the server and set up its streams and
// consumer (a server restarting meanwhile must not stop it).
inline constexpr std::chrono::seconds kStartupPatience{30};

// What the slots of one worker share. Counters and `fatal` are guarded by `mu`.
struct WorkerShared {
  const WorkerOptions& options;
  const PipelineInfo& pipeline;
  const QueueNames& names;
  Connection& conn;
  const std::atomic<bool>& stop;
  std::int64_t ack_wait_ms;
  std::mutex mu;
  WorkerSummary summary;
  Status fatal;  // a slot could not start
  std::atomic<bool> aborted{false};
};

// Runs one slot until `stop` or `aborted` (then drains), or with until_empty until the queue is
// empty. `child`: a pipeline child already started, or null. A slot that cannot start sets
// `fatal` and `aborted`.
void run_slot(WorkerShared& shared, int index, std::unique_ptr<PipelineChild> child);

}  // namespace docpipe::queue

#endif  // DOCPIPE_QUEUE_WORKER_SLOT_H_
