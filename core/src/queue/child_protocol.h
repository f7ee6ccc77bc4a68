// How a worker talks to its pipeline child (`docpipe pipeline-child`, a hidden verb): the child
// runs the engine's Runner over standard input, one document per JSON line, and answers each
// with exactly one line, on standard output (the output record) or on kChildDeadLetterFd (the
// dead letter). kChildStatusFd is a shared page (ChildStatus) where the child notes the stage it
// is in, so that when a stage kills the process the worker can name it; once its pipeline is
// built, the child also writes there what the worker needs to know of it (the fingerprint and
// the stages), so the worker does not build the pipeline itself. The child ignores
// SIGTERM and SIGINT (the worker decides when it stops) and exits when its input closes.
#ifndef DOCPIPE_QUEUE_CHILD_PROTOCOL_H_
#define DOCPIPE_QUEUE_CHILD_PROTOCOL_H_

#include <atomic>
#include <cstddef>
#include <cstdint>

namespace docpipe::queue {

inline constexpr int kChildDeadLetterFd = 3;
inline constexpr int kChildStatusFd = 4;
inline constexpr const char* kChildVerb = "pipeline-child";  // = cli::kPipelineChildVerb

struct ChildStatus {
  std::atomic<std::uint32_t> stage;  // 1 + index of the stage last started; 0: none yet
  std::atomic<std::uint32_t> ready;  // 1 once `pipeline` is written (the pipeline is built)
  // NUL-terminated: the pipeline fingerprint, then one "\nSTAGE\tPLUGIN" per stage (cut short
  // if it does not fit).
  char pipeline[2040];
  char failure[1024];  // NUL-terminated: why the run stopped (on_error: fail)
};
static_assert(sizeof(ChildStatus) <= 4096, "ChildStatus must fit one page");
inline constexpr std::size_t kChildStatusBytes = 4096;

}  // namespace docpipe::queue

#endif  // DOCPIPE_QUEUE_CHILD_PROTOCOL_H_
