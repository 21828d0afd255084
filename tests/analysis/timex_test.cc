#include "news/timex.h"

#include <gtest/gtest.h>

namespace lede::news {
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

TEST(Timex, WithoutReferenceDateValuesStayUnresolved) {
  auto t = times("He left on Monday and returns today.", std::nullopt);
  EXPECT_EQ(value_of(t, "Monday"), "XXXX-WXX-1");
  EXPECT_EQ(value_of(t, "today"), "XXXX-XX-XX");
}

TEST(Timex, OffsetsPointIntoText) {
  const std::string text = "On Tuesday, Biden spoke.";
  auto t = times(text);
  ASSERT_EQ(t.size(), 1u);
  EXPECT_EQ(text.substr(t[0].start, t[0].end - t[0].start), "Tuesday");
}

}  // namespace
}  // namespace lede::news
