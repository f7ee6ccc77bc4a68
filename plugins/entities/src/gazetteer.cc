#include "gazetteer.h"

#include "docpipe/text/segmenter.h"
#include "hashing.h"
#include "word_form.h"

namespace docpipe::entities {

Result<Gazetteer> Gazetteer::parse(std::string_view tsv) {
  Gazetteer g;
  std::size_t line_no = 0;
  while (!tsv.empty()) {
    const std::size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return Status::DataError("gazetteer line " + std::to_string(line_no) +
                               ": expected CATEGORY<TAB>phrase");
    }
    const std::string_view category = line.substr(0, tab);
    int index = g.category_index(category);
    if (index < 0) {
      if (g.categories_.size() >= kMaxCategories) {
        return Status::DataError("gazetteer line " + std::to_string(line_no) +
                                 ": more than 16 categories");
      }
      index = static_cast<int>(g.categories_.size());
      g.categories_.emplace_back(category);
    }
    const std::string_view phrase = line.substr(tab + 1);
    Segmentation seg(phrase);
    if (seg.tokens().empty() || seg.tokens().size() > kMaxPhraseTokens) continue;
    std::string key;
    g.first_words_[hash_bytes(to_lower(seg.text_of(seg.tokens()[0])))] = 1;
    for (const Token& t : seg.tokens()) {
      if (!key.empty()) {
        g.prefixes_.emplace(key, true);
        key += ' ';
      }
      key += to_lower(seg.text_of(t));
    }
    g.phrases_[key] |= static_cast<std::uint16_t>(1u << index);
  }
  return g;
}

int Gazetteer::category_index(std::string_view name) const noexcept {
  for (std::size_t i = 0; i < categories_.size(); ++i) {
    if (categories_[i] == name) return static_cast<int>(i);
  }
  return -1;
}

std::uint16_t Gazetteer::lookup(std::string_view lowered_phrase) const noexcept {
  auto it = phrases_.find(lowered_phrase);
  return it == phrases_.end() ? 0 : it->second;
}

void Gazetteer::match(std::span<const std::string> lowered_tokens,
                      std::span<const std::uint64_t> first_hashes, std::vector<Match>& out) const {
  std::string key;
  for (std::uint32_t i = 0; i < lowered_tokens.size(); ++i) {
    if (!first_words_.find(first_hashes[i])) continue;
    key.clear();
    Match best{0, 0, 0};
    for (std::uint32_t j = i; j < lowered_tokens.size() && j - i < kMaxPhraseTokens; ++j) {
      if (j > i) key += ' ';
      key += lowered_tokens[j];
      auto it = phrases_.find(key);
      if (it != phrases_.end()) best = Match{i, j, it->second};
      if (!prefixes_.contains(key)) break;
    }
    if (best.categories != 0) out.push_back(best);
  }
}

}  // namespace docpipe::entities
