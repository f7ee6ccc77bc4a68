#include <unistd.h>

#include <filesystem>
#include <thread>

#include "commands.h"
#include "input.h"
#include "output_sink.h"
#include "pipeline_setup.h"
#include "runner.h"

namespace docpipe::cli {

int run_command(const RunCommand& cmd) {
  engine::OutputFormat format;
  if (!engine::parse_output_format(cmd.format, &format)) {
    print_error("unknown format '" + cmd.format + "'");
    return 2;
  }
  std::size_t jobs = cmd.jobs > 0 ? static_cast<std::size_t>(cmd.jobs)
                                  : std::max(1u, std::thread::hardware_concurrency());
  std::unique_ptr<engine::PluginLoader> loader;
  auto pipeline = load_and_build(cmd.pipeline, cmd.common, jobs, &loader);
  if (!pipeline) return 2;

  auto inputs = engine::expand_inputs(
      cmd.inputs, cmd.stdin_format == "text" ? engine::StdinFormat::kText : engine::StdinFormat::kJsonl);
  if (!inputs.ok()) {
    print_error(inputs.status().message());
    return 2;
  }
  // TimeML tools want one file per document: `-o DIR/` writes DIR/<id>.tml.
  std::error_code ec;
  const bool per_document =
      format == engine::OutputFormat::kTimeml && cmd.output != "-" &&
      (cmd.output.back() == '/' || std::filesystem::is_directory(cmd.output, ec));
  engine::OutputSink output(cmd.output, per_document, per_document ? ".tml" : "");
  std::string dead_path = cmd.dead_letter;
  if (dead_path.empty()) {
    dead_path = (cmd.output == "-" || per_document) ? "<stderr>" : cmd.output + ".dead.jsonl";
  }
  engine::OutputSink dead(dead_path);

  engine::RunOptions options;
  options.format = format;
  options.progress = !cmd.quiet && ::isatty(STDERR_FILENO) && dead_path != "<stderr>";
  engine::RecordReader reader(std::move(*inputs), pipeline->config().limits.max_document_bytes);
  engine::Runner runner(*pipeline, options);
  engine::RunSummary summary = runner.run(reader, output, dead);

  if (cmd.stats) std::fputs(engine::format_stats(summary).c_str(), stderr);
  if (summary.dead_letters > 0) {
    std::fprintf(stderr, "docpipe: %llu document(s) went to the dead letters (%s)\n",
                 static_cast<unsigned long long>(summary.dead_letters),
                 dead_path == "<stderr>" ? "standard error" : dead_path.c_str());
  }
  if (summary.failed) {
    print_error(summary.failure);
    if (summary.not_processed > 0) {
      std::fprintf(stderr,
                   "docpipe: the run stopped; %llu document(s) read after it were not processed "
                   "and went to the dead letters too\n",
                   static_cast<unsigned long long>(summary.not_processed));
    }
    if (summary.unprocessed > 0) {
      std::fprintf(stderr, "docpipe: the run stopped; %llu document(s) read were not processed\n",
                   static_cast<unsigned long long>(summary.unprocessed));
    }
    if (!summary.stage_failure.empty() && !summary.read_up_to.empty()) {
      std::fprintf(stderr, "docpipe: reading stopped after %s; anything after it was not read\n",
                   summary.read_up_to.c_str());
    }
    return 1;
  }
  return 0;
}

}  // namespace docpipe::cli
