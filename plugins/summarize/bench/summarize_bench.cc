// Throughput of the summarize stage, one document after another through StageHarness::run (as
// the engine calls it), on one thread. Documents: the cnndm articles of ../shared when present,
// and generated news articles (always). Segmentation of each document is part of the measured
// time. Reports articles/s of the thread's CPU time (the machine may be shared).
//
//   bench_summarize [--reps N] [--generated N]
#include <time.h>

#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include <simdjson.h>

#include "docpipe/docpipe.h"
#include "docpipe/testing.h"

namespace {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

std::vector<std::string> read_texts(const std::string& path) {
  std::vector<std::string> out;
  std::ifstream in(path);
  simdjson::dom::parser parser;
  std::string line;
  while (std::getline(in, line)) {
    simdjson::dom::element e;
    std::string_view text;
    if (parser.parse(line).get(e) || e["text"].get(text)) continue;
    out.emplace_back(text);
  }
  return out;
}

// News-like articles: a dateline lead, then paragraphs of sentences made from a small
// vocabulary, with names, numbers, quotes and abbreviations.
std::vector<std::string> generate(std::size_t count) {
  static const char* kNames[] = {"Harbor officials", "The agency",  "Mayor Ana Ruiz",
                                 "Dr. Lee",          "The council", "Engineers",
                                 "Rail workers",     "The ministry"};
  static const char* kVerbs[] = {"said", "announced", "warned", "confirmed", "reported", "argued"};
  static const char* kObjects[] = {
      "the bridge would reopen after repairs",       "costs had risen by 12 percent",
      "the storm damaged 340 homes along the coast", "talks would resume on Monday",
      "the plan needed another vote in the council", "water levels were falling slowly",
      "the new line would carry 40,000 passengers",  "inspectors found cracks in two gates"};
  static const char* kPlaces[] = {"GENEVA", "OSLO", "LIMA", "NAIROBI, Kenya", "QUEBEC CITY"};
  std::mt19937 rng(7);
  auto pick = [&](auto& arr) { return arr[rng() % (sizeof(arr) / sizeof(arr[0]))]; };
  std::vector<std::string> out;
  for (std::size_t d = 0; d < count; ++d) {
    std::string text = std::string(pick(kPlaces)) + " \xE2\x80\x94 ";
    const int paragraphs = 8 + static_cast<int>(rng() % 12);
    for (int p = 0; p < paragraphs; ++p) {
      if (p > 0) text += "\n\n";
      const int sentences = 1 + static_cast<int>(rng() % 3);
      for (int s = 0; s < sentences; ++s) {
        if (s > 0) text += ' ';
        if (rng() % 5 == 0) {
          text += "\"We expect " + std::string(pick(kObjects)) + ",\" " + pick(kNames) + " " +
                  pick(kVerbs) + ".";
        } else {
          text += std::string(pick(kNames)) + " " + pick(kVerbs) + " that " + pick(kObjects) +
                  ", and that " + pick(kObjects) + ".";
        }
      }
    }
    out.push_back(std::move(text));
  }
  return out;
}

void measure(const char* name, const std::vector<std::string>& texts, int reps) {
  if (texts.empty()) return;
  auto h = docpipe::testing::StageHarness::create(docpipe_plugin_entry());
  if (!h.ok()) {
    std::fprintf(stderr, "%s\n", h.status().ToString().c_str());
    std::exit(1);
  }
  std::size_t bytes = 0, docs = 0;
  double best = 1e30;
  for (int r = 0; r < reps; ++r) {
    const double t0 = thread_cpu_seconds();
    for (const std::string& t : texts) {
      docpipe::Document doc("bench", t);
      if (!h->run(doc).ok()) std::exit(1);
      if (r == 0) bytes += t.size();
    }
    best = std::min(best, thread_cpu_seconds() - t0);
  }
  docs = texts.size();
  std::printf("%-22s %6zu articles  %7.0f articles/s  %6.1f MB/s  (%.1f KB/article; best of %d)\n",
              name, docs, static_cast<double>(docs) / best, static_cast<double>(bytes) / best / 1e6,
              static_cast<double>(bytes) / docs / 1e3, reps);
}

}  // namespace

int main(int argc, char** argv) {
  int reps = 3;
  std::size_t generated = 2000;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string k = argv[i];
    if (k == "--reps") reps = std::stoi(argv[i + 1]);
    if (k == "--generated") generated = std::stoul(argv[i + 1]);
  }
  const std::string shared = std::string(DOCPIPE_SOURCE_DIR) + "/../shared/data/summ/cnndm/";
  measure("cnndm validation", read_texts(shared + "validation_docs.jsonl"), reps);
  measure("generated news", generate(generated), reps);
  return 0;
}
