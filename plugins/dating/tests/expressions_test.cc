// Expression -> (type, value, mod) for a fixed DCT, Monday 2023-09-04, with tense variants;
// resolution edge cases; and inputs that must not be tagged.
#include <gtest/gtest.h>

#include "test_util.h"

namespace docpipe::dating {
namespace {

using test::tag;
using test::Tagged;

constexpr const char* kMonday = "2023-09-04";

struct Case {
  const char* sentence;
  const char* span;
  const char* type;
  const char* value;
  const char* mod;
};

void check(const Case& c, const char* dct) {
  const std::vector<Tagged> got = tag(c.sentence, dct);
  bool found = false;
  std::string all;
  for (const Tagged& t : got) {
    all += "[" + t.text + "|" + t.type + "|" + t.value + "|" + t.mod + "] ";
    if (t.text == c.span) {
      found = true;
      EXPECT_EQ(t.type, c.type) << c.sentence;
      EXPECT_EQ(t.value, c.value) << c.sentence;
      EXPECT_EQ(t.mod, c.mod) << c.sentence;
    }
  }
  EXPECT_TRUE(found) << c.sentence << " -> expected '" << c.span << "', got " << all;
}

TEST(DatingExpressions, NewsTableAgainstMondayDct) {
  const Case cases[] = {
      // Weekdays: the tense of the clause picks the direction.
      {"On Wednesday, the White House warned of new sanctions.", "Wednesday", "DATE", "2023-08-30", ""},
      {"The talks are scheduled to run Sunday to Sept. 13.", "Sunday", "DATE", "2023-09-10", ""},
      {"The talks are scheduled to run Sunday to Sept. 13.", "Sept. 13", "DATE", "2023-09-13", ""},
      {"North Korea celebrates its founding anniversary on Saturday.", "Saturday", "DATE", "2023-09-09", ""},
      {"The minister will arrive on Friday.", "Friday", "DATE", "2023-09-08", ""},
      {"The minister arrived on Friday.", "Friday", "DATE", "2023-09-01", ""},
      {"He said Monday that talks failed.", "Monday", "DATE", "2023-09-04", ""},
      {"They met last Monday.", "last Monday", "DATE", "2023-08-28", ""},
      {"They will meet next Monday.", "next Monday", "DATE", "2023-09-11", ""},
      {"The vote was held Tuesday night.", "Tuesday night", "TIME", "2023-08-29TNI", ""},
      // Months and years.
      {"Talks stalled in July.", "July", "DATE", "2023-07", ""},
      {"Talks will resume in November.", "November", "DATE", "2023-11", ""},
      {"Prices rose in November.", "November", "DATE", "2022-11", ""},
      {"The deal was signed on Sept. 13, 2021.", "Sept. 13, 2021", "DATE", "2021-09-13", ""},
      {"The deal was signed on 13 September 2021.", "13 September 2021", "DATE", "2021-09-13", ""},
      {"The war began in 1950.", "1950", "DATE", "1950", ""},
      {"Output fell in the 1990s.", "the 1990s", "DATE", "199", ""},
      {"Output fell in the mid-1990s.", "the mid-1990s", "DATE", "199", "MID"},
      {"They met in late August.", "late August", "DATE", "2023-08", "END"},
      {"They will meet in early October.", "early October", "DATE", "2023-10", "START"},
      {"Sales peaked in September 2022.", "September 2022", "DATE", "2022-09", ""},
      {"Rates fell at the end of 2022.", "the end of 2022", "DATE", "2022", "END"},
      // Relative to the DCT.
      {"A year ago, the two leaders met.", "A year ago", "DATE", "2022", ""},
      {"Three days ago the border closed.", "Three days ago", "DATE", "2023-09-01", ""},
      {"The envoy left yesterday.", "yesterday", "DATE", "2023-09-03", ""},
      {"The envoy leaves tomorrow.", "tomorrow", "DATE", "2023-09-05", ""},
      {"The envoy is here today.", "today", "DATE", "2023-09-04", ""},
      {"Output rose last year.", "last year", "DATE", "2022", ""},
      {"Output will rise next year.", "next year", "DATE", "2024", ""},
      {"Output rose this year.", "this year", "DATE", "2023", ""},
      {"Prices fell last week.", "last week", "DATE", "2023-W35", ""},
      {"Prices fell last month.", "last month", "DATE", "2023-08", ""},
      {"Prices rose earlier this year.", "earlier this year", "DATE", "2023", "START"},
      {"Talks resumed this morning.", "this morning", "TIME", "2023-09-04TMO", ""},
      {"Shots were heard last night.", "last night", "TIME", "2023-09-03TNI", ""},
      {"Prices are high now.", "now", "DATE", "PRESENT_REF", ""},
      {"Prices rose recently.", "recently", "DATE", "PAST_REF", ""},
      {"Profit fell in the third quarter.", "the third quarter", "DATE", "2023-Q3", ""},
      {"Profit fell in the second half of 2022.", "the second half of 2022", "DATE", "2022-H2", ""},
      {"Tourism rose this summer.", "this summer", "DATE", "2023-SU", ""},
      {"The summit was held at 10:30 a.m. on the ship.", "10:30 a.m.", "TIME", "2023-09-04T10:30", ""},
      {"Voting closes at 8 p.m. Wednesday.", "8 p.m. Wednesday", "TIME", "2023-09-06T20:00", ""},
      {"Stores close on Christmas.", "Christmas", "DATE", "2023-12-25", ""},
      // Durations and sets.
      {"The siege lasted 10 days.", "10 days", "DURATION", "P10D", ""},
      {"The flight took three hours.", "three hours", "DURATION", "PT3H", ""},
      {"The loan runs for three years.", "three years", "DURATION", "P3Y", ""},
      {"It was a two-year contract.", "two-year", "DURATION", "P2Y", ""},
      {"Prices rose in the past two months.", "the past two months", "DURATION", "P2M", ""},
      {"The talks lasted more than six hours.", "more than six hours", "DURATION", "PT6H", "MORE_THAN"},
      {"The war lasted nearly forty years.", "nearly forty years", "DURATION", "P40Y", "LESS_THAN"},
      {"The market opens every Monday.", "every Monday", "SET", "XXXX-WXX-1", ""},
      {"The paper is printed daily.", "daily", "SET", "P1D", ""},
      {"Members pay $50 a year.", "a year", "SET", "P1Y", ""},
      {"The count took a minute and a half.", "a minute and a half", "DURATION", "PT1M30S", ""},
      {"It will not change for a couple of years.", "a couple of years", "DURATION", "P2Y", ""},
      {"The plan runs two years or so.", "two years or so", "DURATION", "P2Y", "APPROX"},
      {"They met a week or so ago.", "a week or so ago", "DATE", "2023-W35", ""},
      {"Several years ago the plant closed.", "Several years ago", "DATE", "PAST_REF", ""},
      {"Exports fell in recent years.", "recent years", "DURATION", "PXY", ""},
      {"Talks must end by February.", "February", "DATE", "2024-02", ""},
      {"The dam was built in nineteen ninety-six.", "nineteen ninety-six", "DATE", "1996", ""},
      {"Nobody expected the year two thousand to pass quietly.", "the year two thousand", "DATE", "2000", ""},
      {"Profit beat the year-ago third quarter.", "the year-ago third quarter", "DATE", "2022-Q3", ""},
      {"Shares fell at mid-afternoon yesterday.", "mid-afternoon yesterday", "TIME", "2023-09-03TAF", "MID"},
      {"Sales rose in June last year.", "June last year", "DATE", "2022-06", ""},
      {"Costs were high for the year.", "the year", "DURATION", "P1Y", ""},
      {"Art flourished in the 16th century.", "the 16th century", "DATE", "15", ""},
      {"The city was founded 2,000 years ago.", "2,000 years ago", "DATE", "0023", ""},
      {"The wall stood for 2,000 years.", "2,000 years", "DURATION", "P2000Y", ""},
      {"The attacks of 9/11/2001 changed travel.", "9/11/2001", "DATE", "2001-09-11", ""},
      {"Rain fell this past spring.", "this past spring", "DATE", "2023-SP", ""},
      {"Rain fell last spring.", "last spring", "DATE", "2022-SP", ""},
      {"The 20th is not a date here, but the last week is.", "the last week", "DATE", "2023-W35", ""},
  };
  for (const Case& c : cases) check(c, kMonday);
}

// The general rules tuned on the TempEval-3 training data, each with its negative cases.
TEST(DatingExpressions, CorpusConventionsAgainstMondayDct) {
  const Case cases[] = {
      // Unspecified stretches of the recent past or the coming time: DURATION PX<unit>.
      {"Exports fell in recent months.", "recent months", "DURATION", "PXM", ""},
      {"Exports fell in recent weeks.", "recent weeks", "DURATION", "PXW", ""},
      {"Rates may rise in coming weeks.", "coming weeks", "DURATION", "PXW", ""},
      {"The credits will cut taxes in future quarters.", "future quarters", "DATE", "FUTURE_REF", ""},
      // Weekdays: a form of "be" states a present fact about a past day; "is to" is a plan; a
      // plural noun after a name is no verb.
      {"The minister is in Paris after talks on Friday.", "Friday", "DATE", "2023-09-01", ""},
      {"The minister is to visit Paris on Friday.", "Friday", "DATE", "2023-09-08", ""},
      {"The talks are to be held on Friday.", "Friday", "DATE", "2023-09-08", ""},
      {"Bombs hit two African capitals on Friday.", "Friday", "DATE", "2023-09-01", ""},
      {"Rebels vowed to fight Wednesday's ruling.", "Wednesday", "DATE", "2023-08-30", ""},
      {"They could arrive as soon as Tuesday.", "Tuesday", "DATE", "2023-09-05", ""},
      {"Crews will clear the Friday explosions site.", "Friday", "DATE", "2023-09-01", ""},
      {"Officials extended the deadline until 9 a.m. Tuesday.", "9 a.m. Tuesday", "TIME", "2023-09-05T09:00", ""},
      {"Until Thursday, police had not named a suspect.", "Thursday", "DATE", "2023-08-31", ""},
      // "was / were" before a plan word: the plan decides ("were planning", "was expected").
      {"Fans were planning to march on Saturday.", "Saturday", "DATE", "2023-09-09", ""},
      {"The leaders were expected to meet Friday.", "Friday", "DATE", "2023-09-08", ""},
      {"The fans were tired after the march on Saturday.", "Saturday", "DATE", "2023-09-02", ""},
      {"The march was on Saturday and the planning took weeks.", "Saturday", "DATE", "2023-09-02", ""},
      // A bare plural verb after coordinated names is a schedule, like "they meet".
      {"He and Prime Minister Smith meet Friday.", "Friday", "DATE", "2023-09-08", ""},
      {"Jones and Smith fly to Rome on Thursday.", "Thursday", "DATE", "2023-09-07", ""},
      {"Pictures of Smith and Jones shaking hands Thursday.", "Thursday", "DATE", "2023-08-31", ""},
      {"Jones and Smith flew to Rome on Thursday.", "Thursday", "DATE", "2023-08-31", ""},
      {"Reporters met Smith on Thursday.", "Thursday", "DATE", "2023-08-31", ""},
      // A present progressive before a day is an arrangement ("is meeting Monday").
      {"The union is threatening to strike Friday.", "Friday", "DATE", "2023-09-08", ""},
      {"Leaders are meeting in Oslo on Thursday.", "Thursday", "DATE", "2023-09-07", ""},
      {"He is being treated after a fall Friday.", "Friday", "DATE", "2023-09-01", ""},
      {"Police are investigating Friday's attack.", "Friday", "DATE", "2023-09-01", ""},
      {"Leaders met in Oslo on Thursday and are meeting again.", "Thursday", "DATE", "2023-08-31", ""},
      // "since" opens a stretch that reaches the present, whatever the clause's tense.
      {"The strike, in its fifth day since Thursday, will go on.", "Thursday", "DATE", "2023-08-31", ""},
      {"The carrier, on patrol since March, will return to port.", "March", "DATE", "2023-03", ""},
      {"The carrier will return to port in March.", "March", "DATE", "2024-03", ""},
      {"The strike will go on from Thursday.", "Thursday", "DATE", "2023-09-07", ""},
      // Fiscal periods: "the year ended ..." is a stretch of a year; "the quarter ended ..."
      // the quarter most of it falls in; "the latest quarter" the last one completed.
      {"Net income rose in the year ended March 31.", "the year", "DURATION", "P1Y", ""},
      {"Sales rose in the fiscal year ended Jan. 31.", "the fiscal year", "DURATION", "P1Y", ""},
      {"The year was hard for farmers.", "The year", "DATE", "2023", ""},
      {"Profit rose in the quarter ended July 31.", "the quarter", "DATE", "2023-Q2", ""},
      {"Profit fell in the latest quarter.", "the latest quarter", "DATE", "2023-Q2", ""},
      {"Output fell in the current quarter.", "the current quarter", "DATE", "2023-Q3", ""},
      {"Output rose in the current year.", "the current year", "DATE", "2023", ""},
      {"The deal should close by year-end.", "year-end", "DATE", "2023-12-31", ""},
      {"Shares rose 5% since year-end.", "year-end", "DATE", "2022-12-31", ""},
      // Present, past and future references.
      {"Prices are high these days.", "these days", "DATE", "PRESENT_REF", ""},
      {"He blamed current market conditions.", "current", "DATE", "PRESENT_REF", ""},
      {"Holders may buy at the then current price.", "current", "DATE", "PAST_REF", ""},
      {"More recently, the group grew.", "More recently", "DATE", "PAST_REF", ""},
      {"The bank may soon raise rates.", "soon", "DATE", "FUTURE_REF", ""},
      // Sets: "a daily rally", "his weekly address", "annually".
      {"Crowds gather for a daily rally.", "daily", "SET", "P1D", ""},
      {"Crowds gather daily outside the embassy.", "daily", "SET", "P1D", ""},
      {"The board meets weekly with donors.", "weekly", "SET", "P1W", ""},
      {"He spoke in his weekly radio address.", "weekly", "SET", "P1W", ""},
      {"The plan saves $5 million annually.", "annually", "SET", "P1Y", ""},
      // Durations.
      {"The base is leased for at least 20 more years.", "at least 20 more years", "DURATION", "P20Y", "EQUAL_OR_MORE"},
      {"The loan may be extended for an additional year.", "an additional year", "DURATION", "P1Y", ""},
      {"They lived in camps for 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M", ""},
      // Spans: "the end of the year", "earlier in the year", "or so", "the weeks ahead".
      {"Costs will fall by the end of the year.", "the end of the year", "DATE", "2023", "END"},
      {"Sales were delayed earlier in the year.", "earlier in the year", "DATE", "2023", "START"},
      {"The plant will close over the next year or so.", "the next year or so", "DATE", "2024", "APPROX"},
      {"Funds may sell bonds in the weeks ahead.", "the weeks ahead", "DURATION", "PXW", ""},
      {"Sales may double over the next couple of years.", "the next couple of years", "DURATION", "P2Y", ""},
      {"Cuts should be done by year end.", "year end", "DATE", "2023", "END"},
      {"Rules should be in place by year's end.", "year's end", "DATE", "2023", "END"},
      {"The doctor was shot last Oct. 23 at home.", "last Oct. 23", "DATE", "2022-10-23", ""},
      {"The index rose for the week.", "the week", "DATE", "2023-WXX", ""},
      {"Shares fell eight trading days after the crash.", "eight trading days", "DURATION", "P8D", ""},
      {"She made the late-November trip.", "late-November", "DATE", "2022-11", "END"},
      {"Flights leave on Monday and Tuesday nights.", "Monday", "SET", "XXXX-WXX-1TNI", ""},
      {"Flights leave on Monday and Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI", ""},
      {"Agents do hundreds of interviews a day.", "a day", "SET", "P1D", ""},
      {"The faith will one day be the largest.", "one day", "DATE", "FUTURE_REF", ""},
      {"Crime fell through the nineties.", "the nineties", "DATE", "199", ""},
      {"Atlanta nineteen ninety-six. A bomb shook the games.", "nineteen ninety-six", "DATE", "1996", ""},
      {"He will leave at 4 in the morning.", "4 in the morning", "TIME", "2023-09-04T04:00", ""},
      {"The rally starts at 7 in the evening.", "7 in the evening", "TIME", "2023-09-04T19:00", ""},
      // "March" and "May" after "in" are months whatever follows.
      {"He stepped down in March for health reasons.", "March", "DATE", "2023-03", ""},
      {"The firm disclosed in May that it was approached.", "May", "DATE", "2023-05", ""},
  };
  for (const Case& c : cases) check(c, kMonday);
  const struct {
    Case c;
    const char* dct;
  } dated[] = {
      // Dates set ahead by the words before them; participles after "be" carry no tense.
      {{"The new pact is effective Feb. 1.", "Feb. 1", "DATE", "1990-02-01", ""}, "1989-10-26"},
      {{"The dividend is payable Dec. 15.", "Dec. 15", "DATE", "1989-12-15", ""}, "1989-10-26"},
      {{"The dividend will be paid Dec. 14.", "Dec. 14", "DATE", "1989-12-14", ""}, "1989-10-26"},
      // A deadline a day past stays in its year.
      {{"The agency will send the boy home by Jan. 14.", "Jan. 14", "DATE", "2000-01-14", ""}, "2000-01-15"},
      // "had been due" is a plan in the past.
      {{"The offer had been due to expire Friday evening.", "Friday evening", "TIME", "1989-10-27TEV", ""}, "1989-10-30"},
  };
  for (const auto& c : dated) check(c.c, c.dct);
}

TEST(DatingExpressions, LatestQuarterIgnoresTheFiscalQuarterUnderDiscussion) {
  const std::vector<Tagged> got = tag(
      "Profit fell in its fiscal fourth quarter. In the latest quarter, sales rose. For the "
      "quarter, costs fell.", "1989-10-30");
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[1].text, "the latest quarter");
  EXPECT_EQ(got[1].value, "1989-Q3");
  EXPECT_EQ(got[2].text, "the quarter");
  EXPECT_EQ(got[2].value, "1989-Q4");
}

TEST(DatingExpressions, YearAgoAfterAWholeYearComparesWithThatYear) {
  const std::vector<Tagged> got = tag(
      "It lost $195 million in the 1988 period. The year-ago results included a charge. In "
      "1987 sales fell. That year was hard. On March 3, 1987 it failed. That same day it "
      "closed.", "1989-11-02");
  ASSERT_EQ(got.size(), 6u);
  EXPECT_EQ(got[5].text, "That same day");
  EXPECT_EQ(got[5].value, "1987-03-03");
  EXPECT_EQ(got[1].text, "year-ago");
  EXPECT_EQ(got[1].value, "1988");
  EXPECT_EQ(got[3].text, "That year");
  EXPECT_EQ(got[3].value, "1987");
}

TEST(DatingExpressions, ResolutionEdgeCases) {
  const struct {
    Case c;
    const char* dct;
  } cases[] = {
      // Year boundaries: the past December from January, the coming January from December.
      {{"Prices fell in December.", "December", "DATE", "2022-12", ""}, "2023-01-10"},
      {{"Prices will fall in January.", "January", "DATE", "2024-01", ""}, "2023-12-20"},
      {{"The envoy left yesterday.", "yesterday", "DATE", "2022-12-31", ""}, "2023-01-01"},
      {{"Output rose last year.", "last year", "DATE", "2022", ""}, "2023-01-01"},
      {{"The plant opened Dec. 30.", "Dec. 30", "DATE", "2022-12-30", ""}, "2023-01-02"},
      // A weekday equal to the DCT's weekday is the DCT itself; "last" goes a week back.
      {{"He said Monday that talks failed.", "Monday", "DATE", "2023-09-04", ""}, kMonday},
      {{"They met last Monday.", "last Monday", "DATE", "2023-08-28", ""}, kMonday},
      // Leap years.
      {{"The law passed on Feb. 29, 2024.", "Feb. 29, 2024", "DATE", "2024-02-29", ""}, kMonday},
      {{"The envoy left yesterday.", "yesterday", "DATE", "2024-02-29", ""}, "2024-03-01"},
      {{"The envoy left yesterday.", "yesterday", "DATE", "2023-02-28", ""}, "2023-03-01"},
      // ISO weeks across the year end (2020 has 53 weeks).
      {{"Prices fell this week.", "this week", "DATE", "2020-W53", ""}, "2020-12-31"},
      {{"Prices fell last week.", "last week", "DATE", "2020-W53", ""}, "2021-01-05"},
      {{"Prices fell this week.", "this week", "DATE", "2020-W01", ""}, "2019-12-30"},
      // A month day without a year takes the DCT's.
      {{"Talks begin Sept. 13.", "Sept. 13", "DATE", "2023-09-13", ""}, kMonday},
      // January's winter opens the year: the coming spring is this year's.
      {{"Factories will suffer in the spring.", "the spring", "DATE", "2023-SP", ""}, "2023-02-06"},
      // A month alone with no tense cue: the nearest one, leaning to the past.
      {{"Homes worth $1 million in October are worth half that now.", "October", "DATE", "2022-10", ""}, "2023-01-10"},
      {{"The merger closes in January.", "January", "DATE", "2024-01", ""}, "2023-11-02"},
      {{"The merger closes in June.", "June", "DATE", "2023-06", ""}, "2023-11-02"},
  };
  for (const auto& c : cases) check(c.c, c.dct);
}

TEST(DatingExpressions, WithoutDctUnknownPartsAreX) {
  const Case cases[] = {
      {"They met on Monday.", "Monday", "DATE", "XXXX-WXX-1", ""},
      {"Talks begin Sept. 13.", "Sept. 13", "DATE", "XXXX-09-13", ""},
      {"The war began in 1950.", "1950", "DATE", "1950", ""},
      {"The siege lasted 10 days.", "10 days", "DURATION", "P10D", ""},
      {"The meeting starts at 14:30 GMT.", "14:30 GMT", "TIME", "T14:30", ""},
  };
  for (const Case& c : cases) check(c, "");
}

// Tense cues without a parser: bare plural verbs, adjectives in -ed, quotations; holidays
// from the lexicon; coordinated days; years before a spaced dash.
TEST(DatingExpressions, CuesHolidaysAndCoordinationAgainstMondayDct) {
  const Case cases[] = {
      // A bare plural verb after a subject pronoun is a schedule; its past form is not.
      {"They meet Thursday to sign the pact.", "Thursday", "DATE", "2023-09-07", ""},
      {"We vote on Tuesday.", "Tuesday", "DATE", "2023-09-05", ""},
      {"They met Thursday to sign the pact.", "Thursday", "DATE", "2023-08-31", ""},
      {"They said Tuesday that the pact was dead.", "Tuesday", "DATE", "2023-08-29", ""},
      {"Voters in the north meet Thursday.", "Thursday", "DATE", "2023-08-31", ""},
      {"Critics on Thursday: we've been misled for weeks.", "Thursday", "DATE", "2023-08-31", ""},
      // An adjective in -ed after a determiner is no past verb; a verb in -ed still is.
      {"The envoy will return at a still unspecified hour on Friday.", "Friday", "DATE", "2023-09-08", ""},
      {"Rebels will leave the occupied zone on Friday.", "Friday", "DATE", "2023-09-08", ""},
      {"Rebels occupied the zone on Friday.", "Friday", "DATE", "2023-09-01", ""},
      {"The envoy will arrive with detailed proposals on Friday.", "Friday", "DATE", "2023-09-08", ""},
      {"The envoy arrived with proposals on Friday.", "Friday", "DATE", "2023-09-01", ""},
      {"Troops will go home once they finished the job on Friday.", "Friday", "DATE", "2023-09-01", ""},
      // A future cue used as a noun after a determiner sets no tense.
      {"The thrift announced the plan Aug. 1.", "Aug. 1", "DATE", "2023-08-01", ""},
      {"The thrift plans a sale on Oct. 21.", "Oct. 21", "DATE", "2023-10-21", ""},
      {"The thrift said its schedule for Friday was wrong.", "Friday", "DATE", "2023-09-01", ""},
      {"The thrift voiced its hopes for a deal on Friday.", "Friday", "DATE", "2023-09-08", ""},
      // A reporting verb after a closing quotation mark does not set the quoted clause's tense.
      {"``The father will leave at dawn (4 a.m. Thursday),'' the minister said.", "4 a.m. Thursday", "TIME", "2023-09-07T04:00", ""},
      {"``The father left at dawn on Thursday,'' the minister said.", "Thursday", "DATE", "2023-08-31", ""},
      {"The father will leave on Thursday, the minister said.", "Thursday", "DATE", "2023-09-07", ""},
      {"``The father left at dawn (4 a.m. Thursday),'' the minister said.", "4 a.m. Thursday", "TIME", "2023-08-31T04:00", ""},
      // A weekday in or after a parenthetical gloss gives a clock time its day.
      {"The blast occurred at 10:35 a.m. EDT (1435 GMT) Friday.", "10:35 a.m. EDT", "TIME", "2023-09-01T10:35", ""},
      {"He will leave at 4 in the morning (4 a.m. EDT Thursday).", "4 in the morning", "TIME", "2023-09-07T04:00", ""},
      {"The blast occurred at 10:35 a.m. (near the port) and again on Friday.", "10:35 a.m.", "TIME", "2023-09-04T10:35", ""},
      {"The blast occurred at 10:35 a.m. (0735 GMT).", "10:35 a.m.", "TIME", "2023-09-04T10:35", ""},
      // Decades are counted in years; centuries and years keep their own units.
      {"The dispute lasted two decades.", "two decades", "DURATION", "P20Y", ""},
      {"The dispute lasted almost a decade.", "almost a decade", "DURATION", "P10Y", "LESS_THAN"},
      {"The four-decade dispute ended.", "four-decade", "DURATION", "P40Y", ""},
      {"The dispute lasted two years.", "two years", "DURATION", "P2Y", ""},
      // "-long" compounds of a unit are durations; ages and quarters are not.
      {"They emerged from a day-long meeting.", "day-long", "DURATION", "P1D", ""},
      {"They ended a decades-long feud.", "decades-long", "DURATION", "PXY", ""},
      {"The week of Sept. 11 was quiet.", "The week of Sept. 11", "DATE", "2023-W37", ""},
      // A year before "quarter": the quarter under discussion in that year, else the year.
      {"Profit fell in the third quarter from the 2022 quarter.", "the 2022 quarter", "DATE", "2022-Q3", ""},
      {"Profit fell from the 2022 quarter.", "the 2022 quarter", "DATE", "2022", ""},
      {"Profit fell in the third quarter from the 2022 period.", "the 2022 period", "DATE", "2022", ""},
      // "the quarter a year ago": the quarter under discussion a year before; else the year.
      {"Profit fell in the third quarter from the quarter a year ago.", "the quarter a year ago", "DATE", "2022-Q3", ""},
      {"Profit fell in the third quarter from the corresponding period last year.", "the corresponding period last year", "DATE", "2022-Q3", ""},
      {"Profit fell from the same period a year earlier.", "the same period a year earlier", "DATE", "2022", ""},
      {"Profit fell in the quarter, a year after the merger.", "the quarter", "DATE", "2023-Q2", ""},
      {"The vote is this coming Sunday.", "this coming Sunday", "DATE", "2023-09-10", ""},
      {"The vote was this past Sunday.", "this past Sunday", "DATE", "2023-09-03", ""},
      // Whole hundreds in words; vague compounds.
      {"The crown has ruled for almost a hundred years.", "almost a hundred years", "DURATION", "P100Y", "LESS_THAN"},
      {"The dam stood for two hundred years.", "two hundred years", "DURATION", "P200Y", ""},
      {"He followed a several-year tenure as editor.", "several-year", "DURATION", "PXY", ""},
      {"It is a multi-year contract.", "multi-year", "DURATION", "PXY", ""},
      {"It was cold in the winter of nineteen ninety-four.", "the winter of nineteen ninety-four", "DATE", "1994-WI", ""},
      {"Rents rose in post-1959 Cuba.", "post-1959", "DATE", "1959", ""},
      {"Crowds came for the two day rally.", "two day", "DURATION", "P2D", ""},
      {"Profit rose in the nine months.", "the nine months", "DURATION", "P9M", ""},
      // Holidays, including those counted from an n-th weekday.
      {"Talks resumed in Easter week 2022.", "Easter week 2022", "DATE", "2022-W15", ""},
      {"Sales fell in Thanksgiving week 2022.", "Thanksgiving week 2022", "DATE", "2022-W47", ""},
      {"Turnout rose on Election Day 2024.", "Election Day 2024", "DATE", "2024-11-05", ""},
      {"Turnout rose on Election Day 2022.", "Election Day 2022", "DATE", "2022-11-08", ""},
      {"Shops were full before Mother's Day 2024.", "Mother's Day 2024", "DATE", "2024-05-12", ""},
      {"Parades were held on Columbus Day 2021.", "Columbus Day 2021", "DATE", "2021-10-11", ""},
      {"Crowds marched on May Day 2022.", "May Day 2022", "DATE", "2022-05-01", ""},
      // Coordinated days of one month are two dates.
      {"The talks were held on April 24 and 25, 2022.", "April 24", "DATE", "2022-04-24", ""},
      {"The talks were held on April 24 and 25, 2022.", "25, 2022", "DATE", "2022-04-25", ""},
      {"The talks were held on March 3 or 4.", "4", "DATE", "2023-03-04", ""},
      // A year before a spaced dash that opens an aside.
      {"Since 1985 _ when the zone was created _ raids went on.", "1985", "DATE", "1985", ""},
      {"Visits in 1994, 1995 and 1997 -- all in spring -- were logged.", "1997", "DATE", "1997", ""},
  };
  for (const Case& c : cases) check(c, kMonday);
  // Negative cases: a count after a coordinated date, lower-case holiday words.
  const struct {
    const char* sentence;
    std::size_t count;
  } counts[] = {
      {"Prices rose on May 3 and 5 percent on May 4.", 2},
      {"The plant hired on June 5 and 6 workers quit.", 1},
      {"Farmers flag the earth day and night.", 0},
      {"The election day was calm, and so was Sept. 30 and 29.", 1},
      {"They spoke at length about long-term plans.", 0},
      {"The town has a hundred and fifty shops.", 0},
      {"They met in the summer of love.", 0},
      {"The pre-500 rule and post-war boom.", 0},
      {"He said so on CBS's 60 Minutes last night.", 1},
      {"A hundred people marched.", 0},
      {"A quarter-long slump hit the firm.", 0},
  };
  for (const auto& c : counts) {
    const std::vector<Tagged> got = tag(c.sentence, kMonday);
    std::string all;
    for (const Tagged& t : got) all += "[" + t.text + "|" + t.value + "] ";
    EXPECT_EQ(got.size(), c.count) << c.sentence << " -> " << all;
  }
}

TEST(DatingExpressions, NonDatesAreNotTagged) {
  const char* sentences[] = {
      "May I ask a question?",
      "The troops march on the capital.",
      "Some 1,500 soldiers crossed the river.",
      "The home side won 2-1 in the final.",
      "Call 555-1234 or (202) 555-0199 for details.",
      "The ferry docks at Pier 33.",
      "The company may sell its stake.",
      "Prices could fall further.",
      "The fall of the regime surprised everyone.",
      "He scored 2010 points in his career.",
      "The ratio was 3:2 among voters.",
      "Mix 1/2 cup of flour with 3/4 cup of water.",
      "Room 1204 was locked.",
      "She finished second in the race.",
      "A 12-year-old boy and a 40-year-old woman were hurt.",
      "He was 52 years old.",
      "Secretary Baker spoke on \"This Week\" about the crisis.",
      "This is VOA Today.",
      "They are the people of tomorrow.",
      "The ship sailed over the horizon.",
      "The current account deficit widened.",
      "Average daily volume rose sharply.",
      "Daily newspapers in the capital sold out.",
      "Sales should grow 8% annually.",
      "He was soon released.",
      "He loved the film High Noon.",
      "The cuts save $500 million a year in costs.",
      "She is in her nineties.",
      "They counted nineteen ninety-six ballots.",
  };
  for (const char* s : sentences) {
    const std::vector<Tagged> got = tag(s, kMonday);
    std::string all;
    for (const Tagged& t : got) all += "[" + t.text + "|" + t.value + "] ";
    EXPECT_TRUE(got.empty()) << s << " -> " << all;
  }
}

TEST(DatingExpressions, RangesGiveBothEnds) {
  const std::vector<Tagged> got = tag("The fair runs Sept. 10-13 in Berlin.", kMonday);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].text, "Sept. 10");
  EXPECT_EQ(got[0].value, "2023-09-10");
  EXPECT_EQ(got[1].text, "13");
  EXPECT_EQ(got[1].value, "2023-09-13");
  const std::vector<Tagged> years = tag("The plan covers 2020-2022.", kMonday);
  ASSERT_EQ(years.size(), 2u);
  EXPECT_EQ(years[0].value, "2020");
  EXPECT_EQ(years[1].value, "2022");
}

TEST(DatingExpressions, NarrativeModeAnchorsOnTheLastDate) {
  const std::string text =
      "In 1990 he moved to Paris. In June he married. The next year he left for Rome.";
  const std::vector<Tagged> news = tag(text, kMonday);
  const std::vector<Tagged> narrative = tag(text, kMonday, {{"mode", "narrative"}});
  ASSERT_EQ(narrative.size(), 3u);
  EXPECT_EQ(narrative[0].value, "1990");
  EXPECT_EQ(narrative[1].value, "1990-06");
  EXPECT_EQ(narrative[2].value, "1991");
  ASSERT_EQ(news.size(), 3u);
  EXPECT_EQ(news[1].value, "2023-06");
}

TEST(DatingExpressions, ThatDayIsTheDateUnderDiscussion) {
  const std::vector<Tagged> got = tag("The pact was signed on May 9, 1945. That day, crowds filled the streets.", kMonday);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[1].text, "That day");
  EXPECT_EQ(got[1].value, "1945-05-09");
}

TEST(DatingExpressions, NextMorningFollowsTheDateUnderDiscussion) {
  const std::vector<Tagged> got = tag(
      "He was arrested on May 9, 2021. He appeared in court the next morning and the "
      "following evening.", kMonday);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[1].text, "the next morning");
  EXPECT_EQ(got[1].type, "TIME");
  EXPECT_EQ(got[1].value, "2021-05-10TMO");
  EXPECT_EQ(got[2].value, "2021-05-10TEV");
  // Without "the", "next" + a part of the day is not an anaphor.
  const std::vector<Tagged> none = tag("Next morning shows are popular.", kMonday);
  for (const Tagged& t : none) EXPECT_NE(t.text, "Next morning");
}

TEST(DatingExpressions, AnaphoraFollowTheDateUnderDiscussion) {
  const std::vector<Tagged> got =
      tag("Profit rose in the third quarter, up from $2 million a year earlier.", "1989-10-26");
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].value, "1989-Q3");
  EXPECT_EQ(got[1].text, "a year earlier");
  EXPECT_EQ(got[1].value, "1988-Q3");
}

}  // namespace
}  // namespace docpipe::dating
