// Shared tokenization and sentence segmentation.
//
// Every stage that needs tokens or sentences uses this one implementation, so that offsets and
// boundaries agree across stages. segment(doc) runs once per document view and caches the
// result in the document; it also records the layers "sentence" and "token" (original offsets)
// the first time, so they appear in the output.
//
// Tokens follow Penn-Treebank-like conventions close to those of news corpora (CoNLL-2003):
//   * words keep internal hyphens, periods of abbreviations and initials ("U.S.", "Sept.",
//     "F.", "Anglo-Dutch"), and apostrophes inside words ("O'Neil");
//   * clitics split off: "Russia's" -> "Russia" "'s", "don't" -> "do" "n't";
//   * numbers keep separators and signs inside ("1,500", "3.5", "2-1", "10:30", "$"
//     separate), hyphenated compounds ("12-year-old") and a sign written before them ("+44");
//     a list or rank number opening a line keeps its period ("1. Smith");
//   * company initials and tickers stay whole ("S&P", "AT&T", "LKH.N"), as do currency
//     prefixes ("US$", "C$") and compounds of a dotted abbreviation ("U.S.-led");
//   * every other punctuation mark or symbol is its own token ("--", "...", "**" and "—" stay
//     whole).
// On space-joined pre-tokenized text (CoNLL-2003) over 99.9% of the original tokens stay one
// token, and no token crosses a space, so spans given on the original tokens fall on token
// boundaries.
// Sentences end at . ! ? (and closing quotes or brackets after them) followed by a space and a
// likely sentence start, at blank lines, and at line breaks that do not look like wrapped
// text; not after known abbreviations ("Gen.", "Sept.", "Mr.") or initials.
#ifndef DOCPIPE_TEXT_SEGMENTER_H_
#define DOCPIPE_TEXT_SEGMENTER_H_

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "docpipe/document.h"

namespace docpipe {

enum class TokenKind : std::uint8_t {
  kWord = 0,    // letters (and marks, digits, hyphens, apostrophes, periods inside)
  kNumber = 1,  // starts with a digit: "1,500", "3.5", "2-1", "1990s", "10th"
  kPunct = 2,   // punctuation: . , ; : ! ? quotes brackets dashes
  kSymbol = 3,  // other symbols: $ % & @ # + = / emoji
};

// Token flags (bit set).
enum TokenFlag : std::uint8_t {
  kNewlineBefore = 1u << 0,    // a line break separates this token from the previous one
  kParagraphStart = 1u << 1,   // first token after a blank line (or of the text)
  kSpaceBefore = 1u << 2,      // any white space separates this token from the previous one
};

struct Token {
  std::uint32_t begin;  // byte offsets into the segmented text (the view), half-open
  std::uint32_t end;
  TokenKind kind;
  std::uint8_t flags;
};

struct Sentence {
  std::uint32_t begin;        // byte offsets into the segmented text
  std::uint32_t end;
  std::uint32_t first_token;  // tokens [first_token, last_token) belong to the sentence
  std::uint32_t last_token;
  std::uint32_t paragraph;    // 0-based paragraph index (blank lines separate paragraphs)
};

class Segmentation {
 public:
  // Segments `text`, which must outlive the result. Texts over 4 GiB are refused (empty result).
  explicit Segmentation(std::string_view text);

  std::string_view text() const noexcept { return text_; }
  std::span<const Token> tokens() const noexcept { return tokens_; }
  std::span<const Sentence> sentences() const noexcept { return sentences_; }
  std::span<const Token> tokens_of(const Sentence& s) const noexcept {
    return std::span<const Token>(tokens_).subspan(s.first_token, s.last_token - s.first_token);
  }
  std::string_view text_of(const Token& t) const noexcept {
    return text_.substr(t.begin, t.end - t.begin);
  }
  std::string_view text_of(const Sentence& s) const noexcept {
    return text_.substr(s.begin, s.end - s.begin);
  }
  std::size_t paragraph_count() const noexcept { return paragraphs_; }
  // Name of the view this was made for (set by segment(doc)); empty for free-standing text.
  const std::string& view_name() const noexcept { return view_name_; }

 private:
  friend const Segmentation& segment(Document& doc);
  void tokenize();
  void split_sentences();

  std::string_view text_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
  std::size_t paragraphs_ = 0;
  std::string view_name_;
};

// Segments the document's current view (doc.view()), once: later calls return the cached
// result until a stage adds a newer view. Adds layers "sentence" and "token" in original
// offsets when the document has no such layers yet (attributed to producer "segmenter").
// The reference stays valid until the next call of segment() on this document or its
// destruction.
const Segmentation& segment(Document& doc);

// True for titles and other abbreviations that practically never end a sentence ("Gen.",
// "Sept.", "Mr."). `word` includes the final period; case matters ("Gen." but not "GEN.").
bool is_known_abbreviation(std::string_view word) noexcept;

}  // namespace docpipe

#endif  // DOCPIPE_TEXT_SEGMENTER_H_
