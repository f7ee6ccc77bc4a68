// Engine benchmark: the cost of the engine itself, measured in-process.
//
//   build/bin/bench_engine [--docs N] [--repeat R]
//
// 1. Per-stage overhead: N small documents through 1 and 6 no-op stages (jobs 1); the
//    difference divided by 5 × N is the cost of one no-op stage per document.
// 2. JSONL throughput: news-sized documents (about 3 KB) through one no-op stage, jobs 1:
//    (bytes read + bytes written) / seconds.
// 3. Scaling: the same corpus with a CPU-bound stage (the fixture `segment`, which tokenizes
//    and splits sentences) at jobs 1 and jobs 2.
// Inputs are generated (deterministic pseudo-text); output goes to /dev/null.
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <functional>
#include <thread>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "config_loader.h"
#include "pipeline.h"
#include "runner.h"

namespace {

using namespace docpipe;
using namespace docpipe::engine;

const char* const kWords[] = {
    "the", "officials", "said", "on", "Monday", "that", "talks", "between", "the", "two",
    "governments", "would", "resume", "in", "Geneva", "next", "week", "after", "a", "pause",
    "of", "several", "months", "according", "to", "people", "familiar", "with", "plans",
    "ministry", "spokesman", "declined", "comment", "rebels", "port", "city", "trade",
    "agreement", "prices", "rose", "percent", "March", "analysts", "expected", "inflation"};

std::string sentence(std::mt19937& rng) {
  std::string s;
  const int n = 8 + rng() % 20;
  for (int i = 0; i < n; ++i) {
    std::string w = kWords[rng() % std::size(kWords)];
    if (i == 0) w[0] = static_cast<char>(std::toupper(w[0]));
    if (i) s += ' ';
    s += w;
    if (i + 1 < n && rng() % 9 == 0) s += ',';
  }
  return s + ". ";
}

std::string make_corpus(const std::string& path, std::size_t docs, std::size_t approx_bytes) {
  std::mt19937 rng(42);
  std::ofstream out(path);
  for (std::size_t i = 0; i < docs; ++i) {
    std::string text;
    while (text.size() < approx_bytes) {
      text += sentence(rng);
      if (rng() % 4 == 0) text += "\n\n";
    }
    Value::Object rec{{"id", "doc-" + std::to_string(i)}, {"text", text},
                      {"meta", Value::Object{{"source", "bench"}}}};
    out << to_json(Value(std::move(rec))) << '\n';
  }
  return path;
}

struct Measured {
  double seconds;
  RunSummary summary;
};

Measured run(const std::string& yaml, const std::string& input, std::size_t jobs) {
  std::vector<Diagnostic> diags;
  auto cfg = load_pipeline_text(yaml, "bench.yaml", "/tmp", &diags);
  if (!cfg) {
    std::fprintf(stderr, "%s\n", diags[0].ToString().c_str());
    std::exit(2);
  }
  PluginLoader loader({{DOCPIPE_BUILD_DIR "/tests/fixture-plugins", "fixtures"},
                       {DOCPIPE_BUILTIN_PLUGIN_DIR, "built-in"}},
                      false);
  auto pipeline = Pipeline::build(*cfg, loader, jobs, &diags);
  if (!pipeline) {
    std::fprintf(stderr, "%s\n", diags[0].ToString().c_str());
    std::exit(2);
  }
  auto sources = expand_inputs({input}, StdinFormat::kJsonl);
  OutputSink out("/dev/null");
  OutputSink dead("/dev/null");
  RecordReader reader(std::move(*sources), cfg->limits.max_document_bytes);
  Runner runner(*pipeline, RunOptions{});
  const auto t0 = std::chrono::steady_clock::now();
  RunSummary s = runner.run(reader, out, dead);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!s.counts_add_up() || s.failed) {
    std::fprintf(stderr, "run failed: %s\n", s.failure.c_str());
    std::exit(1);
  }
  return {secs, s};
}

std::string noop_pipeline(int stages) {
  std::string y = "name: bench\nstages:\n";
  for (int i = 0; i < stages; ++i) y += "  - plugin: noop\n    name: noop" + std::to_string(i) + "\n";
  return y;
}

double best_of(int repeat, const std::function<double()>& f) {
  double best = 1e30;
  for (int i = 0; i < repeat; ++i) best = std::min(best, f());
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::size_t docs = 100'000;
  int repeat = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (!std::strcmp(argv[i], "--docs")) docs = std::stoul(argv[i + 1]);
    if (!std::strcmp(argv[i], "--repeat")) repeat = std::stoi(argv[i + 1]);
  }
  const std::string dir = (std::filesystem::temp_directory_path() / "docpipe-bench").string();
  std::filesystem::create_directories(dir);
  std::printf("generating corpora in %s ...\n", dir.c_str());
  const std::string small = make_corpus(dir + "/small.jsonl", docs, 200);
  const std::string news = make_corpus(dir + "/news.jsonl", docs / 5, 3000);

  // 1. Per-stage overhead.
  Measured one{}, six{};
  const double t1 = best_of(repeat, [&] { one = run(noop_pipeline(1), small, 1); return one.seconds; });
  const double t6 = best_of(repeat, [&] { six = run(noop_pipeline(6), small, 1); return six.seconds; });
  std::printf("\n[overhead] %zu small documents, jobs 1\n", docs);
  std::printf("  1 no-op stage : %.3f s  (%.2f us/doc for read + parse + run + write)\n", t1, t1 / docs * 1e6);
  std::printf("  6 no-op stages: %.3f s\n", t6);
  std::printf("  per no-op stage per document: %.3f us   (goal <= 2 us)\n", (t6 - t1) / (5.0 * docs) * 1e6);

  // 2. JSONL throughput.
  Measured m{};
  const double tn = best_of(repeat, [&] { m = run(noop_pipeline(1), news, 1); return m.seconds; });
  const double mb = (m.summary.bytes_in + m.summary.bytes_out) / 1e6;
  std::printf("\n[jsonl] %zu news-sized documents, 1 no-op stage, jobs 1\n", docs / 5);
  std::printf("  %.1f MB in + %.1f MB out in %.3f s = %.1f MB/s in+out   (goal >= 200 MB/s)\n",
              m.summary.bytes_in / 1e6, m.summary.bytes_out / 1e6, tn, mb / tn);

  // 3. Scaling.
  const std::string cpu = "name: bench\nstages:\n  - plugin: segment\n";
  const double s1 = best_of(repeat, [&] { return run(cpu, news, 1).seconds; });
  const double s2 = best_of(repeat, [&] { return run(cpu, news, 2).seconds; });
  std::printf("\n[scaling] %zu news-sized documents, segmentation stage\n", docs / 5);
  std::printf("  jobs 1: %.3f s   jobs 2: %.3f s   speed-up %.2fx   (goal >= 1.8x)\n", s1, s2, s1 / s2);
  const double n1 = best_of(repeat, [&] { return run(noop_pipeline(1), news, 1).seconds; });
  const double n2 = best_of(repeat, [&] { return run(noop_pipeline(1), news, 2).seconds; });
  std::printf("  no-op stage only (pure engine I/O): jobs 1 %.3f s, jobs 2 %.3f s, speed-up %.2fx\n",
              n1, n2, n1 / n2);
  std::printf("\nmachine: %u hardware threads\n", std::thread::hardware_concurrency());
  return 0;
}
