#include "worker.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include "connection.h"
#include "pipeline_child.h"
#include "queue_names.h"
#include "worker_slot.h"

namespace docpipe::queue {
namespace {

Status ensure_consumer(Connection& conn, const QueueNames& names, std::int64_t ack_wait_ms,
                       std::int64_t* actual_ack_wait_ms) {
  jsConsumerInfo* ci = nullptr;
  jsErrCode code = static_cast<jsErrCode>(0);
  natsStatus s = js_GetConsumerInfo(&ci, conn.jetstream(), names.input_stream.c_str(),
                                    names.durable.c_str(), nullptr, &code);
  if (s != NATS_OK) {
    jsConsumerConfig cc;
    jsConsumerConfig_Init(&cc);
    cc.Durable = names.durable.c_str();
    cc.AckPolicy = js_AckExplicit;
    cc.AckWait = ack_wait_ms * 1000000;
    cc.DeliverPolicy = js_DeliverAll;
    cc.MaxDeliver = -1;  // attempts are counted by the workers, which dead-letter
    code = static_cast<jsErrCode>(0);
    s = js_AddConsumer(&ci, conn.jetstream(), names.input_stream.c_str(), &cc, nullptr, &code);
    if (s != NATS_OK) {
      // Another worker may have made it meanwhile.
      code = static_cast<jsErrCode>(0);
      s = js_GetConsumerInfo(&ci, conn.jetstream(), names.input_stream.c_str(),
                             names.durable.c_str(), nullptr, &code);
      if (s != NATS_OK)
        return nats_error("cannot create consumer '" + names.durable + "'", s, code);
    }
  }
  *actual_ack_wait_ms = ci->Config->AckWait / 1000000;
  jsConsumerInfo_Destroy(ci);
  return Status::OK();
}

}  // namespace

Result<WorkerSummary> run_worker(const WorkerOptions& options, const std::atomic<bool>& stop) {
  auto names = queue_names(options.stream);
  if (!names.ok()) return names.status();
  // The pipeline first: a bad one stops the worker before it touches the queue.
  auto first = PipelineChild::spawn(options.child_argv);
  if (!first.ok()) return first.status();
  // A stop (SIGTERM) meanwhile ends the worker at once: no document was taken yet.
  auto ready = (*first)->wait_ready(10 * 60 * 1000, &stop);
  if (!ready.ok()) return stop.load() ? Result<WorkerSummary>(WorkerSummary{}) : ready.status();
  const PipelineInfo info = parse_pipeline_info(*ready);

  // Patient while the server restarts (see kStartupPatience).
  const auto deadline = std::chrono::steady_clock::now() + kStartupPatience;
  auto retry = [&](const std::function<Status()>& step) {
    for (;;) {
      Status st = step();
      if (st.ok() || std::chrono::steady_clock::now() >= deadline || stop.load()) return st;
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
  };
  std::unique_ptr<Connection> conn;
  Status s = retry([&] {
    auto c = Connection::open(options.url, 5000);
    if (!c.ok()) return c.status();
    conn = std::move(*c);
    return Status::OK();
  });
  if (!s.ok()) return s;
  s = retry([&] { return conn->ensure_streams(*names, StreamSettings{}); });
  if (!s.ok()) return s;
  std::int64_t ack_wait_ms = options.ack_wait_ms;
  s = retry([&] { return ensure_consumer(*conn, *names, options.ack_wait_ms, &ack_wait_ms); });
  if (!s.ok()) return s;

  WorkerShared sh{options, info, *names, *conn, stop, ack_wait_ms, {}, {}, {}, {false}};
  std::vector<std::thread> threads;
  std::unique_ptr<PipelineChild> first_child = std::move(*first);
  for (int i = 0; i < std::max(1, options.jobs); ++i) {
    std::unique_ptr<PipelineChild> child = i == 0 ? std::move(first_child) : nullptr;
    threads.emplace_back(
        [&sh, i, c = std::move(child)]() mutable { run_slot(sh, i, std::move(c)); });
  }
  for (auto& t : threads) t.join();
  (void)conn->flush(5000);  // the last acks
  if (!sh.fatal.ok()) return sh.fatal;
  return sh.summary;
}

}  // namespace docpipe::queue
