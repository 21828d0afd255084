// The corpus commands through the lede binary: ingest, search, stats, and
// a corpus that survives being killed at random points.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Proc {
  int status = -1;
  std::string out;
};

// Runs a shell command, returning its exit status and stdout.
Proc sh(const std::string& cmd) {
  Proc r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int st = ::pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

std::string lede() { return LEDE_BINARY; }

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "lede-store-cli-XXXXXX").string();
    dir_ = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(dir_); }
  std::string file(const std::string& name) const { return (fs::path(dir_) / name).string(); }

 private:
  std::string dir_;
};

// `n` distinct article records as JSON Lines.
void write_records(const std::string& path, int n) {
  std::ofstream out(path);
  std::mt19937 rng(7);
  const char* words[] = {"harbour", "council", "festival", "tram",   "glacier", "library",
                         "orchard", "bridge",  "vaccine",  "market", "stadium", "river"};
  for (int i = 0; i < n; ++i) {
    std::string text;
    for (int s = 0; s < 8; ++s) {
      text += "Report " + std::to_string(i) + " line " + std::to_string(s) + " about the " +
              words[rng() % 12] + " and the " + words[rng() % 12] + " in ward " +
              std::to_string(rng() % 100000) + ". ";
    }
    json r = {{"url", "https://example.com/" + std::to_string(i)},
              {"site", {{"name", "Example"}, {"domain", "example.com"}}},
              {"language", "en"},
              {"title", "Report " + std::to_string(i)},
              {"published", "2023-06-13"},
              {"authors", json::array()},
              {"text", text},
              {"blocks", json::array()},
              {"quotes", json::array()},
              {"entities", json::array()},
              {"times", json::array()},
              {"source", {{"path", "x"}, {"kind", "html"}, {"bytes", 1}}}};
    out << r.dump() << "\n";
  }
}

json stats(const std::string& db) {
  Proc r = sh(lede() + " stats --format json --db " + db);
  EXPECT_EQ(r.status, 0);
  return json::parse(r.out, nullptr, false);
}

std::string integrity(const std::string& db) {
  sqlite3* h = nullptr;
  if (sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return "open";
  std::string result;
  sqlite3_exec(
      h, "PRAGMA integrity_check",
      [](void* out, int, char** v, char**) {
        *static_cast<std::string*>(out) += v[0] ? v[0] : "";
        return 0;
      },
      &result, nullptr);
  std::string fts;
  sqlite3_exec(h, "INSERT INTO article_fts(article_fts) VALUES('integrity-check')", nullptr,
               nullptr, nullptr);
  sqlite3_close(h);
  return result;
}

TEST(IngestCommand, JsonLinesTwiceAddsNothingTheSecondTime) {
  TempDir dir;
  std::string jsonl = dir.file("r.jsonl"), db = dir.file("c.db");
  write_records(jsonl, 50);
  EXPECT_EQ(sh(lede() + " ingest -q --db " + db + " " + jsonl).status, 0);
  EXPECT_EQ(stats(db)["articles"], 50);
  Proc again = sh(lede() + " ingest --db " + db + " " + jsonl + " 2>&1");
  EXPECT_EQ(again.status, 0);
  EXPECT_NE(again.out.find("0 articles added, 0 new versions, 50 already held"), std::string::npos)
      << again.out;
  EXPECT_EQ(stats(db)["versions"], 50);
}

TEST(IngestCommand, PagesAndTheirExtractedRecordsAreTheSameArticles) {
  TempDir dir;
  std::string db = dir.file("c.db"), jsonl = dir.file("p.jsonl");
  std::string pages = std::string(LEDE_PAGES_DIR) + "/ap-nato";
  ASSERT_TRUE(fs::exists(pages));
  EXPECT_EQ(sh(lede() + " ingest -q --no-analyze --db " + db + " " + pages + "/source.html").status,
            0);
  ASSERT_EQ(sh(lede() + " extract -q " + pages + "/source.html -o " + jsonl).status, 0);
  Proc r = sh(lede() + " ingest --db " + db + " " + jsonl + " 2>&1");
  EXPECT_NE(r.out.find("0 articles added, 0 new versions, 1 already held"), std::string::npos)
      << r.out;
  Proc piped = sh(lede() + " extract -q " + pages + "/source.html | " + lede() + " ingest --db " +
                  db + " 2>&1");
  EXPECT_NE(piped.out.find("1 already held"), std::string::npos) << piped.out;
}

TEST(SearchCommand, ParseErrorsSayWhereAndExitTwo) {
  TempDir dir;
  std::string db = dir.file("c.db"), jsonl = dir.file("r.jsonl");
  write_records(jsonl, 3);
  ASSERT_EQ(sh(lede() + " ingest -q --db " + db + " " + jsonl).status, 0);
  Proc r = sh(lede() + " search --db " + db + " 'ward \"open' 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("column 6: unterminated quote"), std::string::npos) << r.out;
  Proc count = sh(lede() + " search --count --db " + db + " 'report ward'");
  EXPECT_EQ(count.status, 0);
  EXPECT_EQ(count.out, "3\n");
  Proc text = sh(lede() + " search --format text --limit 1 --db " + db + " 'title:report'");
  EXPECT_EQ(text.status, 0);
  EXPECT_NE(text.out.find("1. Report "), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("example.com  2023-06-13"), std::string::npos) << text.out;
}

TEST(SearchCommand, HelpDocumentsTheQueryLanguage) {
  Proc r = sh(lede() + " help search");
  EXPECT_EQ(r.status, 0);
  for (const char* f : {"site:", "author:", "speaker:", "person:", "lang:", "since:", "until:",
                        "title:", "\"exact phrase\"", " OR ", "-word", "--quotes", "--count"})
    EXPECT_NE(r.out.find(f), std::string::npos) << f;
}

TEST(SearchCommand, NoCorpusIsAnErrorAndCreatesNone) {
  TempDir dir;
  Proc r = sh(lede() + " search --db " + dir.file("none.db") + " x 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_FALSE(fs::exists(dir.file("none.db")));
  std::ofstream(dir.file("notes.txt")) << "notes";
  r = sh(lede() + " ingest --db " + dir.file("notes.txt") + " /dev/null 2>&1");
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.out.find("notes.txt is not a lede corpus"), std::string::npos) << r.out;
}

pid_t spawn_ingest(const std::string& db, const std::string& jsonl) {
  std::string bin = lede();
  // Batches smaller than the default, so that kills land between commits.
  std::vector<std::string> args = {bin, "ingest", "-q", "--batch", "500", "--db", db, jsonl};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  posix_spawn(&pid, bin.c_str(), nullptr, nullptr, argv.data(), environ);
  return pid;
}

TEST(IngestCommand, KilledAtRandomPointsThenRunAgainHoldsEveryArticleOnce) {
  TempDir dir;
  std::string db = dir.file("c.db"), jsonl = dir.file("r.jsonl");
  constexpr int kArticles = 3000;
  write_records(jsonl, kArticles);
  // How long a whole run takes here, so that kills land inside runs.
  auto t0 = std::chrono::steady_clock::now();
  ASSERT_EQ(sh(lede() + " ingest -q --batch 500 --db " + dir.file("probe.db") + " " + jsonl).status,
            0);
  auto whole = std::chrono::steady_clock::now() - t0;
  std::mt19937 rng(2026);
  int killed = 0;
  for (int round = 0; round < 6; ++round) {
    pid_t pid = spawn_ingest(db, jsonl);
    ASSERT_GT(pid, 0);
    auto wait = std::chrono::duration_cast<std::chrono::microseconds>(whole) *
                std::uniform_real_distribution<double>(0.05, 0.6)(rng);
    std::this_thread::sleep_for(wait);
    if (::kill(pid, SIGKILL) == 0) ++killed;
    int st = 0;
    ::waitpid(pid, &st, 0);
    if (WIFSIGNALED(st)) {
      EXPECT_EQ(integrity(db), "ok") << "after kill " << round;
    }
  }
  EXPECT_GT(killed, 0);
  ASSERT_EQ(sh(lede() + " ingest -q --db " + db + " " + jsonl).status, 0);
  json st = stats(db);
  EXPECT_EQ(st["articles"], kArticles);
  EXPECT_EQ(st["versions"], kArticles);
  EXPECT_EQ(integrity(db), "ok");
  Proc count = sh(lede() + " search --count --all-copies --db " + db + " report");
  EXPECT_EQ(count.out, std::to_string(kArticles) + "\n");
}

TEST(SearchCommand, ReadersDoNotWaitForARunningIngest) {
  TempDir dir;
  std::string db = dir.file("c.db"), jsonl = dir.file("r.jsonl"), more = dir.file("m.jsonl");
  write_records(jsonl, 20);
  ASSERT_EQ(sh(lede() + " ingest -q --db " + db + " " + jsonl).status, 0);
  write_records(more, 3000);
  pid_t pid = spawn_ingest(db, more);
  int searches = 0;
  int st = 0;
  while (::waitpid(pid, &st, WNOHANG) == 0) {
    Proc r = sh(lede() + " search --count --db " + db + " report 2>&1");
    EXPECT_EQ(r.status, 0) << r.out;
    ++searches;
  }
  EXPECT_TRUE(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  EXPECT_GT(searches, 0);
}

}  // namespace
