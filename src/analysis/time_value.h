// A calendar value as the time scanner builds it: what it names (its grain),
// the calendar fields that grain has, and the few qualifiers TimeML writes into
// the value string. The scanner builds and compares TimeValue; the TimeML
// string ("2023-06-13", "1998-Q3", "P3Y", "XXXX-WXX-1", "PAST_REF") is written
// once, by to_timeml, when the expression is emitted.
//
//   TimeValue v = TimeValue::day({2023, 6, 13});
//   to_timeml(v);                        // "2023-06-13"
//   to_timeml(TimeValue::quarter(1998, 3));  // "1998-Q3"
//   parse_timeml("XXXX-WXX-1")->weekday;      // 1 (Monday)
//
// A field kUnknown is written as X's ("XXXX-06-13"). parse_timeml reads every
// shape to_timeml writes, so to_timeml(*parse_timeml(s)) == s for those shapes.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.h"

namespace lede::analysis {

enum class Grain : uint8_t {
  kRef,       // PAST_REF, PRESENT_REF, FUTURE_REF
  kDuration,  // P3Y, PT2H, PXY, P0.5D
  kCentury,   // "19" (the 1900s)
  kDecade,    // "201" (the 2010s)
  kYear,      // "2014", "FY2008"
  kHalf,      // "2014-H1"
  kQuarter,   // "2014-Q3"
  kSeason,    // "2014-SU"
  kMonth,     // "2014-06", "XXXX-06"
  kWeek,      // "2014-W23", "2014-W23-WE", "XXXX-WXX-1"
  kDay,       // "2014-06-13", "XXXX-XX-XX"; with a time of day "2014-06-13TEV", "...T16:15Z"
};

enum class Ref : uint8_t { kPast, kPresent, kFuture };

// The TIMEX3 type of an expression.
enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };

// The TIMEX3 modifier of an expression: "early 2009" is START, "nearly two
// years" LESS_THAN. kNone writes nothing.
enum class Mod : uint8_t {
  kNone,
  kStart,
  kMid,
  kEnd,
  kApprox,
  kLessThan,
  kMoreThan,
  kEqualOrLess,
  kEqualOrMore
};

struct TimeValue {
  // A calendar field not known: written as X's.
  static constexpr int kUnknown = -1;

  Grain grain = Grain::kDay;
  // The year; for kCentury the century's first two digits, for kDecade the first three.
  int year = kUnknown;
  bool fiscal = false;  // "FY2008": NewsReader's fiscal year
  int month = kUnknown;
  int day = kUnknown;
  int week = kUnknown;   // ISO week number
  bool weekend = false;  // "2014-W23-WE"
  int weekday = 0;       // 1 (Monday) .. 7 in "XXXX-WXX-1"; 0 when none
  int part = 0;          // the quarter (1-4) or half (1-2)
  std::string season;    // "SP", "SU", "FA", "WI"
  // A time of day on a kDay value: a part of the day ("MO", "AF", "EV", "NI")
  // or a clock time, and a zone ("Z").
  std::string day_part;
  int hour = kUnknown, minute = kUnknown;
  std::string zone;
  // A duration: its count as written ("3", "X", "0.5"), its unit letter, and
  // whether the unit is a time unit (written after "PT").
  std::string amount;
  char unit = 0;
  bool time_unit = false;
  // Half a unit more, written in the next smaller unit where TimeML has one:
  // "two and a half years" is P2Y6M, "5 1/2 hours" PT5H30M, "a day and a half"
  // P1DT12H; "P2.5W" for units without one.
  bool and_half = false;
  Ref ref = Ref::kPast;

  static TimeValue day_of(const core::CivilDate& d);
  static TimeValue month_of(int year, int month);
  static TimeValue year_of(int year);
  // The century by its first two digits: 19 is the 1900s.
  static TimeValue century(int first_digits);
  static TimeValue quarter(int year, int q);
  static TimeValue half(int year, int h);
  static TimeValue season_of(int year, std::string_view code);
  // The ISO week holding d.
  static TimeValue week_of(const core::CivilDate& d);
  static TimeValue duration(std::string_view amount, char unit, bool time_unit);
  static TimeValue vague(Ref r);

  // A time of day on a day: the same day with a part of the day or a clock time.
  bool has_time() const { return !day_part.empty() || hour != kUnknown; }

  friend bool operator==(const TimeValue&, const TimeValue&) = default;
};

// The TimeML value string.
std::string to_timeml(const TimeValue& v);
// The TIMEX3 type attribute: "DATE", "TIME", "DURATION", "SET".
std::string_view to_timeml(TimexType t);
// The TIMEX3 mod attribute: "START", "LESS_THAN"; "" for kNone.
std::string_view to_timeml(Mod m);
// The value a TimeML string names; nullopt for a shape to_timeml never writes.
std::optional<TimeValue> parse_timeml(std::string_view s);

}  // namespace lede::analysis
