#include "linear_model.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "hashing.h"

namespace docpipe::entities {
namespace {

constexpr float kImpossible = -1e30f;

struct Constraints {
  bool follow[kTagCount][kTagCount];
  bool start[kTagCount];
  bool end[kTagCount];
  Constraints() {
    for (int a = 0; a < kTagCount; ++a) {
      start[a] = may_start(static_cast<Tag>(a));
      end[a] = may_end(static_cast<Tag>(a));
      for (int b = 0; b < kTagCount; ++b) {
        follow[a][b] = may_follow(static_cast<Tag>(a), static_cast<Tag>(b));
      }
    }
  }
};
const Constraints kConstraints;

}  // namespace

std::uint32_t FeatureIndex::insert(std::uint64_t key) {
  if ((count_ + 1) * 2 > slots_.size()) grow();
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t p = key & mask;; p = (p + 1) & mask) {
    Slot& s = slots_[p];
    if (s.row == kAbsent) {
      s.key = key;
      s.row = count_++;
      return s.row;
    }
    if (s.key == key) return s.row;
  }
}

void FeatureIndex::reserve(std::size_t n) {
  while (slots_.size() < n * 2) grow();
}

void FeatureIndex::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.row == kAbsent) continue;
    std::size_t p = s.key & mask;
    while (slots_[p].row != kAbsent) p = (p + 1) & mask;
    slots_[p] = s;
  }
}

std::vector<std::uint64_t> FeatureIndex::keys_by_row() const {
  std::vector<std::uint64_t> keys(count_);
  for (const Slot& s : slots_) {
    if (s.row != kAbsent) keys[s.row] = s.key;
  }
  return keys;
}

void LinearModel::accumulate(std::span<const std::uint64_t> features, Scores& scores) const {
  for (std::uint64_t f : features) {
    const std::uint32_t row = index.find(f);
    if (row == FeatureIndex::kAbsent) continue;
    const float* w = &weights[static_cast<std::size_t>(row) * kTagCount];
    for (int t = 0; t < kTagCount; ++t) scores[t] += w[t];
  }
}

void viterbi(const LinearModel& m, std::span<const Scores> em, std::vector<Tag>& out) {
  const std::size_t n = em.size();
  out.assign(n, kOutside);
  if (n == 0) return;
  std::vector<Scores> delta(n);
  std::vector<std::array<Tag, kTagCount>> back(n);
  for (int t = 0; t < kTagCount; ++t) {
    delta[0][t] = kConstraints.start[t] ? m.start[t] + em[0][t] : kImpossible;
  }
  for (std::size_t i = 1; i < n; ++i) {
    for (int b = 0; b < kTagCount; ++b) {
      float best = kImpossible;
      Tag arg = 0;
      for (int a = 0; a < kTagCount; ++a) {
        if (!kConstraints.follow[a][b]) continue;
        const float s = delta[i - 1][a] + m.transition[a][b];
        if (s > best) {
          best = s;
          arg = static_cast<Tag>(a);
        }
      }
      delta[i][b] = best + em[i][b];
      back[i][b] = arg;
    }
  }
  float best = kImpossible * 2;
  Tag arg = 0;
  for (int t = 0; t < kTagCount; ++t) {
    if (!kConstraints.end[t]) continue;
    const float s = delta[n - 1][t] + m.end[t];
    if (s > best) {
      best = s;
      arg = static_cast<Tag>(t);
    }
  }
  for (std::size_t i = n; i-- > 0;) {
    out[i] = arg;
    if (i > 0) arg = back[i][arg];
  }
}

void tag_marginals(const LinearModel& m, std::span<const Scores> em, float temperature,
                   std::vector<Scores>& out) {
  // Forward-backward in scaled probabilities: every step is normalised to sum 1, so no
  // logarithms are needed and nothing underflows.
  const std::size_t n = em.size();
  out.assign(n, Scores{});
  if (n == 0) return;
  const float inv = 1.0f / std::max(temperature, 1e-3f);
  float trans[kTagCount][kTagCount];
  for (int a = 0; a < kTagCount; ++a) {
    for (int b = 0; b < kTagCount; ++b) {
      trans[a][b] = kConstraints.follow[a][b] ? std::exp(m.transition[a][b] * inv) : 0.0f;
    }
  }
  // Emission factors, scaled by each token's best score.
  std::vector<Scores> e(n);
  for (std::size_t i = 0; i < n; ++i) {
    float best = em[i][0];
    for (int t = 1; t < kTagCount; ++t) best = std::max(best, em[i][t]);
    for (int t = 0; t < kTagCount; ++t) e[i][t] = std::exp((em[i][t] - best) * inv);
  }
  std::vector<Scores> alpha(n), beta(n);
  auto normalise = [](Scores& s) {
    float sum = 0;
    for (float x : s) sum += x;
    if (sum <= 0) return;
    for (float& x : s) x /= sum;
  };
  for (int t = 0; t < kTagCount; ++t) {
    alpha[0][t] = kConstraints.start[t] ? std::exp(m.start[t] * inv) * e[0][t] : 0.0f;
  }
  normalise(alpha[0]);
  for (std::size_t i = 1; i < n; ++i) {
    for (int b = 0; b < kTagCount; ++b) {
      float acc = 0;
      for (int a = 0; a < kTagCount; ++a) acc += alpha[i - 1][a] * trans[a][b];
      alpha[i][b] = acc * e[i][b];
    }
    normalise(alpha[i]);
  }
  for (int t = 0; t < kTagCount; ++t) {
    beta[n - 1][t] = kConstraints.end[t] ? std::exp(m.end[t] * inv) : 0.0f;
  }
  normalise(beta[n - 1]);
  for (std::size_t i = n - 1; i-- > 0;) {
    for (int a = 0; a < kTagCount; ++a) {
      float acc = 0;
      for (int b = 0; b < kTagCount; ++b) acc += trans[a][b] * e[i + 1][b] * beta[i + 1][b];
      beta[i][a] = acc;
    }
    normalise(beta[i]);
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (int t = 0; t < kTagCount; ++t) out[i][t] = alpha[i][t] * beta[i][t];
    normalise(out[i]);
  }
}

}  // namespace docpipe::entities
