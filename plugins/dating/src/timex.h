// The symbolic form of a temporal expression, as the rules emit it (recognizer.h), before the
// second pass (resolver.h) turns it into a TIMEX3 value against the document's anchor.
//
// This is HeidelTime's split: rules say *what* was written ("Monday", "a year ago", "Sept. 13"
// with no year), the resolver decides *which* date that is, knowing the DCT, the mode and the
// tense of the clause.
#ifndef DOCPIPE_DATING_TIMEX_H_
#define DOCPIPE_DATING_TIMEX_H_

#include <cstdint>
#include <string>

#include "lexicon.h"

namespace docpipe::dating {

enum class TimexType : std::uint8_t { kDate, kTime, kDuration, kSet };
const char* type_name(TimexType t) noexcept;

enum class Mod : std::uint8_t {
  kNone = 0,
  kStart,
  kMid,
  kEnd,
  kApprox,
  kLessThan,
  kMoreThan,
  kEqualOrLess,
  kEqualOrMore,
};
const char* mod_name(Mod m) noexcept;  // "" for kNone

// kPresent: a form of "be" ("is", "are"): news states a present fact about a past day.
// kPresentVerb: a third-person verb ("celebrates"): a habit or a schedule, looking ahead.
enum class Tense : std::uint8_t { kUnknown, kPast, kPresent, kPresentVerb, kFuture };

// How the value depends on context.
enum class Anchoring : std::uint8_t {
  kLiteral,     // `literal` is the value (durations, sets, PRESENT_REF, full dates)
  kDate,        // calendar fields below; a missing year comes from the anchor and the tense
  kWeekday,     // `weekday` nearest to the anchor in the tense's direction (`relative` forces it)
  kShift,       // the anchor (DCT in news mode) moved by `shift` x `unit`, shown at `gran`
  kFocusShift,  // the last mentioned date moved by `shift` x `unit` ("a year earlier")
  kQuarterRef,  // "the quarter", "the latest quarter": the quarter under discussion
  kWeekend,     // "the weekend": the nearest weekend in the tense's direction
};

// The granularity of a printed value.
enum class Gran : std::uint8_t {
  kNone = 0,
  kCentury,
  kDecade,
  kYear,
  kHalf,
  kQuarter,
  kSeason,
  kMonth,
  kWeek,
  kWeekend,
  kDay,
  kPartOfDay,  // a day plus MO/AF/EV/NI
  kTime,       // a day plus hour:minute
};

struct Symbolic {
  Anchoring how = Anchoring::kLiteral;
  Gran gran = Gran::kNone;
  std::string literal;
  int year = 0;      // 0 when not written
  int month = 0;     // 1..12, 0 when not written
  int day = 0;
  int quarter = 0;   // 1..4
  int half = 0;      // 1..2
  int season = -1;   // 0..3
  int weekday = 0;   // 1..7
  int hour = -1;     // 0..24
  int minute = -1;
  char pod[3] = {0, 0, 0};
  int holiday = -1;  // index into holidays()
  Unit unit = Unit::kNone;
  int shift = 0;
  int relative = 2;  // -1 last, 0 this, +1 next; 2 when not written
  bool ago = false;  // kShift written "N units ago"
  // kDate: the year is the anchor's moved by this many years ("this year's third quarter",
  // "last year's"); kNoYearShift when not written.
  int year_shift = kNoYearShift;
  static constexpr int kNoYearShift = 1 << 20;
};

// One recognized expression, in byte offsets of the text the recognizer read.
struct Mention {
  std::uint32_t begin = 0;
  std::uint32_t end = 0;
  TimexType type = TimexType::kDate;
  Mod mod = Mod::kNone;
  Symbolic sym;
  Tense tense = Tense::kUnknown;
  std::string quant;  // SET: "EVERY", "EACH"
  std::string freq;   // SET: "2X"
};

}  // namespace docpipe::dating

#endif  // DOCPIPE_DATING_TIMEX_H_
