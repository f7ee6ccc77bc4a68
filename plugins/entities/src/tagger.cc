#include "tagger.h"

#include <cmath>

namespace docpipe::entities {

void tag_document(const LinearModel& model, const FeatureExtractor& fx, const DocumentTokens& doc,
                  const FeatureExtractor::FirstPass* first_pass, std::vector<Tag>& tags,
                  std::vector<Scores>* emissions) {
  tags.assign(doc.tokens.size(), kOutside);
  if (emissions) emissions->assign(doc.tokens.size(), Scores{});
  std::vector<std::uint64_t> features;
  std::vector<Scores> em;
  std::vector<Tag> best;
  for (const auto& [first, last] : doc.sentences) {
    em.assign(last - first, Scores{});
    for (std::uint32_t i = first; i < last; ++i) {
      features.clear();
      fx.local_features(doc, first, last, i, features);
      if (first_pass) fx.document_features(doc, *first_pass, first, last, i, features);
      model.accumulate(features, em[i - first]);
    }
    viterbi(model, em, best);
    std::copy(best.begin(), best.end(), tags.begin() + first);
    if (emissions) std::copy(em.begin(), em.end(), emissions->begin() + first);
  }
}

std::vector<Mention> Tagger::tag(const Segmentation& seg, DocumentTokens& tokens) const {
  features_.prepare(seg, tokens);
  std::vector<Tag> pass1, pass2;
  tag_document(model_.first_pass, features_, tokens, nullptr, pass1);
  const FeatureExtractor::FirstPass summary = features_.summarize(tokens, pass1);
  std::vector<Scores> emissions;
  tag_document(model_.second_pass, features_, tokens, &summary, pass2, &emissions);
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
