// The hand-annotated quote set (tests/analysis/quotes/): quotes in MEANTIME
// articles (by offsets found from short snippets) and in articles of our own.
#pragma once

#include <string>
#include <vector>

#include "meantime.h"

namespace lede::analysis_test {

struct GoldQuote {
  std::string kind, speaker;
  uint32_t start = 0, end = 0;
};

struct QuoteArticle {
  std::string id;
  std::string reference_date;
  std::string text;
  std::vector<GoldQuote> quotes;
};

// Reads the annotations in `quotes_dir` (meantime.tsv, own.tsv, articles/).
// MEANTIME articles are rebuilt from LEDE_DATA_DIR and left out when it is
// absent. Problems (a snippet not found) are appended to `errors`.
std::vector<QuoteArticle> read_quote_set(const std::string& quotes_dir, std::string* errors);

struct QuoteScores {
  Score quotes;               // match: overlaps at least half of the true quote
  size_t speakers_right = 0;  // of the matched quotes
  double speaker_accuracy() const {
    return quotes.matched ? double(speakers_right) / quotes.matched : 0;
  }
};

// Runs lede's analysis on each article and scores its quotes.
QuoteScores score_quotes(const std::vector<QuoteArticle>& articles, std::string* report = nullptr);

// Same speaker? Case-insensitive; a name matches its surname alone.
bool same_speaker(std::string_view gold, std::string_view predicted);

}  // namespace lede::analysis_test
