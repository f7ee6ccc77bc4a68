// The tables behind lexicon.h. Everything the rules know about English words of time is here.
#include <cstring>
#include <string>
#include <unordered_map>

#include "lexicon.h"
#include "timex.h"

namespace docpipe::dating {
namespace {

struct NameValue {
  const char* name;
  int value;
};

constexpr NameValue kMonths[] = {
    {"january", 1},  {"jan", 1},       {"jan.", 1},      {"february", 2}, {"feb", 2},
    {"feb.", 2},     {"march", 3},     {"mar.", 3},      {"april", 4},    {"apr", 4},
    {"apr.", 4},     {"may", 5},       {"june", 6},      {"jun.", 6},     {"july", 7},
    {"jul.", 7},     {"august", 8},    {"aug", 8},       {"aug.", 8},     {"september", 9},
    {"sept", 9},     {"sept.", 9},     {"sep.", 9},      {"october", 10}, {"oct", 10},
    {"oct.", 10},    {"november", 11}, {"nov", 11},      {"nov.", 11},    {"december", 12},
    {"dec", 12},     {"dec.", 12},
};

constexpr NameValue kWeekdays[] = {
    {"monday", 1},   {"mon.", 1},    {"tuesday", 2}, {"tue.", 2},    {"tues.", 2},
    {"wednesday", 3}, {"wed.", 3},   {"thursday", 4}, {"thu.", 4},   {"thur.", 4},
    {"thurs.", 4},   {"friday", 5},  {"fri.", 5},    {"saturday", 6}, {"sat.", 6},
    {"sunday", 7},   {"sun.", 7},
};

constexpr NameValue kPluralWeekdays[] = {
    {"mondays", 1}, {"tuesdays", 2}, {"wednesdays", 3}, {"thursdays", 4},
    {"fridays", 5}, {"saturdays", 6}, {"sundays", 7},
};

constexpr NameValue kNumbers[] = {
    {"one", 1},       {"two", 2},       {"three", 3},    {"four", 4},      {"five", 5},
    {"six", 6},       {"seven", 7},     {"eight", 8},    {"nine", 9},      {"ten", 10},
    {"eleven", 11},   {"twelve", 12},   {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
    {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
    {"thirty", 30},   {"forty", 40},    {"fifty", 50},   {"sixty", 60},    {"seventy", 70},
    {"eighty", 80},   {"ninety", 90},   {"dozen", 12},
};

constexpr NameValue kOrdinals[] = {
    {"first", 1},        {"second", 2},        {"third", 3},        {"fourth", 4},
    {"fifth", 5},        {"sixth", 6},         {"seventh", 7},      {"eighth", 8},
    {"ninth", 9},        {"tenth", 10},        {"eleventh", 11},    {"twelfth", 12},
    {"thirteenth", 13},  {"fourteenth", 14},   {"fifteenth", 15},   {"sixteenth", 16},
    {"seventeenth", 17}, {"eighteenth", 18},   {"nineteenth", 19},  {"twentieth", 20},
    {"thirtieth", 30},   {"thirty-first", 31},
};

constexpr NameValue kDecadeWords[] = {
    {"twenties", 2}, {"thirties", 3}, {"forties", 4}, {"fifties", 5},
    {"sixties", 6},  {"seventies", 7}, {"eighties", 8}, {"nineties", 9},
};

struct UnitName {
  const char* name;
  Unit unit;
  bool plural;
};

constexpr UnitName kUnits[] = {
    {"second", Unit::kSecond, false},   {"seconds", Unit::kSecond, true},
    {"minute", Unit::kMinute, false},   {"minutes", Unit::kMinute, true},
    {"hour", Unit::kHour, false},       {"hours", Unit::kHour, true},
    {"day", Unit::kDay, false},         {"days", Unit::kDay, true},
    {"weekend", Unit::kWeekend, false}, {"weekends", Unit::kWeekend, true},
    {"week", Unit::kWeek, false},       {"weeks", Unit::kWeek, true},
    {"fortnight", Unit::kWeek, false},  {"month", Unit::kMonth, false},
    {"months", Unit::kMonth, true},     {"quarter", Unit::kQuarter, false},
    {"quarters", Unit::kQuarter, true}, {"half", Unit::kHalf, false},
    {"year", Unit::kYear, false},       {"years", Unit::kYear, true},
    {"decade", Unit::kDecade, false},   {"decades", Unit::kDecade, true},
    {"century", Unit::kCentury, false}, {"centuries", Unit::kCentury, true},
};

constexpr NameValue kSeasons[] = {
    {"spring", 0}, {"summer", 1}, {"fall", 2}, {"autumn", 2}, {"winter", 3},
};

struct PodName {
  const char* name;
  const char* code;
};
constexpr PodName kPartsOfDay[] = {
    {"morning", "MO"}, {"afternoon", "AF"}, {"evening", "EV"}, {"night", "NI"},
};

constexpr const char* kTimeZones[] = {"est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt",
                                      "gmt", "utc", "bst", "cet", "cest", "et"};

constexpr NameValue kRelatives[] = {
    {"last", -1},     {"past", -1},     {"previous", -1}, {"prior", -1}, {"this", 0},
    {"current", 0},   {"present", 0},   {"next", 1},      {"coming", 1}, {"following", 1},
    {"upcoming", 1},
};

constexpr NameValue kPreModifiers[] = {
    {"early", static_cast<int>(Mod::kStart)},  {"earlier", static_cast<int>(Mod::kStart)},
    {"late", static_cast<int>(Mod::kEnd)},     {"later", static_cast<int>(Mod::kEnd)},
    {"mid", static_cast<int>(Mod::kMid)},      {"mid-", static_cast<int>(Mod::kMid)},
};

constexpr NameValue kApproxWords[] = {
    {"about", static_cast<int>(Mod::kApprox)},       {"around", static_cast<int>(Mod::kApprox)},
    {"approximately", static_cast<int>(Mod::kApprox)}, {"roughly", static_cast<int>(Mod::kApprox)},
    {"some", static_cast<int>(Mod::kApprox)},        {"nearly", static_cast<int>(Mod::kLessThan)},
    {"almost", static_cast<int>(Mod::kLessThan)},    {"under", static_cast<int>(Mod::kLessThan)},
    {"over", static_cast<int>(Mod::kMoreThan)},
};

constexpr const char* kDatePrepositions[] = {
    "in", "on", "since", "until", "till", "by", "of", "from", "to", "during", "through",
    "before", "after", "between", "and", "early", "late", "mid", "last", "next", "this",
    "each", "every", "fiscal", "year", "around", "about", "as", "spring", "summer", "winter",
    "autumn", "fall", "circa", "c.", "ca.", "throughout", "for", "within", "at"};

constexpr const char* kFutureCues[] = {
    "will", "'ll", "shall", "wo", "scheduled", "schedule", "due", "expected", "expects", "expect",
    "plans", "plan", "planned", "planning", "upcoming", "would", "slated", "intends", "intend",
    "tomorrow", "going", "hopes", "aims", "pledged", "promised", "vowed", "forecast",
    "projected"};

constexpr const char* kPastCues[] = {
    "was", "were", "had", "did", "said", "told", "ago", "yesterday", "has", "have", "'ve", "met",
    "went", "came", "took", "made", "held", "gave", "saw", "won", "lost", "began", "left",
    "sent", "spoke", "fell", "rose", "got", "thought", "found", "became", "brought", "bought",
    "paid", "sold", "led", "ran", "wrote", "struck", "knew", "felt", "kept", "meant", "stood",
    "heard", "fled", "grew", "drew", "flew", "threw", "broke", "chose", "spent", "built",
    "sank", "shot", "fought", "caught", "taught", "sought", "slid", "dropped", "declined",
    "earlier", "previously", "recently", "last"};

constexpr const char* kPresentCues[] = {"is", "are", "am", "'re", "'m", "now", "today",
                                        "currently", "remains", "continues"};

struct FrequencyName {
  const char* name;
  Unit unit;
};
constexpr FrequencyName kFrequencies[] = {
    {"daily", Unit::kDay},      {"nightly", Unit::kDay},  {"weekly", Unit::kWeek},
    {"monthly", Unit::kMonth},  
    {"yearly", Unit::kYear},    {"annually", Unit::kYear}, {"hourly", Unit::kHour},
};

constexpr const char* kVagueWords[] = {"several", "few", "many", "some", "couple", "recent"};

// Words after "May" / "March" (and before "may") that show the modal verb or the verb.
constexpr const char* kNotAfterMonthWords[] = {
    "i", "we", "you", "he", "she", "it", "they", "be", "have", "not", "also", "well", "still",
    "the", "a", "an", "this", "that", "there", "on", "into", "toward", "towards", "through",
    "against", "past", "along", "down", "up", "out", "across", "to", "for", "with"};

constexpr const char* kYearRejectBeforeWords[] = {
    "pier",    "room",  "route",   "flight", "page",     "pages",   "section", "highway",
    "interstate", "suite", "apt.", "box",  "p.",       "pp.",     "chapter", "article",
    "rule",    "model", "version", "no.",    "number",   "#",       "$",       "unit",
    "gate",    "platform", "track", "bus",   "lot",      "exit",    "street",  "avenue",
    "ave.",    "st.",   "paragraph", "item", "code",     "zip",     "form",    "tel",
    "tel.",    "phone", "fax",     "call",   "dial",     "ext.",    "extension", "station",
    "resolution", "bill", "law",   "act",    "h.r.",     "s.",      "seat",    "vol.",
    "volume",  "issue", "episode", "level",  "floor",    "sector",  "division",
    "regiment", "battalion", "brigade", "squadron", "precinct", "district", "ward",
    "channel", "cell",  "block",   "grade",  "class",    "team",    "player",  "jersey",
    "score",   "scored", "beat",   "won",    "lost",     "led",     "trailed", "£",
    "€",       "¥",     "us$",     "c$",     "a$",       "hk$",     "dollars", "euros",
    "more",    "than",  "nearly",  "almost", "over",     "some",    "about",   "around",
    "approximately", "roughly", "least", "all", "of", "the", "up", "down", "to"};

// Words that open an expression without being in any class above.
constexpr const char* kStarters[] = {
    "the", "a", "an", "today", "yesterday", "tomorrow", "tonight", "now", "currently",
    "recently", "soon", "nowadays", "overnight", "every", "each", "fiscal", "at", "no",
    "less", "more", "fewer", "up", "noon", "midnight", "midday", "lately", "previously",
    "presently", "year-end", "year-earlier", "year-ago", "half", "just", "later", "earlier",
    "future", "'"};

constexpr const char* kHeadWords[] = {
    "today", "yesterday", "tomorrow", "tonight", "overnight", "now", "currently", "nowadays",
    "presently", "recently", "lately", "soon", "past", "future", "present", "period", "noon",
    "current",
    "term",
    "midnight", "midday"};

constexpr const char* kNounPhraseOpeners[] = {
    "the", "a", "an", "its", "their", "his", "her", "our", "your", "my", "these", "those",
    "both", "several", "many", "some", "all", "other"};

// Nouns after "current" where the word means a flow or an accounting class, not "now".
constexpr const char* kNotTimeAfterCurrentWords[] = {
    "account", "accounts", "assets", "liabilities", "ratio", "flows", "flow", "affairs",
    "events", "dollars", "prices", "yield", "yields", "coupon", "issue", "density"};

// Words right before a date that put it ahead, whatever the tense of the report: "effective
// Feb. 1", "payable Dec. 15", "holders of record Dec. 1", "until Tuesday".
constexpr const char* kDeadlineCues[] = {"effective", "payable", "record", "until", "till"};

constexpr const char* kMeridiems[] = {"a.m.", "p.m.", "am", "pm", "a.m", "p.m"};

const Holiday kHolidays[] = {
    {"new year's eve", 12, 31, 0, 0, 0, false},
    {"new year's day", 1, 1, 0, 0, 0, false},
    {"christmas eve", 12, 24, 0, 0, 0, false},
    {"christmas day", 12, 25, 0, 0, 0, false},
    {"independence day", 7, 4, 0, 0, 0, false},
    {"valentine's day", 2, 14, 0, 0, 0, false},
    {"veterans day", 11, 11, 0, 0, 0, false},
    {"boxing day", 12, 26, 0, 0, 0, false},
    {"martin luther king day", 1, 0, 1, 3, 0, false},
    {"mother's day", 5, 0, 7, 2, 0, false},
    {"father's day", 6, 0, 7, 3, 0, false},
    {"columbus day", 10, 0, 1, 2, 0, false},
    // U.S. federal elections: the Tuesday after the first Monday of November.
    {"election day", 11, 0, 1, 1, 1, false},
    {"inauguration day", 1, 20, 0, 0, 0, false},
    {"groundhog day", 2, 2, 0, 0, 0, false},
    {"earth day", 4, 22, 0, 0, 0, false},
    {"bastille day", 7, 14, 0, 0, 0, false},
    {"armistice day", 11, 11, 0, 0, 0, false},
    {"remembrance day", 11, 11, 0, 0, 0, false},
    {"may day", 5, 1, 0, 0, 0, false},
    {"labor day", 9, 0, 1, 1, 0, false},
    {"memorial day", 5, 0, 1, -1, 0, false},
    {"thanksgiving day", 11, 0, 4, 4, 0, false},
    {"good friday", 0, 0, 0, 0, -2, true},
    {"easter sunday", 0, 0, 0, 0, 0, true},
    {"easter monday", 0, 0, 0, 0, 1, true},
    {"thanksgiving", 11, 0, 4, 4, 0, false},
    {"christmas", 12, 25, 0, 0, 0, false},
    {"halloween", 10, 31, 0, 0, 0, false},
    {"easter", 0, 0, 0, 0, 0, true},
    {"new year", 1, 1, 0, 0, 0, false},
};

// Transparent hashing: lookups take a string_view without building a string.
struct WordHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const noexcept {
    return std::hash<std::string_view>{}(s);
  }
};
using Table = std::unordered_map<std::string, WordInfo, WordHash, std::equal_to<>>;

template <typename F>
void add(Table& t, const char* name, F&& fill) {
  WordInfo& w = t[std::string(name)];
  fill(w);
}

Table build_table() {
  Table t;
  t.reserve(1024);
  for (const auto& m : kMonths) add(t, m.name, [&](WordInfo& w) { w.classes |= kMonthName; w.month = static_cast<std::int8_t>(m.value); });
  for (const auto& d : kWeekdays) add(t, d.name, [&](WordInfo& w) { w.classes |= kWeekdayName; w.weekday = static_cast<std::int8_t>(d.value); });
  for (const auto& d : kPluralWeekdays) add(t, d.name, [&](WordInfo& w) { w.classes |= kPluralWeekday; w.weekday = static_cast<std::int8_t>(d.value); w.plural = true; });
  for (const auto& n : kNumbers) add(t, n.name, [&](WordInfo& w) { w.classes |= kNumberWord; w.number = static_cast<std::int8_t>(n.value); });
  // Compound numerals: twenty-one .. ninety-nine.
  static const char* const kTens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  static const char* const kOnes[] = {"one", "two", "three", "four", "five", "six", "seven", "eight", "nine"};
  static const char* const kOnesOrd[] = {"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"};
  for (int i = 0; i < 8; ++i) {
    for (int j = 0; j < 9; ++j) {
      const int v = (i + 2) * 10 + j + 1;
      add(t, (std::string(kTens[i]) + "-" + kOnes[j]).c_str(), [&](WordInfo& w) { w.classes |= kNumberWord; w.number = static_cast<std::int8_t>(v); });
      if (i == 0) add(t, (std::string(kTens[i]) + "-" + kOnesOrd[j]).c_str(), [&](WordInfo& w) { w.classes |= kOrdinalWord; w.number = static_cast<std::int8_t>(v); });
    }
  }
  for (const auto& d : kDecadeWords) add(t, d.name, [&](WordInfo& w) { w.classes |= kDecadeWord; w.number = static_cast<std::int8_t>(d.value); });
  for (const auto& o : kOrdinals) add(t, o.name, [&](WordInfo& w) { w.classes |= kOrdinalWord; w.number = static_cast<std::int8_t>(o.value); });
  for (const auto& u : kUnits) add(t, u.name, [&](WordInfo& w) { w.classes |= kUnitWord; w.unit = u.unit; w.plural = u.plural; });
  for (const auto& s : kSeasons) add(t, s.name, [&](WordInfo& w) { w.classes |= kSeasonWord; w.season = static_cast<std::int8_t>(s.value); });
  for (const auto& p : kPartsOfDay) add(t, p.name, [&](WordInfo& w) { w.classes |= kPartOfDay; std::memcpy(w.pod, p.code, 2); });
  for (const char* z : kTimeZones) add(t, z, [](WordInfo& w) { w.classes |= kTimeZone; });
  for (const auto& r : kRelatives) add(t, r.name, [&](WordInfo& w) { w.classes |= kRelative; w.relative = static_cast<std::int8_t>(r.value); });
  for (const auto& m : kPreModifiers) add(t, m.name, [&](WordInfo& w) { w.classes |= kPreModifier; w.mod = static_cast<std::uint8_t>(m.value); });
  for (const auto& a : kApproxWords) add(t, a.name, [&](WordInfo& w) { w.classes |= kApprox; w.mod = static_cast<std::uint8_t>(a.value); });
  for (const char* p : kDatePrepositions) add(t, p, [](WordInfo& w) { w.classes |= kDatePreposition; });
  for (const char* c : kFutureCues) add(t, c, [](WordInfo& w) { w.classes |= kFutureCue; });
  for (const char* c : kPastCues) add(t, c, [](WordInfo& w) { w.classes |= kPastCue; });
  for (const char* c : kPresentCues) add(t, c, [](WordInfo& w) { w.classes |= kPresentCue; });
  for (const auto& f : kFrequencies) add(t, f.name, [&](WordInfo& w) { w.classes |= kFrequency; w.unit = f.unit; });
  for (const char* v : kVagueWords) add(t, v, [](WordInfo& w) { w.classes |= kVague; });
  for (const char* v : kNotAfterMonthWords) add(t, v, [](WordInfo& w) { w.classes |= kNotAfterMonth; });
  for (const char* v : kYearRejectBeforeWords) add(t, v, [](WordInfo& w) { w.classes |= kYearRejectBefore; });
  for (const char* v : kStarters) add(t, v, [](WordInfo& w) { w.classes |= kStarter; });
  for (const char* v : kHeadWords) add(t, v, [](WordInfo& w) { w.classes |= kHeadWord; });
  for (const char* v : kNounPhraseOpeners) add(t, v, [](WordInfo& w) { w.classes |= kNounPhraseOpener; });
  for (const char* v : kNotTimeAfterCurrentWords) add(t, v, [](WordInfo& w) { w.classes |= kNotTimeAfterCurrent; });
  for (const char* v : kDeadlineCues) add(t, v, [](WordInfo& w) { w.classes |= kDeadlineCue; });
  for (const char* v : kMeridiems) add(t, v, [](WordInfo& w) { w.classes |= kMeridiem; });
  for (const Holiday& h : kHolidays) {
    std::string first(h.name);
    first = first.substr(0, first.find_first_of(" '"));  // "mother's day": "mother"
    add(t, first.c_str(), [](WordInfo& w) { w.classes |= kHolidayStart; });
  }
  return t;
}

}  // namespace

// The table and a quick filter: which (length, first byte, last byte) triples occur, so that
// most words are rejected without hashing.
struct Lexicon {
  Table table = build_table();
  std::uint64_t first_last[25][4] = {};  // bit (first % 16) * 16 + (last % 16) per length
  Lexicon() {
    for (const auto& [word, info] : table) {
      if (word.empty() || word.size() > 24) continue;
      const unsigned bit = (static_cast<unsigned char>(word.front()) % 16) * 16 +
                           static_cast<unsigned char>(word.back()) % 16;
      first_last[word.size()][bit / 64] |= std::uint64_t{1} << (bit % 64);
    }
  }
};

const WordInfo& lookup_word(std::string_view lower) noexcept {
  static const Lexicon lexicon;
  static const WordInfo kEmpty;
  if (lower.empty() || lower.size() > 24) return kEmpty;
  const unsigned bit = (static_cast<unsigned char>(lower.front()) % 16) * 16 +
                       static_cast<unsigned char>(lower.back()) % 16;
  if ((lexicon.first_last[lower.size()][bit / 64] & (std::uint64_t{1} << (bit % 64))) == 0) {
    return kEmpty;
  }
  const Table& table = lexicon.table;
  auto it = table.find(lower);
  return it == table.end() ? kEmpty : it->second;
}

const Holiday* holidays(std::size_t* count) noexcept {
  *count = sizeof(kHolidays) / sizeof(kHolidays[0]);
  return kHolidays;
}

const char* unit_code(Unit u) noexcept {
  switch (u) {
    case Unit::kSecond: return "S";
    case Unit::kMinute: return "M";
    case Unit::kHour: return "H";
    case Unit::kDay: return "D";
    case Unit::kWeekend: return "WE";
    case Unit::kWeek: return "W";
    case Unit::kMonth: return "M";
    case Unit::kSeason: return "M";
    case Unit::kQuarter: return "Q";
    case Unit::kHalf: return "H";
    case Unit::kYear: return "Y";
    case Unit::kDecade: return "E";   // only for "2.5E"; durations count decades in years
    case Unit::kCentury: return "C";
    case Unit::kNone: return "";
  }
  return "";
}

bool unit_is_time(Unit u) noexcept {
  return u == Unit::kSecond || u == Unit::kMinute || u == Unit::kHour;
}

const char* season_code(int season) noexcept {
  static const char* const kCodes[] = {"SP", "SU", "FA", "WI"};
  return season >= 0 && season < 4 ? kCodes[season] : "XX";
}

void to_lower_ascii(std::string_view in, std::string* out) {
  out->resize(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    (*out)[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  }
}

const char* type_name(TimexType t) noexcept {
  switch (t) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

const char* mod_name(Mod m) noexcept {
  switch (m) {
    case Mod::kNone: return "";
    case Mod::kStart: return "START";
    case Mod::kMid: return "MID";
    case Mod::kEnd: return "END";
    case Mod::kApprox: return "APPROX";
    case Mod::kLessThan: return "LESS_THAN";
    case Mod::kMoreThan: return "MORE_THAN";
    case Mod::kEqualOrLess: return "EQUAL_OR_LESS";
    case Mod::kEqualOrMore: return "EQUAL_OR_MORE";
  }
  return "";
}

}  // namespace docpipe::dating
