// docpipe: the command-line front end. Parses arguments and dispatches to a verb.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "commands.h"
#include "docpipe/log.h"
#include "docpipe/version.h"

namespace {

// Plugins log through the SDK; the SDK forwards here, to the host's spdlog logger.
void forward_to_spdlog(void*, docpipe::LogLevel level, std::string_view logger,
                       std::string_view message) noexcept {
  try {
    spdlog::get("docpipe")->log(static_cast<spdlog::level::level_enum>(level), "{}: {}", logger,
                                message);
  } catch (...) {
  }
}

void setup_logging(const std::string& level_name) {
  auto logger = spdlog::stderr_color_mt("docpipe");
  logger->set_pattern("[%l] %v");
  spdlog::level::level_enum level = spdlog::level::from_str(level_name);
  logger->set_level(level);
  docpipe::set_log_sink(&forward_to_spdlog, nullptr, static_cast<docpipe::LogLevel>(level));
}

void add_common(CLI::App* app, docpipe::cli::CommonOptions* common) {
  app->add_option("--plugin-path", common->plugin_paths,
                  "Folder to search for plugins (before DOCPIPE_PLUGIN_PATH and the built-in "
                  "folder); repeatable");
  app->add_flag("--allow-insecure-plugins", common->allow_insecure_plugins,
                "Load plugins even from world-writable files or folders");
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"docpipe " DOCPIPE_SDK_VERSION_STRING
               ": a document processing pipeline built from plugins"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("docpipe ") + DOCPIPE_SDK_VERSION_STRING +
                                        " (plugin ABI " + std::to_string(DOCPIPE_ABI_MAJOR) + "." +
                                        std::to_string(DOCPIPE_ABI_MINOR) + ")");
  std::string log_level = "warn";
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error or off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "off"}));

  docpipe::cli::RunCommand run;
  CLI::App* run_app = app.add_subcommand(
      "run", "Run a pipeline over files, folders, globs, JSONL or standard input");
  run_app->add_option("pipeline", run.pipeline, "Pipeline file (YAML)")->required();
  run_app->add_option("inputs", run.inputs,
                      "Text files, folders, globs, .jsonl files, or - for standard input")
      ->required();
  run_app->add_option("-o,--output", run.output, "Output file (default: standard output)");
  run_app->add_option("--format", run.format, "jsonl, pretty, text or timeml")
      ->check(CLI::IsMember({"jsonl", "pretty", "text", "timeml"}));
  run_app->add_option("-j,--jobs", run.jobs, "Worker threads (default: all cores)")
      ->check(CLI::Range(0, 1024));
  run_app->add_flag("--stats", run.stats, "Print a per-stage summary table on standard error");
  run_app->add_option("--dead-letter", run.dead_letter,
                      "Where dropped and unreadable documents go (JSONL; default: "
                      "OUTPUT.dead.jsonl, or standard error when writing to standard output)");
  run_app->add_option("--stdin-format", run.stdin_format,
                      "How to read standard input: jsonl (one document per line) or text "
                      "(one document)")
      ->check(CLI::IsMember({"jsonl", "text"}));
  run_app->add_flag("-q,--quiet", run.quiet, "No progress line");
  add_common(run_app, &run.common);

  docpipe::cli::ValidateCommand validate;
  CLI::App* validate_app = app.add_subcommand(
      "validate", "Check pipeline files: load every plugin, validate every parameter and "
                  "layer, and configure every stage");
  validate_app->add_option("pipelines", validate.pipelines, "Pipeline files")->required();
  add_common(validate_app, &validate.common);

  docpipe::cli::PluginsCommand plugins;
  CLI::App* plugins_app = app.add_subcommand(
      "plugins", "List the plugins found, or describe one: parameters and layers");
  plugins_app->add_option("name", plugins.name, "A plugin to describe");
  plugins_app->add_flag("--json", plugins.json, "Machine-readable output");
  add_common(plugins_app, &plugins.common);

  docpipe::cli::NewPluginCommand new_plugin;
  CLI::App* new_plugin_app = app.add_subcommand(
      "new-plugin", "Write a ready plugin project (CMake, stage skeleton, test) to build "
                    "against the installed SDK");
  new_plugin_app->add_option("name", new_plugin.name, "Plugin name ([a-z][a-z0-9_-]*)")->required();
  new_plugin_app->add_option("dir", new_plugin.dir, "Folder to create (default: ./NAME)");

  docpipe::cli::SchemaCommand schema;
  CLI::App* schema_app = app.add_subcommand(
      "schema", "Print a JSON Schema for pipeline files, with the parameters of every plugin "
                "found (for editors)");
  add_common(schema_app, &schema.common);

#ifdef DOCPIPE_WITH_QUEUE
  // ---- Scale-out on NATS JetStream (docs/queue.md) ----
  auto add_queue = [](CLI::App* a, docpipe::cli::QueueOptions* q) {
    a->add_option("--nats", q->url, "NATS server URL")->capture_default_str();
    a->add_option("--stream", q->stream, "Queue name: streams NAME and NAME-out")
        ->capture_default_str();
  };
  docpipe::cli::SubmitCommand submit;
  CLI::App* submit_app = app.add_subcommand(
      "submit", "Put documents on a NATS JetStream queue, one message each (deduplicated)");
  add_queue(submit_app, &submit.queue);
  submit_app->add_option("inputs", submit.inputs,
                         "Text files, folders, globs, .jsonl files, or - for standard input")
      ->required();
  submit_app->add_option("--stdin-format", submit.stdin_format, "jsonl or text")
      ->check(CLI::IsMember({"jsonl", "text"}));
  submit_app->add_option("--duplicate-window", submit.duplicate_window_s,
                         "Seconds the server remembers message ids (for streams it creates)")
      ->capture_default_str()->check(CLI::Range(1.0, 1e7));

  docpipe::cli::WorkerCommand worker;
  CLI::App* worker_app = app.add_subcommand(
      "worker", "Run a pipeline on documents from a NATS JetStream queue until stopped (SIGTERM "
                "finishes the documents in flight)");
  add_queue(worker_app, &worker.queue);
  worker_app->add_option("pipeline", worker.pipeline, "Pipeline file (YAML)")->required();
  worker_app->add_option("--max-attempts", worker.max_attempts,
                         "Deliveries of a document that crashes the pipeline before it goes to "
                         "the dead letters")->capture_default_str();
  worker_app->add_option("-j,--jobs", worker.jobs,
                         "Pipeline processes, each working on one batch of documents at a time")
      ->capture_default_str();
  worker_app->add_option("--ack-wait", worker.ack_wait_s,
                         "Seconds before the server redelivers an unanswered document (when "
                         "this worker creates the consumer)")->capture_default_str();
  worker_app->add_flag("--until-empty", worker.until_empty,
                       "Exit once the queue holds no documents");
  add_common(worker_app, &worker.common);

  docpipe::cli::CollectCommand collect;
  CLI::App* collect_app = app.add_subcommand(
      "collect", "Write a queue's results and dead letters to JSONL, one record per document");
  add_queue(collect_app, &collect.queue);
  collect_app->add_option("-o,--output", collect.output, "Output file (default: standard output)");
  collect_app->add_option("--dead-letter", collect.dead_letter,
                          "Where dead letters go (default: OUTPUT.dead.jsonl, or standard error "
                          "when writing to standard output)");
  collect_app->add_flag("--wait", collect.wait,
                        "First wait until every queued document has been answered");
  collect_app->add_option("--timeout", collect.timeout_s,
                          "With --wait: give up after this many seconds (0: never)");

  docpipe::cli::PipelineChildCommand child;
  CLI::App* child_app = app.add_subcommand(docpipe::cli::kPipelineChildVerb, "");
  child_app->group("");  // hidden: only `docpipe worker` runs it
  child_app->add_option("pipeline", child.pipeline)->required();
  add_common(child_app, &child.common);
#endif

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  setup_logging(log_level);
  if (run_app->parsed()) return docpipe::cli::run_command(run);
  if (validate_app->parsed()) return docpipe::cli::validate_command(validate);
  if (plugins_app->parsed()) return docpipe::cli::plugins_command(plugins);
  if (new_plugin_app->parsed()) return docpipe::cli::new_plugin_command(new_plugin);
  if (schema_app->parsed()) return docpipe::cli::schema_command(schema);
#ifdef DOCPIPE_WITH_QUEUE
  if (submit_app->parsed()) return docpipe::cli::submit_command(submit);
  if (worker_app->parsed()) {
    worker.log_level = log_level;
    return docpipe::cli::worker_command(worker);
  }
  if (collect_app->parsed()) return docpipe::cli::collect_command(collect);
  if (child_app->parsed()) return docpipe::cli::pipeline_child_command(child);
#endif
  return 2;
}
