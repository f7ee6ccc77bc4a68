#include "collector.h"

#include <chrono>
#include <thread>
#include <unordered_set>
#include <utility>
#include <vector>

#include "connection.h"
#include "queue_names.h"

namespace docpipe::queue {
namespace {

using Clock = std::chrono::steady_clock;

Status wait_until_empty(Connection& conn, const QueueNames& names, std::int64_t timeout_ms,
                        std::uint64_t* pending) {
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    auto left = conn.unfinished_documents(names);
    if (left.ok()) {
      *pending = *left;
      if (*left == 0) return Status::OK();
    }
    if (timeout_ms > 0 && Clock::now() >= deadline) {
      return Status::Timeout(std::to_string(*pending) + " document(s) still queued after " +
                             std::to_string(timeout_ms / 1000) + " s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
}

// Messages in the input stream that the workers' consumer will never deliver (see
// Connection::unfinished_documents), given `unfinished` from it.
std::uint64_t stranded_messages(Connection& conn, const QueueNames& names,
                                std::uint64_t unfinished) {
  auto in = conn.stream_state(names.input_stream);
  return in.ok() && in->messages > unfinished ? in->messages - unfinished : 0;
}

}  // namespace

Result<CollectSummary> collect(const CollectOptions& options, engine::OutputSink& results,
                               engine::OutputSink& dead) {
  auto names = queue_names(options.stream);
  if (!names.ok()) return names.status();
  auto conn = Connection::open(options.url, 5000);
  if (!conn.ok()) return conn.status();
  Connection& c = **conn;
  CollectSummary summary;
  if (options.wait_empty) {
    Status s = wait_until_empty(c, *names, options.wait_timeout_ms, &summary.pending);
    if (!s.ok()) return s;
  } else if (auto left = c.unfinished_documents(*names); left.ok()) {
    summary.pending = *left;
  }
  summary.stranded = stranded_messages(c, *names, summary.pending);
  auto out = c.stream_state(names->output_stream);
  if (!out.ok()) return out.status();
  const std::uint64_t last = out->last_sequence;

  std::unordered_set<std::string> written;
  std::vector<std::pair<std::string, std::string>> dead_letters;  // key, record
  if (last > 0) {
    jsSubOptions so;
    jsSubOptions_Init(&so);
    so.Stream = names->output_stream.c_str();
    so.Ordered = true;
    so.Config.DeliverPolicy = js_DeliverAll;
    natsSubscription* sub = nullptr;
    jsErrCode code = static_cast<jsErrCode>(0);
    natsStatus s =
        js_SubscribeSync(&sub, c.jetstream(), names->output_subjects.c_str(), nullptr, &so, &code);
    if (s != NATS_OK)
      return nats_error("cannot read stream '" + names->output_stream + "'", s, code);
    std::uint64_t seq = 0;
    Status failure;
    while (seq < last) {
      natsMsg* raw = nullptr;
      s = natsSubscription_NextMsg(&raw, sub, 10000);
      if (s != NATS_OK) {
        failure = nats_error("reading stream '" + names->output_stream + "' stopped at message " +
                                 std::to_string(seq) + " of " + std::to_string(last),
                             s);
        break;
      }
      MsgPtr msg(raw);
      jsMsgMetaData* meta = nullptr;
      if (natsMsg_GetMetaData(&meta, msg.get()) == NATS_OK) {
        seq = meta->Sequence.Stream;
        jsMsgMetaData_Destroy(meta);
      }
      const std::string key = header(msg.get(), kKeyHeader);
      std::string record = payload(msg.get());
      record += '\n';
      if (std::string(natsMsg_GetSubject(msg.get())) == names->result_subject) {
        if (!written.insert(key).second) {
          ++summary.duplicates;
          continue;
        }
        Status w = results.write(key, record);
        if (!w.ok()) {
          failure = w;
          break;
        }
        ++summary.results;
      } else {
        dead_letters.emplace_back(key, std::move(record));
      }
    }
    natsSubscription_Destroy(sub);
    if (!failure.ok()) return failure;
  }
  std::unordered_set<std::string> dead_written;
  for (const auto& [key, record] : dead_letters) {
    if (written.count(key) > 0 || !dead_written.insert(key).second) {
      ++summary.duplicates;
      continue;
    }
    Status w = dead.write(key, record);
    if (!w.ok()) return w;
    ++summary.dead_letters;
  }
  if (Status s = results.flush(); !s.ok()) return s;
  if (Status s = dead.flush(); !s.ok()) return s;
  return summary;
}

}  // namespace docpipe::queue
