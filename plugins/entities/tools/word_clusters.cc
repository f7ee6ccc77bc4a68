// Learns word classes from unlabeled text with the exchange algorithm (Kneser & Ney 1993;
// Martin, Liermann & Ney 1998): words are moved between K classes to maximise the likelihood
// of a class bigram model, sum N(c,d) log N(c,d) - sum N(c) log N(c) - sum N(d) log N(d).
// Several class counts give features of several granularities.
//
//   word_clusters OUT.tsv --classes 64,256,1024 [--min-count 3] [--iterations 12] INPUT...
//
// INPUT: files or folders (recursive). *.jsonl lines contribute their "text" field; *.tml and
// other XML lose their tags; other files are plain text. Text is tokenized with the shared
// segmenter; sentence starts are marked. Output: "word<TAB>class_1<TAB>class_2..." for every
// word seen at least --min-count times, most frequent first, after a "#" header line.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "docpipe/text/segmenter.h"

namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string strip_tags(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  bool in_tag = false;
  for (char c : s) {
    if (c == '<') {
      in_tag = true;
      out += ' ';
    } else if (c == '>') {
      in_tag = false;
    } else if (!in_tag) {
      out += c;
    }
  }
  // Undo the common XML entities.
  std::string r;
  for (std::size_t i = 0; i < out.size(); ++i) {
    if (out[i] == '&') {
      static const std::pair<const char*, char> kEnt[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (auto [e, c] : kEnt) {
        if (out.compare(i, std::strlen(e), e) == 0) {
          r += c;
          i += std::strlen(e) - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    r += out[i];
  }
  return r;
}

// Extracts "text" string values from a JSONL line (enough JSON for this purpose).
std::string jsonl_text(const std::string& line) {
  const std::size_t k = line.find("\"text\"");
  if (k == std::string::npos) return {};
  std::size_t i = line.find('"', line.find(':', k) + 1);
  if (i == std::string::npos) return {};
  std::string out;
  for (++i; i < line.size() && line[i] != '"'; ++i) {
    if (line[i] == '\\' && i + 1 < line.size()) {
      const char c = line[++i];
      if (c == 'n') {
        out += '\n';
      } else if (c == 't') {
        out += ' ';
      } else if (c == 'u' && i + 4 < line.size()) {
        const unsigned cp = std::stoul(line.substr(i + 1, 4), nullptr, 16);
        i += 4;
        if (cp < 0x80) {
          out += static_cast<char>(cp);
        } else if (cp < 0x800) {
          out += static_cast<char>(0xC0 | (cp >> 6));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        } else {
          out += static_cast<char>(0xE0 | (cp >> 12));
          out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
          out += static_cast<char>(0x80 | (cp & 0x3F));
        }
      } else {
        out += c;
      }
    } else {
      out += line[i];
    }
  }
  return out;
}

struct Corpus {
  std::unordered_map<std::string, int> ids;
  std::vector<std::string> words;
  std::vector<long> counts;
  std::vector<int> stream;  // word ids; 0 is the sentence boundary

  Corpus() { id("<s>"); }
  int id(const std::string& w) {
    auto [it, fresh] = ids.try_emplace(w, static_cast<int>(words.size()));
    if (fresh) {
      words.push_back(w);
      counts.push_back(0);
    }
    return it->second;
  }
  void add_text(const std::string& text) {
    docpipe::Segmentation seg(text);
    for (const auto& s : seg.sentences()) {
      stream.push_back(0);
      ++counts[0];
      for (const auto& t : seg.tokens_of(s)) {
        const int w = id(std::string(seg.text_of(t)));
        stream.push_back(w);
        ++counts[w];
      }
    }
  }
  void add_path(const fs::path& p) {
    if (fs::is_directory(p)) {
      std::vector<fs::path> files;
      for (const auto& e : fs::recursive_directory_iterator(p)) {
        if (e.is_regular_file()) files.push_back(e.path());
      }
      std::sort(files.begin(), files.end());
      for (const auto& f : files) add_path(f);
      return;
    }
    const std::string ext = p.extension().string();
    if (ext == ".jsonl") {
      std::ifstream in(p);
      std::string line;
      while (std::getline(in, line)) add_text(jsonl_text(line));
    } else if (ext == ".tml" || ext == ".xml") {
      add_text(strip_tags(read_all(p)));
    } else {
      add_text(read_all(p));
    }
  }
};

inline double xlogx(double x) { return x > 0 ? x * std::log(x) : 0.0; }

// One exchange clustering of the vocabulary [0, V) into K classes.
std::vector<int> exchange(const std::vector<int>& stream, const std::vector<long>& counts, int V,
                          int K, int iterations) {
  // Neighbour lists per word: (other word, count) to the right and to the left.
  std::vector<std::unordered_map<int, int>> right(V), left(V);
  for (std::size_t i = 0; i + 1 < stream.size(); ++i) {
    const int a = stream[i], b = stream[i + 1];
    if (a < 0 || b < 0) continue;
    ++right[a][b];
    ++left[b][a];
  }
  std::vector<std::vector<std::pair<int, int>>> R(V), L(V);
  std::vector<long> nl(V, 0), nr(V, 0);
  for (int w = 0; w < V; ++w) {
    R[w].assign(right[w].begin(), right[w].end());
    L[w].assign(left[w].begin(), left[w].end());
    for (auto& [v, n] : R[w]) nl[w] += n;
    for (auto& [u, n] : L[w]) nr[w] += n;
  }
  right.clear();
  left.clear();
  std::vector<int> cls(V);
  for (int w = 0; w < V; ++w) cls[w] = w % K;  // words are in frequency order
  std::vector<double> N(static_cast<std::size_t>(K) * K, 0.0), Nl(K, 0.0), Nr(K, 0.0);
  auto at = [&](int c, int d) -> double& { return N[static_cast<std::size_t>(c) * K + d]; };
  for (int w = 0; w < V; ++w) {
    for (auto& [v, n] : R[w]) at(cls[w], cls[v]) += n;
    Nl[cls[w]] += nl[w];
    Nr[cls[w]] += nr[w];
  }
  std::vector<double> Rw(K), Lw(K);
  std::vector<int> touched_r, touched_l;
  for (int it = 0; it < iterations; ++it) {
    long moved = 0;
    for (int w = 1; w < V; ++w) {  // the boundary symbol keeps its class
      const int a = cls[w];
      // Class profile of w's neighbours (self pairs apart).
      touched_r.clear();
      touched_l.clear();
      double self = 0;
      for (auto& [v, n] : R[w]) {
        if (v == w) {
          self += n;
          continue;
        }
        if (Rw[cls[v]] == 0) touched_r.push_back(cls[v]);
        Rw[cls[v]] += n;
      }
      for (auto& [u, n] : L[w]) {
        if (u == w) continue;
        if (Lw[cls[u]] == 0) touched_l.push_back(cls[u]);
        Lw[cls[u]] += n;
      }
      // Take w out of class a.
      for (int d : touched_r) at(a, d) -= Rw[d];
      for (int c : touched_l) at(c, a) -= Lw[c];
      at(a, a) -= self;
      Nl[a] -= nl[w];
      Nr[a] -= nr[w];
      // Gain of putting w into class b.
      auto gain = [&](int b) {
        double g = 0;
        for (int d : touched_r) {
          if (d == b) continue;
          g += xlogx(at(b, d) + Rw[d]) - xlogx(at(b, d));
        }
        for (int c : touched_l) {
          if (c == b) continue;
          g += xlogx(at(c, b) + Lw[c]) - xlogx(at(c, b));
        }
        g += xlogx(at(b, b) + Rw[b] + Lw[b] + self) - xlogx(at(b, b));
        g -= xlogx(Nl[b] + nl[w]) - xlogx(Nl[b]);
        g -= xlogx(Nr[b] + nr[w]) - xlogx(Nr[b]);
        return g;
      };
      int best = a;
      double best_gain = gain(a);
      for (int b = 0; b < K; ++b) {
        if (b == a) continue;
        const double g = gain(b);
        if (g > best_gain + 1e-9) {
          best_gain = g;
          best = b;
        }
      }
      for (int d : touched_r) at(best, d) += Rw[d];
      for (int c : touched_l) at(c, best) += Lw[c];
      at(best, best) += self;
      Nl[best] += nl[w];
      Nr[best] += nr[w];
      if (best != a) ++moved;
      cls[w] = best;
      for (int d : touched_r) Rw[d] = 0;
      for (int c : touched_l) Lw[c] = 0;
    }
    std::fprintf(stderr, "K=%d iteration %d: %ld words moved\n", K, it + 1, moved);
    if (moved < V / 1000) break;
  }
  return cls;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: word_clusters OUT.tsv --classes 64,256,1024 [--min-count 3] "
                 "[--iterations 12] INPUT...\n");
    return 2;
  }
  const std::string out_path = argv[1];
  std::vector<int> ks;
  int min_count = 3, iterations = 12;
  std::vector<std::string> inputs;
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--classes" && i + 1 < argc) {
      std::stringstream ss(argv[++i]);
      std::string k;
      while (std::getline(ss, k, ',')) ks.push_back(std::stoi(k));
    } else if (a == "--min-count" && i + 1 < argc) {
      min_count = std::stoi(argv[++i]);
    } else if (a == "--iterations" && i + 1 < argc) {
      iterations = std::stoi(argv[++i]);
    } else {
      inputs.push_back(a);
    }
  }
  if (ks.empty()) ks = {64, 256, 1024};
  Corpus corpus;
  for (const auto& in : inputs) {
    if (!fs::exists(in)) {
      std::fprintf(stderr, "no such input: %s\n", in.c_str());
      return 1;
    }
    corpus.add_path(in);
  }
  // Renumber words by frequency; rare words become -1 (left out of the bigrams).
  const int n_words = static_cast<int>(corpus.words.size());
  std::vector<int> order(n_words);
  for (int i = 0; i < n_words; ++i) order[i] = i;
  std::stable_sort(order.begin() + 1, order.end(),
                   [&](int a, int b) { return corpus.counts[a] > corpus.counts[b]; });
  std::vector<int> new_id(n_words, -1);
  int V = 0;
  for (int w : order) {
    if (w == 0 || corpus.counts[w] >= min_count) new_id[w] = V++;
  }
  std::vector<int> stream(corpus.stream.size());
  for (std::size_t i = 0; i < stream.size(); ++i) stream[i] = new_id[corpus.stream[i]];
  std::vector<long> counts(V);
  std::vector<std::string> words(V);
  for (int w = 0; w < n_words; ++w) {
    if (new_id[w] >= 0) {
      counts[new_id[w]] = corpus.counts[w];
      words[new_id[w]] = corpus.words[w];
    }
  }
  std::fprintf(stderr, "%zu tokens, %d word types, %d with count >= %d\n", stream.size(), n_words,
               V, min_count);
  std::vector<std::vector<int>> classes;
  for (int k : ks) classes.push_back(exchange(stream, counts, V, k, iterations));
  std::ofstream out(out_path);
  out << "# word classes (exchange algorithm), K =";
  for (int k : ks) out << ' ' << k;
  out << "; " << stream.size() << " tokens of unlabeled news text; min count " << min_count << "\n";
  for (int w = 1; w < V; ++w) {
    out << words[w];
    for (const auto& c : classes) out << '\t' << c[w];
    out << '\n';
  }
  return 0;
}
