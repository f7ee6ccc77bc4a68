#include "runner.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "document_maker.h"

namespace docpipe::engine {
namespace {

using Clock = std::chrono::steady_clock;

// Peak resident set size of this process image, from /proc/self/status (VmHWM, in kB).
std::uint64_t peak_memory_bytes() {
  std::FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) return 0;
  char line[256];
  std::uint64_t kb = 0;
  while (std::fgets(line, sizeof line, f) != nullptr) {
    if (std::sscanf(line, "VmHWM: %llu kB", reinterpret_cast<unsigned long long*>(&kb)) == 1) break;
  }
  std::fclose(f);
  return kb * 1024;
}

std::int64_t now_ns() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now().time_since_epoch())
      .count();
}

struct Item {
  RawRecord raw;
  std::string doc_id;
  std::string output;  // the rendered output record, when there is one
  std::string dead;    // the rendered dead letter, when there is one
  bool partial = false;
  bool not_processed = false;  // its dead letter says the run stopped before it was processed
};

struct Chunk {
  std::uint64_t index = 0;
  std::vector<Item> items;
  std::vector<StageStats> stats;
  std::uint64_t bytes = 0;
  // Set when a stage with on_error: fail failed on items[fail_index].
  std::size_t fail_index = static_cast<std::size_t>(-1);
  std::string failure;
  std::string stage_failure;  // the same without the document (RunSummary::stage_failure)
};

// What the watchdog can see of a worker.
struct WorkerSlot {
  std::atomic<std::int64_t> started_ns{0};  // 0 while no stage runs
  std::atomic<bool> stop{false};
  std::atomic<std::size_t> stage{0};
  std::mutex mu;
  std::string doc;  // "id (source)" of the current document
};

class RunState {
 public:
  RunState(Pipeline& p, const RunOptions& o, RecordReader& reader, OutputSink& out,
           OutputSink& dead)
      : pipeline_(p), options_(o), reader_(reader), out_(out), dead_(dead),
        slots_(p.workers()) {
    window_ = o.window_chunks ? o.window_chunks : std::max<std::size_t>(4, 4 * p.workers());
    for (const auto& b : p.stages()) {
      keep_input_meta_ = keep_input_meta_ || b.config.on_error == OnError::kDrop ||
                         (b.config.on_error == OnError::kFail && o.dead_letters_when_stopped);
    }
  }

  RunSummary run() {
    const auto t0 = Clock::now();
    std::thread reader([this] { read_loop(); });
    std::vector<std::thread> workers;
    for (std::size_t w = 0; w < pipeline_.workers(); ++w) {
      workers.emplace_back([this, w] { work_loop(w); });
    }
    std::thread watchdog;
    if (pipeline_.config().limits.max_stage_ms > 0) watchdog = std::thread([this] { watch_loop(); });

    write_loop(t0);

    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_work_.notify_all();
    cv_space_.notify_all();
    reader.join();
    for (auto& t : workers) t.join();
    {
      std::lock_guard<std::mutex> lock(mu_);
      finished_run_ = true;
    }
    cv_watch_.notify_all();
    if (watchdog.joinable()) watchdog.join();

    if (stopped_by_stage_ && options_.dead_letters_when_stopped) write_after_stop();
    if (Status s = out_.flush(); !s.ok() && !summary_.failed) {
      summary_.failed = true;
      summary_.failure = s.message();
    }
    if (Status s = dead_.flush(); !s.ok() && !summary_.failed) {
      summary_.failed = true;
      summary_.failure = s.message();
    }
    if (options_.progress) std::fputs("\r\033[K", stderr);
    summary_.records = records_read_;
    summary_.unprocessed = summary_.records - summary_.outputs - summary_.dead_letters;
    if (!input_ended_) summary_.read_up_to = read_up_to_;
    summary_.bytes_in = reader_.bytes_read();
    summary_.bytes_out = out_.bytes_written();
    summary_.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    summary_.peak_memory_bytes = peak_memory_bytes();
    summary_.stages = totals_;
    if (summary_.stages.empty()) summary_.stages = empty_stats();
    return summary_;
  }

 private:
  std::vector<StageStats> empty_stats() const {
    std::vector<StageStats> s;
    for (const auto& b : pipeline_.stages()) {
      StageStats st;
      st.name = b.config.name;
      st.plugin = b.plugin->spec().name;
      s.push_back(std::move(st));
    }
    return s;
  }

  // ---- reader thread ----
  void read_loop() {
    std::uint64_t index = 0;
    auto chunk = std::make_shared<Chunk>();
    auto push = [&]() -> bool {
      std::unique_lock<std::mutex> lock(mu_);
      cv_space_.wait(lock, [&] { return stop_ || inflight_ < window_; });
      if (stop_) return false;
      chunk->index = index++;
      ++inflight_;
      queue_.push_back(std::move(chunk));
      cv_work_.notify_one();
      chunk = std::make_shared<Chunk>();
      return true;
    };
    RawRecord rec;
    bool stopped = false;
    for (;;) {
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (stop_) {
          stopped = true;
          break;
        }
      }
      if (!reader_.ready()) {
        if (!chunk->items.empty() && !push()) {  // the input is idle: hand over what we have
          stopped = true;
          break;
        }
        // Wait for more input, but not past the end of the run: a run that failed (on_error:
        // fail) must return even while a pipe writer keeps its end open.
        if (!wait_for_input()) {
          stopped = true;
          break;
        }
      }
      if (!reader_.next(&rec)) {
        input_ended_ = true;
        break;
      }
      read_up_to_ = rec.source;
      chunk->bytes += rec.data.size();
      chunk->items.emplace_back();
      chunk->items.back().raw = std::move(rec);
      rec = RawRecord();
      records_read_.fetch_add(1, std::memory_order_relaxed);
      if (chunk->items.size() >= options_.chunk_records || chunk->bytes >= options_.chunk_bytes) {
        if (!push()) {
          stopped = true;
          break;
        }
      }
    }
    if (!stopped && !chunk->items.empty()) push();
    std::lock_guard<std::mutex> lock(mu_);
    if (stopped && !chunk->items.empty()) leftover_ = std::move(chunk);
    reader_done_ = true;
    chunks_total_ = index;
    cv_done_.notify_all();
  }

  // Waits until the reader has data or its input ended (true), or the run is stopping (false).
  bool wait_for_input() {
    while (!reader_.wait_ready(kInputPollMs)) {
      std::lock_guard<std::mutex> lock(mu_);
      if (stop_) return false;
    }
    return true;
  }
  static constexpr int kInputPollMs = 100;

  // ---- worker threads ----
  void work_loop(std::size_t worker) {
    for (;;) {
      std::shared_ptr<Chunk> chunk;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_work_.wait(lock, [&] { return stop_ || !queue_.empty(); });
        if (queue_.empty() || abort_) return;
        chunk = std::move(queue_.front());
        queue_.pop_front();
      }
      process_chunk(*chunk, worker);
      {
        std::lock_guard<std::mutex> lock(mu_);
        if (chunk->fail_index != static_cast<std::size_t>(-1)) abort_ = true;
        done_[chunk->index] = std::move(chunk);
      }
      cv_done_.notify_all();
    }
  }

  Status call_stage(BuiltStage& b, std::size_t stage_index, Document& doc, std::size_t worker,
                    std::int64_t* micros) {
    WorkerSlot& slot = slots_[worker];
    slot.stop.store(false, std::memory_order_relaxed);
    slot.stage.store(stage_index, std::memory_order_relaxed);
    doc.set_stop_flag(&slot.stop);
    doc.set_producer(b.config.name);
    const std::int64_t start = now_ns();
    slot.started_ns.store(start, std::memory_order_relaxed);
    Status s;
    try {
      s = b.instance_for(worker).process(doc);
    } catch (const std::exception& e) {
      s = Status::Internal(std::string("process() threw: ") + e.what());
    } catch (...) {
      s = Status::Internal("process() threw a non-standard exception");
    }
    const std::int64_t end = now_ns();
    slot.started_ns.store(0, std::memory_order_relaxed);
    doc.set_stop_flag(nullptr);
    *micros = (end - start) / 1000;
    return s;
  }

  void process_chunk(Chunk& chunk, std::size_t worker) {
    auto& stages = pipeline_.stages();
    const std::uint64_t limit_ms = pipeline_.config().limits.max_stage_ms;
    chunk.stats = empty_stats();
    struct Live {
      std::size_t item;
      std::optional<Document> doc;
      Value::Object input_meta;  // as received, for dead letters
      RunInfo run;
      bool dropped = false;
    };
    std::vector<Live> live;
    live.reserve(chunk.items.size());
    for (std::size_t i = 0; i < chunk.items.size(); ++i) {
      Item& item = chunk.items[i];
      std::optional<Document> doc = document_or_dead_letter(item);
      item.raw.data.clear();
      item.raw.data.shrink_to_fit();
      if (!doc) continue;
      Live l{i, std::move(*doc), {}, {}, false};
      if (keep_input_meta_) l.input_meta = l.doc->meta();
      l.run.pipeline = pipeline_.config().name;
      l.run.stages.reserve(stages.size());
      item.doc_id = l.doc->id();
      live.push_back(std::move(l));
    }

    std::size_t fail_item = static_cast<std::size_t>(-1);
    for (std::size_t si = 0; si < stages.size(); ++si) {
      BuiltStage& b = stages[si];
      const PluginSpec& spec = b.plugin->spec();
      StageStats& st = chunk.stats[si];
      if (options_.stage_observer != nullptr) {
        options_.stage_observer(options_.stage_observer_context, si);
      }
      auto handle = [&](Live& l, Status s, std::int64_t micros) {
        l.run.stages.push_back({b.config.name, spec.name, spec.version, micros});
        ++st.documents;
        st.micros += micros;
        st.max_micros = std::max(st.max_micros, micros);
        if (limit_ms > 0 && static_cast<std::uint64_t>(micros) > limit_ms * 1000) {
          s = Status::Timeout("stage ran for " + std::to_string(micros / 1000) +
                              " ms, more than limits.max_stage_ms (" + std::to_string(limit_ms) +
                              ")" + (s.ok() ? "" : "; it returned: " + s.message()));
        }
        if (s.ok()) return;
        ++st.errors;
        // The document, its input and this stage's error as a dead letter (drop, or fail when
        // the run dead-letters what it stops on).
        auto dead_letter_here = [&] {
          write_input_dead_letter(chunk.items[l.item], l.doc.value(), std::move(l.input_meta),
                                  b.config.name, spec.name,
                                  std::string(status_code_name(s.code())) + ": " + s.message());
        };
        switch (b.config.on_error) {
          case OnError::kSkip:
            l.run.errors.push_back({b.config.name, spec.name, status_code_name(s.code()), s.message()});
            l.run.status = "partial";
            break;
          case OnError::kDrop:
            ++st.dropped;
            dead_letter_here();
            l.dropped = true;
            break;
          case OnError::kFail:
            if (options_.dead_letters_when_stopped) dead_letter_here();
            if (l.item < fail_item) {
              fail_item = l.item;
              chunk.fail_index = l.item;
              chunk.stage_failure = "stage '" + b.config.name + "' (plugin " + spec.name +
                                    ") failed: " + status_code_name(s.code()) + ": " +
                                    s.message();
              chunk.failure =
                  "document '" + l.doc->id() + "' (" + l.doc->source() + "): " + chunk.stage_failure;
            }
            l.dropped = true;
            break;
        }
      };
      if (spec.prefers_batch) {
        std::vector<Document*> docs;
        std::vector<Live*> owners;
        for (auto& l : live) {
          if (l.dropped || l.item > fail_item) continue;
          l.doc->set_producer(b.config.name);
          docs.push_back(&*l.doc);
          owners.push_back(&l);
        }
        if (docs.empty()) continue;
        std::vector<Status> statuses(docs.size());
        const std::int64_t start = now_ns();
        try {
          b.instance_for(worker).process_batch(docs, statuses);
        } catch (const std::exception& e) {
          for (auto& s : statuses) s = Status::Internal(std::string("process_batch() threw: ") + e.what());
        } catch (...) {
          for (auto& s : statuses) s = Status::Internal("process_batch() threw");
        }
        const std::int64_t each = (now_ns() - start) / 1000 / static_cast<std::int64_t>(docs.size());
        for (std::size_t k = 0; k < docs.size(); ++k) handle(*owners[k], statuses[k], each);
        continue;
      }
      for (auto& l : live) {
        if (l.dropped || l.item > fail_item) continue;
        {
          std::lock_guard<std::mutex> lock(slots_[worker].mu);
          slots_[worker].doc = "'" + l.doc->id() + "' (" + l.doc->source() + ")";
        }
        std::int64_t micros = 0;
        Status s = call_stage(b, si, *l.doc, worker, &micros);
        handle(l, std::move(s), micros);
      }
    }
    for (auto& l : live) {
      if (l.dropped) continue;
      Item& item = chunk.items[l.item];
      if (l.item > fail_item) {  // not run through every stage: the run stops at fail_item
        if (options_.dead_letters_when_stopped) {
          write_input_dead_letter(item, l.doc.value(), std::move(l.input_meta), "", "",
                                  not_processed_reason(chunk.failure));
          item.not_processed = true;
        }
        continue;
      }
      item.partial = !l.run.errors.empty();
      write_record(item.output, options_.format, *l.doc, l.run, pipeline_.config().output);
    }
  }

  // The reason in the dead letter of a document read but not processed because `failure`
  // stopped the run.
  static std::string not_processed_reason(const std::string& failure) {
    return "not processed: the run stopped (on_error: fail) at " + failure;
  }

  // Renders into item.dead a dead letter carrying the document's input.
  static void write_input_dead_letter(Item& item, const Document& doc, Value::Object input_meta,
                                      const std::string& stage, const std::string& plugin,
                                      std::string reason) {
    DeadLetter d;
    d.id = doc.id();
    d.source = doc.source();
    d.line = item.raw.line;
    d.stage = stage;
    d.plugin = plugin;
    d.reason = std::move(reason);
    d.has_input = true;
    d.input_id = doc.id();
    d.input_text = std::string(doc.text());
    d.input_meta = std::move(input_meta);
    write_dead_letter(item.dead, d);
  }

  // ---- writer (calling thread) ----
  void write_loop(Clock::time_point t0) {
    std::uint64_t next = 0;
    auto last_progress = Clock::now();
    for (;;) {
      std::shared_ptr<Chunk> chunk;
      {
        std::unique_lock<std::mutex> lock(mu_);
        cv_done_.wait_for(lock, std::chrono::milliseconds(options_.progress ? 250 : 1000), [&] {
          return done_.count(next) > 0 || (reader_done_ && next >= chunks_total_);
        });
        auto it = done_.find(next);
        if (it == done_.end()) {
          if (reader_done_ && next >= chunks_total_) return;
          if (options_.progress) progress(t0, &last_progress);
          continue;
        }
        chunk = std::move(it->second);
        done_.erase(it);
      }
      const bool failed_here = chunk->fail_index != static_cast<std::size_t>(-1);
      // With dead_letters_when_stopped, every item of a failed chunk has its record.
      const std::size_t end = failed_here && !options_.dead_letters_when_stopped
                                  ? chunk->fail_index
                                  : chunk->items.size();
      for (std::size_t i = 0; i < end; ++i) {
        if (Status s = write_item(chunk->items[i]); !s.ok()) {
          fail(s.message());
          return;
        }
      }
      merge_stats(chunk->stats);
      if (failed_here) {
        summary_.stage_failure = chunk->stage_failure;
        stopped_by_stage_ = true;
        fail(chunk->failure);
        return;
      }
      ++next;
      bool more_ready;
      {
        std::lock_guard<std::mutex> lock(mu_);
        --inflight_;
        more_ready = done_.count(next) > 0;
      }
      cv_space_.notify_one();
      if (!more_ready) {
        // Nothing else to write right now: let a streaming reader see what we have.
        (void)out_.flush();
        (void)dead_.flush();
      }
      if (options_.progress && Clock::now() - last_progress > std::chrono::milliseconds(250)) {
        progress(t0, &last_progress);
      }
    }
  }

  // Writes an item's output record or dead letter, and counts it.
  Status write_item(const Item& item) {
    if (!item.dead.empty()) {
      if (Status s = dead_.write(item.doc_id, item.dead); !s.ok()) return s;
      ++summary_.dead_letters;
      if (item.not_processed) ++summary_.not_processed;
      return Status::OK();
    }
    if (Status s = out_.write(item.doc_id, item.output); !s.ok()) return s;
    ++summary_.outputs;
    if (item.partial) ++summary_.partial;
    return Status::OK();
  }

  // After a stage failure stopped the run (all threads joined): writes the chunks done after
  // the failed one, then dead letters for the records read but never processed, in input order.
  void write_after_stop() {
    auto write_failed = [this](const Status& s) {
      summary_.failure += "; then writing the remaining records failed: " + s.message();
    };
    for (auto& [index, chunk] : done_) {
      for (const Item& item : chunk->items) {
        if (Status s = write_item(item); !s.ok()) return write_failed(s);
      }
      merge_stats(chunk->stats);
    }
    done_.clear();
    auto unprocessed = std::move(queue_);
    if (leftover_ && !leftover_->items.empty()) unprocessed.push_back(std::move(leftover_));
    for (auto& chunk : unprocessed) {
      for (Item& item : chunk->items) {
        write_unprocessed_dead_letter(item);
        if (Status s = write_item(item); !s.ok()) return write_failed(s);
      }
    }
  }

  // The document of item.raw; when none can be made from it, renders into item.dead the dead
  // letter of an unreadable record (source, line, why, and the raw line) and returns nothing.
  std::optional<Document> document_or_dead_letter(Item& item) const {
    Result<Document> doc = make_document(item.raw, pipeline_.config().limits.max_document_bytes);
    if (doc.ok()) return std::move(*doc);
    DeadLetter d;
    d.id = item.raw.id.empty() ? item.raw.source : item.raw.id;
    d.source = item.raw.source;
    d.line = item.raw.line;
    d.reason = doc.status().message();
    if (item.raw.kind == RawRecord::Kind::kJsonLine) d.raw = item.raw.data;
    write_dead_letter(item.dead, d);
    item.doc_id = d.id;
    return std::nullopt;
  }

  // Renders into item.dead the dead letter of a record read but never processed.
  void write_unprocessed_dead_letter(Item& item) {
    std::optional<Document> doc = document_or_dead_letter(item);
    if (!doc) return;  // the dead letter it would have become anyway
    item.doc_id = doc->id();
    write_input_dead_letter(item, *doc, doc->meta(), "", "", not_processed_reason(summary_.failure));
    item.not_processed = true;
  }

  void fail(const std::string& why) {
    summary_.failed = true;
    summary_.failure = why;
    std::lock_guard<std::mutex> lock(mu_);
    abort_ = true;
    stop_ = true;
    cv_work_.notify_all();
    cv_space_.notify_all();
  }

  void merge_stats(const std::vector<StageStats>& s) {
    if (totals_.empty()) {
      totals_ = s;
      return;
    }
    for (std::size_t i = 0; i < s.size() && i < totals_.size(); ++i) {
      totals_[i].documents += s[i].documents;
      totals_[i].errors += s[i].errors;
      totals_[i].dropped += s[i].dropped;
      totals_[i].micros += s[i].micros;
      totals_[i].max_micros = std::max(totals_[i].max_micros, s[i].max_micros);
    }
  }

  void progress(Clock::time_point t0, Clock::time_point* last) {
    *last = Clock::now();
    const double secs = std::chrono::duration<double>(*last - t0).count();
    const std::uint64_t done = summary_.outputs + summary_.dead_letters;
    std::fprintf(stderr, "\r\033[Kdocpipe: %llu documents (%llu dead letters), %.1f MB read, %.0f docs/s",
                 static_cast<unsigned long long>(done),
                 static_cast<unsigned long long>(summary_.dead_letters),
                 reader_.bytes_read() / 1e6, secs > 0 ? done / secs : 0.0);
    std::fflush(stderr);
  }

  // ---- watchdog ----
  void watch_loop() {
    const std::int64_t limit_ns = static_cast<std::int64_t>(pipeline_.config().limits.max_stage_ms) * 1'000'000;
    const std::int64_t hard_ns = 2 * limit_ns + 5'000'000'000LL;
    std::unique_lock<std::mutex> lock(mu_);
    while (!finished_run_) {
      cv_watch_.wait_for(lock, std::chrono::milliseconds(20));
      const std::int64_t now = now_ns();
      for (auto& slot : slots_) {
        const std::int64_t started = slot.started_ns.load(std::memory_order_relaxed);
        if (started == 0) continue;
        if (now - started > limit_ns) slot.stop.store(true, std::memory_order_relaxed);
        if (now - started > hard_ns) {
          std::string doc;
          {
            std::lock_guard<std::mutex> l(slot.mu);
            doc = slot.doc;
          }
          const auto& b = pipeline_.stages()[slot.stage.load()];
          std::fprintf(stderr,
                       "docpipe: fatal: stage '%s' (plugin %s) has run for %lld ms on document "
                       "%s, past limits.max_stage_ms (%llu), and does not stop; ending the run "
                       "(records written so far are complete)\n",
                       b.config.name.c_str(), b.plugin->spec().name.c_str(),
                       static_cast<long long>((now - started) / 1'000'000), doc.c_str(),
                       static_cast<unsigned long long>(pipeline_.config().limits.max_stage_ms));
          (void)out_.flush();
          (void)dead_.flush();
          std::fflush(stderr);
          ::_exit(3);
        }
      }
    }
  }

  Pipeline& pipeline_;
  const RunOptions& options_;
  RecordReader& reader_;
  OutputSink& out_;
  OutputSink& dead_;
  std::vector<WorkerSlot> slots_;
  std::size_t window_ = 4;
  bool keep_input_meta_ = false;  // some policy may write a document's input to the dead letters
  bool stopped_by_stage_ = false;          // a stage with on_error: fail stopped the run
  std::shared_ptr<Chunk> leftover_;        // read when the run stopped, never handed over
  std::string read_up_to_;                 // the source ("FILE:LINE") of the last record read
  bool input_ended_ = false;               // the reader read every input to its end

  std::mutex mu_;
  std::condition_variable cv_work_, cv_space_, cv_done_, cv_watch_;
  std::deque<std::shared_ptr<Chunk>> queue_;
  std::map<std::uint64_t, std::shared_ptr<Chunk>> done_;
  std::size_t inflight_ = 0;
  bool reader_done_ = false;
  std::uint64_t chunks_total_ = 0;
  bool stop_ = false;
  bool abort_ = false;
  bool finished_run_ = false;
  std::atomic<std::uint64_t> records_read_{0};

  RunSummary summary_;
  std::vector<StageStats> totals_;
};

}  // namespace

Runner::Runner(Pipeline& pipeline, RunOptions options)
    : pipeline_(pipeline), options_(std::move(options)) {}

RunSummary Runner::run(RecordReader& reader, OutputSink& output, OutputSink& dead_letters) {
  RunState state(pipeline_, options_, reader, output, dead_letters);
  return state.run();
}

std::string format_stats(const RunSummary& s) {
  char line[512];
  std::string out;
  std::snprintf(line, sizeof line, "%-20s %-12s %10s %8s %8s %12s %12s %10s\n", "stage", "plugin",
                "documents", "errors", "dropped", "total ms", "mean us/doc", "max ms");
  out += line;
  for (const auto& st : s.stages) {
    std::snprintf(line, sizeof line, "%-20s %-12s %10llu %8llu %8llu %12.1f %12.1f %10.1f\n",
                  st.name.c_str(), st.plugin.c_str(), static_cast<unsigned long long>(st.documents),
                  static_cast<unsigned long long>(st.errors),
                  static_cast<unsigned long long>(st.dropped), st.micros / 1000.0,
                  st.documents ? static_cast<double>(st.micros) / st.documents : 0.0,
                  st.max_micros / 1000.0);
    out += line;
  }
  std::snprintf(line, sizeof line,
                "records read %llu = output %llu (with stage errors %llu) + dead letters %llu "
                "(not processed %llu) + unprocessed %llu%s\n",
                static_cast<unsigned long long>(s.records), static_cast<unsigned long long>(s.outputs),
                static_cast<unsigned long long>(s.partial),
                static_cast<unsigned long long>(s.dead_letters),
                static_cast<unsigned long long>(s.not_processed),
                static_cast<unsigned long long>(s.unprocessed),
                s.counts_add_up() ? "" : "  (COUNTS DO NOT ADD UP: please report a bug)");
  out += line;
  const double mb_in = s.bytes_in / 1e6, mb_out = s.bytes_out / 1e6;
  std::snprintf(line, sizeof line,
                "%.3f s, %.0f documents/s, %.1f MB in (%.1f MB/s), %.1f MB out (%.1f MB/s), "
                "peak memory %.0f MB\n",
                s.seconds, s.seconds > 0 ? (s.outputs + s.dead_letters) / s.seconds : 0.0, mb_in,
                s.seconds > 0 ? mb_in / s.seconds : 0.0, mb_out,
                s.seconds > 0 ? mb_out / s.seconds : 0.0, s.peak_memory_bytes / 1e6);
  out += line;
  return out;
}

}  // namespace docpipe::engine
