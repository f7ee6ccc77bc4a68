// bench_queue: documents per second for `docpipe run --jobs 2` versus two `docpipe worker`s
// through a local nats-server, on the same generated corpus of news-size documents and the
// same pipeline (pipelines/news.yaml). The goal is a queue overhead of at most 20%.
//
// Usage: bench_queue [DOCUMENTS=2000] [JOBS_PER_WORKER=1]   (from the source root; needs
// nats-server)
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "../tests/engine/test_paths.h"
#include "../tests/queue/nats_server.h"
#include "../tests/queue/process.h"

namespace {

using docpipe::queue_test::NatsServer;
using docpipe::queue_test::Process;
using Clock = std::chrono::steady_clock;

// A deterministic news-like article of about 2.5 KB, from word lists written for this program.
std::string article(unsigned seed) {
  static const char* people[] = {"Maria Lindqvist", "Tomas Okafor", "Helen Marsh", "Ravi Desai",
                                 "Ana Sousa", "Peter Halloran", "Yuki Tanabe", "Omar Haddad"};
  static const char* places[] = {"Rotterdam", "Lisbon", "Nairobi", "Montreal", "Osaka",
                                 "Valparaiso", "Gdansk", "Brisbane"};
  static const char* orgs[] = {"the Harbour Authority", "the Ministry of Transport",
                               "Northline Shipping", "the City Council", "the Port Workers Union",
                               "Atlas Freight"};
  static const char* verbs[] = {"announced", "confirmed", "denied", "welcomed", "questioned",
                                "postponed"};
  static const char* things[] = {"a new container terminal", "the wage agreement",
                                 "the dredging contract", "stricter safety inspections",
                                 "a night-time curfew on cranes", "the ferry timetable"};
  static const char* days[] = {"on Monday", "on Tuesday", "last week", "on 3 March",
                               "earlier this month", "on Friday evening"};
  unsigned s = seed * 2654435761u + 1;
  auto pick = [&s](std::size_t n) {
    s = s * 1103515245u + 12345u;
    return (s >> 8) % n;
  };
  std::string text = std::string(places[pick(8)]) + " - ";
  while (text.size() < 2500) {
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

}  // namespace

int main(int argc, char** argv) {
  const int n = argc > 1 ? std::atoi(argv[1]) : 2000;
  const std::string jobs = argc > 2 ? argv[2] : "1";
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
      out << "{\"id\":\"news-" << i << "\",\"text\":\"" << article(static_cast<unsigned>(i))
          << "\"}\n";
    }
  }
  const std::string docpipe = docpipe::testing_paths::docpipe_binary();
  const std::string pipeline = "pipelines/news.yaml";
  const std::string log = dir.file("bench.log");

  auto t0 = Clock::now();
  int code = docpipe::queue_test::run(
      {docpipe, "run", pipeline, corpus, "--jobs", "2", "-q", "-o", dir.file("run.jsonl")}, log, 3600);
  const double run_s = seconds_since(t0);
  if (code != 0) {
    std::fprintf(stderr, "bench_queue: docpipe run failed (%d); see %s\n", code, log.c_str());
    return 1;
  }

  NatsServer server(server_bin, dir.path());
  if (!server.start()) {
    std::fprintf(stderr, "bench_queue: nats-server did not start\n");
    return 1;
  }
  t0 = Clock::now();
  code = docpipe::queue_test::run(
      {docpipe, "submit", "--nats", server.url(), "--stream", "bench", corpus}, log, 3600);
  const double submit_s = seconds_since(t0);
  if (code != 0) {
    std::fprintf(stderr, "bench_queue: submit failed (%d)\n", code);
    return 1;
  }
  t0 = Clock::now();
  std::vector<std::unique_ptr<Process>> workers;
  for (int w = 0; w < 2; ++w) {
    workers.push_back(std::make_unique<Process>(
        std::vector<std::string>{docpipe, "worker", "--nats", server.url(), "--stream", "bench",
                                 pipeline, "--until-empty", "--jobs", jobs},
        log));
  }
  for (auto& w : workers) {
    auto c = w->wait(3600);
    if (!c || *c != 0) {
      std::fprintf(stderr, "bench_queue: a worker failed\n");
      return 1;
    }
  }
  const double work_s = seconds_since(t0);
  t0 = Clock::now();
  code = docpipe::queue_test::run({docpipe, "collect", "--nats", server.url(), "--stream", "bench",
                                   "-o", dir.file("collected.jsonl")},
                                  log, 3600);
  const double collect_s = seconds_since(t0);

  std::printf("bench_queue: %d news-size documents (~2.5 KB), pipeline %s, 2 cores' worth\n", n,
              pipeline.c_str());
  std::printf("  docpipe run --jobs 2          %7.2f s  %8.1f docs/s\n", run_s, n / run_s);
  std::printf("  2 workers (queue, --jobs %s)   %7.2f s  %8.1f docs/s\n", jobs.c_str(), work_s,
              n / work_s);
  std::printf("  queue overhead                %+6.1f %%  (goal <= 20%%)\n",
              (work_s / run_s - 1) * 100);
  std::printf("  submit                        %7.2f s  %8.1f docs/s\n", submit_s, n / submit_s);
  std::printf("  collect                       %7.2f s  %8.1f docs/s%s\n", collect_s, n / collect_s,
              code == 0 ? "" : "  (failed)");
  return 0;
}
