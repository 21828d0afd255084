#include "analysis/timex.h"

#include <algorithm>
#include <cstdlib>
#include <string>
#include <string_view>
#include <unordered_set>

#include "analysis/time_value.h"
#include "analysis/timex_rules_en.h"
#include "core/calendar.h"
#include "fields/dates.h"

namespace lede::analysis {

using fields::month_from_name;
namespace {

using namespace timex_en;  // the English rule tables

// A bare four-digit number reads as a year only in this range: older numbers in
// news text are mostly counts, not years (MEANTIME's earliest year is 1955).
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2099;
// Anaphoric "the day", "in morning trading" point back to the last day the
// story named, if it lies within this many days of the reference date.
constexpr int kStoryDayWindow = 7;
// Years from here to kMinYear count only after a preposition of time ("since 1896"):
// market and company histories reach back that far.
constexpr int kMinOldYear = 1800;
// A month or day-and-month without a year and without tense is placed in the
// reference year unless that puts it more than this many days away.
constexpr int kNearestWindowDays = 183;
// Tense moves a date without a year into the year before or after only when the
// reference year would put it this far on the wrong side: a story written in May
// in the past tense about "June 3" is more often a plan than last year's June.
constexpr int kTenseSlackDays = 45;

template <typename T, size_t N>
bool contains(const T (&table)[N], std::string_view w) {
  for (const auto& x : table)
    if (x == w) return true;
  return false;
}

using core::civil_from_days;
using core::days_from_civil;

int64_t to_days(const CalendarDate& d) { return days_from_civil(d); }
CalendarDate add_days(const CalendarDate& d, int n) { return core::add_days(d, n); }
// 0 = Monday.
int weekday_of(const CalendarDate& d) { return core::weekday(d); }

TimeValue day_value(const CalendarDate& d) { return TimeValue::day_of(d); }
TimeValue month_value(int y, int m) { return TimeValue::month_of(y, m); }
TimeValue year_value(int y) { return TimeValue::year_of(y); }
TimeValue week_value(const CalendarDate& d) { return TimeValue::week_of(d); }
TimeValue quarter_value(int y, int q) { return TimeValue::quarter(y, q); }
// "2014-W23-WE"
TimeValue weekend_of(TimeValue week) {
  week.weekend = true;
  return week;
}
// A day or weekday with a part of the day: "2023-06-12TEV".
TimeValue at_part(TimeValue day, std::string_view code) {
  day.day_part = std::string(code);
  return day;
}
// A day without a year ("XXXX-06-13"), without a month ("XXXX-XX-XX") or a month
// without a year ("XXXX-06", day 0).
TimeValue open_date(int month = TimeValue::kUnknown, int day = TimeValue::kUnknown) {
  return day == 0 ? TimeValue::month_of(TimeValue::kUnknown, month)
                  : TimeValue::day_of({TimeValue::kUnknown, month, day});
}
// A day with a clock time: "2023-06-13T16:15Z".
TimeValue at_clock(TimeValue day, int hour, int minute, std::string_view zone) {
  day.hour = hour;
  day.minute = minute;
  day.zone = std::string(zone);
  return day;
}
// "XXXX-WXX-1": a weekday of no known week (0 = Monday).
TimeValue any_weekday(int wd) {
  TimeValue v;
  v.grain = Grain::kWeek;
  v.weekday = wd + 1;
  return v;
}
// The decade holding year y: "201".
TimeValue decade_value(int y) {
  TimeValue v = TimeValue::year_of(y / 10);
  v.grain = Grain::kDecade;
  return v;
}
// NewsReader's fiscal year: "FY2008".
TimeValue fiscal_value(int y) {
  TimeValue v = TimeValue::year_of(y);
  v.fiscal = true;
  return v;
}
// The length a table row names: "daily" -> P1D.
TimeValue length_value(const timex_en::SetWord& w) {
  return TimeValue::duration(w.count, w.unit, w.time_unit);
}
void add_months(int& y, int& m, int n) {
  int t = y * 12 + (m - 1) + n;
  y = t / 12;
  m = t % 12 + 1;
}

// A value that starts with a calendar year: not a length, a vague reference, a
// century, a decade, a fiscal year or a date of unknown year.
bool dated(const TimeValue& v) {
  return v.grain >= Grain::kYear && v.grain <= Grain::kDay && !v.fiscal && v.year >= 0 &&
         v.year <= 9999;
}
// A day without a time of day: "2023-06-13", "XXXX-XX-XX", or a weekday of no
// known week ("XXXX-WXX-1").
bool is_day(const TimeValue& v) {
  return !v.has_time() &&
         (v.grain == Grain::kDay || (v.grain == Grain::kWeek && v.weekday > 0 && !v.weekend));
}
// A time of day on such a day: "2023-06-13T16:15", "XXXX-XX-XXTNI".
bool is_time_of_day(const TimeValue& v) {
  if (!v.has_time()) return false;
  TimeValue day = v;
  day.day_part.clear();
  day.hour = day.minute = TimeValue::kUnknown;
  day.zone.clear();
  return is_day(day);
}
// The time of day `time` gives, on `day`.
TimeValue on_day(const TimeValue& time, TimeValue day) {
  day.day_part = time.day_part;
  day.hour = time.hour;
  day.minute = time.minute;
  day.zone = time.zone;
  return day;
}

enum class Tense { kNone, kPast, kFuture };

// What the story has named so far, kept as the scan goes so that anaphoric
// expressions ("the day", "that year", "the quarter") never scan back over
// the expressions found before them.
struct StoryMemory {
  // The last full day named within kStoryDayWindow days of the reference date.
  std::optional<CalendarDate> recent_day;
  // The last calendar value named, at each grain.
  std::optional<TimeValue> day, week, month_period, year, any;
  // The last quarter named: "1989-Q3".
  int quarter_year = 0, quarter = 0;
  // The months of a run from the year's start named after it ("the nine months",
  // "the first six months"), else 0: results for it compare with the year before.
  int months_to_date = 0;
  // Sentences scanned so far, and the number of the last one that named "the
  // latest quarter" or "the latest period" (0 when none).
  int sentences = 0, latest_quarter_sentence = 0;
  // The last month and year named, as numbers.
  int month_year = 0, month = 0, year_n = 0;
};

// A word of a sentence that marks a tense ("will", "said"), at its token.
struct Cue {
  uint32_t token;
  Tense tense;
};

struct Found {
  uint32_t b = 0, e = 0;  // tokens [b, e)
  TimexType type = TimexType::kDate;
  TimeValue value;
  Mod mod = Mod::kNone;
  // Later expressions may point back to it ("the quarter"); not so for a
  // comparison a year back ("the year-ago quarter").
  bool anchor = true;
  // A time of day that names its day ("Saturday night", "yesterday evening"):
  // it keeps it rather than take the day of its sentence.
  bool own_day = false;
};

class Scanner {
 public:
  Scanner(const Document& doc, const Sentence& s, std::optional<CalendarDate> ref,
          std::vector<lede::TimeExpression>& out, StoryMemory& story)
      : doc_(doc), s_(s), ref_(ref), out_(out), story_(story) {}

  void run() {
    ++story_.sentences;
    const size_t first = out_.size();
    uint32_t i = s_.first_token;
    while (i < s_.last_token) {
      const uint32_t next = match(i);
      i = next > i ? next : i + 1;
    }
    anchor_times(first);
  }

  // A clock time takes its day from the one full date of its sentence:
  // "at 16:15 UTC, June 1st" -> 2009-06-01T16:15Z.
  void anchor_times(size_t first) {
    // The sentence's full dates a clock time may take its day from, by position.
    std::vector<size_t> days;
    for (size_t d = first; d < out_.size(); ++d) {
      const auto& e = out_[d];
      const Found& found = found_[d - first];
      const TimeValue& v = found.value;
      if (found.type != TimexType::kDate || !is_day(v) || found.mod != Mod::kNone ||
          e.text == "today" || e.text == "earlier today")
        continue;
      if (ref_ && v.year != TimeValue::kUnknown) {
        // Not a date of history the sentence recalls ("since September 11, 2001").
        const int64_t away = to_days({v.year, v.month, v.day}) - to_days(*ref_);
        if (away < -kNearestWindowDays || away > kNearestWindowDays) continue;
      }
      days.push_back(d);
    }
    // A clock time restated with its day in parentheses takes that day: "at 4 in the
    // morning (4 a.m. EDT Thursday)".
    for (size_t k = first; k + 1 < out_.size(); ++k) {
      Found& time = found_[k - first];
      const Found& next = found_[k + 1 - first];
      if (time.type == TimexType::kTime && is_time_of_day(time.value) && !time.own_day &&
          next.own_day && is_time_of_day(next.value) && next.value.grain == Grain::kDay &&
          next.b == time.e + 1 && is(time.e, "(")) {
        time.value = on_day(time.value, next.value);
        time.own_day = true;
        out_[k].value = to_timeml(time.value);
      }
    }
    if (days.empty()) return;
    const auto start = [&](size_t d) { return out_[d].start; };
    std::stable_sort(days.begin(), days.end(),
                     [&](size_t x, size_t y) { return start(x) < start(y); });
    for (size_t k = first; k < out_.size(); ++k) {
      Found& time = found_[k - first];
      if (time.type != TimexType::kTime || !is_time_of_day(time.value) || time.own_day) continue;
      const uint32_t at = out_[k].start;
      auto after = std::lower_bound(days.begin(), days.end(), at,
                                    [&](size_t d, uint32_t pos) { return start(d) < pos; });
      size_t day = after == days.end() ? days.back() : *after;
      if (after != days.begin() && after != days.end() &&
          at - start(*(after - 1)) <= start(*after) - at)
        day = *(after - 1);
      time.value = on_day(time.value, found_[day - first].value);
      out_[k].value = to_timeml(time.value);
    }
  }

 private:
  bool ok(uint32_t i) const { return i >= s_.first_token && i < s_.last_token; }
  // The lower-case word without a possessive: "today's" -> "today".
  std::string_view lw(uint32_t i) const {
    if (!ok(i)) return {};
    std::string_view w = doc_.lower_word(i);
    return w.substr(0, w.size() - possessive_length(w));
  }
  static size_t possessive_length(std::string_view w) {
    if (w.size() > 2 && w.ends_with("'s")) return 2;
    if (w.size() > 4 && w.ends_with("\u2019s")) return 4;
    return 0;
  }
  bool is(uint32_t i, std::string_view w) const { return lw(i) == w; }
  bool upper(uint32_t i) const { return ok(i) && doc_.tokens[i].upper; }
  bool is_num(uint32_t i) const { return ok(i) && doc_.tokens[i].kind == TokenKind::kNumber; }

  int int_at(uint32_t i) const {
    if (!is_num(i)) return -1;
    int v = 0;
    for (char c : doc_.word(i)) {
      if (c == ',') continue;
      if (c < '0' || c > '9' || v > 100000000) return -1;
      v = v * 10 + (c - '0');
    }
    return v;
  }
  int digits(uint32_t i) const { return is_num(i) ? static_cast<int>(doc_.word(i).size()) : 0; }

  // Count words and numbers: "three", "3", "a".
  int count_word(std::string_view w) const {
    for (const auto& n : kNumberWords)
      if (n.word == w) return n.value;
    // "twenty-five"
    if (const size_t dash = w.find('-'); dash != std::string_view::npos) {
      const int tens = count_word(w.substr(0, dash)), units = count_word(w.substr(dash + 1));
      if (tens >= 20 && tens % 10 == 0 && tens < 100 && units > 0 && units < 10)
        return tens + units;
      return -1;
    }
    if (!w.empty() && w.size() <= 6 && w.find_first_not_of("0123456789") == std::string_view::npos)
      return std::stoi(std::string(w));
    return -1;
  }
  const Unit* unit(std::string_view w) const {
    if (w.ends_with("ies") && w.starts_with("centur"))
      w = "century";
    else if (w.size() > 1 && w.back() == 's')
      w.remove_suffix(1);
    for (const auto& u : kUnits)
      if (u.word == w) return &u;
    return nullptr;
  }
  int month(uint32_t i) const {
    if (!ok(i) || doc_.tokens[i].kind != TokenKind::kWord || !upper(i)) return 0;
    std::string_view w = lw(i);
    if (w == "may" || w == "march") {
      // Modal "May" and the verb "March" start sentences; ask for a date beside it.
      if (!(is_num(i + 1) || (i > s_.first_token && contains(kMonthContextWords, lw(i - 1)))))
        return 0;
    }
    if (w.size() <= 4 && w != "june" && w != "july" && w != "may" && w.back() != '.' &&
        !is_num(i + 1))
      return 0;  // "Mar", "Sep" alone are not months
    for (std::string_view full : {"january", "february", "march", "april", "may", "june", "july",
                                  "august", "september", "october", "november", "december"})
      if (w == full) return month_from_name(w);
    // English abbreviations only: "Gen." is a general, not gennaio.
    if (w.size() >= 4 && w.back() == '.')
      return contains(kMonthAbbreviations, w.substr(0, w.size() - 1)) ? month_from_name(w) : 0;
    if (w == "sept" || w == "jan" || w == "feb" || w == "aug" || w == "oct" || w == "nov" ||
        w == "dec")
      return is_num(i + 1) ? month_from_name(w) : 0;
    return 0;
  }
  int weekday(uint32_t i) const {
    std::string_view w = lw(i);
    for (int k = 0; k < 7; ++k)
      if (kWeekdays[k] == w) return k;
    return -1;
  }
  int day_number(uint32_t i) const {
    if (!is_num(i)) {
      // "12th", "1st"
      std::string_view w = lw(i);
      if (w.size() >= 3 && w.size() <= 4 &&
          (w.ends_with("th") || w.ends_with("st") || w.ends_with("nd") || w.ends_with("rd"))) {
        int v = 0;
        for (char c : w.substr(0, w.size() - 2)) {
          if (c < '0' || c > '9') return -1;
          v = v * 10 + (c - '0');
        }
        return v >= 1 && v <= 31 ? v : -1;
      }
      return -1;
    }
    const int v = int_at(i);
    return digits(i) <= 2 && v >= 1 && v <= 31 ? v : -1;
  }
  int year(uint32_t i) const {
    if (!ok(i)) return -1;
    std::string_view w = doc_.word(i);
    if (doc_.tokens[i].kind == TokenKind::kWord && w.size() == 6 && w.ends_with("'s") &&
        w.find_first_not_of("0123456789") == 4) {
      const int v = std::atoi(std::string(w.substr(0, 4)).c_str());  // "2008's"
      return v >= kMinYear && v <= kMaxYear ? v : -1;
    }
    if (digits(i) != 4 || w.find(',') != std::string_view::npos) return -1;
    const int v = int_at(i);
    if (contains(kCountNouns, lw(i + 1))) return -1;  // "1950 employees"
    if (v >= kMinOldYear && v < kMinYear && i > s_.first_token) {
      // Older years only after a preposition of time: "since 1896", "in 1884".
      const std::string_view p = lw(i - 1);
      const bool after_preposition = p == "in" || p == "since" || p == "from" || p == "until" ||
                                     p == "before" || p == "after" || p == "of" || p == "to";
      const bool word_next = ok(i + 1) && doc_.tokens[i + 1].kind == TokenKind::kWord &&
                             !upper(i + 1) && !is(i + 1, "and") && !is(i + 1, "to") &&
                             !is(i + 1, "when");
      return after_preposition && !word_next ? v : -1;
    }
    return v >= kMinYear && v <= kMaxYear ? v : -1;
  }

  // A year as broadcasts spell it, two words: "nineteen ninety-six"; or -1.
  int spelled_year(uint32_t i) const {
    if (!is(i, "nineteen")) return -1;
    const int n = count_word(lw(i + 1));
    return n >= 10 && n <= 99 && !unit(lw(i + 2)) ? 1900 + n : -1;
  }

  // The tense a word marks: "will", "'ll", "is to" look ahead; "was", "fell",
  // "closed" look back ("was closed", but not "should be completed", "will
  // succeed", "the increased dividend", "the plan", "a record set on Aug. 6").
  Tense tense_of(uint32_t k) const {
    if (doc_.tokens[k].kind != TokenKind::kWord) return Tense::kNone;
    const std::string_view w = lw(k);
    const std::string_view prev = k > s_.first_token ? lw(k - 1) : std::string_view();
    // A noun or an adjective after a determiner: "the plan", "the increased
    // dividend", "the hastily planned trip".
    if (contains(kDeterminers, prev) ||
        (((prev.size() > 4 && prev.ends_with("ly")) || contains(kNounPhraseAdverbs, prev)) &&
         k > s_.first_token + 1 && contains(kDeterminers, lw(k - 2))))
      return Tense::kNone;
    // A plan as it stood then: "were planning to drive on Monday", "was expected
    // Tuesday"; the plan's word gives the tense.
    if (contains(kPastOfBe, w) && contains(kFutureCues, lw(k + 1))) return Tense::kNone;
    if (w == "next" && is(k + 1, "to")) return Tense::kNone;  // "next to the embassy"
    if (((w == "set" || w == "due") && !is(k + 1, "to") && !is(k + 1, "for")) ||
        (w == "supposed" && !is(k + 1, "to")))
      return Tense::kNone;
    // Plans made before: "had been scheduled to expire", "had been due to".
    if (contains(kFutureCues, w) && !contains(kModals, w) &&
        (prev == "had" || (prev == "been" && is(k - 2, "had"))))
      return Tense::kPast;
    if (contains(kFutureCues, w) || w.ends_with("'ll") || w.ends_with("\u2019ll") ||
        ((w == "is" || w == "are") && is(k + 1, "to")))
      return Tense::kFuture;
    // A verb's plain form or participle after a modal, "to" or "be": "will
    // succeed", "to be paid", "being sold", "when the case is heard".
    const bool after_base = contains(kModals, prev) || prev == "to" || prev == "be" ||
                            prev == "being" || prev == "been" ||
                            contains(kPresentAuxiliaries, prev);
    if (contains(kPastCues, w) && !(after_base && prev != "been")) return Tense::kPast;
    if (w.size() > 4 && w.ends_with("ed") && !contains(kNotPast, w) && !after_base &&
        (!w.ends_with("eed") || contains(kPastEed, w)))
      return Tense::kPast;
    return Tense::kNone;
  }

  // The tense of the cue nearest to token `at` in its sentence (the earlier one on
  // a tie). The sentence's cues are found once, then looked up by position.
  Tense tense_near(uint32_t at) const {
    if (!cues_found_) {
      cues_found_ = true;
      for (uint32_t k = s_.first_token; k < s_.last_token; ++k) {
        if (const Tense t = tense_of(k); t != Tense::kNone) cues_.push_back({k, t});
        if (is(k, "to") && infinitive_at(k + 1)) infinitives_.push_back(k);
        if (const uint32_t n = quote_mark_at(k); n > 0) {
          quotes_.push_back(k);
          k += n - 1;
        }
      }
      if (!quotes_.empty())
        for (const Cue& c : cues_) side_cues_[quoted(c.token) ? 1 : 0].push_back(c);
    }
    // The preposition before the expression can settle it: "since June" looks
    // back; a deadline ("by June", "until Friday", "holders of record Dec. 21")
    // is not in the past even in a past-tense sentence.
    uint32_t p = at;
    while (p > s_.first_token && (is(p - 1, "early") || is(p - 1, "late") || is(p - 1, "mid") ||
                                  is(p - 1, "the") || is(p - 1, "-")))
      --p;
    const std::string_view preposition = p > s_.first_token ? lw(p - 1) : std::string_view();
    if (contains(kPastPrepositions, preposition)) return Tense::kPast;
    // "as soon as Tuesday", "as early as next month": a date still to come.
    if ((preposition == "as") && p > s_.first_token + 2 && is(p - 3, "as") &&
        (is(p - 2, "soon") || is(p - 2, "early")))
      return Tense::kFuture;
    const Tense t = cue_near(at);
    if (t == Tense::kPast && contains(kDeadlinePrepositions, preposition)) return Tense::kNone;
    // "agreed to buy the unit in February": the infinitive's event may come after
    // the past verb, so the past tense does not place the date.
    if (t == Tense::kPast && past_cue_before_infinitive(at)) return Tense::kNone;
    return t;
  }

  // Is the verb after "to" a plain verb? Not "to the", "to 5%", "to Paris", "to
  // work" cannot be told apart here and counts.
  bool infinitive_at(uint32_t k) const {
    if (!ok(k) || doc_.tokens[k].kind != TokenKind::kWord || upper(k)) return false;
    const std::string_view w = lw(k);
    return !contains(kDeterminers, w) && month(k) == 0 && w != "be" && !w.ends_with("ing") &&
           !w.ends_with("s") && count_word(w) < 0;
  }

  // Is the cue nearest to `at` a past verb before it, with an infinitive between them?
  bool past_cue_before_infinitive(uint32_t at) const {
    auto after = std::lower_bound(cues_.begin(), cues_.end(), at,
                                  [](const Cue& c, uint32_t pos) { return c.token < pos; });
    if (after == cues_.begin()) return false;
    const uint32_t cue = (after - 1)->token;
    if (after != cues_.end() && after->token - at < at - cue) return false;
    auto inf = std::lower_bound(infinitives_.begin(), infinitives_.end(), cue);
    return inf != infinitives_.end() && *inf < at;
  }

  // The number of tokens of a quotation mark at k ("``" may be two "`"), or 0.
  uint32_t quote_mark_at(uint32_t k) const {
    if (doc_.tokens[k].kind != TokenKind::kPunct) return 0;
    const std::string_view w = doc_.word(k);
    if (contains(kQuoteMarks, w)) return 1;
    if ((w == "'" || w == "`") && ok(k + 1) && doc_.word(k + 1) == w &&
        doc_.tokens[k + 1].start == doc_.tokens[k].end)
      return 2;
    return 0;
  }

  // Is token k inside a quotation (after an odd number of quotation marks)?
  bool quoted(uint32_t k) const {
    return (std::lower_bound(quotes_.begin(), quotes_.end(), k) - quotes_.begin()) % 2 == 1;
  }

  // The tense of the sentence's cue nearest to `at`. A quotation has its own
  // tense: "''He will leave at 4 a.m. Thursday,'' Castro said" looks ahead; the
  // cues outside it count only when it has none, and the other way round.
  Tense cue_near(uint32_t at) const {
    if (!quotes_.empty()) {
      const auto& side = side_cues_[quoted(at) ? 1 : 0];
      if (!side.empty()) return nearest_cue(side, at);
    }
    return nearest_cue(cues_, at);
  }

  // The tense of the cue of `cues` (by position) nearest to `at`, the earlier on a tie.
  static Tense nearest_cue(const std::vector<Cue>& cues, uint32_t at) {
    if (cues.empty()) return Tense::kNone;
    auto after = std::lower_bound(cues.begin(), cues.end(), at,
                                  [](const Cue& c, uint32_t pos) { return c.token < pos; });
    if (after == cues.end()) return cues.back().tense;
    if (after == cues.begin()) return after->tense;
    const auto before = after - 1;
    return at - before->token <= after->token - at ? before->tense : after->tense;
  }

  // Is the weekday at `at`, or the clock time before it, the end of a wait after a
  // verb: "postponed until Tuesday morning", "gave them until 9 a.m. Tuesday"?
  // Those lie ahead; "Until Thursday, they had not..." and "not until Tuesday" look
  // back.
  bool until_ahead(uint32_t at) const {
    uint32_t p = at;
    while (p > s_.first_token &&
           (is_num(p - 1) || is(p - 1, ":") || is(p - 1, ".") || contains(kClockWords, lw(p - 1))))
      --p;
    if (p < s_.first_token + 2 || !contains(kUntilWords, lw(p - 1))) return false;
    return !contains(kBeforeUntilLookingBack, lw(p - 2));
  }

  // A day of the reference week's neighbourhood for weekday wd.
  // With `anaphoric`, "the previous Friday" and "the following Monday" count from
  // the day the story last named, not from the reference date.
  TimeValue resolve_weekday(int wd, uint32_t at, int shift_weeks, bool anaphoric = false) const {
    if (!ref_) return any_weekday(wd);
    const CalendarDate base = anaphoric ? story_day() : *ref_;
    const int ref_wd = weekday_of(base);
    int delta = wd - ref_wd;  // in [-6, 6]
    if (shift_weeks != 0) {
      // "last Tuesday", "next Friday": the one in the week before or after.
      if (shift_weeks < 0)
        delta = delta < 0 ? delta : delta - 7;
      else
        delta = delta > 0 ? delta : delta + 7;
    } else if (delta != 0) {
      const Tense t = until_ahead(at) ? Tense::kFuture : tense_near(at);
      if (t == Tense::kFuture)
        delta = delta > 0 ? delta : delta + 7;
      else
        delta = delta < 0 ? delta : delta - 7;
    }
    return day_value(add_days(base, delta));
  }

  // Year for a month (and day) written without one.
  int infer_year(int m, int d, uint32_t at) const {
    const CalendarDate r = *ref_;
    const int dd = d > 0 ? d : 15;
    const int64_t diff = days_from_civil(r.year, m, dd) - to_days(r);
    const Tense t = tense_near(at);
    const bool same_month = m == r.month;
    if (t == Tense::kPast && diff > kTenseSlackDays && !same_month) return r.year - 1;
    if (t == Tense::kFuture && diff < -kTenseSlackDays && !same_month) return r.year + 1;
    if (t == Tense::kNone) {
      if (diff > kNearestWindowDays) return r.year - 1;
      if (diff < -kNearestWindowDays) return r.year + 1;
    }
    return r.year;
  }

  void emit(const Found& f) {
    lede::TimeExpression t;
    t.start = doc_.tokens[f.b].start;
    t.end = doc_.tokens[f.e - 1].end -
            static_cast<uint32_t>(possessive_length(doc_.lower_word(f.e - 1)));
    t.text.assign(doc_.text.substr(t.start, t.end - t.start));
    t.type = std::string(to_timeml(f.type));
    t.value = to_timeml(f.value);
    t.modifier = std::string(to_timeml(f.mod));
    if (f.type == TimexType::kDate && f.anchor) remember(f.value, fiscal(f));
    if (f.type == TimexType::kDate) note_in_sentence(f.value);
    if (months_to_date(f)) story_.months_to_date = std::stoi(f.value.amount);
    if (f.value.grain == Grain::kQuarter && is(f.b + (is(f.b, "the") ? 1 : 0), "latest"))
      story_.latest_quarter_sentence = story_.sentences;
    out_.push_back(std::move(t));
    found_.push_back(f);
  }

  // Does f name the run of months from the year's start that results cover: "the
  // nine months", "the first six months" (not "the past six months")?
  bool months_to_date(const Found& f) const {
    if (f.type != TimexType::kDuration || f.value.unit != 'M' || f.value.time_unit ||
        (f.value.amount != "6" && f.value.amount != "9"))
      return false;
    return is(f.b, "the") && (is(f.b + 1, "first") || is(f.b + 1, "latest") || is(f.b + 1, "six") ||
                              is(f.b + 1, "nine"));
  }

  // Dates led by a month name: "June 13, 2023", "June 13", "June 2023", "June".
  bool month_date(uint32_t i, Found& f, int* day_out = nullptr) const {
    const int m = month(i);
    if (m == 0) return false;
    uint32_t j = i + 1;
    int d = -1, y = -1;
    if ((d = day_number(j)) > 0 && year(j) < 0) {
      ++j;
      uint32_t k = j;
      if (is(k, ",")) ++k;
      if ((y = year(k)) > 0) j = k + 1;
    } else if ((y = year(j)) > 0) {
      ++j;
    } else if (is(j, "of") && (y = year(j + 1)) > 0) {
      j += 2;
    }
    // "October of next year", "June this year", "March last year": one
    // expression, the year phrase setting the year.
    if (y < 0 && ref_ && is(j + (is(j, "of") ? 1 : 0) + 1, "year")) {
      const uint32_t k = j + (is(j, "of") ? 1 : 0);
      const int shift = is(k, "next") ? 1 : is(k, "last") ? -1 : is(k, "this") ? 0 : 2;
      if (shift != 2) {
        y = ref_->year + shift;
        j = k + 2;
      }
    }
    // "January nineteen ninety-seven"
    if (y < 0) {
      if (const int spelled = spelled_year(j); spelled > 0) {
        y = spelled;
        j += 2;
      }
    }
    f.b = i;
    f.e = j;
    if (y < 0 && !ref_) {
      f.value = d > 0 ? open_date(m, d) : open_date(m, 0);
    } else {
      if (y < 0) y = infer_year(m, d, i);
      f.value = d > 0 ? day_value({y, m, d}) : month_value(y, m);
    }
    if (day_out) *day_out = d;
    return true;
  }

  // "13 June 2023", "11 December"
  bool day_month_date(uint32_t i, Found& f) const {
    const int d = day_number(i);
    if (d < 0) return false;
    uint32_t j = i + 1;
    if (is(j, "of")) ++j;
    const int m = month(j);
    if (m == 0) return false;
    ++j;
    int y = year(j);
    if (y > 0)
      ++j;
    else if (is(j, ",") && (y = year(j + 1)) > 0)
      j += 2;
    f.b = i;
    f.e = j;
    if (y < 0) {
      if (!ref_) {
        f.value = open_date(m, d);
        return true;
      }
      y = infer_year(m, d, i);
    }
    f.value = day_value({y, m, d});
    return true;
  }

  // Fiscal years: "FY2008", "FY08", "the financial year" as TIMEX3 "FY2008" (the
  // NewsReader reading); "fiscal 2008", "the current fiscal year" as the year they
  // are labelled with, "2008", as TimeBank annotates them.
  bool fiscal_year(uint32_t i, Found& f) const {
    std::string_view w = lw(i);
    if (w.size() >= 4 && w.starts_with("fy") && upper(i)) {
      const std::string_view d = w.substr(2);
      if (d.find_first_not_of("0123456789") != std::string_view::npos) return false;
      int y = std::atoi(std::string(d).c_str());
      if (d.size() == 2) y += y < 50 ? 2000 : 1900;
      if ((d.size() != 2 && d.size() != 4) || y < kMinYear || y > kMaxYear) return false;
      f = {i, i + 1, TimexType::kDate, fiscal_value(y)};
      return true;
    }
    uint32_t j = i;
    int shift = 0;
    bool relative = false;
    if (w == "the" || w == "this" || w == "current" || w == "last" || w == "next" ||
        w == "previous") {
      shift = w == "last" || w == "previous" ? -1 : (w == "next" ? 1 : 0);
      relative = true;
      ++j;
      if (w == "the" && (is(j, "previous") || is(j, "current") || is(j, "next"))) {
        shift = is(j, "previous") ? -1 : (is(j, "next") ? 1 : 0);
        ++j;
      }
    }
    if (!is(j, "fiscal") && !is(j, "financial")) return false;
    // "the financial year" is NewsReader's "FY2008", "the fiscal year" the plain year.
    const auto labelled = [fy = is(j, "financial")](int y) {
      return fy ? fiscal_value(y) : year_value(y);
    };
    ++j;
    const bool year_word = is(j, "year");
    if (year_word) ++j;
    if (const int y = year(j); y > 0) {
      f = {relative ? i + (w == "the" ? 0 : 1) : i, j + 1, TimexType::kDate, labelled(y)};
      if (relative && w != "the") f.b = i + 1;
      return true;
    }
    // "the fiscal year ended Jan. 31": a company's year, a length.
    if (w == "the" && j == i + 3 && year_word && (is(j, "ended") || is(j, "ending"))) {
      f = {i, j, TimexType::kDuration, TimeValue::duration("1", 'Y', false)};
      return true;
    }
    if (!relative || !year_word || !ref_ || is(j, "of") || is(j, "ended") || is(j, "ending"))
      return false;
    f = {i, j, TimexType::kDate, labelled(ref_->year + shift)};
    return true;
  }

  // Years, decades and seasons: "2014", "the 1990s", "summer 2009", "fiscal 2008".
  bool year_date(uint32_t i, Found& f) const {
    if (fiscal_year(i, f)) return true;
    if (const int y = spelled_year(i); y > 0) {
      f = {i, i + 2, TimexType::kDate, year_value(y)};
      return true;
    }
    if (is(i, "the") && is(i + 1, "year") && is(i + 2, "two") && is(i + 3, "thousand")) {
      f = {i, i + 4, TimexType::kDate, year_value(2000)};
      return true;
    }
    const int y = year(i);
    if (y > 0) {
      if (i > s_.first_token) {
        std::string_view prev = doc_.word(i - 1);
        if (prev == "$" || prev == "\u20ac" || prev == "\u00a3" || prev == "#") return false;
      }
      if (is(i + 1, "%") || is(i + 1, "percent")) return false;
      f.b = i;
      f.e = i + 1;
      f.value = year_value(y);
      return true;
    }
    std::string_view w = lw(i);
    // "the 20th century" -> "19"
    if (is(i + 1, "century") && day_number(i) > 0 && !is_num(i)) {
      f = {is(i - 1, "the") ? i - 1 : i, i + 2, TimexType::kDate,
           TimeValue::century(day_number(i) - 1)};
      return true;
    }
    // "by year end": the end of the reference year; "by year-end", one word, its
    // last day, and "since year-end" the last day of the year before.
    if (ref_ && w == "year-end") {
      const int y = i > s_.first_token && contains(kPastPrepositions, lw(i - 1)) ? ref_->year - 1
                                                                                 : ref_->year;
      f = {i, i + 1, TimexType::kDate, day_value({y, 12, 31})};
      return true;
    }
    if (ref_ && w == "year" && is(i + 1, "end") && !is(i - 1, "the") && !is(i - 1, "this") &&
        !is(i - 1, "last")) {
      f = {i, i + 2, TimexType::kDate, year_value(ref_->year), Mod::kEnd};
      return true;
    }
    // "the nineties": decades of the last century, spelled.
    if (w == "the") {
      for (const auto& d : kSpelledDecades) {
        if (is(i + 1, d.word)) {
          f = {i, i + 2, TimexType::kDate, decade_value(1900 + d.decade)};
          return true;
        }
      }
    }
    if (w.size() == 3 && w.back() == 's' && w[1] == '0' && w[0] >= '1' && w[0] <= '9' &&
        (i == s_.first_token || !is_num(i - 1))) {
      // "the 70s": decades of the last century
      f.b = is(i - 1, "the") ? i - 1 : i;
      f.e = i + 1;
      f.value = decade_value(1900 + 10 * (w[0] - '0'));
      return true;
    }
    if (w.size() == 5 && w.back() == 's' && w[3] == '0' &&
        w.find_first_not_of("0123456789", 0) == 4) {
      f.b = is(i - 1, "the") ? i - 1 : i;
      f.e = i + 1;
      f.value = decade_value(std::atoi(std::string(w.substr(0, 4)).c_str()));
      return true;
    }
    return false;
  }

  // "Tuesday", "Tuesday, June 13, 2023", "Monday evening"
  bool weekday_date(uint32_t i, Found& f, int shift_weeks = 0, bool anaphoric = false) const {
    const int wd = weekday(i);
    if (wd < 0 || !upper(i)) return false;
    uint32_t j = i + 1;
    if (is(j, ",")) ++j;
    Found inner;
    if (month_date(j, inner) || day_month_date(j, inner)) {
      f = inner;
      f.b = i;
      return true;
    }
    f.b = i;
    f.e = i + 1;
    f.value = resolve_weekday(wd, i, shift_weeks, anaphoric);
    for (const auto& p : kPartsOfDay) {
      if (is(i + 1, p.word)) {
        f.e = i + 2;
        f.type = TimexType::kTime;
        f.value = at_part(f.value, p.code);
        f.own_day = true;
      }
      // "Tuesday nights", and "Monday" of "Monday and Tuesday nights": every one.
      const uint32_t plural = is(i + 1, "and") && weekday(i + 2) >= 0 ? i + 3 : i + 1;
      if (ok(plural) && lw(plural).size() == p.word.size() + 1 && lw(plural).starts_with(p.word) &&
          lw(plural).back() == 's') {
        f.e = plural == i + 1 ? i + 2 : i + 1;
        f.type = TimexType::kSet;
        f.value = at_part(any_weekday(wd), p.code);
      }
    }
    return true;
  }

  // "this week", "last month", "next year", "earlier this year", "last Tuesday", "this summer".
  bool relative_date(uint32_t i, Found& f) const {
    std::string_view w = lw(i);
    int shift = 0;
    uint32_t j = i;
    if (w == "earlier" || w == "later") {
      if (!is(i + 1, "this")) return false;
      j = i + 1;
    } else if (w == "this" && (is(i + 1, "past") || is(i + 1, "coming"))) {
      shift = is(i + 1, "past") ? -1 : 1;  // "this past spring", "this coming Sunday"
      j = i + 1;
    } else if (w == "this" || w == "current") {
      shift = 0;
    } else if (w == "last" || w == "past" || w == "previous") {
      shift = -1;
    } else if (w == "next" || w == "coming" || (w == "following" && is(i - 1, "the"))) {
      shift = 1;
    } else {
      return false;
    }
    const uint32_t k = j + 1;
    const uint32_t begin = i > s_.first_token && is(i - 1, "the") ? i - 1 : i;
    f.b = begin;
    f.e = k + 1;
    if (weekday(k) >= 0 && upper(k)) {
      const bool anaphoric = w == "following" || (w == "previous" && begin < i);
      return weekday_date(k, f, shift, anaphoric) && ((f.b = begin), true);
    }
    std::string_view u = lw(k);
    if (!ref_) {
      // Without a reference date the expression is kept, its value unknown.
      if (u != "week" && u != "month" && u != "year" && u != "quarter" && u != "weekend")
        return false;
      f.value = open_date();
      return true;
    }
    CalendarDate r = *ref_;
    // "the following month", "the following year": after the one the story named.
    if (w == "following") {
      if (u == "month" && story_.month_year > 0) r = {story_.month_year, story_.month, 1};
      if (u == "year" && story_.year_n > 0) r = {story_.year_n, 1, 1};
    }
    if (u == "week") {
      f.value = week_value(add_days(r, 7 * shift));
    } else if (u == "weekend") {
      f.value = weekend_of(week_value(add_days(r, 7 * shift)));
    } else if (u == "month") {
      int y = r.year, m = r.month;
      add_months(y, m, shift);
      f.value = month_value(y, m);
    } else if (u == "year") {
      f.value = year_value(r.year + shift);
      // Beside "the latest quarter", "last year" is that quarter a year back: "In the
      // latest quarter, it earned $6 million, compared with $3 million last year."
      if (w == "last" && begin == i && compares_latest_quarter()) {
        const auto [y, q] = reported_quarter();
        f.value = quarter_value(y - 1, q);
        f.anchor = false;
      }
    } else if (u == "decade" && shift == 0) {
      f.value = decade_value(r.year);  // "this decade": TIMEX3 "201"
    } else if (u == "quarter") {
      int q = (r.month - 1) / 3 + shift, y = r.year;
      if (q < 0) q += 4, --y;
      if (q > 3) q -= 4, ++y;
      f.value = quarter_value(y, q + 1);
    } else if (int m = month(k); m > 0) {
      int y = r.year;
      // "last Oct. 23", "next March 3": the day, the last or the next one of that date.
      if (const int d = shift != 0 ? day_number(k + 1) : -1; d > 0 && year(k + 1) < 0) {
        const int64_t away = days_from_civil(y, m, d) - to_days(r);
        if (shift < 0 && away >= 0) --y;
        if (shift > 0 && away <= 0) ++y;
        f.e = k + 2;
        f.value = day_value({y, m, d});
        return true;
      }
      if (shift < 0 && m >= r.month) --y;
      if (shift > 0 && m <= r.month) ++y;
      f.value = month_value(y, m);
    } else {
      for (const auto& s : kSeasons) {
        if (u == s.word) {
          int y = r.year + shift;
          // "this past spring": the last one over, this year's once it has ended.
          if (w == "this" && shift < 0 && s.first_month + 2 < r.month) y = r.year;
          f.value = TimeValue::season_of(y, s.code);
          return true;
        }
      }
      return false;
    }
    return true;
  }

  // "the first quarter", "the third quarter of 2008", "the final quarter of 2009",
  // "its fiscal third quarter", "third-quarter", "Q3", "Q3 2009".
  bool quarter_date(uint32_t i, Found& f) const {
    uint32_t j = i;
    if (is(j, "the") || is(j, "its") || is(j, "their")) ++j;
    const uint32_t after_determiner = j;
    if (is(j, "fiscal") || is(j, "financial")) ++j;
    int q = -1;
    uint32_t after = j + 2;
    bool adjective = false;  // "the third-quarter results": the determiner is the noun's
    for (int k = 0; k < 4; ++k) {
      if ((is(j, kQuarterOrdinals[k]) || is(j, kQuarterShort[k])) && is(j + 1, "quarter"))
        q = k + 1;
      // "third-quarter" profits
      const std::string_view w = lw(j);
      if (w.starts_with(kQuarterOrdinals[k]) &&
          w.substr(kQuarterOrdinals[k].size()) == "-quarter") {
        q = k + 1;
        after = j + 1;
        adjective = true;
      }
      // "the fiscal-first quarter"
      if (w.starts_with("fiscal-") && w.substr(7) == kQuarterOrdinals[k] && is(j + 1, "quarter"))
        q = k + 1;
    }
    // "the final quarter", "the last quarter of 2009" (plain "the last quarter" is the previous
    // one).
    if ((is(j, "final") || (is(j, "last") && is(j + 2, "of"))) && is(j + 1, "quarter")) q = 4;
    // "Q3", "Q3 2009"
    if (q < 0 && upper(j) && doc_.word(j).size() == 2 && (doc_.word(j)[0] == 'Q') &&
        doc_.word(j)[1] >= '1' && doc_.word(j)[1] <= '4') {
      q = doc_.word(j)[1] - '0';
      after = j + 1;
    }
    if (q < 0) return false;
    j = after;
    int y = -1;
    if (is(j, "of") && (y = year(j + 1)) > 0) {
      j += 2;
    } else if ((y = year(j)) > 0) {
      ++j;
    } else if (ref_ && is(j, "of") &&
               (is(j + 1, "last") || is(j + 1, "this") || is(j + 1, "next")) && is(j + 2, "year")) {
      y = ref_->year + (is(j + 1, "last") ? -1 : (is(j + 1, "next") ? 1 : 0));
      j += 3;
    }
    if (y < 0) {
      if (!ref_) return false;
      y = quarter_year(q, i);
    }
    f.b = adjective || is(i, "its") || is(i, "their") ? after_determiner : i;
    f.e = j;
    f.value = quarter_value(y, q);
    return true;
  }

  // The year of a quarter named without one: past tense looks back unless the
  // quarter starts within the slack; future tense looks ahead; reports without
  // tense stay in the reference year.
  int quarter_year(int q, uint32_t at) const {
    const CalendarDate r = *ref_;
    const int64_t diff = days_from_civil(r.year, (q - 1) * 3 + 1, 1) - to_days(r);
    const Tense t = tense_near(at);
    if (t == Tense::kPast && diff > kTenseSlackDays) return r.year - 1;
    if (t == Tense::kFuture && diff < -kTenseSlackDays - 92) return r.year + 1;
    return r.year;
  }

  // "the first half of 2009", "the second half of the year"; "the previous day", "the next day".
  TimeValue half_value_by_tense(bool first, uint32_t at) const {
    const int64_t diff = days_from_civil(ref_->year, first ? 1 : 7, 1) - to_days(*ref_);
    const Tense t = tense_near(at);
    int y = ref_->year;
    if (t == Tense::kPast && diff > kTenseSlackDays) --y;
    if (t == Tense::kFuture && diff + 181 < -kTenseSlackDays) ++y;
    return TimeValue::half(y, first ? 1 : 2);
  }

  bool half_or_day(uint32_t i, Found& f) const {
    // "first-half profit", "second-half sales".
    if (ref_ && (is(i, "first-half") || is(i, "second-half"))) {
      f = {i, i + 1, TimexType::kDate, half_value_by_tense(is(i, "first-half"), i)};
      return true;
    }
    // "the first two quarters of 1990": its first half.
    if ((is(i, "first") || is(i, "last")) && is(i + 1, "two") && is(i + 2, "quarters") &&
        is(i + 3, "of")) {
      const int y = year(i + 4);
      if (y < 0) return false;
      f = {i, i + 5, TimexType::kDate, TimeValue::half(y, is(i, "first") ? 1 : 2)};
      return true;
    }
    if (!is(i, "the")) return false;
    // "the last half of 1989" is its second half.
    if ((is(i + 1, "first") || is(i + 1, "second") || is(i + 1, "last")) && is(i + 2, "half") &&
        is(i + 3, "of")) {
      int y = year(i + 4);
      uint32_t e = i + 5;
      if (y < 0 && ref_ && (is(i + 4, "this") || is(i + 4, "the")) && is(i + 5, "year")) {
        y = ref_->year;
        e = i + 6;
      } else if (y < 0 && ref_ && (is(i + 4, "last") || is(i + 4, "next")) && is(i + 5, "year")) {
        y = ref_->year + (is(i + 4, "last") ? -1 : 1);
        e = i + 6;
      }
      if (y < 0) return false;
      f = {i, e, TimexType::kDate, TimeValue::half(y, is(i + 1, "first") ? 1 : 2)};
      return true;
    }
    // "the first half", "the second half" alone: of the year the tense points to.
    if ((is(i + 1, "first") || is(i + 1, "second")) && is(i + 2, "half") && ref_ &&
        !is(i + 3, "of")) {
      f = {i, i + 3, TimexType::kDate, half_value_by_tense(is(i + 1, "first"), i)};
      return true;
    }
    if (!ref_) return false;
    int off = 0;
    uint32_t e = i + 3;
    // "the previous trading day": a weekday, Friday before a Monday.
    if ((is(i + 1, "previous") || is(i + 1, "prior") || is(i + 1, "next") ||
         is(i + 1, "following")) &&
        (is(i + 2, "trading") || is(i + 2, "business")) && is(i + 3, "day")) {
      const int step = is(i + 1, "previous") || is(i + 1, "prior") ? -1 : 1;
      CalendarDate d = add_days(*ref_, step);
      while (weekday_of(d) >= 5) d = add_days(d, step);
      f = {i, i + 4, TimexType::kDate, day_value(d)};
      return true;
    }
    // "the week of March 6": the ISO week holding that day.
    if (is(i + 1, "week") && is(i + 2, "of")) {
      Found d;
      if (date_at(i + 3, d) && d.b == i + 3 && full_day(d)) {
        f = {i, d.e, TimexType::kDate, week_value({d.value.year, d.value.month, d.value.day})};
        return true;
      }
    }
    // "the first week of October", "the last week of March": the ISO week
    // holding the month's first or last Thursday.
    if ((is(i + 1, "first") || is(i + 1, "second") || is(i + 1, "third") || is(i + 1, "last") ||
         is(i + 1, "final")) &&
        is(i + 2, "week") && is(i + 3, "of")) {
      const int n = is(i + 1, "first") ? 1 : is(i + 1, "second") ? 2 : is(i + 1, "third") ? 3 : -1;
      // "the first week of 2008", "the last week of the year": ISO weeks of a year.
      int whole_year = year(i + 4);
      uint32_t e = i + 5;
      if (whole_year < 0 && is(i + 4, "the") && is(i + 5, "year")) {
        whole_year = ref_->year;
        e = i + 6;
      }
      if (whole_year > 0) {
        // January 4 always falls in ISO week 1, December 28 in the last week.
        const CalendarDate d =
            n > 0 ? add_days({whole_year, 1, 4}, 7 * (n - 1)) : CalendarDate{whole_year, 12, 28};
        f = {i, e, TimexType::kDate, week_value(d)};
        return true;
      }
      Found m;
      // A month of a known year ("XXXX-06" has none).
      if (!month_date(i + 4, m) || m.value.grain != Grain::kMonth ||
          m.value.year == TimeValue::kUnknown)
        return false;
      const int y = m.value.year, mo = m.value.month;
      f = {i, m.e, TimexType::kDate, week_value({y, mo, nth_weekday(y, mo, 3, n)})};
      return true;
    }
    if ((is(i + 1, "previous") || is(i + 1, "prior")) && is(i + 2, "day"))
      off = -1;
    else if ((is(i + 1, "next") || is(i + 1, "following")) && is(i + 2, "day"))
      off = 1;
    else if (is(i + 1, "day") && is(i + 2, "before"))
      off = -1;
    else if (is(i + 1, "day") && is(i + 2, "after"))
      off = 1;
    else
      return false;
    f = {i, e, TimexType::kDate, day_value(add_days(*ref_, off))};
    if (is(i + 1, "day")) {
      // "the day before last Tuesday": a day from the date it names.
      Found d;
      if (date_at(e, d) && d.b == e && full_day(d)) {
        f.e = d.e;
        f.value = day_value(add_days({d.value.year, d.value.month, d.value.day}, off));
        return true;
      }
      // "Oct. 12, the day before the plunge": an apposition names the same day.
      if (i > s_.first_token && is(i - 1, ",") && !found_.empty() && found_.back().e == i - 1 &&
          full_day(found_.back()))
        f.value = found_.back().value;
    }
    return true;
  }

  // A date of a known day without a time of day: "Oct. 12, 1989", "last Tuesday".
  static bool full_day(const Found& d) {
    const TimeValue& v = d.value;
    return d.type == TimexType::kDate && v.grain == Grain::kDay && !v.has_time() &&
           v.year != TimeValue::kUnknown && v.month != TimeValue::kUnknown &&
           v.day != TimeValue::kUnknown;
  }

  // The day the story last named ("said on Tuesday ... in morning trading"), else
  // the reference date: anaphoric expressions point back to it.
  CalendarDate story_day() const { return story_.recent_day.value_or(*ref_); }

  // The value of the last date the story named, at the grain of `unit` ("day",
  // "week", "month", "year"; "time": as named), if one was named.
  std::optional<TimeValue> last_date(std::string_view unit) const {
    if (unit == "time") return story_.any;
    if (unit == "year") return story_.year;
    if (unit == "month") return story_.month_period;
    if (unit == "day") return story_.day;
    if (unit == "week") return story_.week;
    return std::nullopt;
  }

  // Does this sentence speak of a quarter ("third-quarter profit", "the quarter")?
  bool sentence_names_quarter() const {
    if (names_quarter_ < 0) {
      names_quarter_ = 0;
      for (uint32_t k = s_.first_token; k < s_.last_token; ++k)
        if (doc_.tokens[k].kind == TokenKind::kWord &&
            doc_.lower_word(k).find("quarter") != std::string_view::npos)
          names_quarter_ = 1;
    }
    return names_quarter_ == 1;
  }

  // Are the results the sentence speaks of a quarter's? So when it, or the story,
  // names a quarter and has not moved on to a run of months since ("In the nine
  // months, net rose ... from a year earlier" compares with the year before).
  bool reports_quarter() const {
    return story_.months_to_date == 0 && (sentence_names_quarter() || story_.quarter > 0);
  }

  // Did this sentence or the one before name "the latest quarter" (or period), with
  // no run of months named since?
  bool compares_latest_quarter() const {
    return story_.latest_quarter_sentence > 0 && story_.months_to_date == 0 &&
           story_.sentences - story_.latest_quarter_sentence <= 1;
  }

  // The quarter the story reports on: the last one it named, else the last whole
  // quarter before the reference date (results come out after a quarter closes).
  std::pair<int, int> reported_quarter() const {
    if (story_.quarter > 0 && story_.quarter_year * 4 + story_.quarter <= last_whole_quarter() + 1)
      return {story_.quarter_year, story_.quarter};
    const int last = last_whole_quarter() - 1;
    return {last / 4, last % 4 + 1};
  }

  // The last whole quarter before the reference date, as year * 4 + quarter.
  int last_whole_quarter() const { return ref_->year * 4 + (ref_->month - 1) / 3; }

  // Is the expression a company's fiscal period ("fiscal second-quarter", "its
  // fiscal-first quarter")?
  bool fiscal(const Found& f) const {
    for (uint32_t k = f.b; k < f.e; ++k)
      if (lw(k).starts_with("fiscal")) return true;
    return false;
  }

  // Keeps the sentence's last year and last dated period as expressions are found.
  void note_in_sentence(const TimeValue& v) {
    if (!dated(v)) return;
    if (v.year >= kMinYear && v.year <= kMaxYear) sentence_year_ = v.year;
    if (v.grain != Grain::kYear && v.grain != Grain::kWeek) sentence_period_ = v;
  }

  // Remembers a date the story names, at every grain it gives; `fiscal` when it
  // is a company's own ("its fiscal second quarter").
  void remember(const TimeValue& v, bool fiscal) {
    if (!dated(v)) return;
    story_.any = v;
    story_.year = year_value(v.year);
    story_.year_n = v.year;
    if (v.grain == Grain::kQuarter) {
      // An earlier quarter recalled beside the reported one ("After a flat second
      // quarter, ...") does not replace it; a company's fiscal quarter does.
      const int reported = story_.quarter_year * 4 + story_.quarter;
      const bool recalled = story_.quarter > 0 && reported <= last_whole_quarter() &&
                            v.year * 4 + v.part < reported && !fiscal;
      // The quarter under way is the reported one only when it leads the story (a
      // company's fourth quarter ended Sept. 30); after another it is an outlook.
      const bool outlook = story_.quarter > 0 && v.year * 4 + v.part > last_whole_quarter();
      if (!recalled && !outlook) {
        story_.quarter_year = v.year;
        story_.quarter = v.part;
      }
      story_.months_to_date = 0;
    }
    if ((v.grain == Grain::kMonth || v.grain == Grain::kDay) && v.month >= 0) {
      story_.month_period = month_value(v.year, v.month);
      story_.month_year = v.year;
      story_.month = v.month;
    }
    if (v.grain == Grain::kWeek) {
      TimeValue week = v;
      week.weekend = false;
      week.weekday = 0;
      story_.week = week;
    }
    if (v.grain == Grain::kDay && !v.has_time()) {
      const CalendarDate d{v.year, v.month, v.day};
      if (d.month <= 0 || d.day <= 0) return;
      story_.day = v;
      story_.week = week_value(d);
      // A date far from the reference is history the story recalls ("since
      // September 11, 2001"), not the day it reports on.
      const int64_t away = ref_ ? to_days(d) - to_days(*ref_) : kStoryDayWindow + 1;
      if (away >= -kStoryDayWindow && away <= kStoryDayWindow) story_.recent_day = d;
    }
  }

  // The year of the last dated expression of this sentence ("the fourth quarter of
  // 2005 ... for the entire year"), or 0.
  int sentence_year() const { return sentence_year_; }

  // "over the weekend": the weekend before the reference date in the past tense,
  // the one after it otherwise (the reference week's own when the date is one).
  TimeValue weekend_value(uint32_t at) const {
    const int wd = weekday_of(*ref_);
    CalendarDate d = *ref_;
    if (wd < 5 && tense_near(at) == Tense::kPast) d = add_days(*ref_, -7);
    return weekend_of(week_value(d));
  }

  // "in morning trading", "early afternoon": a part of the story's day; "for the day",
  // "the week": the reference day and week.
  bool part_of_reference_day(uint32_t i, Found& f) const {
    if (!ref_) return false;
    std::string_view w = lw(i);
    for (const auto& p : kPartsOfDay) {
      if (w != p.word || p.word == "overnight") continue;
      const std::string_view prev = i > s_.first_token ? lw(i - 1) : std::string_view();
      const bool anchored = prev == "in" || prev == "early" || prev == "late" || prev == "this" ||
                            prev == "the" || is(i + 1, "trading") || is(i + 1, "session");
      if (!anchored || weekday(i - 1) >= 0) return false;
      f = {i, i + 1, TimexType::kTime, at_part(day_value(story_day()), p.code)};
      return true;
    }
    if (w == "the" && i > s_.first_token &&
        (is(i - 1, "for") || is(i - 1, "on") || is(i - 1, "during") || is(i - 1, "in") ||
         is(i - 1, "of") || is(i - 1, "throughout") || is(i - 1, "over"))) {
      uint32_t k = i + 1;
      if (is(k, "entire") || is(k, "whole") || is(k, "full") || is(k, "same")) ++k;
      const std::string_view u = lw(k);
      // Not "the day of the vote", "the week before"; but "a high for the year of $42".
      if ((is(k + 1, "of") && !is(k + 2, "$")) || is(k + 1, "before") || is(k + 1, "after") ||
          is(k + 1, "ahead"))
        return false;
      const CalendarDate day = story_day();
      // "for the year ended Sept. 30": a company's year, a length.
      if (u == "year" && (is(k + 1, "ended") || is(k + 1, "ending"))) {
        f = {i, k + 1, TimexType::kDuration, TimeValue::duration("1", 'Y', false)};
        return true;
      }
      if (u == "weekend") {
        f = {i, k + 1, TimexType::kDate, weekend_value(i)};
        return true;
      }
      if (u == "year" && sentence_year() > 0) {
        f = {i, k + 1, TimexType::kDate, year_value(sentence_year())};
        return true;
      }
      if (u == "day")
        f = {i, k + 1, TimexType::kDate, day_value(day)};
      else if (u == "week")
        f = {i, k + 1, TimexType::kDate, week_value(day)};
      else if (u == "month")
        f = {i, k + 1, TimexType::kDate, month_value(day.year, day.month)};
      else if (u == "year")
        f = {i, k + 1, TimexType::kDate, year_value(day.year)};
      else
        return false;
      return true;
    }
    return false;
  }

  // "between 60 and 90 days": the first number takes the unit of the second.
  // Counts spelled as words make one expression with the value of the first:
  // "two to three weeks" is P2W (TimeBank).
  bool range_start(uint32_t i, Found& f) const {
    if (!(is(i + 1, "and") || is(i + 1, "to") || is(i + 1, "or") || is(i + 1, "-")) || !ok(i + 3))
      return false;
    const Unit* u = unit(lw(i + 3));
    if (!u || lw(i + 3).back() != 's') return false;
    if (is_num(i) && is_num(i + 2)) {
      f = {i, i + 1, TimexType::kDuration,
           duration_value(std::to_string(int_at(i) * u->scale), *u)};
      return true;
    }
    const int first = count_word(lw(i)), second = count_word(lw(i + 2));
    if (is_num(i) || is(i + 1, "and") || first <= 1 || second <= first) return false;
    f = {i, i + 4, TimexType::kDuration, duration_value(std::to_string(first * u->scale), *u)};
    return true;
  }

  // "for years", "over the years", "in spring", "the long term".
  bool vague(uint32_t i, Found& f) const {
    std::string_view w = lw(i);
    const bool lead =
        i > s_.first_token && (is(i - 1, "for") || is(i - 1, "over") || is(i - 1, "in") ||
                               is(i - 1, "through") || is(i - 1, "the"));
    if (lead && !is(i - 1, "the") &&
        (w == "years" || w == "months" || w == "weeks" || w == "decades" ||
         (w == "the" && (is(i + 1, "years") || is(i + 1, "decades"))))) {
      const uint32_t k = w == "the" ? i + 1 : i;
      const Unit* u = unit(lw(k));
      f = {i, k + 1, TimexType::kDuration, duration_value("X", *u)};
      return true;
    }
    if (lead || is(i - 1, "this") || is(i - 1, "next") || is(i - 1, "last")) {
      for (const auto& season : kSeasons) {
        if (w == season.word && ref_ && !is(i - 1, "this") && !is(i - 1, "next") &&
            !is(i - 1, "last")) {
          // "the fall in prices", "the fall was": "fall" and "spring" after "the" are
          // seasons only after a preposition ("in the fall") or before a year.
          if ((w == "fall" || w == "spring") && is(i - 1, "the") && year(i + 1) < 0 &&
              !(is(i + 1, "of") && year(i + 2) > 0) &&
              !(is(i - 2, "in") || is(i - 2, "during") || is(i - 2, "by") || is(i - 2, "until") ||
                is(i - 2, "since") || is(i - 2, "through")))
            return false;
          f = {i, i + 1, TimexType::kDate, TimeValue::season_of(ref_->year, season.code)};
          if (const int y = year(i + 1); y > 0) {
            f.e = i + 2;
            f.value = TimeValue::season_of(y, season.code);
          } else if (const int yo = is(i + 1, "of") ? year(i + 2) : -1; yo > 0) {
            f.e = i + 3;  // "the fall of 2008"
            f.value = TimeValue::season_of(yo, season.code);
          } else if (const int ys = is(i + 1, "of") ? spelled_year(i + 2) : -1; ys > 0) {
            f.e = i + 4;  // "the winter of nineteen ninety-four"
            f.value = TimeValue::season_of(ys, season.code);
          }
          return true;
        }
      }
    }
    // Not the adjectives "long-term", "short-term": TimeML leaves them untagged.
    if (w == "the" && (is(i + 1, "long") || is(i + 1, "short") || is(i + 1, "near")) &&
        is(i + 2, "term")) {
      f = {i, i + 3, TimexType::kDate, TimeValue::vague(Ref::kFuture)};
      return true;
    }
    // "the weeks ahead": a stretch of unknown length.
    if (w == "the" && is(i + 2, "ahead") && lw(i + 1).ends_with("s")) {
      if (const Unit* u = unit(lw(i + 1)); u && u->scale == 1) {
        f = {i, i + 3, TimexType::kDuration, duration_value("X", *u)};
        return true;
      }
    }
    // "future quarters": the future.
    if (w == "future" && lw(i + 1).ends_with("s") && unit(lw(i + 1))) {
      f = {i, i + 2, TimexType::kDate, TimeValue::vague(Ref::kFuture)};
      return true;
    }
    // "for a while": a length nobody measured.
    if (w == "a" && is(i + 1, "while") && !is(i + 2, ",") && i > s_.first_token &&
        (is(i - 1, "for") || is(i - 1, "in") || is(i - 1, "after"))) {
      f = {i, i + 2, TimexType::kDuration, TimeValue::duration("X", 'X', false)};
      return true;
    }
    return false;
  }

  // Durations: "two years", "41-year", "the past three years", "several months",
  // "two and a half years", "half an hour"; and the dates and references counted
  // units make: "two years ago", "recent years".
  bool duration(uint32_t i, Found& f) const {
    if (hyphenated_duration(i, f) || half_unit(i, f)) return true;
    // "Islam will one day be...": some time to come, not a length.
    if (is(i, "one") && is(i + 1, "day") && i > s_.first_token && contains(kModals, lw(i - 1))) {
      f = {i, i + 2, TimexType::kDate, TimeValue::vague(Ref::kFuture)};
      return true;
    }
    Counted c;
    if (!counted_unit(i, c)) return false;
    f.b = c.begin;
    f.e = c.unit_at + 1;
    if (ago_date(c, f) || stretch_to_now(c, f)) return true;
    f.type = TimexType::kDuration;
    std::string count = c.count;
    if (count != "X") count = std::to_string(std::stoi(count) * c.unit->scale);
    f.value = duration_value(count, *c.unit);
    // "a minute and a half"
    if (!c.half && count != "X" && is(f.e, "and") && (is(f.e + 1, "a") || is(f.e + 1, "one")) &&
        is(f.e + 2, "half")) {
      c.half = true;
      f.e += 3;
    }
    f.value.and_half = c.half && c.unit->scale == 1;
    return true;
  }

  // "five-year", "41-year", "30-day"; "week-long", "decades-long".
  bool hyphenated_duration(uint32_t i, Found& f) const {
    if (doc_.tokens[i].kind != TokenKind::kWord) return false;
    const std::string_view w = lw(i);
    const size_t dash = w.find('-');
    if (dash == std::string_view::npos || w.find('-', dash + 1) != std::string_view::npos)
      return false;
    const std::string_view head = w.substr(0, dash), tail = w.substr(dash + 1);
    if (const Unit* lu = unit(head); lu && tail == "long") {
      f = {i, i + 1, TimexType::kDuration,
           duration_value(head == lu->word ? std::to_string(lu->scale) : "X", *lu)};
      return true;
    }
    const int n = count_word(head);
    const Unit* u = unit(tail);
    if (n <= 0 || !u || tail != u->word || head == "a") return false;
    f = {i, i + 1, TimexType::kDuration, duration_value(std::to_string(n * u->scale), *u)};
    // "a three-year period": the noun of length makes it one expression.
    if (is(i - 1, "a") && is(i + 1, "period")) f = {i - 1, i + 2, f.type, f.value};
    return true;
  }

  // "half an hour" -> PT30M, "half a year" -> P6M.
  bool half_unit(uint32_t i, Found& f) const {
    if (!is(i, "half") || !(is(i + 1, "a") || is(i + 1, "an"))) return false;
    const Unit* u = unit(lw(i + 2));
    if (!u) return false;
    f = {i, i + 3, TimexType::kDuration, half_value(*u)};
    return true;
  }

  // A count of units and the words around it that belong to the expression.
  struct Counted {
    uint32_t begin = 0;           // first token of the expression ("the" of "the past three years")
    uint32_t first = 0;           // the token the scan started at
    uint32_t unit_at = 0;         // the unit's token
    std::string count;            // "3", "X" (unknown: "several")
    bool half = false;            // and a half: "two and a half", "2 1/2"
    std::string_view count_word;  // as written: "three", "several", "recent"
    bool led = false;             // led by "past", "next"... before the count
    const Unit* unit = nullptr;
  };

  // Does the quantity a rate is of end at token k? "twice", "3%", "$2 million",
  // "358,000", "four flights" (a count and its noun).
  bool rate_after(uint32_t k) const {
    if (!ok(k)) return false;
    const std::string_view w = lw(k);
    if (w == "twice" || w == "times" || w == "once" || w.ends_with("%") || is_num(k) ||
        contains(kLargeNumbers, w))
      return true;
    return k > s_.first_token && doc_.tokens[k].kind == TokenKind::kWord && w.size() > 2 &&
           w.back() == 's' && !unit(w) && (is_num(k - 1) || count_word(lw(k - 1)) > 1);
  }

  // "[the] [past|next|coming|first] COUNT [trading|straight...] UNIT" at i.
  bool counted_unit(uint32_t i, Counted& c) const {
    std::string_view w = lw(i);
    uint32_t j = i;
    uint32_t lead = i;  // "the past three years" starts before the count
    const bool vague_next = is(i + 1, "few") || is(i + 1, "several") || is(i + 1, "many");
    const uint32_t unit_after = is(i + 1, "couple") && is(i + 2, "of") ? i + 3 : i + 2;
    if ((w == "past" || w == "last" || w == "next" || w == "coming" || w == "first") &&
        (count_word(lw(i + 1)) > 0 || vague_next) && unit(lw(unit_after))) {
      j = i + 1;
      w = lw(j);
      lead = is(i - 1, "the") ? i - 1 : i;
      c.led = true;
    }
    std::string count;
    if (contains(kVagueCounts, w) && (lead == i || vague_next)) {
      // "the past few days", "the next several weeks": how many is left open.
      count = "X";
      ++j;
      // "the past decade", "the coming year": one of them.
      if ((w == "past" || w == "coming") && unit(lw(j)) && lw(j).back() != 's') count = "1";
    } else if (const int n = count_word(w); n > 0) {
      ++j;
      count = std::to_string(n);
      if (is(j, "and") && is(j + 1, "a") && is(j + 2, "half")) {
        c.half = true;
        j += 3;
      } else if (is_num(i) && ok(j + 2) && doc_.word(j) == "1" && is(j + 1, "/") &&
                 doc_.word(j + 2) == "2") {
        c.half = true;  // "2 1/2 years"
        j += 3;
      }
      // "a year" after a count is a rate: "twice a year" is a set, "$2 million a
      // year" and "four flights a week" no time expression (TimeML leaves them).
      if ((w == "a" || w == "an") && j - 1 > s_.first_token && !is(j + 1, "ago") &&
          !is(j + 1, "earlier") && !is(j + 1, "later") && rate_after(j - 2))
        return false;
      if (is(j, "of") && w == "couple") ++j;
    } else {
      return false;
    }
    // "five trading days", "three straight weeks", "two more years".
    if (!unit(lw(j)) && count != "X" && contains(kUnitAdjectives, lw(j)) && unit(lw(j + 1))) ++j;
    const Unit* u = unit(lw(j));
    if (!u || doc_.tokens[j].kind != TokenKind::kWord) return false;
    if (is(j + 1, "old")) return false;  // an age, "52 years old", is no time expression
    if (u->word == "second" && (w == "a" || w == "an" || w == "one"))
      return false;  // "a second plane"
    // "a quarter of its dealers", "three quarters of the vote" are shares; "several
    // quarters of losses" is time.
    if (u->word == "quarter" && is(j + 1, "of") && count != "X") return false;
    if (count != "X" && count != "1" && u->word != lw(j) && lw(j).back() != 's') return false;
    c.first = i;
    c.unit_at = j;
    c.count = count;
    c.count_word = w;
    c.unit = u;
    c.begin = lead;
    if (lead == i && (w == "past" || w == "last" || w == "coming" || w == "next") &&
        is(i - 1, "the"))
      c.begin = i - 1;
    else if (lead == i && is(i - 1, "the") && count != "X")
      c.begin = i - 1;  // "the nine months"
    else if (lead == i && is(i - 1, "a") && (w == "few" || w == "couple"))
      c.begin = i - 1;  // "a few days"
    return true;
  }

  // "two years ago", "a year earlier": TimeML marks the date
  // they point to, "ago" inside the span.
  bool ago_date(const Counted& c, Found& f) const {
    // "three days later" counts from an event of the story, not from the
    // reference date: TimeML marks the length, "later" outside.
    uint32_t after = c.unit_at + 1;
    if (is(after, "or") && is(after + 1, "so")) after += 2;  // "a week or so ago"
    if (!is(after, "ago") && !is(after, "earlier")) return false;
    f.e = after + 1;
    f.type = TimexType::kDate;
    if (!ref_ || c.count == "X" || c.half) {
      f.value = TimeValue::vague(Ref::kPast);
      return true;
    }
    const int n = std::stoi(c.count) * c.unit->scale;
    f.value = ago_value(n, *c.unit);
    f.anchor = c.unit->code != "Y";
    return true;
  }

  // Does the sentence have a verb in the present perfect ("has moved", "have
  // suffered")? Found once a sentence, when first asked.
  bool sentence_in_perfect() const {
    if (in_perfect_ < 0) {
      in_perfect_ = 0;
      for (uint32_t k = s_.first_token; k < s_.last_token && !in_perfect_; ++k)
        in_perfect_ = contains(kPerfectAuxiliaries, lw(k));
    }
    return in_perfect_ > 0;
  }

  // "recent years", "the past several quarters", "coming months": TimeML reads a
  // stretch of unknown length reaching to now as the past or the future. After
  // "for", "over", "during" it is a length: "over the next several months"; so
  // is "in recent years" in a sentence in the present perfect, which spans it
  // ("the market has moved toward cheaper sets in recent years", PXY).
  bool stretch_to_now(const Counted& c, Found& f) const {
    const std::string_view dir = c.led ? lw(c.first) : c.count_word;  // "the past several"
    const std::string_view before = f.b > s_.first_token ? lw(f.b - 1) : std::string_view();
    const bool as_length =
        contains(kLengthPrepositions, before) ||
        (dir == "recent" && contains(kRecentLengthPrepositions, before) && sentence_in_perfect());
    if (c.count != "X" || lw(c.unit_at).back() != 's' || as_length) return false;
    f.type = TimexType::kDate;
    if (dir == "recent" || dir == "past" || dir == "last") {
      f.value = TimeValue::vague(Ref::kPast);
      return true;
    }
    if (dir == "coming" || dir == "next") {
      f.value = TimeValue::vague(Ref::kFuture);
      return true;
    }
    return false;
  }

  static TimeValue duration_value(const std::string& count, const Unit& u) {
    return TimeValue::duration(count, u.code[0], u.time);
  }
  static TimeValue half_value(const Unit& u) {
    if (u.word == "hour") return TimeValue::duration("30", 'M', true);
    if (u.word == "day") return TimeValue::duration("12", 'H', true);
    if (u.word == "year") return TimeValue::duration("6", 'M', false);
    if (u.word == "minute") return TimeValue::duration("30", 'S', true);
    return TimeValue::duration("0.5", u.code[0], u.time);
  }
  TimeValue ago_value(int n, const Unit& u) const {
    const CalendarDate r = *ref_;
    if (u.word == "day") return day_value(add_days(r, -n));
    if (u.word == "week") return day_value(add_days(r, -7 * n));
    // "a year ago" in a sentence about a quarter's results is that quarter a year
    // before: "profit rose from $5 million a year ago".
    if (u.code == "Y" && !u.time && n == 1 && reports_quarter()) {
      const auto [y, q] = reported_quarter();
      return quarter_value(y - n, q);
    }
    if (u.word == "month") {
      int y = r.year, m = r.month;
      add_months(y, m, -n);
      return month_value(y, m);
    }
    if (u.code == "Y" && !u.time) return year_value(r.year - n);
    return TimeValue::vague(Ref::kPast);
  }

  // "every week", "each year", "weekly", "twice a year", "per month".
  bool set_expression(uint32_t i, Found& f) const {
    std::string_view w = lw(i);
    for (const auto& s : kSetWords) {
      if (w == s.word) {
        f.b = i;
        f.e = i + 1;
        f.type = TimexType::kSet;
        f.value = length_value(s);
        return true;
      }
    }
    // "every Monday", "on Mondays": XXXX-WXX-1.
    // "each July": XXXX-07.
    if (const int m = (w == "every" || w == "each") ? month(i + 1) : 0; m > 0) {
      f = {i, i + 2, TimexType::kSet, open_date(m, 0)};
      return true;
    }
    if ((w == "every" || w == "each") && upper(i + 1) && weekday(i + 1) >= 0) {
      f = {i, i + 2, TimexType::kSet, any_weekday(weekday(i + 1))};
      return true;
    }
    if (upper(i) && w.size() > 6 && w.back() == 's' && is(i - 1, "on")) {
      for (int k = 0; k < 7; ++k) {
        if (w.substr(0, w.size() - 1) == kWeekdays[k]) {
          f = {i, i + 1, TimexType::kSet, any_weekday(k)};
          return true;
        }
      }
    }
    // "every two years", "every three months"
    if (w == "every" && count_word(lw(i + 1)) > 1 && unit(lw(i + 2))) {
      const Unit* u = unit(lw(i + 2));
      f = {i, i + 3, TimexType::kSet,
           duration_value(std::to_string(count_word(lw(i + 1)) * u->scale), *u)};
      return true;
    }
    if (w == "every" || w == "each" || w == "per" ||
        ((w == "a" || w == "an") && i > s_.first_token &&
         (is(i - 1, "twice") || is(i - 1, "times") || is(i - 1, "once")))) {
      const Unit* u = unit(lw(i + 1));
      if (!u || lw(i + 1) != u->word) return false;
      f.b = (w == "a" || w == "an") && (is(i - 1, "twice") || is(i - 1, "once")) ? i - 1 : i;
      f.e = i + 2;
      f.type = TimexType::kSet;
      f.value = duration_value(std::to_string(u->scale), *u);
      return true;
    }
    return false;
  }

  // "11:06 a.m.", "9 p.m.", "14:58 UTC", "noon", "midnight", "this morning", "tonight".
  bool time_of_day(uint32_t i, Found& f) const {
    std::string_view w = lw(i);
    if (!is_num(i) && !(w.size() >= 3 && w[0] >= '0' && w[0] <= '9') && w != "tonight" &&
        w != "last" && w != "this" && w != "yesterday" && w != "tomorrow" && w != "noon" &&
        w != "midday" && w != "midnight")
      return false;
    const TimeValue base = ref_ ? day_value(*ref_) : open_date();
    if (w == "tonight") {
      f = {i, i + 1, TimexType::kTime, at_part(base, "NI")};
      f.own_day = true;
      return true;
    }
    // "last night": the night before the reference date.
    if (w == "last" && is(i + 1, "night")) {
      f = {i, i + 2, TimexType::kTime,
           at_part(ref_ ? day_value(add_days(*ref_, -1)) : open_date(), "NI")};
      f.own_day = true;
      return true;
    }
    if ((w == "this" || w == "yesterday" || w == "tomorrow") && ok(i + 1) && ref_) {
      for (const auto& p : kPartsOfDay) {
        if (is(i + 1, p.word)) {
          const int off = w == "yesterday" ? -1 : (w == "tomorrow" ? 1 : 0);
          f = {i, i + 2, TimexType::kTime, at_part(day_value(add_days(*ref_, off)), p.code)};
          f.own_day = true;
          return true;
        }
      }
      return false;
    }
    if (w == "noon" || w == "midday" || w == "midnight") {
      f = {i, i + 1, TimexType::kTime, at_clock(base, w == "midnight" ? 24 : 12, 0, "")};
      return true;
    }
    // "11:06", "2.40" (with a.m./p.m. after it), or one token "9am", "2.40pm".
    std::string_view t = doc_.word(i);
    std::string_view glued;  // "am"/"pm" written onto the number
    if (!is_num(i)) {
      if (t.size() < 3 || t[0] < '0' || t[0] > '9') return false;
      std::string_view lower = lw(i);
      if (!lower.ends_with("am") && !lower.ends_with("pm")) return false;
      glued = lower.substr(lower.size() - 2);
      t = t.substr(0, t.size() - 2);
      if (t.find_first_not_of("0123456789:.") != std::string_view::npos) return false;
    }
    int h = -1, m = 0;
    size_t colon = t.find(':');
    if (colon == std::string_view::npos) {
      // "2.40 PM": a period between hours and minutes, only with a.m./p.m.
      const std::string_view next = glued.empty() ? lw(i + 1) : glued;
      const bool meridiem_next = next == "am" || next == "pm" || next == "a.m." || next == "p.m.";
      if (meridiem_next) colon = t.find('.');
    }
    if (colon != std::string_view::npos && colon <= 2 && t.size() - colon == 3 &&
        t.find_first_not_of("0123456789", colon + 1) == std::string_view::npos) {
      h = std::atoi(std::string(t.substr(0, colon)).c_str());
      m = std::atoi(std::string(t.substr(colon + 1)).c_str());
    } else if (t.size() <= 2 && t.find_first_not_of("0123456789") == std::string_view::npos) {
      h = std::atoi(std::string(t).c_str());
    } else if (t.size() == 4 && glued.empty() &&
               t.find_first_not_of("0123456789") == std::string_view::npos &&
               (is(i + 1, "gmt") || is(i + 1, "utc") || is(i + 1, "hrs"))) {
      // "1430 GMT": a clock time written without a colon.
      h = std::atoi(std::string(t.substr(0, 2)).c_str());
      m = std::atoi(std::string(t.substr(2)).c_str());
      colon = 2;
    }
    if (h < 0 || h > 24 || m > 59) return false;
    uint32_t j = i + 1;
    std::string_view ampm = glued.empty() ? lw(j) : glued;
    bool meridiem = false;
    if (ampm == "a.m." || ampm == "am" || ampm == "a.m") {
      if (h == 12) h = 0;
      meridiem = true;
    } else if (ampm == "p.m." || ampm == "pm" || ampm == "p.m") {
      if (h < 12) h += 12;
      meridiem = true;
    }
    if (meridiem && glued.empty()) ++j;
    // "at 4 in the morning", "8:30 in the evening", "until 11 at night": the part
    // of the day says a.m. or p.m. A bare number needs a preposition of time
    // before it ("the index fell 3 in the afternoon" is no time).
    const bool hour_of_day = colon != std::string_view::npos ||
                             (i > s_.first_token && contains(kClockPrepositions, lw(i - 1)));
    if (!meridiem && hour_of_day && h >= 1 && h <= 12) {
      for (const auto& c : kClockPartsOfDay) {
        const uint32_t part = is(j + 1, "the") ? j + 2 : j + 1;
        if (is(j, c.preposition) && is(part, c.word) && (part == j + 2) == c.with_the) {
          if (h < 12 && h >= c.pm_from) h += 12;
          if (h == 12 && c.pm_from > 12) h = 0;
          meridiem = true;
          j = part + 1;
          break;
        }
      }
    }
    if (!meridiem && colon == std::string_view::npos) return false;
    std::string zone;
    std::string_view z = lw(j);
    if (z == "hrs") {
      ++j;
    } else if (z == "utc" || z == "gmt") {
      zone = "Z";
      ++j;
    } else if (z == "(" && (is(j + 1, "utc") || is(j + 1, "gmt")) && is(j + 2, ")")) {
      zone = "Z";  // "14:00 (GMT)"
      j += 3;
    } else if (z == "et" || z == "edt" || z == "est" || z == "pt" || z == "pdt" || z == "bst" ||
               z == "cet") {
      ++j;
    }
    f = {i, j, TimexType::kTime, at_clock(base, h, m, zone)};
    return true;
  }

  // Single words: "today", "now", "recently"; "the past", "the future".
  bool adverb(uint32_t i, Found& f) const {
    std::string_view w = lw(i);
    if ((w == "past" || w == "future") && is(i - 1, "the") && !unit(lw(i + 1)) && !is_num(i + 1) &&
        count_word(lw(i + 1)) < 0 && i > s_.first_token + 1 &&
        contains(kVagueReferencePrepositions, lw(i - 2))) {
      f = {i - 1, i + 1, TimexType::kDate,
           w == "past" ? TimeValue::vague(Ref::kPast) : TimeValue::vague(Ref::kFuture)};
      return true;
    }
    // "the near future", "the distant past", "at present", "these days".
    if ((w == "near" || w == "distant" || w == "recent") && is(i - 1, "the") &&
        (is(i + 1, "future") || is(i + 1, "past"))) {
      f = {i - 1, i + 2, TimexType::kDate,
           is(i + 1, "past") ? TimeValue::vague(Ref::kPast) : TimeValue::vague(Ref::kFuture)};
      return true;
    }
    // "the largest fall in history": the past as a whole.
    if (w == "history" && is(i - 1, "in") && !is(i + 1, "of")) {
      f = {i, i + 1, TimexType::kDate, TimeValue::vague(Ref::kPast)};
      return true;
    }
    // "later in the day", "earlier in the week": the adverb is an expression of its own.
    if ((w == "later" || w == "earlier") && is(i + 1, "in") && is(i + 2, "the") &&
        (is(i + 3, "day") || is(i + 3, "week") || is(i + 3, "month") || is(i + 3, "year") ||
         is(i + 3, "session"))) {
      f = {i, i + 1, TimexType::kDate,
           w == "later" ? TimeValue::vague(Ref::kFuture) : TimeValue::vague(Ref::kPast)};
      return true;
    }
    // "by that time", "on that day": the date the story last named.
    if (w == "that" && ref_ &&
        (i == s_.first_token || contains(kAnaphoraPrepositions, lw(i - 1))) &&
        (is(i + 1, "time") || is(i + 1, "day") || is(i + 1, "week") || is(i + 1, "month") ||
         is(i + 1, "year"))) {
      const auto v = last_date(lw(i + 1));
      if (!v) return false;
      f = {i, i + 2, TimexType::kDate, *v};
      return true;
    }
    if (w == "present" && is(i - 1, "at")) {
      f = {i, i + 1, TimexType::kDate, TimeValue::vague(Ref::kPresent)};
      return true;
    }
    if (w == "these" && is(i + 1, "days")) {
      f = {i, i + 2, TimexType::kDate, TimeValue::vague(Ref::kPresent)};
      return true;
    }
    for (const auto& d : kDurationWords) {
      if (w == d.word) {
        f = {i, i + 1, TimexType::kDuration, length_value(d)};
        return true;
      }
    }
    // "as soon as" and "soon after" relate two events; "as soon as possible" is a time.
    if (w == "soon") {
      if (is(i - 1, "as") && is(i + 1, "as")) {
        if (!is(i + 2, "possible")) return false;
        f = {i - 1, i + 3, TimexType::kDate, TimeValue::vague(Ref::kFuture)};
        return true;
      }
      if (is(i + 1, "after")) return false;
    }
    for (const auto& a : kAdverbs) {
      if (w != a.word) continue;
      if (w == "current" && is(i - 1, "then")) return false;  // "the then current price"
      f.b = i;
      f.e = i + 1;
      if (!a.ref) {
        f.value = ref_ ? day_value(add_days(*ref_, a.day_offset)) : open_date();
        if ((is(i - 1, "earlier") || is(i - 1, "later")) && a.day_offset == 0) f.b = i - 1;
      } else {
        f.value = TimeValue::vague(*a.ref);
      }
      return true;
    }
    return false;
  }

  // "7/8/07", "12/25/2008": month first, as English-language news writes it.
  bool numeric_date(uint32_t i, Found& f) const {
    if (!is_num(i) || !is(i + 1, "/") || !is_num(i + 2) || !is(i + 3, "/") || !is_num(i + 4))
      return false;
    const int m = int_at(i), d = int_at(i + 2);
    int y = int_at(i + 4);
    if (digits(i + 4) == 2) y += y < 50 ? 2000 : 1900;
    if (m < 1 || m > 12 || d < 1 || d > 31 || y < kMinYear || y > kMaxYear) return false;
    f.b = i;
    f.e = i + 5;
    f.value = day_value({y, m, d});
    return true;
  }

  // The n-th (1-based; -1 = last) weekday wd of a month.
  static int nth_weekday(int y, int m, int wd, int n) {
    if (n > 0) {
      const int first = weekday_of({y, m, 1});
      return 1 + (wd - first + 7) % 7 + 7 * (n - 1);
    }
    int last = 31;
    while (last > 28 && civil_from_days(days_from_civil(y, m, 1) + last - 1).month != m) --last;
    const int wl = weekday_of({y, m, last});
    return last - (wl - wd + 7) % 7;
  }

  // Holidays and the named days of market history: "Christmas", "New Year's Day",
  // "Thanksgiving", "Labor Day", "Black Monday" (1987-10-19), "9/11".
  bool holiday(uint32_t i, Found& f) const {
    if (!upper(i) && !is_num(i)) return false;
    const std::string_view w = lw(i);
    if (w == "black" && upper(i + 1) && weekday(i + 1) >= 0 && year(i + 2) < 0) {
      const CalendarDate black = kBlackDays[weekday(i + 1)];
      if (black.year == 0) return false;
      const TimeValue v = day_value(black);
      // The historic day when the sentence recalls it ("since Black Monday", "in
      // 1987"); otherwise a new crash the story names so, resolved as a weekday.
      bool historic = is(i - 1, "since") || is(i - 1, "original");
      for (uint32_t k = s_.first_token; k < s_.last_token && !historic; ++k)
        historic = year(k) == v.year;
      if (!historic) {
        if (!weekday_date(i + 1, f)) return false;
        f.b = i;
        return true;
      }
      f = {i, i + 2, TimexType::kDate, v};
      return true;
    }
    if (is_num(i) && is(i + 1, "/") && int_at(i) == 9 && ok(i + 2) && doc_.word(i + 2) == "11" &&
        !is(i + 3, "/")) {
      f = {i, i + 3, TimexType::kDate, day_value({2001, 9, 11})};
      return true;
    }
    // "the September 11 attacks"
    if (month(i) == 9 && ok(i + 1) && doc_.word(i + 1) == "11" && year(i + 2) < 0 &&
        (is(i + 2, "attacks") || is(i + 2, "attack") || is(i + 2, "terrorist"))) {
      f = {i, i + 2, TimexType::kDate, day_value({2001, 9, 11})};
      return true;
    }
    int m = 0, d = 0, wd = -1, nth = 0;
    uint32_t e = i + 1;
    if (w == "christmas") {
      m = 12, d = is(i + 1, "eve") ? 24 : 25;
      if (is(i + 1, "eve") || is(i + 1, "day")) ++e;
    } else if (w == "new" && is(i + 1, "year") && (is(i + 2, "day") || is(i + 2, "eve"))) {
      m = is(i + 2, "eve") ? 12 : 1, d = is(i + 2, "eve") ? 31 : 1;
      e = i + 3;
    } else if (w == "martin" && is(i + 1, "luther") && is(i + 2, "king") &&
               (is(i + 3, "day") || (is(i + 3, "jr.") && is(i + 4, "day")))) {
      m = 1, wd = 0, nth = 3;
      e = is(i + 3, "day") ? i + 4 : i + 5;
    } else if ((w == "presidents" || w == "president") && is(i + 1, "day") && upper(i + 1)) {
      m = 2, wd = 0, nth = 3;
      e = i + 2;
    } else if (w == "thanksgiving") {
      m = 11, wd = 3, nth = 4;
      if (is(i + 1, "day")) ++e;
    } else if ((w == "labor" || w == "labour" || w == "memorial" || w == "independence" ||
                w == "boxing" || w == "halloween") &&
               (w == "halloween" || (upper(i + 1) && is(i + 1, "day")))) {
      if (w == "halloween") m = 10, d = 31;
      if (w == "labor" || w == "labour") m = 9, wd = 0, nth = 1;
      if (w == "memorial") m = 5, wd = 0, nth = -1;
      if (w == "independence") m = 7, d = 4;
      if (w == "boxing") m = 12, d = 26;
      if (w != "halloween") ++e;
    } else {
      return false;
    }
    if (!ref_) {
      f = {i, e, TimexType::kDate, d > 0 ? open_date(m, d) : open_date()};
      return true;
    }
    int y = year(e);
    if (y > 0)
      ++e;
    else
      y = infer_year(m, d > 0 ? d : 15, i);
    if (d == 0) d = nth_weekday(y, m, wd, nth);
    f = {i, e, TimexType::kDate, day_value({y, m, d})};
    return true;
  }

  // One date expression at i (without modifiers); fills f.
  bool date_at(uint32_t i, Found& f) const {
    return numeric_date(i, f) || holiday(i, f) || weekday_date(i, f) || month_date(i, f) ||
           day_month_date(i, f) || quarter_date(i, f) || relative_date(i, f) || year_date(i, f);
  }

  // The prefix of a word like "mid-2010", "late-November", or null.
  static const ModifierPrefix* modifier_prefix(std::string_view w) {
    for (const auto& p : kModifierPrefixes)
      if (w.size() > p.prefix.size() && w.starts_with(p.prefix)) return &p;
    return nullptr;
  }

  // "the end of September", "early 2009", "mid-2010", "late last year".
  bool modified_date(uint32_t i, Found& f) const {
    std::string_view w = lw(i);
    Mod mod = Mod::kNone;
    uint32_t j = i;
    if (w == "mid" && ref_) {
      // "by mid afternoon": a part of the story's day.
      for (const auto& p : kPartsOfDay) {
        if (is(i + 1, p.word) && p.word != "night" && p.word != "overnight") {
          f = {i, i + 2, TimexType::kTime, at_part(day_value(story_day()), p.code), Mod::kMid};
          return true;
        }
      }
    }
    if (w == "early" || w == "late" || w == "mid") {
      mod = w == "early" ? Mod::kStart : (w == "late" ? Mod::kEnd : Mod::kMid);
      j = i + 1;
      if (is(j, "-")) ++j;
    } else if (const ModifierPrefix* pre = modifier_prefix(w)) {
      const std::string_view rest = w.substr(pre->prefix.size());
      const int y = std::atoi(std::string(rest).c_str());
      if (y >= kMinYear && y <= kMaxYear) {
        // "mid-1980s" is the decade 198, "mid-2010" the year.
        const bool decade = rest.size() == 5 && rest.back() == 's' && y % 10 == 0;
        f = {i, i + 1, TimexType::kDate, decade ? decade_value(y) : year_value(y), pre->mod};
        return true;
      }
      // "mid-morning", "mid-afternoon": a part of the story's day.
      for (const auto& p : kPartsOfDay) {
        if (pre->mod == Mod::kMid && rest == p.word && ref_ && p.word != "night" &&
            p.word != "overnight") {
          f = {i, i + 1, TimexType::kTime, at_part(day_value(story_day()), p.code), Mod::kMid};
          return true;
        }
      }
      // "mid-September", "late-November"
      const int m = month_from_name(rest);
      if (m == 0 || !ref_ || rest.back() == '.' || rest.size() < 3) return false;
      int yy = -1;
      uint32_t e = i + 1;
      if ((yy = year(e)) > 0)
        ++e;
      else
        yy = infer_year(m, 15, i);
      f = {i, e, TimexType::kDate, month_value(yy, m), pre->mod};
      return true;
    } else if ((w == "the" || w == "by" || w == "at") &&
               (is(i + 1, "end") || is(i + 1, "beginning") || is(i + 1, "start") ||
                is(i + 1, "middle")) &&
               is(i + 2, "of")) {
      std::string_view p = lw(i + 1);
      mod = p == "end" ? Mod::kEnd : (p == "middle" ? Mod::kMid : Mod::kStart);
      j = i + 3;
      if (w != "the") return false;
      if (is(j, "the") && (is(j + 1, "year") || is(j + 1, "month") || is(j + 1, "week") ||
                           is(j + 1, "quarter") || is(j + 1, "day"))) {
        if (!ref_) return false;
        std::string_view u = lw(j + 1);
        f.b = i;
        f.e = j + 2;
        if (u == "day" || u == "quarter") {
          const CalendarDate d = story_day();
          f.value = u == "day" ? day_value(d) : quarter_value(d.year, (d.month - 1) / 3 + 1);
          f.mod = mod;
          return true;
        }
        f.value = u == "year"
                      ? year_value(ref_->year)
                      : (u == "month" ? month_value(ref_->year, ref_->month) : week_value(*ref_));
        f.mod = mod;
        return true;
      }
    } else {
      return false;
    }
    Found inner;
    if (!date_at(j, inner) || inner.b != j) return false;
    f = inner;
    f.b = i;
    f.mod = mod;
    return true;
  }

  // Could a time expression start at token i? Most words cannot; they skip the patterns.
  bool may_start(uint32_t i) const {
    const Token& t = doc_.tokens[i];
    if (t.kind == TokenKind::kNumber) return true;
    if (t.kind != TokenKind::kWord) return false;
    std::string_view w = lw(i);
    if (w.size() >= 2 && w[0] >= '0' && w[0] <= '9') return true;  // "1990s", "12th", "41-year"
    if (w.find('-') != std::string_view::npos) return true;        // "five-year", "mid-2010"
    if (w.size() >= 4 && w.starts_with("fy") && w[2] >= '0' && w[2] <= '9')
      return true;  // "FY2008"
    if (t.upper && (month_from_name(w) > 0 || weekday(i) >= 0)) return true;
    return trigger_words().count(w) > 0;
  }

  static const std::unordered_set<std::string_view>& trigger_words() {
    static const std::unordered_set<std::string_view> words = [] {
      std::unordered_set<std::string_view> t(std::begin(kTriggerWords), std::end(kTriggerWords));
      for (const auto& n : kNumberWords) t.insert(n.word);
      for (auto v : kVagueCounts) t.insert(v);
      for (const auto& a : kAdverbs) t.insert(a.word);
      for (const auto& s : kSetWords) t.insert(s.word);
      for (const auto& d : kDurationWords) t.insert(d.word);
      return t;
    }();
    return words;
  }

  // "the same period last year", "the same month a year ago", "the same quarter of
  // the previous year": the period the sentence names (or the reference's own), a
  // year back.
  bool same_period_last_year(uint32_t i, Found& f) const {
    if (!ref_ || !is(i, "the") ||
        !(is(i + 1, "same") || is(i + 1, "corresponding") || is(i + 1, "comparable")))
      return false;
    const std::string_view u = lw(i + 2);
    if (u != "period" && u != "month" && u != "quarter" && u != "time" && u != "week" &&
        u != "day" && u != "months")
      return false;
    uint32_t j = i + 3;
    if (is(j, "of")) ++j;
    if (is(j, "the")) ++j;
    if ((is(j, "last") || is(j, "previous") || is(j, "prior")) && is(j + 1, "year"))
      j += 2;
    else if (is(j, "a") && is(j + 1, "year") && (is(j + 2, "ago") || is(j + 2, "earlier")))
      j += 3;
    else if (is(j, "year") && (is(j + 1, "ago") || is(j + 1, "earlier")) && is(j - 1, "a"))
      j += 2;
    else
      return false;
    TimeValue base;
    if (sentence_period_) {
      base = *sentence_period_;
    } else {
      if (u == "month" || u == "months")
        base = month_value(ref_->year, ref_->month);
      else if (u == "quarter" ||
               (u == "period" && (story_.quarter > 0 || sentence_names_quarter()))) {
        // The quarter the story reports on: "third-quarter net ... compared with the
        // corresponding period last year".
        const auto [y, q] = reported_quarter();
        base = quarter_value(y, q);
      } else if (u == "week")
        base = week_value(*ref_);
      else if (u == "day")
        base = day_value(*ref_);
      else
        base = year_value(ref_->year);
    }
    --base.year;
    // February 29 a year back is the 28th.
    if (base.grain == Grain::kDay && base.month == 2 && base.day == 29) base.day = 28;
    f = {i, j, TimexType::kDate, base};
    return true;
  }

  // The quarter a company reports on, named without its number: "the quarter",
  // "the latest period", "the year-ago quarter", "the 1988 period", "year-earlier"
  // (results), "this year's third quarter", "last year's quarter".
  bool reporting_period(uint32_t i, Found& f) const {
    if (!ref_) return false;
    uint32_t j = i;
    if (is(j, "the")) ++j;
    if (is(j, "comparable") || is(j, "corresponding")) ++j;
    int years_back = 0, named_year = -1;
    bool latest = false;
    if (is(j, "year-ago") || is(j, "year-earlier")) {
      years_back = 1;
      ++j;
    } else if (is(j, "latest") || is(j, "current")) {
      latest = is(j, "latest");
      if (is(j, "current")) return false;  // relative_date: the reference's own quarter
      ++j;
    } else if (const int y = year(j); y > 0 && j > i) {
      named_year = y;
      ++j;
    } else if ((is(j, "this") || is(j, "last") || is(j, "next")) && is(j + 1, "year") &&
               possessive_length(doc_.lower_word(j + 1)) > 0) {
      named_year = ref_->year + (is(j, "last") ? -1 : is(j, "next") ? 1 : 0);
      j += 2;
    }
    int q = 0;
    for (int k = 0; k < 4; ++k)
      if (is(j, kQuarterOrdinals[k]) && is(j + 1, "quarter")) q = k + 1, ++j;
    const bool noun = is(j, "quarter") || (is(j, "period") && (q == 0) &&
                                           (latest || years_back > 0 || named_year > 0) &&
                                           (sentence_names_quarter() || story_.quarter > 0));
    if (!noun) {
      // "year-earlier" alone, before what it qualifies: "year-earlier profit".
      if (years_back == 0 || j != i + 1 || is(j, "nine") || is(j, "six")) return false;
      f = {i, i + 1, TimexType::kDate, {}};
      f.anchor = false;
      if (reports_quarter()) {
        const auto [y, rq] = reported_quarter();
        f.value = quarter_value(y - 1, rq);
      } else {
        f.value = year_value(ref_->year - 1);
      }
      return true;
    }
    if (j == i + (is(i, "the") ? 1 : 0) && !is(i, "the")) return false;  // "quarter" alone
    if (is(j + 1, "of") || is(j + 1, "-"))
      return false;  // "the quarter of 2009", "a quarter-point"
    // After "the nine months" a period is that run of months: "the 1988 period" is
    // the year, "the year-earlier period" the same months (P9M).
    if (is(j, "period") && story_.months_to_date > 0 && !latest) {
      if (years_back > 0)
        f = {i, j + 1, TimexType::kDuration,
             TimeValue::duration(std::to_string(story_.months_to_date), 'M', false)};
      else
        f = {i, j + 1, TimexType::kDate, year_value(named_year)};
      f.anchor = false;
      return true;
    }
    auto [y, rq] = reported_quarter();
    if (q > 0) {
      if (named_year < 0 && years_back == 0) return false;  // quarter_date names it
      rq = q;
      if (named_year < 0) y = quarter_year(q, i);
    }
    // "the quarter ended July 31" in a story that has named no quarter: the calendar
    // quarter holding most of its three months (May to July: the second). After
    // "its fiscal first quarter" it is that one.
    if (q == 0 && years_back == 0 && named_year < 0 && !latest && story_.quarter == 0 &&
        (is(j + 1, "ended") || is(j + 1, "ending")) && month(j + 2) > 0) {
      int m = month(j + 2) - 1;
      y = infer_year(month(j + 2), day_number(j + 3), j + 2);
      if (m == 0) m = 12, --y;
      rq = (m - 1) / 3 + 1;
    }
    // "the 1988 period" beside a 1989 report is the comparison, not the report.
    const int reported_year = y;
    if (named_year > 0) y = named_year;
    f = {i, j + 1, TimexType::kDate, quarter_value(y - years_back, rq)};
    f.anchor = years_back == 0 && (named_year < 0 || q > 0 || named_year == reported_year);
    // "the quarter a year ago": one expression, the quarter a year back.
    if (years_back == 0 && named_year < 0 && is(j + 1, "a") && is(j + 2, "year") &&
        (is(j + 3, "ago") || is(j + 3, "earlier"))) {
      f = {i, j + 4, TimexType::kDate, quarter_value(y - 1, rq)};
      f.anchor = false;
    }
    return true;
  }

  // Is a unit of the expression capitalized inside a sentence of running text, as
  // in a title ("60 Minutes", "This Week With David Brinkley", "USA Today")? A
  // headline's capitals ("Profits Fall in Third Quarter") say nothing.
  bool in_name(const Found& f) const {
    bool capital_unit = false;
    for (uint32_t k = std::max(f.b, s_.first_token + 1); k < f.e && !capital_unit; ++k)
      capital_unit = upper(k) && doc_.tokens[k].kind == TokenKind::kWord && unit(lw(k)) &&
                     !contains(kCapitalizedUnits, unit(lw(k))->word);
    // "USA Today", "VOA Today": a day's adverb capitalized after a word.
    const bool capital_day = f.e == f.b + 1 && f.b > s_.first_token && upper(f.b) &&
                             doc_.tokens[f.b - 1].kind == TokenKind::kWord && day_adverb(lw(f.b));
    return (capital_unit || capital_day) && !title_case();
  }

  // "today", "yesterday", "tomorrow": a word of kAdverbs that names a day.
  static bool day_adverb(std::string_view w) {
    for (const auto& a : kAdverbs)
      if (a.word == w) return !a.ref;
    return false;
  }

  // Are most of the sentence's longer words capitalized, as in a headline?
  bool title_case() const {
    if (title_case_ < 0) {
      int words = 0, capitals = 0;
      for (uint32_t k = s_.first_token; k < s_.last_token; ++k) {
        if (doc_.tokens[k].kind != TokenKind::kWord || doc_.word(k).size() < 4) continue;
        ++words;
        capitals += upper(k) ? 1 : 0;
      }
      title_case_ = 2 * capitals > words ? 1 : 0;
    }
    return title_case_ == 1;
  }

  // "about two years", "nearly an hour", "more than four decades", "around Nov. 1":
  // TimeML keeps the word of approximation inside the span and as the modifier.
  void approximation(Found& f) const {
    // Clock times take them too: "around 7:15 p.m."; the past and the present do not.
    const bool duration_like =
        f.type == TimexType::kDuration || f.type == TimexType::kTime || is(f.e - 1, "ago");
    if (f.value.grain == Grain::kRef) return;
    if (f.b <= s_.first_token || is(f.b, "the")) return;
    for (const auto& a : kApproximations) {
      if (a.durations_only && !duration_like) continue;
      uint32_t b = f.b;
      if (!a.second.empty()) {
        if (b < s_.first_token + 2 || !is(b - 1, a.second) || !is(b - 2, a.first)) continue;
        b -= 2;
      } else {
        if (!is(b - 1, a.first)) continue;
        --b;
      }
      f.b = b;
      if (a.first == "more" && b > s_.first_token && is(b - 1, "no")) {
        f.b = b - 1;  // "no more than sixty days"
        f.mod = Mod::kEqualOrLess;
      }
      if (f.mod == Mod::kNone) f.mod = a.mod;
      return;
    }
  }

  // Words TimeML keeps inside the span that no pattern starts with: "the" before a
  // decade, a season or a part of the day ("the early 1980s", "the summer", "the
  // morning"), "late" and "early" before a day word ("late yesterday"), "right now".
  void leading_words(Found& f) const {
    if (f.b <= s_.first_token) return;
    const std::string_view first = lw(f.b);
    const std::string_view prev = lw(f.b - 1);
    if (prev == "the") {
      bool named =
          first == "early" || first == "late" || first == "mid" || first.starts_with("mid-");
      for (const auto& season : kSeasons) named = named || first == season.word;
      for (const auto& part : kPartsOfDay) named = named || first == part.word;
      if (named) --f.b;
      return;
    }
    if ((prev == "late" || prev == "early") &&
        (first == "yesterday" || first == "today" || first == "tomorrow")) {
      --f.b;
      if (f.mod == Mod::kNone) f.mod = prev == "late" ? Mod::kEnd : Mod::kStart;
      return;
    }
    if (prev == "right" && first == "now") --f.b;
    // "earlier yesterday", "later this afternoon", "more recently" (but "earlier
    // Friday" is drawn without the adverb more often than with it).
    const bool day_word = first == "yesterday" || first == "tomorrow" || first == "that" ||
                          (first == "this" && f.type == TimexType::kTime);
    if (((prev == "earlier" || prev == "later") && day_word) ||
        (prev == "more" && first == "recently"))
      --f.b;
  }

  // Tries every pattern at i; returns the token after the match, or i.
  uint32_t match(uint32_t i) {
    const Token& t = doc_.tokens[i];
    if (t.kind == TokenKind::kPunct || !may_start(i)) return i;
    Found f;
    if (same_period_last_year(i, f) || reporting_period(i, f) || modified_date(i, f) ||
        half_or_day(i, f) || time_of_day(i, f) || date_at(i, f) || set_expression(i, f) ||
        range_start(i, f) || vague(i, f) || part_of_reference_day(i, f) || duration(i, f) ||
        adverb(i, f)) {
      // A day right after a clock time joins it: "12:00 UTC Monday", "16:00 UTC today".
      if (f.type == TimexType::kTime && is_time_of_day(f.value)) {
        Found day;
        if ((weekday_date(f.e, day) || adverb(f.e, day) || month_date(f.e, day) ||
             day_month_date(f.e, day)) &&
            day.b == f.e && day.type == TimexType::kDate && is_day(day.value)) {
          f.value = on_day(f.value, day.value);
          f.e = day.e;
          f.own_day = true;
        }
      }
      // "the next year or so", "a week or so": TimeML keeps "or so" inside.
      if (is(f.e, "or") && is(f.e + 1, "so") &&
          (f.type == TimexType::kDuration || f.value.grain == Grain::kYear)) {
        f.e += 2;
        if (f.mod == Mod::kNone) f.mod = Mod::kApprox;
      }
      // "ABC's \"This Week\"", "60 Minutes": a name, not a time (TimeML leaves the
      // times inside names untagged).
      if (in_name(f)) return f.e;
      approximation(f);
      leading_words(f);
      emit(f);
      uint32_t e = f.e;
      // "July 11 and 12": a second day of the same month.
      if (f.type == TimexType::kDate && f.value.grain == Grain::kDay && !f.value.has_time() &&
          (is(e, "and") || is(e, "or") || is(e, "-") || is(e, "to"))) {
        const int d2 = day_number(e + 1);
        if (d2 > 0 && month(e + 2) == 0) {
          Found g;
          g.b = e + 1;
          g.e = e + 2;
          g.value = f.value;
          g.value.day = d2;
          emit(g);
          e = e + 2;
        }
      }
      return e;
    }
    return i;
  }

  const Document& doc_;
  const Sentence& s_;
  std::optional<CalendarDate> ref_;
  std::vector<lede::TimeExpression>& out_;
  // This sentence's expressions in out_ as found (typed), from the first one on.
  std::vector<Found> found_;
  StoryMemory& story_;
  mutable int names_quarter_ = -1;  // sentence_names_quarter(), computed once
  mutable int in_perfect_ = -1;     // sentence_in_perfect(), computed once
  mutable int title_case_ = -1;     // title_case(), computed once
  // The year and the month-or-finer period last named in this sentence.
  int sentence_year_ = 0;
  std::optional<TimeValue> sentence_period_;
  mutable std::vector<Cue> cues_;              // tense cues of the sentence, by position
  mutable std::vector<uint32_t> infinitives_;  // the "to" of "to buy", by position
  mutable std::vector<uint32_t> quotes_;       // quotation marks, by position
  mutable std::vector<Cue> side_cues_[2];      // cues_ outside and inside quotation marks
  mutable bool cues_found_ = false;
};

}  // namespace

std::vector<lede::TimeExpression> find_times(const Document& doc,
                                             std::optional<CalendarDate> reference) {
  std::vector<lede::TimeExpression> out;
  StoryMemory story;
  for (const Sentence& s : doc.sentences) Scanner(doc, s, reference, out, story).run();
  return out;
}

}  // namespace lede::analysis
