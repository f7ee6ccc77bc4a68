// The stopword list (a data file, one lowercase word a line, '#' comments) and the fixed
// calendar words used to spot date mentions when no dating stage ran.
#ifndef DOCPIPE_SUMMARIZE_WORD_LISTS_H_
#define DOCPIPE_SUMMARIZE_WORD_LISTS_H_

#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>

#include "docpipe/status.h"

namespace docpipe::summarize {

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
using WordSet = std::unordered_set<std::string, StringHash, std::equal_to<>>;

// Parses a word list; fails on an empty list.
Result<WordSet> parse_word_list(std::string_view text, std::string_view what);

// True for lowercase weekday and month names ("monday", "sept", "december").
bool is_calendar_word(std::string_view lowered) noexcept;

}  // namespace docpipe::summarize

#endif  // DOCPIPE_SUMMARIZE_WORD_LISTS_H_
