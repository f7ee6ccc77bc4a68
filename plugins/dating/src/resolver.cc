#include "resolver.h"

#include <cstdio>
#include <cstdlib>

#include "lexicon.h"

namespace docpipe::dating {
namespace {

int quarter_of(const Ymd& d) { return (d.month - 1) / 3 + 1; }
// Meteorological seasons: spring Mar-May (0), summer Jun-Aug (1), fall Sep-Nov (2), winter (3).
int season_of(const Ymd& d) { return d.month == 12 || d.month <= 2 ? 3 : (d.month - 3) / 3; }

Ymd first_day_of_quarter(int year, int q) { return Ymd{year, (q - 1) * 3 + 1, 1}; }

// `d` moved by n units.
Ymd shift_date(const Ymd& d, Unit u, int n) {
  switch (u) {
    case Unit::kDay: return add_days(d, n);
    case Unit::kWeek:
    case Unit::kWeekend: return add_days(d, 7LL * n);
    case Unit::kMonth: return add_months(d, n);
    case Unit::kSeason:
    case Unit::kQuarter: return add_months(d, 3 * n);
    case Unit::kHalf: return add_months(d, 6 * n);
    case Unit::kYear: return add_months(d, 12 * n);
    case Unit::kDecade: return add_months(d, 120 * n);
    case Unit::kCentury: return add_months(d, 1200 * n);
    default: return d;
  }
}

Gran gran_of_unit(Unit u) {
  switch (u) {
    case Unit::kDay: return Gran::kDay;
    case Unit::kWeek: return Gran::kWeek;
    case Unit::kWeekend: return Gran::kWeekend;
    case Unit::kMonth: return Gran::kMonth;
    case Unit::kSeason: return Gran::kSeason;
    case Unit::kQuarter: return Gran::kQuarter;
    case Unit::kHalf: return Gran::kHalf;
    case Unit::kYear: return Gran::kYear;
    case Unit::kDecade: return Gran::kDecade;
    case Unit::kCentury: return Gran::kCentury;
    default: return Gran::kDay;
  }
}

// The value with every unknown part written as X.
std::string unknown_value(Gran g, const Symbolic& s) {
  char buf[48];
  switch (g) {
    case Gran::kYear: return "XXXX";
    case Gran::kHalf: return s.half ? "XXXX-H" + std::to_string(s.half) : "XXXX-HX";
    case Gran::kQuarter: return s.quarter ? "XXXX-Q" + std::to_string(s.quarter) : "XXXX-QX";
    case Gran::kSeason: return std::string("XXXX-") + season_code(s.season);
    case Gran::kMonth:
      if (s.month) {
        std::snprintf(buf, sizeof buf, "XXXX-%02d", s.month);
        return buf;
      }
      return "XXXX-XX";
    case Gran::kWeek: return "XXXX-WXX";
    case Gran::kWeekend: return "XXXX-WXX-WE";
    case Gran::kDay:
    case Gran::kPartOfDay:
    case Gran::kTime: {
      std::string v;
      if (s.weekday && !s.month) {
        v = "XXXX-WXX-" + std::to_string(s.weekday);
      } else if (s.month && s.day) {
        std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", s.month, s.day);
        v = buf;
      } else {
        v = "XXXX-XX-XX";
      }
      if (g == Gran::kPartOfDay) v += std::string("T") + s.pod;
      if (g == Gran::kTime) {
        std::snprintf(buf, sizeof buf, "T%02d:%02d", s.hour, s.minute < 0 ? 0 : s.minute);
        // A bare clock time is written without a date.
        if (v == "XXXX-XX-XX") return buf;
        v += buf;
      }
      return v;
    }
    default: return "XXXX";
  }
}

// Holiday date in a year.
Ymd holiday_date(int index, int year) {
  std::size_t count = 0;
  const Holiday& h = holidays(&count)[index];
  if (h.easter) return add_days(easter_sunday(year), h.offset_days);
  if (h.day != 0) return Ymd{year, h.month, h.day};
  return add_days(nth_weekday_of_month(year, h.month, h.weekday, h.nth), h.offset_days);
}

int compare(const Ymd& a, const Ymd& b) {
  if (a.year != b.year) return a.year < b.year ? -1 : 1;
  if (a.month != b.month) return a.month < b.month ? -1 : 1;
  if (a.day != b.day) return a.day < b.day ? -1 : 1;
  return 0;
}

}  // namespace

std::string format_value(const Ymd& d, Gran g, const Symbolic& s) {
  char buf[64];
  switch (g) {
    case Gran::kCentury: std::snprintf(buf, sizeof buf, "%02d", d.year / 100); break;
    case Gran::kDecade: std::snprintf(buf, sizeof buf, "%03d", d.year / 10); break;
    case Gran::kYear: std::snprintf(buf, sizeof buf, "%04d", d.year); break;
    case Gran::kHalf:
      std::snprintf(buf, sizeof buf, "%04d-H%d", d.year, s.half ? s.half : (d.month <= 6 ? 1 : 2));
      break;
    case Gran::kQuarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%d", d.year, s.quarter ? s.quarter : quarter_of(d));
      break;
    case Gran::kSeason:
      std::snprintf(buf, sizeof buf, "%04d-%s", d.year,
                    season_code(s.season >= 0 ? s.season : season_of(d)));
      break;
    case Gran::kMonth: std::snprintf(buf, sizeof buf, "%04d-%02d", d.year, d.month); break;
    case Gran::kWeek: {
      const IsoWeek w = iso_week(d);
      std::snprintf(buf, sizeof buf, "%04d-W%02d", w.year, w.week);
      break;
    }
    case Gran::kWeekend: {
      const IsoWeek w = iso_week(d);
      std::snprintf(buf, sizeof buf, "%04d-W%02d-WE", w.year, w.week);
      break;
    }
    case Gran::kDay: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day); break;
    case Gran::kPartOfDay:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%s", d.year, d.month, d.day, s.pod);
      break;
    case Gran::kTime:
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", d.year, d.month, d.day, s.hour,
                    s.minute < 0 ? 0 : s.minute);
      break;
    case Gran::kNone: return "";
  }
  return buf;
}

Resolver::Resolver(std::optional<Ymd> dct, AnchorMode mode) : dct_(dct), mode_(mode) {}

std::optional<RefDate> Resolver::anchor() const {
  if (mode_ == AnchorMode::kNarrative && narrative_) return narrative_;
  if (dct_) return RefDate{*dct_, Gran::kDay, 0};
  return std::nullopt;
}

std::string Resolver::resolve(const Mention& m) {
  const Symbolic& s = m.sym;
  if (s.how == Anchoring::kLiteral) return s.literal;
  std::optional<RefDate> resolved;
  std::string v = resolve_date(m, s, &resolved);
  // Only dates written as dates move the focus: "a year earlier" keeps pointing at the same one.
  if (resolved && m.type == TimexType::kDate && s.how == Anchoring::kDate &&
      resolved->gran >= Gran::kYear &&
      resolved->gran <= Gran::kDay) {
    focus_ = resolved;
    if (mode_ == AnchorMode::kNarrative) narrative_ = resolved;
  }
  return v;
}

std::string Resolver::resolve_date(const Mention& m, const Symbolic& s,
                                   std::optional<RefDate>* out) {
  const std::optional<RefDate> a = anchor();
  const bool news = mode_ == AnchorMode::kNews;
  const Tense tense = m.tense;
  auto done = [&](const Ymd& d, Gran g) {
    RefDate r{d, g, g == Gran::kQuarter ? (s.quarter ? s.quarter : quarter_of(d)) : 0};
    *out = r;
    return format_value(d, g, s);
  };

  switch (s.how) {
    case Anchoring::kLiteral: return s.literal;

    case Anchoring::kDate: {
      Gran g = s.gran;
      if (s.hour >= 0) g = Gran::kTime;
      // Month and day for the comparison with the anchor (a holiday needs a year first).
      auto make = [&](int year) {
        if (s.holiday >= 0) return holiday_date(s.holiday, year);
        if (s.quarter) return first_day_of_quarter(year, s.quarter);
        if (s.half) return Ymd{year, s.half == 1 ? 1 : 7, 1};
        if (s.season >= 0) return Ymd{year, s.season == 3 ? 12 : s.season * 3 + 3, 1};
        int day = s.day ? s.day : 1;
        const int month = s.month ? s.month : 1;
        if (day > days_in_month(year, month)) day = days_in_month(year, month);
        return Ymd{year, month, day};
      };
      if (s.year != 0) return done(make(s.year), g);
      if (!a) return unknown_value(g, s);
      const Ymd& ad = a->date;
      int year = ad.year;
      if (s.year_shift != Symbolic::kNoYearShift) return done(make(year + s.year_shift), g);
      if (!news) return done(make(year), g);
      const Ymd cand = make(year);
      // Compare at the expression's own granularity.
      int cmp;
      if (s.quarter) {
        cmp = s.quarter < quarter_of(ad) ? -1 : s.quarter > quarter_of(ad) ? 1 : 0;
      } else if (s.half) {
        const int ah = ad.month <= 6 ? 1 : 2;
        cmp = s.half < ah ? -1 : s.half > ah ? 1 : 0;
      } else if (s.season >= 0) {
        // January and February are the winter that opens the year: before its spring.
        int as = season_of(ad);
        if (as == 3 && ad.month <= 2) as = -1;
        cmp = s.season < as ? -1 : s.season > as ? 1 : 0;
      } else if (!s.day && s.holiday < 0) {
        cmp = s.month < ad.month ? -1 : s.month > ad.month ? 1 : 0;
      } else {
        cmp = compare(cand, ad);
      }
      if (s.relative == -1) {
        // "last April": the latest April before the anchor's month.
        if (cmp >= 0) --year;
      } else if (s.relative == 1) {
        if (cmp <= 0) ++year;
      } else if (s.relative == 0) {
        // "this April": the anchor's year.
      } else if (tense == Tense::kPast) {
        // A past clause about a date a few weeks ahead is usually a deadline or a schedule
        // reported in the past tense ("was extended to Nov. 16").
        if (cmp > 0) {
          const std::int64_t ahead = to_days(cand) - to_days(ad);
          const bool near = (s.day || s.holiday >= 0) ? ahead <= 45
                                                      : (s.month && s.month == ad.month + 1);
          if (!near) --year;
        }
      } else if (tense == Tense::kFuture) {
        // A future clause about a date just past is a deadline that has expired ("ordered
        // to return the boy by Jan. 14", written on Jan. 15), not next year's.
        if (cmp < 0 && !s.quarter && !s.half) {
          const std::int64_t behind = to_days(ad) - to_days(cand);
          const bool near = (s.day || s.holiday >= 0) ? behind <= 14
                                                      : (s.month && s.month + 1 == ad.month);
          if (!near) ++year;
        }
      } else if (s.day || s.holiday >= 0) {
        // No tense: the nearest occurrence.
        const std::int64_t here = to_days(cand) - to_days(ad);
        if (here > 183) --year;
        if (here < -183) ++year;
      } else if (s.month) {
        // A month alone, no tense: the nearest one, leaning to the past ("worth $130 million
        // in October", written in January; "to acquire it in January", written in November).
        const int ahead = s.month - ad.month;  // -11 .. 11
        if (ahead > 5) --year;
        if (ahead < -9) ++year;
      }
      return done(make(year), g);
    }

    case Anchoring::kWeekday: {
      Gran g = s.gran;
      if (s.hour >= 0) g = Gran::kTime;
      if (!a || a->gran != Gran::kDay) {
        std::string v = "XXXX-WXX-" + std::to_string(s.weekday);
        if (g == Gran::kPartOfDay) v += std::string("T") + s.pod;
        return v;
      }
      const int aw = weekday(a->date);
      const int back = (aw - s.weekday + 7) % 7;
      const int fwd = (s.weekday - aw + 7) % 7;
      int delta;
      if (s.relative == -1) {
        delta = back == 0 ? -7 : -back;
      } else if (s.relative == 1) {
        delta = fwd == 0 ? 7 : fwd;
      } else if (s.relative == 0) {
        delta = tense == Tense::kPast ? -back : fwd;
      } else if (tense == Tense::kFuture || tense == Tense::kPresentVerb) {
        delta = fwd;
      } else {
        delta = -back;
      }
      return done(add_days(a->date, delta), g);
    }

    case Anchoring::kShift:
    case Anchoring::kFocusShift: {
      Gran g = s.gran;
      if (s.hour >= 0) g = Gran::kTime;
      std::optional<RefDate> base = a;
      // "a year earlier" after a year mentioned as a whole ("in the 1988 period") compares
      // with that year, not the one before it: a year before the anchor.
      const bool year_vs_year = s.unit == Unit::kYear && s.shift != 0 && focus_ &&
                                focus_->gran == Gran::kYear;
      if (s.how == Anchoring::kFocusShift && focus_ && !year_vs_year) base = focus_;
      // "a year ago" in a report about a quarter means that quarter a year before.
      if (s.how == Anchoring::kShift && s.ago && s.unit == Unit::kYear && focus_ &&
          focus_->gran == Gran::kQuarter && m.type == TimexType::kDate) {
        base = focus_;
      }
      if (!base) return unknown_value(g, s);
      if (s.unit == Unit::kYear && base != a &&
          (base->gran == Gran::kHalf || base->gran == Gran::kQuarter)) {
        g = base->gran;
      } else if (s.how == Anchoring::kFocusShift && s.unit == Unit::kWeek &&
                 base->gran == Gran::kDay) {
        g = Gran::kDay;
      }
      if (base->gran < Gran::kDay && g >= Gran::kWeek && g != Gran::kQuarter) {
        // A day relative to a month or a year is not known.
        if (base->gran < g) return unknown_value(g, s);
      }
      const Ymd d = shift_date(base->date, s.unit, s.shift);
      if (s.literal == "WXX" && g == Gran::kWeek) {  // a week of that year, not pinned down
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-WXX", d.year);
        return buf;
      }
      Symbolic printed = s;
      if (g == Gran::kQuarter) printed.quarter = quarter_of(d);
      RefDate r{d, g, g == Gran::kQuarter ? quarter_of(d) : 0};
      *out = r;
      return format_value(d, g, printed);
    }

    case Anchoring::kQuarterRef: {
      // "the quarter" is the one under discussion; "the latest quarter", "last quarter" the
      // last one completed before the anchor.
      if (s.year_shift != Symbolic::kNoYearShift) {
        // "the quarter a year ago": the quarter under discussion moved by whole years; the
        // anchor's year moved when no quarter is under discussion.
        if (focus_ && focus_->gran == Gran::kQuarter) {
          Symbolic printed = s;
          printed.quarter = focus_->quarter;
          const Ymd d{focus_->date.year + s.year_shift, focus_->date.month, 1};
          *out = RefDate{d, Gran::kQuarter, focus_->quarter};
          return format_value(d, Gran::kQuarter, printed);
        }
        if (!a) return "XXXX";
        const Ymd d{a->date.year + s.year_shift, 1, 1};
        *out = RefDate{d, Gran::kYear, 0};
        return format_value(d, Gran::kYear, s);
      }
      if (s.year != 0) {
        // "the 1988 quarter", "the 1989 period": the quarter under discussion in that year;
        // the year itself when no quarter is under discussion.
        if (focus_ && focus_->gran == Gran::kQuarter) {
          Symbolic printed = s;
          printed.quarter = focus_->quarter;
          const Ymd d{s.year, focus_->date.month, 1};
          *out = RefDate{d, Gran::kQuarter, focus_->quarter};
          return format_value(d, Gran::kQuarter, printed);
        }
        const Ymd d{s.year, 1, 1};
        *out = RefDate{d, Gran::kYear, 0};
        return format_value(d, Gran::kYear, s);
      }
      if (s.relative != -1 && focus_ && focus_->gran == Gran::kQuarter) {
        Symbolic printed = s;
        printed.quarter = focus_->quarter;
        *out = focus_;
        return format_value(focus_->date, Gran::kQuarter, printed);
      }
      if (!a) return "XXXX-QX";
      const Ymd d = add_months(Ymd{a->date.year, a->date.month, 1}, -3);
      Symbolic printed = s;
      printed.quarter = quarter_of(d);
      *out = RefDate{d, Gran::kQuarter, printed.quarter};
      return format_value(d, Gran::kQuarter, printed);
    }

    case Anchoring::kWeekend: {
      if (!a || a->gran != Gran::kDay) return "XXXX-WXX-WE";
      const int aw = weekday(a->date);
      Ymd d = a->date;
      if (s.relative == -1 || (s.relative == 2 && tense != Tense::kFuture &&
                               tense != Tense::kPresentVerb)) {
        if (aw < 6) d = add_days(d, -7);
      } else if (s.relative == 1) {
        d = add_days(d, 7);
      }
      return format_value(d, Gran::kWeekend, s);
    }
  }
  return "";
}

}  // namespace docpipe::dating
