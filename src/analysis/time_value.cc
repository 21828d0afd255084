#include "analysis/time_value.h"

#include <cstdio>

namespace lede::analysis {

TimeValue TimeValue::day_of(const core::CivilDate& d) {
  TimeValue v;
  v.grain = Grain::kDay;
  v.year = d.year;
  v.month = d.month;
  v.day = d.day;
  return v;
}

TimeValue TimeValue::month_of(int year, int month) {
  TimeValue v;
  v.grain = Grain::kMonth;
  v.year = year;
  v.month = month;
  return v;
}

TimeValue TimeValue::year_of(int year) {
  TimeValue v;
  v.grain = Grain::kYear;
  v.year = year;
  return v;
}

TimeValue TimeValue::century(int first_digits) {
  TimeValue v;
  v.grain = Grain::kCentury;
  v.year = first_digits;
  return v;
}

TimeValue TimeValue::quarter(int year, int q) {
  TimeValue v;
  v.grain = Grain::kQuarter;
  v.year = year;
  v.part = q;
  return v;
}

TimeValue TimeValue::half(int year, int h) {
  TimeValue v;
  v.grain = Grain::kHalf;
  v.year = year;
  v.part = h;
  return v;
}

TimeValue TimeValue::season_of(int year, std::string_view code) {
  TimeValue v;
  v.grain = Grain::kSeason;
  v.year = year;
  v.season = std::string(code);
  return v;
}

TimeValue TimeValue::week_of(const core::CivilDate& d) {
  // ISO 8601: the week belongs to the year of its Thursday.
  const core::CivilDate thursday = core::add_days(d, 3 - core::weekday(d));
  const int doy = static_cast<int>(core::days_from_civil(thursday) -
                                   core::days_from_civil(thursday.year, 1, 1));
  TimeValue v;
  v.grain = Grain::kWeek;
  v.year = thursday.year;
  v.week = doy / 7 + 1;
  return v;
}

TimeValue TimeValue::duration(std::string_view amount, char unit, bool time_unit) {
  TimeValue v;
  v.grain = Grain::kDuration;
  v.amount = std::string(amount);
  v.unit = unit;
  v.time_unit = time_unit;
  return v;
}

TimeValue TimeValue::vague(Ref r) {
  TimeValue v;
  v.grain = Grain::kRef;
  v.ref = r;
  return v;
}

namespace {

// A field of `width` digits, or X's when unknown.
void put(std::string& out, int n, int width) {
  if (n == TimeValue::kUnknown) {
    out.append(static_cast<size_t>(width), 'X');
    return;
  }
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*d", width, n);
  out += buf;
}

// Half of a duration unit in the next smaller one: a half year is "6M"; "" for
// units TimeML writes with a decimal ("P2.5W").
std::string_view half_unit(char unit, bool time_unit) {
  if (time_unit) return unit == 'H' ? "30M" : (unit == 'M' ? "30S" : "");
  return unit == 'Y' ? "6M" : (unit == 'D' ? "T12H" : "");
}

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// A field of exactly s.size() digits, or all X's (kUnknown).
std::optional<int> field(std::string_view s) {
  if (s.empty()) return std::nullopt;
  if (s.find_first_not_of('X') == std::string_view::npos) return TimeValue::kUnknown;
  if (!all_digits(s)) return std::nullopt;
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

std::optional<TimeValue> read(std::string_view s) {
  TimeValue v;
  if (s == "PAST_REF" || s == "PRESENT_REF" || s == "FUTURE_REF") {
    return TimeValue::vague(s[1] == 'A' ? Ref::kPast
                                        : (s[1] == 'R' ? Ref::kPresent : Ref::kFuture));
  }
  if (s.size() >= 3 && s[0] == 'P') {
    const bool time_unit = s[1] == 'T';
    // "P2Y6M", "PT5H30M", "P1DT12H", "P2.5W": a count and a half.
    for (const char u : {'Y', 'D', 'H', 'M', 'W', 'Q'}) {
      const bool tu = u == 'H' || (u == 'M' && time_unit);
      if (tu != time_unit) continue;
      std::string_view rest = s.substr(time_unit ? 2 : 1);
      std::string_view half = half_unit(u, tu);
      std::string tail =
          half.empty() ? std::string(".5") + u : std::string(1, u) + std::string(half);
      if (rest.size() <= tail.size() || !rest.ends_with(tail)) continue;
      const std::string_view count = rest.substr(0, rest.size() - tail.size());
      if (!all_digits(count)) continue;
      TimeValue d = TimeValue::duration(count, u, tu);
      d.and_half = true;
      return d;
    }
    const std::string_view amount = s.substr(time_unit ? 2 : 1, s.size() - (time_unit ? 3 : 2));
    if (amount.empty()) return std::nullopt;
    return TimeValue::duration(amount, s.back(), time_unit);
  }
  if (s.starts_with("FY")) {
    v.fiscal = true;
    s.remove_prefix(2);
  }
  // A time of day after the date: "T" and a part of the day or a clock time.
  if (const size_t t = s.find('T'); t != std::string_view::npos) {
    std::string_view time = s.substr(t + 1);
    s = s.substr(0, t);
    if (time.ends_with("Z")) {
      v.zone = "Z";
      time.remove_suffix(1);
    }
    if (time.size() == 5 && time[2] == ':') {
      const auto h = field(time.substr(0, 2)), m = field(time.substr(3));
      if (!h || !m || *h < 0 || *m < 0) return std::nullopt;
      v.hour = *h;
      v.minute = *m;
    } else if (time.size() == 2) {
      v.day_part = std::string(time);
    } else {
      return std::nullopt;
    }
  }
  const size_t dash = s.find('-');
  const std::string_view head = s.substr(0, dash);
  const auto year = field(head);
  if (!year) return std::nullopt;
  v.year = *year;
  if (dash == std::string_view::npos) {
    if (head.size() == 2) {
      v.grain = Grain::kCentury;
    } else if (head.size() == 3) {
      v.grain = Grain::kDecade;
    } else if (head.size() == 4) {
      v.grain = Grain::kYear;
    } else {
      return std::nullopt;
    }
    return v;
  }
  if (head.size() != 4) return std::nullopt;
  std::string_view rest = s.substr(dash + 1);
  if (rest.size() == 2 && (rest[0] == 'Q' || rest[0] == 'H')) {
    v.grain = rest[0] == 'Q' ? Grain::kQuarter : Grain::kHalf;
    v.part = rest[1] - '0';
    return v;
  }
  if (rest == "SP" || rest == "SU" || rest == "FA" || rest == "WI") {
    v.grain = Grain::kSeason;
    v.season = std::string(rest);
    return v;
  }
  if (rest.starts_with("W")) {
    v.grain = Grain::kWeek;
    const auto week = field(rest.substr(1, 2));
    if (!week) return std::nullopt;
    v.week = *week;
    rest.remove_prefix(std::min<size_t>(rest.size(), 3));
    if (rest == "-WE") {
      v.weekend = true;
    } else if (rest.size() == 2 && rest[0] == '-' && rest[1] >= '1' && rest[1] <= '7') {
      v.weekday = rest[1] - '0';
    } else if (!rest.empty()) {
      return std::nullopt;
    }
    return v;
  }
  const auto month = field(rest.substr(0, 2));
  if (!month) return std::nullopt;
  v.month = *month;
  v.grain = Grain::kMonth;
  if (rest.size() == 2) return v;
  if (rest.size() != 5 || rest[2] != '-') return std::nullopt;
  const auto day = field(rest.substr(3));
  if (!day) return std::nullopt;
  v.day = *day;
  v.grain = Grain::kDay;
  return v;
}

}  // namespace

std::string to_timeml(const TimeValue& v) {
  std::string out;
  switch (v.grain) {
    case Grain::kRef:
      return v.ref == Ref::kPast ? "PAST_REF"
                                 : (v.ref == Ref::kPresent ? "PRESENT_REF" : "FUTURE_REF");
    case Grain::kDuration:
      out = v.time_unit ? "PT" : "P";
      out += v.amount;
      if (v.and_half) {
        const std::string_view half = half_unit(v.unit, v.time_unit);
        if (half.empty()) return out + ".5" + v.unit;
        out += v.unit;
        return out += half;
      }
      out += v.unit;
      return out;
    case Grain::kCentury:
      put(out, v.year, 2);
      break;
    case Grain::kDecade:
      put(out, v.year, 3);
      break;
    default:
      if (v.fiscal) out = "FY";
      put(out, v.year, 4);
      break;
  }
  switch (v.grain) {
    case Grain::kHalf:
    case Grain::kQuarter:
      out += v.grain == Grain::kHalf ? "-H" : "-Q";
      out += static_cast<char>('0' + v.part);
      break;
    case Grain::kSeason:
      out += '-';
      out += v.season;
      break;
    case Grain::kMonth:
    case Grain::kDay:
      out += '-';
      put(out, v.month, 2);
      if (v.grain == Grain::kDay) {
        out += '-';
        put(out, v.day, 2);
      }
      break;
    case Grain::kWeek:
      out += "-W";
      put(out, v.week, 2);
      if (v.weekday > 0) {
        out += '-';
        out += static_cast<char>('0' + v.weekday);
      }
      if (v.weekend) out += "-WE";
      break;
    default:
      break;
  }
  if (!v.day_part.empty()) {
    out += 'T';
    out += v.day_part;
  } else if (v.hour != TimeValue::kUnknown) {
    out += 'T';
    put(out, v.hour, 2);
    out += ':';
    put(out, v.minute, 2);
  }
  out += v.zone;
  return out;
}

std::string_view to_timeml(TimexType t) {
  switch (t) {
    case TimexType::kDate:
      return "DATE";
    case TimexType::kTime:
      return "TIME";
    case TimexType::kDuration:
      return "DURATION";
    case TimexType::kSet:
      return "SET";
  }
  return "";
}

std::string_view to_timeml(Mod m) {
  switch (m) {
    case Mod::kNone:
      return "";
    case Mod::kStart:
      return "START";
    case Mod::kMid:
      return "MID";
    case Mod::kEnd:
      return "END";
    case Mod::kApprox:
      return "APPROX";
    case Mod::kLessThan:
      return "LESS_THAN";
    case Mod::kMoreThan:
      return "MORE_THAN";
    case Mod::kEqualOrLess:
      return "EQUAL_OR_LESS";
    case Mod::kEqualOrMore:
      return "EQUAL_OR_MORE";
  }
  return "";
}

std::optional<TimeValue> parse_timeml(std::string_view s) {
  auto v = read(s);
  // Only the shapes to_timeml writes: anything else ("2014-6") is not a value.
  if (!v || to_timeml(*v) != s) return std::nullopt;
  return v;
}

}  // namespace lede::analysis
