// A real nats-server with JetStream for the queue tests: on a free loopback port, storing its
// streams in a folder of its own (file storage, so a restart keeps them).
#ifndef DOCPIPE_TESTS_QUEUE_NATS_SERVER_H_
#define DOCPIPE_TESTS_QUEUE_NATS_SERVER_H_

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "process.h"

namespace docpipe::queue_test {

// The nats-server binary, or "" when it is not installed.
inline std::string find_nats_server() {
  if (const char* env = std::getenv("NATS_SERVER")) return env;
  for (const char* p :
       {"/usr/sbin/nats-server", "/usr/bin/nats-server", "/usr/local/bin/nats-server"}) {
    if (::access(p, X_OK) == 0) return p;
  }
  return {};
}

inline int free_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

inline bool port_open(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  const bool ok = ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  ::close(fd);
  return ok;
}

class NatsServer {
 public:
  NatsServer(std::string binary, std::string dir)
      : binary_(std::move(binary)), dir_(std::move(dir)), port_(free_port()) {}
  ~NatsServer() { stop(); }

  // Starts (or restarts) the server; true once it accepts connections.
  bool start() {
    process_ = std::make_unique<Process>(
        std::vector<std::string>{binary_, "-a", "127.0.0.1", "-p", std::to_string(port_), "-js",
                                 "-sd", dir_ + "/store"},
        dir_ + "/nats-server.log");
    for (int i = 0; i < 300; ++i) {  // up to 30 s on a loaded machine
      if (port_open(port_)) return true;
      if (process_->wait(0.1)) return false;  // it exited
    }
    return false;
  }
  // Stops the server gracefully (SIGTERM), or kills it after 20 s.
  void stop() {
    if (!process_) return;
    process_->signal(SIGTERM);
    if (!process_->wait(20)) process_->signal(SIGKILL);
    process_->wait(20);
    process_.reset();
  }
  std::string url() const { return "nats://127.0.0.1:" + std::to_string(port_); }
  pid_t pid() const { return process_ ? process_->pid() : -1; }

 private:
  std::string binary_;
  std::string dir_;
  int port_;
  std::unique_ptr<Process> process_;
};

}  // namespace docpipe::queue_test

#endif  // DOCPIPE_TESTS_QUEUE_NATS_SERVER_H_
