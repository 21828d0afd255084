// The scoring metric of the article extraction benchmark (AEB), written from its
// description in ../shared/data/aeb/README.md so lede can be measured against the
// benchmark's published figures.
//
//   lede::quality::PageScore page = lede::quality::score_page(truth_text, predicted_text);
//   std::vector<lede::quality::PageScore> pages = ...;
//   lede::quality::Summary s = lede::quality::summarize(pages);
//   std::cout << s.f1.value << " ± " << s.f1.std << "\n";
//
// The metric, step by step:
//   1. Tokens are the matches of Python's `re` pattern `\w+` on the text: runs of
//      letters (L*), numbers (N*) and '_'. Case is kept. Combining marks (Mn, Mc)
//      are not word characters in Python, so they split tokens (see tokenize()).
//   2. Each text becomes the multiset of its 4-token shingles. A text with 1 to 3
//      tokens has one shingle, its whole token list; a text with no token has none.
//   3. Per page, tp = shared shingles (sum of the smaller counts), fp = shingles
//      only the prediction has, fn = shingles only the truth has; then tp, fp and
//      fn are divided by their sum (all zero when the sum is zero).
//   4. Precision = mean of tp/(tp+fp) over pages with tp+fp > 0; recall = mean of
//      tp/(tp+fn) over pages with tp+fn > 0; F1 = harmonic mean of the two means.
//      Accuracy = share of all pages whose token sequences are equal.
//   5. The ± figures are the standard deviation of each metric over bootstrap
//      resamples of the pages (drawn with replacement, fixed seed).
//
// All functions are pure and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "lede/result.h"

namespace lede::quality {

// Shingle length of the benchmark's metric.
inline constexpr size_t kShingleSize = 4;
// Resamples behind the ± figures; the benchmark's authors use 1000.
inline constexpr int kBootstrapResamples = 1000;
// Fixed so that two runs on the same predictions print the same ± figures.
inline constexpr uint64_t kBootstrapSeed = 20190925;

// The `\w+` tokens of UTF-8 `text`, in order. Malformed bytes separate tokens.
std::vector<std::string> tokenize(std::string_view text);

// True when `cp` is a word character of Python's `\w` on str patterns.
bool is_word_code_point(char32_t cp);

// The score of one page. tp, fp and fn are normalised to sum to 1, or are all
// zero when neither text has a token.
struct PageScore {
  std::string id;
  double tp = 0;
  double fp = 0;
  double fn = 0;
  bool exact = false;  // the token sequences are equal

  // tp/(tp+fp); empty when the prediction has no shingle.
  std::optional<double> precision() const;
  // tp/(tp+fn); empty when the truth has no shingle.
  std::optional<double> recall() const;
  // Harmonic mean of the page's precision and recall. 1 when both texts are
  // empty (nothing to find, nothing found); 0 when only one side is empty.
  double f1() const;
};

// Scores one page: `truth` is the hand-checked body, `prediction` the extractor's.
PageScore score_page(std::string_view truth, std::string_view prediction);

struct Metric {
  double value = 0;
  double std = 0;  // bootstrap standard deviation
};

struct Summary {
  Metric f1;
  Metric precision;
  Metric recall;
  Metric accuracy;
  size_t pages = 0;
};

// Harmonic mean of `precision` and `recall`; 0 when both are 0.
double harmonic_mean(double precision, double recall);

// The benchmark figures over `pages`. `resamples` = 0 leaves every std at 0.
Summary summarize(std::span<const PageScore> pages, int resamples = kBootstrapResamples,
                  uint64_t seed = kBootstrapSeed);

// The page id of an input path: its basename without the extensions the AEB
// files and lede's inputs carry (".html.gz", ".html", ".txt", ".gz"), so
// "aeb/html/0a1b.html.gz" and "aeb-text/w3m/0a1b.txt" both give "0a1b".
std::string page_id_from_path(std::string_view path);

// Ground truth: page id -> article body, from the benchmark's
// ground-truth.json ({"<id>": {"articleBody": "...", ...}, ...}).
Result<std::map<std::string, std::string>> load_truth(const std::string& path);

// Predictions read from JSON Lines as `lede extract` writes them.
struct Predictions {
  std::map<std::string, std::string> text_by_id;  // error records map to ""
  std::vector<std::string> error_ids;             // pages whose line was an error record
};

// Reads predictions: each non-blank line is {"text": ..., "source": {"path": ...}}
// or {"error": {...}, "source": {"path": ...}}; a record whose "text" is
// missing or null counts as an empty prediction. Fails on a line that is not
// such an object or on two lines for the same page.
Result<Predictions> load_predictions(const std::string& path);

}  // namespace lede::quality
