#include "analysis/analyze.h"

#include <algorithm>

#include "fields/dates.h"
#include "analysis/people.h"
#include "analysis/quotes.h"
#include "analysis/sentences.h"

namespace lede::analysis {

using fields::DateOptions;
using fields::parse_date;

std::optional<CalendarDate> reference_date_from(std::string_view iso) {
  if (iso.size() < 10) return std::nullopt;
  DateOptions wide;
  wide.min_year = 1000;
  wide.max_year = 9999;
  auto d = parse_date(iso, wide);
  if (!d) d = parse_date(iso.substr(0, 10), wide);
  if (!d) return std::nullopt;
  return CalendarDate{d->year, d->month, d->day};
}

bool analyze(lede::Article& article, const AnalyzeOptions& options) {
  core::Deadline* deadline = options.deadline;
  auto out_of_time = [&] {
    if (deadline == nullptr || !deadline->expired_now()) return false;
    article.quotes.clear();
    article.times.clear();
    return true;
  };
  // 1. Paragraphs, sentences, tokens.
  const Document doc = segment(article.text, deadline);
  if (out_of_time()) return false;
  // 2. People.
  People people = find_people(doc, deadline);
  if (out_of_time()) return false;
  // 3. Quotes, whose speakers are resolved through the people.
  std::vector<lede::Quote> quotes;
  if (options.quotes) quotes = find_quotes(doc, people, deadline);
  if (out_of_time()) return false;
  if (options.quotes) article.quotes = std::move(quotes);
  if (options.people) {
    std::erase_if(article.entities, [](const lede::Entity& e) { return e.type == "person"; });
    for (auto& p : people.persons) article.entities.push_back(std::move(p));
  }
  // 4. Time expressions.
  if (options.times) {
    const std::string& ref =
        options.reference_date.empty() ? article.published : options.reference_date;
    article.times = find_times(doc, reference_date_from(ref));
    if (out_of_time()) return false;
  }
  return true;
}

}  // namespace lede::analysis
