// Rules for lengths and repetitions: durations, offsets ("a year ago", "two days later"),
// sets ("every Monday", "daily") and clock times.
#include <cstdio>
#include <cstring>

#include "calendar.h"
#include "sentence_scanner.h"

namespace docpipe::dating::scan {

// ---- durations and offsets: "three years", "a year ago", "two days later" ----
Match SentenceScanner::duration_match(int n, Unit u, std::size_t end) const {
  Match r;
  r.end = end;
  r.type = TimexType::kDuration;
  r.number_led = true;
  r.sym.literal = duration_value(n, u);
  return r;
}

std::string SentenceScanner::duration_value(int n, Unit u) {
  std::string v = unit_is_time(u) ? "PT" : "P";
  v += n < 0 ? std::string("X") : std::to_string(n);
  if (u == Unit::kWeekend) return n < 0 ? "PXWE" : "P" + std::to_string(n * 2) + "D";
  // ISO 8601 has no decade designator; TimeBank and AQUAINT mostly count decades in years
  // ("two decades" P20Y, "decades-long" PXY).
  if (u == Unit::kDecade) return n < 0 ? "PXY" : "P" + std::to_string(n * 10) + "Y";
  if (u == Unit::kSecond) v += "S";
  else if (u == Unit::kMinute) v += "M";
  else v += unit_code(u);
  return v;
}

// n and a half units: "PT1M30S", "PT2H30M", "P3DT12H", "P2.5Y".
std::string SentenceScanner::half_more(int n, Unit u) {
  const std::string v = std::to_string(n);
  switch (u) {
    case Unit::kSecond: return "PT" + v + ".5S";
    case Unit::kMinute: return "PT" + v + "M30S";
    case Unit::kHour: return "PT" + v + "H30M";
    case Unit::kDay: return "P" + v + "DT12H";
    case Unit::kYear: return "P" + v + "Y6M";  // "2 1/2 years": P2Y6M
    default: return "P" + v + ".5" + unit_code(u);
  }
}

std::optional<Match> SentenceScanner::duration(std::size_t j) {
  std::size_t k = 0;
  const bool ordinal_first = (cls(j) & kOrdinalWord) && (is(j, "first") || is(j, "last"));
  // "will one day be": some day ahead.
  if (is(j, "one") && is(j + 1, "day") && j > 0 &&
      (is(j - 1, "will") || is(j - 1, "would") || is(j - 1, "may") || is(j - 1, "might") ||
       is(j - 1, "could") || is(j - 1, "should"))) {
    Match r;
    r.end = j + 2;
    r.sym.literal = "FUTURE_REF";
    return r;
  }
  std::size_t start = j;
  if (ordinal_first) start = j + 1;  // "the first nine months"
  int n = cardinal(start, /*article=*/!ordinal_first, &k);
  if (n == -1) {
    // "the weeks ahead", "in the months ahead": a stretch to come, its length not given.
    if ((cls(j) & kUnitWord) && info(j).plural && is(j + 1, "ahead") && j > 0 &&
        is(j - 1, "the") && info(j).unit >= Unit::kDay) {
      Match r = duration_match(-2, info(j).unit, j + 2);
      r.number_led = false;
      r.takes_det = true;
      return r;
    }
    // Bare plurals after "for" / "over": "for years", "over decades".
    if ((cls(j) & kUnitWord) && info(j).plural && j > 0 &&
        (is(j - 1, "for") || is(j - 1, "over") || is(j - 1, "within") || is(j - 1, "in") ||
         (is(j - 1, "the") && j > 1 && is(j - 2, "over"))) &&
        info(j).unit >= Unit::kDay) {
      Match r = duration_match(-2, info(j).unit, j + 1);
      r.number_led = false;
      r.takes_det = is(j - 1, "the");
      return r;
    }
    return std::nullopt;
  }
  if (n == 0) return std::nullopt;
  // "two and a half years", "2 1/2 years"
  bool half = false;
  if (n > 0 && is(k, "and") && is(k + 1, "a") && is(k + 2, "half")) {
    half = true;
    k += 3;
  } else if (n > 0 && is(k, "1/2")) {
    half = true;
    k += 1;
  }
  // "20 more years", "an additional year", "two further weeks": the count of the units.
  // "eight trading days", "ten business days"
  if (n != -2 && (is(k, "more") || is(k, "additional") || is(k, "further") || is(k, "extra") ||
                  is(k, "trading") || is(k, "business") || is(k, "working")) &&
      (cls(k + 1) & kUnitWord)) {
    ++k;
  }
  if (!(cls(k) & kUnitWord)) return std::nullopt;
  // "a minute and a half", "an hour and a half"
  std::size_t unit_token = k;
  if (!half && n > 0 && is(k + 1, "and") && is(k + 2, "a") && is(k + 3, "half")) {
    half = true;
    k += 3;
  }
  // "CBS's 60 Minutes", "48 Hours": a capitalised unit after a number mid-sentence is a title.
  if (toks_[unit_token].cap && !all_caps_ && toks_[j].kind == TokenKind::kNumber && j > 0) {
    return std::nullopt;
  }
  const WordInfo& unit = info(unit_token);
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
  std::size_t after = k + 1;
  bool or_so = false;
  if (is(after, "or") && is(after + 1, "so")) {  // "a week or so ago", "two years or so"
    or_so = true;
    after += 2;
  }
  if (is(after, "old") || is(after, "-old")) return std::nullopt;  // ages
  // "recent years", "in recent weeks": a stretch of the recent past, its length not given
  // (TimeML: DURATION PXY, PXW).
  if (is(start, "recent") && unit.plural) {
    Match r = duration_match(-2, u, after);
    r.number_led = false;
    r.takes_det = true;
    r.takes_mod = false;
    return r;
  }

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
  // "$500 million a year in costs": a rate of money, which the corpora leave untagged.
  if (article && j > 0 && !ordinal_first &&
      (is(j - 1, "million") || is(j - 1, "billion") || is(j - 1, "trillion"))) {
    return std::nullopt;
  }
  // "$5 a year", "twice a week", "hundreds of interviews a day": a frequency.
  const Tok* before = j > 0 ? &toks_[j - 1] : nullptr;
  const bool counted_noun = before != nullptr && before->kind == TokenKind::kWord &&
                            before->info->classes == 0 && before->lower.size() > 3 &&
                            before->lower.back() == 's' && !before->cap &&
                            before->lower[before->lower.size() - 2] != 's';
  if (article && j > 0 && !ordinal_first &&
      (toks_[j - 1].kind == TokenKind::kNumber || is(j - 1, "twice") || is(j - 1, "once") ||
       is(j - 1, "times") || is(j - 1, "percent") || is(j - 1, "%") || counted_noun)) {
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
  std::string value = duration_value(n, u);
  if (half) value = half_more(n, u);
  Match r;
  r.end = after;
  r.type = TimexType::kDuration;
  r.number_led = true;
  // "the two day rally": a number before a singular unit modifies the noun after it, and the
  // article is the noun's, as with "the two-day rally".
  r.takes_det = !(n > 1 && !unit.plural && !half);
  r.takes_mod = false;
  r.sym.literal = value;
  if (or_so) r.mod = Mod::kApprox;
  return r;
}

// ---- sets ----
std::optional<Match> SentenceScanner::set_expression(std::size_t j) {
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

std::optional<Match> SentenceScanner::frequency(std::size_t j) {
  const std::string_view w = toks_[j].lower;
  const bool adverb = w == "annually" || w == "yearly";
  // "a daily rally", "his weekly radio address", "on a daily basis": the word alone is the
  // set. Without a determiner before it, "daily" before a noun is a newspaper or a measure
  // ("average daily volume", "the party daily Granma").
  const bool after_det = j > 0 && (cls(j - 1) & kNounPhraseOpener) && !adverb;
  // "gather daily outside the home", "meet weekly with donors": an adverb before a
  // preposition, not an adjective before a noun.
  const auto place_preposition = [](std::string_view p) {
    return p == "outside" || p == "inside" || p == "near" || p == "with" || p == "to" ||
           p == "from" || p == "into" || p == "across" || p == "along" || p == "around" ||
           p == "by" || p == "for" || p == "at" || p == "in" || p == "on";
  };
  if (!after_det && has(j + 1) && toks_[j + 1].kind == TokenKind::kWord &&
      !(cls(j + 1) & kDatePreposition) && !place_preposition(toks_[j + 1].lower) &&
      toks_[j + 1].lower != "and" &&
      toks_[j + 1].lower != "or" && !adverb) {
    return std::nullopt;
  }
  // "to grow 8% annually", "doubling profits annually since 1980": a rate, not an event.
  if (adverb && ((j > 0 && (is(j - 1, "%") || is(j - 1, "percent"))) || is(j + 1, "since") ||
                 is(j + 1, "through"))) {
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
std::optional<Match> SentenceScanner::clock_time(std::size_t j) {
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
  // "4 in the morning", "9 in the evening", "11 at night"
  if (!meridiem && colon == std::string_view::npos && h >= 1 && h <= 12 &&
      ((is(k, "in") && is(k + 1, "the") && (cls(k + 2) & kPartOfDay) && !is(k + 2, "night")) ||
       (is(k, "at") && is(k + 1, "night")))) {
    const bool at_night = is(k, "at");
    const std::string_view pod = at_night ? std::string_view("NI") : info(k + 2).pod;
    meridiem = true;
    pm = pod == "AF" || pod == "EV" || (pod == "NI" && h >= 6);
    k += at_night ? 2 : 3;
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
void SentenceScanner::attach_day(Match* r) {
  // The day's value, keeping the time's clock.
  auto take_day = [r](const Symbolic& day) {
    const int h = r->sym.hour, m = r->sym.minute;
    r->sym = day;
    r->sym.hour = h;
    r->sym.minute = m;
    r->sym.gran = Gran::kTime;
  };
  std::size_t k = r->end;
  if (is(k, ",")) ++k;
  if (cls(k) & kWeekdayName) {
    if (auto w = weekday(k); w && w->type == TimexType::kDate) {
      take_day(w->sym);
      r->end = w->end;
      return;
    }
  }
  if (cls(k) & kMonthName) {
    if (auto d = month_date(k); d && d->sym.day != 0 && !d->second) {
      take_day(d->sym);
      r->end = d->end;
      return;
    }
  }
  if (is(k, "yesterday") || is(k, "today") || is(k, "tomorrow")) {
    r->sym.shift = is(k, "yesterday") ? -1 : is(k, "tomorrow") ? 1 : 0;
    r->end = k + 1;
    return;
  }
  // "10:35 a.m. EDT (1435 GMT) Friday", "4 in the morning (4 a.m. EDT Thursday)": a weekday in or
  // right after a short parenthetical gloss is the time's day; the span stays the time.
  if (is(r->end, "(")) {
    std::size_t close = r->end + 1;
    while (close < r->end + 8 && has(close) && !is(close, ")")) ++close;
    if (!is(close, ")")) return;
    for (std::size_t q = r->end + 1; q <= close + 1; ++q) {
      if (q == close || !(cls(q) & kWeekdayName)) continue;
      if (auto w = weekday(q); w && w->type == TimexType::kDate) take_day(w->sym);
      return;
    }
  }
}

std::optional<Match> SentenceScanner::named_time(std::size_t j) {
  if (j > 0 && is(j - 1, "high")) return std::nullopt;  // "High Noon", "high noon comes today"
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

}  // namespace docpipe::dating::scan
