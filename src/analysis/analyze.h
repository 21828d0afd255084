// The news-analysis stage: who is quoted saying what, which people the story
// names, and which days its time words mean.
//
//   lede::analysis::AnalyzeOptions options;
//   options.reference_date = "2023-06-13";  // else article.published is used
//   lede::analysis::analyze(article, options);
//   // article.quotes, article.entities (people), article.times are filled
//
// Steps: 1. segment article.text into paragraphs, sentences and tokens;
// 2. people (news/people.h); 3. quotes and speakers (news/quotes.h), which
// resolve names and pronouns through the people; 4. time expressions
// (news/timex.h) against the reference date. Offsets are UTF-8 byte offsets
// into article.text. Thread safe; costs a few microseconds per kilobyte.
#pragma once

#include <optional>
#include <string>

#include "core/deadline.h"
#include "lede/article.h"
#include "analysis/timex.h"

namespace lede::analysis {

struct AnalyzeOptions {
  // The date relative expressions ("on Tuesday", "last week") are resolved
  // against, ISO 8601; empty uses Article::published.
  std::string reference_date;
  bool quotes = true;  // fill Article::quotes
  bool people = true;  // fill Article::entities with people (replacing earlier people)
  bool times = true;   // fill Article::times
  // The page's time budget, polled while segmenting, finding people and quotes
  // and between the steps; null for none. Not owned.
  core::Deadline* deadline = nullptr;
};

// Replaces article.quotes and article.times and the person entries of
// article.entities; other entities are kept. Returns false, with the article's
// quotes and times emptied and its entities untouched, when options.deadline
// expires first: a half-done analysis is never returned. Costs linear time in
// the text's length.
bool analyze(lede::Article& article, const AnalyzeOptions& options = {});

// The reference date of an ISO 8601 date or date-time ("2023-06-13T11:06:00-04:00").
std::optional<CalendarDate> reference_date_from(std::string_view iso);

}  // namespace lede::analysis
