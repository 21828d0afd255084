// The WARC reader on hand-built archives: plain and gzip-per-record, WARC
// 1.0 and 1.1, and damage (truncation, a corrupt member, lying lengths,
// garbage, oversized records).
#include "lede/warc.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>
#include <vector>

#include "warc_builder.h"

namespace lede {
namespace {

namespace fs = std::filesystem;
using testing::gzip_member;
using testing::http_response;
using testing::response_record;
using testing::warc_record;

std::vector<WarcRecord> read_archive(const std::string& bytes, const Limits& limits = {}) {
  fs::path path =
      fs::temp_directory_path() / ("lede_warc_test_" + std::to_string(getpid()) + ".warc");
  std::ofstream(path, std::ios::binary) << bytes;
  std::vector<WarcRecord> records;
  auto reader = WarcReader::open(path.string(), limits);
  EXPECT_TRUE(reader.has_value());
  if (reader)
    while (auto record = reader->next()) records.push_back(std::move(*record));
  fs::remove(path);
  return records;
}

std::string html_response(std::string_view uri, std::string_view body) {
  return response_record(uri, http_response(200, "Content-Type: text/html\r\n", body));
}

// Three records as a crawl writes them: warcinfo, request, response.
std::vector<std::string> sample_records() {
  return {warc_record("warcinfo", "", "application/warc-fields", "software: test\r\n"),
          warc_record("request", "http://example.com/a", "application/http; msgtype=request",
                      "GET /a HTTP/1.1\r\nHost: example.com\r\n\r\n"),
          html_response("http://example.com/a", "<html><body><p>Hello</p></body></html>")};
}

TEST(WarcReader, ReadsUncompressedRecordsAtTheirByteOffsets) {
  std::vector<std::string> parts = sample_records();
  std::string archive;
  std::vector<uint64_t> offsets;
  for (const std::string& p : parts) {
    offsets.push_back(archive.size());
    archive += p;
  }
  auto records = read_archive(archive);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[0].type, "warcinfo");
  EXPECT_EQ(records[1].type, "request");
  EXPECT_EQ(records[2].type, "response");
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(records[i].offset, offsets[i]) << i;
    EXPECT_FALSE(records[i].error) << records[i].error->message;
  }
  EXPECT_EQ(records[2].target_uri, "http://example.com/a");
  EXPECT_EQ(records[2].date, "2024-01-02T03:04:05Z");
  EXPECT_EQ(records[2].block.substr(0, 15), "HTTP/1.1 200 X\r");
  EXPECT_EQ(records[2].block.size(), records[2].content_length);
}

TEST(WarcReader, ReadsGzipMembersAtTheMemberOffsets) {
  std::string archive;
  std::vector<uint64_t> offsets;
  for (const std::string& p : sample_records()) {
    offsets.push_back(archive.size());
    archive += gzip_member(p);
  }
  auto records = read_archive(archive);
  ASSERT_EQ(records.size(), 3u);
  for (size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(records[i].offset, offsets[i]) << i;
    EXPECT_FALSE(records[i].error);
  }
  EXPECT_EQ(records[2].type, "response");
}

TEST(WarcReader, ReadsAWholeArchiveCompressedAsOneMember) {
  std::string plain;
  for (const std::string& p : sample_records()) plain += p;
  auto records = read_archive(gzip_member(plain));
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[2].target_uri, "http://example.com/a");
}

TEST(WarcReader, ReadsWarc10WithBracketedTargetUri) {
  std::string record = warc_record(
      "response", "<http://example.com/old>", "application/http; msgtype=response",
      http_response(200, "Content-Type: text/html\r\n", "<p>x</p>"), std::nullopt, "WARC/1.0");
  auto records = read_archive(record);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_FALSE(records[0].error);
  EXPECT_EQ(records[0].target_uri, "http://example.com/old");
}

TEST(WarcReader, TruncatedPlainArchiveReportsTheLastRecordCut) {
  std::string first = html_response("http://example.com/1", "<p>one</p>");
  std::string second = html_response("http://example.com/2", std::string(5000, 'x'));
  std::string archive = first + second.substr(0, 1000);
  auto records = read_archive(archive);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_FALSE(records[0].error);
  ASSERT_TRUE(records[1].error);
  EXPECT_EQ(records[1].error->code, ErrorCode::kBadArchive);
  EXPECT_NE(records[1].error->message.find("ends inside"), std::string::npos);
  EXPECT_EQ(records[1].offset, first.size());
  EXPECT_EQ(records[1].target_uri, "http://example.com/2");
}

TEST(WarcReader, TruncatedGzipArchiveReportsTheLastRecordCut) {
  std::string first = gzip_member(html_response("http://example.com/1", "<p>one</p>"));
  std::string second = gzip_member(html_response("http://example.com/2", std::string(5000, 'x')));
  auto records = read_archive(first + second.substr(0, second.size() / 2));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_FALSE(records[0].error);
  ASSERT_TRUE(records[1].error);
  EXPECT_EQ(records[1].error->code, ErrorCode::kBadArchive);
  EXPECT_EQ(records[1].offset, first.size());
}

TEST(WarcReader, CorruptGzipMemberInTheMiddleIsReportedAndLaterRecordsAreRead) {
  std::vector<std::string> members;
  for (int i = 0; i < 5; ++i) {
    std::string body;
    for (int j = 0; j < 200; ++j) body += "<p>record " + std::to_string(i * 1000 + j) + "</p>";
    members.push_back(gzip_member(html_response("http://example.com/" + std::to_string(i), body)));
  }
  // Overwrite the middle of the third member's deflate data.
  std::string& bad = members[2];
  for (size_t i = bad.size() / 3; i < bad.size() / 3 + 40; ++i) bad[i] = static_cast<char>(i * 7);
  std::string archive;
  std::vector<uint64_t> offsets;
  for (const std::string& m : members) {
    offsets.push_back(archive.size());
    archive += m;
  }
  auto records = read_archive(archive);
  ASSERT_EQ(records.size(), 5u);
  for (int i : {0, 1, 3, 4}) {
    EXPECT_FALSE(records[i].error) << i << ": " << records[i].error->message;
    EXPECT_EQ(records[i].offset, offsets[i]) << i;
    EXPECT_EQ(records[i].target_uri, "http://example.com/" + std::to_string(i));
  }
  ASSERT_TRUE(records[2].error);
  EXPECT_EQ(records[2].error->code, ErrorCode::kBadArchive);
  EXPECT_EQ(records[2].offset, offsets[2]);
  EXPECT_NE(records[2].error->message.find("corrupt gzip member"), std::string::npos)
      << records[2].error->message;
}

TEST(WarcReader, GarbageBetweenGzipMembersIsReportedOnce) {
  std::string a = gzip_member(html_response("http://example.com/a", "<p>a</p>"));
  std::string b = gzip_member(html_response("http://example.com/b", "<p>b</p>"));
  auto records = read_archive(a + "this is not gzip data at all" + b);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_FALSE(records[0].error);
  ASSERT_TRUE(records[1].error);
  EXPECT_EQ(records[1].offset, a.size());
  EXPECT_FALSE(records[2].error);
  EXPECT_EQ(records[2].target_uri, "http://example.com/b");
}

class LyingLength : public ::testing::TestWithParam<bool> {};

TEST_P(LyingLength, LongerThanTheBlockEndsTheRecordWhereTheNextStarts) {
  bool gzip = GetParam();
  std::string http = http_response(200, "Content-Type: text/html\r\n", "<p>liar</p>");
  std::string liar = warc_record("response", "http://example.com/liar",
                                 "application/http; msgtype=response", http, http.size() + 300);
  std::string next = html_response("http://example.com/next", "<p>next</p>");
  std::string last = html_response("http://example.com/last", std::string(400, 'z'));
  std::string archive =
      gzip ? gzip_member(liar) + gzip_member(next) + gzip_member(last) : liar + next + last;
  auto records = read_archive(archive);
  ASSERT_EQ(records.size(), 3u);
  ASSERT_TRUE(records[0].error);
  EXPECT_EQ(records[0].error->code, ErrorCode::kBadArchive);
  EXPECT_NE(records[0].error->message.find("Content-Length"), std::string::npos);
  EXPECT_EQ(records[0].block, http);
  EXPECT_FALSE(records[1].error);
  EXPECT_EQ(records[1].target_uri, "http://example.com/next");
  EXPECT_EQ(records[1].offset, gzip ? gzip_member(liar).size() : liar.size());
  EXPECT_FALSE(records[2].error);
}

TEST_P(LyingLength, ShorterThanTheBlockSkipsToTheNextRecord) {
  bool gzip = GetParam();
  std::string http = http_response(200, "Content-Type: text/html\r\n", std::string(500, 'q'));
  std::string liar = warc_record("response", "http://example.com/liar",
                                 "application/http; msgtype=response", http, 100);
  std::string next = html_response("http://example.com/next", "<p>next</p>");
  std::string archive = gzip ? gzip_member(liar) + gzip_member(next) : liar + next;
  auto records = read_archive(archive);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[0].error);
  EXPECT_NE(records[0].error->message.find("Content-Length"), std::string::npos);
  EXPECT_FALSE(records[1].error);
  EXPECT_EQ(records[1].target_uri, "http://example.com/next");
  EXPECT_EQ(records[1].offset, gzip ? gzip_member(liar).size() : liar.size());
}

INSTANTIATE_TEST_SUITE_P(PlainAndGzip, LyingLength, ::testing::Bool());

TEST(WarcReader, BlockOverTheLimitIsTooLargeAndReadingGoesOn) {
  std::string big = html_response("http://example.com/big", std::string(200000, 'b'));
  std::string next = html_response("http://example.com/next", "<p>next</p>");
  Limits limits;
  limits.max_input_bytes = 100000;
  auto records = read_archive(gzip_member(big) + gzip_member(next), limits);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[0].error);
  EXPECT_EQ(records[0].error->code, ErrorCode::kTooLarge);
  EXPECT_LT(records[0].block.size(), limits.max_input_bytes);
  EXPECT_FALSE(records[1].error);
  EXPECT_EQ(records[1].target_uri, "http://example.com/next");
}

TEST(WarcReader, GarbageBeforeARecordIsReportedAndSkipped) {
  std::string good = html_response("http://example.com/a", "<p>a</p>");
  auto records = read_archive("junk junk junk\r\n" + good);
  ASSERT_EQ(records.size(), 2u);
  ASSERT_TRUE(records[0].error);
  EXPECT_EQ(records[0].offset, 0u);
  EXPECT_FALSE(records[1].error);
  EXPECT_EQ(records[1].offset, 16u);
}

TEST(WarcReader, StreamsFromADescriptorAfterSniffedBytes) {
  std::string archive;
  for (int i = 0; i < 50; ++i)
    archive += gzip_member(html_response("http://example.com/" + std::to_string(i),
                                         std::string(3000, static_cast<char>('a' + i % 26))));
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::string head = archive.substr(0, 100);
  std::thread writer([&] {
    std::string_view rest = std::string_view(archive).substr(100);
    while (!rest.empty()) {
      ssize_t n = write(fds[1], rest.data(), std::min<size_t>(rest.size(), 777));
      if (n <= 0) break;
      rest.remove_prefix(static_cast<size_t>(n));
    }
    close(fds[1]);
  });
  ASSERT_TRUE(looks_like_warc(head));
  WarcReader reader = WarcReader::from_fd(fds[0], head);
  int n = 0;
  while (auto record = reader.next()) {
    EXPECT_FALSE(record->error);
    EXPECT_EQ(record->target_uri, "http://example.com/" + std::to_string(n));
    ++n;
  }
  writer.join();
  close(fds[0]);
  EXPECT_EQ(n, 50);
  EXPECT_EQ(reader.bytes_read(), archive.size());
}

// Bytes that do not compress, so that a member is as large compressed as
// inflated.
std::string noise(size_t n, uint32_t seed) {
  std::string out(n, '\0');
  for (char& c : out) {
    seed = seed * 1664525u + 1013904223u;
    c = static_cast<char>('a' + (seed >> 24) % 26);
  }
  return out;
}

TEST(WarcReader, MembersLargerThanAFirstGuessOrTheWholeMemberLimitReadTheSame) {
  // 3 MB inflates past the first output room; 40 MB past what is inflated
  // in one call, so that member is inflated in steps.
  std::vector<size_t> sizes = {3u << 20, 40u << 20, 100};
  std::string archive;
  std::vector<uint64_t> offsets;
  for (size_t i = 0; i < sizes.size(); ++i) {
    offsets.push_back(archive.size());
    archive += gzip_member(html_response("http://example.com/" + std::to_string(i),
                                         std::string(sizes[i], static_cast<char>('a' + i))));
  }
  Limits limits;
  limits.max_input_bytes = 64u << 20;
  auto records = read_archive(archive, limits);
  ASSERT_EQ(records.size(), sizes.size());
  for (size_t i = 0; i < sizes.size(); ++i) {
    EXPECT_FALSE(records[i].error) << i << ": " << records[i].error->message;
    EXPECT_EQ(records[i].offset, offsets[i]) << i;
    auto page = page_from_record(records[i], limits);
    ASSERT_TRUE(page.has_value()) << i;
    EXPECT_EQ(page->body, std::string(sizes[i], static_cast<char>('a' + i))) << i;
  }
}

TEST(WarcReader, MembersLargerThanWhatAPipeHoldsAreReadWhole) {
  // Members of 300 kB that hardly compress arrive in small writes, so most
  // are cut by the end of what has arrived when inflation starts.
  std::string archive;
  std::vector<std::string> bodies;
  for (int i = 0; i < 12; ++i) {
    bodies.push_back(noise(300000, static_cast<uint32_t>(i)));
    archive += gzip_member(html_response("http://example.com/" + std::to_string(i), bodies.back()));
  }
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::thread writer([&] {
    std::string_view rest = archive;
    while (!rest.empty()) {
      ssize_t n = write(fds[1], rest.data(), std::min<size_t>(rest.size(), 4000));
      if (n <= 0) break;
      rest.remove_prefix(static_cast<size_t>(n));
    }
    close(fds[1]);
  });
  WarcReader reader = WarcReader::from_fd(fds[0], "");
  size_t n = 0;
  while (auto record = reader.next()) {
    ASSERT_LT(n, bodies.size());
    EXPECT_FALSE(record->error) << n << ": " << record->error->message;
    auto page = page_from_record(*record);
    ASSERT_TRUE(page.has_value()) << n;
    EXPECT_EQ(page->body, bodies[n]) << n;
    ++n;
  }
  writer.join();
  close(fds[0]);
  EXPECT_EQ(n, bodies.size());
  EXPECT_EQ(reader.bytes_read(), archive.size());
}

TEST(WarcReader, ARecordIsReadAsSoonAsItsMemberHasArrived) {
  // A live crawl writing to a pipe pauses between records: the record
  // that has arrived must come out without waiting for more input.
  std::string first = gzip_member(html_response("http://example.com/1", noise(200000, 7)));
  std::string second = gzip_member(html_response("http://example.com/2", "<p>two</p>"));
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  std::promise<void> first_read;
  std::atomic<bool> waited_in_vain{false};
  std::thread writer([&] {
    // Half, a pause (the reader tries the member cut short), the rest.
    std::string_view rest = first;
    for (size_t half = first.size() / 2; rest.size() > 0;) {
      size_t size = std::min<size_t>(rest.size(), 5000);
      ssize_t n = write(fds[1], rest.data(), size);
      if (n <= 0) break;
      rest.remove_prefix(static_cast<size_t>(n));
      if (rest.size() <= half && rest.size() + static_cast<size_t>(n) > half)
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
    // A hang detector, not a budget: a reader that waits for the second
    // record never gets there, however long this waits.
    if (first_read.get_future().wait_for(std::chrono::seconds(120)) != std::future_status::ready)
      waited_in_vain = true;
    (void)!write(fds[1], second.data(), second.size());
    close(fds[1]);
  });
  WarcReader reader = WarcReader::from_fd(fds[0], "");
  auto one = reader.next();
  first_read.set_value();
  auto two = reader.next();
  writer.join();
  close(fds[0]);
  EXPECT_FALSE(waited_in_vain) << "the first record waited for the second";
  ASSERT_TRUE(one.has_value());
  EXPECT_FALSE(one->error);
  EXPECT_EQ(one->target_uri, "http://example.com/1");
  ASSERT_TRUE(two.has_value());
  EXPECT_EQ(two->target_uri, "http://example.com/2");
  EXPECT_FALSE(reader.next().has_value());
}

TEST(WarcReader, CorruptLargeMemberIsReportedAndTheNextIsRead) {
  std::string first = gzip_member(html_response("http://example.com/0", noise(500000, 1)));
  std::string second = gzip_member(html_response("http://example.com/1", "<p>one</p>"));
  for (size_t i = first.size() / 2; i < first.size() / 2 + 64; ++i) first[i] ^= 0x5a;
  auto records = read_archive(first + second);
  // What inflates before the damage is detected may read as a record that
  // runs on; either way the damage is reported and the next member is read.
  ASSERT_GE(records.size(), 2u);
  bool reported = false;
  for (size_t i = 0; i + 1 < records.size(); ++i) {
    ASSERT_TRUE(records[i].error) << i;
    EXPECT_EQ(records[i].offset, 0u) << i;
    if (records[i].error->message.find("corrupt gzip member") != std::string::npos) reported = true;
  }
  EXPECT_TRUE(reported);
  EXPECT_FALSE(records.back().error);
  EXPECT_EQ(records.back().offset, first.size());
  EXPECT_EQ(records.back().target_uri, "http://example.com/1");
}

TEST(WarcReader, ReadingIntoOneRecordGivesTheSameRecordsAsNext) {
  // A damaged record between good ones: nothing of it may linger in the
  // record read after it.
  std::string http = http_response(200, "Content-Type: text/html\r\n", std::string(500, 'q'));
  std::string liar = warc_record("response", "http://example.com/liar",
                                 "application/http; msgtype=response", http, 100);
  std::string archive = gzip_member(html_response("http://example.com/a", std::string(9000, 'a'))) +
                        gzip_member(liar) +
                        gzip_member(warc_record("request", "", "application/http", "GET /")) +
                        gzip_member(html_response("http://example.com/b", "<p>b</p>"));
  std::vector<WarcRecord> expected = read_archive(archive);
  ASSERT_EQ(expected.size(), 4u);

  fs::path path = fs::temp_directory_path() / ("lede_warc_into_" + std::to_string(getpid()));
  std::ofstream(path, std::ios::binary) << archive;
  auto reader = WarcReader::open(path.string());
  ASSERT_TRUE(reader.has_value());
  WarcRecord record;
  size_t n = 0;
  while (reader->next(record)) {
    ASSERT_LT(n, expected.size());
    const WarcRecord& want = expected[n++];
    EXPECT_EQ(record.offset, want.offset) << n;
    EXPECT_EQ(record.type, want.type) << n;
    EXPECT_EQ(record.target_uri, want.target_uri) << n;
    EXPECT_EQ(record.date, want.date) << n;
    EXPECT_EQ(record.record_id, want.record_id) << n;
    EXPECT_EQ(record.content_type, want.content_type) << n;
    EXPECT_EQ(record.content_length, want.content_length) << n;
    EXPECT_EQ(record.block, want.block) << n;
    EXPECT_EQ(record.error.has_value(), want.error.has_value()) << n;
  }
  fs::remove(path);
  EXPECT_EQ(n, expected.size());
  EXPECT_TRUE(expected[1].error);
  EXPECT_TRUE(expected[2].target_uri.empty());
}

TEST(LooksLikeWarc, KnowsArchivesFromPages) {
  EXPECT_TRUE(looks_like_warc("WARC/1.0\r\nWARC-Type: warcinfo\r\n"));
  EXPECT_TRUE(looks_like_warc(gzip_member("WARC/1.1\r\nWARC-Type: response\r\n")));
  EXPECT_FALSE(looks_like_warc("<html><body>WARC/1.0</body></html>"));
  EXPECT_FALSE(looks_like_warc(gzip_member("<html><body>a page</body></html>")));
}

}  // namespace
}  // namespace lede
