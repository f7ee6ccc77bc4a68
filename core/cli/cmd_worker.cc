#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <climits>
#include <cstdio>

#include "child_protocol.h"
#include "commands.h"
#include "docpipe/status.h"
#include "pipeline_setup.h"
#include "worker.h"

namespace docpipe::cli {
namespace {

std::atomic<bool> g_stop{false};

extern "C" void request_stop(int) { g_stop.store(true); }

std::string own_executable() {
  char buf[PATH_MAX];
  const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return {};
  return std::string(buf, static_cast<std::size_t>(n));
}

}  // namespace

int worker_command(const WorkerCommand& cmd) {
  if (cmd.max_attempts < 1 || cmd.jobs < 1 || cmd.ack_wait_s < 1) {
    print_error("--max-attempts and --jobs must be at least 1, --ack-wait at least 1 s");
    return 2;
  }
  queue::WorkerOptions options;
  options.url = cmd.queue.url;
  options.stream = cmd.queue.stream;
  options.max_attempts = cmd.max_attempts;
  options.jobs = cmd.jobs;
  options.ack_wait_ms = static_cast<std::int64_t>(cmd.ack_wait_s * 1000);
  options.until_empty = cmd.until_empty;
  const std::string exe = own_executable();
  if (exe.empty()) {
    print_error("cannot find the docpipe executable (/proc/self/exe)");
    return 1;
  }
  options.child_argv = {exe, "--log-level", cmd.log_level, queue::kChildVerb, cmd.pipeline};
  for (const auto& p : cmd.common.plugin_paths) {
    options.child_argv.push_back("--plugin-path");
    options.child_argv.push_back(p);
  }
  if (cmd.common.allow_insecure_plugins) options.child_argv.push_back("--allow-insecure-plugins");

  struct sigaction sa {};
  sa.sa_handler = &request_stop;
  sigemptyset(&sa.sa_mask);
  ::sigaction(SIGTERM, &sa, nullptr);
  ::sigaction(SIGINT, &sa, nullptr);
  ::signal(SIGPIPE, SIG_IGN);  // a child that died must not take the worker with it

  auto summary = queue::run_worker(options, g_stop);
  if (!summary.ok()) {
    print_error(summary.status().message());
    return summary.status().code() == StatusCode::kInvalidArgument ? 2 : 1;
  }
  std::fprintf(stderr,
               "docpipe: worker done: %llu result(s), %llu dead letter(s), %llu retried, "
               "%llu publish failure(s)\n",
               static_cast<unsigned long long>(summary->results),
               static_cast<unsigned long long>(summary->dead_letters),
               static_cast<unsigned long long>(summary->retried),
               static_cast<unsigned long long>(summary->publish_failures));
  return 0;
}

}  // namespace docpipe::cli
