// Word-level F1 of extracted main content, the measure of the Web Content
// Extraction Benchmark (WCXB, ../shared/data/wcxb/README.md) and of the webtext
// collections (../shared/data/webtext/README.md), written from those
// descriptions so lede can be set beside the published figures.
//
//   lede::quality::WordScore s = lede::quality::score_words(gold, prediction);
//
// The metric, step by step:
//   1. Both texts are NFKC-normalised and lower-cased; tokens are the runs of
//      Python `\w` characters (aeb_score.h's tokenize()).
//   2. The two token multisets overlap by the sum of the smaller counts.
//   3. P = overlap / predicted tokens, R = overlap / gold tokens, F1 their
//      harmonic mean. Both empty scores 1; one side empty scores 0.
//   4. A set's figure is the mean over its pages of P, R and F1.
//
// All functions are pure and thread-safe.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lede/result.h"

namespace lede::quality {

struct WordScore {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  size_t predicted = 0;  // tokens
  size_t gold = 0;
};

// NFKC, lower case, then `\w+` tokens.
std::vector<std::string> word_tokens(std::string_view text);

WordScore score_words(std::string_view gold, std::string_view prediction);

// A page of a collection: its gold text and, for WCXB, its page type.
struct GoldPage {
  std::string text;
  std::string type;  // "" outside WCXB
};

// WCXB: ground-truth/ID.json's main_content and types.json, keyed by ID.
Result<std::map<std::string, GoldPage>> load_wcxb(const std::string& dir);
// A webtext set: gold/NAME.txt, keyed by NAME.
Result<std::map<std::string, GoldPage>> load_gold_dir(const std::string& dir);

// One extractor's output for a page.
struct Prediction {
  std::string text;
  std::string title;
  std::string page_type;
};

// Records as `lede extract` writes them (JSON Lines), keyed by page id; error
// records give an empty prediction.
Result<std::map<std::string, Prediction>> load_records(const std::string& path);
// Another extractor's outputs: DIR/ID.txt, keyed by ID.
Result<std::map<std::string, Prediction>> load_text_dir(const std::string& dir);

}  // namespace lede::quality
