// Dates and times as news pages write them, parsed into ISO 8601.
//
//   auto d = lede::fields::parse_date("June 13, 2023 at 11:06 a.m. EDT");
//   d->iso();  // "2023-06-13T11:06:00-04:00"
//
// Reads ISO 8601, RFC 822/1123, numeric day-first and year-first forms, and
// month and weekday names in English, German, French, Spanish, Italian,
// Portuguese and Dutch. A zone is kept only when the text gives one; a date
// without a year is not a date. Pure functions, thread safe.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lede::fields {

struct DateOptions {
  int min_year = 1990;  // older years on a news page are almost always history, not the story
  int max_year = 2100;
  // Numeric dates whose first two numbers could each be the month ("03/04/2021", "09/11/25") are
  // read month first, as the United States writes them; else day first. A first number over 12
  // is a day either way. Set from the page's language (en-US).
  bool month_first = false;
};

struct ParsedDate {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  std::optional<int> offset_minutes;  // east of UTC; only when the text names a zone

  // "2023-06-13", "2023-06-13T11:06:00" or "2023-06-13T11:06:00-04:00".
  std::string iso() const;
};

struct DateMatch {
  ParsedDate date;
  size_t begin = 0;  // byte range of the date (and its time) in the searched text
  size_t end = 0;
};

// The whole of `text` (give or take white space, a weekday and punctuation
// around it) must be one date, optionally with a time and zone.
std::optional<ParsedDate> parse_date(std::string_view text, const DateOptions& options = {});

// The first date in a longer line: "Published: Jun 13, 2023, 11:06 AM ET".
std::optional<DateMatch> find_date(std::string_view text, const DateOptions& options = {});

// A time of day alone ("11:06 AM", "8:03 am ET", "11h06"), for lines that
// give the time apart from the date. Only hour, minute, second and zone are set.
std::optional<ParsedDate> parse_time_of_day(std::string_view text);

// A date in a URL path: /2023/06/13/, /2023-06-13/, /20230613/.
std::optional<ParsedDate> date_from_url(std::string_view url, const DateOptions& options = {});

// Month number (1-12) for a month name or abbreviation in one of the seven
// languages, case-insensitive; 0 when it is not one. A trailing '.' is ignored.
int month_from_name(std::string_view word);
bool is_weekday_name(std::string_view word);

bool is_valid_date(int year, int month, int day, const DateOptions& options = {});

}  // namespace lede::fields
