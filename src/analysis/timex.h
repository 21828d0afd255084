// Time expressions in article text, normalised the TIMEX3 way against a
// reference date (the story's publication date).
//
//   Document doc = segment(article.text);
//   auto times = find_times(doc, CalendarDate{2023, 6, 13});
//   // "on Tuesday" -> {"Tuesday", DATE, "2023-06-13"}, "Last week" -> "2023-W23",
//   // "the end of September" -> {"2023-09", mod END}, "since 2014" -> "2014",
//   // "two years" -> DURATION "P2Y", "every week" -> SET "P1W"
//
// Conventions follow TimeML as TimeBank annotates it (TempEval-3): "two years
// ago" is the date it points to ("2021", "ago" inside the span), "a year ago" in a
// quarterly report is that quarter a year back ("2022-Q2"), a range marks its two
// dates, "fiscal 2008" is "2008" ("FY08" and "the financial year" keep NewsReader's
// "FY2008"), "nearly two years" keeps "nearly" in the span and as the modifier,
// "currently" and "now" are PRESENT_REF, "recent years" PAST_REF.
//
// Dates without a year, months alone and weekdays are placed by the tense of
// their sentence: past tense looks back from the reference date, future
// tense ("will", "is to", "next") looks forward. Without a reference date,
// expressions that need one keep an unresolved value ("XXXX-06-13").
// The scanner builds each value as a TimeValue (analysis/time_value.h) and writes
// its TimeML string, type and modifier once, into the TimeExpression it returns.
// Thread safe; no state between calls.
#pragma once

#include <optional>
#include <vector>

#include "core/calendar.h"
#include "lede/article.h"
#include "analysis/sentences.h"

namespace lede::analysis {

using CalendarDate = core::CivilDate;

std::vector<lede::TimeExpression> find_times(const Document& doc,
                                             std::optional<CalendarDate> reference);

}  // namespace lede::analysis
