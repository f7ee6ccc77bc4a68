// Measures how well the shared tokenizer reproduces the tokens of a CoNLL file on its
// space-joined text (the text conll2jsonl.py makes): a CoNLL token is "kept" when the segmenter
// makes exactly one token of it, and gold entity spans must start and end on token boundaries.
//
//   token_agreement FILE [--show N]     prints counts and the N most frequent split tokens
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <unordered_set>
#include <vector>

#include "conll_corpus.h"
#include "docpipe/text/segmenter.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: token_agreement FILE [--show N]\n");
    return 2;
  }
  int show = 30;
  if (argc >= 4 && std::string(argv[2]) == "--show") show = std::atoi(argv[3]);
  auto docs = docpipe::entities::read_conll(argv[1]);
  if (!docs.ok()) {
    std::fprintf(stderr, "%s\n", docs.status().ToString().c_str());
    return 1;
  }
  std::size_t conll_tokens = 0, kept = 0, bad_spans = 0, spans = 0;
  std::map<std::string, int> split;
  for (const auto& doc : *docs) {
    docpipe::Segmentation seg(doc.text);
    std::unordered_set<std::uint32_t> starts, ends;
    for (const auto& t : seg.tokens()) {
      starts.insert(t.begin);
      ends.insert(t.end);
    }
    std::size_t i = 0;
    const std::string& s = doc.text;
    while (i < s.size()) {
      if (s[i] == ' ' || s[i] == '\n') {
        ++i;
        continue;
      }
      std::size_t e = i;
      while (e < s.size() && s[e] != ' ' && s[e] != '\n') ++e;
      ++conll_tokens;
      const bool one =
          starts.count(static_cast<std::uint32_t>(i)) && ends.count(static_cast<std::uint32_t>(e));
      bool inner = false;
      for (std::size_t k = i + 1; k < e && !inner; ++k) inner = starts.count(k) > 0;
      if (one && !inner) {
        ++kept;
      } else {
        ++split[s.substr(i, e - i)];
      }
      i = e;
    }
    for (const auto& g : doc.entities) {
      ++spans;
      if (!starts.count(g.begin) || !ends.count(g.end)) ++bad_spans;
    }
  }
  std::printf(
      "CoNLL tokens %zu, kept whole %zu (%.4f%%), split %zu; gold spans %zu, off "
      "token boundaries %zu\n",
      conll_tokens, kept, 100.0 * kept / std::max<std::size_t>(1, conll_tokens),
      conll_tokens - kept, spans, bad_spans);
  std::vector<std::pair<int, std::string>> top;
  for (auto& [w, n] : split) top.emplace_back(-n, w);
  std::sort(top.begin(), top.end());
  for (int k = 0; k < show && k < static_cast<int>(top.size()); ++k) {
    std::printf("%6d  %s\n", -top[k].first, top[k].second.c_str());
  }
  return bad_spans == 0 ? 0 : 1;
}
