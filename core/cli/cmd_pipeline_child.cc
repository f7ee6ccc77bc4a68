// `docpipe pipeline-child PIPELINE`: the process a queue worker runs documents in, one at a
// time (protocol in core/src/queue/child_protocol.h). Not for people: hidden from --help.
#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "child_protocol.h"
#include "commands.h"
#include "input.h"
#include "output_sink.h"
#include "pipeline_setup.h"
#include "runner.h"

namespace docpipe::cli {
namespace {

void note_stage(void* context, std::size_t stage_index) {
  static_cast<queue::ChildStatus*>(context)->stage.store(
      static_cast<std::uint32_t>(stage_index + 1));
}

}  // namespace

int pipeline_child_command(const PipelineChildCommand& cmd) {
  void* page = ::mmap(nullptr, queue::kChildStatusBytes, PROT_READ | PROT_WRITE, MAP_SHARED,
                      queue::kChildStatusFd, 0);
  if (page == MAP_FAILED) {
    print_error("pipeline-child is run by `docpipe worker`, not by hand");
    return 2;
  }
  auto* status = static_cast<queue::ChildStatus*>(page);
  std::unique_ptr<engine::PluginLoader> loader;
  auto pipeline = load_and_build(cmd.pipeline, cmd.common, 1, &loader);
  if (!pipeline) return 2;
  std::string info = pipeline->fingerprint();
  for (const auto& b : pipeline->stages()) {
    info += "\n" + b.config.name + "\t" + b.plugin->spec().name;
  }
  std::strncpy(status->pipeline, info.c_str(), sizeof status->pipeline - 1);
  status->ready.store(1);
  auto inputs = engine::expand_inputs({"-"}, engine::StdinFormat::kJsonl);
  if (!inputs.ok()) return 2;
  engine::OutputSink output("-");
  engine::OutputSink dead("/dev/fd/" + std::to_string(queue::kChildDeadLetterFd));
  engine::RunOptions options;
  options.chunk_records = 64;  // the worker sends batches of at most 16
  options.window_chunks = 1;
  options.stage_observer = &note_stage;
  options.stage_observer_context = status;
  // A failed run is a crash to the worker, which runs the batch's documents again one by one:
  // no dead letters for them here.
  options.dead_letters_when_stopped = false;
  engine::RecordReader reader(std::move(*inputs), pipeline->config().limits.max_document_bytes);
  engine::Runner runner(*pipeline, options);
  engine::RunSummary summary = runner.run(reader, output, dead);
  if (summary.failed) {
    // The worker names the document and its queue position itself (the source here is stdin).
    const std::string& why = summary.stage_failure.empty() ? summary.failure : summary.stage_failure;
    std::strncpy(status->failure, why.c_str(), sizeof status->failure - 1);
    return 1;
  }
  // Every answer is written (the runner flushed both sinks) and the worker waits for this
  // process to exit before it does: skip tearing down the stages and unloading the plugins.
  // Under AddressSanitizer, exit normally instead, so that LeakSanitizer checks this process.
#if defined(__SANITIZE_ADDRESS__)
  return 0;
#else
  std::fflush(nullptr);
  ::_exit(0);
#endif
}

}  // namespace docpipe::cli
