// The rule scanner of the dating stage (internal to the plugin). Each rule is a small scanner
// that starts at a token and either fails or returns how far the expression reaches and its
// symbolic value. At every token the optional prefix (determiner, modifier, approximation) is
// read first, then the core rules are tried and the longest match wins.
//
// The methods live in four files by kind of rule: scanner_core.cc (prefix, dispatch, output),
// rules_dates.cc (month names, years, weekdays, seasons, holidays, quarters),
// rules_relative.cc (last/this/next, one-word and "the ..." expressions, hyphenated words) and
// rules_durations.cc (durations, offsets, sets, clock times).
#ifndef DOCPIPE_DATING_SENTENCE_SCANNER_H_
#define DOCPIPE_DATING_SENTENCE_SCANNER_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "docpipe/text/segmenter.h"
#include "scan_token.h"
#include "timex.h"

namespace docpipe::dating::scan {

using Tok = ScanToken;

inline bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

inline int parse_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// "13th", "1st", "22nd", "3rd" -> the number; -1 otherwise.
inline int numeric_ordinal(std::string_view s) {
  if (s.size() < 3 || s.size() > 4) return -1;
  const std::string_view suffix = s.substr(s.size() - 2);
  const std::string_view digits = s.substr(0, s.size() - 2);
  if (!all_digits(digits)) return -1;
  if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return -1;
  return parse_int(digits);
}

struct Match {
  std::size_t end = 0;  // token index, exclusive
  TimexType type = TimexType::kDate;
  Symbolic sym;
  Mod mod = Mod::kNone;
  bool takes_det = false;   // a preceding "the" belongs to the span
  bool takes_mod = true;    // early/late/mid may precede it
  bool number_led = false;  // approximations ("about", "more than") may precede it
  std::string quant;
  // A second expression inside the same match (ranges written "Sept. 10-13", "2020-22"):
  // its byte span and value; split_at is where the first one ends.
  std::uint32_t split_at = 0;
  std::optional<Symbolic> second;
  // Where the second expression begins when it is a token of its own ("April 24 and 25");
  // 0: right after split_at.
  std::uint32_t second_begin = 0;
};

// Finds the expressions of one sentence. Not thread safe; one scanner per sentence.
class SentenceScanner {
 public:
  // `infos[i]` is the lexicon entry of tokens[i] (see word_infos()).
  SentenceScanner(std::string_view text, std::span<const Token> tokens,
                  std::span<const WordInfo* const> infos, bool all_caps)
      : all_caps_(all_caps) {
    toks_.reserve(tokens.size());
    // Lower-cased token texts, one buffer for the sentence (sized first: views point into it).
    std::size_t chars = 0;
    for (const Token& t : tokens) chars += t.end - t.begin;
    lower_.resize(chars);
    std::size_t at = 0;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      const Token& t = tokens[i];
      Tok k;
      k.text = text.substr(t.begin, t.end - t.begin);
      for (std::size_t c = 0; c < k.text.size(); ++c) {
        const char ch = k.text[c];
        lower_[at + c] = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
      }
      k.lower = std::string_view(lower_).substr(at, k.text.size());
      at += k.text.size();
      k.begin = t.begin;
      k.end = t.end;
      k.kind = t.kind;
      k.space_before = (t.flags & kSpaceBefore) != 0;
      k.cap = !k.text.empty() && k.text[0] >= 'A' && k.text[0] <= 'Z';
      k.info = infos[i];
      if (k.kind == TokenKind::kNumber && k.text.size() <= 4 && all_digits(k.text)) {
        k.num = parse_int(k.text);
        k.digits = static_cast<int>(k.text.size());
      }
      toks_.push_back(std::move(k));
    }
  }

 private:
  // ---- token tests ----
  std::size_t size() const { return toks_.size(); }
  bool has(std::size_t i) const { return i < toks_.size(); }
  bool is(std::size_t i, std::string_view w) const { return has(i) && toks_[i].lower == w; }
  std::uint32_t cls(std::size_t i) const { return has(i) ? toks_[i].info->classes : 0; }
  const WordInfo& info(std::size_t i) const { return *toks_[i].info; }
  bool word_like(std::size_t i) const { return has(i) && toks_[i].kind == TokenKind::kWord; }
  bool adjacent(std::size_t i) const { return has(i) && !toks_[i].space_before; }
  bool lower_has_dash(std::size_t i) const {
    return has(i) && toks_[i].lower.find('-') != std::string_view::npos;
  }

  // A cheap test that token i can begin an expression (most tokens cannot).
  bool could_start(std::size_t i) const;

  // ---- prefix: determiner, modifiers, approximations ----
  std::optional<Match> match_with_prefix(std::size_t i);

  std::optional<Match> match_after_mod(std::size_t j, Mod, bool, bool);

  // ---- core rules: the longest match wins ----
  std::optional<Match> match_core(std::size_t j);

  // ---- numbers ----
  // A cardinal at j: digits, a numeral in words ("twenty four", "twenty-four"), "a"/"an" when
  // `article`; vague quantities ("several", "a few", "a couple of") give -2. -1 when none.
  int cardinal(std::size_t j, bool article, std::size_t* next) const;

  static int year_of(const Tok& t) {
    if (t.digits == 4 && t.num >= 1000 && t.num <= 2999) return t.num;
    return 0;
  }

  // A year token at j for a date ("Sept. 13, 2023"): 4 digits.
  int year_at(std::size_t j) const { return has(j) ? year_of(toks_[j]) : 0; }

  // The year written right after a day, at *e: "13, 2023" or "13 2023". Returns it (0 when there
  // is none) and moves *e past it.
  int take_year(std::size_t* e) const {
    if (is(*e, ",") && year_at(*e + 1)) {
      *e += 2;
      return year_at(*e - 1);
    }
    const int y = year_at(*e);
    if (y != 0) ++*e;
    return y;
  }

  // ---- dates with a month name ----
  bool month_is_plausible(std::size_t j, bool followed_by_number) const;

  // A day number at j: "13", "13th", "thirteenth" (1..31).
  int day_at(std::size_t j) const;

  Match date_match(std::size_t end, int y, int m, int d) const;

  std::optional<Match> month_date(std::size_t j);

  // DAY MONTH [YEAR]: "13 September 2023", "the 13th of September".
  std::optional<Match> day_month(std::size_t j);

  // ---- years and decades ----
  bool year_context_ok(std::size_t j, int y) const;

  std::optional<Match> year(std::size_t j);

  // "9/11/2001", "12/25/98": month/day/year in figures, US order, the year required.
  std::optional<Match> numeric_date(std::size_t j);

  // Years in words: "nineteen ninety-six", "nineteen eighty four", "two thousand [and] three".
  // Returns the year and sets *end, or 0.
  int spelled_year(std::size_t j, std::size_t* end) const;

  std::optional<Match> spelled(std::size_t j);

  // "the year 2000", "the year two thousand"
  std::optional<Match> the_year(std::size_t j);

  // "the 21st century", "the twentieth century": the century's two digits ("20").
  std::optional<Match> century(std::size_t j);

  // ---- weekdays ----
  std::optional<Match> weekday(std::size_t j);

  // "Monday morning", "yesterday afternoon", "Monday night": TIME with a part of the day.
  void add_part_of_day(Match* r);

  std::optional<Match> plural_weekday(std::size_t j);

  // ---- last / this / next ----
  std::optional<Match> relative(std::size_t j);

  static Gran gran_of(Unit u);

  // ---- seasons ----
  std::optional<Match> season(std::size_t j);

  // ---- holidays ----
  std::optional<Match> holiday(std::size_t j);
  void coordinated_day(Match* m) const;

  // ---- quarters and halves ----
  std::optional<Match> quarter(std::size_t j);

  // ---- durations and offsets: "three years", "a year ago", "two days later" ----
  Match duration_match(int n, Unit u, std::size_t end) const;

  static std::string duration_value(int n, Unit u);

  // n and a half units: "PT1M30S", "PT2H30M", "P3DT12H", "P2.5Y".
  static std::string half_more(int n, Unit u);

  std::optional<Match> duration(std::size_t j);

  // ---- one-word expressions ----
  std::optional<Match> deictic(std::size_t j);

  // Hyphenated words: "two-year", "10-year", "third-quarter", "year-earlier", "mid-1990s",
  // "mid-November", "year-end".
  std::optional<Match> compound(std::size_t j);

  // ---- sets ----
  std::optional<Match> set_expression(std::size_t j);

  std::optional<Match> frequency(std::size_t j);

  // ---- clock times ----
  // "10:30", "10:30 a.m.", "3 p.m.", "3pm", "10 p.m. EST", "15:00 GMT", followed optionally by a
  // day ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6").
  std::optional<Match> clock_time(std::size_t j);

  // A day written right after a time: "10 p.m. Wednesday", "noon Thursday", "5 p.m., Nov. 6".
  void attach_day(Match* r);

  std::optional<Match> named_time(std::size_t j);

  // ---- output ----
  void emit(const Match& m, std::vector<Mention>* out);

  std::span<const Tok> toks_view() const { return toks_; }

 public:
  // Scans with the span start recorded (match_with_prefix starts at i).
  void scan_all(std::vector<Mention>* out);

 private:
  std::string lower_;  // backs every Tok::lower
  std::vector<Tok> toks_;
  bool all_caps_ = false;
  std::size_t span_start_ = 0;
};

}  // namespace docpipe::dating::scan

#endif  // DOCPIPE_DATING_SENTENCE_SCANNER_H_
