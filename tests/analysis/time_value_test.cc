#include "analysis/time_value.h"

#include <gtest/gtest.h>

namespace lede::analysis {
namespace {

TEST(TimeValue, EveryShapeTheScannerWritesRoundTrips) {
  // One of each shape the scanner writes and TimeBank, AQUAINT and MEANTIME annotate.
  const char* const kShapes[] = {"2023-06-13",
                                 "XXXX-06-13",
                                 "XXXX-XX-XX",
                                 "2023-06",
                                 "XXXX-06",
                                 "2023",
                                 "FY2008",
                                 "201",
                                 "19",
                                 "2023-W23",
                                 "2023-W23-WE",
                                 "XXXX-WXX-1",
                                 "XXXX-WXX-7",
                                 "1998-Q3",
                                 "2014-H1",
                                 "2014-SU",
                                 "1994-WI",
                                 "2023-06-13TEV",
                                 "2023-06-13T16:15",
                                 "2009-06-01T16:15Z",
                                 "XXXX-XX-XXTNI",
                                 "2023-06-13T24:00",
                                 "XXXX-WXX-3TMO",
                                 "P3Y",
                                 "PT2H",
                                 "PXY",
                                 "P0.5D",
                                 "PT30M",
                                 "P10Y",
                                 "P1W",
                                 "P2Y6M",
                                 "PT5H30M",
                                 "P1DT12H",
                                 "P2.5W",
                                 "PAST_REF",
                                 "PRESENT_REF",
                                 "FUTURE_REF"};
  for (const char* s : kShapes) {
    const auto v = parse_timeml(s);
    ASSERT_TRUE(v.has_value()) << s;
    EXPECT_EQ(to_timeml(*v), s);
  }
}

TEST(TimeValue, AHalfUnitIsWrittenInTheNextSmallerUnit) {
  TimeValue v = TimeValue::duration("2", 'Y', false);
  v.and_half = true;
  EXPECT_EQ(to_timeml(v), "P2Y6M");
  v = TimeValue::duration("1", 'M', true);
  v.and_half = true;
  EXPECT_EQ(to_timeml(v), "PT1M30S");
  v = TimeValue::duration("3", 'W', false);
  v.and_half = true;
  EXPECT_EQ(to_timeml(v), "P3.5W");
  const auto read = parse_timeml("PT5H30M");
  ASSERT_TRUE(read.has_value());
  EXPECT_TRUE(read->and_half);
  EXPECT_EQ(read->amount, "5");
}

TEST(TimeValue, ReadsTheFieldsOfEachGrain) {
  const auto day = parse_timeml("2023-06-13TEV");
  ASSERT_TRUE(day);
  EXPECT_EQ(day->grain, Grain::kDay);
  EXPECT_EQ(day->year, 2023);
  EXPECT_EQ(day->day, 13);
  EXPECT_EQ(day->day_part, "EV");
  EXPECT_TRUE(day->has_time());

  const auto open = parse_timeml("XXXX-06-13");
  ASSERT_TRUE(open);
  EXPECT_EQ(open->year, TimeValue::kUnknown);
  EXPECT_EQ(open->month, 6);

  const auto set = parse_timeml("XXXX-WXX-1");
  ASSERT_TRUE(set);
  EXPECT_EQ(set->grain, Grain::kWeek);
  EXPECT_EQ(set->weekday, 1);

  const auto dur = parse_timeml("PT2H");
  ASSERT_TRUE(dur);
  EXPECT_EQ(dur->grain, Grain::kDuration);
  EXPECT_TRUE(dur->time_unit);
  EXPECT_EQ(dur->amount, "2");
  EXPECT_EQ(dur->unit, 'H');

  EXPECT_EQ(parse_timeml("201")->grain, Grain::kDecade);
  EXPECT_EQ(parse_timeml("19")->grain, Grain::kCentury);
  EXPECT_TRUE(parse_timeml("FY2008")->fiscal);
  EXPECT_EQ(parse_timeml("FUTURE_REF")->ref, Ref::kFuture);
}

TEST(TimeValue, BuildersWriteTheTimeMLValue) {
  EXPECT_EQ(to_timeml(TimeValue::day_of({2023, 6, 13})), "2023-06-13");
  EXPECT_EQ(to_timeml(TimeValue::month_of(2023, 6)), "2023-06");
  EXPECT_EQ(to_timeml(TimeValue::quarter(1998, 3)), "1998-Q3");
  EXPECT_EQ(to_timeml(TimeValue::half(2014, 2)), "2014-H2");
  EXPECT_EQ(to_timeml(TimeValue::season_of(2014, "SU")), "2014-SU");
  EXPECT_EQ(to_timeml(TimeValue::duration("X", 'Y', false)), "PXY");
  EXPECT_EQ(to_timeml(TimeValue::vague(Ref::kPresent)), "PRESENT_REF");
  // ISO weeks belong to the year of their Thursday: 2021-01-01 is in 2020's week 53.
  EXPECT_EQ(to_timeml(TimeValue::week_of({2023, 6, 13})), "2023-W24");
  EXPECT_EQ(to_timeml(TimeValue::week_of({2021, 1, 1})), "2020-W53");
}

TEST(TimeValue, RefusesShapesItNeverWrites) {
  for (const char* s : {"", "2014-6", "20145", "2014-Q", "2014-W5", "P", "PT", "2014-06-13T9",
                        "NOW", "2014-06-13-01"})
    EXPECT_FALSE(parse_timeml(s).has_value()) << s;
}

TEST(TimeValue, ModifiersWriteTheirTimeMLName) {
  EXPECT_EQ(to_timeml(Mod::kNone), "");
  EXPECT_EQ(to_timeml(Mod::kStart), "START");
  EXPECT_EQ(to_timeml(Mod::kMid), "MID");
  EXPECT_EQ(to_timeml(Mod::kEnd), "END");
  EXPECT_EQ(to_timeml(Mod::kApprox), "APPROX");
  EXPECT_EQ(to_timeml(Mod::kLessThan), "LESS_THAN");
  EXPECT_EQ(to_timeml(Mod::kMoreThan), "MORE_THAN");
  EXPECT_EQ(to_timeml(Mod::kEqualOrLess), "EQUAL_OR_LESS");
}

TEST(TimeValue, TypesWriteTheirTimeMLName) {
  EXPECT_EQ(to_timeml(TimexType::kDate), "DATE");
  EXPECT_EQ(to_timeml(TimexType::kTime), "TIME");
  EXPECT_EQ(to_timeml(TimexType::kDuration), "DURATION");
  EXPECT_EQ(to_timeml(TimexType::kSet), "SET");
}

}  // namespace
}  // namespace lede::analysis
