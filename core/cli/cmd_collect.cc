#include <cstdio>

#include "collector.h"
#include "commands.h"
#include "output_sink.h"
#include "pipeline_setup.h"
#include "queue_names.h"

namespace docpipe::cli {

int collect_command(const CollectCommand& cmd) {
  if (auto names = queue::queue_names(cmd.queue.stream); !names.ok()) {
    print_error(names.status().message());
    return 2;
  }
  std::string dead_path = cmd.dead_letter;
  if (dead_path.empty()) dead_path = cmd.output == "-" ? "<stderr>" : cmd.output + ".dead.jsonl";
  engine::OutputSink results(cmd.output);
  engine::OutputSink dead(dead_path);
  queue::CollectOptions options;
  options.url = cmd.queue.url;
  options.stream = cmd.queue.stream;
  options.wait_empty = cmd.wait;
  options.wait_timeout_ms = static_cast<std::int64_t>(cmd.timeout_s * 1000);
  auto summary = queue::collect(options, results, dead);
  if (!summary.ok()) {
    print_error(summary.status().message());
    return 1;
  }
  std::fprintf(stderr,
               "docpipe: collected %llu result(s) and %llu dead letter(s) (%llu duplicate "
               "message(s) skipped); %llu document(s) still queued\n",
               static_cast<unsigned long long>(summary->results),
               static_cast<unsigned long long>(summary->dead_letters),
               static_cast<unsigned long long>(summary->duplicates),
               static_cast<unsigned long long>(summary->pending));
  if (summary->stranded > 0) {
    std::fprintf(stderr,
                 "docpipe: note: %llu answered message(s) remain in stream '%s'; the "
                 "workers will not deliver them again (their deletion was lost in a server "
                 "restart, or the stream keeps acknowledged messages; see docs/queue.md)\n",
                 static_cast<unsigned long long>(summary->stranded), cmd.queue.stream.c_str());
  }
  return 0;
}

}  // namespace docpipe::cli
