// Rules for dates written with calendar words: month names, years and decades, years in
// words, centuries, weekdays, seasons, holidays, quarters and halves.
#include <cstdio>
#include <cstring>

#include "calendar.h"
#include "sentence_scanner.h"

namespace docpipe::dating::scan {

// ---- dates with a month name ----
bool SentenceScanner::month_is_plausible(std::size_t j, bool followed_by_number) const {
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
  // After "in", "since", "during", "until", "early", "last" ... the month is meant whatever
  // follows ("in March for health reasons", "in May that it was approached").
  const bool strong = is(j - 1, "in") || is(j - 1, "since") || is(j - 1, "during") ||
                      is(j - 1, "until") || is(j - 1, "through") ||
                      (cls(j - 1) & (kPreModifier | kRelative));
  if (!strong && has(j + 1) && (cls(j + 1) & kNotAfterMonth)) return false;
  return true;
}

// A day number at j: "13", "13th", "thirteenth" (1..31).
int SentenceScanner::day_at(std::size_t j) const {
  if (!has(j)) return 0;
  const Tok& t = toks_[j];
  if (t.num >= 1 && t.num <= 31 && t.digits <= 2) return t.num;
  const int ord = numeric_ordinal(t.lower);
  if (ord >= 1 && ord <= 31) return ord;
  if ((t.info->classes & kOrdinalWord) && t.info->number <= 31) return t.info->number;
  return 0;
}

Match SentenceScanner::date_match(std::size_t end, int y, int m, int d) const {
  Match r;
  r.end = end;
  r.sym.how = Anchoring::kDate;
  r.sym.year = y;
  r.sym.month = m;
  r.sym.day = d;
  r.sym.gran = d != 0 ? Gran::kDay : Gran::kMonth;
  return r;
}

std::optional<Match> SentenceScanner::month_date(std::size_t j) {
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
          const int y = take_year(&e);
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
    if (d != 0) {
      if (!month_is_plausible(j, true)) return std::nullopt;
      std::size_t e = k + 1;
      const int y = take_year(&e);
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
std::optional<Match> SentenceScanner::day_month(std::size_t j) {
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
  const int y = take_year(&e);
  if (y != 0 ? !is_valid_date(y, m, d) : d > days_in_month(2000, m)) return std::nullopt;
  Match r = date_match(e, y, m, d);
  r.takes_det = true;
  return r;
}

// ---- years and decades ----
bool SentenceScanner::year_context_ok(std::size_t j, int y) const {
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
    // A spaced dash after the year opens an aside ("Since 1985 _ when ...", "in 1997 --
    // that ..."); other symbols right after a number show it is no year.
    const bool spaced_dash = !adjacent(j + 1) && (n.lower == "_" || n.lower == "--" ||
                                                  n.lower == "\u2014" || n.lower == "\u2013");
    if (n.kind == TokenKind::kSymbol && n.lower != "'" && !spaced_dash) return false;
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

std::optional<Match> SentenceScanner::year(std::size_t j) {
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
    const std::string_view n = toks_[j + 1].lower;
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
  if (r.takes_det) r.end = j + 2;
  // "the 1988 quarter": the quarter under discussion, in that year ("the 1988 period" is
  // as often the whole year in TimeBank, and stays the year).
  if (is(j + 1, "quarter")) r.sym.how = Anchoring::kQuarterRef;
  return r;
}

// Years in words: "nineteen ninety-six", "nineteen eighty four", "two thousand [and] three".
// Returns the year and sets *end, or 0.
int SentenceScanner::spelled_year(std::size_t j, std::size_t* end) const {
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

std::optional<Match> SentenceScanner::spelled(std::size_t j) {
  std::size_t end = 0;
  const int y = spelled_year(j, &end);
  if (y == 0) return std::nullopt;
  // Only where a year is expected: after a date preposition or "the year", or after a month;
  // "nineteen ninety-six" (a century and a two-digit year in words) is a year anywhere, unless
  // it counts a plural noun.
  const bool century_form = (info(j).number == 19 || info(j).number == 18) && end == j + 2 &&
                            lower_has_dash(end - 1);
  const bool counts_noun = has(end) && toks_[end].kind == TokenKind::kWord && !toks_[end].cap &&
                           toks_[end].lower.size() > 3 && toks_[end].lower.back() == 's';
  if (!(j > 0 && (cls(j - 1) & (kDatePreposition | kMonthName))) && !is(j - 1, "year") &&
      !(century_form && !counts_noun)) {
    return std::nullopt;
  }
  Match r = date_match(end, y, 0, 0);
  r.sym.gran = Gran::kYear;
  return r;
}

// "the year 2000", "the year two thousand"
std::optional<Match> SentenceScanner::the_year(std::size_t j) {
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

// "the 21st century", "the twentieth century": the century's two digits ("20").
std::optional<Match> SentenceScanner::century(std::size_t j) {
  int n = numeric_ordinal(toks_[j].lower);
  if (n < 0 && (cls(j) & kOrdinalWord)) n = info(j).number;
  if (n < 1 || n > 30 || !is(j + 1, "century")) return std::nullopt;
  Match r;
  r.end = j + 2;
  r.takes_det = true;
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d", n - 1);
  r.sym.literal = buf;
  return r;
}

// ---- weekdays ----
std::optional<Match> SentenceScanner::weekday(std::size_t j) {
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
  // "Tuesday nights", "Monday and Tuesday nights": every such night (SET).
  auto plural_pod = [&](std::size_t p) -> const char* {
    if (is(p, "nights")) return "NI";
    if (is(p, "mornings")) return "MO";
    if (is(p, "afternoons")) return "AF";
    if (is(p, "evenings")) return "EV";
    return nullptr;
  };
  const char* pod = plural_pod(j + 1);
  const bool listed = pod == nullptr && (is(j + 1, "and") || is(j + 1, "or")) &&
                      (cls(j + 2) & kWeekdayName) && (pod = plural_pod(j + 3)) != nullptr;
  if (pod != nullptr) {
    Match r;
    r.end = listed ? j + 1 : j + 2;
    r.type = TimexType::kSet;
    r.sym.literal = "XXXX-WXX-" + std::to_string(info(j).weekday) + "T" + pod;
    return r;
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
void SentenceScanner::add_part_of_day(Match* r) {
  if (cls(r->end) & kPartOfDay) {
    std::memcpy(r->sym.pod, info(r->end).pod, 2);
    r->sym.gran = Gran::kPartOfDay;
    r->type = TimexType::kTime;
    r->end += 1;
  }
}

std::optional<Match> SentenceScanner::plural_weekday(std::size_t j) {
  if (!toks_[j].cap && !all_caps_) return std::nullopt;
  Match r;
  r.end = j + 1;
  r.type = TimexType::kSet;
  r.sym.literal = "XXXX-WXX-" + std::to_string(info(j).weekday);
  return r;
}

// ---- seasons ----
std::optional<Match> SentenceScanner::season(std::size_t j) {
  const std::string_view w = toks_[j].lower;
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
  // "the winter of nineteen ninety-four"
  std::size_t spelled_end = 0;
  if (const int y = spelled_year(k, &spelled_end)) {
    r.sym.year = y;
    r.end = spelled_end;
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
std::optional<Match> SentenceScanner::holiday(std::size_t j) {
  if (!toks_[j].cap && !all_caps_) return std::nullopt;
  std::size_t count = 0;
  const Holiday* table = holidays(&count);
  const char first = toks_[j].lower.empty() ? '\0' : toks_[j].lower[0];
  for (std::size_t h = 0; h < count; ++h) {
    std::string_view name = table[h].name;
    if (name[0] != first) continue;  // most entries fail on the first letter
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
    if (is(k, "week") && !is(k + 1, "'s")) {
      // "Easter week", "Thanksgiving week": the ISO week that holds the holiday.
      r.sym.gran = Gran::kWeek;
      r.end = ++k;
    }
    if (const int y = year_at(k)) {
      r.sym.year = y;
      r.end = k + 1;
    }
    return r;
  }
  return std::nullopt;
}

// ---- quarters and halves ----
std::optional<Match> SentenceScanner::quarter(std::size_t j) {
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

std::optional<Match> SentenceScanner::numeric_date(std::size_t j) {
  // One token ("9/11/2001"), as the segmenter keeps separators inside numbers.
  const std::string_view w = toks_[j].lower;
  const std::size_t s1 = w.find('/');
  if (s1 != std::string_view::npos) {
    const std::size_t s2 = w.find('/', s1 + 1);
    if (s2 == std::string_view::npos) return std::nullopt;
    const std::string_view ms = w.substr(0, s1), ds = w.substr(s1 + 1, s2 - s1 - 1),
                           ys = w.substr(s2 + 1);
    if (ms.empty() || ms.size() > 2 || ds.empty() || ds.size() > 2 ||
        (ys.size() != 2 && ys.size() != 4) || !all_digits(ms) || !all_digits(ds) ||
        !all_digits(ys)) {
      return std::nullopt;
    }
    int year = parse_int(ys);
    if (ys.size() == 2) year += year >= 30 ? 1900 : 2000;
    const int month = parse_int(ms), day = parse_int(ds);
    if (!is_valid_date(year, month, day)) return std::nullopt;
    return date_match(j + 1, year, month, day);
  }
  const Tok& m = toks_[j];
  if (m.num < 1 || m.num > 12 || m.digits > 2) return std::nullopt;
  if (!is(j + 1, "/") || !adjacent(j + 1) || !adjacent(j + 2) || !has(j + 2)) return std::nullopt;
  const Tok& d = toks_[j + 2];
  if (d.num < 1 || d.num > 31 || d.digits > 2) return std::nullopt;
  if (!is(j + 3, "/") || !adjacent(j + 3) || !adjacent(j + 4) || !has(j + 4)) return std::nullopt;
  const Tok& y = toks_[j + 4];
  int year = 0;
  if (y.digits == 4) year = y.num;
  if (y.digits == 2) year = y.num >= 30 ? 1900 + y.num : 2000 + y.num;
  if (year < 1000 || !is_valid_date(year, m.num, d.num)) return std::nullopt;
  if (has(j + 5) && adjacent(j + 5) && toks_[j + 5].kind != TokenKind::kPunct) return std::nullopt;
  return date_match(j + 5, year, m.num, d.num);
}

}  // namespace docpipe::dating::scan
