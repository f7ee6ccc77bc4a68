// Throughput of the dating stage on one thread: MB/s of input text.
//
//   build/bin/bench_dating [--mb N] [--reps N]
//
// Input: the TE3-silver news texts from ../shared/data/tempeval3/silver when present (tags
// removed), otherwise news-like text generated from the sample sentences below. Each document
// goes through StageHarness::run() as the engine runs it; the shared segmentation (which later
// stages reuse) is timed apart. Building the Document is not timed. Times are the thread's CPU time, best of --reps runs.
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "docpipe/plugin.h"
#include "docpipe/testing.h"
#include "docpipe/text/segmenter.h"

namespace {

double cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

const char* const kSentences[] = {
    "Officials said on Monday that the talks would resume next week in the capital.",
    "The minister arrived late Tuesday for a three-day visit, the agency reported.",
    "Prices rose 3.5 percent in the third quarter from a year earlier, the report showed.",
    "The council will vote on the plan in early October, a spokesperson said.",
    "More than 1,500 people attended the rally, which lasted nearly four hours.",
    "The company, which was founded in 1998, employs about 12,000 workers.",
    "Negotiators met for two days last month but failed to reach an agreement.",
    "The ceasefire, agreed on Sept. 13, 2021, has largely held since then.",
    "Exports have fallen every month this year, and analysts expect no recovery soon.",
    "The election is scheduled for Nov. 5, and campaigning begins on Saturday.",
    "Security forces were deployed overnight after protests in the city center.",
    "The delegation will return to the region in the spring for further talks.",
    "Growth slowed sharply in the 1990s and again after the crisis of 2008.",
    "The leaders spoke by telephone for 45 minutes, according to a statement.",
    "Trading will close at 2 p.m. on Friday ahead of the holiday weekend.",
};

std::string strip_tags(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  const std::size_t text = s.find("<TEXT>");
  std::size_t i = text == std::string::npos ? 0 : text + 6;
  bool in_tag = false;
  for (; i < s.size(); ++i) {
    if (s[i] == '<') in_tag = true;
    else if (s[i] == '>') in_tag = false;
    else if (!in_tag) out += s[i];
  }
  return out;
}

std::vector<std::string> silver_documents(std::size_t budget) {
  std::vector<std::string> docs;
  const std::filesystem::path dir = std::filesystem::path(DOCPIPE_SHARED_DIR) / "data/tempeval3/silver";
  std::error_code ec;
  if (!std::filesystem::is_directory(dir, ec)) return docs;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::size_t total = 0;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::stringstream ss;
    ss << in.rdbuf();
    docs.push_back(strip_tags(ss.str()));
    total += docs.back().size();
    if (total >= budget) break;
  }
  return docs;
}

std::vector<std::string> generated_documents(std::size_t budget) {
  std::vector<std::string> docs;
  std::mt19937 rng(7);
  std::size_t total = 0;
  const std::size_t n = sizeof(kSentences) / sizeof(kSentences[0]);
  while (total < budget) {
    std::string doc;
    for (int p = 0; p < 6; ++p) {
      for (int s = 0; s < 4; ++s) {
        doc += kSentences[rng() % n];
        doc += ' ';
      }
      doc += "\n\n";
    }
    total += doc.size();
    docs.push_back(std::move(doc));
  }
  return docs;
}

}  // namespace

int main(int argc, char** argv) {
  double mb = 8;
  int reps = 3;
  for (int i = 1; i + 1 < argc; i += 2) {
    if (std::strcmp(argv[i], "--mb") == 0) mb = std::atof(argv[i + 1]);
    if (std::strcmp(argv[i], "--reps") == 0) reps = std::atoi(argv[i + 1]);
  }
  const std::size_t budget = static_cast<std::size_t>(mb * 1e6);
  std::vector<std::string> texts = silver_documents(budget);
  const char* source = "TE3-silver";
  if (texts.empty()) {
    texts = generated_documents(budget);
    source = "generated";
  }
  auto h = docpipe::testing::StageHarness::create(docpipe_plugin_entry());
  if (!h.ok()) {
    std::fprintf(stderr, "bench_dating: %s\n", h.status().ToString().c_str());
    return 1;
  }
  std::size_t bytes = 0;
  for (const auto& t : texts) bytes += t.size();
  double best = 1e30, best_seg = 1e30;
  std::size_t timexes = 0;
  for (int r = 0; r < reps; ++r) {
    // One document at a time, as a pipeline worker holds it; only run() is timed.
    double spent = 0, seg = 0;
    std::size_t found = 0;
    for (const auto& t : texts) {
      docpipe::Document d = docpipe::testing::DocumentBuilder(t).meta("dct", "2023-09-04").build();
      const double t0 = cpu_seconds();
      docpipe::segment(d);  // shared with later stages; cached in the document
      const double t1 = cpu_seconds();
      if (!h->run(d).ok()) return 1;
      spent += cpu_seconds() - t1;
      seg += t1 - t0;
      found += d.find_layer("timex")->size();
    }
    best = std::min(best, spent);
    best_seg = std::min(best_seg, seg);
    timexes = found;
  }
  std::printf("dating: %s, %zu docs, %.1f MB, %zu timexes, one thread, best of %d\n", source,
              texts.size(), bytes / 1e6, timexes, reps);
  std::printf("  stage (segmentation cached): %.1f MB/s\n", bytes / 1e6 / best);
  std::printf("  shared segmentation alone:   %.1f MB/s\n", bytes / 1e6 / best_seg);
  std::printf("  both:                        %.1f MB/s\n", bytes / 1e6 / (best + best_seg));
  return 0;
}
