// The word lists and normalization tables of the dating stage: month and weekday names,
// numerals in words, ordinals, time units, seasons, parts of the day, holidays, time zones and
// the small closed classes the rules test for (modifiers, tense cues). The tables themselves
// live in lexicon_tables.cc; rules look words up here and never spell them out.
//
// Lookups take a lower-cased token (ASCII letters lowered; other bytes unchanged) and are
// thread safe (the table is built once, on first use).
#ifndef DOCPIPE_DATING_LEXICON_H_
#define DOCPIPE_DATING_LEXICON_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace docpipe::dating {

// Units of time, coarsest last so that comparisons mean "finer than".
enum class Unit : std::uint8_t {
  kNone = 0,
  kSecond,
  kMinute,
  kHour,
  kDay,
  kWeekend,
  kWeek,
  kMonth,
  kSeason,
  kQuarter,
  kHalf,
  kYear,
  kDecade,
  kCentury,
};

// Word classes, as bits: one word may be several things ("may", "second", "march").
enum WordClass : std::uint32_t {
  kMonthName = 1u << 0,
  kWeekdayName = 1u << 1,
  kNumberWord = 1u << 2,    // one .. ninety-nine, dozen
  kOrdinalWord = 1u << 3,   // first .. thirty-first, last (for quarters)
  kUnitWord = 1u << 4,      // year, years, month, ...
  kSeasonWord = 1u << 5,
  kPartOfDay = 1u << 6,     // morning, afternoon, evening, night
  kTimeZone = 1u << 7,      // est, gmt, utc ...
  kRelative = 1u << 8,      // last, next, this, past, coming, previous, following, current
  kPreModifier = 1u << 9,   // early, late, mid, earlier, later
  kApprox = 1u << 10,       // about, around, nearly, almost, over, some ...
  kDatePreposition = 1u << 11,  // in, since, until, by, of, from, to, during ...
  kFutureCue = 1u << 12,    // will, 'll, shall, scheduled, due, expected, plans ...
  kPastCue = 1u << 13,      // was, were, had, said, ago, irregular past forms ...
  kPresentCue = 1u << 14,   // is, are, am
  kFrequency = 1u << 15,    // daily, weekly, annually, hourly ...
  kPluralWeekday = 1u << 16,  // mondays, sundays
  kHolidayStart = 1u << 17,   // first word of a holiday name
  kVague = 1u << 18,          // several, few, many, some (plural quantities, value X)
  kNotAfterMonth = 1u << 19,  // pronouns and verbs that show "May" / "March" is not a month
  kYearRejectBefore = 1u << 20,  // words before a number that is not a year: pier, room, route
  kMeridiem = 1u << 21,       // a.m., p.m., am, pm
  kStarter = 1u << 22,        // other words that may open an expression ("the", "today")
  kHeadWord = 1u << 23,       // deictic heads: today, now, recently, soon, past, future, noon
  kNounPhraseOpener = 1u << 24,  // determiners: the, a, its, their, these (a noun follows)
  kNotTimeAfterCurrent = 1u << 25,  // "current account", "current assets": no time meant
  kDeadlineCue = 1u << 26,    // effective, payable, until: the date given lies ahead
  kDecadeWord = 1u << 27,     // twenties .. nineties (number: the decade's digit, 2 .. 9)
};

// Every expression contains a number, a hyphenated word or a word of one of these classes; a
// sentence without any is skipped.
constexpr std::uint32_t kTriggerClasses = kMonthName | kWeekdayName | kPluralWeekday | kUnitWord |
                                          kSeasonWord | kPartOfDay | kHolidayStart | kFrequency |
                                          kNumberWord | kHeadWord | kDecadeWord;

struct WordInfo {
  std::uint32_t classes = 0;
  std::int8_t month = 0;      // 1..12
  std::int8_t weekday = 0;    // 1 (Monday) .. 7
  std::int8_t number = 0;     // 0..99 for number words, 1..31 for ordinals
  std::int8_t season = -1;    // 0 SP, 1 SU, 2 FA, 3 WI
  Unit unit = Unit::kNone;
  bool plural = false;        // "years", "mondays"
  char pod[3] = {0, 0, 0};    // "MO", "AF", "EV", "NI"
  std::int8_t relative = 0;   // -1 last/past/previous, 0 this/current, +1 next/coming/following
  std::uint8_t mod = 0;       // index into the modifier names (timex.h ModKind)
};

// The entry of a lower-cased word; a static empty entry (classes 0) when unknown.
const WordInfo& lookup_word(std::string_view lower) noexcept;

// A holiday: name words (lower case, space separated) and how to compute its date.
struct Holiday {
  const char* name;      // "christmas eve"
  int month;             // fixed month, or the month of a floating rule
  int day;               // fixed day; 0 for a floating rule
  int weekday;           // floating rule: the weekday (1..7)
  int nth;               // floating rule: 1..5, or -1 for the last
  int offset_days;       // days from Easter Sunday, or from the n-th weekday ("the Tuesday
                         // after the first Monday": weekday 1, nth 1, offset 1)
  bool easter;           // computed from Easter
};

// All holidays, longest names first (so that the first match is the longest).
const Holiday* holidays(std::size_t* count) noexcept;

// TIMEX3 abbreviations.
const char* unit_code(Unit u) noexcept;       // "Y", "M", "W", "D", "H", "MIN"->"M" ...
bool unit_is_time(Unit u) noexcept;           // hours, minutes, seconds use "PT"
const char* season_code(int season) noexcept;  // "SP", "SU", "FA", "WI"

// Lower-cases ASCII letters.
void to_lower_ascii(std::string_view in, std::string* out);

}  // namespace docpipe::dating

#endif  // DOCPIPE_DATING_LEXICON_H_
