// Archives written by a real crawler: wget fetches pages from a local
// server with --warc-file, and lede reads them back.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "input/read.h"
#include "lede/lede.h"
#include "lede/output.h"
#include "lede/warc.h"
#include "local_crawl.h"
#include "warc_builder.h"

namespace lede {
namespace {

namespace fs = std::filesystem;

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<WarcRecord> read_all(const std::string& path) {
  std::vector<WarcRecord> records;
  auto reader = WarcReader::open(path);
  EXPECT_TRUE(reader) << path;
  if (reader)
    while (auto r = reader->next()) records.push_back(std::move(*r));
  return records;
}

const WarcRecord* find_response(const std::vector<WarcRecord>& records, const std::string& uri) {
  for (const WarcRecord& r : records)
    if (r.type == "response" && r.target_uri == uri) return &r;
  return nullptr;
}

std::string data_dir() {
  const char* env = std::getenv("LEDE_DATA_DIR");
  return env ? env : LEDE_DEFAULT_DATA_DIR;
}

// A small site with pages that need each part of the reader.
class WgetCrawl : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("lede_wget_" + std::to_string(getpid()));
    fs::create_directories(dir_ / "site");
    std::ofstream(dir_ / "site" / "a.html", std::ios::binary)
        << testing::article_page("Council passes the budget");
    std::ofstream(dir_ / "site" / "b.html", std::ios::binary)
        << testing::article_page("Bridge reopens after repairs", "story");
    std::string latin1 = "<html><head><title>Caf\xe9 de la gare</title></head><body><article>";
    for (int i = 0; i < 5; ++i)
      latin1 +=
          "<p>Le caf\xe9 de la gare rouvre apr\xe8s des ann\xe9\x65s de "
          "travaux, et le "
          "quartier s'en r\xe9jouit depuis le d\xe9\x62ut de la semaine "
          "derni\xe8re.</p>";
    std::ofstream(dir_ / "site" / "latin1.html", std::ios::binary)
        << latin1 << "</article></body></html>";
    std::ofstream(dir_ / "site" / "logo.png", std::ios::binary) << "\x89PNG\r\n\x1a\n....";
    if (!testing::have_wget()) return;
    server_ = new testing::LocalServer(LEDE_INPUT_TEST_DIR "/serve.py", (dir_ / "site").string());
    if (server_->port() == 0) return;
    for (const char* path : {"a.html", "b.html", "missing.html", "logo.png", "chunked/a.html",
                             "gzip/b.html", "chunked-gzip/a.html", "latin1/latin1.html"})
      urls_.push_back(server_->url(path));
    gz_ = testing::wget_archive(urls_, dir_ / "crawl");
    plain_ = testing::wget_archive(urls_, dir_ / "plain", false);
  }
  static void TearDownTestSuite() {
    delete server_;
    server_ = nullptr;
    fs::remove_all(dir_);
  }
  void SetUp() override {
    if (gz_.empty() || plain_.empty()) GTEST_SKIP() << "wget or the local server is unavailable";
  }

  static inline fs::path dir_;
  static inline testing::LocalServer* server_ = nullptr;
  static inline std::vector<std::string> urls_;
  static inline std::string gz_, plain_;
};

TEST_F(WgetCrawl, ReadsEveryRecordOfBothArchiveForms) {
  for (const std::string& path : {gz_, plain_}) {
    std::map<std::string, int> types;
    for (const WarcRecord& r : read_all(path)) {
      EXPECT_FALSE(r.error) << path << " at " << r.offset << ": " << r.error->message;
      ++types[r.type];
    }
    EXPECT_EQ(types["warcinfo"], 1) << path;
    EXPECT_EQ(types["request"], 8) << path;
    EXPECT_EQ(types["response"], 8) << path;
  }
}

TEST_F(WgetCrawl, OffsetsAreThoseOfWgetsCdx) {
  for (std::string base : {"crawl", "plain"}) {
    auto rows = testing::read_cdx((dir_ / (base + ".cdx")).string());
    ASSERT_EQ(rows.size(), 8u) << base;
    auto records = read_all(base == "crawl" ? gz_ : plain_);
    for (const auto& [uri, offset] : rows) {
      const WarcRecord* r = find_response(records, uri);
      ASSERT_NE(r, nullptr) << uri;
      EXPECT_EQ(r->offset, offset) << base << " " << uri;
    }
  }
}

TEST_F(WgetCrawl, EncodedPayloadsGiveTheFilesBytes) {
  auto records = read_all(gz_);
  for (auto [path, file] : {std::pair<const char*, const char*>{"a.html", "a.html"},
                            {"chunked/a.html", "a.html"},
                            {"gzip/b.html", "b.html"},
                            {"chunked-gzip/a.html", "a.html"}}) {
    const WarcRecord* r = find_response(records, server_->url(path));
    ASSERT_NE(r, nullptr) << path;
    auto page = page_from_record(*r);
    ASSERT_TRUE(page) << path << ": " << page.error().message;
    EXPECT_EQ(page->skipped, "") << path;
    EXPECT_EQ(page->body, slurp(dir_ / "site" / file)) << path;
  }
  // The encodings really were on the wire.
  EXPECT_NE(find_response(records, server_->url("chunked/a.html"))->block.find("chunked"),
            std::string::npos);
  EXPECT_NE(
      find_response(records, server_->url("gzip/b.html"))->block.find("Content-Encoding: gzip"),
      std::string::npos);
}

TEST_F(WgetCrawl, MissingPagesAndImagesAreSkippedWithTheirReason) {
  auto records = read_all(gz_);
  auto missing = page_from_record(*find_response(records, server_->url("missing.html")));
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->skipped, "http_404");
  auto logo = page_from_record(*find_response(records, server_->url("logo.png")));
  ASSERT_TRUE(logo);
  EXPECT_EQ(logo->skipped, "not_html");
}

TEST_F(WgetCrawl, CharsetDeclaredOnlyInTheHttpHeaderDecodesThePage) {
  auto records = read_all(plain_);
  const WarcRecord* r = find_response(records, server_->url("latin1/latin1.html"));
  ASSERT_NE(r, nullptr);
  auto page = page_from_record(*r);
  ASSERT_TRUE(page);
  Options options;
  options.url = r->target_uri;
  options.http_charset = page->charset;
  auto article = extract(page->body, options);
  ASSERT_TRUE(article) << article.error().message;
  EXPECT_EQ(article->title, "Caf\u00e9 de la gare");
  EXPECT_EQ(article->url, r->target_uri);
  EXPECT_NE(article->text.find("apr\u00e8s des ann\u00e9es"), std::string::npos);
}

// The AEB pages crawled through the local server give the same records as
// the same pages read from files.
TEST(WgetAeb, PagesServedAndArchivedGiveTheSameRecordsAsFiles) {
  fs::path aeb = fs::path(data_dir()) / "aeb" / "html";
  if (!fs::is_directory(aeb))
    GTEST_SKIP() << "AEB pages not found under LEDE_DATA_DIR=" << data_dir();
  if (!testing::have_wget()) GTEST_SKIP() << "wget is not installed";
  fs::path dir = fs::temp_directory_path() / ("lede_wget_aeb_" + std::to_string(getpid()));
  fs::create_directories(dir / "site");
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(aeb)) {
    std::string name = e.path().filename().string();
    if (name.size() < 4 || name.substr(name.size() - 3) != ".gz") continue;
    auto html = input::gunzip(slurp(e.path()), 64 << 20);
    ASSERT_TRUE(html) << name;
    name = name.substr(0, name.size() - 3);
    std::ofstream(dir / "site" / name, std::ios::binary) << *html;
    names.push_back(name);
  }
  std::sort(names.begin(), names.end());
  testing::LocalServer server(LEDE_INPUT_TEST_DIR "/serve.py", (dir / "site").string());
  ASSERT_NE(server.port(), 0);
  std::vector<std::string> urls;
  for (const std::string& n : names) urls.push_back(server.url(n));
  std::string archive = testing::wget_archive(urls, dir / "aeb");
  ASSERT_FALSE(archive.empty());

  Extractor extractor;
  size_t compared = 0;
  auto reader = WarcReader::open(archive);
  ASSERT_TRUE(reader);
  while (auto record = reader->next()) {
    ASSERT_FALSE(record->error) << record->error->message;
    auto page = page_from_record(*record);
    ASSERT_TRUE(page);
    if (!page->skipped.empty()) continue;
    std::string name = record->target_uri.substr(record->target_uri.rfind('/') + 1);
    std::string file_bytes = slurp(dir / "site" / name);
    ASSERT_EQ(page->body, file_bytes) << name;
    Options options;
    options.url = record->target_uri;
    options.path = name;
    options.http_charset = page->charset;
    auto from_archive = extractor.extract(page->body, options);
    options.http_charset.clear();
    auto from_file = extractor.extract(file_bytes, options);
    ASSERT_EQ(from_archive.has_value(), from_file.has_value()) << name;
    if (from_file) {
      EXPECT_EQ(to_json(*from_archive), to_json(*from_file)) << name;
    }
    ++compared;
  }
  EXPECT_EQ(compared, names.size());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace lede
