// Civil (proleptic Gregorian) dates and their arithmetic, for every stage that
// compares or shifts days: publication dates, time expressions.
//
//   core::CivilDate d{2023, 6, 13};
//   core::days_from_civil(d) == 19521;           // days since 1970-01-01
//   core::add_days(d, 7) == core::CivilDate{2023, 6, 20};
//   core::weekday(d) == 1;                       // Tuesday; Monday is 0
#pragma once

#include <cstdint>

namespace lede::core {

struct CivilDate {
  int year = 0, month = 0, day = 0;  // month 1-12, day 1-31
  bool operator==(const CivilDate&) const = default;
};

// Days since 1970-01-01 (negative before it). Valid for any year an int holds
// after the shift by 400-year eras; the algorithm is Howard Hinnant's.
int64_t days_from_civil(int year, int month, int day);
inline int64_t days_from_civil(const CivilDate& d) { return days_from_civil(d.year, d.month, d.day); }

// The inverse of days_from_civil.
CivilDate civil_from_days(int64_t days);

inline CivilDate add_days(const CivilDate& d, int64_t n) {
  return civil_from_days(days_from_civil(d) + n);
}

// 0 = Monday ... 6 = Sunday.
int weekday(const CivilDate& d);

}  // namespace lede::core
