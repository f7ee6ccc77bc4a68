#include "tagger.h"

#include <cmath>

#include "hashing.h"

namespace docpipe::entities {

const WordScoreCache::Offsets& WordScoreCache::get(const LinearModel& model,
                                                   const FeatureExtractor& fx, const TokenInfo* t) {
  const std::uint64_t key =
      mix64((t ? t->h_word : 0x5E47E9CEULL) ^ reinterpret_cast<std::uintptr_t>(&model));
  if (const std::uint32_t* e = index_.find(key)) return entries_[*e - 1];
  if (entries_.size() >= capacity_) {
    entries_.clear();
    index_.reset(capacity_);
  }
  Offsets scores{};
  for (int off = -2; off <= 2; ++off) {
    if (off == 0 && !t) continue;
    features_.clear();
    fx.word_features(t, off, features_);
    model.accumulate(features_, scores[off + 2]);
  }
  entries_.push_back(scores);
  index_[key] = static_cast<std::uint32_t>(entries_.size());
  return entries_.back();
}

void tag_document(const LinearModel& model, const FeatureExtractor& fx, const DocumentTokens& doc,
                  const FeatureExtractor::FirstPass* first_pass, std::vector<Tag>& tags,
                  std::vector<Scores>* emissions, WordScoreCache* cache) {
  tags.assign(doc.tokens.size(), kOutside);
  if (emissions) emissions->assign(doc.tokens.size(), Scores{});
  std::vector<std::uint64_t> features;
  std::vector<Scores> em;
  std::vector<Tag> best;
  // Context aggregation scores per word group, computed on first use.
  std::vector<Scores> group_scores;
  std::vector<bool> group_done;
  if (cache) {
    group_scores.assign(doc.contexts.size(), Scores{});
    group_done.assign(doc.contexts.size(), false);
  }
  for (const auto& [first, last] : doc.sentences) {
    em.assign(last - first, Scores{});
    for (std::uint32_t i = first; i < last; ++i) {
      features.clear();
      Scores& e = em[i - first];
      if (cache) {
        for (int off = -2; off <= 2; ++off) {
          const long k = static_cast<long>(i) + off;
          const bool inside = k >= static_cast<long>(first) && k < static_cast<long>(last);
          const Scores& s = cache->get(
              model, fx, inside ? &doc.tokens[static_cast<std::size_t>(k)] : nullptr)[off + 2];
          for (int t = 0; t < kTagCount; ++t) e[t] += s[t];
        }
        fx.context_features(doc, first, last, i, features);
        const std::int32_t g = doc.tokens[i].group;
        if (g >= 0) {
          if (!group_done[g]) {
            model.accumulate(doc.contexts[g], group_scores[g]);
            group_done[g] = true;
          }
          for (int t = 0; t < kTagCount; ++t) e[t] += group_scores[g][t];
        }
      } else {
        fx.local_features(doc, first, last, i, features);
      }
      if (first_pass) fx.document_features(doc, *first_pass, first, last, i, features);
      model.accumulate(features, e);
    }
    viterbi(model, em, best);
    std::copy(best.begin(), best.end(), tags.begin() + first);
    if (emissions) std::copy(em.begin(), em.end(), emissions->begin() + first);
  }
}

WordScoreCache& Tagger::cache_for_this_thread() const {
  std::lock_guard<std::mutex> lock(caches_mutex_);
  auto& slot = caches_[std::this_thread::get_id()];
  if (!slot) slot = std::make_unique<WordScoreCache>();
  return *slot;
}

void type_probabilities(const LinearModel& model, const DocumentTokens& doc,
                        std::span<const Scores> emissions, float temperature,
                        std::vector<TypeProbs>& out) {
  out.assign(doc.tokens.size(), TypeProbs{});
  std::vector<Scores> marginals;
  for (const auto& [first, last] : doc.sentences) {
    tag_marginals(model, emissions.subspan(first, last - first), temperature, marginals);
    for (std::uint32_t i = first; i < last; ++i) {
      const Scores& m = marginals[i - first];
      for (int tag = 1; tag < kTagCount; ++tag) {
        out[i][static_cast<int>(type_of(static_cast<Tag>(tag)))] += m[tag];
      }
    }
  }
}

std::vector<Mention> Tagger::tag(const Segmentation& seg, DocumentTokens& tokens) const {
  features_.prepare(seg, tokens);
  std::vector<Tag> pass1, pass2;
  std::vector<Scores> emissions;
  WordScoreCache& cache = cache_for_this_thread();
  tag_document(model_.first_pass, features_, tokens, nullptr, pass1, &emissions, &cache);
  std::vector<TypeProbs> probs;
  type_probabilities(model_.first_pass, tokens, emissions, model_.first_pass_temperature, probs);
  const FeatureExtractor::FirstPass summary = features_.summarize(tokens, pass1, probs);
  tag_document(model_.second_pass, features_, tokens, &summary, pass2, &emissions, &cache);
  std::vector<Mention> out;
  std::vector<Scores> marginals;
  for (const auto& [first, last] : tokens.sentences) {
    const std::span<const Tag> sentence_tags(pass2.data() + first, last - first);
    const std::vector<TokenSpan> spans = spans_of(sentence_tags);
    if (spans.empty()) continue;
    tag_marginals(model_.second_pass,
                  std::span<const Scores>(emissions.data() + first, last - first),
                  model_.temperature, marginals);
    for (const TokenSpan& s : spans) {
      double log_p = 0;
      for (std::uint32_t k = s.first; k <= s.last; ++k) {
        log_p += std::log(std::max(1e-6f, marginals[k][sentence_tags[k]]));
      }
      const auto conf = static_cast<float>(std::exp(log_p / (s.last - s.first + 1)));
      out.push_back(Mention{first + s.first, first + s.last, s.type, conf});
    }
  }
  return out;
}

}  // namespace docpipe::entities
