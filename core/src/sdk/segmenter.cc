#include "docpipe/text/segmenter.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include "docpipe/text/utf8.h"

namespace docpipe {
namespace {

// Character classes the tokenizer distinguishes.
enum class Cls : std::uint8_t {
  kSpace,
  kNewline,
  kLetter,
  kDigit,
  kApostrophe,  // ' and U+2019
  kHyphen,      // -
  kPeriod,      // .
  kPunct,       // other punctuation
  kSymbol,      // other symbols
  kIgnorable,   // format characters (soft hyphen, zero-width joiners): part of a word, never alone
};

constexpr std::array<Cls, 128> make_ascii_table() {
  std::array<Cls, 128> t{};
  for (int c = 0; c < 128; ++c) {
    Cls k = Cls::kSymbol;
    if (c == ' ' || c == '\t' || c == '\f' || c == '\v' || c == '\r' || c < 0x20 || c == 0x7F) {
      k = Cls::kSpace;
    }
    if (c == '\n') k = Cls::kNewline;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) k = Cls::kLetter;
    if (c >= '0' && c <= '9') k = Cls::kDigit;
    if (c == '\'') k = Cls::kApostrophe;
    if (c == '-') k = Cls::kHyphen;
    if (c == '.') k = Cls::kPeriod;
    if (c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' || c == '(' ||
        c == ')' || c == '[' || c == ']' || c == '{' || c == '}' || c == '`') {
      k = Cls::kPunct;
    }
    t[c] = k;
  }
  return t;
}
constexpr std::array<Cls, 128> kAscii = make_ascii_table();

struct CharInfo {
  Cls cls;
  std::uint8_t size;
  char32_t cp;
};

inline CharInfo classify(std::string_view s, std::size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {kAscii[c], 1, c};
  utf8::Decoded d = utf8::decode(s, i);
  if (!d.valid) return {Cls::kSymbol, d.size, d.cp};
  const char32_t cp = d.cp;
  if (cp == 0x2019) return {Cls::kApostrophe, d.size, cp};
  if (cp == 0x2028 || cp == 0x2029 || cp == 0x85) return {Cls::kNewline, d.size, cp};
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_COMBINING_SPACING_MARK:
      return {Cls::kLetter, d.size, cp};
    case U_DECIMAL_DIGIT_NUMBER:
      return {Cls::kDigit, d.size, cp};
    case U_SPACE_SEPARATOR:
    case U_CONTROL_CHAR:
      return {Cls::kSpace, d.size, cp};
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
      return {Cls::kNewline, d.size, cp};
    case U_FORMAT_CHAR:
      return {Cls::kIgnorable, d.size, cp};
    case U_DASH_PUNCTUATION:
    case U_START_PUNCTUATION:
    case U_END_PUNCTUATION:
    case U_CONNECTOR_PUNCTUATION:
    case U_OTHER_PUNCTUATION:
    case U_INITIAL_PUNCTUATION:
    case U_FINAL_PUNCTUATION:
      return {Cls::kPunct, d.size, cp};
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return {Cls::kLetter, d.size, cp};
    default:
      return {Cls::kSymbol, d.size, cp};
  }
}

inline bool is_alnum(Cls c) { return c == Cls::kLetter || c == Cls::kDigit; }
inline bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }

bool all_ascii_upper(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!is_ascii_upper(c)) return false;
  }
  return true;
}

bool all_ascii_digits(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

bool ascii_ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

// Abbreviations (without the period) after which a period belongs to the word.
// Titles and month/day names never end a sentence; the others may (see kMayEnd).
constexpr std::string_view kNeverEnd[] = {
    "Mr",  "Mrs",  "Ms",   "Dr",     "Prof",   "Gen",  "Lt",  "Col", "Maj",  "Capt", "Cpl",  "Sgt",
    "Adm", "Cmdr", "Brig", "Gov",    "Sen",    "Rep",  "Rev", "Hon", "Pres", "Supt", "Insp", "Det",
    "Amb", "Sec",  "Atty", "Messrs", "Mme",    "Mlle", "St",  "Ft",  "Mt",   "Jan",  "Feb",  "Mar",
    "Apr", "Jun",  "Jul",  "Aug",    "Sep",    "Sept", "Oct", "Nov", "Dec",  "Mon",  "Tue",  "Tues",
    "Wed", "Thu",  "Thur", "Thurs",  "Fri",    "Sat",  "Sun", "No",  "Nos",  "vs",   "v",    "Vol",
    "pp",  "Fig",  "Ave",  "Blvd",   "approx", "est",  "cf",  "Ph",  "Sr",   "Jr"};
constexpr std::string_view kMayEnd[] = {
    "Inc",  "Corp", "Co",   "Ltd",  "Bros", "Cos",  "Plc",  "etc",  "al",   "Calif", "Conn", "Fla",
    "Ga",   "Ill",  "Ind",  "Kan",  "Ky",   "La",   "Mass", "Md",   "Mich", "Minn",  "Miss", "Mo",
    "Mont", "Neb",  "Nev",  "Okla", "Ore",  "Pa",   "Tenn", "Tex",  "Va",   "Vt",    "Wash", "Wis",
    "Wyo",  "Ariz", "Colo", "Del",  "Dept", "Univ", "Assn", "Intl", "Gov't"};

bool in_list(std::string_view w, const std::string_view* list, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    if (list[i] == w) return true;
  }
  return false;
}

bool never_ends(std::string_view w) { return in_list(w, kNeverEnd, std::size(kNeverEnd)); }
bool may_end(std::string_view w) { return in_list(w, kMayEnd, std::size(kMayEnd)); }

// Words that, capitalised after an ambiguous abbreviation ("U.S.", "Inc."), start a sentence.
constexpr std::string_view kSentenceStarters[] = {
    "The",       "A",     "An",        "He",    "She",    "It",        "They",  "We",
    "I",         "You",   "But",       "And",   "In",     "On",        "At",    "This",
    "That",      "These", "Those",     "His",   "Her",    "Their",     "Its",   "Our",
    "There",     "When",  "While",     "After", "Before", "If",        "As",    "However",
    "Meanwhile", "Both",  "Some",      "Many",  "Most",   "Officials", "Yet",   "So",
    "Still",     "Then",  "Now",       "What",  "Why",    "How",       "Who",   "Last",
    "Earlier",   "Later", "According", "Under", "For",    "With",      "Since", "One"};

bool is_sentence_starter(std::string_view w) {
  return in_list(w, kSentenceStarters, std::size(kSentenceStarters));
}

bool is_upper_start(std::string_view s) {
  if (s.empty()) return false;
  utf8::Decoded d = utf8::decode(s, 0);
  return u_isupper(static_cast<UChar32>(d.cp)) || u_istitle(static_cast<UChar32>(d.cp));
}

bool is_lower_start(std::string_view s) {
  if (s.empty()) return false;
  utf8::Decoded d = utf8::decode(s, 0);
  return u_islower(static_cast<UChar32>(d.cp));
}

// Length of an English clitic ("s", "re", "ve", "ll", "d", "m") starting at s[i] and ending
// at a non-letter; 0 when there is none.
std::size_t clitic_at(std::string_view s, std::size_t i) {
  static constexpr std::string_view kClitics[] = {"ll", "re", "ve", "s", "d", "m"};
  for (auto c : kClitics) {
    if (i + c.size() > s.size()) continue;
    if (!ascii_ieq(s.substr(i, c.size()), c)) continue;
    const std::size_t after = i + c.size();
    if (after == s.size() || classify(s, after).cls != Cls::kLetter) return c.size();
  }
  return 0;
}

bool starts_with_ci(std::string_view s, std::size_t i, std::string_view prefix) {
  return s.size() - i >= prefix.size() && ascii_ieq(s.substr(i, prefix.size()), prefix);
}

}  // namespace

bool is_known_abbreviation(std::string_view word) noexcept {
  if (word.size() < 2 || word.back() != '.') return false;
  std::string_view w = word.substr(0, word.size() - 1);
  return never_ends(w) || may_end(w);
}

Segmentation::Segmentation(std::string_view text) : text_(text) {
  if (text.size() > std::numeric_limits<std::uint32_t>::max()) {
    text_ = {};
    return;
  }
  tokenize();
  split_sentences();
}

void Segmentation::tokenize() {
  const std::string_view s = text_;
  const std::size_t n = s.size();
  tokens_.reserve(n / 5 + 1);
  std::size_t i = 0;
  int newlines = 2;  // the start of the text counts as a paragraph start
  bool space = false;
  auto push = [&](std::size_t b, std::size_t e, TokenKind kind) {
    std::uint8_t flags = 0;
    if (newlines >= 1) flags |= kNewlineBefore;
    if (newlines >= 2) flags |= kParagraphStart;
    if (space || newlines) flags |= kSpaceBefore;
    tokens_.push_back(
        Token{static_cast<std::uint32_t>(b), static_cast<std::uint32_t>(e), kind, flags});
    newlines = 0;
    space = false;
  };
  while (i < n) {
    CharInfo c = classify(s, i);
    switch (c.cls) {
      case Cls::kSpace:
      case Cls::kIgnorable:
        space = true;
        i += c.size;
        continue;
      case Cls::kNewline:
        ++newlines;
        space = true;
        i += c.size;
        continue;
      default:
        break;
    }
    const std::size_t b = i;
    // URLs and e-mail addresses stay whole.
    if (c.cls == Cls::kLetter &&
        (starts_with_ci(s, i, "http://") || starts_with_ci(s, i, "https://") ||
         starts_with_ci(s, i, "www."))) {
      std::size_t e = i;
      while (e < n) {
        CharInfo x = classify(s, e);
        if (x.cls == Cls::kSpace || x.cls == Cls::kNewline) break;
        e += x.size;
      }
      // Trailing punctuation belongs to the sentence, not the URL.
      while (e > b + 4 && std::strchr(".,;:!?)]\"'", s[e - 1]) != nullptr) --e;
      push(b, e, TokenKind::kSymbol);
      i = e;
      continue;
    }
    if (c.cls == Cls::kLetter) {
      // A word: letters, digits, marks; hyphens and apostrophes inside; periods of abbreviations.
      std::size_t e = i + c.size;
      std::size_t letters = 1;
      bool dotted = false;  // U.S., a.m.
      while (e < n) {
        CharInfo x = classify(s, e);
        if (is_alnum(x.cls) || x.cls == Cls::kIgnorable) {
          e += x.size;
          ++letters;
          continue;
        }
        if (x.cls == Cls::kHyphen && e + 1 < n && is_alnum(classify(s, e + 1).cls)) {
          e += 1;
          continue;
        }
        if (x.cls == Cls::kApostrophe && e + x.size < n) {
          const std::size_t after = e + x.size;
          if (classify(s, after).cls != Cls::kLetter) break;
          // "n't": split before the n, unless the word is just "n" ("do n't" pre-tokenized).
          if ((s[after] == 't' || s[after] == 'T') &&
              (after + 1 == n || classify(s, after + 1).cls != Cls::kLetter) && e > b &&
              (s[e - 1] == 'n' || s[e - 1] == 'N')) {
            if (e - 1 > b) {
              e -= 1;  // the word ends before "n't"
              break;
            }
            e = after + 1;  // the token is "n't"
            break;
          }
          if (clitic_at(s, after) > 0) break;  // "Russia's" -> "Russia" "'s"
          e = after;                           // O'Neil
          continue;
        }
        if (x.cls == Cls::kPeriod && e + 1 < n && classify(s, e + 1).cls == Cls::kLetter &&
            (letters <= 2 || dotted)) {
          // Internal period of a dotted abbreviation: U.S, a.m, Ph.D
          const std::size_t seg_start = e + 1;
          std::size_t k = seg_start;
          while (k < n && classify(s, k).cls == Cls::kLetter && k - seg_start < 3) ++k;
          if (k < n && (s[k] == '.' || classify(s, k).cls != Cls::kLetter)) {
            dotted = true;
            e = e + 1;
            letters = 0;
            continue;
          }
        }
        if (x.cls == Cls::kPeriod && !dotted && all_ascii_upper(s.substr(b, e - b)) && e + 1 < n &&
            is_ascii_upper(s[e + 1])) {
          // A stock ticker with its exchange: "LKH.N", "VOD.L", "ABC.AX".
          std::size_t k = e + 1;
          while (k < n && is_ascii_upper(s[k]) && k - e <= 2) ++k;
          if (k == n || (classify(s, k).cls != Cls::kLetter && s[k] != '.' && s[k] != '-')) {
            e = k;
            break;
          }
        }
        if (s[e] == '&' && e + 1 < n && is_ascii_upper(s[e - 1]) && is_ascii_upper(s[e + 1])) {
          // Company initials joined by an ampersand: S&P, AT&T.
          e += 1;
          continue;
        }
        if (x.cls == Cls::kSymbol && s[e] == '@' && e + 1 < n &&
            classify(s, e + 1).cls == Cls::kLetter) {
          // e-mail: user@host.tld
          std::size_t k = e + 1;
          while (k < n) {
            CharInfo y = classify(s, k);
            if (is_alnum(y.cls) || y.cls == Cls::kHyphen ||
                (y.cls == Cls::kPeriod && k + 1 < n && is_alnum(classify(s, k + 1).cls))) {
              k += y.size;
            } else {
              break;
            }
          }
          e = k;
          break;
        }
        break;
      }
      // A final period joins known abbreviations, initials and dotted abbreviations.
      if (e < n && s[e] == '.') {
        std::string_view w = s.substr(b, e - b);
        const bool initial = e - b == 1 && w[0] >= 'A' && w[0] <= 'Z';
        if (dotted || initial || never_ends(w) || may_end(w)) ++e;
        // A dotted abbreviation as the first part of a compound: "U.S.-led".
        if (dotted && e + 1 < n && s[e] == '-' && classify(s, e + 1).cls == Cls::kLetter) {
          e += 1;
          while (e < n) {
            CharInfo x = classify(s, e);
            if (is_alnum(x.cls)) {
              e += x.size;
            } else if (x.cls == Cls::kHyphen && e + 1 < n && is_alnum(classify(s, e + 1).cls)) {
              e += 1;
            } else {
              break;
            }
          }
        }
      } else if (e < n && s[e] == '$' && e - b <= 3 && all_ascii_upper(s.substr(b, e - b))) {
        ++e;  // a currency prefix: US$, C$, HK$
      }
      push(b, e, TokenKind::kWord);
      i = e;
      continue;
    }
    if (c.cls == Cls::kApostrophe) {
      // A clitic written apart ("Russia 's", as in pre-tokenized text), or "'90s".
      const std::size_t after = i + c.size;
      std::size_t cl = after < n ? clitic_at(s, after) : 0;
      if (cl > 0) {
        push(b, after + cl, TokenKind::kWord);
        i = after + cl;
        continue;
      }
      if (after + 1 < n && classify(s, after).cls == Cls::kDigit &&
          classify(s, after + 1).cls == Cls::kDigit) {
        std::size_t e = after;
        while (e < n && is_alnum(classify(s, e).cls)) e += classify(s, e).size;
        push(b, e, TokenKind::kNumber);
        i = e;
        continue;
      }
      // '' (two apostrophes as a closing quote) stays one token.
      std::size_t e = after;
      if (e < n && s[e] == '\'') ++e;
      push(b, e, TokenKind::kPunct);
      i = e;
      continue;
    }
    const bool signed_number = (s[i] == '+' || s[i] == '-') && i + 1 < n &&
                               classify(s, i + 1).cls == Cls::kDigit &&
                               (i == 0 || space || newlines > 0);
    if (c.cls == Cls::kDigit || signed_number) {
      // A number: digits, letters attached (1990s, 10th, 5pm), separators between digits,
      // hyphenated compounds ("12-year-old"), a sign written before it ("+44", "-0.5").
      std::size_t e = i + c.size;
      while (e < n) {
        CharInfo x = classify(s, e);
        if (is_alnum(x.cls)) {
          e += x.size;
          continue;
        }
        const char ch = s[e];
        if ((ch == ',' || ch == '.' || ch == ':' || ch == '/' || ch == '-') && e + 1 < n &&
            classify(s, e + 1).cls == Cls::kDigit) {
          e += 1;
          continue;
        }
        if (ch == '-' && e + 1 < n && classify(s, e + 1).cls == Cls::kLetter) {
          e += 1;
          continue;
        }
        break;
      }
      // A list or rank number opening a line keeps its period: "1. Smith (Kenya) 2:10:15".
      if (e < n && s[e] == '.' && newlines > 0 && e - b <= 3 &&
          all_ascii_digits(s.substr(b, e - b)) &&
          (e + 1 == n || classify(s, e + 1).cls == Cls::kSpace)) {
        ++e;
      }
      push(b, e, TokenKind::kNumber);
      i = e;
      continue;
    }
    if (c.cls == Cls::kPeriod && i + 1 < n && classify(s, i + 1).cls == Cls::kDigit &&
        (i == 0 || !is_alnum(classify(s, utf8::previous(s, i)).cls))) {
      // ".5"
      std::size_t e = i + 1;
      while (e < n && classify(s, e).cls == Cls::kDigit) ++e;
      push(b, e, TokenKind::kNumber);
      i = e;
      continue;
    }
    // Punctuation and symbols: a run of the same character is one token ("--", "...", "!!").
    std::size_t e = i + c.size;
    if (c.cls == Cls::kPeriod || c.cls == Cls::kHyphen || c.cls == Cls::kPunct ||
        (c.cls == Cls::kSymbol && (s[i] == '*' || s[i] == '=' || s[i] == '#'))) {
      while (e + c.size <= n && s.compare(e, c.size, s.substr(i, c.size)) == 0) e += c.size;
      // "`" "`" and "'" "'" quote pairs of pre-tokenized text are covered by the run rule.
    }
    const bool punct = c.cls != Cls::kSymbol;
    push(b, e, punct ? TokenKind::kPunct : TokenKind::kSymbol);
    i = e;
  }
}

void Segmentation::split_sentences() {
  const std::size_t nt = tokens_.size();
  if (nt == 0) return;
  auto tok = [&](std::size_t k) { return text_of(tokens_[k]); };
  auto is_terminal = [&](std::size_t k) {
    const Token& t = tokens_[k];
    if (t.kind != TokenKind::kPunct) return false;
    std::string_view w = tok(k);
    const char c = w[0];
    if (c == '.' || c == '!' || c == '?') return true;
    return w == "\xE2\x80\xA6" || w.substr(0, 3) == "\xE2\x80\xA6";  // …
  };
  auto is_closer = [&](std::size_t k) {
    std::string_view w = tok(k);
    return w == "\"" || w == "'" || w == "''" || w == ")" || w == "]" || w == "\xE2\x80\x9D" ||
           w == "\xE2\x80\x99" || w == "\xC2\xBB";
  };
  auto is_opener = [&](std::string_view w) {
    return w == "\"" || w == "``" || w == "(" || w == "[" || w == "\xE2\x80\x9C" ||
           w == "\xE2\x80\x98" || w == "\xC2\xAB" || w == "'";
  };
  // Does a new sentence plausibly start at token k (after a terminal)?
  auto starts_sentence = [&](std::size_t k) {
    const Token& t = tokens_[k];
    if (!(t.flags & kSpaceBefore)) return false;
    std::string_view w = tok(k);
    if (t.kind == TokenKind::kNumber) return true;
    if (is_opener(w)) return true;
    if (t.kind == TokenKind::kWord) return !is_lower_start(w);
    return t.kind == TokenKind::kSymbol;  // "$5 million was..."
  };

  std::size_t start = 0;
  auto close = [&](std::size_t end_token) {  // tokens [start, end_token)
    if (end_token <= start) return;
    sentences_.push_back(Sentence{tokens_[start].begin, tokens_[end_token - 1].end,
                                  static_cast<std::uint32_t>(start),
                                  static_cast<std::uint32_t>(end_token), 0});
    start = end_token;
  };
  for (std::size_t k = 0; k < nt; ++k) {
    // Boundaries before token k that come from line breaks.
    if (k > start) {
      const Token& t = tokens_[k];
      if (t.flags & kParagraphStart) {
        close(k);
      } else if (t.flags & kNewlineBefore) {
        const Token& prev = tokens_[k - 1];
        std::string_view pw = tok(k - 1);
        const bool continues = (pw == "," || pw == "-" || pw == "--" || pw == ";" ||
                                (prev.kind == TokenKind::kWord && !is_terminal(k - 1))) &&
                               is_lower_start(tok(k));
        if (!continues) close(k);
      }
    }
    // Boundaries after token k that come from punctuation.
    std::size_t last = k;  // the last token of the sentence if it ends here
    bool candidate = false;
    bool ambiguous = false;  // an abbreviation that may end a sentence
    const Token& t = tokens_[k];
    std::string_view w = tok(k);
    if (is_terminal(k)) {
      candidate = true;
    } else if (t.kind == TokenKind::kWord && w.size() > 1 && w.back() == '.') {
      std::string_view stem = w.substr(0, w.size() - 1);
      const bool initial = stem.size() == 1;
      if (!initial && !never_ends(stem)) {
        candidate = true;
        ambiguous = true;
      }
    }
    if (!candidate) continue;
    while (last + 1 < nt && !(tokens_[last + 1].flags & kSpaceBefore) &&
           (is_closer(last + 1) || is_terminal(last + 1))) {
      ++last;
    }
    if (last + 1 >= nt) continue;  // the text's end closes it
    const std::size_t next = last + 1;
    if (tokens_[next].flags & kNewlineBefore) {
      k = last;  // the line-break rule above decides
      continue;
    }
    bool boundary = starts_sentence(next);
    if (boundary && ambiguous) {
      // After an abbreviation that may end a sentence, a bracket opens a gloss of the same
      // sentence ("10:35 a.m. (0735 GMT) Friday"), while a quotation mark may open a new one.
      const std::string_view nw = tok(next);
      const bool bracket = nw == "(" || nw == "[";
      boundary = !bracket && (tokens_[next].kind != TokenKind::kWord ||
                              is_sentence_starter(nw) || is_opener(nw));
    }
    if (boundary) close(next);
    k = last;
  }
  close(nt);
  // Paragraph numbers: count paragraph starts among sentence starts.
  std::uint32_t p = 0;
  for (std::size_t si = 0; si < sentences_.size(); ++si) {
    const Token& first = tokens_[sentences_[si].first_token];
    if (si > 0 && (first.flags & kParagraphStart)) ++p;
    sentences_[si].paragraph = p;
  }
  paragraphs_ = sentences_.empty() ? 0 : p + 1;
}

const Segmentation& segment(Document& doc) {
  const TextView& view = doc.view();
  if (doc.segmentation_ && doc.segmentation_->view_name() == view.name() &&
      doc.segmentation_->text().data() == view.text().data()) {
    return *doc.segmentation_;
  }
  auto seg = std::make_shared<Segmentation>(view.text());
  seg->view_name_ = view.name();
  const bool want_sentences = !doc.has_layer("sentence");
  const bool want_tokens = !doc.has_layer("token");
  if (want_sentences || want_tokens) {
    const std::string previous = doc.producers()[doc.current_producer()];
    doc.set_producer("segmenter");
    if (want_sentences) {
      Layer& layer = doc.layer("sentence");
      layer.annotations().reserve(seg->sentences().size());
      for (const Sentence& s : seg->sentences()) {
        Value::Object attrs;
        attrs.append_unchecked("paragraph", static_cast<std::int64_t>(s.paragraph));
        doc.annotate("sentence", view, Span{s.begin, s.end}, std::move(attrs));
      }
    }
    if (want_tokens) {
      Layer& layer = doc.layer("token");
      layer.annotations().reserve(seg->tokens().size());
      for (const Token& t : seg->tokens()) doc.annotate("token", view, Span{t.begin, t.end});
    }
    doc.set_producer(previous);
  }
  doc.segmentation_ = std::move(seg);
  return *doc.segmentation_;
}

}  // namespace docpipe
