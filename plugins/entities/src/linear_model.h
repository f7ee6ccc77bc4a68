// A linear sequence model over BILOU tags: per-feature weight rows (one weight per tag),
// tag-to-tag transition weights, and constrained Viterbi decoding (only valid BILOU sequences).
#ifndef DOCPIPE_ENTITIES_LINEAR_MODEL_H_
#define DOCPIPE_ENTITIES_LINEAR_MODEL_H_

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "tags.h"

namespace docpipe::entities {

// Maps 64-bit feature hashes to dense row numbers (open addressing, power-of-two capacity).
class FeatureIndex {
 public:
  static constexpr std::uint32_t kAbsent = 0xFFFFFFFF;
  std::uint32_t find(std::uint64_t key) const noexcept {
    if (slots_.empty()) return kAbsent;
    std::size_t mask = slots_.size() - 1;
    for (std::size_t p = key & mask;; p = (p + 1) & mask) {
      const Slot& s = slots_[p];
      if (s.row == kAbsent) return kAbsent;
      if (s.key == key) return s.row;
    }
  }
  // Returns the row of `key`, adding it (as row size()) when absent.
  std::uint32_t insert(std::uint64_t key);
  std::uint32_t size() const noexcept { return count_; }
  std::vector<std::uint64_t> keys_by_row() const;
  void reserve(std::size_t n);

 private:
  struct Slot {
    std::uint64_t key = 0;
    std::uint32_t row = kAbsent;
  };
  void grow();
  std::vector<Slot> slots_;
  std::uint32_t count_ = 0;
};

using Scores = std::array<float, kTagCount>;

struct LinearModel {
  FeatureIndex index;
  std::vector<float> weights;                   // row-major: row * kTagCount + tag
  float transition[kTagCount][kTagCount] = {};  // [prev][next]
  float start[kTagCount] = {};
  float end[kTagCount] = {};
  // Adds the weights of every known feature into `scores`.
  void accumulate(std::span<const std::uint64_t> features, Scores& scores) const;
};

// The best valid tag sequence for per-token emission scores (`n` rows of kTagCount).
void viterbi(const LinearModel& model, std::span<const Scores> emissions, std::vector<Tag>& out);

// Posterior probability of each tag at each token under a log-linear reading of the scores
// divided by `temperature` (forward-backward over valid sequences).
void tag_marginals(const LinearModel& model, std::span<const Scores> emissions, float temperature,
                   std::vector<Scores>& out);

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_LINEAR_MODEL_H_
