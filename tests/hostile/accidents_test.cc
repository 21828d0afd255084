// The batch run under the accidents a user meets: an output named like an
// input, directory links that loop, inputs cut short, a run interrupted or
// killed and started again, small mistakes on the command line. Each case
// runs the lede binary on the input that once cost a user data, and checks
// that nothing is lost or destroyed and every input is accounted for.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "command.h"
#include "warc_builder.h"

namespace {

namespace fs = std::filesystem;

// A story long and varied enough that half of it, compressed, still holds
// several paragraphs.
std::string long_story(const std::string& title) {
  std::mt19937 rng(7);
  static const char* kWords[] = {"council",  "harbour", "vote",  "budget", "ferry",  "strike",
                                 "minister", "court",   "river", "school", "spring", "contract"};
  std::string html =
      "<html><head><title>" + title + "</title></head><body><article><h1>" + title + "</h1>";
  for (int p = 0; p < 40; ++p) {
    html += "<p>";
    for (int w = 0; w < 40; ++w)
      html += std::string(kWords[rng() % 12]) + (w % 9 == 8 ? ". " : " ");
    html += "</p>";
  }
  return html + "</article></body></html>";
}
using lede::testing::article_page;
using lede::testing::article_response;
using lede::testing::CommandOutcome;
using lede::testing::exit_code;
using lede::testing::gzip_member;
using lede::testing::http_response;
using lede::testing::json_lines;
using lede::testing::read_file;
using lede::testing::response_record;
using lede::testing::warc_record;
using nlohmann::json;

class Accidents : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("lede_accidents_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  // Starts `lede ARGS` with stdout and stderr into files (and stdin from
  // `in` when given); returns its pid.
  pid_t start(const std::string& args, const std::string& out, const std::string& in = "") {
    std::string cmd = "exec " + std::string(LEDE_BINARY) + " " + args + " >" + out + " 2>" +
                      (dir_ / "stderr.txt").string();
    if (!in.empty()) cmd += " <" + in;
    pid_t pid = fork();
    if (pid == 0) {
      execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    return pid;
  }

  int wait_for(pid_t pid) {
    int status = 0;
    waitpid(pid, &status, 0);
    return exit_code(status);
  }

  CommandOutcome run(const std::string& args) {
    fs::path out = dir_ / "stdout.txt";
    CommandOutcome r;
    r.status = wait_for(start(args, out.string()));
    r.out = read_file(out);
    r.err = read_file(dir_ / "stderr.txt");
    return r;
  }

  fs::path dir_;
};

// --- 1. An output that is an input -------------------------------------

TEST_F(Accidents, OutputThatIsTheInputPageIsRefusedAndThePageKept) {
  std::string page = write("page.html", article_page("The page that was nearly lost"));
  CommandOutcome r = run("extract -o " + page + " " + page);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("refusing to overwrite an input"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(page), article_page("The page that was nearly lost"));
}

TEST_F(Accidents, OutputThatIsTheInputArchiveIsRefusedAndTheArchiveKept) {
  std::string crawl = gzip_member(article_response("http://news.example/1", "Kept"));
  std::string path = write("crawl.warc.gz", crawl);
  EXPECT_EQ(run("extract -o " + path + " " + path).status, 2);
  EXPECT_EQ(read_file(path), crawl);
}

TEST_F(Accidents, OutputReachedThroughALinkIsTheSameFile) {
  std::string page = write("page.html", article_page("Linked"));
  fs::create_symlink(page, dir_ / "link.html");
  fs::create_hard_link(page, dir_ / "hard.html");
  EXPECT_EQ(run("extract -o " + (dir_ / "link.html").string() + " " + page).status, 2);
  EXPECT_EQ(run("extract -o " + page + " " + (dir_ / "link.html").string()).status, 2);
  EXPECT_EQ(run("extract -o " + (dir_ / "hard.html").string() + " " + page).status, 2);
  std::string list = write("list.txt", (dir_ / "link.html").string() + "\n");
  EXPECT_EQ(run("extract -o " + page + " --files-from " + list).status, 2);
  EXPECT_EQ(read_file(page), article_page("Linked"));
}

// --- 6. The output inside an input directory ---------------------------

TEST_F(Accidents, OutputInsideTheInputDirectoryIsNotReadBack) {
  write("pages/a.html", article_page("First"));
  write("pages/b.html", article_page("Second"));
  std::string out = (dir_ / "pages" / "out.jsonl").string();
  // A new output file, created in the walked directory, and then an
  // existing one (a second run): neither is an input.
  for (int run_number = 0; run_number < 2; ++run_number) {
    CommandOutcome r = run("extract -o " + out + " " + (dir_ / "pages").string());
    EXPECT_EQ(r.status, 0) << r.err;
    auto records = json_lines(read_file(out));
    ASSERT_EQ(records.size(), 2u) << read_file(out);
    EXPECT_EQ(records[0]["title"], "First");
    EXPECT_EQ(records[1]["title"], "Second");
  }
}

// --- 2. Directory links ------------------------------------------------

TEST_F(Accidents, DirectoryLinkLoopIsNotFollowedByDefault) {
  write("crawl/a/one.html", article_page("One"));
  write("crawl/b/two.html", article_page("Two"));
  fs::create_directory_symlink("..", dir_ / "crawl" / "a" / "up");
  CommandOutcome r = run("extract " + (dir_ / "crawl").string());
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(json_lines(r.out).size(), 2u);
  EXPECT_NE(r.err.find("1 directory link not followed (--follow)"), std::string::npos) << r.err;
}

TEST_F(Accidents, FollowWalksEachDirectoryOnceAndWarnsOfTheLoops) {
  write("t/crawl/a/one.html", article_page("One"));
  write("t/crawl/b/two.html", article_page("Two"));
  write("t/elsewhere/three.html", article_page("Three"));
  fs::path crawl = dir_ / "t" / "crawl";
  fs::create_directory_symlink("..", crawl / "a" / "up");
  fs::create_directory_symlink("../..", crawl / "b" / "top");
  fs::create_directory_symlink(dir_ / "t" / "elsewhere", crawl / "more");
  CommandOutcome r = run("extract --follow " + crawl.string());
  EXPECT_EQ(r.status, 0) << r.err;
  // a/up is crawl again: not walked twice. b/top is t/, whose crawl/ is
  // under way and whose elsewhere/ is new; more is elsewhere/ again.
  std::vector<std::string> titles;
  for (const json& j : json_lines(r.out)) titles.push_back(j["title"]);
  EXPECT_EQ(titles, (std::vector<std::string>{"One", "Three", "Two"})) << r.out;
  EXPECT_NE(r.err.find("crawl/a/up: a directory already walked (a symbolic link loop)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("crawl/more: a directory already walked"), std::string::npos) << r.err;
}

// --- 3. Inputs cut short -----------------------------------------------

TEST_F(Accidents, HalfAGzipPageIsATruncationWarningWithTheBytesRead) {
  std::string gz = gzip_member(long_story("Half a story"));
  std::string half = gz.substr(0, gz.size() / 2);
  std::string path = write("story.html.gz", half);
  CommandOutcome r = run("extract " + path);
  EXPECT_EQ(r.status, 0) << r.err;
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].contains("warnings")) << r.out;
  EXPECT_NE(records[0]["warnings"].dump().find("truncated input: the gzip data ends early"),
            std::string::npos)
      << r.out;
  EXPECT_EQ(records[0]["source"]["bytes"], half.size());
  EXPECT_NE(r.err.find("1 from truncated input"), std::string::npos) << r.err;

  // The whole page has no such warning.
  CommandOutcome whole = run("extract " + write("whole.html.gz", gz));
  EXPECT_EQ(whole.out.find("truncated input"), std::string::npos) << whole.out;
  EXPECT_EQ(whole.err.find("truncated"), std::string::npos) << whole.err;
}

TEST_F(Accidents, CorruptGzipPageKeepsWhatInflatedWithAWarning) {
  std::string gz = gzip_member(long_story("Damaged story"));
  for (size_t i = gz.size() * 2 / 3; i < gz.size() * 2 / 3 + 16; ++i) gz[i] = 0;
  CommandOutcome r = run("extract " + write("story.html.gz", gz));
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].contains("warnings")) << r.out;
  EXPECT_NE(records[0]["warnings"].dump().find("truncated input: the gzip data is corrupt"),
            std::string::npos)
      << r.out;
}

TEST_F(Accidents, WarcPayloadWithGzipEncodingCutShortIsATruncationWarning) {
  std::string gz = gzip_member(long_story("Cut in the archive"));
  std::string http =
      http_response(200, "Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n",
                    gz.substr(0, gz.size() / 2));
  std::string archive = gzip_member(response_record("http://news.example/cut", http)) +
                        gzip_member(article_response("http://news.example/whole", "Whole"));
  CommandOutcome r = run("extract " + write("crawl.warc.gz", archive));
  EXPECT_EQ(r.status, 0) << r.err;
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_NE(records[0]["warnings"].dump().find(
                "truncated input: the payload (Content-Encoding: gzip): the gzip data ends early"),
            std::string::npos)
      << r.out;
  EXPECT_FALSE(records[1].contains("warnings") &&
               records[1]["warnings"].dump().find("truncated") != std::string::npos);
  EXPECT_NE(r.err.find("2 records (2 articles, 0 errors); 1 from truncated input"),
            std::string::npos)
      << r.err;
}

TEST_F(Accidents, WarcPayloadCutBeforeAnyTextSaysSoInItsErrorRecord) {
  std::string gz = gzip_member(long_story("Cut before the story"));
  std::string http =
      http_response(200, "Content-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n",
                    gz.substr(0, 40));
  CommandOutcome r =
      run("extract " +
          write("crawl.warc.gz", gzip_member(response_record("http://news.example/cut", http))));
  EXPECT_EQ(r.status, 1);
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_NE(records[0]["error"]["message"].get<std::string>().find("truncated input:"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.err.find("1 from truncated input"), std::string::npos) << r.err;
}

TEST_F(Accidents, TooLargeRecordSaysHowManyBytesWereRead) {
  std::string big = article_page("Too big") + std::string(300'000, ' ');
  std::string path = write("big.html", big);
  CommandOutcome r = run("extract --max-bytes 100000 " + path);
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["error"]["code"], "too_large");
  // Reading stops one byte past the limit: that is what was read.
  EXPECT_EQ(records[0]["source"]["bytes"], 100'001u) << r.out;
}

// --- 5. Interrupted and killed runs ------------------------------------

// A crawl on disk: page files in directories, two gzip archives and a plain
// one, mixed in the walk order.
void make_crawl(Accidents* t, const fs::path& root, int pages, int records_per_archive,
                std::vector<std::string>* archive_paths = nullptr) {
  std::mt19937 rng(12);
  auto words = [&](int n) {
    static const char* kWords[] = {"council", "harbour",  "vote",  "budget", "ferry",
                                   "strike",  "minister", "court", "river",  "school"};
    std::string s;
    for (int i = 0; i < n; ++i) s += std::string(kWords[rng() % 10]) + " ";
    return s;
  };
  for (int i = 0; i < pages; ++i) {
    std::string name = "d" + std::to_string(i % 4) + "/page" + std::to_string(i) + ".html";
    std::ofstream(root / name) << article_page("Page " + std::to_string(i) + " " + words(3),
                                               words(2));
  }
  for (int a = 0; a < 3; ++a) {
    std::string archive;
    for (int i = 0; i < records_per_archive; ++i) {
      std::string uri = "http://news.example/" + std::to_string(a) + "/" + std::to_string(i);
      std::string rec = warc_record("request", uri, "application/http; msgtype=request",
                                    "GET / HTTP/1.1\r\n\r\n") +
                        article_response(uri, "Record " + std::to_string(i) + " " + words(3));
      archive += a < 2 ? gzip_member(rec) : rec;
    }
    fs::path p = root / ("d" + std::to_string(a) + "/crawl" + std::to_string(a) +
                         (a < 2 ? ".warc.gz" : ".warc"));
    std::ofstream(p, std::ios::binary) << archive;
    if (archive_paths) archive_paths->push_back(p.string());
  }
  (void)t;
}

TEST_F(Accidents, SigtermWritesWholeRecordsAndTheSummaryAndExits143) {
  constexpr int kRecords = 100;
  for (int sig : {SIGTERM, SIGINT}) {
    fs::path fifo = dir_ / ("stream" + std::to_string(sig));
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    fs::path out = dir_ / "out.jsonl";
    pid_t pid =
        start("extract --from warc -j 2 -o " + out.string() + " -", "/dev/null", fifo.string());
    int w = ::open(fifo.c_str(), O_WRONLY);
    ASSERT_GE(w, 0);
    std::string data;
    // More than the 64 KB lede reads first to tell an archive from a page.
    for (int i = 0; i < kRecords; ++i)
      data +=
          article_response("http://news.example/" + std::to_string(i), "Live " + std::to_string(i));
    ASSERT_EQ(::write(w, data.data(), data.size()), static_cast<ssize_t>(data.size()));
    // Wait until lede has taken all of it, then until it waits for more.
    for (int i = 0; i < 1000; ++i) {
      int unread = 0;
      ioctl(w, FIONREAD, &unread);
      if (unread == 0) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    kill(pid, sig);
    int code = wait_for(pid);
    ::close(w);
    EXPECT_EQ(code, 128 + sig);
    std::string written = read_file(out);
    ASSERT_FALSE(written.empty());
    EXPECT_EQ(written.back(), '\n');
    EXPECT_EQ(json_lines(written).size(), static_cast<size_t>(kRecords));
    std::string err = read_file(dir_ / "stderr.txt");
    EXPECT_NE(err.find("lede: " + std::to_string(kRecords) + " records (" +
                       std::to_string(kRecords) + " articles, 0 errors)"),
              std::string::npos)
        << err;
    EXPECT_NE(err.find(sig == SIGTERM ? "interrupted by SIGTERM" : "interrupted by SIGINT"),
              std::string::npos)
        << err;
  }
}

TEST_F(Accidents, RunKilledAtRandomPointsAndResumedEqualsOneUninterruptedRun) {
  fs::path root = dir_ / "crawl";
  for (int i = 0; i < 4; ++i) fs::create_directories(root / ("d" + std::to_string(i)));
  make_crawl(this, root, 200, 100);
  std::string inputs = root.string() + " " + (dir_ / "extra.html").string();
  write("extra.html", article_page("The input named last"));

  fs::path reference = dir_ / "reference.jsonl";
  ASSERT_EQ(wait_for(start("extract -j 2 -o " + reference.string() + " " + inputs, "/dev/null")), 0)
      << read_file(dir_ / "stderr.txt");
  std::string expected = read_file(reference);
  ASSERT_EQ(json_lines(expected).size(), 200u + 3 * 100 + 1);

  std::mt19937 rng(2024);
  int partial_outputs = 0;  // kills that left some but not all of the output
  for (int trial = 0; trial < 5; ++trial) {
    fs::path out = dir_ / ("out" + std::to_string(trial) + ".jsonl");
    // Kill the run, then each resumed run, at a random point of its output
    // (once the file has grown past a random size), until one finishes.
    int kills = 0;
    std::string args = "extract -j 2 -o " + out.string() + " " + inputs;
    for (int attempt = 0; attempt < 4; ++attempt) {
      std::error_code ec;
      uint64_t have = fs::exists(out) ? fs::file_size(out, ec) : 0;
      // A point past what the file holds; when it already holds all but the
      // last byte there is none, and the run goes to its end.
      uint64_t target = expected.size();
      if (have + 1 < expected.size())
        target = std::uniform_int_distribution<uint64_t>(have + 1, expected.size() - 1)(rng);
      pid_t pid = start(args, "/dev/null");
      int status = 0;
      bool ended = false;
      while (!ended) {
        if (waitpid(pid, &status, WNOHANG) == pid) {
          ended = true;
          break;
        }
        uint64_t size = fs::file_size(out, ec);
        if (!ec && size >= target) break;
        std::this_thread::sleep_for(std::chrono::microseconds(200));
      }
      if (!ended) {
        kill(pid, SIGKILL);
        if (wait_for(pid) == 128 + SIGKILL) {
          ++kills;
          uint64_t size = fs::file_size(out, ec);
          if (!ec && size > 0 && size < expected.size()) ++partial_outputs;
        }
      }
      args = "extract --resume -j 2 -o " + out.string() + " " + inputs;
    }
    int code = wait_for(start(args, "/dev/null"));
    EXPECT_EQ(code, 0) << read_file(dir_ / "stderr.txt");
    std::string got = read_file(out);
    EXPECT_EQ(got.size(), expected.size()) << "trial " << trial << ", " << kills << " kills";
    EXPECT_TRUE(got == expected) << "trial " << trial << ", " << kills << " kills";
    std::printf("[accidents] trial %d: %d runs killed, then resumed to the end\n", trial, kills);
  }
  // Kills land once output has appeared, so nearly all leave a partial file.
  EXPECT_GE(partial_outputs, 5);
}

TEST_F(Accidents, ResumeOfAFinishedRunAddsNothing) {
  write("a.html", article_page("Alpha"));
  write("b.html", article_page("Beta"));
  std::string out = (dir_ / "out.jsonl").string();
  std::string inputs = (dir_ / "a.html").string() + " " + (dir_ / "b.html").string();
  ASSERT_EQ(run("extract -o " + out + " " + inputs).status, 0);
  std::string before = read_file(out);
  EXPECT_EQ(run("extract --resume -o " + out + " " + inputs).status, 0);
  EXPECT_EQ(read_file(out), before);
  // A partial last line (a killed run) is dropped and that record redone.
  std::string partial = before.substr(0, before.size() - 40);
  write("out.jsonl", partial);
  EXPECT_EQ(run("extract --resume -o " + out + " " + inputs).status, 0);
  EXPECT_EQ(read_file(out), before);
}

TEST_F(Accidents, ResumeRefusesInputsThatDoNotHoldTheOutputsLastRecord) {
  write("a.html", article_page("Alpha"));
  write("b.html", article_page("Beta"));
  std::string out = (dir_ / "out.jsonl").string();
  ASSERT_EQ(run("extract -o " + out + " " + (dir_ / "a.html").string()).status, 0);
  std::string before = read_file(out);
  CommandOutcome r = run("extract --resume -o " + out + " " + (dir_ / "b.html").string());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("is not among the inputs"), std::string::npos) << r.err;
  EXPECT_EQ(read_file(out), before);
  EXPECT_EQ(run("extract --resume " + (dir_ / "a.html").string()).status, 2);  // no -o
  EXPECT_EQ(
      run("extract --resume --format json -o " + out + " " + (dir_ / "a.html").string()).status, 2);
}

// --- 9. Small ones -----------------------------------------------------

TEST_F(Accidents, InvalidDateIsAUsageErrorNamingTheDate) {
  std::string page = write("page.html", article_page("Dated"));
  CommandOutcome r = run("extract --analyze --date 2019-13-45 " + page);
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--date 2019-13-45 is not a date"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(run("extract --date 2019-02-29 " + page).status, 2);  // not a leap year
  EXPECT_EQ(run("extract --date 2020-02-29 " + page).status, 0);
}

TEST_F(Accidents, DepthWarningSaysTheContentWasKept) {
  std::string deep = "<html><body>";
  for (int i = 0; i < 2000; ++i) deep += "<div>";
  deep += "<p>A sentence deep inside two thousand nested elements, still readable.</p>";
  CommandOutcome r = run("extract --max-depth 64 " + write("deep.html", deep));
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  std::string warnings = records[0]["warnings"].dump();
  EXPECT_NE(warnings.find("max_depth"), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("content kept"), std::string::npos) << warnings;
  EXPECT_EQ(warnings.find("was cut"), std::string::npos) << warnings;
  EXPECT_NE(records[0]["text"].get<std::string>().find("still readable"), std::string::npos);
}

TEST_F(Accidents, HelpListsTheCommandsAndTheNewFlags) {
  CommandOutcome r = run("help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("extract"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("help"), std::string::npos) << r.out;
  CommandOutcome e = run("help extract");
  EXPECT_NE(e.out.find("--follow"), std::string::npos);
  EXPECT_NE(e.out.find("--resume"), std::string::npos);
  EXPECT_EQ(run("help nonsense").status, 2);
}

TEST_F(Accidents, SummaryCountsInTheSingularForOne) {
  CommandOutcome r = run("extract " + write("page.html", article_page("Only one")));
  EXPECT_NE(r.err.find("lede: 1 record (1 article, 0 errors)"), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("1 records"), std::string::npos) << r.err;
}

}  // namespace
