// The second pass: turns symbolic expressions (timex.h) into TIMEX3 values.
//
// News mode anchors deictic expressions ("yesterday", "last year", "Monday") on the DCT; the
// tense of the clause picks the past or future occurrence of a weekday, month or day without a
// year. Narrative mode anchors them on the last fully specified date mentioned (for history and
// biography), falling back to the DCT. In both modes anaphoric expressions ("a year earlier",
// "the following day", "the quarter") refer to the date under discussion (the focus).
//
// A Resolver is used for one document, mentions fed in text order. Without any anchor the
// unknown parts are written as X ("XXXX-09-13", "XXXX-WXX-1").
#ifndef DOCPIPE_DATING_RESOLVER_H_
#define DOCPIPE_DATING_RESOLVER_H_

#include <optional>
#include <string>

#include "calendar.h"
#include "timex.h"

namespace docpipe::dating {

enum class AnchorMode { kNews, kNarrative };

// A point of reference: a date at some granularity.
struct RefDate {
  Ymd date;
  Gran gran = Gran::kDay;
  int quarter = 0;  // set when gran is kQuarter
  friend bool operator==(const RefDate&, const RefDate&) = default;
};

class Resolver {
 public:
  Resolver(std::optional<Ymd> dct, AnchorMode mode);

  // The TIMEX3 value of `m`, and updates the focus (and the narrative anchor).
  std::string resolve(const Mention& m);

 private:
  std::optional<RefDate> anchor() const;  // DCT or narrative anchor
  std::string resolve_date(const Mention& m, const Symbolic& s, std::optional<RefDate>* out);

  std::optional<Ymd> dct_;
  AnchorMode mode_;
  std::optional<RefDate> focus_;     // the date under discussion
  std::optional<RefDate> narrative_; // the last date with a known year
};

// Formats a date at a granularity ("2023", "2023-09", "2023-W36", "2023-Q3", "2023-SU",
// "2023-09-10", "2023-09-10TMO", "2023-09-10T14:30"). `s` supplies the season, quarter, half,
// part of day and clock time.
std::string format_value(const Ymd& d, Gran g, const Symbolic& s);

}  // namespace docpipe::dating

#endif  // DOCPIPE_DATING_RESOLVER_H_
