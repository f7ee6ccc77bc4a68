// Trains the summarize stage's sentence model (a logistic model over features.h) on news
// articles with human highlights, from greedy-oracle sentence labels, and estimates ROUGE of
// the result against Lead-3.
//
//   train_summarizer --plugins build/lib/docpipe/plugins --stages clean \
//       --docs ../shared/data/summ/cnndm/train_docs.jsonl \
//       --refs ../shared/data/summ/cnndm/train_refs.jsonl \
//       --out plugins/summarize/data/summarize.model
//
// Documents go through the earlier stages named by --stages (loaded from --plugins), as in the
// pipeline, so features see what the stage sees. --model FILE evaluates a model instead of
// training one. Labels: the sentences a greedy search picks to maximise ROUGE-1 + ROUGE-2 F1
// (rouge_lite.h) against the highlights, at most --oracle sentences.
#include <dlfcn.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <simdjson.h>

#include "analysis.h"
#include "docpipe/docpipe.h"
#include "docpipe/testing.h"
#include "model.h"
#include "rouge_lite.h"
#include "selection.h"
#include "sentence_features.h"

namespace docpipe::summarize::tools {
namespace {

struct Args {
  std::string plugins = "build/lib/docpipe/plugins";
  std::string stages = "clean";
  std::string docs, refs, out, model, stopwords = "plugins/summarize/data/stopwords.txt";
  double l2 = 1.0;
  double soft = 0;  // share of the soft label (own ROUGE over the best) in each label
  int oracle = 3;
  int limit = 0;
  std::string budgets = "3:0";  // budgets to estimate ROUGE for, "S:W,..."
};

struct Example {
  std::vector<FeatureRow> rows;
  std::vector<double> labels;  // 1 for oracle sentences; soft labels in [0, 1]
  std::vector<std::vector<std::string>> sentence_tokens;
  std::vector<std::string> reference;
  Analysis analysis;  // text views point into `doc`
  std::unique_ptr<Document> doc;
};

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> out;
  std::stringstream ss(s);
  std::string item;
  while (std::getline(ss, item, sep)) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// {id: field} from a JSONL file.
std::map<std::string, std::string> read_jsonl(const std::string& path, const char* field) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    std::exit(2);
  }
  simdjson::dom::parser parser;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    simdjson::dom::element e;
    if (parser.parse(line).get(e)) continue;
    std::string_view id, value;
    if (e["id"].get(id) || e[field].get(value)) continue;
    out.emplace(std::string(id), std::string(value));
  }
  return out;
}

std::vector<std::string> concat(const Example& ex, const std::vector<std::uint32_t>& chosen) {
  std::vector<std::string> toks;
  for (std::uint32_t i : chosen) {
    toks.insert(toks.end(), ex.sentence_tokens[i].begin(), ex.sentence_tokens[i].end());
  }
  return toks;
}

struct Rouge {
  double r1 = 0, r2 = 0;
};
Rouge rouge(const std::vector<std::string>& sys, const std::vector<std::string>& ref) {
  return Rouge{rouge_f1(ngram_counts(sys, 1), ngram_counts(ref, 1)),
               rouge_f1(ngram_counts(sys, 2), ngram_counts(ref, 2))};
}

std::vector<double> oracle_labels(const Example& ex, int max_sentences) {
  const std::size_t n = ex.sentence_tokens.size();
  std::vector<double> labels(n, 0);
  std::vector<std::uint32_t> chosen;
  double best = 0;
  for (int step = 0; step < max_sentences; ++step) {
    int pick = -1;
    for (std::uint32_t i = 0; i < n; ++i) {
      if (labels[i]) continue;
      auto trial = chosen;
      trial.push_back(i);
      std::sort(trial.begin(), trial.end());
      const Rouge r = rouge(concat(ex, trial), ex.reference);
      if (r.r1 + r.r2 > best) {
        best = r.r1 + r.r2;
        pick = static_cast<int>(i);
      }
    }
    if (pick < 0) break;
    labels[static_cast<std::size_t>(pick)] = 1;
    chosen.push_back(static_cast<std::uint32_t>(pick));
  }
  return labels;
}

// Solves A x = b in place (Gaussian elimination with partial pivoting).
std::vector<double> solve(std::vector<std::vector<double>> a, std::vector<double> b) {
  const std::size_t n = b.size();
  for (std::size_t c = 0; c < n; ++c) {
    std::size_t p = c;
    for (std::size_t r = c + 1; r < n; ++r) {
      if (std::abs(a[r][c]) > std::abs(a[p][c])) p = r;
    }
    std::swap(a[c], a[p]);
    std::swap(b[c], b[p]);
    if (std::abs(a[c][c]) < 1e-12) continue;
    for (std::size_t r = c + 1; r < n; ++r) {
      const double f = a[r][c] / a[c][c];
      for (std::size_t k = c; k < n; ++k) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  std::vector<double> x(n, 0.0);
  for (std::size_t c = n; c-- > 0;) {
    double s = b[c];
    for (std::size_t k = c + 1; k < n; ++k) s -= a[c][k] * x[k];
    x[c] = std::abs(a[c][c]) < 1e-12 ? 0.0 : s / a[c][c];
  }
  return x;
}

// L2-regularised logistic regression by Newton's method (the bias is not regularised).
Model train(const std::vector<Example>& examples, double l2) {
  const std::size_t d = kFeatureCount;
  std::vector<double> w(d, 0.0);
  for (int it = 0; it < 25; ++it) {
    std::vector<double> g(d, 0.0);
    std::vector<std::vector<double>> h(d, std::vector<double>(d, 0.0));
    double loss = 0;
    for (const Example& ex : examples) {
      for (std::size_t i = 0; i < ex.rows.size(); ++i) {
        const FeatureRow& x = ex.rows[i];
        double z = 0;
        for (std::size_t f = 0; f < d; ++f) z += w[f] * x[f];
        const double p = 1.0 / (1.0 + std::exp(-z));
        const double y = ex.labels[i];
        loss -= y * std::log(std::max(p, 1e-12)) + (1 - y) * std::log(std::max(1 - p, 1e-12));
        const double r = p - y, s = p * (1 - p);
        for (std::size_t f = 0; f < d; ++f) {
          if (x[f] == 0) continue;
          g[f] += r * x[f];
          for (std::size_t k = 0; k < d; ++k) h[f][k] += s * x[f] * x[k];
        }
      }
    }
    for (std::size_t f = 1; f < d; ++f) {
      g[f] += l2 * w[f];
      h[f][f] += l2;
      loss += 0.5 * l2 * w[f] * w[f];
    }
    for (std::size_t f = 0; f < d; ++f) h[f][f] += 1e-9;
    const std::vector<double> step = solve(h, g);
    double size = 0;
    for (std::size_t f = 0; f < d; ++f) {
      w[f] -= step[f];
      size += step[f] * step[f];
    }
    std::fprintf(stderr, "newton %d: loss %.2f step %.2g\n", it, loss, std::sqrt(size));
    if (size < 1e-12) break;
  }
  Model m;
  for (std::size_t f = 0; f < d; ++f) m.weights[f] = static_cast<float>(w[f]);
  return m;
}

void report(const char* name, const std::vector<Example>& examples,
            const std::function<std::vector<std::uint32_t>(const Example&)>& pick) {
  double r1 = 0, r2 = 0, words = 0;
  for (const Example& ex : examples) {
    const auto chosen = pick(ex);
    const auto toks = concat(ex, chosen);
    const Rouge r = rouge(toks, ex.reference);
    r1 += r.r1;
    r2 += r.r2;
    words += static_cast<double>(toks.size());
  }
  const double n = static_cast<double>(std::max<std::size_t>(1, examples.size()));
  std::printf("%-14s R-1 %.2f  R-2 %.2f  words %.1f  (rouge_lite, no stemming; %zu docs)\n", name,
              100 * r1 / n, 100 * r2 / n, words / n, examples.size());
}

int run(const Args& args) {
  auto stop_text = read_file(args.stopwords);
  if (!stop_text.ok()) {
    std::cerr << stop_text.status().ToString() << "\n";
    return 2;
  }
  auto stopwords = parse_word_list(*stop_text, args.stopwords);
  if (!stopwords.ok()) {
    std::cerr << stopwords.status().ToString() << "\n";
    return 2;
  }
  std::vector<docpipe::testing::StageHarness> stages;
  for (const std::string& name : split(args.stages, ',')) {
    const std::string path = args.plugins + "/docpipe_" + name + ".so";
    void* lib = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);  // never closed
    if (lib == nullptr) {
      std::cerr << "cannot load " << path << ": " << dlerror() << "\n";
      return 2;
    }
    using EntryFn = const docpipe_plugin_entry_t* (*)();
    auto fn = reinterpret_cast<EntryFn>(dlsym(lib, DOCPIPE_ENTRY_SYMBOL_NAME));
    if (fn == nullptr) {
      std::cerr << path << ": no entry point\n";
      return 2;
    }
    auto h = docpipe::testing::StageHarness::create(fn());
    if (!h.ok()) {
      std::cerr << name << ": " << h.status().ToString() << "\n";
      return 2;
    }
    stages.push_back(std::move(*h));
  }

  const auto docs = read_jsonl(args.docs, "text");
  const auto refs = read_jsonl(args.refs, "reference");
  std::vector<Example> examples;
  for (const auto& [id, text] : docs) {
    auto ref = refs.find(id);
    if (ref == refs.end()) continue;
    if (args.limit > 0 && static_cast<int>(examples.size()) >= args.limit) break;
    Example ex;
    ex.doc = std::make_unique<Document>(id, text);
    bool ok = true;
    for (auto& s : stages) ok = ok && s.run(*ex.doc).ok();
    if (!ok) continue;
    ex.analysis = analyze(*ex.doc, *stopwords);
    const Hints hints = read_hints(*ex.doc, ex.analysis);
    ex.rows = compute_features(ex.analysis, hints);
    for (const SentenceInfo& s : ex.analysis.sentences) {
      ex.sentence_tokens.push_back(rouge_tokens(ex.analysis.text.substr(s.begin, s.end - s.begin)));
    }
    ex.reference = rouge_tokens(ref->second);
    ex.labels = oracle_labels(ex, args.oracle);
    if (args.soft > 0) {
      // Mix in each sentence's own ROUGE against the highlights, over the document's best.
      std::vector<double> own(ex.labels.size());
      double best = 0;
      for (std::size_t i = 0; i < own.size(); ++i) {
        const Rouge r = rouge(ex.sentence_tokens[i], ex.reference);
        own[i] = r.r1 + r.r2;
        best = std::max(best, own[i]);
      }
      for (std::size_t i = 0; i < own.size(); ++i) {
        const double soft = best > 0 ? own[i] / best : 0.0;
        ex.labels[i] = (1 - args.soft) * ex.labels[i] + args.soft * soft;
      }
    }
    examples.push_back(std::move(ex));
  }
  std::fprintf(stderr, "%zu documents\n", examples.size());

  Model model;
  if (!args.model.empty()) {
    auto text = read_file(args.model);
    if (!text.ok()) {
      std::cerr << text.status().ToString() << "\n";
      return 2;
    }
    auto m = parse_model(*text, args.model);
    if (!m.ok()) {
      std::cerr << m.status().ToString() << "\n";
      return 2;
    }
    model = *m;
  } else {
    model = train(examples, args.l2);
  }

  report("lead-3", examples, [](const Example& ex) {
    std::vector<std::uint32_t> c;
    for (std::uint32_t i = 0; i < 3 && i < ex.rows.size(); ++i) c.push_back(i);
    return c;
  });
  report("oracle", examples, [](const Example& ex) {
    std::vector<std::uint32_t> c;
    for (std::uint32_t i = 0; i < ex.labels.size(); ++i) {
      if (ex.labels[i] == 1.0) c.push_back(i);
    }
    return c;
  });
  for (const std::string& spec : split(args.budgets, ',')) {
    // "S:W": at most S sentences and W words (0: no word limit).
    const std::size_t colon = spec.find(':');
    Budget b;
    b.sentences = static_cast<std::uint32_t>(std::stoul(spec.substr(0, colon)));
    b.words = colon == std::string::npos
                  ? 0
                  : static_cast<std::uint32_t>(std::stoul(spec.substr(colon + 1)));
    const std::string name = "model " + spec;
    report(name.c_str(), examples, [&](const Example& ex) {
      std::vector<float> scores;
      for (const FeatureRow& r : ex.rows) scores.push_back(model.score(r));
      return select_sentences(ex.analysis, scores, b, true);
    });
  }

  if (!args.out.empty() && args.model.empty()) {
    std::ostringstream comment;
    comment << "Logistic sentence model trained by tools/train_summarizer.cc on " << examples.size()
            << " documents\n(stages " << args.stages << ", l2 " << args.l2 << ", oracle "
            << args.oracle << ", soft " << args.soft << "); see plugins/summarize/README.md.";
    std::ofstream out(args.out);
    out << format_model(model, comment.str());
    if (!out) {
      std::cerr << "cannot write " << args.out << "\n";
      return 2;
    }
    std::fprintf(stderr, "wrote %s\n", args.out.c_str());
  }
  return 0;
}

}  // namespace
}  // namespace docpipe::summarize::tools

int main(int argc, char** argv) {
  docpipe::summarize::tools::Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string k = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::cerr << k << " needs a value\n";
        std::exit(2);
      }
      return argv[++i];
    };
    if (k == "--plugins")
      a.plugins = next();
    else if (k == "--stages")
      a.stages = next();
    else if (k == "--docs")
      a.docs = next();
    else if (k == "--refs")
      a.refs = next();
    else if (k == "--out")
      a.out = next();
    else if (k == "--model")
      a.model = next();
    else if (k == "--stopwords")
      a.stopwords = next();
    else if (k == "--l2")
      a.l2 = std::stod(next());
    else if (k == "--soft")
      a.soft = std::stod(next());
    else if (k == "--oracle")
      a.oracle = std::stoi(next());
    else if (k == "--limit")
      a.limit = std::stoi(next());
    else if (k == "--budgets")
      a.budgets = next();
    else {
      std::cerr << "usage: train_summarizer --docs F --refs F [--plugins DIR] [--stages a,b] "
                   "[--out MODEL | --model MODEL] [--l2 X] [--oracle N] [--limit N]\n";
      return 2;
    }
  }
  if (a.docs.empty() || a.refs.empty()) {
    std::cerr << "--docs and --refs are required\n";
    return 2;
  }
  return docpipe::summarize::tools::run(a);
}
