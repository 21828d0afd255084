#include "analysis/timex.h"

#include <gtest/gtest.h>

#include <memory>

#include "growth.h"

namespace lede::analysis {
namespace {

// A Tuesday.
constexpr CalendarDate kReference{2023, 6, 13};

std::vector<lede::TimeExpression> times(const std::string& text,
                                        std::optional<CalendarDate> ref = kReference) {
  static std::string keep;  // Document views its text
  keep = text;
  return find_times(segment(keep), ref);
}

// The value of the expression whose text is `what`, or "" when there is none.
std::string value_of(const std::vector<lede::TimeExpression>& t, std::string_view what) {
  for (const auto& x : t)
    if (x.text == what) return x.value;
  return "";
}

TEST(Timex, WeekdaysFollowTheTenseOfTheirSentence) {
  auto t = times("He met her on Monday. She will fly home on Friday. They met on Tuesday.");
  EXPECT_EQ(value_of(t, "Monday"), "2023-06-12");
  EXPECT_EQ(value_of(t, "Friday"), "2023-06-16");
  EXPECT_EQ(value_of(t, "Tuesday"), "2023-06-13");
}

TEST(Timex, RelativeWeeksMonthsAndYears) {
  auto t = times("Last week prices rose. Next month they fall. Sales grew last year.");
  EXPECT_EQ(value_of(t, "Last week"), "2023-W23");
  EXPECT_EQ(value_of(t, "Next month"), "2023-07");
  EXPECT_EQ(value_of(t, "last year"), "2022");
}

TEST(Timex, DatesWithAndWithoutYear) {
  auto t = times("The summit is on July 11 and 12. It began on June 13, 2022. He wrote on 7/8/07.");
  EXPECT_EQ(value_of(t, "July 11"), "2023-07-11");
  EXPECT_EQ(value_of(t, "12"), "2023-07-12");
  EXPECT_EQ(value_of(t, "June 13, 2022"), "2022-06-13");
  EXPECT_EQ(value_of(t, "7/8/07"), "2007-07-08");
}

TEST(Timex, EndOfAMonthCarriesAModifier) {
  auto t = times("He plans to step down at the end of September.");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "the end of September");
  EXPECT_EQ(t[0].value, "2023-09");
  EXPECT_EQ(t[0].modifier, "END");
}

TEST(Timex, DurationsAndSets) {
  auto t = times(
      "He held the job for two years and a five-year plan; they meet every week "
      "and publish weekly over the past decade.");
  EXPECT_EQ(value_of(t, "two years"), "P2Y");
  EXPECT_EQ(value_of(t, "five-year"), "P5Y");
  EXPECT_EQ(value_of(t, "every week"), "P1W");
  EXPECT_EQ(value_of(t, "weekly"), "P1W");
  EXPECT_EQ(value_of(t, "the past decade"), "P10Y");
  for (const auto& x : t)
    if (x.text == "every week") {
      EXPECT_EQ(x.type, "SET");
    }
}

TEST(Timex, ClockTimesTakeTheDayOfTheirSentence) {
  auto t = times("At 16:15 UTC, June 1st, the firm spoke. The vote is at 9 p.m. tonight.");
  EXPECT_EQ(value_of(t, "16:15 UTC"), "2023-06-01T16:15Z");
  EXPECT_EQ(value_of(t, "9 p.m."), "2023-06-13T21:00");
  EXPECT_EQ(value_of(t, "tonight"), "2023-06-13TNI");
}

TEST(Timex, ClockTimesWrittenWithPeriodsOrGluedMeridiem) {
  auto t = times("Trading stopped at 2.40 PM and resumed at 9am.");
  EXPECT_EQ(value_of(t, "2.40 PM"), "2023-06-13T14:40");
  EXPECT_EQ(value_of(t, "9am"), "2023-06-13T09:00");
}

TEST(Timex, YearsButNotMoneyOrPercentages) {
  auto t = times("Since 2014 it has paid $2014 and 1999% in the 1990s.");
  EXPECT_EQ(value_of(t, "2014"), "2014");
  EXPECT_EQ(value_of(t, "the 1990s"), "199");
  EXPECT_EQ(t.size(), 2u);
}

TEST(Timex, RangesAreTheirTwoDates) {
  // TimeML marks the dates of a range, not the range.
  auto t = times("It takes six jets from 2009 to 2011 and more between 2014 and 2016.");
  EXPECT_EQ(value_of(t, "from 2009 to 2011"), "");
  EXPECT_EQ(value_of(t, "2009"), "2009");
  EXPECT_EQ(value_of(t, "2011"), "2011");
  EXPECT_EQ(value_of(t, "2016"), "2016");
  EXPECT_EQ(t.size(), 4u);
}

TEST(Timex, AgoAndEarlierMarkTheDateTheyPointTo) {
  auto t = times("Work began two years ago; the plant opened three days earlier.");
  EXPECT_EQ(value_of(t, "two years ago"), "2021");
  EXPECT_EQ(value_of(t, "three days earlier"), "2023-06-10");
}

TEST(Timex, AYearAgoInAQuarterlyReportIsThatQuarter) {
  auto t = times(
      "First-quarter profit rose to $5 million from $3 million a year ago. "
      "The quarter was strong; the year-ago quarter was weak.");
  EXPECT_EQ(value_of(t, "First-quarter"), "2023-Q1");
  EXPECT_EQ(value_of(t, "a year ago"), "2022-Q1");
  EXPECT_EQ(value_of(t, "The quarter"), "2023-Q1");
  EXPECT_EQ(value_of(t, "the year-ago quarter"), "2022-Q1");
}

TEST(Timex, ApproximationsStayInsideTheSpan) {
  auto t = times("It took nearly two years and about a decade, no more than four hours.");
  EXPECT_EQ(value_of(t, "nearly two years"), "P2Y");
  EXPECT_EQ(value_of(t, "a decade"), "P10Y");  // TimeML leaves "about" outside
  EXPECT_EQ(value_of(t, "no more than four hours"), "PT4H");
}

TEST(Timex, QuartersHalvesAndFiscalYears) {
  auto t = times(
      "Profits fell in the final quarter of 2022 and in Q1, and rose in the first half. "
      "The firm expects losses in fiscal 2024, in FY25 and in the fourth quarter.");
  EXPECT_EQ(value_of(t, "the final quarter of 2022"), "2022-Q4");
  EXPECT_EQ(value_of(t, "Q1"), "2023-Q1");
  EXPECT_EQ(value_of(t, "the first half"), "2023-H1");
  EXPECT_EQ(value_of(t, "fiscal 2024"), "2024");  // TimeBank: the year it is labelled with
  EXPECT_EQ(value_of(t, "FY25"), "FY2025");
  EXPECT_EQ(value_of(t, "the fourth quarter"), "2023-Q4");
}

TEST(Timex, PresentAndVagueReferences) {
  auto t = times(
      "Shares are currently flat and will rise in the near future, the biggest gain in history.");
  EXPECT_EQ(value_of(t, "currently"), "PRESENT_REF");
  EXPECT_EQ(value_of(t, "the near future"), "FUTURE_REF");
  EXPECT_EQ(value_of(t, "history"), "PAST_REF");
}

TEST(Timex, TheSamePeriodAYearBack) {
  auto t = times("Sales rose 43% in February compared to the same period last year.");
  EXPECT_EQ(value_of(t, "February"), "2023-02");
  EXPECT_EQ(value_of(t, "the same period last year"), "2022-02");
}

TEST(Timex, HolidaysAndNamedDays) {
  auto t = times(
      "Markets were shut for Thanksgiving. The index had its worst day since Black Monday. "
      "Traders called the fall on Monday Black Monday. "
      "Shares fell after the September 11 attacks.");
  EXPECT_EQ(value_of(t, "Thanksgiving"), "2022-11-24");
  EXPECT_EQ(t[1].text, "Black Monday");
  EXPECT_EQ(t[1].value, "1987-10-19");
  EXPECT_EQ(t[3].text, "Black Monday");
  EXPECT_EQ(t[3].value, "2023-06-12");
  EXPECT_EQ(value_of(t, "September 11"), "2001-09-11");
}

TEST(Timex, SetsAndDurationsWithAWordBeforeTheUnit) {
  auto t = times(
      "Shares fell for five straight days; the board meets every Friday and votes every four "
      "years.");
  EXPECT_EQ(value_of(t, "five straight days"), "P5D");
  EXPECT_EQ(value_of(t, "every Friday"), "XXXX-WXX-5");
  EXPECT_EQ(value_of(t, "every four years"), "P4Y");
}

TEST(Timex, ClockTimesJoinTheDayAfterThem) {
  auto t = times("Trading resumed at 12:00 UTC Monday and at 1430 GMT.");
  EXPECT_EQ(value_of(t, "12:00 UTC Monday"), "2023-06-12T12:00Z");
  EXPECT_EQ(value_of(t, "1430 GMT"), "2023-06-13T14:30Z");
}

TEST(Timex, AnaphoricDaysIgnoreHistoricDates) {
  auto t =
      times("Shares fell most since September 11, 2001 and then rallied in afternoon trading.");
  EXPECT_EQ(value_of(t, "afternoon"), "2023-06-13TAF");
}

TEST(Timex, CountsBeforeNounsAreNotYears) {
  auto t = times("The Dow, founded in 1896, fell 1950 points.");
  EXPECT_EQ(value_of(t, "1896"), "1896");
  EXPECT_EQ(value_of(t, "1950"), "");
}

TEST(Timex, WithoutReferenceDateValuesStayUnresolved) {
  auto t = times("He left on Monday and returns today.", std::nullopt);
  EXPECT_EQ(value_of(t, "Monday"), "XXXX-WXX-1");
  EXPECT_EQ(value_of(t, "today"), "XXXX-XX-XX");
}

TEST(Timex, VagueCountsKeepTheirLead) {
  auto t = times("In the past few days traders sold; over the next several months they may buy.");
  // A stretch reaching to now is the past; after "over", "for" it is a length.
  EXPECT_EQ(value_of(t, "the past few days"), "PAST_REF");
  EXPECT_EQ(value_of(t, "the next several months"), "PXM");
  EXPECT_EQ(value_of(t, "the past"), "");
}

TEST(Timex, WeeksOfAYearAndHalvesAsAdjectives) {
  auto t = times(
      "The first week of 2008 was bad, the last week of the year calm. First-half sales fell.");
  EXPECT_EQ(value_of(t, "The first week of 2008"), "2008-W01");
  EXPECT_EQ(value_of(t, "the last week of the year"), "2023-W52");
  EXPECT_EQ(value_of(t, "First-half"), "2023-H1");
}

TEST(Timex, OffsetsPointIntoText) {
  const std::string text = "On Tuesday, Biden spoke.";
  auto t = times(text);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(text.substr(t[0].start, t[0].end - t[0].start), "Tuesday");
}

TEST(Timex, SoonBetweenEventsIsNoTime) {
  auto t = times(
      "He left as soon as the vote closed; soon after, prices fell. Call as soon as "
      "possible. Prices will soon rise.");
  EXPECT_EQ(value_of(t, "soon"), "FUTURE_REF");
  EXPECT_EQ(value_of(t, "as soon as possible"), "FUTURE_REF");
  EXPECT_EQ(t.size(), 2u);
}

TEST(Timex, MonthWithItsYearPhraseIsOneExpression) {
  auto t = times("Sales fell in June last year and rose in January nineteen ninety-seven.");
  EXPECT_EQ(value_of(t, "June last year"), "2022-06");
  EXPECT_EQ(value_of(t, "January nineteen ninety-seven"), "1997-01");
}

TEST(Timex, EachMonthIsASet) {
  auto t = times("The board meets each July.");
  EXPECT_EQ(value_of(t, "each July"), "XXXX-07");
}

TEST(Timex, CompanyYearsAndAges) {
  auto t = times("Net income for the year ended Sept. 30 rose. The chief, 52 years old, left.");
  EXPECT_EQ(value_of(t, "the year"), "P1Y");
  EXPECT_EQ(value_of(t, "52 years"), "");
}

TEST(Timex, VerbFormsThatAreNotThePastTenseGiveNoTense) {
  // "increased" after "the" is an adjective, "paid" after "be" a participle, "succeed"
  // a plain verb, "plan" after "the" a noun: none of them points back.
  auto t = times(
      "The increased dividend will be paid Dec. 14. Mr. Lee will succeed her Feb. 1. "
      "The firm announced the plan Aug. 21.");
  EXPECT_EQ(value_of(t, "Dec. 14"), "2023-12-14");
  EXPECT_EQ(value_of(t, "Feb. 1"), "2024-02-01");
  EXPECT_EQ(value_of(t, "Aug. 21"), "2022-08-21");
}

TEST(Timex, PlansMadeBeforeLookBack) {
  auto t = times("The offer had been scheduled to expire Friday evening.");
  EXPECT_EQ(value_of(t, "Friday evening"), "2023-06-09TEV");
}

TEST(Timex, SinceLooksBackAndADeadlineIsNotPast) {
  auto t = times(
      "The firm agreed to repay the loan by September. Prices have risen since August. "
      "The stock split was approved for holders of record Aug. 21.");
  EXPECT_EQ(value_of(t, "September"), "2023-09");
  EXPECT_EQ(value_of(t, "August"), "2022-08");
  EXPECT_EQ(value_of(t, "Aug. 21"), "2023-08-21");
}

TEST(Timex, RatesAreNoTimeExpressions) {
  auto t = times(
      "The plan saves $2 million a year and adds four flights a week; the board meets "
      "twice a year.");
  EXPECT_EQ(value_of(t, "a year"), "");
  EXPECT_EQ(value_of(t, "a week"), "");
  EXPECT_EQ(value_of(t, "twice a year"), "P1Y");
  EXPECT_EQ(t.size(), 1u);
}

TEST(Timex, WeekdaysStillToComeAndSpatialNext) {
  auto t = times(
      "Officials said he could leave as soon as Friday. The blast next to the embassy on "
      "Thursday killed 12 people.");
  EXPECT_EQ(value_of(t, "Friday"), "2023-06-16");
  EXPECT_EQ(value_of(t, "Thursday"), "2023-06-08");
}

TEST(Timex, ThePreviousWeekdayCountsFromTheStoryDay) {
  auto t = times("Shares fell on Friday, June 9. The index closed 2% below the previous Friday.");
  EXPECT_EQ(value_of(t, "Friday, June 9"), "2023-06-09");
  EXPECT_EQ(value_of(t, "the previous Friday"), "2023-06-02");
}

TEST(Timex, LastNightSpelledDecadesAndCurrent) {
  auto t = times(
      "Rebels attacked last night, as they did in the nineties. Under current rules, holders "
      "may buy at the then current price in the current quarter.");
  EXPECT_EQ(value_of(t, "last night"), "2023-06-12TNI");
  EXPECT_EQ(value_of(t, "the nineties"), "199");
  EXPECT_EQ(value_of(t, "current"), "PRESENT_REF");
  EXPECT_EQ(value_of(t, "the current quarter"), "2023-Q2");
  EXPECT_EQ(t.size(), 4u);  // not "then current"
}

TEST(Timex, HalvesOfAUnitAndRangesOfSpelledCounts) {
  auto t = times(
      "He served 2 1/2 years, waited a minute and a half and slept two and a half hours. "
      "Shipments resume within two to three weeks, after between 60 and 90 days of talks.");
  EXPECT_EQ(value_of(t, "2 1/2 years"), "P2Y6M");
  EXPECT_EQ(value_of(t, "a minute and a half"), "PT1M30S");
  EXPECT_EQ(value_of(t, "two and a half hours"), "PT2H30M");
  EXPECT_EQ(value_of(t, "two to three weeks"), "P2W");
  EXPECT_EQ(value_of(t, "60"), "P60D");
  EXPECT_EQ(value_of(t, "90 days"), "P90D");
}

TEST(Timex, HalvesNamedByQuartersOrAsTheLastHalf) {
  auto t = times("Sales slow through the first two quarters of 2024 after the last half of 2022.");
  EXPECT_EQ(value_of(t, "first two quarters of 2024"), "2024-H1");
  EXPECT_EQ(value_of(t, "the last half of 2022"), "2022-H2");
}

TEST(Timex, ThatYearIsTheYearTheStoryNamed) {
  auto t = times("Imports rose in 2019. Later that year, exports fell.");
  EXPECT_EQ(value_of(t, "Later that year"), "2019");
}

TEST(Timex, APeriodOfAnotherYearIsNoReportingQuarter) {
  auto t = times(
      "First-quarter profit rose to $5 million. In the 2022 period, profit was $3 million. "
      "The quarter ended March 31.");
  EXPECT_EQ(value_of(t, "First-quarter"), "2023-Q1");
  EXPECT_EQ(value_of(t, "the 2022 period"), "2022-Q1");
  EXPECT_EQ(value_of(t, "The quarter"), "2023-Q1");
}

TEST(Timex, LaterCountsALengthFromAnEventOfTheStory) {
  auto t = times("The plant opened in May. Three days later, it closed.");
  EXPECT_EQ(value_of(t, "Three days"), "P3D");
  EXPECT_EQ(value_of(t, "Three days later"), "");
}

TEST(Timex, ThisPastSeasonIsTheLastOneOver) {
  auto t = times("Sales rose this past spring after a slump this past winter.");
  EXPECT_EQ(value_of(t, "this past spring"), "2023-SP");
  EXPECT_EQ(value_of(t, "this past winter"), "2022-WI");
}

TEST(Timex, VagueStretchesAheadAndAWhile) {
  auto t = times(
      "Prices will stay firm in the near term and rise in the weeks ahead. Losses cut taxes "
      "in future quarters. The talks stalled for a while and resumed by mid afternoon.");
  EXPECT_EQ(value_of(t, "the near term"), "FUTURE_REF");
  EXPECT_EQ(value_of(t, "the weeks ahead"), "PXW");
  EXPECT_EQ(value_of(t, "future quarters"), "FUTURE_REF");
  EXPECT_EQ(value_of(t, "a while"), "PXX");
  EXPECT_EQ(value_of(t, "mid afternoon"), "2023-06-13TAF");
}

TEST(Timex, AnInfinitiveAfterAPastVerbLeavesTheDateOpen) {
  auto t = times("The firm agreed to buy the unit in September. It sold a plant in October.");
  EXPECT_EQ(value_of(t, "September"), "2023-09");
  EXPECT_EQ(value_of(t, "October"), "2022-10");
}

TEST(Timex, FiscalYearsEndedAreLengthsAndRoughAgoIsADate) {
  auto t = times("In the fiscal year ended Jan. 31, sales rose. A week or so ago, the chief left.");
  EXPECT_EQ(value_of(t, "the fiscal year"), "P1Y");
  EXPECT_EQ(value_of(t, "A week or so ago"), "2023-06-06");
}

TEST(Timex, ATimeOfDayThatNamesItsDayKeepsIt) {
  auto t = times("A week or so ago, he picked Saturday night for the attack.");
  EXPECT_EQ(value_of(t, "Saturday night"), "2023-06-10TNI");
}

TEST(Timex, AtLeastAndOrSoStayInsideTheSpan) {
  auto t = times("The review takes at least 30 days; the plant closes over the next year or so.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].text, "at least 30 days");
  EXPECT_EQ(t[0].modifier, "EQUAL_OR_MORE");
  EXPECT_EQ(t[1].text, "the next year or so");
  EXPECT_EQ(t[1].modifier, "APPROX");
}

TEST(Timex, QuartersOfLossesAreTimeAndQuartersOfAVoteAreNot) {
  auto t = times(
      "It turned a profit after several quarters of losses and won three quarters of the vote. "
      "Shares rose to a high for the year of $42.");
  EXPECT_EQ(value_of(t, "several quarters"), "PXQ");
  EXPECT_EQ(value_of(t, "three quarters"), "");
  EXPECT_EQ(value_of(t, "the year"), "2023");
}

TEST(Timex, OneDayAfterAModalIsTheFuture) {
  auto t = times("The city will one day be the capital. The strike lasted one day.");
  EXPECT_EQ(t[0].text, "one day");
  EXPECT_EQ(t[0].value, "FUTURE_REF");
  EXPECT_EQ(t[1].value, "P1D");
}

TEST(Timex, TheCorrespondingPeriodIsTheReportedQuarterAYearBack) {
  auto t = times(
      "First-quarter net rose to $5 million. That compares with $3 million for the "
      "corresponding period last year.");
  EXPECT_EQ(value_of(t, "the corresponding period last year"), "2022-Q1");
}

TEST(Timex, FiscalQuartersWrittenWithAHyphen) {
  auto t = times("Net rose for the fiscal-first quarter ended March 31. It lost money a year ago.");
  EXPECT_EQ(value_of(t, "the fiscal-first quarter"), "2023-Q1");
  EXPECT_EQ(value_of(t, "a year ago"), "2022-Q1");
}

TEST(Timex, AfterTheNineMonthsAYearEarlierIsTheYearBefore) {
  auto t = times(
      "First-quarter net rose to $5 million from $3 million a year earlier. For the first six "
      "months, net rose to $9 million from $7 million a year earlier. The year-ago results "
      "included a gain. In the 2022 period, sales fell; in the year-earlier period they rose.");
  EXPECT_EQ(t[1].value, "2022-Q1");
  EXPECT_EQ(value_of(t, "the first six months"), "P6M");
  EXPECT_EQ(t[3].text, "a year earlier");
  EXPECT_EQ(t[3].value, "2022");
  EXPECT_EQ(value_of(t, "year-ago"), "2022");
  EXPECT_EQ(value_of(t, "the 2022 period"), "2022");
  EXPECT_EQ(value_of(t, "the year-earlier period"), "P6M");
}

TEST(Timex, AYearAgoAloneFollowsTheStorysQuarter) {
  auto t = times(
      "First-quarter net rose to $5 million. The year-earlier results included a charge. "
      "Over the past six months, sales rose from a year ago.");
  EXPECT_EQ(value_of(t, "year-earlier"), "2022-Q1");
  EXPECT_EQ(value_of(t, "a year ago"), "2022-Q1");
}

TEST(Timex, AnEarlierQuarterRecalledKeepsTheReportedOne) {
  auto t = times(
      "First-quarter net rose to $5 million from $3 million a year ago. After a flat fourth "
      "quarter, sales grew. In the 2023 period, costs fell from a year ago. Next-quarter sales "
      "may fall from the year-ago quarter.");
  EXPECT_EQ(value_of(t, "fourth quarter"), "2022-Q4");
  EXPECT_EQ(value_of(t, "the 2023 period"), "2023-Q1");
  EXPECT_EQ(t[4].value, "2022-Q1");
  EXPECT_EQ(value_of(t, "the year-ago quarter"), "2022-Q1");
}

TEST(Timex, TheQuarterUnderWayLeadingTheStoryIsTheReportedOne) {
  // Reported in May: the company's second quarter, by its own year, has closed.
  auto t = times(
      "Second-quarter profit fell to $5 million from $8 million a year earlier. Sales in the "
      "latest period rose.",
      CalendarDate{2023, 5, 10});
  EXPECT_EQ(value_of(t, "a year earlier"), "2022-Q2");
  EXPECT_EQ(value_of(t, "the latest period"), "2023-Q2");
  // After the first quarter, the one under way is an outlook.
  auto outlook = times(
      "First-quarter profit fell. It expects a second-quarter charge. Sales in the latest "
      "period rose from a year earlier.",
      CalendarDate{2023, 5, 10});
  EXPECT_EQ(value_of(outlook, "second-quarter"), "2023-Q2");
  EXPECT_EQ(value_of(outlook, "the latest period"), "2023-Q1");
  EXPECT_EQ(value_of(outlook, "a year earlier"), "2022-Q1");
}

TEST(Timex, LastYearBesideTheLatestQuarterIsThatQuarterAYearBack) {
  auto t = times(
      "First-quarter net rose. In the latest quarter, the unit earned $6 million, compared "
      "with $3 million last year. Last year's results included a charge. The firm was "
      "founded last year.");
  EXPECT_EQ(t[2].value, "2022-Q1");
  EXPECT_EQ(t[3].text, "Last year");
  EXPECT_EQ(t[3].value, "2022-Q1");
  EXPECT_EQ(t[4].value, "2022");
}

TEST(Timex, TheQuarterEndedADateIsTheCalendarQuarterHoldingMostOfIt) {
  auto t = times("In the quarter ended April 30, it earned $2 million.");
  EXPECT_EQ(value_of(t, "the quarter"), "2023-Q1");
  auto fiscal = times(
      "Net rose in its fiscal second quarter. In the quarter ended April 30, it earned $2 "
      "million.");
  EXPECT_EQ(value_of(fiscal, "the quarter"), "2023-Q2");
}

TEST(Timex, AClockTimeRestatedInParenthesesTakesItsDay) {
  auto t = times(
      "''He will leave at 4 in the morning (4 a.m. EDT Thursday),'' she said. Trading "
      "resumed at 9 p.m. (Monday night) and at 10 p.m. Friday.");
  EXPECT_EQ(value_of(t, "4 in the morning"), "2023-06-15T04:00");
  EXPECT_EQ(value_of(t, "4 a.m. EDT Thursday"), "2023-06-15T04:00");
  EXPECT_EQ(value_of(t, "9 p.m."), "2023-06-12T21:00");
  EXPECT_EQ(value_of(t, "10 p.m. Friday"), "2023-06-09T22:00");
}

TEST(Timex, WeekdaysWithAPluralPartOfTheDayAreSets) {
  auto t = times("Flights leave on Monday and Tuesday nights; the meeting was on Friday.");
  EXPECT_EQ(value_of(t, "Monday"), "XXXX-WXX-1TNI");
  EXPECT_EQ(value_of(t, "Tuesday nights"), "XXXX-WXX-2TNI");
  EXPECT_EQ(t[1].type, "SET");
  EXPECT_EQ(value_of(t, "Friday"), "2023-06-09");
}

TEST(Timex, TheQuarterAYearAgoIsOneExpression) {
  auto t = times("First-quarter net fell. For the quarter a year ago, it earned $3 million.");
  EXPECT_EQ(value_of(t, "the quarter a year ago"), "2022-Q1");
  EXPECT_EQ(t.size(), 2u);
}

TEST(Timex, RecentStretchesInThePresentPerfectAreLengths) {
  auto t = times(
      "The market has moved toward cheaper sets in recent years. As the yen soared "
      "in recent months, losses grew. Officials have voiced concerns in recent weeks.");
  EXPECT_EQ(value_of(t, "recent years"), "PXY");
  EXPECT_EQ(value_of(t, "recent months"), "PAST_REF");
  EXPECT_EQ(value_of(t, "recent weeks"), "PXW");
}

TEST(Timex, APassiveParticipleAfterIsGivesNoPast) {
  // Written in March: "is heard" is no past tense, so May is the coming one.
  auto t = times("He may stay if the case is heard in May.", CalendarDate{2023, 3, 29});
  EXPECT_EQ(value_of(t, "May"), "2023-05");
  t = times("The case was heard in May.", CalendarDate{2023, 3, 29});
  EXPECT_EQ(value_of(t, "May"), "2022-05");
}

TEST(Timex, YearEndIsTheLastDayOfTheYear) {
  auto t = times(
      "It hopes to close the deal by year-end. Shares are up 9% since year-end. "
      "It will cut 600 jobs by year end.");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].value, "2023-12-31");
  EXPECT_EQ(t[1].value, "2022-12-31");
  EXPECT_EQ(t[2].value, "2023");
  EXPECT_EQ(t[2].modifier, "END");
}

TEST(Timex, ThePastAndTheFutureAfterAPrepositionOfTime) {
  auto t = times(
      "Prices may rise in the future. It has no approach to the future. "
      "In the past, it was cheaper. The future looks grim.");
  ASSERT_EQ(t.size(), 2u);
  EXPECT_EQ(t[0].value, "FUTURE_REF");
  EXPECT_EQ(t[1].text, "the past");
  EXPECT_EQ(t[1].value, "PAST_REF");
}

TEST(Timex, ThroughIsADeadlineNotThePast) {
  // Written in October: loans extended through January run to the coming one.
  auto t = times("Lenders extended the company $90 million in loans through January.",
                 CalendarDate{1989, 10, 30});
  EXPECT_EQ(value_of(t, "January"), "1990-01");
  t = times("Lenders extended the company $90 million in loans in January.",
            CalendarDate{1989, 10, 30});
  EXPECT_EQ(value_of(t, "January"), "1989-01");
}

TEST(Timex, AWaitUntilAWeekdayLooksAhead) {
  // kReference is a Tuesday.
  auto t = times(
      "Officials postponed until Friday morning any action. They gave the "
      "family until 9 a.m. Thursday to sign. Until Monday, they had not called.");
  EXPECT_EQ(value_of(t, "Friday morning"), "2023-06-16TMO");
  EXPECT_EQ(value_of(t, "9 a.m. Thursday"), "2023-06-15T09:00");
  EXPECT_EQ(value_of(t, "Monday"), "2023-06-12");
  t = times("It was not until Sunday that he spoke.");
  EXPECT_EQ(value_of(t, "Sunday"), "2023-06-11");
}

TEST(Timex, LastOrNextMonthAndDayIsThatDay) {
  // kReference is 2023-06-13.
  auto t = times("The clinic closed last Oct. 4 and reopens next March 2. He left last June 20.");
  EXPECT_EQ(value_of(t, "last Oct. 4"), "2022-10-04");
  EXPECT_EQ(value_of(t, "next March 2"), "2024-03-02");
  EXPECT_EQ(value_of(t, "last June 20"), "2022-06-20");
}

TEST(Timex, TheWeekOfADayIsItsWeek) {
  auto t = times("The trial may open the week of July 10, the clerk said.");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "the week of July 10");
  EXPECT_EQ(t[0].value, "2023-W28");
}

TEST(Timex, APartOfTheDayAfterAnHourGivesItsHalf) {
  auto t = times(
      "The ferry sails at 5 in the morning. The band plays at 8:30 in the evening. "
      "Guards change at 11 at night and again at 2 at night.");
  EXPECT_EQ(value_of(t, "5 in the morning"), "2023-06-13T05:00");
  EXPECT_EQ(value_of(t, "8:30 in the evening"), "2023-06-13T20:30");
  EXPECT_EQ(value_of(t, "11 at night"), "2023-06-13T23:00");
  EXPECT_EQ(value_of(t, "2 at night"), "2023-06-13T02:00");
  // A bare number needs a preposition of time to be an hour.
  t = times("The index fell 3 in the afternoon.");
  EXPECT_EQ(value_of(t, "3 in the afternoon"), "");
}

TEST(Timex, APlanAsItStoodThenTakesTheTenseOfThePlan) {
  // kReference is a Tuesday.
  auto t = times("Farmers were planning to march on Friday.");
  EXPECT_EQ(value_of(t, "Friday"), "2023-06-16");
  t = times("The union planned a strike on Thursday and was expected to vote on Monday.");
  EXPECT_EQ(value_of(t, "Thursday"), "2023-06-15");
  EXPECT_EQ(value_of(t, "Monday"), "2023-06-19");
}

TEST(Timex, AnAdverbBeforeAParticipleKeepsItAnAdjective) {
  // "unspecified" after "a still" is no past verb: "would" places the month ahead.
  auto t = times("The bonus would be paid on a still unspecified date in March.",
                 CalendarDate{1989, 10, 26});
  EXPECT_EQ(value_of(t, "March"), "1990-03");
}

TEST(Timex, EarlyMidAndLateWrittenOntoAMonthOrAYear) {
  auto t = times("Orders slowed in late-November, picked up in mid-March and fell in early-2019.",
                 CalendarDate{2023, 1, 20});
  EXPECT_EQ(value_of(t, "late-November"), "2022-11");
  EXPECT_EQ(value_of(t, "mid-March"), "2022-03");
  EXPECT_EQ(value_of(t, "early-2019"), "2019");
  ASSERT_EQ(t.size(), 3u);
  EXPECT_EQ(t[0].modifier, "END");
  EXPECT_EQ(t[1].modifier, "MID");
  EXPECT_EQ(t[2].modifier, "START");
}

TEST(Timex, TheDayBeforeADateCountsFromThatDate) {
  // kReference is Tuesday 2023-06-13.
  auto t = times("The day before last Friday, the mayor resigned.");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "The day before last Friday");
  EXPECT_EQ(t[0].value, "2023-06-08");
  // An apposition names the day it follows.
  t = times("The boat was last seen May 30, the day before the storm hit the coast.");
  EXPECT_EQ(value_of(t, "May 30"), "2023-05-30");
  EXPECT_EQ(value_of(t, "the day before"), "2023-05-30");
  t = times("The day before, the mayor resigned.");
  EXPECT_EQ(value_of(t, "The day before"), "2023-06-12");
}

TEST(Timex, ATimeInsideANameIsNoTime) {
  auto t = times(
      "The minister, speaking on the show \"Next Week Tonight,\" said talks resume in "
      "two weeks. She was on 48 Hours last year.");
  EXPECT_EQ(value_of(t, "Next Week"), "");
  EXPECT_EQ(value_of(t, "48 Hours"), "");
  EXPECT_EQ(value_of(t, "two weeks"), "P2W");
  EXPECT_EQ(value_of(t, "last year"), "2022");
  t = times("The poll, run by USA Today, closed today.");
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(t[0].text, "today");
  // A holiday's capital and a headline's capitals are no name.
  t = times(
      "Stores opened on Thanksgiving Day. The plague came in the 14th Century. Profits Fall "
      "Sharply in the Third Quarter");
  EXPECT_EQ(value_of(t, "Thanksgiving Day"), "2022-11-24");
  EXPECT_EQ(value_of(t, "the 14th Century"), "13");
  EXPECT_NE(value_of(t, "the Third Quarter"), "");
}

TEST(Timex, AQuotationKeepsItsOwnTense) {
  // kReference is a Tuesday.
  auto t = times("\"The ferry will leave port at dawn on Friday,\" the captain said.");
  EXPECT_EQ(value_of(t, "Friday"), "2023-06-16");
  t = times("``We lost the vote,'' she said Friday of the count.");
  EXPECT_EQ(value_of(t, "Friday"), "2023-06-09");
  // Without a cue inside, the quotation takes the tense around it.
  t = times("\"On Monday, at the harbour,\" the mayor will tell them.");
  EXPECT_EQ(value_of(t, "Monday"), "2023-06-19");
}

// A story dense with time words, as sentences and as one long sentence of
// clauses: each expression looks back at what the story named through its
// memory and at its sentence's tense cues by position, never by a rescan.
std::string time_dense_text(size_t n, bool one_sentence) {
  static constexpr std::string_view kClauses[] = {
      "On Monday, March 3, shares rose 5% in the third quarter",
      "a year ago they fell for the day at 10:30 a.m. Tuesday",
      "the quarter ended Sept. 30 and the year-ago period was weak",
      "profit will grow next week and in the coming months",
      "the plant opened three days earlier, nearly two years after 1998",
      "every Monday since the 1990s traders met in the morning"};
  std::string text;
  for (size_t k = 0; text.size() < n; ++k) {
    text += kClauses[k % std::size(kClauses)];
    text += one_sentence ? "; " : ". ";
  }
  return text;
}

TEST(Timex, ScanningGrowsLinearlyWithTheText) {
  for (const bool one_sentence : {false, true}) {
    const auto g = lede::testing::measure_growth(
        [&](size_t n) {
          auto text = std::make_shared<std::string>(time_dense_text(n, one_sentence));
          auto doc = std::make_shared<Document>(segment(*text));
          return [text, doc] { find_times(*doc, kReference); };
        },
        50'000, one_sentence ? "find_times, one long sentence" : "find_times, sentences");
    EXPECT_LINEAR(g);
  }
}

TEST(Timex, WithoutReferenceATimeOfDayKeepsItsOwnWeekday) {
  // "later" is FUTURE_REF, not a day: the morning stays Tuesday's.
  auto t = times("Her first stop is Tuesday morning, and Nairobi later in the day.", std::nullopt);
  EXPECT_EQ(value_of(t, "Tuesday morning"), "XXXX-WXX-2TMO");
  EXPECT_EQ(value_of(t, "later"), "FUTURE_REF");
}

}  // namespace
}  // namespace lede::analysis
