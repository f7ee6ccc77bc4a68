#include "paragraphs.h"

namespace docpipe::clean {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }
bool is_space(char c) { return is_blank(c) || c == '\n'; }

}  // namespace

std::vector<ParagraphSpan> find_paragraphs(std::string_view text, bool tidy) {
  std::vector<ParagraphSpan> out;
  const std::size_t n = text.size();
  std::size_t start = 0;
  auto emit = [&](std::size_t b, std::size_t e) {
    while (b < e && is_space(text[b])) ++b;
    while (e > b && is_space(text[e - 1])) --e;
    if (b < e) out.push_back({b, e});
  };
  if (tidy) {
    for (std::size_t br; (br = text.find("\n\n", start)) != std::string_view::npos;
         start = br + 2) {
      emit(start, br);
    }
    emit(start, n);
    return out;
  }
  std::size_t pos = 0;
  while (pos < n) {
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) break;
    // Is the next line blank?
    std::size_t k = nl + 1;
    while (k < n && is_blank(text[k])) ++k;
    if (k < n && text[k] == '\n') {
      emit(start, nl);
      // Skip all following blank lines.
      while (k < n && (text[k] == '\n' || is_blank(text[k]))) ++k;
      start = k;
      pos = k;
    } else {
      pos = nl + 1;
    }
  }
  emit(start, n);
  return out;
}

int first_prose_paragraph(std::string_view text, const std::vector<ParagraphSpan>& paragraphs,
                          std::size_t min_words) {
  if (paragraphs.empty()) return -1;
  for (std::size_t i = 0; i < paragraphs.size(); ++i) {
    const std::string_view p =
        text.substr(paragraphs[i].begin, paragraphs[i].end - paragraphs[i].begin);
    std::size_t words = 0;
    bool in_word = false;
    bool has_stop = false;
    for (char c : p) {
      const bool space = is_space(c);
      if (!space && !in_word) ++words;
      in_word = !space;
      has_stop |= c == '.' || c == '!' || c == '?';
      if (words >= min_words && has_stop) return static_cast<int>(i);
    }
  }
  return 0;
}

}  // namespace docpipe::clean
