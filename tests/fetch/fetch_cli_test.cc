// `lede fetch` against a small web the test starts on 127.0.0.1
// (serve_fetch.py: four hosts on four ports; never a real site). Limits
// and delays are checked from the server's own log of request times.
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct Request {
  int port = 0;
  double start = 0, end = 0;
  std::string path;
};

class Web {
 public:
  Web(const fs::path& log, int hosts) : log_(log) {
    int out[2];
    if (pipe(out) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::string python = "python3", script = LEDE_FETCH_SERVER, log_arg = log.string(),
                n = std::to_string(hosts);
    std::vector<char*> argv = {python.data(), script.data(), log_arg.data(), n.data(), nullptr};
    if (posix_spawnp(&pid_, "python3", &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    FILE* f = fdopen(out[0], "r");
    for (int i = 0; f && pid_ > 0 && i < hosts; ++i) {
      int port = 0;
      if (std::fscanf(f, "%d", &port) != 1) break;
      ports_.push_back(port);
    }
    if (f) std::fclose(f);
  }
  ~Web() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool up(int hosts) const { return static_cast<int>(ports_.size()) == hosts; }
  int port(int host) const { return ports_.at(host); }
  std::string url(int host, const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(ports_.at(host)) + path;
  }
  // Requests logged whose path starts with `prefix` (all when empty). The
  // server logs a request after its answer is sent, so lede may have exited
  // before the last line is written: wait (up to a few seconds) for `at_least`.
  std::vector<Request> requests(const std::string& prefix, size_t at_least = 0) const {
    std::vector<Request> out;
    for (int i = 0; i < kLogPolls; ++i) {
      out = read_log(prefix);
      if (out.size() >= at_least) break;
      usleep(kLogPollMicros);
    }
    return out;
  }

 private:
  // How long requests() waits for the log: 100 polls 50 ms apart.
  static constexpr int kLogPolls = 100;
  static constexpr useconds_t kLogPollMicros = 50'000;

  std::vector<Request> read_log(const std::string& prefix) const {
    std::vector<Request> out;
    std::ifstream in(log_);
    Request r;
    while (in >> r.port >> r.start >> r.end >> r.path)
      if (r.path.rfind(prefix, 0) == 0) out.push_back(r);
    std::sort(out.begin(), out.end(),
              [](const Request& a, const Request& b) { return a.start < b.start; });
    return out;
  }

  fs::path log_;
  pid_t pid_ = -1;
  std::vector<int> ports_;
};

struct Outcome {
  int exit_code = -1;
  std::vector<json> records;
  std::string err;
  // The record (or error record) whose source.path is `requested`.
  json of(const std::string& requested) const {
    for (const json& r : records)
      if (r["source"]["path"] == requested) return r;
    return json();
  }
};

constexpr int kHosts = 4;

class Fetch : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("lede_fetch_" + std::to_string(getpid())));
    fs::create_directories(*dir_);
    web_ = new Web(*dir_ / "requests.log", kHosts);
  }
  static void TearDownTestSuite() {
    delete web_;
    fs::remove_all(*dir_);
    delete dir_;
  }
  void SetUp() override {
    if (!web_->up(kHosts)) GTEST_SKIP() << "python3 or the local test server is unavailable";
  }

  static Outcome fetch(const std::string& args) { return lede("fetch " + args); }

  static Outcome lede(const std::string& args) {
    Outcome run;
    fs::path err = *dir_ / "stderr.txt";
    std::string cmd = std::string(LEDE_BINARY) + " " + args + " 2>" + err.string();
    FILE* p = popen(cmd.c_str(), "r");
    std::string out;
    char buf[65536];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    int status = pclose(p);
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    std::istringstream lines(out);
    std::string line;
    while (std::getline(lines, line))
      if (!line.empty()) run.records.push_back(json::parse(line));
    std::ifstream e(err);
    run.err.assign(std::istreambuf_iterator<char>(e), {});
    return run;
  }

  static std::string code_of(const json& record) {
    return record.contains("error") ? record["error"]["code"].get<std::string>() : "";
  }

  static fs::path* dir_;
  static Web* web_;
};

fs::path* Fetch::dir_ = nullptr;
Web* Fetch::web_ = nullptr;

TEST(FetchCommand, DbThatIsNotACorpusIsRefusedAndLeftAsItWas) {
  fs::path db = fs::temp_directory_path() / ("lede_fetch_notdb_" + std::to_string(getpid()));
  const std::string kText = "a text file, not a corpus\n";
  std::ofstream(db) << kText;
  std::string cmd = std::string(LEDE_BINARY) + " fetch --db " + db.string() +
                    " http://127.0.0.1:9/x >/dev/null 2>&1";
  EXPECT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 2);
  std::ifstream in(db);
  EXPECT_EQ(std::string(std::istreambuf_iterator<char>(in), {}), kText);
  fs::remove(db);
}

TEST(FetchCommand, NoAddressIsAUsageError) {
  std::string cmd = std::string(LEDE_BINARY) + " fetch >/dev/null 2>&1";
  EXPECT_EQ(WEXITSTATUS(std::system(cmd.c_str())), 2);
}

TEST_F(Fetch, PagesGiveRecordsWithTheirFetch) {
  std::string a = web_->url(2, "/page/1"), b = web_->url(2, "/page/2");
  Outcome run = fetch("--delay 0 -q " + a + " " + b);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(run.records.size(), 2u);
  json r = run.of(a);
  ASSERT_FALSE(r.is_null());
  EXPECT_EQ(r["url"], a);
  EXPECT_EQ(r["title"], "Story number 1 about the budget");
  EXPECT_EQ(r["source"]["kind"], "http");
  EXPECT_EQ(r["source"]["status"], 200);
  EXPECT_EQ(r["source"]["fetched_at"].get<std::string>().size(), 20u);
  // Every source key is present (the record shape); no redirect, no address in it.
  EXPECT_EQ(r["source"]["redirects"], json::array());
  EXPECT_NE(r["text"].get<std::string>().find("Paragraph 0 of story 1"), std::string::npos);
}

TEST_F(Fetch, DbStoresTheRecordsAndAnIdenticalFetchAddsNothing) {
  fs::path db = *dir_ / "fetched.db", jsonl = *dir_ / "fetched.jsonl";
  std::string pages = " " + web_->url(2, "/page/51") + " " + web_->url(2, "/page/52") + " " +
                      web_->url(1, "/page/53");
  Outcome first = fetch("--delay 0 --db " + db.string() + pages);
  EXPECT_EQ(first.exit_code, 0) << first.err;
  EXPECT_TRUE(first.records.empty()) << "--db without -o writes no JSON Lines";
  EXPECT_NE(first.err.find("3 articles added, 0 new versions, 0 already held"), std::string::npos)
      << first.err;
  Outcome count = lede("search --db " + db.string() + " --count --all-copies budget");
  ASSERT_EQ(count.exit_code, 0) << count.err;
  ASSERT_EQ(count.records.size(), 1u);
  EXPECT_EQ(count.records[0], 3);
  Outcome found = lede("search --db " + db.string() + " --all-copies budget");
  ASSERT_EQ(found.records.size(), 3u);
  for (const json& hit : found.records) EXPECT_EQ(hit["source"]["kind"], "http");

  // The same pages again, now also to JSON Lines: written there, held already in the corpus.
  Outcome second = fetch("--delay 0 --db " + db.string() + " -o " + jsonl.string() + pages);
  EXPECT_EQ(second.exit_code, 0) << second.err;
  EXPECT_NE(second.err.find("0 articles added, 0 new versions, 3 already held"), std::string::npos)
      << second.err;
  std::ifstream lines(jsonl);
  EXPECT_EQ(std::count(std::istreambuf_iterator<char>(lines), {}, '\n'), 3);
  Outcome again = lede("search --db " + db.string() + " --count --all-copies budget");
  ASSERT_EQ(again.records.size(), 1u);
  EXPECT_EQ(again.records[0], 3);
}

TEST_F(Fetch, RedirectChainIsRecordedAndUrlIsTheFinalAddress) {
  std::string start = web_->url(2, "/redirect/a");
  Outcome run = fetch("--delay 0 -q " + start);
  ASSERT_EQ(run.records.size(), 1u);
  json r = run.records[0];
  EXPECT_EQ(code_of(r), "");
  EXPECT_EQ(r["url"], web_->url(2, "/page/7"));
  EXPECT_EQ(r["source"]["path"], start);
  EXPECT_EQ(r["source"]["redirects"], json::array({start, web_->url(2, "/redirect/b")}));
}

TEST_F(Fetch, RedirectLoopIsAnErrorRecord) {
  Outcome run = fetch("--delay 0 -q " + web_->url(2, "/loop/a"));
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(code_of(run.records[0]), "http_status");
  EXPECT_NE(run.records[0]["error"]["message"].get<std::string>().find("loop"), std::string::npos);
  EXPECT_EQ(run.records[0]["source"]["redirects"].size(), 2u);
}

TEST_F(Fetch, NotFoundIsAnHttpStatusError) {
  Outcome run = fetch("--delay 0 " + web_->url(2, "/missing"));
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(code_of(run.records[0]), "http_status");
  EXPECT_EQ(run.records[0]["source"]["status"], 404);
  EXPECT_NE(run.err.find("1 errors (http_status 1)"), std::string::npos) << run.err;
}

TEST_F(Fetch, ServerErrorIsRetriedUntilThePageComes) {
  Outcome run = fetch("--delay 0 --retry-wait 0.2 -q " + web_->url(2, "/flaky/one"));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(run.records[0]["title"], "The flaky story finally arrives");
  std::vector<Request> log = web_->requests("/flaky/one", 2);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_GE(log[1].start - log[0].end, 0.19);
}

TEST_F(Fetch, TooManyRequestsWaitsForRetryAfter) {
  Outcome run = fetch("--delay 0 --retry-wait 0.01 -q " + web_->url(2, "/busy/one"));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(run.records[0]["title"], "The busy story after waiting");
  std::vector<Request> log = web_->requests("/busy/one", 2);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_GE(log[1].start - log[0].end, 0.95);  // Retry-After: 1, not --retry-wait
}

TEST_F(Fetch, SlowResponseTimesOut) {
  Outcome run = fetch("--delay 0 --timeout 1 --retries 0 -q " + web_->url(2, "/slow"));
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(code_of(run.records[0]), "timeout");
}

TEST_F(Fetch, TlsToAPlainServerAndARefusedPortAreErrorRecords) {
  std::string tls = "https://127.0.0.1:" + std::to_string(web_->port(2)) + "/page/1";
  std::string refused = "http://127.0.0.1:1/page/1";  // port 1: nothing listens there
  Outcome run = fetch("--delay 0 --retries 0 -q " + tls + " " + refused);
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(run.records.size(), 2u);
  EXPECT_EQ(code_of(run.of(tls)), "tls");
  EXPECT_EQ(code_of(run.of(refused)), "network");
}

TEST_F(Fetch, OversizedResponseIsCutAtMaxBytes) {
  fs::path warc = *dir_ / "big.warc.gz";
  Outcome run =
      fetch("--delay 0 --max-bytes 100000 -q --warc " + warc.string() + " " + web_->url(2, "/big"));
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(code_of(run.records[0]), "too_large");
  // The archive holds no more than the limit: the rest was never read.
  EXPECT_LT(fs::file_size(warc), 100000u);
}

TEST_F(Fetch, RobotsDisallowIsAnErrorRecordAndNoRequest) {
  std::string barred = web_->url(0, "/private/5"), open = web_->url(0, "/page/5");
  Outcome run = fetch("--delay 0 -q " + barred + " " + open);
  EXPECT_EQ(run.exit_code, 1);
  ASSERT_EQ(run.records.size(), 2u);
  EXPECT_EQ(code_of(run.of(barred)), "robots");
  EXPECT_EQ(code_of(run.of(open)), "");
  EXPECT_TRUE(web_->requests("/private/5").empty());
  EXPECT_FALSE(web_->requests("/robots.txt", 1).empty());
}

TEST_F(Fetch, RobotsTxtBehindARedirectIsFollowed) {
  Outcome run = fetch("--delay 0 -q " + web_->url(3, "/private/6"));
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(code_of(run.records[0]), "robots");
}

TEST_F(Fetch, ContentTypeDecidesWhatIsAPage) {
  std::string image = web_->url(2, "/image"), plain = web_->url(2, "/text-plain"),
              none = web_->url(2, "/no-type");
  Outcome run = fetch("--delay 0 -q " + image + " " + plain + " " + none);
  ASSERT_EQ(run.records.size(), 3u);
  EXPECT_EQ(code_of(run.of(image)), "not_html");
  EXPECT_EQ(code_of(run.of(plain)), "not_html");
  EXPECT_EQ(code_of(run.of(none)), "");  // no type: sniffed, as extract does for archives
  EXPECT_EQ(run.of(none)["title"], "Story number 14 about the station");
}

TEST_F(Fetch, CharsetOnlyInTheHttpHeaderDecodesThePage) {
  Outcome run = fetch("--delay 0 -q " + web_->url(2, "/latin1"));
  ASSERT_EQ(run.records.size(), 1u);
  EXPECT_EQ(run.records[0]["title"], "Caf\u00e9 news");
  EXPECT_NE(run.records[0]["text"].get<std::string>().find("r\u00e9nov\u00e9"), std::string::npos);
}

std::vector<std::string> sorted_urls(const Outcome& run) {
  std::vector<std::string> urls;
  for (const json& r : run.records) urls.push_back(r["url"]);
  std::sort(urls.begin(), urls.end());
  return urls;
}

TEST_F(Fetch, RssFeedSinceKeepsEntriesOnOrAfterTheDay) {
  Outcome run = fetch("--delay 0 -q --since 2024-05-01 --feed " + web_->url(2, "/feed.xml"));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sorted_urls(run),
            (std::vector<std::string>{web_->url(2, "/page/1"), web_->url(2, "/page/2")}));
}

TEST_F(Fetch, AtomAndJsonFeedsGiveTheirEntries) {
  Outcome run = fetch("--delay 0 -q --feed " + web_->url(2, "/atom.xml") + " --feed " +
                      web_->url(2, "/feed.json"));
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(sorted_urls(run),
            (std::vector<std::string>{web_->url(2, "/page/11"), web_->url(2, "/page/12"),
                                      web_->url(2, "/page/21"), web_->url(2, "/page/22")}));
}

TEST_F(Fetch, SitemapIndexIsFollowedIntoAGzippedChild) {
  Outcome all = fetch("--delay 0 -q --sitemap " + web_->url(2, "/sitemap_index.xml"));
  EXPECT_EQ(all.exit_code, 0) << all.err;
  EXPECT_EQ(sorted_urls(all),
            (std::vector<std::string>{web_->url(2, "/page/31"), web_->url(2, "/page/32"),
                                      web_->url(2, "/page/41"), web_->url(2, "/page/42")}));
  // news:publication_date and lastmod date the entries.
  Outcome recent =
      fetch("--delay 0 -q --since 2024-05-21 --sitemap " + web_->url(2, "/sitemap_index.xml"));
  EXPECT_EQ(sorted_urls(recent),
            (std::vector<std::string>{web_->url(2, "/page/32"), web_->url(2, "/page/42")}));
}

TEST_F(Fetch, CrawlDelayFromRobotsSpacesRequestsToOneHost) {
  std::string args = "-q";
  for (int i = 50; i < 54; ++i) args += " " + web_->url(1, "/paced/" + std::to_string(i));
  Outcome run = fetch(args);  // no --delay: the host's Crawl-delay (0.3 s) applies
  EXPECT_EQ(run.exit_code, 0) << run.err;
  std::vector<Request> log = web_->requests("/paced/5", 4);
  ASSERT_EQ(log.size(), 4u);
  for (size_t i = 1; i < log.size(); ++i) {
    EXPECT_GE(log[i].start, log[i - 1].end) << "two requests in flight at once";
    EXPECT_GE(log[i].start - log[i - 1].end, 0.29) << "the Crawl-delay was not kept";
  }
}

// Most requests in flight at once among `log`, per port.
std::map<int, int> most_in_flight(const std::vector<Request>& log) {
  std::map<int, int> most;
  for (const Request& r : log) {
    int n = 0;
    for (const Request& o : log)
      if (o.port == r.port && o.start <= r.start && o.end > r.start) ++n;
    most[r.port] = std::max(most[r.port], n);
  }
  return most;
}

TEST_F(Fetch, PerHostLimitHoldsWhileHostsRunInParallel) {
  std::string args = "--delay 0 --per-host 2 -q";
  for (int i = 60; i < 66; ++i) {
    args += " " + web_->url(0, "/paced/" + std::to_string(i));
    args += " " + web_->url(2, "/paced/" + std::to_string(i));
  }
  Outcome run = fetch(args);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.records.size(), 12u);
  std::vector<Request> log = web_->requests("/paced/6", 12);
  ASSERT_EQ(log.size(), 12u);
  std::map<int, int> most = most_in_flight(log);
  EXPECT_LE(most[web_->port(0)], 2);
  EXPECT_LE(most[web_->port(2)], 2);
  // The two hosts were served at the same time: some request of one started
  // while one of the other was in flight.
  bool overlap = false;
  for (const Request& a : log)
    for (const Request& b : log)
      if (a.port != b.port && b.start <= a.start && b.end > a.start) overlap = true;
  EXPECT_TRUE(overlap);
}

TEST_F(Fetch, WarcThenExtractGivesTheSameRecords) {
  fs::path warc = *dir_ / "crawl.warc.gz";
  std::vector<std::string> urls = {web_->url(2, "/page/3"), web_->url(2, "/redirect/a"),
                                   web_->url(2, "/latin1"), web_->url(2, "/no-type"),
                                   web_->url(0, "/page/4")};
  std::string args = "--delay 0 -q --warc " + warc.string();
  for (const std::string& u : urls) args += " " + u;
  Outcome fetched = fetch(args);
  ASSERT_EQ(fetched.exit_code, 0) << fetched.err;
  ASSERT_EQ(fetched.records.size(), urls.size());
  Outcome extracted = lede("extract -q " + warc.string());
  ASSERT_EQ(extracted.exit_code, 0) << extracted.err;
  ASSERT_EQ(extracted.records.size(), urls.size());
  std::map<std::string, json> by_url;
  for (json r : extracted.records) by_url[r["url"]] = r;
  for (json r : fetched.records) {
    ASSERT_TRUE(by_url.count(r["url"])) << r["url"];
    json e = by_url[r["url"]];
    // Where the bytes came from differs (a fetch, an archive); what they gave does not.
    for (const char* same : {"bytes", "charset", "method"})
      EXPECT_EQ(r["source"][same], e["source"][same]) << same << " of " << r["url"];
    EXPECT_EQ(e["source"]["target_uri"], r["url"]);
    r.erase("source");
    e.erase("source");
    EXPECT_EQ(r.dump(), e.dump());
  }
  // The archive also holds the requests, naming lede in the User-Agent.
  std::string cmd = "gzip -dc " + warc.string() + " | grep -c '^User-Agent: lede/'";
  FILE* p = popen(cmd.c_str(), "r");
  int n = 0;
  ASSERT_EQ(std::fscanf(p, "%d", &n), 1);
  pclose(p);
  EXPECT_GE(n, 7);  // 5 pages, 2 redirect hops, robots.txt of 2 hosts
}

}  // namespace
