// Rules for expressions relative to an anchor: last/this/next, one-word and "the ..."
// expressions (today, now, the past, the quarter), hyphenated words (two-year, mid-1990s).
#include <cstdio>
#include <cstring>

#include "calendar.h"
#include "sentence_scanner.h"

namespace docpipe::dating::scan {

// ---- last / this / next ----
std::optional<Match> SentenceScanner::relative(std::size_t j) {
  const int rel = info(j).relative;
  const std::string_view w = toks_[j].lower;
  std::size_t k = j + 1;
  if (!has(k)) return std::nullopt;
  // "the past two years", "the next 10 days": durations.
  if (w != "this" && w != "current" && w != "present") {
    std::size_t n_end = 0;
    int n = cardinal(k, false, &n_end);
    if (n == -1 && is(k, "couple") && is(k + 1, "of")) {  // "the next couple of years"
      n = 2;
      n_end = k + 2;
    }
    if ((n > 1 || n == -2) && (cls(n_end) & kUnitWord) && info(n_end).plural) {
      Match r = duration_match(n, info(n_end).unit, n_end + 1);
      r.takes_det = true;
      r.takes_mod = false;
      return r;
    }
  }
  // "coming weeks", "the coming years": some stretch ahead, its length not given.
  if ((w == "coming" || w == "upcoming") && (cls(k) & kUnitWord) && info(k).plural &&
      info(k).unit >= Unit::kDay) {
    Match r = duration_match(-2, info(k).unit, k + 1);
    r.number_led = false;
    r.takes_det = true;
    r.takes_mod = false;
    return r;
  }
  if (is(k, "fiscal") && is(k + 1, "year")) ++k;  // "the current fiscal year"
  const std::uint32_t c = cls(k);
  Match r;
  r.end = k + 1;
  r.takes_det = w != "this";  // "the last week", "the next year"
  r.sym.relative = rel;
  if ((c & kUnitWord) && !info(k).plural) {
    const Unit u = info(k).unit;
    // "This Week", "Next Year" in title case mid-sentence: a programme or a name.
    if (toks_[k].cap && !all_caps_ && j > 0 && toks_[j].cap) return std::nullopt;
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
  if (w == "this" && (is(k, "past") || is(k, "coming"))) {
    // "this past spring", "this past Sunday" = the last one; "this coming Sunday" the next.
    if (auto m = relative(k)) return m;
    return std::nullopt;
  }
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
    // "last Oct. 23": that day in the latest October before the anchor.
    if (const int d = day_at(k + 1); d != 0 && d <= days_in_month(2000, r.sym.month) &&
                                     !year_at(k + 2)) {
      r.sym.day = d;
      r.sym.gran = Gran::kDay;
      r.end = k + 2;
    }
    return r;
  }
  if (c & kSeasonWord) {
    r.sym.how = Anchoring::kDate;
    r.sym.season = info(k).season;
    r.sym.gran = Gran::kSeason;
    // "last spring" is last year's spring (TimeBank); "this past spring" the latest one.
    if (w == "last") r.sym.year_shift = -1;
    return r;
  }
  // "the next morning", "the following evening", "the previous night": a part of the day
  // after or before the date under discussion.
  if ((c & kPartOfDay) && j > 0 && is(j - 1, "the") &&
      (w == "next" || w == "following" || w == "previous" || w == "prior")) {
    r.type = TimexType::kTime;
    r.sym.how = Anchoring::kFocusShift;
    r.sym.unit = Unit::kDay;
    r.sym.shift = rel;
    std::memcpy(r.sym.pod, info(k).pod, 2);
    r.sym.gran = Gran::kPartOfDay;
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

Gran SentenceScanner::gran_of(Unit u) {
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

// ---- one-word expressions ----
std::optional<Match> SentenceScanner::deictic(std::size_t j) {
  const std::string_view w = toks_[j].lower;
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
  const bool name_part = toks_[j].cap && !all_caps_ && j > 0 && toks_[j - 1].cap &&
                         toks_[j - 1].kind == TokenKind::kWord;
  const bool generic = j > 0 && is(j - 1, "of");  // "the people of tomorrow"
  if ((w == "today" || w == "tomorrow" || w == "yesterday") && (name_part || generic)) {
    return std::nullopt;
  }
  if (w == "today") {
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
    // "Now, ..." opening a sentence is a discourse marker.
    if (j == 0 && is(j + 1, ",")) return std::nullopt;
    literal("PRESENT_REF");
  } else if (w == "recently" || w == "lately") {
    literal("PAST_REF");
  } else if (w == "year" && (is(j + 1, "end") || (is(j + 1, "'s") && is(j + 2, "end")))) {
    // "by year end", "by year's end": the end of the anchor's year.
    r.sym.how = Anchoring::kShift;
    r.sym.unit = Unit::kYear;
    r.sym.gran = Gran::kYear;
    r.mod = Mod::kEnd;
    r.end = is(j + 1, "end") ? j + 2 : j + 3;
  } else if (w == "more" && is(j + 1, "recently")) {  // "More recently, ..."
    literal("PAST_REF");
    r.end = j + 2;
  } else if (w == "these" && is(j + 1, "days")) {
    literal("PRESENT_REF");
    r.end = j + 2;
  } else if (w == "current") {
    // "current market conditions", "its current wife": now. Time units go to relative()
    // ("the current quarter"); "current account" and the like are in the lexicon's exclusions.
    if (!word_like(j + 1) || toks_[j + 1].cap ||
        (cls(j + 1) & (kUnitWord | kNotTimeAfterCurrent | kDatePreposition | kPastCue |
                       kFutureCue | kPresentCue)) ||
        is(j + 1, "fiscal")) {
      return std::nullopt;
    }
    // "the then current price": the present of a past time.
    literal(j > 0 && is(j - 1, "then") ? "PAST_REF" : "PRESENT_REF");
  } else if (w == "future" && (cls(j + 1) & kUnitWord) && info(j + 1).plural) {
    literal("FUTURE_REF");  // "future quarters"
    r.end = j + 2;
  } else if (w == "soon") {
    // Tagged next to a modal ("may soon seek", "it soon will begin", "to soon grow"); in a
    // narrative ("was soon released", "soon became", "strike again soon") the corpora leave
    // it untagged.
    const bool modal = j > 0 && (is(j - 1, "will") || is(j - 1, "may") || is(j - 1, "might") ||
                                 is(j - 1, "could") || is(j - 1, "would") || is(j - 1, "to") ||
                                 is(j - 1, "enough"));
    if (!modal && !is(j + 1, "will")) return std::nullopt;
    literal("FUTURE_REF");
  } else if (w == "that" && (cls(j + 1 + is(j + 1, "same")) & kUnitWord) &&
             !info(j + 1 + is(j + 1, "same")).plural &&
             info(j + 1 + is(j + 1, "same")).unit >= Unit::kDay &&
             info(j + 1 + is(j + 1, "same")).unit <= Unit::kYear &&
             info(j + 1 + is(j + 1, "same")).unit != Unit::kWeekend) {
    // "that day", "that same day", "that year": the date under discussion.
    const std::size_t u = j + 1 + is(j + 1, "same");
    r.sym.how = Anchoring::kFocusShift;
    r.sym.unit = info(u).unit;
    r.sym.shift = 0;
    r.sym.gran = gran_of(info(u).unit);
    r.end = u + 1;
    return r;
  } else if (w == "the" && has(j + 1)) {
    const std::string_view n = toks_[j + 1].lower;
    if (n == "past" && !(cls(j + 2) & (kUnitWord | kNumberWord)) && toks_[j + 2 < size() ? j + 2 : j].kind != TokenKind::kNumber) {
      literal("PAST_REF");
    } else if ((cls(j + 1) & kDecadeWord) && !(j > 0 && is(j - 1, "of"))) {
      // "the nineties", "the eighties": that decade of the 1900s.
      r.sym.literal = "19" + std::to_string(info(j + 1).number);
    } else if (n == "future" && !is(j + 2, "of")) {
      literal("FUTURE_REF");
    } else if (n == "present" && !(cls(j + 2) & kUnitWord) && !word_like(j + 2)) {
      literal("PRESENT_REF");
    } else if (n == "year" && !is(j + 2, "'s") && !(toks_.size() > j + 2 && year_at(j + 2)) &&
               !(cls(j + 2) & kNumberWord)) {
      if ((j > 0 && (is(j - 1, "for") || is(j - 1, "during") || is(j - 1, "through") ||
                     is(j - 1, "throughout"))) ||
          is(j + 2, "ended") || is(j + 2, "ending")) {
        // "net income for the year", "in the year ended March 31": a stretch of a year.
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
      if (is(j + 3, "ended") || is(j + 3, "ending")) {  // "the fiscal year ended Jan. 31"
        r.type = TimexType::kDuration;
        r.sym.literal = "P1Y";
        r.end = j + 3;
        return r;
      }
      r.sym.how = Anchoring::kShift;
      r.sym.unit = Unit::kYear;
      r.sym.gran = Gran::kYear;
      r.end = j + 3;
      return r;
    } else if ((n == "near" && (is(j + 2, "future") || is(j + 2, "term"))) ||
               (n == "short" && is(j + 2, "term"))) {
      literal("FUTURE_REF");
      r.end = j + 3;
      return r;
    } else if (n == "month" && !is(j + 2, "of") && !is(j + 2, "'s")) {
      r.sym.how = Anchoring::kShift;
      r.sym.unit = Unit::kMonth;
      r.sym.gran = Gran::kMonth;
    } else if (n == "week" && is(j + 2, "of") && (cls(j + 3) & kMonthName)) {
      // "the week of March 6": the ISO week that holds the day.
      auto d = month_date(j + 3);
      if (!d || d->sym.day == 0 || d->second) return std::nullopt;
      r.sym = d->sym;
      r.sym.gran = Gran::kWeek;
      r.end = d->end;
      return r;
    } else if (n == "week" && !is(j + 2, "of")) {
      // "for the week", "the week's most active session": a week of the anchor's year that
      // the text does not pin down (TimeBank: 1989-WXX).
      r.sym.how = Anchoring::kShift;
      r.sym.unit = Unit::kWeek;
      r.sym.gran = Gran::kWeek;
      r.sym.literal = "WXX";
    } else if (n == "quarter" && (is(j + 2, "ended") || is(j + 2, "ending")) &&
               (cls(j + 3) & kMonthName)) {
      // "the quarter ended Sept. 30": the quarter that most of the three months fall in.
      auto end_date = month_date(j + 3);
      if (!end_date || end_date->sym.day == 0 || end_date->second) return std::nullopt;
      const Ymd mid = add_days(Ymd{2000, end_date->sym.month, end_date->sym.day}, -45);
      r.sym.how = Anchoring::kDate;
      r.sym.gran = Gran::kQuarter;
      r.sym.quarter = (mid.month - 1) / 3 + 1;
      if (end_date->sym.year != 0) {
        r.sym.year = end_date->sym.month < 3 && mid.month > 9 ? end_date->sym.year - 1
                                                               : end_date->sym.year;
      }
      r.end = j + 2;
      return r;
    } else if ((n == "latest" || n == "recent") && (is(j + 2, "period") || is(j + 2, "quarter"))) {
      // "the latest quarter": the last one completed before the DCT.
      r.sym.how = Anchoring::kQuarterRef;
      r.sym.gran = Gran::kQuarter;
      r.sym.relative = -1;
      r.end = j + 3;
      return r;
    } else if (const std::size_t q = j + 1 + ((n == "corresponding" || n == "comparable" ||
                                               n == "same") ? 1 : 0);
               (is(q, "quarter") || is(q, "period")) &&
               ((is(q + 1, "a") && is(q + 2, "year") &&
                 (is(q + 3, "ago") || is(q + 3, "earlier"))) ||
                (is(q + 1, "last") && is(q + 2, "year")))) {
      // "the quarter a year ago", "the corresponding period last year": the quarter under
      // discussion, a year before (the year before the anchor's when none is).
      r.sym.how = Anchoring::kQuarterRef;
      r.sym.gran = Gran::kQuarter;
      r.sym.year_shift = -1;
      r.end = is(q + 1, "a") ? q + 4 : q + 3;
      return r;
    } else if (n == "quarter") {
      // "the quarter": the one under discussion.
      r.sym.how = Anchoring::kQuarterRef;
      r.sym.gran = Gran::kQuarter;
      r.end = j + 2;
      return r;
    } else if (n == "most" && is(j + 2, "recent") && (is(j + 3, "quarter") || is(j + 3, "period"))) {
      r.sym.how = Anchoring::kQuarterRef;
      r.sym.gran = Gran::kQuarter;
      r.sym.relative = -1;
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
std::optional<Match> SentenceScanner::compound(std::size_t j) {
  const Tok& t = toks_[j];
  const std::string_view w = t.lower;
  const std::size_t dash = w.find('-');
  if (dash == std::string::npos || dash == 0 || dash + 1 >= w.size()) return std::nullopt;
  const std::string_view head = std::string_view(w).substr(0, dash);
  const std::string_view tail = std::string_view(w).substr(dash + 1);
  Match r;
  r.end = j + 1;
  if (head == "mid" || head == "early" || head == "late") {
    // "mid-1990s", "mid-November", "mid-2023", "mid-afternoon", "late-November"
    std::string tail_s(tail);
    const WordInfo& ti = lookup_word(tail_s);
    if (head != "mid" && !(ti.classes & kMonthName)) return std::nullopt;
    r.mod = head == "mid" ? Mod::kMid : head == "early" ? Mod::kStart : Mod::kEnd;
    r.takes_det = head == "mid";  // "the late-November trip": the article is the noun's
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
      if (is(j + 1, "yesterday") || is(j + 1, "today") || is(j + 1, "tomorrow")) {
        r.sym.shift = is(j + 1, "yesterday") ? -1 : is(j + 1, "tomorrow") ? 1 : 0;
        r.end = j + 2;
      }
      return r;
    }
    return std::nullopt;
  }
  if (head == "year" && (tail == "earlier" || tail == "ago")) {
    r.sym.how = Anchoring::kFocusShift;
    r.sym.unit = Unit::kYear;
    r.sym.shift = -1;
    r.sym.gran = Gran::kYear;
    // "the year-ago third quarter": that quarter a year before the DCT's year.
    if (cls(j + 1) & kOrdinalWord) {
      if (auto q = quarter(j + 1); q && q->sym.year == 0) {
        q->sym.year_shift = -1;
        return q;
      }
    }
    // "the year-ago period" is one expression; in "the year-earlier loss" the article
    // belongs to the noun.
    if (is(j + 1, "period") || is(j + 1, "quarter")) {
      r.end = j + 2;
      r.takes_det = true;
      // "the year-ago quarter": the quarter under discussion, a year before.
      if (is(j + 1, "quarter")) r.sym.gran = Gran::kQuarter;
    }
    return r;
  }
  if ((head == "pre" || head == "post") && tail.size() == 4 && all_digits(tail)) {
    // "post-1959 Cuba", "pre-1990 rules": the year, with the prefix in the span.
    const int y = parse_int(tail);
    if (y < 1000 || y > 2099) return std::nullopt;
    r.sym.how = Anchoring::kDate;
    r.sym.year = y;
    r.sym.gran = Gran::kYear;
    return r;
  }
  if (head == "year" && tail == "end") {
    // "by year-end", "since year-end": Dec. 31 of the year the tense points to.
    r.sym.how = Anchoring::kDate;
    r.sym.month = 12;
    r.sym.day = 31;
    r.sym.gran = Gran::kDay;
    return r;
  }
  // "day-long", "year-long": one unit; "decades-long", "months-long": some units.
  if (tail == "long") {
    std::string head_s(head);
    const WordInfo& hu = lookup_word(head_s);
    if (!(hu.classes & kUnitWord) || hu.unit == Unit::kQuarter || hu.unit == Unit::kHalf) {
      return std::nullopt;
    }
    Match d = duration_match(hu.plural ? -2 : 1, hu.unit, j + 1);
    d.takes_det = false;  // "a day-long meeting": the article belongs to the noun
    d.takes_mod = false;
    return d;
  }
  // tail is a unit: "two-year", "10-year", "third-quarter", "first-half"
  std::string tail_s(tail);
  const std::size_t dash2 = tail_s.find('-');
  if (dash2 != std::string::npos) {
    if (tail.substr(dash2 + 1) == "old") return std::nullopt;  // ages: "12-year-old"
    tail_s.resize(dash2);
  }
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
  if (head == "several" || head == "multi") n = -2;  // "a several-year tenure": some years
  if (n == 0 || n == -1) return std::nullopt;
  if (ui.unit == Unit::kQuarter || ui.unit == Unit::kHalf) return std::nullopt;
  Match d = duration_match(n, ui.unit, j + 1);
  d.takes_det = false;  // "the three-year contract": the article belongs to the noun
  d.takes_mod = false;
  return d;
}

}  // namespace docpipe::dating::scan
