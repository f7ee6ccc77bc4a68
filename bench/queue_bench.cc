// bench_queue: documents per second for `docpipe run --jobs 2` versus two `docpipe worker`s
// through a local nats-server, on the same generated corpus of news-size documents and the
// same pipeline (pipelines/news.yaml). The goal is a queue overhead of at most 20%.
//
// Wall time is the best of several rounds (the two ways alternate); CPU time (user + system,
// the server's included for the queue) is the steadier figure on a shared machine. Each round
// also gives a paired overhead (its queue time over its run time), and the median of those is
// printed too: it is less swayed by a machine whose speed drifts during the rounds. Time the
// hypervisor took from this machine (steal, from /proc/stat) is printed as a warning sign.
//
// Usage: bench_queue [DOCUMENTS=2000] [ROUNDS=3] [KB=2.5]   (from the source root; needs
// nats-server). KB sets the documents' size: the queue's cost is per document, the pipeline's
// grows with the text, so the overhead is largest for short documents (the default; a full news
// article is more like 5 to 8 KB).
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
  const int n = argc > 1 ? std::atoi(argv[1]) : 2000;
  const int rounds = argc > 2 ? std::atoi(argv[2]) : 3;
  const double kb = argc > 3 ? std::atof(argv[3]) : 2.5;
  const auto doc_bytes = static_cast<std::size_t>(kb * 1000);
  const std::string server_bin = docpipe::queue_test::find_nats_server();
  if (server_bin.empty()) {
    std::fprintf(stderr, "bench_queue: nats-server is not installed; skipped\n");
    return 0;
  }
  docpipe::testing_paths::TempDir dir;
  const std::string corpus = dir.file("corpus.jsonl");
  {
    std::ofstream out(corpus);
    for (int i = 0; i < n; ++i) {
      out << "{\"id\":\"news-" << i << "\",\"text\":\"" << article(static_cast<unsigned>(i), doc_bytes)
          << "\"}\n";
    }
  }
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

  std::printf("bench_queue: %d news-like documents (~%.1f KB), pipeline %s, best of %d rounds\n", n,
              kb, pipeline.c_str(), rounds);
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
