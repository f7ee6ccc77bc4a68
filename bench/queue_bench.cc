// bench_queue: documents per second for `docpipe run --jobs 2` versus two `docpipe worker`s
// through a local nats-server, on the same corpus and the same pipeline (pipelines/news.yaml).
// The goal is a queue overhead of at most 20%.
//
// Wall time is the best of several rounds (the two ways alternate); CPU time (user + system,
// the server's included for the queue) is the steadier figure on a shared machine. Each round
// also gives a paired overhead (its queue time over its run time), and the median of those is
// printed too: it is less swayed by a machine whose speed drifts during the rounds. Time the
// hypervisor took from this machine (steal, from /proc/stat) is printed as a warning sign.
//
// Usage (from the source root; needs nats-server):
//   bench_queue [DOCUMENTS=2000] [ROUNDS=5] [KB=2.5]
//   bench_queue --corpus FILE [DOCUMENTS=2000] [ROUNDS=5]
//   bench_queue --news [DOCUMENTS=2000] [ROUNDS=5]
// Without a corpus, the documents are generated news-like text of about KB kilobytes each: a
// stress case, with a person, an organisation, a place and a date in every sentence, so the
// output records are large for the pipeline work behind them (about 33 KB for 2.5 KB of text).
// With --corpus, the texts come from FILE (JSONL records as `docpipe run` reads them), taken in
// turn until there are DOCUMENTS of them, each with its own id. --news is --corpus with the
// CNN/DailyMail validation articles in ../shared/data/summ/cnndm (real news, about 3.9 KB each;
// skipped when that folder is absent; the text is read at run time, never committed).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include "../tests/engine/test_paths.h"
#include "../tests/queue/nats_server.h"
#include "../tests/queue/process.h"
#include "docpipe/value.h"
#include "document_maker.h"
#include "input.h"

namespace {

using docpipe::queue_test::NatsServer;
using docpipe::queue_test::Process;
using Clock = std::chrono::steady_clock;

// A deterministic news-like article of about `bytes` bytes, from word lists written for this
// program.
std::string article(unsigned seed, std::size_t bytes) {
  static const char* people[] = {"Maria Lindqvist", "Tomas Okafor",   "Helen Marsh", "Ravi Desai",
                                 "Ana Sousa",       "Peter Halloran", "Yuki Tanabe", "Omar Haddad"};
  static const char* places[] = {"Rotterdam", "Lisbon",     "Nairobi", "Montreal",
                                 "Osaka",     "Valparaiso", "Gdansk",  "Brisbane"};
  static const char* orgs[] = {"the Harbour Authority",  "the Ministry of Transport",
                               "Northline Shipping",     "the City Council",
                               "the Port Workers Union", "Atlas Freight"};
  static const char* verbs[] = {"announced", "confirmed",  "denied",
                                "welcomed",  "questioned", "postponed"};
  static const char* things[] = {"a new container terminal",      "the wage agreement",
                                 "the dredging contract",         "stricter safety inspections",
                                 "a night-time curfew on cranes", "the ferry timetable"};
  static const char* days[] = {"on Monday",  "on Tuesday",         "last week",
                               "on 3 March", "earlier this month", "on Friday evening"};
  unsigned s = seed * 2654435761u + 1;
  auto pick = [&s](std::size_t n) {
    s = s * 1103515245u + 12345u;
    return (s >> 8) % n;
  };
  std::string text = std::string(places[pick(8)]) + " - ";
  while (text.size() < bytes) {
    text += std::string(people[pick(8)]) + " of " + orgs[pick(6)] + " " + verbs[pick(6)] + " " +
            things[pick(6)] + " " + days[pick(6)] + ", according to officials in " +
            places[pick(8)] + ". ";
    if (pick(3) == 0) text += "\\n\\n";
  }
  return text;
}

// The texts of a JSONL corpus, each as a JSON string literal, read the way `docpipe run` reads
// it. Empty after an error (printed; the engine's messages name the line).
std::vector<std::string> corpus_texts(const std::string& path) {
  docpipe::engine::RecordReader reader({{docpipe::engine::InputSource::Kind::kJsonlFile, path}}, 0);
  std::vector<std::string> texts;
  docpipe::engine::RawRecord record;
  while (reader.next(&record)) {
    if (record.kind == docpipe::engine::RawRecord::Kind::kError) {
      std::fprintf(stderr, "bench_queue: %s\n", record.error.c_str());
      return {};
    }
    auto doc = docpipe::engine::make_document(record, 0);
    if (!doc.ok()) {
      std::fprintf(stderr, "bench_queue: %s: %s\n", path.c_str(), doc.status().message().c_str());
      return {};
    }
    texts.emplace_back();
    docpipe::append_json_string(texts.back(), doc->text());
  }
  if (texts.empty()) std::fprintf(stderr, "bench_queue: %s holds no documents\n", path.c_str());
  return texts;
}

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// CPU seconds (user + system) used so far by the children this process has waited for.
double children_cpu() {
  rusage ru{};
  ::getrusage(RUSAGE_CHILDREN, &ru);
  return static_cast<double>(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) +
         static_cast<double>(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e6;
}

// CPU seconds used so far by a running process (from /proc/PID/stat).
double process_cpu(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::size_t close = stat.rfind(')');
  if (close == std::string::npos) return 0;
  std::istringstream fields(stat.substr(close + 2));
  std::string f;
  unsigned long long utime = 0, stime = 0;
  for (int i = 3; i <= 15 && fields >> f; ++i) {
    if (i == 14) utime = std::stoull(f);
    if (i == 15) stime = std::stoull(f);
  }
  return static_cast<double>(utime + stime) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

// Seconds of CPU time stolen by the hypervisor so far, over all CPUs (0 when not known).
double steal_seconds() {
  std::ifstream in("/proc/stat");
  std::string cpu;
  unsigned long long user, nice, system, idle, iowait, irq, softirq, steal = 0;
  if (!(in >> cpu >> user >> nice >> system >> idle >> iowait >> irq >> softirq >> steal)) return 0;
  return static_cast<double>(steal) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct Measure {
  double wall = 1e30;        // best of the rounds
  double cpu = 1e30;         // CPU seconds in that kind of round (best)
  double server_cpu = 1e30;  // of which nats-server's
};

}  // namespace

int main(int argc, char** argv) {
  std::string corpus_path;
  std::vector<std::string> numbers;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--corpus" && i + 1 < argc) {
      corpus_path = argv[++i];
    } else if (arg == "--news") {
      corpus_path = DOCPIPE_SHARED_DIR "/data/summ/cnndm/validation_docs.jsonl";
      if (!std::ifstream(corpus_path)) {
        std::fprintf(stderr, "bench_queue: %s not found (no ../shared here); skipped\n",
                     corpus_path.c_str());
        return 0;
      }
    } else if (!arg.empty() && arg[0] != '-') {
      numbers.push_back(arg);
    } else {
      std::fprintf(stderr,
                   "usage: bench_queue [--corpus FILE | --news] [DOCUMENTS] [ROUNDS] [KB]\n");
      return 2;
    }
  }
  const int n = numbers.size() > 0 ? std::atoi(numbers[0].c_str()) : 2000;
  const int rounds = numbers.size() > 1 ? std::atoi(numbers[1].c_str()) : 5;
  const double kb = numbers.size() > 2 ? std::atof(numbers[2].c_str()) : 2.5;
  const auto doc_bytes = static_cast<std::size_t>(kb * 1000);
  const std::string server_bin = docpipe::queue_test::find_nats_server();
  if (server_bin.empty()) {
    std::fprintf(stderr, "bench_queue: nats-server is not installed; skipped\n");
    return 0;
  }
  std::vector<std::string> texts;
  if (!corpus_path.empty()) {
    texts = corpus_texts(corpus_path);
    if (texts.empty()) return 1;
  }
  docpipe::testing_paths::TempDir dir;
  const std::string corpus = dir.file("corpus.jsonl");
  std::size_t corpus_bytes = 0;
  {
    std::ofstream out(corpus);
    for (int i = 0; i < n; ++i) {
      const std::string text =
          texts.empty() ? "\"" + article(static_cast<unsigned>(i), doc_bytes) + "\""
                        : texts[static_cast<std::size_t>(i) % texts.size()];
      corpus_bytes += text.size();
      out << "{\"id\":\"news-" << i << "\",\"text\":" << text << "}\n";
    }
  }
  const std::string corpus_name =
      texts.empty() ? "generated news-like documents"
                    : "documents from " + corpus_path + " (" + std::to_string(texts.size()) +
                          " texts, in turn)";
  const std::string docpipe = docpipe::testing_paths::docpipe_binary();
  const std::string pipeline = "pipelines/news.yaml";
  const std::string log = dir.file("bench.log");
  NatsServer server(server_bin, dir.path());
  if (!server.start()) {
    std::fprintf(stderr, "bench_queue: nats-server did not start\n");
    return 1;
  }

  // Rounds alternate the two ways, so that a busy machine weighs on both alike. A first round of
  // each (loading plugins and models into the page cache, the server's first streams) is not
  // counted.
  Measure run_m, queue_m;
  double submit_s = 0, collect_s = 0;
  std::vector<double> paired_wall, paired_cpu;  // per round: queue / run - 1
  const double steal0 = steal_seconds();
  for (int round = -1; round < rounds; ++round) {
    const bool counted = round >= 0;
    double cpu0 = children_cpu();
    auto t0 = Clock::now();
    int code = docpipe::queue_test::run(
        {docpipe, "run", pipeline, corpus, "--jobs", "2", "-q", "-o", dir.file("run.jsonl")}, log,
        3600);
    const double run_wall = seconds_since(t0);
    const double run_cpu = children_cpu() - cpu0;
    if (counted) {
      run_m.wall = std::min(run_m.wall, run_wall);
      run_m.cpu = std::min(run_m.cpu, run_cpu);
    }
    if (code != 0) {
      std::fprintf(stderr, "bench_queue: docpipe run failed (%d); see %s\n", code, log.c_str());
      return 1;
    }

    const std::string stream = "bench" + std::to_string(round + 1);
    t0 = Clock::now();
    code = docpipe::queue_test::run(
        {docpipe, "submit", "--nats", server.url(), "--stream", stream, corpus}, log, 3600);
    submit_s = seconds_since(t0);
    if (code != 0) {
      std::fprintf(stderr, "bench_queue: submit failed (%d)\n", code);
      return 1;
    }
    const double server0 = process_cpu(server.pid());
    cpu0 = children_cpu() + server0;
    t0 = Clock::now();
    std::vector<std::unique_ptr<Process>> workers;
    for (int w = 0; w < 2; ++w) {
      workers.push_back(std::make_unique<Process>(
          std::vector<std::string>{docpipe, "worker", "--nats", server.url(), "--stream", stream,
                                   pipeline, "--until-empty"},
          log));
    }
    for (auto& w : workers) {
      auto c = w->wait(3600);
      if (!c || *c != 0) {
        std::fprintf(stderr, "bench_queue: a worker failed; see %s\n", log.c_str());
        return 1;
      }
    }
    const double queue_wall = seconds_since(t0);
    const double server1 = process_cpu(server.pid());
    const double queue_cpu = children_cpu() + server1 - cpu0;
    std::fprintf(stderr, "  %s %d: run %.2f s (%.2f CPU s), queue %.2f s (%.2f CPU s): %+.1f %%\n",
                 counted ? "round" : "warm-up, not counted", round + 1, run_wall, run_cpu,
                 queue_wall, queue_cpu, (queue_wall / run_wall - 1) * 100);
    if (counted) {
      queue_m.wall = std::min(queue_m.wall, queue_wall);
      queue_m.cpu = std::min(queue_m.cpu, queue_cpu);
      queue_m.server_cpu = std::min(queue_m.server_cpu, server1 - server0);
      paired_wall.push_back(queue_wall / run_wall - 1);
      paired_cpu.push_back(queue_cpu / run_cpu - 1);
    }
    t0 = Clock::now();
    code = docpipe::queue_test::run({docpipe, "collect", "--nats", server.url(), "--stream", stream,
                                     "-o", dir.file("collected.jsonl")},
                                    log, 3600);
    collect_s = seconds_since(t0);
    if (code != 0) std::fprintf(stderr, "bench_queue: collect failed (%d)\n", code);
  }

  std::printf("bench_queue: %d %s, ~%.1f KB each as JSON, pipeline %s, best of %d rounds\n", n,
              corpus_name.c_str(), static_cast<double>(corpus_bytes) / n / 1000, pipeline.c_str(),
              rounds);
  std::printf("                                  wall      docs/s   CPU s (incl. nats-server)\n");
  std::printf("  docpipe run --jobs 2          %7.2f s  %8.1f   %6.2f\n", run_m.wall,
              n / run_m.wall, run_m.cpu);
  std::printf("  2 workers through the queue   %7.2f s  %8.1f   %6.2f\n", queue_m.wall,
              n / queue_m.wall, queue_m.cpu);
  std::printf("  (of which nats-server %.2f CPU s)\n", queue_m.server_cpu);
  std::printf("  queue overhead, best against best: wall %+.1f %%, CPU %+.1f %%  (goal <= 20%%)\n",
              (queue_m.wall / run_m.wall - 1) * 100, (queue_m.cpu / run_m.cpu - 1) * 100);
  std::printf("  queue overhead, median of the %d paired rounds: wall %+.1f %%, CPU %+.1f %%\n",
              rounds, median(paired_wall) * 100, median(paired_cpu) * 100);
  const double stolen = steal_seconds() - steal0;
  std::printf("  CPU time taken by the hypervisor during the rounds (steal): %.2f s%s\n", stolen,
              stolen > 0.05 * (run_m.cpu + queue_m.cpu) * (rounds + 1)  // 5% of the CPU used
                  ? "  (a busy host: figures are unsteady)"
                  : "");
  std::printf("  submit %.2f s (%.0f docs/s), collect %.2f s (%.0f docs/s), last round\n", submit_s,
              n / submit_s, collect_s, n / collect_s);
  return 0;
}
