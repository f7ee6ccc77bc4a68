#include "keyphrases.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace docpipe::summarize {
namespace {

constexpr std::uint32_t kWindow = 3;  // co-occurrence window, in words
constexpr std::uint32_t kMaxPhraseWords = 4;
constexpr int kIterations = 25;
constexpr float kDamping = 0.85f;

bool has_letter(std::string_view w) noexcept {
  for (char c : w) {
    if ((c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80) return true;
  }
  return false;
}

}  // namespace

std::vector<Keyphrase> extract_keyphrases(const Analysis& a, const Segmentation& seg,
                                          std::size_t limit) {
  std::vector<Keyphrase> out;
  if (limit == 0 || a.words.empty()) return out;
  const auto tokens = seg.tokens();
  const std::size_t v = a.vocabulary.size();
  std::vector<bool> candidate(v, false);
  for (std::uint32_t id = 0; id < v; ++id) {
    candidate[id] = a.vocabulary[id].size() >= 2 && has_letter(a.vocabulary[id]);
  }
  auto is_candidate = [&](const WordRef& w) {
    return !w.stop && candidate[w.id] && tokens[w.token].kind == TokenKind::kWord;
  };

  // Position bias in reading order: the lead first, then what follows it, then what precedes.
  std::vector<float> bias(v, 0.0f);
  const std::uint32_t lead_word =
      a.lead_sentence < a.sentences.size() ? a.sentences[a.lead_sentence].first_word : 0;
  const auto total = static_cast<std::uint32_t>(a.words.size());
  for (std::uint32_t w = 0; w < total; ++w) {
    if (!is_candidate(a.words[w])) continue;
    const std::uint32_t pos = w >= lead_word ? w - lead_word : total - lead_word + w;
    bias[a.words[w].id] += 1.0f / static_cast<float>(pos + 1);
  }
  float bias_sum = 0;
  for (float b : bias) bias_sum += b;
  if (bias_sum <= 0) return out;
  for (float& b : bias) b /= bias_sum;

  // Co-occurrence edges within sentences: pairs collected, sorted and counted.
  std::vector<std::uint64_t> pairs;
  for (const SentenceInfo& s : a.sentences) {
    for (std::uint32_t i = s.first_word; i < s.last_word; ++i) {
      if (!is_candidate(a.words[i])) continue;
      for (std::uint32_t j = i + 1; j < s.last_word && j < i + kWindow; ++j) {
        if (!is_candidate(a.words[j]) || a.words[i].id == a.words[j].id) continue;
        std::uint32_t x = a.words[i].id, y = a.words[j].id;
        if (x > y) std::swap(x, y);
        pairs.push_back((static_cast<std::uint64_t>(x) << 32) | y);
      }
    }
  }
  struct Edge {
    std::uint32_t to;
    float weight;
  };
  std::vector<std::vector<Edge>> adjacency(v);
  std::vector<float> out_weight(v, 0.0f);
  std::sort(pairs.begin(), pairs.end());
  for (std::size_t p = 0; p < pairs.size();) {
    std::size_t q = p;
    while (q < pairs.size() && pairs[q] == pairs[p]) ++q;
    const std::uint64_t key = pairs[p];
    const auto w = static_cast<float>(q - p);
    p = q;
    const auto x = static_cast<std::uint32_t>(key >> 32), y = static_cast<std::uint32_t>(key);
    adjacency[x].push_back(Edge{y, w});
    adjacency[y].push_back(Edge{x, w});
    out_weight[x] += w;
    out_weight[y] += w;
  }

  // Biased PageRank.
  std::vector<float> rank(bias), next(v);
  for (int it = 0; it < kIterations; ++it) {
    for (std::uint32_t x = 0; x < v; ++x) {
      float sum = 0;
      for (const Edge& e : adjacency[x]) sum += e.weight / out_weight[e.to] * rank[e.to];
      next[x] = (1 - kDamping) * bias[x] + kDamping * sum;
    }
    rank.swap(next);
  }

  // Candidate phrases: runs of adjacent candidate words (no token between them).
  // Phrases are keyed by their word ids (packed); the text is spelled out for the winners.
  std::unordered_map<std::string, std::size_t> index;
  std::vector<Keyphrase> phrases;
  std::vector<std::uint32_t> first_seen, first_end;  // words of the first occurrence
  std::string key;
  auto add_run = [&](std::uint32_t b, std::uint32_t e) {
    if (e - b > kMaxPhraseWords || e == b) return;
    key.clear();
    float score = 0;
    for (std::uint32_t w = b; w < e; ++w) {
      const std::uint32_t id = a.words[w].id;
      key.append(reinterpret_cast<const char*>(&id), sizeof id);
      score += rank[id];
    }
    auto [it, inserted] = index.emplace(key, phrases.size());
    if (inserted) {
      phrases.push_back(Keyphrase{{}, score, {}});
      first_seen.push_back(b);
      first_end.push_back(e);
    }
    phrases[it->second].occurrences.emplace_back(tokens[a.words[b].token].begin,
                                                 tokens[a.words[e - 1].token].end);
  };
  for (const SentenceInfo& s : a.sentences) {
    std::uint32_t run = s.first_word;
    for (std::uint32_t w = s.first_word; w <= s.last_word; ++w) {
      const bool extends = w < s.last_word && is_candidate(a.words[w]) &&
                           (w == run || a.words[w].token == a.words[w - 1].token + 1);
      if (extends) continue;
      add_run(run, w);
      run = w < s.last_word && is_candidate(a.words[w]) ? w : w + 1;
    }
  }

  std::vector<std::size_t> order(phrases.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (phrases[x].score != phrases[y].score) return phrases[x].score > phrases[y].score;
    return first_seen[x] < first_seen[y];
  });
  for (std::size_t i : order) {
    if (out.size() >= limit) break;
    std::string& p = phrases[i].phrase;
    for (std::uint32_t w = first_seen[i]; w < first_end[i]; ++w) {
      if (!p.empty()) p += ' ';
      p += a.vocabulary[a.words[w].id];
    }
    const bool contained = std::any_of(out.begin(), out.end(), [&](const Keyphrase& k) {
      const std::size_t at = (" " + k.phrase + " ").find(" " + p + " ");
      return at != std::string::npos;
    });
    if (!contained) out.push_back(std::move(phrases[i]));
  }
  return out;
}

}  // namespace docpipe::summarize
