// Child processes for the queue tests: start a program with its output in files, signal it,
// wait for it with a deadline.
#ifndef DOCPIPE_TESTS_QUEUE_PROCESS_H_
#define DOCPIPE_TESTS_QUEUE_PROCESS_H_

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>
#include <vector>

extern char** environ;

namespace docpipe::queue_test {

class Process {
 public:
  // Starts argv with standard output and error appended to `log` (and stdin from /dev/null).
  Process(const std::vector<std::string>& argv, const std::string& log) {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    if (posix_spawnp(&pid_, args[0], &fa, nullptr, args.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&fa);
  }
  ~Process() {
    if (pid_ > 0 && !status_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  bool started() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  void signal(int sig) {
    if (pid_ > 0 && !status_) ::kill(pid_, sig);
  }
  // The exit code (128 + signal when killed), or nullopt when still running after `seconds`.
  std::optional<int> wait(double seconds) {
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    while (!status_) {
      int st = 0;
      if (::waitpid(pid_, &st, WNOHANG) == pid_) {
        status_ = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
        break;
      }
      if (std::chrono::steady_clock::now() >= deadline) return std::nullopt;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return status_;
  }

 private:
  pid_t pid_ = -1;
  std::optional<int> status_;
};

// Runs argv to completion (up to `seconds`); returns its exit code, or -1 on timeout.
inline int run(const std::vector<std::string>& argv, const std::string& log, double seconds = 120) {
  Process p(argv, log);
  if (!p.started()) return -1;
  auto code = p.wait(seconds);
  return code ? *code : -1;
}

}  // namespace docpipe::queue_test

#endif  // DOCPIPE_TESTS_QUEUE_PROCESS_H_
