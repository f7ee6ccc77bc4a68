// The runner: streams records through a built pipeline on several threads.
//
// A reader thread cuts the input into chunks (up to 256 records or 4 MiB); worker threads turn
// records into documents, run every stage, and render the output; the calling thread writes
// chunks in input order. At most `window` chunks are in flight at once (read but not yet
// written), so memory stays bounded whatever the input size.
//
// Every record read ends as exactly one output record or one dead letter. A stage with
// on_error: fail stops the run: the failing document becomes a dead letter with the stage's
// error, documents already done are written, the others read so far become dead letters
// "not processed", and nothing more is read (see RunOptions::dead_letters_when_stopped).
#ifndef DOCPIPE_ENGINE_RUNNER_H_
#define DOCPIPE_ENGINE_RUNNER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "input.h"
#include "output_sink.h"
#include "pipeline.h"
#include "record_writer.h"

namespace docpipe::engine {

struct RunOptions {
  OutputFormat format = OutputFormat::kJsonl;
  std::size_t window_chunks = 0;  // 0: 4 per worker
  bool progress = false;          // a progress line on stderr
  std::size_t chunk_records = 256;
  std::size_t chunk_bytes = 4u << 20;
  // When set, called on the worker thread just before a stage runs on a chunk, with the
  // stage's index in pipeline.stages(). Must be cheap and must not throw; a process that
  // supervises a pipeline child uses it to name the stage a crash happened in.
  void (*stage_observer)(void* context, std::size_t stage_index) = nullptr;
  void* stage_observer_context = nullptr;
  // When a stage with on_error: fail stops the run, the failing document and every document
  // read but not processed go to the dead letters (the rest of the input is not read). Off,
  // they are only counted (RunSummary::unprocessed): for a caller that runs them again itself,
  // like the queue worker's pipeline process.
  bool dead_letters_when_stopped = true;
};

struct StageStats {
  std::string name;
  std::string plugin;
  std::uint64_t documents = 0;
  std::uint64_t errors = 0;   // non-OK statuses (all policies)
  std::uint64_t dropped = 0;  // of which sent to the dead letters
  std::int64_t micros = 0;
  std::int64_t max_micros = 0;
};

struct RunSummary {
  std::uint64_t records = 0;      // read from the inputs
  std::uint64_t outputs = 0;      // output records written
  std::uint64_t partial = 0;      // of which carry a stage error (on_error: skip)
  std::uint64_t dead_letters = 0; // dead-letter records written
  std::uint64_t unprocessed = 0;  // read but not written because the run stopped
  std::uint64_t not_processed = 0;  // of the dead letters: read but not processed, the run
                                    // having stopped (RunOptions::dead_letters_when_stopped)
  std::string read_up_to;         // when the run stopped before the end of its input: the
                                  // source ("FILE:LINE", "FILE") of the last record read
  std::uint64_t bytes_in = 0;
  std::uint64_t bytes_out = 0;
  double seconds = 0;
  std::uint64_t peak_memory_bytes = 0;  // the process's peak resident set (VmHWM), 0 if unknown
  bool failed = false;            // a stage with on_error: fail failed, or output failed
  std::string failure;            // why, naming document and stage
  std::string stage_failure;      // when a stage failed: why, naming the stage but not the document
  std::vector<StageStats> stages;

  // records == outputs + dead_letters + unprocessed
  bool counts_add_up() const noexcept {
    return records == outputs + dead_letters + unprocessed;
  }
};

class Runner {
 public:
  Runner(Pipeline& pipeline, RunOptions options);
  RunSummary run(RecordReader& reader, OutputSink& output, OutputSink& dead_letters);

 private:
  Pipeline& pipeline_;
  RunOptions options_;
};

// The --stats table.
std::string format_stats(const RunSummary& summary);

}  // namespace docpipe::engine

#endif  // DOCPIPE_ENGINE_RUNNER_H_
