// Quality gate: lede's metadata on hand-annotated AEB pages
// (aeb_annotations.json, facts read from each page's HTML).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>

#include "aeb_scoring.h"
#include "lede/lede.h"
#include "lede/output.h"

namespace lede::metadata_gate {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Floors: the title and language from the first issue; the day and the authors at the values
// reached (60/61 each).
constexpr double kMinTitle = 0.95;
constexpr double kMinPublishedDay = 0.97;
constexpr double kMinAuthors = 0.97;
constexpr double kMinLanguage = 0.95;
// The issue asks for at least this many annotated pages.
constexpr size_t kMinAnnotated = 60;

TEST(AebGate, MetadataMatchesHandAnnotations) {
  const char* env = std::getenv("LEDE_DATA_DIR");
  const fs::path aeb = fs::path(env ? env : LEDE_DEFAULT_DATA_DIR) / "aeb";
  if (!fs::exists(aeb / "ground-truth.json")) GTEST_SKIP() << "no AEB data at " << aeb;
  std::ifstream ann_in(fs::path(LEDE_METADATA_TEST_DIR) / "aeb_annotations.json");
  json annotations = json::parse(ann_in, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(annotations.is_discarded());
  ASSERT_GE(annotations.at("pages").size(), kMinAnnotated);
  std::ifstream gt_in(aeb / "ground-truth.json");
  json truth = json::parse(gt_in);

  std::map<std::string, json> records;
  Extractor extractor;
  for (const auto& [id, unused] : annotations.at("pages").items()) {
    std::ifstream in(aeb / "html" / (id + ".html.gz"), std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(bytes.empty()) << id;
    Options options;
    options.url = truth.at(id).value("url", "");
    Result<Article> article = extractor.extract(bytes, options);
    if (article) records[id] = json::parse(to_json(*article));
  }
  std::map<std::string, Tally> t = score_aeb(annotations, records);
  for (const auto& [field, tally] : t) {
    std::cout << report_line(field, tally) << "\n";
    for (const std::string& miss : tally.misses) std::cout << "  " << miss << "\n";
  }
  EXPECT_GE(t["title"].share(), kMinTitle);
  EXPECT_GE(t["published"].share(), kMinPublishedDay);
  EXPECT_GE(t["authors"].share(), kMinAuthors);
  EXPECT_GE(t["language"].share(), kMinLanguage);
}

}  // namespace
}  // namespace lede::metadata_gate
