#include "worker_slot.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <thread>

#include "dead_letter_source.h"
#include "document_maker.h"
#include "input.h"
#include "record_writer.h"

namespace docpipe::queue {
namespace {

using Headers = std::vector<std::pair<std::string, std::string>>;
using Shared = WorkerShared;

// Publishes, retrying for a while when the server is away. Before each pause it calls
// keep_alive, which tells the server the documents waiting on this are still being worked on.
template <typename KeepAlive>
Status publish_patiently(Shared& sh, const std::string& subject, const std::string& data,
                         const std::string& msg_id, const Headers& headers,
                         KeepAlive&& keep_alive) {
  Status s;
  for (int attempt = 0; attempt < 10; ++attempt) {
    s = sh.conn.publish(subject, data, msg_id, headers);
    if (s.ok()) return s;
    keep_alive();
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  return s;
}

// The dead letter for a document the pipeline process died on.
std::string crash_dead_letter(const std::string& input, const std::string& source,
                              const std::string& stage, const std::string& plugin,
                              const std::string& reason, std::int64_t max_bytes) {
  engine::RawRecord raw;
  raw.kind = engine::RawRecord::Kind::kJsonLine;
  raw.data = input;
  raw.source = source;
  engine::DeadLetter d;
  d.source = source;
  d.stage = stage;
  d.plugin = plugin;
  d.reason = reason;
  Result<Document> doc = engine::make_document(raw, 0);
  if (doc.ok()) {
    d.id = doc->id();
    d.has_input = true;
    d.input_id = doc->id();
    d.input_text = std::string(doc->text());
    d.input_meta = doc->meta();
  } else {
    d.raw = input;
  }
  std::string out;
  engine::write_dead_letter(out, d);
  if (static_cast<std::int64_t>(out.size()) + 4096 > max_bytes) {  // leave the input out
    d.has_input = false;
    d.raw.clear();
    out.clear();
    engine::write_dead_letter(out, d);
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

class Slot {
 public:
  // `child`: a pipeline child already started (may be null).
  Slot(Shared& sh, int index, std::unique_ptr<PipelineChild> child)
      : sh_(sh), index_(index), child_(std::move(child)) {}

  void run() {
    Status s = start();
    if (!s.ok()) {
      std::lock_guard<std::mutex> lock(sh_.mu);
      if (sh_.fatal.ok()) sh_.fatal = s;
      sh_.aborted.store(true);
      return;
    }
    // Pipelined: while the child works on a batch of documents, the answers to the previous
    // batch are published and acknowledged and the next documents are fetched. Batches hold
    // up to kBatch documents while documents are quick (one fetch request, one engine chunk
    // for all), one after a slow document.
    std::vector<Answered> answered;
    for (;;) {
      const bool stopping = sh_.stop.load() || sh_.aborted.load();
      if (stopping) {  // documents fetched but not started go back for others to take
        for (auto& m : held_) natsMsg_Nak(m.get(), nullptr);
        held_.clear();
      }
      if (!answered.empty() && held_.empty()) finish_all(&answered);  // nothing to overlap
      // With --until-empty, once the server said nothing more was waiting, first ask whether
      // the queue is empty: a worker then exits as soon as the last documents are acknowledged.
      if (held_.empty() && !stopping && drained() && queue_empty()) break;
      if (held_.empty() && !stopping) {
        // With --until-empty, what is left may be in other workers' hands (or our
        // acknowledgments are still on their way): look again soon.
        fill(sh_.options.until_empty ? kUntilEmptyFetchMs : 1000);
      }
      if (held_.empty()) {
        if (stopping || (sh_.options.until_empty && queue_empty())) break;
        continue;
      }
      std::vector<Job> batch = take_batch();
      const bool sent = send(&batch);
      finish_all(&answered);
      // Fetch the next batch while the pipeline works, unless the queue is known to be drained
      // (--until-empty): waiting for documents that will not come would hold this batch back.
      if (!stopping && sent && held_.empty() && quick() && !drained()) fill(100);
      answered = end(std::move(batch));
    }
    natsSubscription_Unsubscribe(sub_);
    natsSubscription_Destroy(sub_);
    sub_ = nullptr;
    publisher_.reset();
    child_.reset();
  }

 private:
  Status start() {
    jsSubOptions so;
    jsSubOptionsInit(&so);
    so.Stream = sh_.names.input_stream.c_str();
    so.Consumer = sh_.names.durable.c_str();
    // Patient while the server restarts (see kStartupPatience).
    const auto deadline = std::chrono::steady_clock::now() + kStartupPatience;
    jsErrCode code = static_cast<jsErrCode>(0);
    natsStatus s = NATS_OK;
    for (;;) {
      s = js_PullSubscribe(&sub_, sh_.conn.jetstream(), sh_.names.input_subject.c_str(),
                           sh_.names.durable.c_str(), nullptr, &so, &code);
      if (s == NATS_OK || std::chrono::steady_clock::now() >= deadline || sh_.stop.load()) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    if (s != NATS_OK)
      return nats_error("cannot bind to consumer '" + sh_.names.durable + "'", s, code);
    auto publisher = AsyncPublisher::open(sh_.conn);
    if (!publisher.ok()) return publisher.status();
    publisher_ = std::move(*publisher);
    return child_ ? Status::OK() : spawn_child();
  }

  static void jsSubOptionsInit(jsSubOptions* so) { jsSubOptions_Init(so); }

  Status spawn_child() {
    auto c = PipelineChild::spawn(sh_.options.child_argv);
    if (!c.ok()) return c.status();
    child_ = std::move(*c);
    return Status::OK();
  }

  // Slow documents are not prefetched: they must not be held back from an idle worker.
  bool quick() const { return last_micros_ < kPrefetchBelowMicros; }

  // With --until-empty: the last document fetched was the last one waiting for delivery (more
  // may still come back: documents other workers hand back, or a new submit).
  bool drained() const { return sh_.options.until_empty && last_pending_ == 0; }

  // Fetches up to a batch (one document after slow ones) into held_.
  void fill(std::int64_t timeout_ms) {
    natsMsgList list{nullptr, 0};
    jsErrCode code = static_cast<jsErrCode>(0);
    natsStatus s = natsSubscription_Fetch(&list, sub_, quick() ? kBatch : 1, timeout_ms, &code);
    if (s != NATS_OK) {
      if (s != NATS_TIMEOUT && timeout_ms >= 1000) {
        spdlog::debug("worker slot {}: fetch: {}", index_, natsStatus_GetText(s));
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
      }
      natsMsgList_Destroy(&list);
      return;
    }
    for (int i = 0; i < list.Count; ++i) {
      held_.emplace_back(list.Msgs[i]);
      list.Msgs[i] = nullptr;
    }
    natsMsgList_Destroy(&list);
  }

  // Nothing is left for any worker to finish (see Connection::unfinished_documents).
  bool queue_empty() {
    auto left = sh_.conn.unfinished_documents(sh_.names);
    return left.ok() && *left == 0;
  }

  struct Job {
    MsgPtr msg;
    std::uint64_t delivered = 1;
    std::string source;  // "STREAM:SEQUENCE", for dead letters
    std::string input;
    std::string key;
    std::string id_json;  // the document id as JSON text, "" when unknown
    bool sent = false;    // false: no pipeline process could be started
  };
  struct Answered {
    Job job;
    PipelineChild::Reply reply;
  };

  // Reads a message.
  Job read_job(MsgPtr msg) {
    Job job;
    job.source = sh_.names.input_stream;
    jsMsgMetaData* meta = nullptr;
    if (natsMsg_GetMetaData(&meta, msg.get()) == NATS_OK) {
      job.delivered = meta->NumDelivered;
      last_pending_ = meta->NumPending;
      job.source += ":" + std::to_string(meta->Sequence.Stream);
      jsMsgMetaData_Destroy(meta);
    }
    job.input = payload(msg.get());
    job.key = header(msg.get(), kKeyHeader);
    if (job.key.empty()) job.key = document_key("", job.input);
    // The id as submit wrote it ({"id":ID,"text":...}); the answers carry the same bytes.
    static constexpr std::string_view kHead = "{\"id\":";
    const std::size_t end = job.input.find(",\"text\":");
    if (job.input.compare(0, kHead.size(), kHead) == 0 && end != std::string::npos) {
      job.id_json = job.input.substr(kHead.size(), end - kHead.size());
    }
    job.msg = std::move(msg);
    return job;
  }

  // The next batch from held_: up to kBatch documents while they are quick, else one. A
  // document whose answers cannot be told apart from another's (unknown or repeated id)
  // ends the batch, alone or after the others.
  std::vector<Job> take_batch() {
    std::vector<Job> batch;
    const std::size_t limit = quick() ? kBatch : 1;
    while (!held_.empty() && batch.size() < limit) {
      Job job = read_job(std::move(held_.front()));
      held_.pop_front();
      bool distinct = !job.id_json.empty();
      for (const auto& j : batch) distinct = distinct && j.id_json != job.id_json;
      if (!distinct && !batch.empty()) {
        held_.emplace_front(std::move(job.msg));  // it starts the next batch
        break;
      }
      batch.push_back(std::move(job));
      if (!distinct) break;
    }
    return batch;
  }

  // Hands the batch to the pipeline process (starting one if needed); false when none starts.
  bool send(std::vector<Job>* batch) {
    if (!child_ || !child_->alive()) {
      Status s = spawn_child();
      if (!s.ok()) {
        spdlog::error("worker: {}", s.message());
        return false;
      }
    }
    for (auto& job : *batch) {
      child_->send(job.input);
      job.sent = true;
    }
    return true;
  }

  // Which job of `batch` an answer belongs to: the first unanswered one whose id it carries.
  static std::size_t match(const std::vector<Job>& batch, const std::vector<bool>& done,
                           const PipelineChild::Reply& reply) {
    const std::string_view head = reply.outcome == PipelineChild::Outcome::kRecord
                                      ? "{\"schema_version\":1,\"id\":"
                                      : "{\"schema_version\":1,\"kind\":\"dead_letter\",\"id\":";
    const std::string_view line = reply.line;
    if (line.compare(0, head.size(), head) != 0) return batch.size();
    for (std::size_t j = 0; j < batch.size(); ++j) {
      const std::string& id = batch[j].id_json;
      if (done[j] || id.empty()) continue;
      if (line.compare(head.size(), id.size(), id) == 0 && line.size() > head.size() + id.size() &&
          line[head.size() + id.size()] == ',') {
        return j;
      }
    }
    return batch.size();
  }

  PipelineChild::Reply receive(const std::vector<Job>& batch) {
    const std::int64_t tick = std::max<std::int64_t>(100, sh_.ack_wait_ms / 3);
    return child_->receive(
        [this, &batch] {
          for (const auto& j : batch) natsMsg_InProgress(j.msg.get(), nullptr);
          for (auto& m : held_) natsMsg_InProgress(m.get(), nullptr);
        },
        static_cast<int>(tick));
  }

  // Waits for the answers to a batch, keeping its documents and the held ones from being
  // redelivered meanwhile. When the pipeline process dies in a batch of several, or an answer
  // cannot be matched, the documents without an answer are run again one at a time in a fresh
  // process, so that a crash is only ever charged to the document that caused it.
  std::vector<Answered> end(std::vector<Job> batch) {
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<PipelineChild::Reply> replies(batch.size());
    std::vector<bool> done(batch.size(), false);
    const bool sent = !batch.empty() && batch.front().sent;
    for (std::size_t received = 0; sent && received < batch.size(); ++received) {
      PipelineChild::Reply r = receive(batch);
      if (r.outcome == PipelineChild::Outcome::kCrashed) {
        child_.reset();
        if (batch.size() == 1) {
          replies[0] = std::move(r);
          done[0] = true;
        }
        break;
      }
      const std::size_t j = batch.size() == 1 ? 0 : match(batch, done, r);
      if (j < batch.size()) {
        replies[j] = std::move(r);
        done[j] = true;
      }
    }
    for (std::size_t j = 0; j < batch.size(); ++j) {
      if (done[j] || !sent) continue;
      std::vector<Job> single;
      single.push_back(std::move(batch[j]));
      if (send(&single)) {
        replies[j] = receive(single);
        if (replies[j].outcome == PipelineChild::Outcome::kCrashed) child_.reset();
      } else {
        single[0].sent = false;
      }
      batch[j] = std::move(single[0]);
    }
    if (!batch.empty()) {
      last_micros_ = std::chrono::duration_cast<std::chrono::microseconds>(
                         std::chrono::steady_clock::now() - t0)
                         .count() /
                     static_cast<std::int64_t>(batch.size());
    }
    std::vector<Answered> out;
    for (std::size_t j = 0; j < batch.size(); ++j) {
      if (!batch[j].sent) replies[j].why = "the pipeline process could not be started";
      out.push_back(Answered{std::move(batch[j]), std::move(replies[j])});
    }
    return out;
  }

  // Publishes the answers to a batch together, then acknowledges (or terminates) each input
  // whose answer the server confirmed. An answer the server did not confirm is published again
  // on its own, patiently; if that fails too, its input is handed back (and with it the inputs
  // of any other unconfirmed answers, without more waiting), to be delivered again.
  void finish_all(std::vector<Answered>* answered) {
    std::vector<Publication> pubs;
    std::vector<Settle> settles;
    for (auto& a : *answered) finish(a, &pubs, &settles);
    // The confirmations are awaited for at most a third of the ack wait, so that documents
    // are not redelivered meanwhile; unconfirmed answers go on to the patient path below.
    const std::int64_t wait_ms =
        std::clamp<std::int64_t>(sh_.ack_wait_ms / 3, 100, kPublishWaitMs);
    if (!pubs.empty()) publisher_->publish_all(&pubs, wait_ms);
    bool server_ok = true;
    for (std::size_t i = 0; i < pubs.size(); ++i) {
      Publication& p = pubs[i];
      const Settle& st = settles[i];
      if (!p.result.ok() && server_ok) {
        spdlog::debug("worker: {}; publishing again", p.result.message());
        // The inputs not yet settled, and the documents fetched for later, stay ours meanwhile.
        auto keep_alive = [&, i] {
          for (std::size_t k = i; k < settles.size(); ++k) {
            natsMsg_InProgress(settles[k].input, nullptr);
          }
          for (auto& m : held_) natsMsg_InProgress(m.get(), nullptr);
        };
        p.result = publish_patiently(sh_, p.subject, p.data, p.msg_id, p.headers, keep_alive);
        server_ok = p.result.ok();
      }
      if (!p.result.ok()) {
        spdlog::warn("worker: {}; the document will be delivered again", p.result.message());
        natsMsg_NakWithDelay(st.input, 1000, nullptr);
        count(&WorkerSummary::publish_failures);
        continue;
      }
      if (st.term) {
        natsMsg_Term(st.input, nullptr);
      } else {
        natsMsg_Ack(st.input, nullptr);
      }
      count(st.counter);
    }
    answered->clear();
  }

  // What to do with an input once its answer is stored.
  struct Settle {
    natsMsg* input;
    bool term;  // terminate (no redelivery ever) rather than acknowledge
    std::uint64_t WorkerSummary::*counter;
  };

  // Decides what to publish for an answer (added to *pubs, and what then to do with the input
  // to *settles), or hands the input back at once.
  void finish(Answered& a, std::vector<Publication>* pubs, std::vector<Settle>* settles) {
    natsMsg* msg = a.job.msg.get();
    const std::string& key = a.job.key;
    const std::string& input = a.job.input;
    const std::string& source = a.job.source;
    const std::uint64_t delivered = a.job.delivered;
    PipelineChild::Reply& reply = a.reply;
    if (!a.job.sent) {
      natsMsg_NakWithDelay(msg, 1000, nullptr);
      return;
    }
    const Headers headers = {{kKeyHeader, key}};
    const std::string& fp = sh_.pipeline.fingerprint;
    const std::int64_t max_bytes = sh_.conn.max_payload();
    auto publish = [&](const std::string& subject, std::string data, std::string msg_id,
                       Headers hs, bool term, std::uint64_t WorkerSummary::*counter) {
      Publication p;
      p.subject = subject;
      p.data = std::move(data);
      p.msg_id = std::move(msg_id);
      p.headers = std::move(hs);
      pubs->push_back(std::move(p));
      settles->push_back(Settle{msg, term, counter});
    };
    if (reply.outcome == PipelineChild::Outcome::kCrashed) {
      std::string stage, plugin;
      if (reply.stage >= 0 &&
          static_cast<std::size_t>(reply.stage) < sh_.pipeline.stage_names.size()) {
        stage = sh_.pipeline.stage_names[static_cast<std::size_t>(reply.stage)];
        plugin = sh_.pipeline.stage_plugins[static_cast<std::size_t>(reply.stage)];
      }
      spdlog::warn("worker: document {} (attempt {} of {}): {}{}", key, delivered,
                   sh_.options.max_attempts,
                   stage.empty() ? "" : "stage '" + stage + "': ", reply.why);
      if (delivered < static_cast<std::uint64_t>(sh_.options.max_attempts)) {
        natsMsg_NakWithDelay(msg, 200, nullptr);
        count(&WorkerSummary::retried);
        return;
      }
      const std::string reason =
          reply.why + "; gave up after " + std::to_string(delivered) + " attempt(s)";
      Headers dead_headers = headers;
      dead_headers.push_back({kStageHeader, stage});
      publish(sh_.names.dead_subject,
              crash_dead_letter(input, source, stage, plugin, reason, max_bytes),
              dead_letter_message_id(key, fp), std::move(dead_headers), true,
              &WorkerSummary::dead_letters);
      return;
    }
    if (reply.outcome == PipelineChild::Outcome::kDeadLetter) {
      publish(sh_.names.dead_subject, with_dead_letter_source(reply.line, source),
              dead_letter_message_id(key, fp), headers, false, &WorkerSummary::dead_letters);
      return;
    }
    if (static_cast<std::int64_t>(reply.line.size()) + 1024 > max_bytes) {
      publish(sh_.names.dead_subject,
              crash_dead_letter(input, source, "", "",
                                "the output record is " + std::to_string(reply.line.size()) +
                                    " bytes, more than the server's max_payload (" +
                                    std::to_string(max_bytes) + ")",
                                max_bytes),
              dead_letter_message_id(key, fp), headers, true, &WorkerSummary::dead_letters);
      return;
    }
    publish(sh_.names.result_subject, std::move(reply.line), result_message_id(key, fp), headers,
            false, &WorkerSummary::results);
  }

  void count(std::uint64_t WorkerSummary::*field) {
    std::lock_guard<std::mutex> lock(sh_.mu);
    ++(sh_.summary.*field);
  }

  static constexpr std::int64_t kPrefetchBelowMicros = 200000;
  static constexpr int kBatch = 16;
  // With --until-empty, how long a fetch waits for documents before the worker asks the server
  // whether the queue is empty, so that it exits soon after the last document is answered (by
  // any worker). Costs at most one fetch and one stream look-up per period while it waits.
  static constexpr std::int64_t kUntilEmptyFetchMs = 10;
  // How long the server may take to confirm a batch of answers before they count as failed.
  static constexpr std::int64_t kPublishWaitMs = 10000;

  Shared& sh_;
  int index_;
  std::unique_ptr<PipelineChild> child_;
  std::unique_ptr<AsyncPublisher> publisher_;
  std::int64_t last_micros_ = kPrefetchBelowMicros;  // how long the last document took
  // Documents waiting for delivery after the last one fetched, as the server said then.
  std::uint64_t last_pending_ = static_cast<std::uint64_t>(-1);
  natsSubscription* sub_ = nullptr;
  std::deque<MsgPtr> held_;  // fetched, not yet started
};

}  // namespace

PipelineInfo parse_pipeline_info(const std::string& text) {
  PipelineInfo info;
  std::size_t pos = 0;
  bool first = true;
  while (pos <= text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    const std::string line = text.substr(pos, nl - pos);
    if (first) {
      info.fingerprint = line;
      first = false;
    } else {
      const std::size_t tab = line.find('\t');
      info.stage_names.push_back(line.substr(0, tab));
      info.stage_plugins.push_back(tab == std::string::npos ? "" : line.substr(tab + 1));
    }
    pos = nl + 1;
  }
  return info;
}

void run_slot(WorkerShared& shared, int index, std::unique_ptr<PipelineChild> child) {
  Slot(shared, index, std::move(child)).run();
}

}  // namespace docpipe::queue
