#include "aeb_score.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <unordered_map>

namespace lede::quality {
namespace {

// A shingle as the interned ids of its tokens; a shorter-than-4 text pads with
// kNoToken so its one shingle cannot equal a real 4-token shingle.
using Shingle = std::array<uint32_t, kShingleSize>;
constexpr uint32_t kNoToken = UINT32_MAX;

struct ShingleHash {
  size_t operator()(const Shingle& s) const {
    uint64_t h = 1469598103934665603ULL;  // FNV-1a over the four ids
    for (uint32_t id : s) {
      h ^= id;
      h *= 1099511628211ULL;
    }
    return static_cast<size_t>(h ^ (h >> 29));
  }
};

using ShingleCounts = std::unordered_map<Shingle, int64_t, ShingleHash>;

// Interns the tokens of both texts of a page so shingles compare as integers.
class TokenIds {
 public:
  std::vector<uint32_t> ids_of(const std::vector<std::string>& tokens) {
    std::vector<uint32_t> out;
    out.reserve(tokens.size());
    for (const std::string& t : tokens) {
      auto [it, inserted] = ids_.try_emplace(t, static_cast<uint32_t>(ids_.size()));
      out.push_back(it->second);
    }
    return out;
  }

 private:
  std::unordered_map<std::string, uint32_t> ids_;
};

ShingleCounts shingles_of(const std::vector<uint32_t>& ids) {
  ShingleCounts counts;
  if (ids.empty()) return counts;
  if (ids.size() < kShingleSize) {
    Shingle s;
    s.fill(kNoToken);
    std::copy(ids.begin(), ids.end(), s.begin());
    counts[s] = 1;
    return counts;
  }
  for (size_t i = 0; i + kShingleSize <= ids.size(); ++i) {
    Shingle s;
    std::copy(ids.begin() + i, ids.begin() + i + kShingleSize, s.begin());
    ++counts[s];
  }
  return counts;
}

int64_t total(const ShingleCounts& counts) {
  int64_t n = 0;
  for (const auto& [shingle, count] : counts) n += count;
  return n;
}

// A uniform index in [0, n) from one 64-bit draw (multiply-shift), the same on
// every standard library, unlike std::uniform_int_distribution.
size_t draw_index(std::mt19937_64& rng, size_t n) {
  return static_cast<size_t>((static_cast<unsigned __int128>(rng()) * n) >> 64);
}

struct Means {
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  double accuracy = 0;
};

// The four figures over the pages at `indices` (repeats allowed).
Means means_over(std::span<const PageScore> pages, std::span<const size_t> indices) {
  double precision_sum = 0;
  double recall_sum = 0;
  size_t precision_pages = 0;
  size_t recall_pages = 0;
  size_t exact_pages = 0;
  for (size_t i : indices) {
    const PageScore& page = pages[i];
    if (auto p = page.precision()) {
      precision_sum += *p;
      ++precision_pages;
    }
    if (auto r = page.recall()) {
      recall_sum += *r;
      ++recall_pages;
    }
    if (page.exact) ++exact_pages;
  }
  Means m;
  m.precision = precision_pages ? precision_sum / static_cast<double>(precision_pages) : 0;
  m.recall = recall_pages ? recall_sum / static_cast<double>(recall_pages) : 0;
  m.f1 = harmonic_mean(m.precision, m.recall);
  m.accuracy = indices.empty() ? 0 : static_cast<double>(exact_pages) / indices.size();
  return m;
}

// Population standard deviation, as numpy's default std().
double std_dev(const std::vector<double>& xs) {
  if (xs.empty()) return 0;
  double mean = 0;
  for (double x : xs) mean += x;
  mean /= static_cast<double>(xs.size());
  double sq = 0;
  for (double x : xs) sq += (x - mean) * (x - mean);
  return std::sqrt(sq / static_cast<double>(xs.size()));
}

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

Result<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot open " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return make_error(ErrorCode::kIo, "cannot read " + path);
  return buf.str();
}

}  // namespace

bool is_word_code_point(char32_t cp) {
  if (cp == U'_') return true;
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER:
    case U_LOWERCASE_LETTER:
    case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER:
    case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

std::vector<std::string> tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
  const auto length = static_cast<int32_t>(text.size());
  int32_t i = 0;
  int32_t token_start = -1;
  while (i < length) {
    const int32_t start = i;
    UChar32 cp;
    U8_NEXT(bytes, i, length, cp);  // cp < 0 on a malformed sequence
    const bool word = cp >= 0 && is_word_code_point(static_cast<char32_t>(cp));
    if (word && token_start < 0) token_start = start;
    if (!word && token_start >= 0) {
      tokens.emplace_back(text.substr(token_start, start - token_start));
      token_start = -1;
    }
  }
  if (token_start >= 0) tokens.emplace_back(text.substr(token_start));
  return tokens;
}

std::optional<double> PageScore::precision() const {
  if (tp + fp <= 0) return std::nullopt;
  return tp / (tp + fp);
}

std::optional<double> PageScore::recall() const {
  if (tp + fn <= 0) return std::nullopt;
  return tp / (tp + fn);
}

double PageScore::f1() const {
  const std::optional<double> p = precision();
  const std::optional<double> r = recall();
  if (!p && !r) return 1;
  if (!p || !r) return 0;
  return harmonic_mean(*p, *r);
}

double harmonic_mean(double precision, double recall) {
  if (precision + recall <= 0) return 0;
  return 2 * precision * recall / (precision + recall);
}

PageScore score_page(std::string_view truth, std::string_view prediction) {
  const std::vector<std::string> truth_tokens = tokenize(truth);
  const std::vector<std::string> predicted_tokens = tokenize(prediction);
  TokenIds ids;
  const ShingleCounts truth_shingles = shingles_of(ids.ids_of(truth_tokens));
  const ShingleCounts predicted_shingles = shingles_of(ids.ids_of(predicted_tokens));

  int64_t shared = 0;
  for (const auto& [shingle, count] : predicted_shingles) {
    auto it = truth_shingles.find(shingle);
    if (it != truth_shingles.end()) shared += std::min(count, it->second);
  }
  const int64_t only_predicted = total(predicted_shingles) - shared;
  const int64_t only_truth = total(truth_shingles) - shared;

  PageScore page;
  const auto sum = static_cast<double>(shared + only_predicted + only_truth);
  if (sum > 0) {
    page.tp = static_cast<double>(shared) / sum;
    page.fp = static_cast<double>(only_predicted) / sum;
    page.fn = static_cast<double>(only_truth) / sum;
  }
  page.exact = truth_tokens == predicted_tokens;
  return page;
}

Summary summarize(std::span<const PageScore> pages, int resamples, uint64_t seed) {
  std::vector<size_t> all(pages.size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  const Means point = means_over(pages, all);

  Summary summary;
  summary.pages = pages.size();
  summary.f1.value = point.f1;
  summary.precision.value = point.precision;
  summary.recall.value = point.recall;
  summary.accuracy.value = point.accuracy;
  if (resamples <= 0 || pages.empty()) return summary;

  std::mt19937_64 rng(seed);
  std::vector<double> f1s, precisions, recalls, accuracies;
  std::vector<size_t> sample(pages.size());
  for (int r = 0; r < resamples; ++r) {
    for (size_t& i : sample) i = draw_index(rng, pages.size());
    const Means m = means_over(pages, sample);
    f1s.push_back(m.f1);
    precisions.push_back(m.precision);
    recalls.push_back(m.recall);
    accuracies.push_back(m.accuracy);
  }
  summary.f1.std = std_dev(f1s);
  summary.precision.std = std_dev(precisions);
  summary.recall.std = std_dev(recalls);
  summary.accuracy.std = std_dev(accuracies);
  return summary;
}

std::string page_id_from_path(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  // Longest first, so "x.html.gz" loses both extensions.
  for (std::string_view ext : {".html.gz", ".html", ".txt", ".gz"}) {
    if (ends_with(name, ext) && name.size() > ext.size()) {
      name.remove_suffix(ext.size());
      break;
    }
  }
  return std::string(name);
}

Result<std::map<std::string, std::string>> load_truth(const std::string& path) {
  Result<std::string> text = read_file(path);
  if (!text) return tl::unexpected(text.error());
  const nlohmann::json doc = nlohmann::json::parse(*text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded() || !doc.is_object()) {
    return make_error(ErrorCode::kUsage, path + ": not a JSON object");
  }
  std::map<std::string, std::string> truth;
  for (const auto& [id, page] : doc.items()) {
    if (!page.is_object()) {
      return make_error(ErrorCode::kUsage, path + ": page " + id + " is not an object");
    }
    auto body = page.find("articleBody");
    if (body == page.end() || !(body->is_string() || body->is_null())) {
      return make_error(ErrorCode::kUsage, path + ": page " + id + " has no articleBody string");
    }
    truth[id] = body->is_string() ? body->get<std::string>() : std::string();
  }
  return truth;
}

Result<Predictions> load_predictions(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot open " + path);
  Predictions predictions;
  std::string line;
  size_t line_number = 0;
  while (std::getline(in, line)) {
    ++line_number;
    const std::string where = path + ":" + std::to_string(line_number) + ": ";
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object()) {
      return make_error(ErrorCode::kUsage, where + "not a JSON object");
    }
    auto source = record.find("source");
    if (source == record.end() || !source->is_object() || !source->contains("path") ||
        !(*source)["path"].is_string()) {
      return make_error(ErrorCode::kUsage, where + "no source.path string");
    }
    const std::string id = page_id_from_path((*source)["path"].get<std::string>());
    std::string text;
    if (record.contains("error")) {
      predictions.error_ids.push_back(id);
    } else if (auto t = record.find("text"); t != record.end() && !t->is_null()) {
      if (!t->is_string()) return make_error(ErrorCode::kUsage, where + "\"text\" is not a string");
      text = t->get<std::string>();
    }
    if (!predictions.text_by_id.emplace(id, std::move(text)).second) {
      return make_error(ErrorCode::kUsage, where + "a second record for page " + id);
    }
  }
  if (in.bad()) return make_error(ErrorCode::kIo, "cannot read " + path);
  return predictions;
}

}  // namespace lede::quality
