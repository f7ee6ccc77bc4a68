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
  const std::size_t n = em.size();
  out.assign(n, Scores{});
  if (n == 0) return;
  const float inv = 1.0f / std::max(temperature, 1e-3f);
  auto lse = [](float a, float b) {
    if (a < b) std::swap(a, b);
    return b <= kImpossible ? a : a + std::log1p(std::exp(b - a));
  };
  std::vector<Scores> alpha(n), beta(n);
  for (int t = 0; t < kTagCount; ++t) {
    alpha[0][t] = kConstraints.start[t] ? (m.start[t] + em[0][t]) * inv : kImpossible;
  }
  for (std::size_t i = 1; i < n; ++i) {
    for (int b = 0; b < kTagCount; ++b) {
      float acc = kImpossible;
      for (int a = 0; a < kTagCount; ++a) {
        if (!kConstraints.follow[a][b] || alpha[i - 1][a] <= kImpossible) continue;
        acc = lse(acc, alpha[i - 1][a] + m.transition[a][b] * inv);
      }
      alpha[i][b] = acc <= kImpossible ? kImpossible : acc + em[i][b] * inv;
    }
  }
  for (int t = 0; t < kTagCount; ++t) {
    beta[n - 1][t] = kConstraints.end[t] ? m.end[t] * inv : kImpossible;
  }
  for (std::size_t i = n - 1; i-- > 0;) {
    for (int a = 0; a < kTagCount; ++a) {
      float acc = kImpossible;
      for (int b = 0; b < kTagCount; ++b) {
        if (!kConstraints.follow[a][b] || beta[i + 1][b] <= kImpossible) continue;
        acc = lse(acc, m.transition[a][b] * inv + em[i + 1][b] * inv + beta[i + 1][b]);
      }
      beta[i][a] = acc;
    }
  }
  float z = kImpossible;
  for (int t = 0; t < kTagCount; ++t) {
    if (alpha[n - 1][t] > kImpossible && beta[n - 1][t] > kImpossible) {
      z = lse(z, alpha[n - 1][t] + beta[n - 1][t]);
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    for (int t = 0; t < kTagCount; ++t) {
      const float s = alpha[i][t] + beta[i][t];
      out[i][t] =
          (alpha[i][t] <= kImpossible || beta[i][t] <= kImpossible) ? 0.0f : std::exp(s - z);
    }
  }
}

}  // namespace docpipe::entities
