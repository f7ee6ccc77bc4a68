// Phrase lists (countries, cities, people, demonyms...) matched over tokens, case-insensitively.
//
// Built from the text of data/gazetteer.tsv: "category<TAB>phrase" lines, '#' comments. Each
// phrase is tokenized with the shared segmenter, so it matches the tokens of a document.
#ifndef DOCPIPE_ENTITIES_GAZETTEER_H_
#define DOCPIPE_ENTITIES_GAZETTEER_H_

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "docpipe/status.h"
#include "flat_hash_map.h"
#include "string_hash.h"

namespace docpipe::entities {

class Gazetteer {
 public:
  static constexpr int kMaxCategories = 16;
  static constexpr std::size_t kMaxPhraseTokens = 8;

  // Parses the TSV text. Unknown category names are added in order of appearance (at most 16).
  static Result<Gazetteer> parse(std::string_view tsv);

  // Category names in index order.
  const std::vector<std::string>& categories() const noexcept { return categories_; }
  int category_index(std::string_view name) const noexcept;  // -1 when absent
  std::size_t size() const noexcept { return phrases_.size(); }

  // A match over tokens [first, last] with the categories that list it (bit i = category i).
  struct Match {
    std::uint32_t first;
    std::uint32_t last;
    std::uint16_t categories;
  };
  // Every match (the longest at each start position only) over lower-cased tokens.
  // `first_hashes[i]` is hash_bytes(lowered_tokens[i]) (hashing.h): tokens that start no
  // phrase are skipped without building strings.
  void match(std::span<const std::string> lowered_tokens,
             std::span<const std::uint64_t> first_hashes, std::vector<Match>& out) const;
  // Categories of one lower-cased phrase (tokens joined by one space); 0 when not listed.
  std::uint16_t lookup(std::string_view lowered_phrase) const noexcept;

 private:
  std::vector<std::string> categories_;
  FlatHashMap<std::uint8_t> first_words_;  // hash_bytes of each phrase's first (lower-cased) token
  std::unordered_map<std::string, std::uint16_t, StringHash, std::equal_to<>>
      phrases_;  // lower-cased, tokens joined by ' '
  std::unordered_map<std::string, bool, StringHash, std::equal_to<>>
      prefixes_;  // proper prefixes of phrases
};

}  // namespace docpipe::entities

#endif  // DOCPIPE_ENTITIES_GAZETTEER_H_
