// Rules of the dating stage. Each rule is a small scanner that starts at a token and either
// fails or returns how far the expression reaches and its symbolic value. At every token the
// optional prefix (determiner, modifier, approximation) is read first, then the core rules are
// tried and the longest match wins.
#include "recognizer.h"

#include <cstring>
#include <optional>
#include <string>

#include "calendar.h"
#include "scan_token.h"
#include "tense.h"

namespace docpipe::dating {
namespace {

using Tok = ScanToken;

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int parse_int(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

// "13th", "1st", "22nd", "3rd" -> the number; -1 otherwise.
int numeric_ordinal(std::string_view s) {
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
};

class SentenceScanner {
 public:
  SentenceScanner(std::string_view text, std::span<const Token> tokens, bool all_caps)
      : all_caps_(all_caps) {
    toks_.reserve(tokens.size());
    for (const Token& t : tokens) {
      Tok k;
      k.text = text.substr(t.begin, t.end - t.begin);
      to_lower_ascii(k.text, &k.lower);
      k.begin = t.begin;
      k.end = t.end;
      k.kind = t.kind;
      k.space_before = (t.flags & kSpaceBefore) != 0;
      k.cap = !k.text.empty() && k.text[0] >= 'A' && k.text[0] <= 'Z';
      k.info = &lookup_word(k.lower);
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

  // A cheap test that token i can begin an expression (most tokens cannot).
  bool could_start(std::size_t i) const {
    const Tok& t = toks_[i];
    if (t.kind == TokenKind::kNumber) return true;
    if (t.kind != TokenKind::kWord) return t.lower == "'" ;
    if (t.info->classes != 0) return true;
    return t.lower.size() > 4 && (t.lower.compare(0, 4, "mid-") == 0 ||
                                  t.lower.find('-') != std::string::npos);
  }

  // ---- prefix: determiner, modifiers, approximations ----
  std::optional<Match> match_with_prefix(std::size_t i) {
    std::size_t j = i;
    bool det = false;
    Mod mod = Mod::kNone;
    bool approx = false;
    bool fiscal = false;
    // Approximations come first: "about the", "more than", "at least", "no more than".
    if (is(j, "more") && is(j + 1, "than")) {
      mod = Mod::kMoreThan, approx = true, j += 2;
    } else if ((is(j, "less") || is(j, "fewer")) && is(j + 1, "than")) {
      mod = Mod::kLessThan, approx = true, j += 2;
    } else if (is(j, "at") && is(j + 1, "least")) {
      mod = Mod::kEqualOrMore, approx = true, j += 2;
    } else if (is(j, "no") && is(j + 1, "more") && is(j + 2, "than")) {
      mod = Mod::kEqualOrLess, approx = true, j += 3;
    } else if (is(j, "up") && is(j + 1, "to")) {
      mod = Mod::kEqualOrLess, approx = true, j += 2;
    } else if (is(j, "just") && (cls(j + 1) & kApprox)) {
      mod = static_cast<Mod>(info(j + 1).mod), approx = true, j += 2;
    } else if (cls(j) & kApprox) {
      mod = static_cast<Mod>(info(j).mod), approx = true, j += 1;
    }
    // "over the weekend", "over the past two years": "over" is a preposition there.
    if (approx && is(j, "the")) return std::nullopt;
    if (is(j, "the")) {
      // "the end of", "the beginning of", "the middle of", "the start of"
      if (is(j + 2, "of") && !approx) {
        const std::string& w = toks_[j + 1].lower;
        Mod m = Mod::kNone;
        if (w == "end" || w == "close") m = Mod::kEnd;
        if (w == "beginning" || w == "start") m = Mod::kStart;
        if (w == "middle") m = Mod::kMid;
        if (m != Mod::kNone) {
          if (auto core = match_after_mod(j + 3, m, /*det=*/false, false)) {
            core->mod = m;
            return core;
          }
        }
      }
      // Expressions that begin with "the" themselves ("the past", "the quarter").
      if (!approx) {
        if (auto own = deictic(j)) {
          auto rest = match_core(j + 1);
          if (!rest || !rest->takes_det || rest->end <= own->end) return own;
        }
      }
      det = true;
      ++j;
    }
    if (is(j, "fiscal")) {
      fiscal = true;
      ++j;
    }
    if (!approx && (cls(j) & kPreModifier) && !is(j + 1, "than")) {
      const Mod m = static_cast<Mod>(info(j).mod);
      std::size_t k = j + 1;
      if (toks_[j].lower == "mid" && is(k, "-")) ++k;
      if (auto core = match_core(k); core && core->takes_mod &&
                                     core->type != TimexType::kDuration) {
        if (det && !core->takes_det) return std::nullopt;
        core->mod = m;
        return core;
      }
    }
    std::optional<Match> core = match_core(j);
    if (!core) return std::nullopt;
    if (approx && (!core->number_led || core->sym.literal.find('X') != std::string::npos)) {
      // "over the weekend", "some years": the word is not part of the expression.
      return std::nullopt;
    }
    if (det && !core->takes_det) return std::nullopt;
    if (fiscal && core->sym.year == 0 && core->sym.quarter == 0 && core->sym.half == 0) {
      return std::nullopt;
    }
    if (approx) core->mod = mod;
    return core;
  }

  std::optional<Match> match_after_mod(std::size_t j, Mod, bool, bool) {
    std::size_t k = j;
    if (is(k, "the")) ++k;
    auto core = match_core(k);
    if (!core || core->type == TimexType::kDuration || core->type == TimexType::kSet) {
      return std::nullopt;
    }
    if (k != j && !core->takes_det) return std::nullopt;
    return core;
  }

  // ---- core rules: the longest match wins ----
  std::optional<Match> match_core(std::size_t j) {
    if (!has(j)) return std::nullopt;
    std::optional<Match> best;
    auto consider = [&](std::optional<Match> m) {
      if (m && (!best || m->end > best->end)) best = std::move(m);
    };
    const std::uint32_t c = cls(j);
    const Tok& t = toks_[j];
    if (c & kMonthName) consider(month_date(j));
    if (t.kind == TokenKind::kNumber || (c & kOrdinalWord)) consider(day_month(j));
    if (t.kind == TokenKind::kNumber) {
      consider(year(j));
      consider(clock_time(j));
    }
    if (c & kWeekdayName) consider(weekday(j));
    if (c & kPluralWeekday) consider(plural_weekday(j));
    if (c & kRelative) consider(relative(j));
    if (c & kSeasonWord) consider(season(j));
    if (c & kHolidayStart) consider(holiday(j));
    if (c & kFrequency) consider(frequency(j));
    if (c & (kOrdinalWord | kRelative)) consider(quarter(j));
    consider(duration(j));
    if (c & kNumberWord) consider(spelled(j));
    if (t.lower == "year") consider(the_year(j));
    consider(deictic(j));
    consider(compound(j));
    if (t.lower == "every" || t.lower == "each") consider(set_expression(j));
    if (t.lower == "noon" || t.lower == "midnight" || t.lower == "midday") consider(named_time(j));
    if (t.lower == "'" || t.lower == "'s") consider(year(j));
    return best;
  }

  // ---- numbers ----
  // A cardinal at j: digits, a numeral in words ("twenty four", "twenty-four"), "a"/"an" when
  // `article`; vague quantities ("several", "a few", "a couple of") give -2. -1 when none.
  int cardinal(std::size_t j, bool article, std::size_t* next) const {
    if (!has(j)) return -1;
    const Tok& t = toks_[j];
    if (t.num >= 0 && t.digits <= 3) {
      *next = j + 1;
      return t.num;
    }
    if (t.info->classes & kNumberWord) {
      int v = t.info->number;
      *next = j + 1;
      if (v >= 20 && v % 10 == 0 && has(j + 1) && (cls(j + 1) & kNumberWord) &&
          info(j + 1).number < 10) {
        v += info(j + 1).number;
        *next = j + 2;
      }
      return v;
    }
    if ((t.lower == "a" || t.lower == "an") && article) {
      if (is(j + 1, "few")) {
        *next = j + 2;
        return -2;
      }
      if (is(j + 1, "couple") && is(j + 2, "of")) {
        *next = j + 3;
        return -2;
      }
      *next = j + 1;
      return 1;
    }
    if (t.lower == "several" || t.lower == "few" || t.lower == "many" || t.lower == "recent") {
      *next = j + 1;
      return -2;
    }
    return -1;
  }

  static int year_of(const Tok& t) {
    if (t.digits == 4 && t.num >= 1000 && t.num <= 2999) return t.num;
    return 0;
  }

  // A year token at j for a date ("Sept. 13, 2023"): 4 digits.
  int year_at(std::size_t j) const { return has(j) ? year_of(toks_[j]) : 0; }

  // ---- dates with a month name ----
  bool month_is_plausible(std::size_t j, bool followed_by_number) const {
    const Tok& t = toks_[j];
    if (!t.cap && !all_caps_) return false;
    const int m = t.info->month;
    const bool ambiguous = (m == 5 && t.lower == "may") || (m == 3 && t.lower == "march");
    // Abbreviations without a period ("Jan", "Mar", "Sept") only with a number after them.
    const bool bare_abbreviation = t.lower.size() <= 4 && t.lower.back() != '.' &&
                                   t.lower != "may" && t.lower != "june" && t.lower != "july";
    if (bare_abbreviation && !followed_by_number) return false;
    if (!ambiguous || followed_by_number) return true;
    // "May" or "March" alone: only after a preposition or a date modifier, and not before
    // a pronoun, an article or a verb particle.
    if (j == 0) return false;
    if (!(cls(j - 1) & (kDatePreposition | kPreModifier | kRelative))) return false;
    if (is(j - 1, "to") || is(j - 1, "and")) return false;
    if (has(j + 1) && (cls(j + 1) & kNotAfterMonth)) return false;
    return true;
  }

  // A day number at j: "13", "13th", "thirteenth" (1..31).
  int day_at(std::size_t j) const {
    if (!has(j)) return 0;
    const Tok& t = toks_[j];
    if (t.num >= 1 && t.num <= 31 && t.digits <= 2) return t.num;
    const int ord = numeric_ordinal(t.lower);
    if (ord >= 1 && ord <= 31) return ord;
    if ((t.info->classes & kOrdinalWord) && t.info->number <= 31) return t.info->number;
    return 0;
  }

  Match date_match(std::size_t end, int y, int m, int d) const {
    Match r;
    r.end = end;
    r.sym.how = Anchoring::kDate;
    r.sym.year = y;
    r.sym.month = m;
    r.sym.day = d;
    r.sym.gran = d != 0 ? Gran::kDay : Gran::kMonth;
    return r;
  }

  std::optional<Match> month_date(std::size_t j) {
    const int m = info(j).month;
    std::size_t k = j + 1;
    // MONTH DAY [,] [YEAR]
    if (has(k)) {
      const Tok& t = toks_[k];
      // "Sept. 10-13": a day range inside one token.
      if (t.kind == TokenKind::kNumber) {
        const std::size_t dash = t.lower.find('-');
        if (dash != std::string::npos && dash > 0 && dash <= 2 && t.lower.size() - dash - 1 <= 2 &&
            all_digits(std::string_view(t.lower).substr(0, dash)) &&
            all_digits(std::string_view(t.lower).substr(dash + 1))) {
          const int d1 = parse_int(std::string_view(t.lower).substr(0, dash));
          const int d2 = parse_int(std::string_view(t.lower).substr(dash + 1));
          if (d1 >= 1 && d1 <= 31 && d2 > d1 && d2 <= 31 && month_is_plausible(j, true)) {
            std::size_t e = k + 1;
            int y = 0;
            if (is(e, ",") && year_at(e + 1)) e += 1;
            if (year_at(e)) y = year_at(e++);
            Match r = date_match(k + 1, y, m, d1);
            r.split_at = t.begin + static_cast<std::uint32_t>(dash);
            Symbolic s2 = r.sym;
            s2.day = d2;
            r.second = s2;
            r.end = y ? e : k + 1;
            return r;
          }
        }
      }
      const int d = day_at(k);
      if (d != 0 && !(t.info->classes & kOrdinalWord && !t.cap && false)) {
        if (!month_is_plausible(j, true)) return std::nullopt;
        std::size_t e = k + 1;
        int y = 0;
        if (is(e, ",") && year_at(e + 1)) {
          y = year_at(e + 1);
          e += 2;
        } else if (year_at(e)) {
          y = year_at(e);
          e += 1;
        }
        if (y != 0 && !is_valid_date(y, m, d)) return std::nullopt;
        if (y == 0 && d > days_in_month(2000, m)) return std::nullopt;
        // "May 3-1 win"? a score is one token ("3-1") and fails day_at.
        return date_match(e, y, m, d);
      }
      // MONTH [,|of] YEAR
      std::size_t yk = k;
      if (is(yk, ",") || is(yk, "of")) ++yk;
      std::size_t spelled_end = 0;
      if (const int y = spelled_year(yk, &spelled_end)) {
        if (!month_is_plausible(j, true)) return std::nullopt;
        return date_match(spelled_end, y, m, 0);
      }
      if (const int y = year_at(yk)) {
        if (!month_is_plausible(j, true)) return std::nullopt;
        Match r = date_match(yk + 1, y, m, 0);
        return r;
      }
    }
    if (!month_is_plausible(j, false)) return std::nullopt;
    Match r = date_match(j + 1, 0, m, 0);
    // "June last year", "January this year"
    if ((cls(j + 1) & kRelative) && is(j + 2, "year") &&
        (is(j + 1, "last") || is(j + 1, "this") || is(j + 1, "next"))) {
      r.sym.year_shift = info(j + 1).relative;
      r.end = j + 3;
    }
    return r;
  }

  // DAY MONTH [YEAR]: "13 September 2023", "the 13th of September".
  std::optional<Match> day_month(std::size_t j) {
    const int d = day_at(j);
    if (d == 0) return std::nullopt;
    std::size_t k = j + 1;
    if (is(k, "of")) ++k;
    if (!(cls(k) & kMonthName) || !month_is_plausible(k, true)) return std::nullopt;
    if (k == j + 1 && toks_[j].num < 0 && numeric_ordinal(toks_[j].lower) < 0) {
      // "first May" is not a date; "first of May" is.
      return std::nullopt;
    }
    const int m = info(k).month;
    std::size_t e = k + 1;
    int y = 0;
    if (is(e, ",") && year_at(e + 1)) {
      y = year_at(e + 1);
      e += 2;
    } else if (year_at(e)) {
      y = year_at(e++);
    }
    if (y != 0 ? !is_valid_date(y, m, d) : d > days_in_month(2000, m)) return std::nullopt;
    Match r = date_match(e, y, m, d);
    r.takes_det = true;
    return r;
  }

  // ---- years and decades ----
  bool year_context_ok(std::size_t j, int y) const {
    if (j > 0) {
      const Tok& p = toks_[j - 1];
      if (p.info->classes & kYearRejectBefore) {
        // "of 1990" and "to 2000" are fine; "Pier 33" and "$1990" are not.
        const bool preposition = p.lower == "of" || p.lower == "to" || p.lower == "the" ||
                                 p.lower == "up" || p.lower == "down" || p.lower == "all";
        if (!preposition || y < 1800) return false;
      }
      if (p.kind == TokenKind::kSymbol || (p.kind == TokenKind::kNumber && adjacent(j))) {
        return false;
      }
      if (p.lower == "-" && j >= 2 && toks_[j - 2].kind == TokenKind::kNumber) return false;
    }
    if (has(j + 1)) {
      const Tok& n = toks_[j + 1];
      if (n.lower == "%" || n.lower == "percent" || n.lower == "per" || n.lower == ":" ||
          n.lower == "-" || n.lower == "." && adjacent(j + 1) && has(j + 2) &&
                                              toks_[j + 2].kind == TokenKind::kNumber) {
        return false;
      }
      if (n.kind == TokenKind::kNumber) return false;
      if (n.kind == TokenKind::kSymbol && n.lower != "'") return false;
    }
    const bool date_preposition = j > 0 && (cls(j - 1) & kDatePreposition);
    if (y >= 1900 && y <= 2099) {
      // A plain number before a plural noun ("1990 soldiers") is a count.
      if (!date_preposition && has(j + 1) && toks_[j + 1].kind == TokenKind::kWord &&
          !toks_[j + 1].cap && toks_[j + 1].lower.size() > 3 &&
          toks_[j + 1].lower.back() == 's' && !(cls(j + 1) & (kPastCue | kFutureCue | kPresentCue))) {
        return false;
      }
      return true;
    }
    return date_preposition && y >= 1000;
  }

  std::optional<Match> year(std::size_t j) {
    const Tok& t = toks_[j];
    // Decades: "1990s", "1990's" (two tokens), "'90s".
    auto decade_match = [&](int decade, std::size_t end) {
      Match r;
      r.end = end;
      r.sym.how = Anchoring::kLiteral;
      r.sym.gran = Gran::kDecade;
      r.sym.year = decade;
      r.sym.literal = std::to_string(decade / 10);
      r.takes_det = true;
      return r;
    };
    if (t.kind == TokenKind::kNumber && t.lower.size() == 5 && t.lower.back() == 's' &&
        all_digits(std::string_view(t.lower).substr(0, 4)) && t.lower[3] == '0') {
      const int y = parse_int(std::string_view(t.lower).substr(0, 4));
      if (y >= 1000 && y <= 2990) return decade_match(y, j + 1);
    }
    if (t.lower == "'" && has(j + 1) && adjacent(j + 1)) {
      const std::string& n = toks_[j + 1].lower;
      if (n.size() == 3 && n[2] == 's' && n[1] == '0' && all_digits(n.substr(0, 2))) {
        const int d = parse_int(n.substr(0, 2));
        return decade_match(d >= 30 ? 1900 + d : 2000 + d, j + 2);
      }
      return std::nullopt;
    }
    if (t.lower == "'" || t.lower == "'s") return std::nullopt;
    // Ranges inside one token: "2020-2022", "1998-99".
    if (t.kind == TokenKind::kNumber && (t.lower.size() == 9 || t.lower.size() == 7) &&
        t.lower[4] == '-' && all_digits(std::string_view(t.lower).substr(0, 4)) &&
        all_digits(std::string_view(t.lower).substr(5))) {
      const int y1 = parse_int(std::string_view(t.lower).substr(0, 4));
      int y2 = parse_int(std::string_view(t.lower).substr(5));
      if (t.lower.size() == 7) y2 += (y1 / 100) * 100;
      if (y1 >= 1800 && y1 <= 2099 && y2 > y1 && y2 - y1 <= 50) {
        Match r = date_match(j + 1, y1, 0, 0);
        r.sym.gran = Gran::kYear;
        r.split_at = t.begin + 4;
        Symbolic s2 = r.sym;
        s2.year = y2;
        r.second = s2;
        return r;
      }
      return std::nullopt;
    }
    // ISO dates: "2023-09-10".
    if (t.kind == TokenKind::kNumber && t.lower.size() == 10 && t.lower[4] == '-' &&
        t.lower[7] == '-') {
      const std::string_view s = t.lower;
      if (all_digits(s.substr(0, 4)) && all_digits(s.substr(5, 2)) && all_digits(s.substr(8, 2))) {
        const int y = parse_int(s.substr(0, 4)), m = parse_int(s.substr(5, 2)),
                  d = parse_int(s.substr(8, 2));
        if (is_valid_date(y, m, d)) return date_match(j + 1, y, m, d);
      }
      return std::nullopt;
    }
    const int y = year_of(t);
    if (y == 0) return std::nullopt;
    // "1990 's" written with a space-less clitic: the decade.
    if (is(j + 1, "'s") && adjacent(j + 1) && y % 10 == 0) return decade_match(y, j + 2);
    // "the 1988 third quarter"
    if (cls(j + 1) & kOrdinalWord) {
      if (auto q = quarter(j + 1); q && q->sym.year == 0) {
        q->sym.year = y;
        return q;
      }
    }
    if (!year_context_ok(j, y)) return std::nullopt;
    Match r = date_match(j + 1, y, 0, 0);
    r.sym.gran = Gran::kYear;
    r.takes_det = is(j + 1, "period") || is(j + 1, "quarter");
    if (is(j + 1, "period")) r.end = j + 2;
    return r;
  }

  // Years in words: "nineteen ninety-six", "nineteen eighty four", "two thousand [and] three".
  // Returns the year and sets *end, or 0.
  int spelled_year(std::size_t j, std::size_t* end) const {
    if (!(cls(j) & kNumberWord)) return 0;
    const int first = info(j).number;
    if (first >= 11 && first <= 20 && (cls(j + 1) & kNumberWord)) {
      std::size_t k = j + 1;
      int rest = info(k).number;
      ++k;
      if (rest >= 20 && rest % 10 == 0 && (cls(k) & kNumberWord) && info(k).number < 10) {
        rest += info(k).number;
        ++k;
      }
      if (rest < 10 || rest > 99) return 0;
      *end = k;
      return first * 100 + rest;
    }
    if (first == 2 && is(j + 1, "thousand")) {
      std::size_t k = j + 2;
      if (is(k, "and") && (cls(k + 1) & kNumberWord)) ++k;
      int rest = 0;
      if ((cls(k) & kNumberWord) && info(k).number < 100) rest = info(k).number, ++k;
      *end = k;
      return 2000 + rest;
    }
    return 0;
  }

  std::optional<Match> spelled(std::size_t j) {
    std::size_t end = 0;
    const int y = spelled_year(j, &end);
    if (y == 0) return std::nullopt;
    // Only where a year is expected: after a date preposition or "the year", or after a month.
    if (!(j > 0 && (cls(j - 1) & (kDatePreposition | kMonthName))) && !is(j - 1, "year")) {
      return std::nullopt;
    }
    Match r = date_match(end, y, 0, 0);
    r.sym.gran = Gran::kYear;
    return r;
  }

  // "the year 2000", "the year two thousand"
  std::optional<Match> the_year(std::size_t j) {
    if (!is(j, "year")) return std::nullopt;
    std::size_t end = j + 2;
    int y = year_at(j + 1);
    if (y == 0) y = spelled_year(j + 1, &end);
    if (y == 0) return std::nullopt;
    Match r = date_match(end, y, 0, 0);
    r.sym.gran = Gran::kYear;
    r.takes_det = true;
    return r;
  }

  // ---- weekdays ----
  std::optional<Match> weekday(std::size_t j) {
    const Tok& t = toks_[j];
    if (!t.cap && !all_caps_) return std::nullopt;
    if (t.lower.size() <= 5 && t.lower.back() == '.' && j + 1 < size() && false) return std::nullopt;
    // "Monday, Sept. 4[, 2023]": one date.
    std::size_t k = j + 1;
    if (is(k, ",")) ++k;
    if (cls(k) & kMonthName) {
      if (auto d = month_date(k); d && d->sym.day != 0 && !d->second) {
        d->sym.weekday = info(j).weekday;
        return d;
      }
    }
    Match r;
    r.end = j + 1;
    r.sym.how = Anchoring::kWeekday;
    r.sym.weekday = info(j).weekday;
    r.sym.gran = Gran::kDay;
    add_part_of_day(&r);
    return r;
  }

  // "Monday morning", "yesterday afternoon", "Monday night": TIME with a part of the day.
  void add_part_of_day(Match* r) {
    if (cls(r->end) & kPartOfDay) {
      std::memcpy(r->sym.pod, info(r->end).pod, 2);
      r->sym.gran = Gran::kPartOfDay;
      r->type = TimexType::kTime;
      r->end += 1;
    }
  }

  std::optional<Match> plural_weekday(std::size_t j) {
    if (!toks_[j].cap && !all_caps_) return std::nullopt;
    Match r;
    r.end = j + 1;
    r.type = TimexType::kSet;
    r.sym.literal = "XXXX-WXX-" + std::to_string(info(j).weekday);
    return r;
  }

  // ---- last / this / next ----
  std::optional<Match> relative(std::size_t j) {
    const int rel = info(j).relative;
    const std::string& w = toks_[j].lower;
    std::size_t k = j + 1;
    if (!has(k)) return std::nullopt;
    // "the past two years", "the next 10 days": durations.
    if (w != "this" && w != "current" && w != "present") {
      std::size_t n_end = 0;
      const int n = cardinal(k, false, &n_end);
      if ((n > 1 || n == -2) && (cls(n_end) & kUnitWord) && info(n_end).plural) {
        Match r = duration_match(n, info(n_end).unit, n_end + 1);
        r.takes_det = true;
        r.takes_mod = false;
        return r;
      }
    }
    if (is(k, "fiscal") && is(k + 1, "year")) ++k;  // "the current fiscal year"
    const std::uint32_t c = cls(k);
    Match r;
    r.end = k + 1;
    r.takes_det = w != "this";  // "the last week", "the next year"
    r.sym.relative = rel;
    if ((c & kUnitWord) && !info(k).plural) {
      const Unit u = info(k).unit;
      if (u == Unit::kSecond || u == Unit::kMinute || u == Unit::kHour) return std::nullopt;
      if (w == "present" || w == "upcoming") return std::nullopt;
      r.sym.unit = u;
      r.sym.shift = rel;
      r.sym.how = (w == "following" || w == "previous" || w == "prior") ? Anchoring::kFocusShift
                                                                         : Anchoring::kShift;
      r.sym.gran = gran_of(u);
      if (u == Unit::kQuarter && rel == -1 && w != "previous" && w != "prior") {
        r.sym.how = Anchoring::kQuarterRef;
      }
      if (u == Unit::kWeekend) {
        r.sym.how = Anchoring::kWeekend;
        r.sym.gran = Gran::kWeekend;
      }
      if (u == Unit::kDay) {
        if (w == "this" || w == "current") return std::nullopt;
        if (rel == 0) return std::nullopt;
        // "the next day", "the previous day": from the date under discussion.
        r.sym.how = Anchoring::kFocusShift;
      }
      if (is(k + 1, "'s") && (cls(k + 2) & kOrdinalWord) && (cls(k + 3) & kUnitWord)) {
        // "this year's third quarter"
        if (auto q = quarter(k + 2)) {
          q->sym.year_shift = rel;
          return q;
        }
      }
      return r;
    }
    if (w == "current" || w == "present" || w == "upcoming") return std::nullopt;
    if (c & kWeekdayName) {
      if (!toks_[k].cap && !all_caps_) return std::nullopt;
      r.sym.how = Anchoring::kWeekday;
      r.sym.weekday = info(k).weekday;
      r.sym.gran = Gran::kDay;
      add_part_of_day(&r);
      return r;
    }
    if ((c & kMonthName) && (toks_[k].cap || all_caps_)) {
      if (w == "past" || w == "following" || w == "previous" || w == "prior" || w == "coming") {
        return std::nullopt;
      }
      r.sym.how = Anchoring::kDate;
      r.sym.month = info(k).month;
      r.sym.gran = Gran::kMonth;
      return r;
    }
    if (c & kSeasonWord) {
      r.sym.how = Anchoring::kDate;
      r.sym.season = info(k).season;
      r.sym.gran = Gran::kSeason;
      return r;
    }
    if ((c & kPartOfDay) && (w == "this" || w == "last")) {
      r.type = TimexType::kTime;
      r.sym.how = Anchoring::kShift;
      r.sym.unit = Unit::kDay;
      r.sym.shift = w == "last" && toks_[k].lower == "night" ? -1 : 0;
      if (w == "last" && toks_[k].lower != "night") return std::nullopt;
      std::memcpy(r.sym.pod, info(k).pod, 2);
      r.sym.gran = Gran::kPartOfDay;
      return r;
    }
    return std::nullopt;
  }

  static Gran gran_of(Unit u) {
    switch (u) {
      case Unit::kDay: return Gran::kDay;
      case Unit::kWeekend: return Gran::kWeekend;
      case Unit::kWeek: return Gran::kWeek;
      case Unit::kMonth: return Gran::kMonth;
      case Unit::kSeason: return Gran::kSeason;
      case Unit::kQuarter: return Gran::kQuarter;
      case Unit::kHalf: return Gran::kHalf;
      case Unit::kYear: return Gran::kYear;
      case Unit::kDecade: return Gran::kDecade;
      case Unit::kCentury: return Gran::kCentury;
      default: return Gran::kTime;
    }
  }

  // ---- seasons ----
  std::optional<Match> season(std::size_t j) {
    const std::string& w = toks_[j].lower;
    const bool after_context =
        j > 0 && (is(j - 1, "the") || is(j - 1, "this") || (cls(j - 1) & kPreModifier) ||
                  is(j - 1, "in") || is(j - 1, "during") || is(j - 1, "since") ||
                  is(j - 1, "until") || is(j - 1, "by") || is(j - 1, "mid"));
    Match r;
    r.sym.how = Anchoring::kDate;
    r.sym.season = info(j).season;
    r.sym.gran = Gran::kSeason;
    r.takes_det = true;
    std::size_t k = j + 1;
    if (is(k, "of")) ++k;
    if (const int y = year_at(k)) {
      r.sym.year = y;
      r.end = k + 1;
      return r;
    }
    if (!after_context) return std::nullopt;
    if (w == "fall" && (is(j + 1, "of") || !is(j - 1, "the") && !is(j - 1, "this") &&
                                              !(cls(j - 1) & kPreModifier))) {
      return std::nullopt;  // "the fall of the wall", "prices fall"
    }
    if (is(j + 1, "of")) return std::nullopt;  // "the summer of love"
    r.end = j + 1;
    return r;
  }

  // ---- holidays ----
  std::optional<Match> holiday(std::size_t j) {
    if (!toks_[j].cap && !all_caps_) return std::nullopt;
    std::size_t count = 0;
    const Holiday* table = holidays(&count);
    for (std::size_t h = 0; h < count; ++h) {
      std::string_view name = table[h].name;
      std::size_t k = j;
      bool ok = true;
      while (!name.empty()) {
        const std::size_t sp = name.find(' ');
        std::string_view word = name.substr(0, sp);
        // "new year's" is three tokens: "new", "year", "'s".
        const std::size_t apos = word.find('\'');
        if (apos != std::string_view::npos) {
          if (!is(k, word.substr(0, apos)) || !is(k + 1, word.substr(apos))) {
            ok = false;
            break;
          }
          k += 2;
        } else {
          if (!is(k, word)) {
            ok = false;
            break;
          }
          ++k;
        }
        name = sp == std::string_view::npos ? std::string_view() : name.substr(sp + 1);
      }
      if (!ok) continue;
      Match r;
      r.end = k;
      r.sym.how = Anchoring::kDate;
      r.sym.holiday = static_cast<int>(h);
      r.sym.gran = Gran::kDay;
      if (const int y = year_at(k)) {
        r.sym.year = y;
        r.end = k + 1;
      }
      return r;
    }
    return std::nullopt;
  }

  // ---- quarters and halves ----
  std::optional<Match> quarter(std::size_t j) {
    std::size_t k = j;
    int n = 0;
    if (cls(k) & kOrdinalWord) {
      n = info(k).number;
    } else if (is(k, "last") || is(k, "final")) {
      n = 4;
    } else {
      return std::nullopt;
    }
    ++k;
    if (is(k, "fiscal")) ++k;
    if (!(cls(k) & kUnitWord)) return std::nullopt;
    const Unit u = info(k).unit;
    if (info(k).plural) return std::nullopt;
    if (u != Unit::kQuarter && u != Unit::kHalf) return std::nullopt;
    if ((u == Unit::kQuarter && n > 4) || (u == Unit::kHalf && n == 4 && is(j, "last"))) {
      if (u == Unit::kHalf) n = 2;
      else return std::nullopt;
    }
    if (u == Unit::kHalf && n > 2) return std::nullopt;
    Match r;
    r.end = k + 1;
    r.takes_det = true;
    r.sym.how = Anchoring::kDate;
    if (u == Unit::kQuarter) {
      r.sym.quarter = n;
      r.sym.gran = Gran::kQuarter;
    } else {
      r.sym.half = n;
      r.sym.gran = Gran::kHalf;
    }
    std::size_t yk = r.end;
    if (is(yk, "of") || is(yk, ",")) ++yk;
    if (const int y = year_at(yk)) {
      r.sym.year = y;
      r.end = yk + 1;
    }
    return r;
  }

  // ---- durations and offsets: "three years", "a year ago", "two days later" ----
  Match duration_match(int n, Unit u, std::size_t end) const {
    Match r;
    r.end = end;
    r.type = TimexType::kDuration;
    r.number_led = true;
    r.sym.literal = duration_value(n, u);
    return r;
  }

  static std::string duration_value(int n, Unit u) {
    std::string v = unit_is_time(u) ? "PT" : "P";
    v += n < 0 ? std::string("X") : std::to_string(n);
    if (u == Unit::kWeekend) return n < 0 ? "PXWE" : "P" + std::to_string(n * 2) + "D";
    if (u == Unit::kSecond) v += "S";
    else if (u == Unit::kMinute) v += "M";
    else v += unit_code(u);
    return v;
  }

  std::optional<Match> duration(std::size_t j) {
    std::size_t k = 0;
    const bool ordinal_first = (cls(j) & kOrdinalWord) && (is(j, "first") || is(j, "last"));
    std::size_t start = j;
    if (ordinal_first) start = j + 1;  // "the first nine months"
    int n = cardinal(start, /*article=*/!ordinal_first, &k);
    if (n == -1) {
      // Bare plurals after "for" / "over": "for years", "over decades".
      if ((cls(j) & kUnitWord) && info(j).plural && j > 0 &&
          (is(j - 1, "for") || is(j - 1, "over")) && info(j).unit >= Unit::kDay) {
        Match r = duration_match(-2, info(j).unit, j + 1);
        r.number_led = false;
        return r;
      }
      return std::nullopt;
    }
    if (n == 0) return std::nullopt;
    // "two and a half years"
    bool half = false;
    if (n > 0 && is(k, "and") && is(k + 1, "a") && is(k + 2, "half")) {
      half = true;
      k += 3;
    }
    if (!(cls(k) & kUnitWord)) return std::nullopt;
    const WordInfo& unit = info(k);
    const Unit u = unit.unit;
    if (u == Unit::kQuarter && n == 1 && !is(j, "one")) return std::nullopt;  // "a quarter of"
    if (u == Unit::kHalf) return std::nullopt;
    if (n == 1 && unit.plural) return std::nullopt;
    if (n > 1 && !unit.plural && !half) {
      // "two year" happens ("a two year contract"); accept.
    }
    if (n == -2 && !unit.plural) return std::nullopt;
    // "a second" is rarely a duration in news ("a second time").
    if (u == Unit::kSecond && n == 1) return std::nullopt;
    const bool article = is(start, "a") || is(start, "an");
    const std::size_t after = k + 1;
    if (is(after, "old") || is(after, "-old")) return std::nullopt;  // ages
    // "recent years", "recent weeks": the past, not a length.

    // "several years ago", "a few weeks ago": some time in the past.
    if (n == -2 && is(after, "ago")) {
      Match r;
      r.end = after + 1;
      r.sym.literal = "PAST_REF";
      return r;
    }
    // Offsets from the DCT ("ago", "from now") or from the date under discussion.
    if (n != -2 && !ordinal_first && u >= Unit::kDay) {
      const bool ago = is(after, "ago");
      const bool from_now = is(after, "from") && is(after + 1, "now");
      const bool earlier = is(after, "earlier") || is(after, "later") || is(after, "before") &&
                                                                           !word_like(after + 1);
      if (ago || from_now || earlier) {
        Match r;
        r.end = from_now ? after + 2 : after + 1;
        r.number_led = true;
        r.sym.unit = u;
        r.sym.shift = (ago || is(after, "earlier") || is(after, "before")) ? -n : n;
        r.sym.how = (ago || from_now) ? Anchoring::kShift : Anchoring::kFocusShift;
        r.sym.ago = ago;
        r.sym.gran = gran_of(u);
        if (u == Unit::kWeekend) return std::nullopt;
        return r;
      }
    }
    // "$5 a year", "twice a week": a frequency.
    if (article && j > 0 && !ordinal_first &&
        (toks_[j - 1].kind == TokenKind::kNumber || is(j - 1, "twice") || is(j - 1, "once") ||
         is(j - 1, "times") || is(j - 1, "million") || is(j - 1, "billion") ||
         is(j - 1, "percent") || is(j - 1, "%"))) {
      Match r;
      r.end = after;
      r.type = TimexType::kSet;
      r.sym.literal = duration_value(1, u);
      return r;
    }
    if (n != -2 && !ordinal_first && u < Unit::kDay) {
      const bool ago = is(after, "ago");
      const bool later = is(after, "later") || is(after, "earlier");
      if (ago || later) {
        Match r = duration_match(n, u, after + (ago ? 1 : 1));
        r.type = TimexType::kDuration;
        r.end = after;  // TimeBank tags "two hours" in "two hours later"
        return r;
      }
    }
    std::string value = duration_value(half ? n : n, u);
    if (half) {
      // P2.5Y style values.
      value = std::string(unit_is_time(u) ? "PT" : "P") + std::to_string(n) + ".5" +
              (u == Unit::kMinute ? "M" : u == Unit::kSecond ? "S" : unit_code(u));
    }
    Match r;
    r.end = after;
    r.type = TimexType::kDuration;
    r.number_led = true;
    r.takes_det = true;
    r.takes_mod = false;
    r.sym.literal = value;
    return r;
  }

  // ---- one-word expressions ----
  std::optional<Match> deictic(std::size_t j) {
    const std::string& w = toks_[j].lower;
    Match r;
    r.end = j + 1;
    auto shift_day = [&](int s) {
      r.sym.how = Anchoring::kShift;
      r.sym.unit = Unit::kDay;
      r.sym.shift = s;
      r.sym.gran = Gran::kDay;
      add_part_of_day(&r);
    };
    auto literal = [&](const char* v) {
      r.sym.how = Anchoring::kLiteral;
      r.sym.literal = v;
    };
    if (w == "today") {
      // "today's": the possessive stays out; "Today" as a show name is rare.
      shift_day(0);
    } else if (w == "yesterday") {
      shift_day(-1);
    } else if (w == "tomorrow") {
      shift_day(1);
    } else if (w == "tonight" || w == "overnight") {
      shift_day(0);
      std::memcpy(r.sym.pod, "NI", 2);
      r.sym.gran = Gran::kPartOfDay;
      r.type = TimexType::kTime;
    } else if (w == "now" || w == "currently" || w == "nowadays" || w == "presently") {
      if (w == "now" && (is(j + 1, "that") || is(j - 1, "right") || is(j - 1, "by"))) {
        if (!is(j - 1, "by")) return std::nullopt;
      }
      literal("PRESENT_REF");
    } else if (w == "recently" || w == "lately") {
      literal("PAST_REF");
    } else if (w == "soon") {
      if (is(j + 1, "after") || is(j + 1, "as") || is(j - 1, "as")) return std::nullopt;
      literal("FUTURE_REF");
    } else if (w == "the" && has(j + 1)) {
      const std::string& n = toks_[j + 1].lower;
      if (n == "past" && !(cls(j + 2) & (kUnitWord | kNumberWord)) && toks_[j + 2 < size() ? j + 2 : j].kind != TokenKind::kNumber) {
        literal("PAST_REF");
      } else if (n == "future" && !is(j + 2, "of")) {
        literal("FUTURE_REF");
      } else if (n == "present" && !(cls(j + 2) & kUnitWord) && !word_like(j + 2)) {
        literal("PRESENT_REF");
      } else if (n == "year" && !is(j + 2, "'s") && !(toks_.size() > j + 2 && year_at(j + 2)) &&
                 !(cls(j + 2) & kNumberWord)) {
        if (j > 0 && (is(j - 1, "for") || is(j - 1, "during") || is(j - 1, "through") ||
                      is(j - 1, "throughout"))) {
          r.type = TimexType::kDuration;  // "net income for the year"
          r.sym.literal = "P1Y";
          r.end = j + 2;
          return r;
        }
        r.sym.how = Anchoring::kShift;
        r.sym.unit = Unit::kYear;
        r.sym.shift = 0;
        r.sym.gran = Gran::kYear;
      } else if ((n == "full" || n == "fiscal") && is(j + 2, "year")) {
        r.sym.how = Anchoring::kShift;
        r.sym.unit = Unit::kYear;
        r.sym.gran = Gran::kYear;
        r.end = j + 3;
        return r;
      } else if (n == "week" && !is(j + 2, "'s") && !is(j + 2, "of")) {
        r.sym.how = Anchoring::kShift;
        r.sym.unit = Unit::kWeek;
        r.sym.gran = Gran::kWeek;
      } else if (n == "latest" && is(j + 2, "period")) {
        r.sym.how = Anchoring::kQuarterRef;
        r.sym.gran = Gran::kQuarter;
        r.end = j + 3;
        return r;
      } else if (n == "quarter" || ((n == "latest" || n == "recent") && is(j + 2, "quarter"))) {
        r.sym.how = Anchoring::kQuarterRef;
        r.sym.gran = Gran::kQuarter;
        r.sym.relative = -1;
        r.end = n == "quarter" ? j + 2 : j + 3;
        return r;
      } else if (n == "most" && is(j + 2, "recent") && is(j + 3, "quarter")) {
        r.sym.how = Anchoring::kQuarterRef;
        r.sym.gran = Gran::kQuarter;
        r.end = j + 4;
        return r;
      } else if (n == "weekend") {
        r.sym.how = Anchoring::kWeekend;
        r.sym.gran = Gran::kWeekend;
      } else if ((n == "same" || n == "previous") && is(j + 2, "day")) {
        r.sym.how = Anchoring::kFocusShift;
        r.sym.unit = Unit::kDay;
        r.sym.shift = n == "same" ? 0 : -1;
        r.sym.gran = Gran::kDay;
        r.end = j + 3;
        return r;
      } else if (n == "day" && (is(j + 2, "before") || is(j + 2, "after")) &&
                 !word_like(j + 3)) {
        r.sym.how = Anchoring::kFocusShift;
        r.sym.unit = Unit::kDay;
        r.sym.shift = is(j + 2, "before") ? -1 : 1;
        r.sym.gran = Gran::kDay;
        r.end = j + 3;
        return r;
      } else {
        return std::nullopt;
      }
      r.end = j + 2;
    } else {
      return std::nullopt;
    }
    r.takes_det = false;
    return r;
  }

  // Hyphenated words: "two-year", "10-year", "third-quarter", "year-earlier", "mid-1990s",
  // "mid-November", "year-end".
  std::optional<Match> compound(std::size_t j) {
    const Tok& t = toks_[j];
    const std::string& w = t.lower;
    const std::size_t dash = w.find('-');
    if (dash == std::string::npos || dash == 0 || dash + 1 >= w.size()) return std::nullopt;
    const std::string_view head = std::string_view(w).substr(0, dash);
    const std::string_view tail = std::string_view(w).substr(dash + 1);
    Match r;
    r.end = j + 1;
    if (head == "mid") {
      // "mid-1990s", "mid-November", "mid-2023", "mid-afternoon"
      std::string tail_s(tail);
      const WordInfo& ti = lookup_word(tail_s);
      r.mod = Mod::kMid;
      r.takes_det = true;
      if (ti.classes & kMonthName) {
        r.sym.how = Anchoring::kDate;
        r.sym.month = ti.month;
        r.sym.gran = Gran::kMonth;
        if (const int y = year_at(j + 1)) {
          r.sym.year = y;
          r.end = j + 2;
        }
        return r;
      }
      if (tail.size() == 5 && tail.back() == 's' && all_digits(tail.substr(0, 4))) {
        r.sym.literal = std::string(tail.substr(0, 3));
        return r;
      }
      if (tail.size() == 4 && all_digits(tail)) {
        r.sym.how = Anchoring::kDate;
        r.sym.year = parse_int(tail);
        r.sym.gran = Gran::kYear;
        return r;
      }
      if (ti.classes & kPartOfDay) {
        r.type = TimexType::kTime;
        r.sym.how = Anchoring::kShift;
        r.sym.unit = Unit::kDay;
        r.sym.gran = Gran::kPartOfDay;
        std::memcpy(r.sym.pod, ti.pod, 2);
        return r;
      }
      return std::nullopt;
    }
    if (head == "year" && (tail == "earlier" || tail == "ago")) {
      r.sym.how = Anchoring::kFocusShift;
      r.sym.unit = Unit::kYear;
      r.sym.shift = -1;
      r.sym.gran = Gran::kYear;
      // "the year-ago period" is one expression; in "the year-earlier loss" the article
      // belongs to the noun.
      if (is(j + 1, "period") || is(j + 1, "quarter")) {
        r.end = j + 2;
        r.takes_det = true;
      }
      return r;
    }
    if (head == "year" && tail == "end") {
      r.sym.how = Anchoring::kShift;
      r.sym.unit = Unit::kYear;
      r.sym.gran = Gran::kYear;
      r.mod = Mod::kEnd;
      return r;
    }
    // tail is a unit: "two-year", "10-year", "third-quarter", "first-half"
    std::string tail_s(tail);
    const std::size_t dash2 = tail_s.find('-');
    if (dash2 != std::string::npos) tail_s.resize(dash2);  // "12-year-old"
    const WordInfo& ui = lookup_word(tail_s);
    if (!(ui.classes & kUnitWord) || ui.plural) return std::nullopt;
    std::string head_s(head);
    const WordInfo& hi = lookup_word(head_s);
    if (hi.classes & kOrdinalWord) {
      if (ui.unit != Unit::kQuarter && ui.unit != Unit::kHalf) return std::nullopt;
      if ((ui.unit == Unit::kQuarter && hi.number > 4) || (ui.unit == Unit::kHalf && hi.number > 2)) {
        return std::nullopt;
      }
      r.sym.how = Anchoring::kDate;
      if (ui.unit == Unit::kQuarter) {
        r.sym.quarter = hi.number;
        r.sym.gran = Gran::kQuarter;
      } else {
        r.sym.half = hi.number;
        r.sym.gran = Gran::kHalf;
      }
      return r;
    }
    int n = -1;
    if (hi.classes & kNumberWord) n = hi.number;
    if (all_digits(head) && head.size() <= 3) n = parse_int(head);
    if (n <= 0) return std::nullopt;
    if (ui.unit == Unit::kQuarter || ui.unit == Unit::kHalf) return std::nullopt;
    Match d = duration_match(n, ui.unit, j + 1);
    d.takes_det = false;  // "the three-year contract": the article belongs to the noun
    d.takes_mod = false;
    return d;
  }

  // ---- sets ----
  std::optional<Match> set_expression(std::size_t j) {
    Match r;
    r.type = TimexType::kSet;
    r.quant = toks_[j].lower == "every" ? "EVERY" : "EACH";
    std::size_t k = j + 1;
    int n = 1;
    if (toks_[j].lower == "every") {
      std::size_t next = 0;
      const int c = cardinal(k, false, &next);
      if (c > 1) {
        n = c;
        k = next;
      } else if (is(k, "other")) {
        n = 2;
        ++k;
      }
    }
    const std::uint32_t c = cls(k);
    if (c & kUnitWord) {
      const Unit u = info(k).unit;
      if (info(k).plural != (n > 1)) return std::nullopt;
      r.sym.literal = duration_value(n, u);
      r.end = k + 1;
      return r;
    }
    if ((c & kWeekdayName) && (toks_[k].cap || all_caps_)) {
      r.sym.literal = "XXXX-WXX-" + std::to_string(info(k).weekday);
      r.end = k + 1;
      if (cls(r.end) & kPartOfDay) {
        r.sym.literal += "T";
        r.sym.literal += info(r.end).pod;
        r.end += 1;
      }
      return r;
    }
    if ((c & kMonthName) && (toks_[k].cap || all_caps_)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "XXXX-%02d", info(k).month);
      r.sym.literal = buf;
      r.end = k + 1;
      return r;
    }
    if (c & kSeasonWord) {
      r.sym.literal = std::string("XXXX-") + season_code(info(k).season);
      r.end = k + 1;
      return r;
    }
    if (c & kPartOfDay) {
      r.sym.literal = std::string("XXXX-XX-XXT") + info(k).pod;
      r.end = k + 1;
      return r;
    }
    return std::nullopt;
  }

  std::optional<Match> frequency(std::size_t j) {
    // "daily" and "weekly" are also adjectives of newspapers ("a weekly magazine"): only when
    // not followed by a noun-like word.
    if (has(j + 1) && toks_[j + 1].kind == TokenKind::kWord && !(cls(j + 1) & kDatePreposition) &&
        toks_[j + 1].lower != "and" && toks_[j + 1].lower != "or" &&
        toks_[j].lower != "annually" && toks_[j].lower != "yearly") {
      return std::nullopt;
    }
    Match r;
    r.end = j + 1;
    r.type = TimexType::kSet;
    r.sym.literal = duration_value(1, info(j).unit);
    return r;
  }

  // ---- clock times ----
  // "10:30", "10:30 a.m.", "3 p.m.", "3pm", "10 p.m. EST", "15:00 GMT", followed optionally by a
  // day ("10 p.m. Wednesday", "5 p.m. EST, Nov. 6").
  std::optional<Match> clock_time(std::size_t j) {
    const Tok& t = toks_[j];
    int h = -1, m = 0;
    std::size_t k = j + 1;
    std::string_view s = t.lower;
    bool meridiem = false, pm = false;
    // "3pm", "10:30am"
    auto strip_meridiem = [&](std::string_view& v) {
      for (const char* suf : {"a.m.", "p.m.", "am", "pm", "a.m", "p.m"}) {
        const std::size_t n = std::strlen(suf);
        if (v.size() > n && v.substr(v.size() - n) == suf) {
          meridiem = true;
          pm = suf[0] == 'p';
          v.remove_suffix(n);
          return;
        }
      }
    };
    strip_meridiem(s);
    const std::size_t colon = s.find(':');
    if (colon != std::string_view::npos) {
      if (colon == 0 || colon > 2 || s.size() != colon + 3) return std::nullopt;
      if (!all_digits(s.substr(0, colon)) || !all_digits(s.substr(colon + 1))) return std::nullopt;
      h = parse_int(s.substr(0, colon));
      m = parse_int(s.substr(colon + 1));
    } else {
      if (!all_digits(s) || s.size() > 2) return std::nullopt;
      h = parse_int(s);
    }
    if (!meridiem && (cls(k) & kMeridiem) && adjacent(k) == false) {
      meridiem = true;
      pm = toks_[k].lower[0] == 'p';
      ++k;
    } else if (!meridiem && (cls(k) & kMeridiem)) {
      meridiem = true;
      pm = toks_[k].lower[0] == 'p';
      ++k;
    }
    if (!meridiem && is(k, "o'clock")) {
      ++k;
      meridiem = true;
      pm = h >= 1 && h <= 6;  // "four o'clock" in news is usually the afternoon
    }
    if (!meridiem && colon == std::string_view::npos) return std::nullopt;
    if (h > 24 || m > 59 || (meridiem && (h < 1 || h > 12))) return std::nullopt;
    if (colon != std::string_view::npos && !meridiem) {
      // A bare "10:30" could be a score or a ratio; accept only next to a time word.
      const bool context = (j > 0 && (is(j - 1, "at") || is(j - 1, "by") || is(j - 1, "until") ||
                                      is(j - 1, "around") || is(j - 1, "about") ||
                                      is(j - 1, "from") || is(j - 1, "to") || is(j - 1, "before") ||
                                      is(j - 1, "after"))) ||
                           (cls(k) & kTimeZone);
      if (!context) return std::nullopt;
    }
    if (meridiem) {
      if (pm && h < 12) h += 12;
      if (!pm && h == 12) h = 0;
    }
    if (cls(k) & kTimeZone) ++k;
    if (is(k, "(") && (cls(k + 1) & kTimeZone) && is(k + 2, ")")) k += 3;
    Match r;
    r.end = k;
    r.type = TimexType::kTime;
    r.number_led = true;
    r.takes_mod = false;
    r.sym.how = Anchoring::kShift;
    r.sym.unit = Unit::kDay;
    r.sym.gran = Gran::kTime;
    r.sym.hour = h;
    r.sym.minute = m;
    attach_day(&r);
    return r;
  }

  // A day written right after a time: "10 p.m. Wednesday", "noon Thursday", "5 p.m., Nov. 6".
  void attach_day(Match* r) {
    std::size_t k = r->end;
    if (is(k, ",")) ++k;
    if (cls(k) & kWeekdayName) {
      if (auto w = weekday(k); w && w->type == TimexType::kDate) {
        const int h = r->sym.hour, m = r->sym.minute;
        r->sym = w->sym;
        r->sym.hour = h;
        r->sym.minute = m;
        r->sym.gran = Gran::kTime;
        r->end = w->end;
        return;
      }
    }
    if (cls(k) & kMonthName) {
      if (auto d = month_date(k); d && d->sym.day != 0 && !d->second) {
        const int h = r->sym.hour, m = r->sym.minute;
        r->sym = d->sym;
        r->sym.hour = h;
        r->sym.minute = m;
        r->sym.gran = Gran::kTime;
        r->end = d->end;
        return;
      }
    }
    if (is(k, "yesterday") || is(k, "today") || is(k, "tomorrow")) {
      r->sym.shift = is(k, "yesterday") ? -1 : is(k, "tomorrow") ? 1 : 0;
      r->end = k + 1;
    }
  }

  std::optional<Match> named_time(std::size_t j) {
    Match r;
    r.end = j + 1;
    r.type = TimexType::kTime;
    r.number_led = true;
    r.sym.how = Anchoring::kShift;
    r.sym.unit = Unit::kDay;
    r.sym.gran = Gran::kTime;
    r.sym.hour = toks_[j].lower == "midnight" ? 24 : 12;
    r.sym.minute = 0;
    attach_day(&r);
    return r;
  }

  // ---- output ----
  void emit(const Match& m, std::vector<Mention>* out) {
    // The span starts at the first token of the prefix: recompute it from m.end backwards is
    // not possible, so the caller's start is kept in `start_`.
    Mention men;
    men.type = m.type;
    men.mod = m.mod;
    men.sym = m.sym;
    men.quant = m.quant;
    men.begin = toks_[span_start_].begin;
    men.end = toks_[m.end - 1].end;
    men.tense = clause_tense(toks_view(), span_start_, m.end);
    if (m.second) {
      Mention second = men;
      men.end = m.split_at;
      second.begin = m.split_at + 1;
      second.sym = *m.second;
      second.mod = Mod::kNone;
      out->push_back(std::move(men));
      out->push_back(std::move(second));
      return;
    }
    out->push_back(std::move(men));
  }

  std::span<const Tok> toks_view() const { return toks_; }

 public:
  // Scans with the span start recorded (match_with_prefix starts at i).
  void scan_all(std::vector<Mention>* out) {
    std::size_t i = 0;
    while (i < toks_.size()) {
      if (!could_start(i)) {
        ++i;
        continue;
      }
      std::optional<Match> m = match_with_prefix(i);
      if (!m || m->end <= i) {
        ++i;
        continue;
      }
      span_start_ = i;
      emit(*m, out);
      i = m->end;
    }
  }

 private:
  std::vector<Tok> toks_;
  bool all_caps_ = false;
  std::size_t span_start_ = 0;

};

}  // namespace

void recognize_sentence(std::string_view text, std::span<const Token> tokens, bool all_caps,
                        std::vector<Mention>* out) {
  SentenceScanner scanner(text, tokens, all_caps);
  scanner.scan_all(out);
}

std::vector<Mention> recognize_text(std::string_view text) {
  Segmentation seg(text);
  std::vector<Mention> out;
  for (const Sentence& s : seg.sentences()) {
    recognize_sentence(seg.text(), seg.tokens_of(s), false, &out);
  }
  return out;
}

}  // namespace docpipe::dating
