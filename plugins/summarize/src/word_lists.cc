#include "word_lists.h"

#include <array>

namespace docpipe::summarize {

Result<WordSet> parse_word_list(std::string_view text, std::string_view what) {
  WordSet words;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    words.emplace(line);
  }
  if (words.empty()) return Status::InvalidArgument(std::string(what) + ": no words");
  return words;
}

bool is_calendar_word(std::string_view w) noexcept {
  static constexpr std::array<std::string_view, 31> kWords = {
      "monday",    "tuesday",  "wednesday", "thursday", "friday", "saturday", "sunday",
      "january",   "february", "march",     "april",    "june",   "july",     "august",
      "september", "october",  "november",  "december", "jan",    "feb",      "mar",
      "apr",       "aug",      "sept",      "sep",      "oct",    "nov",      "dec",
      "yesterday", "today",    "tomorrow"};
  for (std::string_view k : kWords) {
    if (w == k) return true;
  }
  return false;
}

}  // namespace docpipe::summarize
