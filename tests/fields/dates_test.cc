#include "fields/dates.h"

#include <gtest/gtest.h>

namespace lede::fields {
namespace {

std::string iso(std::string_view s) {
  auto d = parse_date(s);
  return d ? d->iso() : "none";
}

TEST(ParseDate, ReadsIso8601Variants) {
  EXPECT_EQ(iso("2023-06-13"), "2023-06-13");
  EXPECT_EQ(iso("2023-06-13T11:06:00Z"), "2023-06-13T11:06:00+00:00");
  EXPECT_EQ(iso("2023-06-13T11:06:00.000+02:00"), "2023-06-13T11:06:00+02:00");
  EXPECT_EQ(iso("2023-06-13T11:06:00-0400"), "2023-06-13T11:06:00-04:00");
  EXPECT_EQ(iso("2023-06-13 11:06"), "2023-06-13T11:06:00");
  EXPECT_EQ(iso("2023/06/13"), "2023-06-13");
}

TEST(ParseDate, ReadsRfc822) {
  EXPECT_EQ(iso("Tue, 13 Jun 2023 11:06:00 GMT"), "2023-06-13T11:06:00+00:00");
  EXPECT_EQ(iso("Tue, 13 Jun 2023 11:06:00 +0200"), "2023-06-13T11:06:00+02:00");
}

TEST(ParseDate, ReadsEnglishNewsForms) {
  EXPECT_EQ(iso("Jun 13, 2023, 11:06 AM"), "2023-06-13T11:06:00");
  EXPECT_EQ(iso("13 June 2023"), "2023-06-13");
  EXPECT_EQ(iso("June 13, 2023 at 11:06 a.m. EDT"), "2023-06-13T11:06:00-04:00");
  EXPECT_EQ(iso("Tuesday, June 13, 2023"), "2023-06-13");
  EXPECT_EQ(iso("June 13th, 2023 3:15 pm"), "2023-06-13T15:15:00");
  EXPECT_EQ(iso("Nov. 19, 2019 8:03 am ET"), "2019-11-19T08:03:00-05:00");
  EXPECT_EQ(iso("June 13, 2023 8:03 am ET"), "2023-06-13T08:03:00-04:00");
}

TEST(ParseDate, KeepsNoZoneWhenNoneIsGiven) {
  EXPECT_EQ(iso("Jun 13, 2023, 11:06 PM"), "2023-06-13T23:06:00");
  EXPECT_EQ(iso("12:30 am, June 13, 2023").substr(0, 4), "none");
}

TEST(ParseDate, ReadsNumericDayFirst) {
  EXPECT_EQ(iso("13.06.2023"), "2023-06-13");
  EXPECT_EQ(iso("13.06.2023, 11:06 Uhr"), "2023-06-13T11:06:00");
  EXPECT_EQ(iso("13/06/2023"), "2023-06-13");
  EXPECT_EQ(iso("06/13/2023"), "2023-06-13");
}

TEST(ParseDate, ReadsMonthFirstWithDashesWhenTheDayExceedsTwelve) {
  EXPECT_EQ(iso("11-29-2024, 09:03 AM"), "2024-11-29T09:03:00");
  EXPECT_EQ(iso("05-04-2024"), "2024-04-05");  // ambiguous: day first, as before
}

TEST(ParseDate, ReadsSevenLanguages) {
  EXPECT_EQ(iso("13. Juni 2023"), "2023-06-13");
  EXPECT_EQ(iso("Dienstag, 13. Juni 2023, 11:06 Uhr"), "2023-06-13T11:06:00");
  EXPECT_EQ(iso("13 juin 2023"), "2023-06-13");
  EXPECT_EQ(iso("mardi 13 juin 2023 à 11h06"), "2023-06-13T11:06:00");
  EXPECT_EQ(iso("13 de junio de 2023"), "2023-06-13");
  EXPECT_EQ(iso("13 giugno 2023"), "2023-06-13");
  EXPECT_EQ(iso("13 de junho de 2023"), "2023-06-13");
  EXPECT_EQ(iso("terça-feira, 13 de junho de 2023"), "2023-06-13");
  EXPECT_EQ(iso("13 juni 2023"), "2023-06-13");
  EXPECT_EQ(iso("1. März 2023"), "2023-03-01");
  EXPECT_EQ(iso("5 août 2023"), "2023-08-05");
}

TEST(ParseDate, RejectsImplausibleDates) {
  EXPECT_EQ(iso("31 June 2023"), "none");
  EXPECT_EQ(iso("29 February 2023"), "none");
  EXPECT_EQ(iso("29 February 2024"), "2024-02-29");
  EXPECT_EQ(iso("13 June 1850"), "none");
  EXPECT_EQ(iso("2023-13-01"), "none");
  EXPECT_EQ(iso("June 13"), "none");
  EXPECT_EQ(iso("hello world"), "none");
}

TEST(ParseDate, HonoursYearRange) {
  DateOptions o;
  o.min_year = 1800;
  EXPECT_TRUE(parse_date("13 June 1850", o).has_value());
}

TEST(FindDate, LocatesDateInsideLongerLine) {
  const std::string line = "Published: Jun 13, 2023, 11:06 AM ET";
  auto m = find_date(line);
  ASSERT_TRUE(m);
  EXPECT_EQ(m->date.iso(), "2023-06-13T11:06:00-04:00");
  EXPECT_EQ(line.substr(m->begin, m->end - m->begin), "Jun 13, 2023, 11:06 AM ET");
  auto d = find_date(" date 2023-06-13 Close");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->date.iso(), "2023-06-13");
}

TEST(FindDate, TakesTimeWrittenBeforeDate) {
  auto m = find_date("Updated 8:03 AM ET, Tue June 13, 2023");
  ASSERT_TRUE(m);
  EXPECT_EQ(m->date.iso(), "2023-06-13T08:03:00-04:00");
}

TEST(FindDate, FindsNothingInOrdinaryProse) {
  EXPECT_FALSE(find_date("He said 13 people were hurt in 2023 and may return."));
}

TEST(ParseTimeOfDay, ReadsClockTimes) {
  auto t = parse_time_of_day("11:06 AM");
  ASSERT_TRUE(t);
  EXPECT_EQ(t->hour, 11);
  EXPECT_EQ(t->minute, 6);
  EXPECT_FALSE(parse_time_of_day("11 people"));
}

TEST(DateFromUrl, ReadsPathPatterns) {
  auto a = date_from_url("https://example.com/2023/06/13/nato-leader/");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->iso(), "2023-06-13");
  auto b = date_from_url("https://example.com/news/2023-06-13-nato");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->iso(), "2023-06-13");
  auto c = date_from_url("https://example.com/20230613/story.html");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->iso(), "2023-06-13");
  EXPECT_FALSE(date_from_url("https://example.com/2023/13/45/x"));
  EXPECT_FALSE(date_from_url("https://2023.example.com/story-123456789"));
}

TEST(DateFromUrl, ReadsAMonthWrittenByName) {
  auto a = date_from_url("https://example.com/blog/2023/october/03/wine-types");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->iso(), "2023-10-03");
  auto b = date_from_url("https://example.com/2023/oct/3/");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->iso(), "2023-10-03");
  EXPECT_FALSE(date_from_url("https://example.com/2023/october/"));
  EXPECT_FALSE(date_from_url("https://example.com/2023/about/03/"));
}

TEST(ParseDate, ReadsAmbiguousNumericDatesMonthFirstWhereThePageWritesSo) {
  DateOptions us;
  us.month_first = true;
  EXPECT_EQ(parse_date("03/04/2021")->iso(), "2021-04-03");
  EXPECT_EQ(parse_date("03/04/2021", us)->iso(), "2021-03-04");
  EXPECT_EQ(parse_date("13/04/2021", us)->iso(), "2021-04-13");
  EXPECT_EQ(parse_date("09/11/25", us)->iso(), "2025-09-11");
  EXPECT_FALSE(parse_date("09/11/25"));
  EXPECT_EQ(parse_date("04.03.2021", us)->iso(), "2021-03-04");
}

TEST(FindDate, ReadsAMonthNameBetweenSlashes) {
  EXPECT_EQ(find_date("Posted 04/Mar/2021 by admin")->date.iso(), "2021-03-04");
  EXPECT_EQ(iso("4 Mär 2021"), "2021-03-04");
}

TEST(MonthFromName, KnowsAbbreviationsAndAccents) {
  EXPECT_EQ(month_from_name("Sept."), 9);
  EXPECT_EQ(month_from_name("März"), 3);
  EXPECT_EQ(month_from_name("décembre"), 12);
  EXPECT_EQ(month_from_name("Monday"), 0);
}

}  // namespace
}  // namespace lede::fields

namespace lede::fields {
namespace {

TEST(ParseDate, ReadsTwoDigitYearsWithDots) {
  auto d = parse_date("30.10.23");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->iso(), "2023-10-30");
  EXPECT_FALSE(parse_date("1.2.3"));
  EXPECT_FALSE(find_date("version 10.12.21.4"));
}

}  // namespace
}  // namespace lede::fields

namespace lede::fields {
namespace {

TEST(FindDate, ReadsTheCitationOrder) {
  EXPECT_EQ(parse_date("2023 Jan 7")->iso(), "2023-01-07");
  EXPECT_EQ(find_date("Cureus. 2023 Jan 7;15(1):e33475.")->date.iso(), "2023-01-07");
  EXPECT_EQ(parse_date("2024 June 30")->iso(), "2024-06-30");
  // A headline's trailing year before a date is not the date's.
  EXPECT_EQ(find_date("Pricing Guide 2026 Dec 26, 2025 by Jane")->date.iso(), "2025-12-26");
  EXPECT_FALSE(parse_date("2023 Jan"));
}

}  // namespace
}  // namespace lede::fields
