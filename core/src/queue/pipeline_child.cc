#include "pipeline_child.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <thread>

#include "child_environment.h"

extern char** environ;

namespace docpipe::queue {

bool PipelineChild::LineBuffer::take(std::string* line) {
  const std::size_t nl = data_.find('\n', pos_);
  if (nl == std::string::npos) {
    data_.erase(0, pos_);  // keep only the unfinished line
    pos_ = 0;
    return false;
  }
  line->assign(data_, pos_, nl - pos_);
  pos_ = nl + 1;
  return true;
}

bool PipelineChild::LineBuffer::read_from(int fd, std::vector<char>& scratch) {
  for (;;) {
    const ssize_t n = ::read(fd, scratch.data(), scratch.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data_.append(scratch.data(), static_cast<std::size_t>(n));
    return true;
  }
}

namespace {

std::string describe_wait_status(int status) {
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    const char* name = strsignal(sig);
    return "was killed by signal " + std::to_string(sig) + " (" + (name ? name : "?") + ")";
  }
  if (WIFEXITED(status)) {
    return "exited with code " + std::to_string(WEXITSTATUS(status)) + " without answering";
  }
  return "stopped";
}

}  // namespace

Result<std::unique_ptr<PipelineChild>> PipelineChild::spawn(const std::vector<std::string>& argv) {
  int in[2], out[2], dead[2];
  if (::pipe2(in, O_CLOEXEC) != 0) return Status::Internal("pipe: " + std::string(strerror(errno)));
  if (::pipe2(out, O_CLOEXEC) != 0) {
    ::close(in[0]);
    ::close(in[1]);
    return Status::Internal("pipe: " + std::string(strerror(errno)));
  }
  if (::pipe2(dead, O_CLOEXEC) != 0) {
    for (int fd : {in[0], in[1], out[0], out[1]}) ::close(fd);
    return Status::Internal("pipe: " + std::string(strerror(errno)));
  }
  const int shm = ::memfd_create("docpipe-child-status", MFD_CLOEXEC);
  void* page = MAP_FAILED;
  if (shm >= 0 && ::ftruncate(shm, kChildStatusBytes) == 0) {
    page = ::mmap(nullptr, kChildStatusBytes, PROT_READ | PROT_WRITE, MAP_SHARED, shm, 0);
  }
  if (page == MAP_FAILED) {
    for (int fd : {in[0], in[1], out[0], out[1], dead[0], dead[1], shm}) {
      if (fd >= 0) ::close(fd);
    }
    return Status::Internal("cannot share a status page with the pipeline child");
  }

  // The page starts "not ready" before the child exists: the child may build its pipeline and
  // mark it ready before this process runs again after fork, and must not be overwritten.
  static_cast<ChildStatus*>(page)->stage.store(0);
  static_cast<ChildStatus*>(page)->ready.store(0);

  // Everything the child needs is prepared before fork: after it, only async-signal-safe calls.
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  const std::vector<std::string> env = child_environment(environ);
  std::vector<char*> envp;
  for (const auto& e : env) envp.push_back(const_cast<char*>(e.c_str()));
  envp.push_back(nullptr);
  const pid_t parent = ::getpid();

  const pid_t pid = ::fork();
  if (pid < 0) {
    for (int fd : {in[0], in[1], out[0], out[1], dead[0], dead[1], shm}) ::close(fd);
    ::munmap(page, kChildStatusBytes);
    return Status::Internal("fork: " + std::string(strerror(errno)));
  }
  if (pid == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) ::_exit(127);
    // Move the sources out of the way of the target numbers, then into place.
    const int src[4] = {in[0], out[1], dead[1], shm};
    const int dst[4] = {0, 1, kChildDeadLetterFd, kChildStatusFd};
    int high[4];
    for (int i = 0; i < 4; ++i) high[i] = ::fcntl(src[i], F_DUPFD_CLOEXEC, 64);
    for (int i = 0; i < 4; ++i) {
      if (high[i] < 0 || ::dup2(high[i], dst[i]) < 0) ::_exit(127);
    }
    ::signal(SIGTERM, SIG_IGN);
    ::signal(SIGINT, SIG_IGN);
    ::signal(SIGPIPE, SIG_DFL);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::execve(args[0], args.data(), envp.data());
    ::_exit(127);
  }
  for (int fd : {in[0], out[1], dead[1], shm}) ::close(fd);
  std::unique_ptr<PipelineChild> c(new PipelineChild());
  c->pid_ = pid;
  c->in_ = in[1];
  ::fcntl(c->in_, F_SETFL, ::fcntl(c->in_, F_GETFL) | O_NONBLOCK);
  c->out_ = out[0];
  // Answers can be large (an output record is often ten times its input): with a pipe that
  // holds a whole batch of them, the child writes a batch without waiting for this process to
  // read, and this process reads it in a few calls. A smaller pipe only costs speed.
  (void)::fcntl(c->out_, F_SETPIPE_SZ, kOutputPipeBytes);
  c->dead_ = dead[0];
  c->status_ = static_cast<ChildStatus*>(page);
  return c;
}

Result<std::string> PipelineChild::wait_ready(std::int64_t timeout_ms,
                                              const std::atomic<bool>* stop) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (status_->ready.load() == 0) {
    int status = 0;
    if (pid_ > 0 && ::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      close_fds();
      if (WIFEXITED(status) && WEXITSTATUS(status) == 2) {
        return Status::InvalidArgument("the pipeline could not be built");
      }
      return Status::Internal("the pipeline process " + describe_wait_status(status) +
                              " before it was ready");
    }
    if (stop != nullptr && stop->load()) {  // it holds no document yet: end it now
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
      pid_ = -1;
      close_fds();
      return Status::Unavailable("stopped before the pipeline process was ready");
    }
    if (std::chrono::steady_clock::now() >= deadline) {
      return Status::Timeout("the pipeline process was not ready after " +
                             std::to_string(timeout_ms / 1000) + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  status_->pipeline[sizeof status_->pipeline - 1] = '\0';
  return std::string(status_->pipeline);
}

void PipelineChild::close_fds() {
  for (int* fd : {&in_, &out_, &dead_}) {
    if (*fd >= 0) ::close(*fd);
    *fd = -1;
  }
}

PipelineChild::~PipelineChild() {
  if (in_ >= 0) ::close(in_);
  in_ = -1;
  if (pid_ > 0) {
    // The child exits when its input closes; give it up to 5 s, then make sure. It usually
    // exits within milliseconds, so the polls start short and back off.
    int status = 0;
    bool reaped = false;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    auto pause = std::chrono::milliseconds(1);
    while (!reaped) {
      reaped = ::waitpid(pid_, &status, WNOHANG) == pid_;
      if (reaped || std::chrono::steady_clock::now() >= deadline) break;
      std::this_thread::sleep_for(pause);
      pause = std::min(pause * 2, std::chrono::milliseconds(50));
    }
    if (!reaped) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
    }
  }
  close_fds();
  if (status_ != nullptr) ::munmap(status_, kChildStatusBytes);
}

PipelineChild::Reply PipelineChild::crashed() {
  Reply r;
  r.outcome = Outcome::kCrashed;
  int status = 0;
  if (in_ >= 0) ::close(in_);
  in_ = -1;
  // The child may still be running (it closed its output, or wrote a broken line): end it.
  if (::waitpid(pid_, &status, WNOHANG) != pid_) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    if (::waitpid(pid_, &status, WNOHANG) != pid_) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, &status, 0);
    }
  }
  pid_ = -1;
  close_fds();
  r.stage = static_cast<int>(status_->stage.load()) - 1;
  status_->failure[sizeof status_->failure - 1] = '\0';
  const std::string failure = status_->failure;
  r.why = failure.empty()
              ? "the pipeline process " + describe_wait_status(status)
              : failure + " (the pipeline process " + describe_wait_status(status) + ")";
  return r;
}

void PipelineChild::send(std::string_view json_line) {
  if (pid_ <= 0 || send_failed_) return;
  status_->stage.store(0);
  status_->failure[0] = '\0';
  to_send_.append(json_line);
  to_send_ += '\n';
  flush_input();
}

// Writes what the child's input pipe takes now (it is non-blocking: the child may be busy
// writing answers the caller has not read yet).
void PipelineChild::flush_input() {
  while (sent_ < to_send_.size()) {
    const ssize_t n = ::write(in_, to_send_.data() + sent_, to_send_.size() - sent_);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno != EAGAIN) send_failed_ = true;
      break;
    }
    sent_ += static_cast<std::size_t>(n);
  }
  if (sent_ == to_send_.size() || send_failed_) {
    to_send_.clear();
    sent_ = 0;
  }
}

PipelineChild::Reply PipelineChild::receive(const std::function<void()>& tick, int tick_ms) {
  if (pid_ <= 0) return Reply{Outcome::kCrashed, {}, -1, "the pipeline process is not running"};
  auto last_tick = std::chrono::steady_clock::now();
  for (;;) {
    Reply r;
    if (out_buf_.take(&r.line)) {
      r.outcome = Outcome::kRecord;
      return r;
    }
    if (dead_buf_.take(&r.line)) {
      r.outcome = Outcome::kDeadLetter;
      return r;
    }
    if (send_failed_) return crashed();
    pollfd fds[3] = {{out_, POLLIN, 0}, {dead_, POLLIN, 0}, {in_, POLLOUT, 0}};
    const int n = ::poll(fds, to_send_.empty() ? 2 : 3, tick_ms);
    if (n < 0 && errno != EINTR) return crashed();
    for (int i = 0; i < 2 && n > 0; ++i) {
      if ((fds[i].revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
      LineBuffer& buf = i == 0 ? out_buf_ : dead_buf_;
      if (!buf.read_from(fds[i].fd, scratch_)) return crashed();
    }
    if (!to_send_.empty() && n > 0 && fds[2].revents != 0) flush_input();
    const auto now = std::chrono::steady_clock::now();
    if (now - last_tick >= std::chrono::milliseconds(tick_ms)) {
      last_tick = now;
      if (tick) tick();
    }
  }
}

}  // namespace docpipe::queue
