#include "word_score.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <unordered_map>

#include "aeb_score.h"

namespace lede::quality {
namespace {

Result<std::string> slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot open " + path);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string normalize(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (U_SUCCESS(status)) {
    icu::UnicodeString n = nfkc->normalize(u, status);
    if (U_SUCCESS(status)) u = n;
  }
  u.toLower();
  std::string out;
  u.toUTF8String(out);
  return out;
}

}  // namespace

std::vector<std::string> word_tokens(std::string_view text) { return tokenize(normalize(text)); }

WordScore score_words(std::string_view gold, std::string_view prediction) {
  WordScore s;
  std::unordered_map<std::string, int64_t> counts;
  for (std::string& t : word_tokens(gold)) {
    ++counts[std::move(t)];
    ++s.gold;
  }
  size_t overlap = 0;
  for (std::string& t : word_tokens(prediction)) {
    ++s.predicted;
    auto it = counts.find(t);
    if (it != counts.end() && it->second > 0) {
      --it->second;
      ++overlap;
    }
  }
  if (s.gold == 0 && s.predicted == 0) {
    s.precision = s.recall = s.f1 = 1;
    return s;
  }
  if (s.predicted > 0)
    s.precision = static_cast<double>(overlap) / static_cast<double>(s.predicted);
  if (s.gold > 0) s.recall = static_cast<double>(overlap) / static_cast<double>(s.gold);
  s.f1 = harmonic_mean(s.precision, s.recall);
  return s;
}

Result<std::map<std::string, GoldPage>> load_wcxb(const std::string& dir) {
  Result<std::string> types_text = slurp(dir + "/types.json");
  if (!types_text) return tl::unexpected(types_text.error());
  const nlohmann::json types = nlohmann::json::parse(*types_text, nullptr, false);
  if (types.is_discarded() || !types.is_object())
    return make_error(ErrorCode::kUsage, dir + "/types.json: not a JSON object");
  std::map<std::string, GoldPage> pages;
  for (const auto& [id, type] : types.items()) {
    Result<std::string> text = slurp(dir + "/ground-truth/" + id + ".json");
    if (!text) return tl::unexpected(text.error());
    const nlohmann::json doc = nlohmann::json::parse(*text, nullptr, false);
    GoldPage page;
    page.type = type.is_string() ? type.get<std::string>() : "";
    if (doc.is_discarded() || !doc.is_object() || !doc.contains("ground_truth"))
      return make_error(ErrorCode::kUsage, id + ": no ground_truth object");
    const nlohmann::json& gt = doc["ground_truth"];
    if (gt.contains("main_content") && gt["main_content"].is_string())
      page.text = gt["main_content"].get<std::string>();
    pages.emplace(id, std::move(page));
  }
  return pages;
}

Result<std::map<std::string, GoldPage>> load_gold_dir(const std::string& dir) {
  std::map<std::string, GoldPage> pages;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string path = entry.path().string();
    if (!path.ends_with(".txt")) continue;
    Result<std::string> text = slurp(path);
    if (!text) return tl::unexpected(text.error());
    pages.emplace(page_id_from_path(path), GoldPage{std::move(*text), ""});
  }
  if (ec) return make_error(ErrorCode::kIo, "cannot list " + dir);
  return pages;
}

Result<std::map<std::string, Prediction>> load_records(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return make_error(ErrorCode::kIo, "cannot open " + path);
  std::map<std::string, Prediction> out;
  std::string line;
  auto str = [](const nlohmann::json& o, const char* key) {
    auto it = o.find(key);
    return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
  };
  while (std::getline(in, line)) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (record.is_discarded() || !record.is_object() || !record.contains("source") ||
        !record["source"].is_object())
      return make_error(ErrorCode::kUsage, path + ": a line is not a record with a source");
    Prediction p;
    if (!record.contains("error")) {
      p.text = str(record, "text");
      p.title = str(record, "title");
      p.page_type = str(record, "page_type");
    }
    out[page_id_from_path(str(record["source"], "path"))] = std::move(p);
  }
  return out;
}

Result<std::map<std::string, Prediction>> load_text_dir(const std::string& dir) {
  std::map<std::string, Prediction> out;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string path = entry.path().string();
    if (!path.ends_with(".txt")) continue;
    Result<std::string> text = slurp(path);
    if (!text) return tl::unexpected(text.error());
    out[page_id_from_path(path)].text = std::move(*text);
  }
  if (ec) return make_error(ErrorCode::kIo, "cannot list " + dir);
  return out;
}

}  // namespace lede::quality
