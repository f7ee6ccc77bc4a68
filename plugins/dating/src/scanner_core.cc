// The scanner: prefix (determiner, modifiers, approximations), dispatch to the core rules,
// output with the clause tense.
#include <cstdio>
#include <cstring>

#include "calendar.h"
#include "sentence_scanner.h"
#include "tense.h"

namespace docpipe::dating::scan {

// A cheap test that token i can begin an expression (most tokens cannot).
bool SentenceScanner::could_start(std::size_t i) const {
  const Tok& t = toks_[i];
  if (t.kind == TokenKind::kNumber) return true;
  if (t.kind != TokenKind::kWord) return t.lower == "'" ;
  if (t.info->classes != 0) return true;
  return t.lower.size() > 4 && (t.lower.compare(0, 4, "mid-") == 0 ||
                                t.lower.find('-') != std::string_view::npos);
}

// ---- prefix: determiner, modifiers, approximations ----
std::optional<Match> SentenceScanner::match_with_prefix(std::size_t i) {
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
      const std::string_view w = toks_[j + 1].lower;
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
  // "earlier in the year", "later in the day", "early in the quarter"
  if (!approx && !det && (cls(j) & kPreModifier) && is(j + 1, "in")) {
    if (auto core = match_after_mod(j + 2, Mod::kNone, false, false)) {
      core->mod = static_cast<Mod>(info(j).mod);
      return core;
    }
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

std::optional<Match> SentenceScanner::match_after_mod(std::size_t j, Mod, bool, bool) {
  std::size_t k = j;
  // "the end of the year", "the end of the month": expressions that begin with "the".
  if (is(k, "the")) {
    if (auto own = deictic(k); own && own->type == TimexType::kDate) return own;
    ++k;
  }
  auto core = match_core(k);
  if (!core || core->type == TimexType::kDuration || core->type == TimexType::kSet) {
    return std::nullopt;
  }
  if (k != j && !core->takes_det) return std::nullopt;
  return core;
}

// ---- core rules: the longest match wins ----
std::optional<Match> SentenceScanner::match_core(std::size_t j) {
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
    consider(numeric_date(j));
    consider(clock_time(j));
  }
  if (c & kWeekdayName) consider(weekday(j));
  if (c & kPluralWeekday) consider(plural_weekday(j));
  if (c & kRelative) consider(relative(j));
  if (c & kSeasonWord) consider(season(j));
  if (c & kHolidayStart) consider(holiday(j));
  if (c & kFrequency) consider(frequency(j));
  if (c & (kOrdinalWord | kRelative)) consider(quarter(j));
  if (t.kind == TokenKind::kNumber || (c & (kNumberWord | kOrdinalWord | kUnitWord | kVague)) ||
      t.lower == "a" || t.lower == "an") {
    consider(duration(j));
  }
  if (c & kNumberWord) consider(spelled(j));
  if (t.lower == "year") {
    consider(the_year(j));
    consider(deictic(j));
  }
  if ((c & kHeadWord) || t.lower == "the" || t.lower == "that" || t.lower == "these" ||
      t.lower == "current" || t.lower == "more") {
    consider(deictic(j));
  }
  if (t.kind == TokenKind::kNumber || (c & kOrdinalWord)) consider(century(j));
  if (t.lower.find('-') != std::string_view::npos) consider(compound(j));
  if (t.lower == "every" || t.lower == "each") consider(set_expression(j));
  if (t.lower == "noon" || t.lower == "midnight" || t.lower == "midday") consider(named_time(j));
  if (t.lower == "'" || t.lower == "'s") consider(year(j));
  return best;
}

// ---- numbers ----
// A cardinal at j: digits, a numeral in words ("twenty four", "twenty-four"), "a"/"an" when
// `article`; vague quantities ("several", "a few", "a couple of") give -2. -1 when none.
int SentenceScanner::cardinal(std::size_t j, bool article, std::size_t* next) const {
  if (!has(j)) return -1;
  const Tok& t = toks_[j];
  if (t.num >= 0 && t.digits <= 3) {
    *next = j + 1;
    return t.num;
  }
  // "2,000" (thousands with a comma; at most 9,999 so that the value fits the duration rules)
  if (t.kind == TokenKind::kNumber && t.text.size() == 5 && t.text[1] == ',' &&
      all_digits(t.text.substr(0, 1)) && all_digits(t.text.substr(2))) {
    *next = j + 1;
    return parse_int(t.text.substr(0, 1)) * 1000 + parse_int(t.text.substr(2));
  }
  if (t.info->classes & kNumberWord) {
    int v = t.info->number;
    *next = j + 1;
    if (v >= 20 && v % 10 == 0 && has(j + 1) && (cls(j + 1) & kNumberWord) &&
        info(j + 1).number < 10) {
      v += info(j + 1).number;
      *next = j + 2;
    }
    // "two hundred years" (whole hundreds only: "two hundred and fifty" is not read)
    if (v < 10 && is(*next, "hundred") && !is(*next + 1, "and")) {
      v *= 100;
      *next += 1;
    }
    return v;
  }
  // "almost a hundred years"
  if ((t.lower == "a" || t.lower == "one") && is(j + 1, "hundred") && !is(j + 2, "and")) {
    *next = j + 2;
    return 100;
  }
  if ((t.lower == "a" || t.lower == "an") && article) {
    if (is(j + 1, "few")) {
      *next = j + 2;
      return -2;
    }
    if (is(j + 1, "couple") && is(j + 2, "of")) {
      *next = j + 3;
      return 2;
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

// ---- output ----
void SentenceScanner::emit(const Match& m, std::vector<Mention>* out) {
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
  // "by May", "until August", "effective Feb. 1", "payable Dec. 15", "as soon as Tuesday": a
  // deadline or a date set ahead, whatever the tense of the report.
  if (span_start_ > 0) {
    const std::size_t p = span_start_ - 1;
    const bool date = m.sym.how == Anchoring::kDate && m.sym.year == 0;
    const bool weekday = m.sym.how == Anchoring::kWeekday && m.sym.relative == 2;
    const bool as_soon = p >= 2 && is(p, "as") && (is(p - 1, "soon") || is(p - 1, "early")) &&
                         is(p - 2, "as");
    // "Until Thursday, they had not ...": a sentence-initial "until" looks back.
    const bool opening_until = p == 0 && is(p, "until");
    if ((date && (is(p, "by") || (cls(p) & kDeadlineCue))) ||
        (weekday && (((cls(p) & kDeadlineCue) && !opening_until) || as_soon))) {
      men.tense = Tense::kFuture;
    }
    // "since March", "since Monday": the start of a stretch that reaches the present.
    if ((date || weekday) && is(p, "since")) men.tense = Tense::kPast;
  }
  // "Wednesday's ruling", "Friday's purchases", "the Friday explosions", "by the Tuesday
  // deadline": an event named by its day has happened.
  const bool attributive = span_start_ > 0 && is(span_start_ - 1, "the") &&
                           word_like(m.end) && !toks_[m.end].cap &&
                           toks_[m.end].info->classes == 0;
  if (m.sym.how == Anchoring::kWeekday && m.sym.relative == 2 &&
      m.type == TimexType::kDate && (is(m.end, "'s") || attributive)) {
    men.tense = Tense::kPast;
  }
  if (m.second) {
    Mention second = men;
    men.end = m.split_at;
    second.begin = m.second_begin != 0 ? m.second_begin : m.split_at + 1;
    second.sym = *m.second;
    second.mod = Mod::kNone;
    out->push_back(std::move(men));
    out->push_back(std::move(second));
    return;
  }
  out->push_back(std::move(men));
}

// "April 24 and 25", "Sept. 3 or 4": the second day of the same month is a date of its own.
void SentenceScanner::coordinated_day(Match* m) const {
  if (m->second || m->sym.how != Anchoring::kDate || m->sym.gran != Gran::kDay ||
      m->sym.month == 0 || m->sym.day == 0 || m->end == 0) {
    return;
  }
  const std::size_t c = m->end;
  if (!is(c, "and") && !is(c, "or")) return;
  const std::size_t k = c + 1;
  if (!has(k) || toks_[k].kind != TokenKind::kNumber) return;
  const int d2 = day_at(k);
  const int days = days_in_month(m->sym.year != 0 ? m->sym.year : 2000, m->sym.month);
  if (d2 <= m->sym.day || d2 > days) return;
  // "May 3 and 4 percent", "June 5 and 6 others": a count, not a day.
  if (has(k + 1) && ((cls(k + 1) & (kUnitWord | kMonthName)) || is(k + 1, "percent") ||
                     is(k + 1, "%") || (toks_[k + 1].kind == TokenKind::kWord &&
                                        !toks_[k + 1].cap && toks_[k + 1].info->classes == 0))) {
    return;
  }
  std::size_t e = k + 1;
  const int y = take_year(&e);
  if (y != 0 && m->sym.year == 0) m->sym.year = y;
  Symbolic s2 = m->sym;
  s2.day = d2;
  m->split_at = toks_[m->end - 1].end;
  m->second_begin = toks_[k].begin;
  m->second = s2;
  m->end = e;
}

// Scans with the span start recorded (match_with_prefix starts at i).
void SentenceScanner::scan_all(std::vector<Mention>* out) {
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
    // "the next year or so", "the next two years or so": approximately.
    if (is(m->end, "or") && is(m->end + 1, "so") && !m->second) {
      m->end += 2;
      if (m->mod == Mod::kNone) m->mod = Mod::kApprox;
    }
    coordinated_day(&*m);
    span_start_ = i;
    emit(*m, out);
    i = m->end;
  }
}

}  // namespace docpipe::dating::scan
