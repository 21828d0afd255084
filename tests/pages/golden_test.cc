// Golden page fixtures: every tests/pages/<slug>/source.html goes through the public API
// (lede::extract, then lede::to_json) and the record is compared with <slug>/expected.json on
// every field the fixture writes down (kComparedFields). A failure names the fixture and the
// first difference. KNOWN_DIFFERENCES.tsv lists the fields lede gets wrong today, with why:
// those are reported, not failed, and a listed field that starts to match fails the test
// until its line is removed.
//
// Update switch: with LEDE_UPDATE_GOLDEN=1 a fixture that differs gets an actual.json beside
// it instead of a failure. expected.json is never written: it holds the true values, checked
// by a person (see tests/pages/README.md).
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lede/lede.h"
#include "lede/output.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Every field a fixture's expected.json writes down (tests/pages/README.md). A dotted name
// reaches into an object, or into each object of a list: "images.caption" is the caption of
// every image, in order; "site.domain" the site's domain.
constexpr std::array<std::string_view, 12> kComparedFields = {
    "title",        "text",      "images.url", "images.caption", "images.credit", "published",
    "authors",      "site.name", "site.domain", "language",      "dateline.place", "dateline.agency"};

// Fewer fixtures than this means the folder was not found or was emptied by mistake.
constexpr size_t kMinFixtures = 20;

// Longest excerpt of a value shown in a failure message, so one message stays readable.
constexpr size_t kMaxShownChars = 400;

constexpr std::string_view kParagraphBreak = "\n\n";

fs::path pages_dir() { return fs::path(LEDE_PAGES_DIR); }

// Lines of KNOWN_DIFFERENCES.tsv as "slug field" keys.
std::set<std::string> known_differences() {
  std::set<std::string> known;
  std::ifstream in(pages_dir() / "KNOWN_DIFFERENCES.tsv");
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    size_t tab1 = line.find('\t');
    size_t tab2 = tab1 == std::string::npos ? tab1 : line.find('\t', tab1 + 1);
    if (tab2 == std::string::npos) continue;
    known.insert(line.substr(0, tab1) + " " + line.substr(tab1 + 1, tab2 - tab1 - 1));
  }
  return known;
}

bool update_mode() {
  const char* value = std::getenv("LEDE_UPDATE_GOLDEN");
  return value != nullptr && std::string_view(value) == "1";
}

// Slugs of the fixture folders (those holding a source.html), sorted.
std::vector<std::string> fixture_slugs() {
  std::vector<std::string> slugs;
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(pages_dir(), error)) {
    if (entry.is_directory() && fs::exists(entry.path() / "source.html")) {
      slugs.push_back(entry.path().filename().string());
    }
  }
  std::sort(slugs.begin(), slugs.end());
  return slugs;
}

std::optional<std::string> read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void write_file(const fs::path& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

std::string shown(std::string_view value) {
  std::string out = "\"";
  out.append(value.substr(0, kMaxShownChars));
  if (value.size() > kMaxShownChars) out += "...";
  out += "\"";
  return out;
}

std::vector<std::string> split_paragraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  if (text.empty()) return paragraphs;
  size_t start = 0;
  while (true) {
    size_t end = text.find(kParagraphBreak, start);
    if (end == std::string_view::npos) {
      paragraphs.emplace_back(text.substr(start));
      return paragraphs;
    }
    paragraphs.emplace_back(text.substr(start, end - start));
    start = end + kParagraphBreak.size();
  }
}

// A JSON value as comparable text: strings as they are, null as "", anything else dumped.
std::string as_text(const json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

// The values a (possibly dotted) field name reaches in a record, in order.
std::vector<std::string> field_values(const json& record, std::string_view field) {
  size_t dot = field.find('.');
  std::string head(field.substr(0, dot));
  if (!record.is_object() || !record.contains(head)) return {};
  const json& value = record.at(head);
  if (dot == std::string_view::npos) {
    if (!value.is_array()) return {as_text(value)};
    std::vector<std::string> items;  // a list of strings compares item by item
    for (const json& element : value) items.push_back(as_text(element));
    return items;
  }
  std::string_view rest = field.substr(dot + 1);
  // A null object ("dateline": null) holds empty fields.
  if (value.is_null()) return {""};
  if (value.is_object()) return field_values(value, rest);
  std::vector<std::string> values;
  if (!value.is_array()) return values;
  for (const json& element : value) {
    for (std::string& inner : field_values(element, rest)) values.push_back(std::move(inner));
  }
  return values;
}

// Describes the first differing item of two lists ("paragraph" or "item"), or nullopt if equal.
std::optional<std::string> first_difference(const std::vector<std::string>& expected,
                                            const std::vector<std::string>& actual,
                                            std::string_view unit) {
  size_t common = std::min(expected.size(), actual.size());
  for (size_t i = 0; i < common; ++i) {
    if (expected[i] != actual[i]) {
      std::ostringstream message;
      message << unit << " " << i + 1 << " of " << expected.size() << " expected (" << actual.size()
              << " actual) differs\n  expected: " << shown(expected[i])
              << "\n  actual:   " << shown(actual[i]);
      return message.str();
    }
  }
  if (expected.size() == actual.size()) return std::nullopt;
  std::ostringstream message;
  message << "expected " << expected.size() << " " << unit << "s, got " << actual.size();
  if (expected.size() > actual.size()) {
    message << "\n  first missing: " << shown(expected[common]);
  } else {
    message << "\n  first extra:   " << shown(actual[common]);
  }
  return message.str();
}

std::optional<std::string> compare_field(const json& expected, const json& actual,
                                         std::string_view field) {
  std::vector<std::string> want = field_values(expected, field);
  std::vector<std::string> got = field_values(actual, field);
  if (field == "text") {
    std::string want_text = want.empty() ? "" : want.front();
    std::string got_text = got.empty() ? "" : got.front();
    return first_difference(split_paragraphs(want_text), split_paragraphs(got_text), "paragraph");
  }
  return first_difference(want, got, "item");
}

class GoldenPages : public testing::TestWithParam<std::string> {};

TEST_P(GoldenPages, RecordMatchesExpectedFields) {
  const std::string& slug = GetParam();
  const fs::path dir = pages_dir() / slug;
  const fs::path actual_path = dir / "actual.json";

  std::optional<std::string> source = read_file(dir / "source.html");
  ASSERT_TRUE(source.has_value()) << slug << ": cannot read source.html";
  std::optional<std::string> expected_text = read_file(dir / "expected.json");
  ASSERT_TRUE(expected_text.has_value()) << slug << ": cannot read expected.json";
  json expected = json::parse(*expected_text, nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(expected.is_discarded()) << slug << ": expected.json is not valid JSON";
  for (std::string_view field : kComparedFields) {
    std::string head(field.substr(0, field.find('.')));
    ASSERT_TRUE(expected.contains(head)) << slug << ": expected.json has no \"" << head << "\"";
  }

  lede::Options options;
  options.path = (dir / "source.html").string();
  // The page's address, so that site.domain is read as it would be from a crawl.
  ASSERT_TRUE(expected.contains("url") && expected["url"].is_string())
      << slug << ": expected.json has no \"url\" (the page's address)";
  options.url = expected["url"].get<std::string>();
  lede::Result<lede::Article> article = lede::extract(*source, options);
  if (!article) {
    if (update_mode()) {
      lede::Source where;
      where.path = options.path;
      write_file(actual_path, lede::error_to_json(article.error(), where, 2) + "\n");
      return;
    }
    FAIL() << slug << ": extraction failed: " << article.error().message;
  }

  json actual = json::parse(lede::to_json(*article), nullptr, /*allow_exceptions=*/false);
  ASSERT_FALSE(actual.is_discarded()) << slug << ": lede::to_json wrote invalid JSON";

  std::vector<std::string> differences;
  const std::set<std::string> known = known_differences();
  for (std::string_view field : kComparedFields) {
    const bool is_known = known.count(slug + " " + std::string(field)) > 0;
    std::optional<std::string> difference = compare_field(expected, actual, field);
    if (difference && is_known) {
      std::printf("[known] tests/pages/%s %.*s: %s\n", slug.c_str(), static_cast<int>(field.size()),
                  field.data(), difference->c_str());
    } else if (difference) {
      differences.push_back(std::string(field) + ": " + *difference);
    } else if (is_known) {
      differences.push_back(std::string(field) +
                            ": now matches; remove its line from KNOWN_DIFFERENCES.tsv");
    }
  }
  // Fixtures written for a page type state it; older fixtures leave it out.
  if (expected.contains("page_type")) {
    if (std::optional<std::string> difference = compare_field(expected, actual, "page_type"))
      differences.push_back("page_type: " + *difference);
  }

  if (update_mode()) {
    if (differences.empty()) {
      std::error_code ignored;
      fs::remove(actual_path, ignored);
    } else {
      write_file(actual_path, lede::to_json(*article, 2) + "\n");
    }
    return;
  }
  for (const std::string& difference : differences) {
    ADD_FAILURE() << "tests/pages/" << slug << " " << difference;
  }
}

// Test names allow only letters, digits and underscores.
std::string test_name(const testing::TestParamInfo<std::string>& info) {
  std::string name = info.param;
  std::replace_if(
      name.begin(), name.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
      '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Fixtures, GoldenPages, testing::ValuesIn(fixture_slugs()), test_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(GoldenPages);

TEST(GoldenPagesFolder, HoldsTheFixtures) {
  EXPECT_GE(fixture_slugs().size(), kMinFixtures)
      << "too few fixtures under " << pages_dir() << "; is LEDE_PAGES_DIR right?";
}

// Options::page_type: a thread the model reads as one, given as an article,
// is read as an article (its first post, the replies as comments); given
// back as a forum, as the model reads it.
TEST(GivenPageType, IsHowThePageIsRead) {
  std::optional<std::string> source = read_file(pages_dir() / "forum-thread-pump-hum/source.html");
  ASSERT_TRUE(source.has_value());
  const auto read_as = [&](const std::string& type) {
    lede::Options options;
    options.page_type = type;
    lede::Result<lede::Article> article = lede::extract(*source, options);
    EXPECT_TRUE(article.has_value()) << type;
    return article ? *article : lede::Article{};
  };
  const lede::Article model = read_as("");
  const lede::Article article = read_as("article");
  const lede::Article forum = read_as("forum");
  EXPECT_EQ(model.page_type, "forum");
  EXPECT_EQ(article.page_type, "article");
  EXPECT_EQ(forum.page_type, "forum");
  const std::string reply = "Check the anti-vibration feet first.";
  EXPECT_NE(model.text.find(reply), std::string::npos) << model.text;
  EXPECT_EQ(article.text.find(reply), std::string::npos) << article.text;
  EXPECT_NE(article.text.find("Our outdoor unit started humming"), std::string::npos);
  EXPECT_EQ(forum.text, model.text);
}

TEST(GivenPageType, AnUnknownKindIsAUsageError) {
  lede::Options options;
  options.page_type = "blog";
  lede::Result<lede::Article> article = lede::extract("<p>One line of text.</p>", options);
  ASSERT_FALSE(article.has_value());
  EXPECT_EQ(article.error().code, lede::ErrorCode::kUsage);
  EXPECT_NE(article.error().message.find("\"blog\""), std::string::npos) << article.error().message;
  EXPECT_NE(article.error().message.find("documentation"), std::string::npos);
}

TEST(GoldenPagesCompare, NamesTheFirstDifferingParagraph) {
  json expected = {{"text", "One.\n\nTwo.\n\nThree."}};
  json actual = {{"text", "One.\n\nTwo!\n\nThree."}};
  std::optional<std::string> difference = compare_field(expected, actual, "text");
  ASSERT_TRUE(difference.has_value());
  EXPECT_NE(difference->find("paragraph 2 of 3"), std::string::npos) << *difference;
  EXPECT_NE(difference->find("\"Two.\""), std::string::npos) << *difference;
  EXPECT_NE(difference->find("\"Two!\""), std::string::npos) << *difference;
}

TEST(GoldenPagesCompare, ReportsMissingParagraphs) {
  json expected = {{"text", "One.\n\nTwo."}};
  json actual = {{"text", "One."}};
  std::optional<std::string> difference = compare_field(expected, actual, "text");
  ASSERT_TRUE(difference.has_value());
  EXPECT_NE(difference->find("first missing: \"Two.\""), std::string::npos) << *difference;
}

TEST(GoldenPagesCompare, ComparesCaptionsOfEveryImage) {
  json expected = {{"images", json::array({{{"caption", "A"}, {"credit", "X"}},
                                           {{"caption", "B"}, {"credit", "Y"}}})}};
  json same_captions = {{"images", json::array({{{"caption", "A"}, {"credit", "other"}},
                                                {{"caption", "B"}, {"credit", ""}}})}};
  json one_image = {{"images", json::array({{{"caption", "A"}}})}};
  EXPECT_FALSE(compare_field(expected, same_captions, "images.caption").has_value());
  EXPECT_TRUE(compare_field(expected, one_image, "images.caption").has_value());
  EXPECT_TRUE(compare_field(expected, json::object(), "images.caption").has_value());
}

TEST(GoldenPagesCompare, TreatsNullAndMissingTitleAlike) {
  json expected = {{"title", "Headline"}};
  EXPECT_TRUE(compare_field(expected, json{{"title", nullptr}}, "title").has_value());
  EXPECT_FALSE(compare_field(expected, json{{"title", "Headline"}}, "title").has_value());
}

}  // namespace
