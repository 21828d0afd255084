// `lede serve` over HTTP: every endpoint's answers and errors, the security
// headers, static files without path traversal, request size limits.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

extern char** environ;

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// The largest body the server under test accepts (its --max-body).
constexpr size_t kMaxBody = 256 * 1024;
// Pages the corpus is built from: two with quotes, one in German.
const char* const kPages[] = {"ap-nato", "afp-glacier", "dpa-de-trinkbrunnen",
                              "reuters-water-fine"};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// How `lede serve` is started: plainly, or with --open and a PATH that holds only a
// directory of the test's own, with `xdg_open` as its xdg-open script (none when empty).
struct StartWith {
  bool open = false;
  std::string xdg_open;
};

// A corpus in a temporary directory and `lede serve` over it, for the suite.
class Served {
 public:
  explicit Served(StartWith with = {}) : with_(std::move(with)) {
    std::string tmpl = (fs::temp_directory_path() / "lede-serve-XXXXXX").string();
    dir_ = ::mkdtemp(tmpl.data());
    db_ = (fs::path(dir_) / "corpus.db").string();
    std::string cmd = std::string(LEDE_BINARY) + " ingest --quiet --db '" + db_ + "'";
    for (const char* page : kPages)
      cmd += std::string(" '") + LEDE_PAGES_DIR + "/" + page + "/source.html'";
    ingest_status_ = std::system((cmd + " >/dev/null 2>&1").c_str());
    if (ingest_status_ != 0) return;
    start();
  }
  ~Served() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      int status = 0;
      ::waitpid(pid_, &status, 0);
    }
    if (out_) std::fclose(out_);
    fs::remove_all(dir_);
  }

  bool ok() const { return ingest_status_ == 0 && port_ > 0; }
  const std::string& dir() const { return dir_; }
  // What the server wrote on stderr so far.
  std::string errors() const { return read_file(fs::path(dir_) / "stderr.txt"); }
  int port() const { return port_; }
  const std::string& banner() const { return banner_; }
  // Stops the server with SIGTERM; its exit status.
  int stop() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }

 private:
  void start() {
    int fds[2];
    if (::pipe(fds) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    std::string errors = (fs::path(dir_) / "stderr.txt").string();
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, errors.c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0644);
    std::string max_body = std::to_string(kMaxBody);
    std::vector<std::string> args = {LEDE_BINARY, "serve", "--db",       db_,
                                     "--port",    "0",     "--max-body", max_body};
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e) env.push_back(*e);
    if (with_.open) {
      args.push_back("--open");
      fs::path bin = fs::path(dir_) / "bin";
      fs::create_directories(bin);
      if (!with_.xdg_open.empty()) {
        std::ofstream(bin / "xdg-open") << with_.xdg_open;
        fs::permissions(bin / "xdg-open", fs::perms::owner_all);
      }
      std::erase_if(env, [](const std::string& e) { return e.starts_with("PATH="); });
      env.push_back("PATH=" + bin.string());
    }
    std::vector<char*> argv, envp;
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    for (std::string& e : env) envp.push_back(e.data());
    envp.push_back(nullptr);
    int rc = posix_spawn(&pid_, LEDE_BINARY, &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    if (rc != 0) {
      pid_ = -1;
      ::close(fds[0]);
      return;
    }
    // The first line says where it listens: "... at http://127.0.0.1:PORT/".
    out_ = ::fdopen(fds[0], "r");
    char line[1024];
    if (!std::fgets(line, sizeof line, out_)) return;
    banner_ = line;
    size_t at = banner_.rfind(':');
    if (at != std::string::npos) port_ = std::atoi(banner_.c_str() + at + 1);
  }

  StartWith with_;
  std::string dir_, db_, banner_;
  int ingest_status_ = -1;
  pid_t pid_ = -1;
  int port_ = -1;
  FILE* out_ = nullptr;
};

class Serve : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { served_ = new Served(); }
  static void TearDownTestSuite() {
    delete served_;
    served_ = nullptr;
  }
  void SetUp() override {
    ASSERT_TRUE(served_->ok()) << "the corpus could not be built or the server did not start";
    client_ = std::make_unique<httplib::Client>("127.0.0.1", served_->port());
    client_->set_read_timeout(10, 0);
  }

  // GET `path`, asserting an answer came.
  httplib::Result get(const std::string& path) { return client_->Get(path.c_str()); }

  json get_json(const std::string& path, int expected_status) {
    httplib::Result r = get(path);
    if (!r) {
      ADD_FAILURE() << "no answer to " << path;
      return json();
    }
    EXPECT_EQ(r->status, expected_status) << path << ": " << r->body;
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json; charset=utf-8") << path;
    return json::parse(r->body, nullptr, false);
  }

  static Served* served_;
  std::unique_ptr<httplib::Client> client_;
};

Served* Serve::served_ = nullptr;

void expect_error(const json& body, const std::string& code) {
  ASSERT_TRUE(body.is_object()) << body;
  ASSERT_TRUE(body.contains("error")) << body;
  EXPECT_EQ(body["error"]["code"], code) << body;
  EXPECT_FALSE(body["error"]["message"].get<std::string>().empty());
}

TEST(ServeStart, SaysWhereItListensAndStopsCleanlyOnSigterm) {
  Served served;
  ASSERT_TRUE(served.ok());
  EXPECT_NE(served.banner().find("http://127.0.0.1:"), std::string::npos) << served.banner();
  EXPECT_NE(served.banner().find("4 articles"), std::string::npos) << served.banner();
  EXPECT_EQ(served.stop(), 0);
}

TEST(ServeStart, RefusesACorpusThatDoesNotExist) {
  std::string cmd = std::string(LEDE_BINARY) +
                    " serve --port 0 --db /nonexistent/lede-serve/none.db >/dev/null 2>&1";
  int status = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 2);
}

// The file's text once it holds `wanted`, or what it holds when a generous wait is up
// (the server writes it from a process or thread of its own).
std::string wait_for_text(const fs::path& path, const std::string& wanted) {
  constexpr int kTries = 500;  // 10 s in steps of 20 ms
  std::string text;
  for (int i = 0; i < kTries; ++i) {
    text = read_file(path);
    if (text.find(wanted) != std::string::npos) break;
    ::usleep(20'000);
  }
  return text;
}

TEST(ServeOpen, AsksXdgOpenToShowTheAddress) {
  Served served({.open = true, .xdg_open = "#!/bin/sh\nprintf '%s' \"$1\" > \"${0%/*}/opened\"\n"});
  ASSERT_TRUE(served.ok());
  std::string address = "http://127.0.0.1:" + std::to_string(served.port()) + "/";
  EXPECT_EQ(wait_for_text(fs::path(served.dir()) / "bin" / "opened", address), address);
  httplib::Client client("127.0.0.1", served.port());
  httplib::Result r = client.Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(served.errors().find("browser"), std::string::npos) << served.errors();
  EXPECT_EQ(served.stop(), 0);
}

TEST(ServeOpen, SaysSoAndServesOnWhereThereIsNoXdgOpen) {
  Served served({.open = true, .xdg_open = ""});
  ASSERT_TRUE(served.ok());
  std::string errors = wait_for_text(fs::path(served.dir()) / "stderr.txt", "yourself");
  EXPECT_NE(errors.find("cannot open a browser"), std::string::npos) << errors;
  httplib::Client client("127.0.0.1", served.port());
  httplib::Result r = client.Get("/healthz");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 200);
  EXPECT_EQ(served.stop(), 0);
}

TEST(ServeOpen, SaysSoWhenXdgOpenFindsNoBrowser) {
  Served served({.open = true, .xdg_open = "#!/bin/sh\nexit 3\n"});
  ASSERT_TRUE(served.ok());
  std::string errors = wait_for_text(fs::path(served.dir()) / "stderr.txt", "yourself");
  EXPECT_NE(errors.find("xdg-open could not open a browser"), std::string::npos) << errors;
  EXPECT_EQ(served.stop(), 0);
}

TEST_F(Serve, HealthzAnswersOk) {
  json body = get_json("/healthz", 200);
  EXPECT_EQ(body, json({{"ok", true}}));
}

TEST_F(Serve, StatsCountTheCorpus) {
  json body = get_json("/api/stats", 200);
  EXPECT_EQ(body["articles"], 4);
  EXPECT_GE(body["quotes"].get<int>(), 1);
  EXPECT_GE(body["sites"].get<int>(), 3);
}

TEST_F(Serve, SearchFindsArticlesWithSnippetSiteAndDay) {
  json body = get_json("/api/search?q=nato", 200);
  EXPECT_EQ(body["query"], "nato");
  EXPECT_EQ(body["limit"], 10);
  EXPECT_EQ(body["offset"], 0);
  EXPECT_EQ(body["total"], 1);
  ASSERT_EQ(body["results"].size(), 1u);
  const json& hit = body["results"][0];
  EXPECT_GT(hit["id"].get<int64_t>(), 0);
  EXPECT_NE(hit["snippet"].get<std::string>().find("**"), std::string::npos) << hit["snippet"];
  EXPECT_EQ(hit["site"]["domain"], "apnews.com");
  EXPECT_TRUE(hit.contains("published"));
  EXPECT_TRUE(hit.contains("copies"));
  EXPECT_FALSE(hit.contains("blocks"));
}

TEST_F(Serve, SearchPagesWithLimitAndOffset) {
  json all = get_json("/api/search?q=" + std::string("since%3A2000-01-01"), 200);
  ASSERT_GE(all["total"].get<int>(), 2) << all;
  json first = get_json("/api/search?q=since:2000-01-01&limit=1", 200);
  json second = get_json("/api/search?q=since:2000-01-01&limit=1&offset=1", 200);
  ASSERT_EQ(first["results"].size(), 1u);
  ASSERT_EQ(second["results"].size(), 1u);
  EXPECT_NE(first["results"][0]["id"], second["results"][0]["id"]);
  EXPECT_EQ(first["total"], all["total"]);
}

TEST_F(Serve, SearchRefusesBadLimitsAndOffsets) {
  for (const char* query : {"limit=0", "limit=abc", "limit=101", "limit=-1", "offset=-1",
                            "offset=1x", "offset=99999999999999999999"}) {
    json body = get_json(std::string("/api/search?q=nato&") + query, 400);
    expect_error(body, "usage");
  }
}

TEST_F(Serve, SearchRefusesAQueryItCannotParse) {
  json body = get_json("/api/search?q=" + std::string("since%3Ayesterday"), 400);
  expect_error(body, "usage");
}

TEST_F(Serve, SearchRefusesAnOverlongQuery) {
  json body = get_json("/api/search?q=" + std::string(5000, 'a'), 400);
  expect_error(body, "usage");
}

TEST_F(Serve, ArticleGivesTheFullRecordWithQuotes) {
  json hits = get_json("/api/search?q=nato", 200);
  ASSERT_EQ(hits["results"].size(), 1u);
  int64_t id = hits["results"][0]["id"];
  json record = get_json("/api/article/" + std::to_string(id), 200);
  EXPECT_EQ(record["id"], id);
  EXPECT_FALSE(record["text"].get<std::string>().empty());
  EXPECT_TRUE(record.contains("blocks"));
  ASSERT_TRUE(record["quotes"].is_array());
  ASSERT_FALSE(record["quotes"].empty());
  bool stoltenberg = false;
  for (const json& q : record["quotes"])
    if (q["speaker"].is_string() &&
        q["speaker"].get<std::string>().find("Stoltenberg") != std::string::npos)
      stoltenberg = true;
  EXPECT_TRUE(stoltenberg) << record["quotes"];
}

TEST_F(Serve, ArticleAnswers404ForAnIdWithoutAnArticle) {
  expect_error(get_json("/api/article/987654321", 404), "not_found");
}

TEST_F(Serve, ArticleAnswers400ForAnIdThatIsNotANumber) {
  for (const char* id : {"abc", "0", "-1", "1.5", "99999999999999999999999", "%27%20OR%201=1"})
    expect_error(get_json(std::string("/api/article/") + id, 400), "usage");
}

TEST_F(Serve, QuotesFindsQuotesBySpeaker) {
  json body = get_json("/api/quotes?q=speaker:Stoltenberg", 200);
  ASSERT_GE(body["total"].get<int>(), 1) << body;
  ASSERT_FALSE(body["results"].empty());
  for (const json& q : body["results"]) {
    EXPECT_NE(q["speaker"].get<std::string>().find("Stoltenberg"), std::string::npos) << q;
    EXPECT_FALSE(q["text"].get<std::string>().empty());
    EXPECT_GT(q["article_id"].get<int64_t>(), 0);
  }
}

TEST_F(Serve, QuotesRefusesABadLimit) {
  expect_error(get_json("/api/quotes?q=nato&limit=none", 400), "usage");
}

TEST_F(Serve, TimelineCountsMatchingStoriesPerDayAndSite) {
  json body = get_json("/api/timeline?q=nato", 200);
  EXPECT_EQ(body["query"], "nato");
  ASSERT_EQ(body["days"].size(), 1u) << body;
  EXPECT_EQ(body["days"][0]["day"], "2023-06-13");
  EXPECT_EQ(body["days"][0]["count"], 1);
  ASSERT_EQ(body["sites"].size(), 1u);
  EXPECT_EQ(body["sites"][0]["site"], "apnews.com");
  EXPECT_EQ(body["undated"], 0);
  json all = get_json("/api/timeline?q=since%3A2000-01-01", 200);
  uint64_t sum = 0;
  for (const json& d : all["days"]) sum += d["count"].get<uint64_t>();
  EXPECT_EQ(sum, 4u);
  expect_error(get_json("/api/timeline?q=since%3Ayesterday", 400), "usage");
}

TEST_F(Serve, PeopleNamesThePeopleOfTheMatchingArticles) {
  json body = get_json("/api/people?q=nato", 200);
  ASSERT_FALSE(body["results"].empty()) << body;
  bool stoltenberg = false;
  for (const json& p : body["results"]) {
    EXPECT_GE(p["articles"].get<int>(), 1);
    EXPECT_TRUE(p["titles"].is_array());
    if (p["name"] == "Jens Stoltenberg") stoltenberg = true;
  }
  EXPECT_TRUE(stoltenberg) << body;
  EXPECT_EQ(get_json("/api/people?q=nato&limit=1", 200)["results"].size(), 1u);
  expect_error(get_json("/api/people?q=nato&offset=x", 400), "usage");
}

TEST_F(Serve, UnknownApiPathsAnswer404Json) {
  expect_error(get_json("/api/nothing-here", 404), "not_found");
}

TEST_F(Serve, ExtractReturnsTheRecordWithoutStoringIt) {
  std::string page = read_file(fs::path(LEDE_PAGES_DIR) / "ap-nato" / "source.html");
  httplib::Result r =
      client_->Post("/api/extract?url=https%3A%2F%2Fexample.org%2Fa", page, "text/html");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->status, 200) << r->body;
  json record = json::parse(r->body);
  EXPECT_FALSE(record["title"].get<std::string>().empty());
  EXPECT_FALSE(record["quotes"].empty()) << "extract runs the analysis";
  EXPECT_EQ(get_json("/api/stats", 200)["articles"], 4);
}

TEST_F(Serve, ExtractReadsThePageAsTheKindGiven) {
  std::string thread =
      read_file(fs::path(LEDE_PAGES_DIR) / "forum-thread-pump-hum" / "source.html");
  httplib::Result model = client_->Post("/api/extract", thread, "text/html");
  httplib::Result given = client_->Post("/api/extract?page_type=article", thread, "text/html");
  ASSERT_TRUE(model && given);
  ASSERT_EQ(given->status, 200) << given->body;
  EXPECT_EQ(json::parse(model->body)["page_type"], "forum");
  EXPECT_EQ(json::parse(given->body)["page_type"], "article");
  httplib::Result wrong = client_->Post("/api/extract?page_type=blog", thread, "text/html");
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 400);
  expect_error(json::parse(wrong->body), "usage");
}

TEST_F(Serve, ExtractAnswers422ForAnEmptyPage) {
  httplib::Result r = client_->Post("/api/extract", "", "text/html");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 422);
  EXPECT_TRUE(json::parse(r->body).contains("error")) << r->body;
}

TEST_F(Serve, ExtractRefusesABodyOverTheLimit) {
  std::string page = "<html><body><p>" + std::string(kMaxBody + 1, 'x') + "</p></body></html>";
  httplib::Result r = client_->Post("/api/extract", page, "text/html");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->status, 413);
  // The server is still there for the next client.
  EXPECT_EQ(get_json("/healthz", 200)["ok"], true);
}

TEST_F(Serve, EveryResponseCarriesAContentSecurityPolicyWithoutInlineScript) {
  for (const char* path : {"/", "/app.js", "/api/search?q=nato", "/api/article/abc", "/nothing"}) {
    httplib::Result r = get(path);
    ASSERT_TRUE(r) << path;
    std::string csp = r->get_header_value("Content-Security-Policy");
    EXPECT_NE(csp.find("script-src 'self'"), std::string::npos) << path << ": " << csp;
    EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << path << ": " << csp;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << path << ": " << csp;
    EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff") << path;
  }
}

TEST_F(Serve, ThePageIsServedFromTheBinaryWithoutInlineScript) {
  httplib::Result index = get("/");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->status, 200);
  EXPECT_EQ(index->get_header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_NE(index->body.find("<script src=\"/app.js\""), std::string::npos);
  EXPECT_EQ(index->body.find("<script>"), std::string::npos);
  httplib::Result script = get("/app.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  // Record values go into the page as text only.
  for (const char* sink : {"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write"})
    EXPECT_EQ(script->body.find(sink), std::string::npos) << sink;
  httplib::Result style = get("/app.css");
  ASSERT_TRUE(style);
  EXPECT_EQ(style->status, 200);
}

TEST_F(Serve, TheChartLibraryIsServedWithItsLicence) {
  httplib::Result index = get("/");
  ASSERT_TRUE(index);
  EXPECT_NE(index->body.find("<script src=\"/vendor/uplot/uPlot.iife.min.js\""), std::string::npos);
  httplib::Result script = get("/vendor/uplot/uPlot.iife.min.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_EQ(script->get_header_value("Content-Type"), "text/javascript; charset=utf-8");
  // Nothing the policy forbids: no code made from strings.
  EXPECT_EQ(script->body.find("eval("), std::string::npos);
  EXPECT_EQ(script->body.find("new Function"), std::string::npos);
  httplib::Result style = get("/vendor/uplot/uPlot.min.css");
  ASSERT_TRUE(style);
  EXPECT_EQ(style->get_header_value("Content-Type"), "text/css; charset=utf-8");
  httplib::Result licence = get("/vendor/uplot/LICENSE");
  ASSERT_TRUE(licence);
  EXPECT_EQ(licence->get_header_value("Content-Type"), "text/plain; charset=utf-8");
  EXPECT_NE(licence->body.find("The MIT License"), std::string::npos);
}

TEST_F(Serve, StaticPathsOutsideThePageAreNotFound) {
  for (const char* path :
       {"/../CMakeLists.txt", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc/passwd",
        "/web/index.html", "/app.js/../../../../etc/passwd", "/etc/passwd", "//etc/passwd",
        "/index.html%00.js"}) {
    httplib::Result r = get(path);
    ASSERT_TRUE(r) << path;
    EXPECT_TRUE(r->status == 404 || r->status == 400) << path << ": " << r->status;
    EXPECT_EQ(r->body.find("root:"), std::string::npos) << path;
    EXPECT_EQ(r->body.find("project("), std::string::npos) << path;
  }
}

}  // namespace
