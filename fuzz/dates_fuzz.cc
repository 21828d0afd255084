// Date parsing: whatever the text, a date found is a valid calendar date in
// range and its ISO form parses back to itself.
#include <string>

#include "fuzz_support.h"
#include "fields/dates.h"

namespace {

void check_date(const lede::fields::ParsedDate& d, const lede::fields::DateOptions& options) {
  using lede::fuzz::check;
  check(lede::fields::is_valid_date(d.year, d.month, d.day, options), "invalid date returned");
  check(d.hour >= 0 && d.hour < 24 && d.minute >= 0 && d.minute < 60 && d.second >= 0 &&
            d.second <= 60,
        "time of day out of range");
  if (d.offset_minutes) check(*d.offset_minutes > -24 * 60 && *d.offset_minutes < 24 * 60,
                              "zone offset out of range");
  std::string iso = d.iso();
  auto again = lede::fields::parse_date(iso, options);
  check(again.has_value(), "iso() of a parsed date does not parse");
  check(again->iso() == iso, "iso() does not round-trip");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lede;
  std::string text = fuzz::to_valid_utf8(fuzz::as_view(data, size));
  fields::DateOptions options;
  if (auto d = fields::parse_date(text, options)) check_date(*d, options);
  if (auto m = fields::find_date(text, options)) {
    fuzz::check(m->begin <= m->end && m->end <= text.size(), "match range outside the text");
    check_date(m->date, options);
  }
  fields::parse_time_of_day(text);
  if (auto d = fields::date_from_url(text, options)) check_date(*d, options);
  fields::month_from_name(text);
  fields::is_weekday_name(text);
  return 0;
}
