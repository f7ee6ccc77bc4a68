// A connection to a NATS server with JetStream: the one place that owns libnats handles.
// Reconnects forever after the server goes away (requests fail meanwhile and callers retry).
//
// Thread safety: one Connection may be shared by threads (libnats connections are); each
// PullConsumer belongs to one thread.
#ifndef DOCPIPE_QUEUE_CONNECTION_H_
#define DOCPIPE_QUEUE_CONNECTION_H_

#include <nats/nats.h>

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "docpipe/status.h"
#include "queue_names.h"

namespace docpipe::queue {

// Owns one message; null when empty.
struct MsgDeleter {
  void operator()(natsMsg* m) const noexcept { natsMsg_Destroy(m); }
};
using MsgPtr = std::unique_ptr<natsMsg, MsgDeleter>;

// The value of header `key` on `msg`, or "" when absent.
std::string header(natsMsg* msg, const char* key);
// The message's payload as a string.
std::string payload(natsMsg* msg);

struct StreamSettings {
  std::int64_t duplicate_window_ms = 60 * 60 * 1000;  // Nats-Msg-Id memory
};

struct StreamState {
  std::uint64_t messages = 0;
  std::uint64_t last_sequence = 0;
};

class Connection {
 public:
  // Connects (waiting up to `timeout_ms` for the first connection) and opens JetStream.
  static Result<std::unique_ptr<Connection>> open(const std::string& url, std::int64_t timeout_ms);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  natsConnection* nats() noexcept { return nc_; }
  jsCtx* jetstream() noexcept { return js_; }
  // The largest message the server accepts (bytes, payload and headers together).
  std::int64_t max_payload() const;

  // Creates the queue's streams if they are missing (file storage; the input stream with
  // work-queue retention); existing streams are used as they are.
  Status ensure_streams(const QueueNames& names, const StreamSettings& settings);
  Result<StreamState> stream_state(const std::string& stream);
  // The documents the workers still have to finish: not yet delivered by the workers' durable
  // consumer, or delivered and not yet acknowledged (held by a worker, or waiting to be
  // delivered again). Before a worker has made the consumer, every message in the input stream.
  //
  // Judged by the consumer, not by the input stream's message count: across a server restart,
  // the consumer can record an acknowledgment whose work-queue deletion never reaches the
  // stream (seen with nats-server 2.9.10). Such a message stays in the stream, is never
  // delivered again, and must not keep anyone waiting for it.
  Result<std::uint64_t> unfinished_documents(const QueueNames& names);

  // Publishes `data` on `subject` with Nats-Msg-Id `msg_id` and the given headers, and waits
  // for the server's acknowledgment. *duplicate (when given) says the server already had the id.
  Status publish(const std::string& subject, const std::string& data, const std::string& msg_id,
                 const std::vector<std::pair<std::string, std::string>>& headers,
                 bool* duplicate = nullptr);
  // Sends buffered protocol (acks) to the server and waits for it to answer.
  Status flush(std::int64_t timeout_ms);

 private:
  Connection() = default;
  natsConnection* nc_ = nullptr;
  jsCtx* js_ = nullptr;
};

// One message for AsyncPublisher::publish_all; `result` says how it went.
struct Publication {
  std::string subject;
  std::string data;
  std::string msg_id;  // Nats-Msg-Id
  std::vector<std::pair<std::string, std::string>> headers;
  Status result = Status::Unavailable("not published");
};

// Publishes many messages without waiting for each acknowledgment in turn: all are sent, then
// the server's acknowledgments are collected. One per thread (it has its own JetStream context
// on the shared connection), so that one thread's publications do not wait for another's.
class AsyncPublisher {
 public:
  static Result<std::unique_ptr<AsyncPublisher>> open(Connection& conn);
  ~AsyncPublisher();
  AsyncPublisher(const AsyncPublisher&) = delete;
  AsyncPublisher& operator=(const AsyncPublisher&) = delete;

  // Publishes every message and waits (up to timeout_ms in all) for the server's
  // acknowledgments. A message's `result` is OK only when the server acknowledged storing it
  // (or said it already had its id); otherwise it names the error or the missing answer.
  void publish_all(std::vector<Publication>* pubs, std::int64_t timeout_ms);

 private:
  AsyncPublisher() = default;
  static void on_ack(jsCtx* js, natsMsg* msg, jsPubAck* pa, jsPubAckErr* pae, void* closure);

  jsCtx* js_ = nullptr;
  bool published_ = false;  // js_PublishMsgAsync ever succeeded
  std::mutex mu_;
  std::vector<Publication>* pubs_ = nullptr;          // guarded by mu_
  std::unordered_map<natsMsg*, std::size_t> waiting_;  // in flight -> index in *pubs_; by mu_
};

// What went wrong in a libnats call, as a Status naming `what`.
Status nats_error(const std::string& what, natsStatus s,
                  jsErrCode code = static_cast<jsErrCode>(0));

}  // namespace docpipe::queue

#endif  // DOCPIPE_QUEUE_CONNECTION_H_
