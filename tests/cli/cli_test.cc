// The lede command as a user meets it: run the binary, read what it prints
// and its exit code.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "command.h"

namespace {

namespace fs = std::filesystem;
using lede::testing::CommandOutcome;
using lede::testing::json_lines;
using nlohmann::json;

// Runs `lede ARGS`, with standard input from `stdin_file` when given.
CommandOutcome run(const std::string& args, const std::string& stdin_file = "") {
  std::string cmd = std::string(LEDE_BINARY) + " " + args;
  if (!stdin_file.empty()) cmd += " < " + stdin_file;
  return lede::testing::run_command(cmd);
}

class Cli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("lede_cli_" + std::to_string(getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& content) {
    fs::path p = dir_ / name;
    std::ofstream(p, std::ios::binary) << content;
    return p.string();
  }
  static std::string page() { return std::string(LEDE_PAGES_DIR) + "/ap-nato/source.html"; }

  fs::path dir_;
};

TEST_F(Cli, VersionPrintsNameAndExitsZero) {
  CommandOutcome r = run("--version");
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("lede ", 0), 0u) << r.out;
}

TEST_F(Cli, NoCommandIsAUsageError) { EXPECT_EQ(run("").status, 2); }

TEST_F(Cli, UnknownOptionIsAUsageError) { EXPECT_EQ(run("extract --no-such-flag").status, 2); }

TEST_F(Cli, HelpExtractExplainsTheOptions) {
  CommandOutcome r = run("help extract");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("--format"), std::string::npos);
  EXPECT_NE(r.out.find("--max-bytes"), std::string::npos);
}

TEST_F(Cli, ExtractsOnePageAsOneJsonLine) {
  CommandOutcome r = run("extract " + page());
  ASSERT_EQ(r.status, 0);
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["title"],
            "NATO leader says Ukrainians are making progress and advancing against Russian forces");
  EXPECT_EQ(records[0]["source"]["path"], page());
  EXPECT_EQ(records[0]["source"]["kind"], "html");
  std::string text = records[0]["text"];
  EXPECT_EQ(text.rfind("WASHINGTON (AP) — NATO Secretary-General", 0), 0u) << text.substr(0, 200);
}

TEST_F(Cli, APageAfterAServersWarningsIsStillMarkup) {
  std::string warnings;
  for (int i = 0; i < 30; ++i)
    warnings +=
        "<b>Deprecated</b>: Function set_magic_quotes_runtime() is deprecated in "
        "<b>/www/wp-settings.php</b> on line <b>18</b><br />\n";
  const std::string page = warnings +
                           "<!DOCTYPE html><html><head><title>Harbour reopens</title></head><body>"
                           "<h1>Harbour reopens</h1><p>The harbour reopened on Monday after the "
                           "storm, and the ferries run again.</p></body></html>";
  ASSERT_GT(warnings.size(), 1024u);
  CommandOutcome r = run("extract " + write("p.html", page));
  ASSERT_EQ(r.status, 0);
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["source"]["kind"], "html");
  EXPECT_EQ(records[0]["title"], "Harbour reopens");
  // Text that never opens a document stays text.
  std::string text;
  for (int i = 0; i < 40; ++i) text += "Plain notes about <b>bold</b> words in a letter.\n";
  r = run("extract " + write("t.txt", text));
  ASSERT_EQ(r.status, 0);
  records = json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["source"]["kind"], "text");
}

TEST_F(Cli, ReadsStdinWhenGivenDash) {
  CommandOutcome r = run("extract -", page());
  ASSERT_EQ(r.status, 0);
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["source"]["path"], "-");
}

TEST_F(Cli, ReadsGzipCompressedPagesTransparently) {
  std::string gz = (dir_ / "page.html.gz").string();
  ASSERT_EQ(std::system(("gzip -c " + page() + " > " + gz).c_str()), 0);
  auto records = json_lines(run("extract " + gz).out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0]["text"].get<std::string>().empty());
}

TEST_F(Cli, EveryInputGivesARecordOrAnErrorInOrder) {
  std::string empty = write("empty.html", "");
  std::string junk = write(
      "junk.bin", std::string("\x00\x01\x02\x03\xff\xfe\x00\x00", 8) + std::string(4000, '\x01'));
  std::string missing = (dir_ / "missing.html").string();
  CommandOutcome r = run("extract " + empty + " " + page() + " " + junk + " " + missing);
  EXPECT_EQ(r.status, 1);
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0]["error"]["code"], "empty_input");
  EXPECT_EQ(records[0]["source"]["path"], empty);
  EXPECT_TRUE(records[1].contains("text"));
  EXPECT_EQ(records[2]["error"]["code"], "not_html");
  EXPECT_EQ(records[3]["error"]["code"], "io");
  EXPECT_EQ(records[3]["source"]["path"], missing);
}

TEST_F(Cli, APageWithoutABodyGivesARecordWithItsMetadata) {
  std::string shell = write("shell.html", R"(<html><head><title>Gallery: lantern festival</title>
    <meta property="article:published_time" content="2023-09-17T08:15:00-05:00">
    </head><body><nav><a href="/">Home</a></nav></body></html>)");
  CommandOutcome r = run("extract " + shell);
  EXPECT_EQ(r.status, 0);
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0].contains("error"));
  EXPECT_EQ(records[0]["title"], "Gallery: lantern festival");
  EXPECT_EQ(records[0]["published"], "2023-09-17T08:15:00-05:00");
  EXPECT_EQ(records[0]["text"], "");
  const auto& warnings = records[0]["warnings"];
  EXPECT_NE(std::find(warnings.begin(), warnings.end(), "no_content"), warnings.end());
  EXPECT_TRUE(records[0]["site"].is_object());
  EXPECT_TRUE(records[0]["dateline"].is_object());
}

TEST_F(Cli, WalksDirectoriesRecursivelyInSortedOrder) {
  fs::create_directories(dir_ / "b" / "c");
  fs::copy_file(page(), dir_ / "b" / "c" / "2.html");
  fs::copy_file(page(), dir_ / "b" / "1.html");
  fs::copy_file(page(), dir_ / "a.html");
  auto records = json_lines(run("extract -j 2 " + dir_.string()).out);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0]["source"]["path"], (dir_ / "a.html").string());
  EXPECT_EQ(records[1]["source"]["path"], (dir_ / "b" / "1.html").string());
  EXPECT_EQ(records[2]["source"]["path"], (dir_ / "b" / "c" / "2.html").string());
}

TEST_F(Cli, JsonFormatIsOneArrayOfRecords) {
  CommandOutcome r = run("extract --format json " + page() + " " + page());
  ASSERT_EQ(r.status, 0);
  json all = json::parse(r.out);
  ASSERT_TRUE(all.is_array());
  EXPECT_EQ(all.size(), 2u);
}

TEST_F(Cli, TextAndMarkdownFormatsLeadWithTheHeadline) {
  CommandOutcome text = run("extract --format text " + page());
  EXPECT_EQ(text.out.rfind("NATO leader says", 0), 0u) << text.out.substr(0, 80);
  CommandOutcome md = run("extract --format markdown " + page());
  EXPECT_EQ(md.out.rfind("# NATO leader says", 0), 0u) << md.out.substr(0, 80);
  EXPECT_NE(md.out.find("![President Joe Biden meets"), std::string::npos);
}

TEST_F(Cli, InputOverTheByteLimitIsATooLargeError) {
  auto records = json_lines(run("extract --max-bytes 1000 " + page()).out);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0]["error"]["code"], "too_large");
  EXPECT_NE(records[0]["error"]["message"].get<std::string>().find("limit"), std::string::npos);
}

TEST_F(Cli, DepthLimitFlattensAndWarns) {
  std::string deep = "<html><body>";
  for (int i = 0; i < 100000; ++i) deep += "<div>";
  deep += "<p>A sentence deep inside a hundred thousand nested elements, still readable.</p>";
  std::string path = write("deep.html", deep);
  CommandOutcome r = run("extract --max-depth 64 " + path);
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 1u);
  ASSERT_TRUE(records[0].contains("warnings")) << r.out;
  EXPECT_NE(records[0]["warnings"].dump().find("max_depth"), std::string::npos);
  EXPECT_NE(records[0]["text"].get<std::string>().find("still readable"), std::string::npos);
}

TEST_F(Cli, InvalidUtf8IsReplacedAndReported) {
  std::string html =
      "<html><head><meta charset=\"utf-8\"></head><body><article><p>Broken bytes \xC3\x28 "
      "here, and the rest of a perfectly ordinary sentence follows them to the end.</p>"
      "</article></body></html>";
  auto records = json_lines(run("extract " + write("bad.html", html)).out);
  ASSERT_EQ(records.size(), 1u);
  std::string text = records[0]["text"];
  EXPECT_NE(text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(records[0]["warnings"].dump().find("U+FFFD"), std::string::npos);
}

TEST_F(Cli, AClosedPipeEndsTheRunQuietly) {
  std::string args;
  for (int i = 0; i < 200; ++i) args += " " + page();
  std::string cmd = "bash -c 'set -o pipefail; " + std::string(LEDE_BINARY) + " extract -q" + args +
                    " | head -c 10 >/dev/null; echo ${PIPESTATUS[0]}'";
  FILE* p = popen(cmd.c_str(), "r");
  ASSERT_NE(p, nullptr);
  char buf[64] = {0};
  size_t n = fread(buf, 1, sizeof buf - 1, p);
  pclose(p);
  EXPECT_EQ(std::string(buf, n), "0\n");
}

TEST_F(Cli, UnreadableFileInADirectoryGivesAnErrorRecord) {
  if (geteuid() == 0) GTEST_SKIP() << "root reads every file; run as another user to test this";
  fs::copy_file(page(), dir_ / "a.html");
  std::string locked = write("b.html", "<p>secret</p>");
  fs::permissions(locked, fs::perms::none);
  CommandOutcome r = run("extract " + dir_.string());
  EXPECT_EQ(r.status, 1);
  auto records = json_lines(r.out);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1]["error"]["code"], "io");
}

TEST_F(Cli, AnalyzeFillsQuotesPeopleAndTimesOnlyWhenAsked) {
  auto plain = json_lines(run("extract " + page()).out);
  ASSERT_EQ(plain.size(), 1u);
  EXPECT_TRUE(plain[0]["quotes"].empty());
  auto analyzed = json_lines(run("extract --analyze --date 2023-06-13 " + page()).out);
  ASSERT_EQ(analyzed.size(), 1u);
  bool stoltenberg_quoted = false;
  for (const json& q : analyzed[0]["quotes"])
    stoltenberg_quoted |= q["speaker"] == "Jens Stoltenberg";
  EXPECT_TRUE(stoltenberg_quoted) << analyzed[0]["quotes"].dump();
  bool tuesday = false;
  for (const json& t : analyzed[0]["times"])
    tuesday |= t["text"] == "Tuesday" && t["value"] == "2023-06-13";
  EXPECT_TRUE(tuesday) << analyzed[0]["times"].dump();
}

TEST_F(Cli, GumboParserGivesTheSameBody) {
  auto lede = json_lines(run("extract " + page()).out);
  auto gumbo = json_lines(run("extract --parser gumbo " + page()).out);
  ASSERT_EQ(lede.size(), 1u);
  ASSERT_EQ(gumbo.size(), 1u);
  EXPECT_EQ(lede[0]["text"], gumbo[0]["text"]);
  EXPECT_EQ(run("extract --parser nosuch " + page()).status, 2);
}

TEST_F(Cli, PageTypeReadsEveryPageAsThatKind) {
  const std::string thread = std::string(LEDE_PAGES_DIR) + "/forum-thread-pump-hum/source.html";
  auto model = json_lines(run("extract " + thread).out);
  auto given = json_lines(run("extract --page-type article " + thread + " " + page()).out);
  ASSERT_EQ(model.size(), 1u);
  ASSERT_EQ(given.size(), 2u);
  EXPECT_EQ(model[0]["page_type"], "forum");
  EXPECT_EQ(given[0]["page_type"], "article");
  EXPECT_EQ(given[1]["page_type"], "article");
  // Read as an article, a thread keeps its first post; the replies are comments.
  EXPECT_LT(given[0]["text"].get<std::string>().size(), model[0]["text"].get<std::string>().size());
  EXPECT_EQ(run("extract --page-type auto " + thread).out, run("extract " + thread).out);
  CommandOutcome wrong = lede::testing::run_command(
      std::string(LEDE_BINARY) + " extract --page-type blog " + thread, dir_ / "err");
  EXPECT_EQ(wrong.status, 2);
  EXPECT_NE(wrong.err.find("--page-type"), std::string::npos) << wrong.err;
}

}  // namespace
