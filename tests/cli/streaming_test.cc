// `lede extract` over crawls, as a black box: archives and many inputs
// streamed through the workers, order, error records, exit codes, file
// lists, stdin, closed pipes and the progress line.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "command.h"
#include "warc_builder.h"

namespace {

namespace fs = std::filesystem;
using lede::testing::article_response;
using lede::testing::CommandOutcome;
using lede::testing::gzip_member;
using lede::testing::http_response;
using lede::testing::json_lines;
using lede::testing::read_file;
using lede::testing::response_record;
using lede::testing::warc_record;
using nlohmann::json;

class Streaming : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("lede_stream_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Runs `lede ARGS` through the shell; `tail` is appended as it is
  // (redirections).
  CommandOutcome run(const std::string& args, const std::string& tail = "") {
    return lede::testing::run_command(std::string(LEDE_BINARY) + " " + args + " " + tail,
                                      dir_ / "stderr.txt");
  }

  std::string write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }

  // An archive of `n` article pages, each record in its own gzip member,
  // with requests, a 404 and an image between them; `offsets` gets the
  // member offsets of the pages.
  std::string crawl(int n, std::vector<uint64_t>* offsets = nullptr) {
    std::string archive =
        gzip_member(warc_record("warcinfo", "", "application/warc-fields", "software: test\r\n"));
    for (int i = 0; i < n; ++i) {
      std::string uri = "http://news.example/" + std::to_string(i);
      archive += gzip_member(warc_record("request", uri, "application/http; msgtype=request",
                                         "GET / HTTP/1.1\r\n\r\n"));
      if (offsets) offsets->push_back(archive.size());
      archive += gzip_member(article_response(uri, "Story number " + std::to_string(i)));
      if (i == 1)
        archive += gzip_member(response_record(
            "http://news.example/gone", http_response(404, "Content-Type: text/html\r\n", "no")));
      if (i == 2)
        archive += gzip_member(response_record(
            "http://news.example/a.png", http_response(200, "Content-Type: image/png\r\n", "PNG")));
    }
    return archive;
  }

  fs::path dir_;
};

TEST_F(Streaming, ArchiveRecordsComeOutInOrderWithTheirSources) {
  std::vector<uint64_t> offsets;
  std::string path = write("crawl.warc.gz", crawl(12, &offsets));
  CommandOutcome r = run("extract -j 3 " + path);
  ASSERT_EQ(r.status, 0) << r.err;
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 12u);
  for (int i = 0; i < 12; ++i) {
    std::string uri = "http://news.example/" + std::to_string(i);
    EXPECT_EQ(records[i]["url"], uri);
    EXPECT_EQ(records[i]["title"], "Story number " + std::to_string(i));
    EXPECT_EQ(records[i]["source"]["path"], path);
    EXPECT_EQ(records[i]["source"]["kind"], "warc");
    EXPECT_EQ(records[i]["source"]["offset"], offsets[i]);
    EXPECT_EQ(records[i]["source"]["target_uri"], uri);
    EXPECT_EQ(records[i]["source"]["warc_date"], "2024-01-02T03:04:05Z");
  }
  // The summary counts what was skipped and why.
  EXPECT_NE(r.err.find("12 records"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("http_404=1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("not_html=1"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("request=12"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("warcinfo=1"), std::string::npos) << r.err;
}

TEST_F(Streaming, DamagedArchiveGivesErrorRecordsInPlaceAndExitsOne) {
  std::vector<std::string> members;
  for (int i = 0; i < 5; ++i)
    members.push_back(gzip_member(article_response("http://news.example/" + std::to_string(i),
                                                   "Story number " + std::to_string(i))));
  std::string& bad = members[2];
  for (size_t i = bad.size() / 3; i < bad.size() / 3 + 40; ++i) bad[i] = static_cast<char>(i * 13);
  std::string archive;
  uint64_t bad_offset = 0;
  for (int i = 0; i < 5; ++i) {
    if (i == 2) bad_offset = archive.size();
    archive += members[i];
  }
  // Cut the last record short as well.
  archive.resize(archive.size() - members[4].size() / 2);
  CommandOutcome r = run("extract -j 2 " + write("damaged.warc.gz", archive));
  EXPECT_EQ(r.status, 1);
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 5u) << r.out;
  EXPECT_EQ(records[0]["title"], "Story number 0");
  EXPECT_EQ(records[1]["title"], "Story number 1");
  EXPECT_EQ(records[2]["error"]["code"], "bad_archive");
  EXPECT_EQ(records[2]["source"]["offset"], bad_offset);
  EXPECT_EQ(records[3]["title"], "Story number 3");
  EXPECT_EQ(records[4]["error"]["code"], "bad_archive");
  EXPECT_EQ(records[4]["source"]["target_uri"], "http://news.example/4");
  EXPECT_NE(r.err.find("bad_archive=2"), std::string::npos) << r.err;
}

TEST_F(Streaming, ManyInputsKeepTheirOrderWithManyJobs) {
  std::vector<std::string> paths;
  for (int i = 0; i < 60; ++i) {
    std::string content;
    if (i % 7 == 3)
      content = "";  // an error record in its place
    else
      content = lede::testing::article_page("Page " + std::to_string(i),
                                            std::string(1 + (i * 37) % 400, 'w'));
    paths.push_back(write("in/" + std::to_string(i) + ".html", content));
  }
  std::string args = "extract -j 4";
  for (const std::string& p : paths) args += " " + p;
  CommandOutcome r = run(args);
  EXPECT_EQ(r.status, 1);
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    EXPECT_EQ(records[i]["source"]["path"], paths[i]) << i;
    EXPECT_EQ(records[i].contains("error"), i % 7 == 3) << i;
  }
}

TEST_F(Streaming, FilesFromReadsOnePathALineFromAFileOrStdin) {
  std::string a = write("a.html", lede::testing::article_page("First"));
  std::string b = write("d/b.html", lede::testing::article_page("Second"));
  std::string c = write("d/c.html", lede::testing::article_page("Third"));
  std::string list = write("list.txt", a + "\n\n" + (dir_ / "d").string() + "\r\n");
  for (const std::string& how : {"--files-from " + list, "--files-from - < " + list}) {
    CommandOutcome r = run("extract " + how);
    ASSERT_EQ(r.status, 0) << how << ": " << r.err;
    auto records = json_lines(r.out);
    ASSERT_EQ(records.size(), 3u) << how;
    EXPECT_EQ(records[0]["source"]["path"], a);
    EXPECT_EQ(records[1]["source"]["path"], b);
    EXPECT_EQ(records[2]["source"]["path"], c);
  }
  EXPECT_EQ(run("extract --files-from - -", "< " + list).status, 2);
  CommandOutcome missing = run("extract --files-from " + (dir_ / "no-list.txt").string());
  EXPECT_EQ(missing.status, 1);
  ASSERT_EQ(json_lines(missing.out).size(), 1u);
  EXPECT_EQ(json_lines(missing.out)[0]["error"]["code"], "io");
}

TEST_F(Streaming, ArchivesOnStdinAreRecognisedOrDeclared) {
  std::string gz = write("crawl.bin", crawl(3));
  CommandOutcome sniffed = run("extract", "< " + gz);
  ASSERT_EQ(sniffed.status, 0) << sniffed.err;
  auto records = json_lines(sniffed.out);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["source"]["path"], "-");
  EXPECT_EQ(records[0]["source"]["kind"], "warc");
  std::string plain;
  for (int i = 0; i < 3; ++i)
    plain +=
        article_response("http://news.example/" + std::to_string(i), "Plain " + std::to_string(i));
  CommandOutcome declared = run("extract --from warc -", "< " + write("crawl.txt", plain));
  ASSERT_EQ(declared.status, 0) << declared.err;
  EXPECT_EQ(json_lines(declared.out).size(), 3u);
}

TEST_F(Streaming, AClosedPipeEndsAnArchiveRunQuietlyWithZero) {
  std::string path = write("big.warc.gz", crawl(400));
  std::string cmd = "bash -c 'set -o pipefail; " + std::string(LEDE_BINARY) + " extract -j 2 " +
                    path + " 2>" + (dir_ / "err").string() +
                    " | head -n 2 >/dev/null; echo ${PIPESTATUS[0]}'";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[64] = {0};
  ASSERT_NE(fgets(buf, sizeof buf, p), nullptr);
  pclose(p);
  EXPECT_EQ(std::string(buf), "0\n");
  EXPECT_EQ(read_file(dir_ / "err"), "");
}

TEST_F(Streaming, EndlessStreamIsProcessedAsItArrives) {
  // A generator that never ends: lede must write records as they come and
  // stop when the reader of its output goes away.
  std::string one = write("one.warc", article_response("http://news.example/x", "Again and again"));
  std::string cmd = "bash -c 'set -o pipefail; while cat " + one + "; do :; done 2>/dev/null | " +
                    std::string(LEDE_BINARY) + " extract --from warc -q -j 2 | head -n 300 | " +
                    "wc -l; echo ${PIPESTATUS[1]}'";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char count[64] = {0}, status[64] = {0};
  ASSERT_NE(fgets(count, sizeof count, p), nullptr);
  ASSERT_NE(fgets(status, sizeof status, p), nullptr);
  pclose(p);
  EXPECT_EQ(std::atoi(count), 300);
  EXPECT_EQ(std::string(status), "0\n");
}

TEST_F(Streaming, NoProgressLineWhenStderrIsNotATerminal) {
  std::string path = write("crawl.warc.gz", crawl(3));
  CommandOutcome r = run("extract " + path);
  EXPECT_EQ(r.err.find('\r'), std::string::npos) << r.err;
  EXPECT_EQ(r.err.rfind("lede: 3 records", 0), 0u) << r.err;
  EXPECT_EQ(run("extract -q " + path).err, "");
}

TEST_F(Streaming, ProgressLineUpdatesOnATerminal) {
  if (std::system("script --version >/dev/null 2>&1") != 0) GTEST_SKIP() << "no script(1)";
  std::string path = write("crawl.warc.gz", crawl(40));
  // script(1) gives lede a terminal; stdout goes to a file, stderr to the
  // terminal.
  std::string cmd = "script -qec '" + std::string(LEDE_BINARY) + " extract -j 2 " + path + " >" +
                    (dir_ / "out").string() + "' " + (dir_ / "typescript").string() +
                    " >/dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string tty = read_file(dir_ / "typescript");
  EXPECT_NE(tty.find("\rlede: "), std::string::npos) << tty;
  EXPECT_NE(tty.find("pages/s"), std::string::npos) << tty;
  EXPECT_NE(tty.find("ETA"), std::string::npos) << tty;
  EXPECT_NE(tty.find("lede: 40 records"), std::string::npos) << tty;
  EXPECT_EQ(json_lines(read_file(dir_ / "out")).size(), 40u);
}

}  // namespace
