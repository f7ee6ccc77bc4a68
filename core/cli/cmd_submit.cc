#include <cstdio>

#include "commands.h"
#include "input.h"
#include "pipeline_setup.h"
#include "queue_names.h"
#include "submitter.h"

namespace docpipe::cli {

int submit_command(const SubmitCommand& cmd) {
  if (auto names = queue::queue_names(cmd.queue.stream); !names.ok()) {
    print_error(names.status().message());
    return 2;
  }
  auto inputs =
      engine::expand_inputs(cmd.inputs, cmd.stdin_format == "text" ? engine::StdinFormat::kText
                                                                   : engine::StdinFormat::kJsonl);
  if (!inputs.ok()) {
    print_error(inputs.status().message());
    return 2;
  }
  engine::RecordReader reader(std::move(*inputs), 0);
  queue::SubmitOptions options;
  options.url = cmd.queue.url;
  options.stream = cmd.queue.stream;
  options.duplicate_window_ms = static_cast<std::int64_t>(cmd.duplicate_window_s * 1000);
  auto summary = queue::submit(options, reader);
  if (!summary.ok()) {
    print_error(summary.status().message());
    return 1;
  }
  for (const auto& e : summary->errors) print_error(e);
  std::fprintf(stderr,
               "docpipe: submitted %llu document(s) to stream '%s'; %llu already queued "
               "(deduplicated), %llu unreadable (sent as dead letters), %llu failed\n",
               static_cast<unsigned long long>(summary->submitted), cmd.queue.stream.c_str(),
               static_cast<unsigned long long>(summary->duplicates),
               static_cast<unsigned long long>(summary->unreadable),
               static_cast<unsigned long long>(summary->failed));
  return summary->failed > 0 ? 1 : 0;
}

}  // namespace docpipe::cli
