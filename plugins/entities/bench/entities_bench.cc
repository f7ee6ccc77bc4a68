// Entities benchmark: model load time and tagging throughput on one core, tokenization
// included (tokens per second over the whole stage: segmentation, both passes, confidences,
// linking, annotations).
//
//   build/bin/entities_bench [--model FILE] [--corpus DIR] [--docs N] [--repeat R]
//
// Corpus: news articles (*.txt) under DIR, by default ../shared/data/summ/bbc/articles; without
// it, the hand-written test story (plugins/entities/tests/fixtures) repeated. Each document is
// processed as the engine would (segment once, then the stage).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "docpipe/resources.h"
#include "docpipe/testing.h"
#include "docpipe/text/segmenter.h"
#include "ner_model.h"

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

// CPU time of this thread: the machine may be shared, so throughput per core is measured on
// the time this thread actually ran.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  std::string model_path,
      corpus = std::string(DOCPIPE_SOURCE_DIR) + "/../shared/data/summ/bbc/articles";
  std::size_t max_docs = 1000;
  int repeat = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string a = argv[i];
    if (a == "--model") model_path = argv[i + 1];
    if (a == "--corpus") corpus = argv[i + 1];
    if (a == "--docs") max_docs = std::stoul(argv[i + 1]);
    if (a == "--repeat") repeat = std::stoi(argv[i + 1]);
  }
  if (model_path.empty()) {
    auto found = DOCPIPE_PLUGIN_DATA("entities", "ner.model");
    if (!found.ok()) {
      std::fprintf(stderr, "%s\n", found.status().ToString().c_str());
      return 1;
    }
    model_path = *found;
  }
  // 1. Model load time (read + checksum + parse), best of three.
  double load = 1e9;
  for (int k = 0; k < 3; ++k) {
    const auto t0 = Clock::now();
    auto m = docpipe::entities::load_model(model_path);
    if (!m.ok()) {
      std::fprintf(stderr, "%s\n", m.status().ToString().c_str());
      return 1;
    }
    load = std::min(load, seconds_since(t0));
  }
  std::printf("model %s: %.1f MB, load %.3f s\n", model_path.c_str(),
              fs::file_size(model_path) / 1e6, load);

  // 2. Corpus.
  std::vector<std::string> texts;
  if (fs::is_directory(corpus)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(corpus)) {
      if (e.is_regular_file() && e.path().extension() == ".txt") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
      if (texts.size() >= max_docs) break;
      texts.push_back(read(f));
    }
  }
  if (texts.empty()) {
    const std::string story = read(std::string(DOCPIPE_SOURCE_DIR) +
                                   "/plugins/entities/tests/fixtures/harbour_story.txt");
    texts.assign(std::min<std::size_t>(max_docs, 200), story);
    corpus = "fixture story x" + std::to_string(texts.size());
  }
  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();

  auto harness =
      docpipe::testing::StageHarness::create(docpipe_plugin_entry(), {{"model", model_path}});
  if (!harness.ok()) {
    std::fprintf(stderr, "%s\n", harness.status().ToString().c_str());
    return 1;
  }
  // 3. Throughput, best of `repeat` rounds: segmentation alone, then the whole stage.
  double best_seg = 1e9, best_all = 1e9, best_all_cpu = 1e9;
  std::size_t tokens = 0, entities = 0;
  for (int r = 0; r < repeat; ++r) {
    tokens = 0;
    auto t0 = Clock::now();
    for (const auto& t : texts) {
      docpipe::Segmentation seg(t);
      tokens += seg.tokens().size();
    }
    best_seg = std::min(best_seg, seconds_since(t0));
    entities = 0;
    t0 = Clock::now();
    const double c0 = thread_cpu_seconds();
    for (std::size_t i = 0; i < texts.size(); ++i) {
      docpipe::Document doc = docpipe::testing::DocumentBuilder(texts[i]).build();
      if (!harness->run(doc).ok()) return 1;
      entities += doc.find_layer("entity")->size();
    }
    best_all = std::min(best_all, seconds_since(t0));
    best_all_cpu = std::min(best_all_cpu, thread_cpu_seconds() - c0);
  }
  std::printf("corpus %s: %zu documents, %.1f MB, %zu tokens, %zu entities\n", corpus.c_str(),
              texts.size(), bytes / 1e6, tokens, entities);
  std::printf("segmentation only: %.0f tokens/s\n", tokens / best_seg);
  std::printf(
      "entities stage (one core, segmentation included): %.0f tokens/s of CPU time "
      "(%.0f tokens/s wall clock), %.1f us/document\n",
      tokens / best_all_cpu, tokens / best_all, 1e6 * best_all_cpu / texts.size());
  return 0;
}
