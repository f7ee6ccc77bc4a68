// Word classes learned from unlabeled news text (tools/word_clusters): for each known word, one
// class id per granularity (e.g. 64, 256 and 1024 classes).
#ifndef DOCPIPE_ENTITIES_WORD_CLASSES_H_
#define DOCPIPE_ENTITIES_WORD_CLASSES_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>

#include "flat_hash_map.h"

#include "docpipe/status.h"

namespace docpipe::entities {

class WordClasses {
 public:
  static constexpr int kLevels = 3;
  using Ids = std::array<std::uint16_t, kLevels>;
  static constexpr std::uint16_t kUnknown = 0xFFFF;

  // Parses "word<TAB>id<TAB>id<TAB>id" lines ('#' comments).
  static Result<WordClasses> parse(std::string_view tsv);

  // Classes of `word`; tries the word as written, then title-cased ("JAPAN" -> "Japan"), then
  // lower-cased. All kUnknown when none is known. The hashes are hash_bytes of word and
  // lowered (hashing.h), which callers usually have already.
  Ids lookup(std::string_view word, std::uint64_t word_hash, std::uint64_t lowered_hash) const;
  std::size_t size() const noexcept { return classes_.size(); }

 private:
  FlatHashMap<Ids> classes_;  // by hash_bytes(word)
};

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_WORD_CLASSES_H_
