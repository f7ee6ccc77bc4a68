// The docpipe CLI's verbs. main.cc parses the command line with CLI11 and calls one of these;
// they know nothing of CLI11 and return the process exit code:
//   0 success; 1 the run failed (a stage with on_error: fail, or output could not be written);
//   2 bad usage, pipeline or input arguments; 3 a stage overran its time limit and would not stop.
#ifndef DOCPIPE_CLI_COMMANDS_H_
#define DOCPIPE_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace docpipe::cli {

struct CommonOptions {
  std::vector<std::string> plugin_paths;
  bool allow_insecure_plugins = false;
};

struct RunCommand {
  CommonOptions common;
  std::string pipeline;
  std::vector<std::string> inputs;
  std::string output = "-";
  std::string dead_letter;  // empty: <output>.dead.jsonl, or stderr when output is stdout
  std::string format = "jsonl";
  std::string stdin_format = "jsonl";
  int jobs = 0;  // 0: all cores
  bool stats = false;
  bool quiet = false;
};
int run_command(const RunCommand& cmd);

struct ValidateCommand {
  CommonOptions common;
  std::vector<std::string> pipelines;
};
int validate_command(const ValidateCommand& cmd);

struct PluginsCommand {
  CommonOptions common;
  std::string name;  // empty: list all
  bool json = false;
};
int plugins_command(const PluginsCommand& cmd);

struct NewPluginCommand {
  std::string name;
  std::string dir;  // empty: ./NAME
};
int new_plugin_command(const NewPluginCommand& cmd);

struct SchemaCommand {
  CommonOptions common;
};
int schema_command(const SchemaCommand& cmd);

// The queue verbs (NATS JetStream; see docs/queue.md). Exit codes: 0 success; 1 the server
// could not be reached or used, or some documents could not be submitted; 2 bad usage or
// pipeline.
struct QueueOptions {
  std::string url = "nats://127.0.0.1:4222";
  std::string stream = "docpipe";
};

struct SubmitCommand {
  QueueOptions queue;
  std::vector<std::string> inputs;
  std::string stdin_format = "jsonl";
  double duplicate_window_s = 3600;
};
int submit_command(const SubmitCommand& cmd);

struct WorkerCommand {
  CommonOptions common;
  QueueOptions queue;
  std::string pipeline;
  int max_attempts = 3;
  int jobs = 1;
  double ack_wait_s = 30;
  bool until_empty = false;
  std::string log_level = "warn";  // passed on to the pipeline children
};
int worker_command(const WorkerCommand& cmd);

struct CollectCommand {
  QueueOptions queue;
  std::string output = "-";
  std::string dead_letter;  // empty: OUTPUT.dead.jsonl, or standard error for standard output
  bool wait = false;
  double timeout_s = 0;
};
int collect_command(const CollectCommand& cmd);

// The hidden verb a worker runs its pipeline in (see core/src/queue/child_protocol.h).
inline constexpr const char* kPipelineChildVerb = "pipeline-child";
struct PipelineChildCommand {
  CommonOptions common;
  std::string pipeline;
};
int pipeline_child_command(const PipelineChildCommand& cmd);

}  // namespace docpipe::cli

#endif  // DOCPIPE_CLI_COMMANDS_H_
