// The worker's side of a pipeline child process (see child_protocol.h): spawning it, handing it
// one document at a time and reading the answer. A crash of the child (any signal, or an exit
// without an answer) is reported as such, with the stage it was in; the caller decides whether
// to retry the document, and spawns a new child.
#ifndef DOCPIPE_QUEUE_PIPELINE_CHILD_H_
#define DOCPIPE_QUEUE_PIPELINE_CHILD_H_

#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "child_protocol.h"
#include "docpipe/status.h"

namespace docpipe::queue {

class PipelineChild {
 public:
  // Starts `argv[0]` with `argv` (argv[0] must be a path) and child_environment() of this
  // process's environment. Fails when fork or pipes fail.
  static Result<std::unique_ptr<PipelineChild>> spawn(const std::vector<std::string>& argv);
  // Waits (up to timeout_ms) until the child has built its pipeline and returns what it wrote
  // of it (ChildStatus::pipeline). Fails with kInvalidArgument when the child exited with
  // code 2 (a bad pipeline: the child printed why), kUnavailable when `stop` (if given) became
  // true first (the child, which holds no document yet, is killed), kTimeout after timeout_ms,
  // else kInternal.
  Result<std::string> wait_ready(std::int64_t timeout_ms, const std::atomic<bool>* stop = nullptr);
  // Closes the child's input and waits for it (killing it after a few seconds).
  ~PipelineChild();
  PipelineChild(const PipelineChild&) = delete;
  PipelineChild& operator=(const PipelineChild&) = delete;

  enum class Outcome { kRecord, kDeadLetter, kCrashed };
  struct Reply {
    Outcome outcome = Outcome::kCrashed;
    std::string line;  // the record or dead letter, without its newline
    int stage = -1;    // kCrashed: index of the stage that was running, -1 if unknown
    std::string why;   // kCrashed: "the pipeline process was killed by signal 11 (...)"
  };
  // Sends one document (a JSON line, without newline) and waits for the answer, calling
  // `tick` about every `tick_ms` milliseconds meanwhile. After kCrashed the child is gone.
  Reply process(std::string_view json_line, const std::function<void()>& tick, int tick_ms) {
    send(json_line);
    return receive(tick, tick_ms);
  }
  // The two halves of process(), so that the caller can do other work while the child runs,
  // or hand it several documents at once (the engine then processes them as one chunk).
  // Answers come one per document sent, records in the order sent and dead letters in the
  // order sent, but the two interleaved in any order; receive() returns the next one. After
  // kCrashed no more answers come.
  void send(std::string_view json_line);
  Reply receive(const std::function<void()>& tick, int tick_ms);
  bool alive() const noexcept { return pid_ > 0; }
  pid_t pid() const noexcept { return pid_; }

 private:
  PipelineChild() = default;
  // What was read from the child and not yet taken as lines. Lines are taken from the front
  // without moving the rest each time (a batch of answers can be a megabyte).
  class LineBuffer {
   public:
    // Reads what `fd` has (up to `scratch`'s size) onto the end; false at end of file or on
    // error.
    bool read_from(int fd, std::vector<char>& scratch);
    // Moves the next complete line, without its '\n', to `line`; false when there is none.
    bool take(std::string* line);

   private:
    std::string data_;
    std::size_t pos_ = 0;  // where the untaken bytes start
  };
  // Size of the child's output pipe and of one read from it.
  static constexpr int kOutputPipeBytes = 1 << 20;
  Reply crashed();
  void close_fds();
  void flush_input();

  pid_t pid_ = -1;
  int in_ = -1;    // the child's stdin
  int out_ = -1;   // its stdout
  int dead_ = -1;  // its dead-letter fd
  ChildStatus* status_ = nullptr;
  LineBuffer out_buf_;
  LineBuffer dead_buf_;
  std::vector<char> scratch_ = std::vector<char>(kOutputPipeBytes);  // for reads
  bool send_failed_ = false;
  std::string to_send_;   // input not yet taken by the pipe
  std::size_t sent_ = 0;  // of to_send_
};

}  // namespace docpipe::queue

#endif  // DOCPIPE_QUEUE_PIPELINE_CHILD_H_
