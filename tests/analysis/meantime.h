// Reads MEANTIME (NewsReader, CC BY 4.0) articles from LEDE_DATA_DIR/meantime:
// rebuilds each article's text from its tokens (headline, then the body as one
// paragraph; the date line is left out, it is the creation time) with byte
// offsets per token, and collects the gold TIMEX3 and person mentions.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace lede::analysis_test {

struct GoldSpan {
  uint32_t start = 0, end = 0;  // bytes in MeantimeArticle::text
  std::string type, value;      // TIMEX3 type and value (empty for people)
};

struct MeantimeArticle {
  std::string id;             // doc_id, e.g. "112579"
  std::string topic;          // "corpus_stock", ...
  std::string creation_time;  // TIMEX3 value of the CREATION_TIME, "2008-09-04"
  std::string text;
  // MEANTIME annotates the headline and the first sentences only (up to
  // sentence 5); predictions past this byte are not scored.
  uint32_t annotated_end = 0;
  std::vector<GoldSpan> times;   // without the creation time
  std::vector<GoldSpan> people;  // named mentions of persons, nested ones merged
};

// The value of attribute `name` in an XML start tag, or "".
std::string xml_attr(std::string_view tag, std::string_view name);
// XML text with the five predefined entities decoded.
std::string xml_unescape(std::string_view s);

std::string meantime_dir();  // LEDE_DATA_DIR/meantime/intra-doc_annotation, or ""

// All articles of one topic folder, sorted by file name; empty when absent.
std::vector<MeantimeArticle> read_meantime_topic(const std::string& topic);

struct Score {
  size_t gold = 0, predicted = 0, matched = 0;
  double precision() const { return predicted ? double(matched) / predicted : 0; }
  double recall() const { return gold ? double(matched) / gold : 0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  void add(const Score& o) {
    gold += o.gold;
    predicted += o.predicted;
    matched += o.matched;
  }
};

struct TimexScores {
  Score relaxed, strict, value;  // value: relaxed match with the same value
  Score type;                    // relaxed match with the same type
  // Of the relaxed matches, the share with the gold type.
  double type_accuracy() const {
    return relaxed.matched ? double(type.matched) / relaxed.matched : 0;
  }
};

// Runs lede's analysis on each article with its creation time as reference.
TimexScores score_times(const std::vector<MeantimeArticle>& articles,
                        std::string* report = nullptr);
Score score_people(const std::vector<MeantimeArticle>& articles, std::string* report = nullptr);

}  // namespace lede::analysis_test
