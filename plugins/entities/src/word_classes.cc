#include "word_classes.h"

#include <charconv>

#include "hashing.h"
#include "word_form.h"

namespace docpipe::entities {

Result<WordClasses> WordClasses::parse(std::string_view tsv) {
  WordClasses wc;
  std::size_t line_no = 0;
  while (!tsv.empty()) {
    const std::size_t nl = tsv.find('\n');
    std::string_view line = tsv.substr(0, nl);
    tsv = nl == std::string_view::npos ? std::string_view() : tsv.substr(nl + 1);
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos) {
      return Status::DataError("word classes line " + std::to_string(line_no) +
                               ": expected word<TAB>class ids");
    }
    Ids ids;
    ids.fill(kUnknown);
    std::string word(line.substr(0, tab));
    std::string_view rest = line.substr(tab + 1);
    for (int level = 0; level < kLevels && !rest.empty(); ++level) {
      const std::size_t next = rest.find('\t');
      std::string_view field = rest.substr(0, next);
      unsigned v = 0;
      auto [p, ec] = std::from_chars(field.data(), field.data() + field.size(), v);
      if (ec != std::errc() || v >= kUnknown) {
        return Status::DataError("word classes line " + std::to_string(line_no) + ": bad class id");
      }
      ids[level] = static_cast<std::uint16_t>(v);
      rest = next == std::string_view::npos ? std::string_view() : rest.substr(next + 1);
    }
    wc.classes_[hash_bytes(word)] = ids;
  }
  return wc;
}

WordClasses::Ids WordClasses::lookup(std::string_view word, std::uint64_t word_hash,
                                     std::uint64_t lowered_hash) const {
  if (const Ids* ids = classes_.find(word_hash)) return *ids;
  if (case_class(word) == CaseClass::kUpper) {
    if (const Ids* ids = classes_.find(hash_bytes(to_title(word)))) return *ids;
  }
  if (const Ids* ids = classes_.find(lowered_hash)) return *ids;
  Ids none;
  none.fill(kUnknown);
  return none;
}

}  // namespace docpipe::entities
