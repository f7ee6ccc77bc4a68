// Trains the entity model (two averaged-perceptron BILOU taggers) from CoNLL-2003 files.
//
//   train_ner --train TRAIN.txt [--train MORE.txt] --dev VALID.txt --gazetteer data/gazetteer.tsv
//             --classes data/word_classes.tsv --out data/ner.model
//             [--epochs 15] [--epochs2 15] [--folds 8] [--seed 7]
//
// Pass 1 is trained on all training documents. Pass 2 needs pass-1 decisions on the training
// documents that look like decisions on unseen text, so they come from a jackknife: pass 1 is
// trained on all folds but one and tags the one left out; the temperature of pass 1's type
// probabilities is calibrated on those held-out decisions. The dev file is only used to report
// scores and to calibrate the confidence temperature of pass 2. Training is deterministic: the
// same command writes the same bytes.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "conll_corpus.h"
#include "docpipe/resources.h"
#include "docpipe/text/segmenter.h"
#include "ner_features.h"
#include "ner_model.h"
#include "tagger.h"

namespace docpipe::entities {
namespace {

struct Options {
  std::vector<std::string> train;
  std::string dev, gazetteer, classes, out;
  int epochs = 15;
  int epochs2 = 15;
  int folds = 8;
  unsigned seed = 7;
};

// A training or dev document: text, segmentation, token information and gold tags.
struct Doc {
  ConllDocument conll;
  std::unique_ptr<Segmentation> seg;
  DocumentTokens tokens;
  std::vector<Tag> gold;
};

// Features of every token as dictionary rows (CSR).
struct FeatureRows {
  std::vector<std::uint32_t> offsets{0};
  std::vector<std::uint32_t> rows;
  std::span<const std::uint32_t> of(std::size_t token) const {
    return {rows.data() + offsets[token], offsets[token + 1] - offsets[token]};
  }
};

double now_seconds() {
  using namespace std::chrono;
  return duration<double>(steady_clock::now().time_since_epoch()).count();
}

std::vector<Doc> load_docs(const std::string& path, const FeatureExtractor& fx,
                           std::size_t& dropped) {
  auto conll = read_conll(path);
  if (!conll.ok()) {
    std::fprintf(stderr, "%s\n", conll.status().ToString().c_str());
    std::exit(1);
  }
  std::vector<Doc> docs(conll->size());
  for (std::size_t d = 0; d < docs.size(); ++d) {
    Doc& doc = docs[d];
    doc.conll = std::move((*conll)[d]);
    doc.seg = std::make_unique<Segmentation>(doc.conll.text);
    fx.prepare(*doc.seg, doc.tokens);
    // Gold spans onto tokens; a span must start and end on token boundaries in one sentence.
    const auto toks = doc.seg->tokens();
    std::vector<std::uint32_t> sentence_of(toks.size());
    for (std::uint32_t s = 0; s < doc.tokens.sentences.size(); ++s) {
      for (std::uint32_t i = doc.tokens.sentences[s].first; i < doc.tokens.sentences[s].second;
           ++i) {
        sentence_of[i] = s;
      }
    }
    std::vector<TokenSpan> spans;
    for (const GoldEntity& g : doc.conll.entities) {
      EntityType type;
      if (!parse_label(g.label, type)) {
        ++dropped;
        continue;
      }
      auto first = std::lower_bound(toks.begin(), toks.end(), g.begin,
                                    [](const Token& t, std::uint32_t b) { return t.begin < b; });
      auto last = std::lower_bound(toks.begin(), toks.end(), g.end,
                                   [](const Token& t, std::uint32_t e) { return t.end < e; });
      if (first == toks.end() || last == toks.end() || first->begin != g.begin ||
          last->end != g.end) {
        ++dropped;
        continue;
      }
      const auto fi = static_cast<std::uint32_t>(first - toks.begin());
      const auto li = static_cast<std::uint32_t>(last - toks.begin());
      if (sentence_of[fi] != sentence_of[li]) {
        ++dropped;
        continue;
      }
      spans.push_back(TokenSpan{fi, li, type});
    }
    doc.gold = tags_of(spans, toks.size());
  }
  return docs;
}

// Averaged structured perceptron over dictionary rows.
class Perceptron {
 public:
  explicit Perceptron(std::size_t rows) : w_(rows * kTagCount, 0.0f), acc_(rows * kTagCount, 0.0) {}

  void train_sentence(const FeatureRows& feats, std::size_t base, std::span<const Tag> gold,
                      LinearModel& scratch_model) {
    ++clock_;
    const std::size_t n = gold.size();
    em_.assign(n, Scores{});
    for (std::size_t i = 0; i < n; ++i) {
      for (std::uint32_t r : feats.of(base + i)) {
        const float* w = &w_[static_cast<std::size_t>(r) * kTagCount];
        for (int t = 0; t < kTagCount; ++t) em_[i][t] += w[t];
      }
    }
    copy_transitions(scratch_model);
    viterbi(scratch_model, em_, pred_);
    bool same = true;
    for (std::size_t i = 0; i < n && same; ++i) same = pred_[i] == gold[i];
    if (same) return;
    for (std::size_t i = 0; i < n; ++i) {
      if (pred_[i] == gold[i]) continue;
      for (std::uint32_t r : feats.of(base + i)) {
        bump(r * kTagCount + gold[i], 1.0f);
        bump(r * kTagCount + pred_[i], -1.0f);
      }
    }
    for (std::size_t i = 0; i <= n; ++i) {
      const Tag gp = i == 0 ? 255 : gold[i - 1], pp = i == 0 ? 255 : pred_[i - 1];
      const Tag gn = i == n ? 255 : gold[i], pn = i == n ? 255 : pred_[i];
      if (gp == pp && gn == pn) continue;
      trans_bump(gp, gn, 1.0f);
      trans_bump(pp, pn, -1.0f);
    }
  }

  // Averaged weights into `model` (its index must be the dictionary).
  void average_into(LinearModel& model) const {
    const double c = static_cast<double>(std::max<std::uint64_t>(clock_, 1));
    model.weights.resize(w_.size());
    for (std::size_t k = 0; k < w_.size(); ++k) {
      model.weights[k] = static_cast<float>(w_[k] - acc_[k] / c);
    }
    for (int a = 0; a < kTagCount; ++a) {
      for (int b = 0; b < kTagCount; ++b) {
        model.transition[a][b] = static_cast<float>(tw_[a][b] - tacc_[a][b] / c);
      }
      model.start[a] = static_cast<float>(sw_[a] - sacc_[a] / c);
      model.end[a] = static_cast<float>(ew_[a] - eacc_[a] / c);
    }
  }

 private:
  void bump(std::size_t k, float d) {
    w_[k] += d;
    acc_[k] += static_cast<double>(clock_) * d;
  }
  void trans_bump(Tag prev, Tag next, float d) {
    const double cd = static_cast<double>(clock_) * d;
    if (prev == 255) {
      sw_[next] += d;
      sacc_[next] += cd;
    } else if (next == 255) {
      ew_[prev] += d;
      eacc_[prev] += cd;
    } else {
      tw_[prev][next] += d;
      tacc_[prev][next] += cd;
    }
  }
  void copy_transitions(LinearModel& m) const {
    for (int a = 0; a < kTagCount; ++a) {
      for (int b = 0; b < kTagCount; ++b) m.transition[a][b] = static_cast<float>(tw_[a][b]);
      m.start[a] = static_cast<float>(sw_[a]);
      m.end[a] = static_cast<float>(ew_[a]);
    }
  }

  std::vector<float> w_;
  std::vector<double> acc_;
  double tw_[kTagCount][kTagCount] = {}, tacc_[kTagCount][kTagCount] = {};
  double sw_[kTagCount] = {}, sacc_[kTagCount] = {}, ew_[kTagCount] = {}, eacc_[kTagCount] = {};
  std::uint64_t clock_ = 0;
  std::vector<Scores> em_;
  std::vector<Tag> pred_;
};

// Token offsets of each document in the CSR.
std::vector<std::size_t> doc_bases(const std::vector<Doc>& docs) {
  std::vector<std::size_t> bases(docs.size() + 1, 0);
  for (std::size_t d = 0; d < docs.size(); ++d) bases[d + 1] = bases[d] + docs[d].gold.size();
  return bases;
}

Perceptron train(const std::vector<Doc>& docs, const std::vector<std::size_t>& doc_ids,
                 const FeatureRows& feats, std::size_t rows, int epochs, unsigned seed,
                 const char* what) {
  const std::vector<std::size_t> bases = doc_bases(docs);
  // Sentence list: (doc, first, last).
  std::vector<std::array<std::size_t, 3>> sentences;
  for (std::size_t d : doc_ids) {
    for (const auto& [f, l] : docs[d].tokens.sentences) sentences.push_back({d, f, l});
  }
  Perceptron p(rows);
  LinearModel scratch;
  std::mt19937 rng(seed);
  for (int e = 0; e < epochs; ++e) {
    const double t0 = now_seconds();
    std::shuffle(sentences.begin(), sentences.end(), rng);
    for (const auto& [d, f, l] : sentences) {
      const std::span<const Tag> gold(docs[d].gold.data() + f, l - f);
      p.train_sentence(feats, bases[d] + f, gold, scratch);
    }
    std::fprintf(stderr, "  %s epoch %d/%d (%.1fs)\n", what, e + 1, epochs, now_seconds() - t0);
  }
  return p;
}

// Features of all tokens (pass 1, or pass 2 when first-pass tags are given) as rows.
FeatureRows extract(const std::vector<Doc>& docs, const FeatureExtractor& fx, FeatureIndex& dict,
                    const std::vector<std::vector<Tag>>* first_pass,
                    const std::vector<std::vector<TypeProbs>>* first_probs = nullptr) {
  FeatureRows out;
  std::vector<std::uint64_t> f;
  for (std::size_t d = 0; d < docs.size(); ++d) {
    const Doc& doc = docs[d];
    FeatureExtractor::FirstPass summary;
    if (first_pass) {
      summary = first_probs ? fx.summarize(doc.tokens, (*first_pass)[d], (*first_probs)[d])
                            : fx.summarize(doc.tokens, (*first_pass)[d]);
    }
    for (const auto& [first, last] : doc.tokens.sentences) {
      for (std::uint32_t i = first; i < last; ++i) {
        f.clear();
        fx.local_features(doc.tokens, first, last, i, f);
        if (first_pass) fx.document_features(doc.tokens, summary, first, last, i, f);
        for (std::uint64_t h : f) out.rows.push_back(dict.insert(h));
        out.offsets.push_back(static_cast<std::uint32_t>(out.rows.size()));
      }
    }
    // Tokens outside every sentence (none in practice) get no features.
    std::size_t expected = 0;
    for (std::size_t k = 0; k <= d; ++k) expected += docs[k].gold.size();
    while (out.offsets.size() < expected + 1) out.offsets.push_back(out.offsets.back());
  }
  return out;
}

// Tags documents with a model over dictionary rows (CSR) — for the jackknife.
void tag_rows(const std::vector<Doc>& docs, const std::vector<std::size_t>& doc_ids,
              const FeatureRows& feats, const LinearModel& m, std::vector<std::vector<Tag>>& out,
              std::vector<std::vector<Scores>>& emissions) {
  const std::vector<std::size_t> bases = doc_bases(docs);
  std::vector<Scores> em;
  std::vector<Tag> best;
  for (std::size_t d : doc_ids) {
    out[d].assign(docs[d].gold.size(), kOutside);
    emissions[d].assign(docs[d].gold.size(), Scores{});
    for (const auto& [f, l] : docs[d].tokens.sentences) {
      em.assign(l - f, Scores{});
      for (std::uint32_t i = f; i < l; ++i) {
        for (std::uint32_t r : feats.of(bases[d] + i)) {
          const float* w = &m.weights[static_cast<std::size_t>(r) * kTagCount];
          for (int t = 0; t < kTagCount; ++t) em[i - f][t] += w[t];
        }
      }
      viterbi(m, em, best);
      std::copy(best.begin(), best.end(), out[d].begin() + f);
      std::copy(em.begin(), em.end(), emissions[d].begin() + f);
    }
  }
}

// The pass-1 temperature whose type probabilities best predict the gold types of held-out
// (jackknifed) training tokens, by log loss.
float calibrate_first_pass(const std::vector<Doc>& docs,
                           const std::vector<std::vector<Scores>>& emissions,
                           const std::vector<const LinearModel*>& model_of_doc) {
  float best_t = 1.0f;
  double best_loss = 1e300;
  std::vector<TypeProbs> probs;
  for (float t : {2.0f, 4.0f, 8.0f, 12.0f, 16.0f, 24.0f, 32.0f, 48.0f, 64.0f}) {
    double loss = 0;
    long n = 0;
    for (std::size_t d = 0; d < docs.size(); ++d) {
      type_probabilities(*model_of_doc[d], docs[d].tokens, emissions[d], t, probs);
      for (std::size_t i = 0; i < probs.size(); ++i) {
        if (docs[d].tokens.tokens[i].case_class == CaseClass::kNone) continue;
        const Tag g = docs[d].gold[i];
        float p = 1.0f;
        for (float x : probs[i]) p -= x;
        if (g != kOutside) p = probs[i][static_cast<int>(type_of(g))];
        loss -= std::log(std::clamp(static_cast<double>(p), 1e-6, 1.0));
        ++n;
      }
    }
    loss /= std::max<long>(n, 1);
    std::fprintf(stderr, "  pass-1 temperature %.0f: log loss %.4f\n", t, loss);
    if (loss < best_loss) {
      best_loss = loss;
      best_t = t;
    }
  }
  return best_t;
}

struct Counts {
  std::map<std::string, std::array<long, 3>> by_type;  // tp, system, gold
  void add(const std::vector<TokenSpan>& gold, const std::vector<TokenSpan>& sys) {
    for (const auto& g : gold) ++by_type[std::string(label_of(g.type))][2];
    for (const auto& s : sys) {
      ++by_type[std::string(label_of(s.type))][1];
      if (std::find(gold.begin(), gold.end(), s) != gold.end()) {
        ++by_type[std::string(label_of(s.type))][0];
      }
    }
  }
  static double f1(long tp, long sys, long gold) {
    const double p = sys ? double(tp) / sys : 0, r = gold ? double(tp) / gold : 0;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double overall() const {
    long tp = 0, s = 0, g = 0;
    for (auto& [k, v] : by_type) {
      tp += v[0];
      s += v[1];
      g += v[2];
    }
    return f1(tp, s, g);
  }
  std::string report() const {
    std::string out;
    char buf[160];
    for (auto& [k, v] : by_type) {
      std::snprintf(buf, sizeof buf, "%s %.4f  ", k.c_str(), f1(v[0], v[1], v[2]));
      out += buf;
    }
    std::snprintf(buf, sizeof buf, "all %.4f", overall());
    return out + buf;
  }
};

// Dev scores of pass 1 and pass 2 (token-span exact match), as the plugin would tag.
std::pair<Counts, Counts> evaluate(const std::vector<Doc>& dev, const FeatureExtractor& fx,
                                   const NerModel& model) {
  Counts c1, c2;
  std::vector<Tag> t1, t2;
  std::vector<Scores> em;
  std::vector<TypeProbs> probs;
  for (const Doc& doc : dev) {
    tag_document(model.first_pass, fx, doc.tokens, nullptr, t1, &em);
    type_probabilities(model.first_pass, doc.tokens, em, model.first_pass_temperature, probs);
    const auto summary = fx.summarize(doc.tokens, t1, probs);
    tag_document(model.second_pass, fx, doc.tokens, &summary, t2);
    const auto gold = spans_of(doc.gold);
    c1.add(gold, spans_of(t1));
    c2.add(gold, spans_of(t2));
  }
  return {c1, c2};
}

// The temperature whose mention confidences best predict correctness on dev (log loss).
float calibrate(const std::vector<Doc>& dev, const NerModel& model) {
  Tagger tagger(model);
  struct Seen {
    std::vector<std::pair<float, bool>> logp;
  };
  float best_t = 1.0f;
  double best_loss = 1e300;
  for (float t : {2.0f, 4.0f, 8.0f, 12.0f, 16.0f, 24.0f, 32.0f, 48.0f, 64.0f}) {
    NerModel& m = const_cast<NerModel&>(model);
    m.temperature = t;
    double loss = 0;
    long n = 0;
    DocumentTokens scratch;
    for (const Doc& doc : dev) {
      const auto gold = spans_of(doc.gold);
      for (const Mention& mention : tagger.tag(*doc.seg, scratch)) {
        const TokenSpan s{mention.first_token, mention.last_token, mention.type};
        const bool correct = std::find(gold.begin(), gold.end(), s) != gold.end();
        const double p = std::clamp(static_cast<double>(mention.confidence), 1e-4, 1 - 1e-4);
        loss -= correct ? std::log(p) : std::log(1 - p);
        ++n;
      }
    }
    loss /= std::max<long>(n, 1);
    std::fprintf(stderr, "  temperature %.1f: log loss %.4f\n", t, loss);
    if (loss < best_loss) {
      best_loss = loss;
      best_t = t;
    }
  }
  const_cast<NerModel&>(model).temperature = best_t;
  return best_t;
}

int run(const Options& o) {
  const double t_start = now_seconds();
  auto model = std::make_unique<NerModel>();
  auto gaz = read_file(o.gazetteer);
  auto cls = read_file(o.classes);
  if (!gaz.ok() || !cls.ok()) {
    std::fprintf(stderr, "%s\n", (!gaz.ok() ? gaz.status() : cls.status()).ToString().c_str());
    return 1;
  }
  model->gazetteer_tsv = std::move(*gaz);
  model->classes_tsv = std::move(*cls);
  if (Status s = model->finish(); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  FeatureExtractor fx(model->gazetteer, model->classes);
  std::size_t dropped = 0;
  std::vector<Doc> train_docs;
  for (const std::string& path : o.train) {
    std::vector<Doc> docs = load_docs(path, fx, dropped);
    for (Doc& d : docs) train_docs.push_back(std::move(d));
  }
  std::vector<Doc> dev_docs;
  if (!o.dev.empty()) dev_docs = load_docs(o.dev, fx, dropped);
  std::fprintf(stderr,
               "%zu training documents, %zu dev documents, %zu gold spans dropped "
               "(off token boundaries); gazetteer %zu phrases, %zu word classes\n",
               train_docs.size(), dev_docs.size(), dropped, model->gazetteer.size(),
               model->classes.size());

  // Pass 1: features, jackknifed decisions on the training set, the final pass-1 model.
  FeatureIndex dict1;
  const FeatureRows rows1 = extract(train_docs, fx, dict1, nullptr);
  std::fprintf(stderr, "pass 1: %u features\n", dict1.size());
  std::vector<std::vector<Tag>> jack(train_docs.size());
  std::vector<std::vector<Scores>> jack_emissions(train_docs.size());
  std::vector<std::thread> workers;
  std::vector<LinearModel> fold_models(o.folds);
  auto run_fold = [&](int k) {
    std::vector<std::size_t> in, out;
    for (std::size_t d = 0; d < train_docs.size(); ++d) {
      (static_cast<int>(d % o.folds) == k ? out : in).push_back(d);
    }
    Perceptron p = train(train_docs, in, rows1, dict1.size(), o.epochs, o.seed + k, "fold");
    p.average_into(fold_models[k]);
    tag_rows(train_docs, out, rows1, fold_models[k], jack, jack_emissions);
    fold_models[k].weights.clear();
    fold_models[k].weights.shrink_to_fit();
  };
  // Two folds at a time (the machine has two cores).
  for (int k = 0; k < o.folds; k += 2) {
    std::thread second;
    if (k + 1 < o.folds) second = std::thread(run_fold, k + 1);
    run_fold(k);
    if (second.joinable()) second.join();
  }
  {
    Perceptron p = train(
        train_docs,
        [&] {
          std::vector<std::size_t> all(train_docs.size());
          std::iota(all.begin(), all.end(), 0);
          return all;
        }(),
        rows1, dict1.size(), o.epochs, o.seed, "pass 1");
    model->first_pass.index = dict1;
    p.average_into(model->first_pass);
  }
  // Pass-1 type probabilities of the training tokens (jackknifed), at a calibrated temperature.
  std::vector<const LinearModel*> model_of_doc(train_docs.size());
  for (std::size_t d = 0; d < train_docs.size(); ++d) model_of_doc[d] = &fold_models[d % o.folds];
  model->first_pass_temperature = calibrate_first_pass(train_docs, jack_emissions, model_of_doc);
  std::vector<std::vector<TypeProbs>> jack_probs(train_docs.size());
  for (std::size_t d = 0; d < train_docs.size(); ++d) {
    type_probabilities(*model_of_doc[d], train_docs[d].tokens, jack_emissions[d],
                       model->first_pass_temperature, jack_probs[d]);
  }
  jack_emissions.clear();
  // Pass 2 over pass-1 features plus document features from the jackknifed decisions.
  FeatureIndex dict2;
  const FeatureRows rows2 = extract(train_docs, fx, dict2, &jack, &jack_probs);
  std::fprintf(stderr, "pass 2: %u features\n", dict2.size());
  {
    std::vector<std::size_t> all(train_docs.size());
    std::iota(all.begin(), all.end(), 0);
    Perceptron p = train(train_docs, all, rows2, dict2.size(), o.epochs2, o.seed + 100, "pass 2");
    model->second_pass.index = dict2;
    p.average_into(model->second_pass);
  }
  std::string scores;
  if (!dev_docs.empty()) {
    auto [c1, c2] = evaluate(dev_docs, fx, *model);
    std::fprintf(stderr, "dev pass 1: %s\ndev pass 2: %s\n", c1.report().c_str(),
                 c2.report().c_str());
    scores = "; dev F1 (token spans) " + c2.report();
    calibrate(dev_docs, *model);
  }
  char buf[256];
  std::snprintf(buf, sizeof buf, "train_ner epochs %d/%d folds %d seed %u; trained on", o.epochs,
                o.epochs2, o.folds, o.seed);
  model->description = buf;
  for (const std::string& path : o.train) {
    model->description += " " + std::filesystem::path(path).filename().string();
  }
  model->description += scores;
  // Round-trip through the file format so the scores above hold for the saved (quantized) model.
  const std::string bytes = serialize_model(*model);
  auto reread = parse_model(bytes, o.out);
  if (!reread.ok()) {
    std::fprintf(stderr, "%s\n", reread.status().ToString().c_str());
    return 1;
  }
  if (!dev_docs.empty()) {
    FeatureExtractor fx2((*reread)->gazetteer, (*reread)->classes);
    auto [q1, q2] = evaluate(dev_docs, fx2, **reread);
    std::fprintf(stderr, "dev pass 2 after quantization: %s\n", q2.report().c_str());
  }
  if (Status s = save_model(*model, o.out); !s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 1;
  }
  std::fprintf(stderr, "wrote %s (%zu bytes, temperatures %.0f/%.0f) in %.0fs\n", o.out.c_str(),
               bytes.size(), model->first_pass_temperature, model->temperature,
               now_seconds() - t_start);
  return 0;
}

}  // namespace
}  // namespace docpipe::entities

int main(int argc, char** argv) {
  docpipe::entities::Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s needs a value\n", a.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (a == "--train") {
      o.train.push_back(next());
    } else if (a == "--dev") {
      o.dev = next();
    } else if (a == "--gazetteer") {
      o.gazetteer = next();
    } else if (a == "--classes") {
      o.classes = next();
    } else if (a == "--out") {
      o.out = next();
    } else if (a == "--epochs") {
      o.epochs = std::stoi(next());
    } else if (a == "--epochs2") {
      o.epochs2 = std::stoi(next());
    } else if (a == "--folds") {
      o.folds = std::max(2, std::stoi(next()));
    } else if (a == "--seed") {
      o.seed = static_cast<unsigned>(std::stoul(next()));
    } else {
      std::fprintf(stderr, "unknown argument %s\n", a.c_str());
      return 2;
    }
  }
  if (o.train.empty() || o.gazetteer.empty() || o.classes.empty() || o.out.empty()) {
    std::fprintf(stderr,
                 "usage: train_ner --train TRAIN.txt [--dev VALID.txt] --gazetteer G.tsv "
                 "--classes C.tsv --out MODEL [--epochs N] [--epochs2 N] [--folds K] "
                 "[--seed S]\n");
    return 2;
  }
  return docpipe::entities::run(o);
}
