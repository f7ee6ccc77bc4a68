// A small open-addressing hash map from 64-bit hashes (already well mixed, e.g. hash_bytes) to
// values: no per-entry allocation, one probe sequence per lookup. Key 0 is reserved (a key of
// 0 is stored as 1).
#ifndef DOCPIPE_ENTITIES_FLAT_HASH_MAP_H_
#define DOCPIPE_ENTITIES_FLAT_HASH_MAP_H_

#include <cstdint>
#include <vector>

namespace docpipe::entities {

template <typename V>
class FlatHashMap {
 public:
  explicit FlatHashMap(std::size_t expected = 16) { reset(expected); }

  // Empties the map, sized for `expected` entries.
  void reset(std::size_t expected) {
    std::size_t capacity = 16;
    while (capacity < expected * 2) capacity *= 2;
    keys_.assign(capacity, 0);
    values_.assign(capacity, V{});
    size_ = 0;
  }
  std::size_t size() const noexcept { return size_; }

  // nullptr when absent.
  const V* find(std::uint64_t key) const noexcept {
    key = key == 0 ? 1 : key;
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t p = key & mask;; p = (p + 1) & mask) {
      if (keys_[p] == key) return &values_[p];
      if (keys_[p] == 0) return nullptr;
    }
  }
  V* find(std::uint64_t key) noexcept {
    return const_cast<V*>(static_cast<const FlatHashMap*>(this)->find(key));
  }
  // The value of `key`, value-initialised when new.
  V& operator[](std::uint64_t key) {
    key = key == 0 ? 1 : key;
    if ((size_ + 1) * 2 > keys_.size()) grow();
    const std::size_t mask = keys_.size() - 1;
    std::size_t p = key & mask;
    while (keys_[p] != 0 && keys_[p] != key) p = (p + 1) & mask;
    if (keys_[p] == 0) {
      keys_[p] = key;
      ++size_;
    }
    return values_[p];
  }

 private:
  void grow() {
    std::vector<std::uint64_t> keys = std::move(keys_);
    std::vector<V> values = std::move(values_);
    keys_.assign(keys.size() * 2, 0);
    values_.assign(keys.size() * 2, V{});
    const std::size_t mask = keys_.size() - 1;
    for (std::size_t i = 0; i < keys.size(); ++i) {
      if (keys[i] == 0) continue;
      std::size_t p = keys[i] & mask;
      while (keys_[p] != 0) p = (p + 1) & mask;
      keys_[p] = keys[i];
      values_[p] = std::move(values[i]);
    }
  }
  std::vector<std::uint64_t> keys_;
  std::vector<V> values_;
  std::size_t size_ = 0;
};

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_FLAT_HASH_MAP_H_
