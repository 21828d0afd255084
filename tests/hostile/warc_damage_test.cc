// Damaged web archives, accounted for: archives are generated here (one
// gzip member per record, as crawlers write them), a region of several
// sizes at several places is zeroed or scrambled, and the reader must give
// every record whose member the damage did not touch, whole and at its
// offset, and exactly one error record for the damaged region, at the
// offset of the member the damage starts in, saying how many bytes it
// skipped.
#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "lede/warc.h"
#include "warc_builder.h"

namespace lede {
namespace {

namespace fs = std::filesystem;
using lede::testing::gzip_member;
using lede::testing::http_response;
using lede::testing::response_record;
using lede::testing::warc_record;

struct Member {
  uint64_t offset = 0;
  uint64_t size = 0;
  std::string type;
  std::string uri;
  std::string block;
  std::string record;  // the WARC record the member holds
};

struct Archive {
  std::string bytes;
  std::vector<Member> members;
};

// Pages of varied length, so that members range from under 1 KB to about
// 10 KB compressed.
Archive make_archive(int pages, uint32_t seed) {
  std::mt19937 rng(seed);
  static const char* kWords[] = {"council", "harbour",  "vote",  "budget", "ferry",
                                 "strike",  "minister", "court", "river",  "school",
                                 "spring",  "contract", "delay", "parts",  "shipyard"};
  Archive a;
  auto add = [&](const std::string& record, const std::string& type, const std::string& uri,
                 const std::string& block) {
    Member m;
    m.offset = a.bytes.size();
    std::string member = gzip_member(record);
    m.size = member.size();
    m.type = type;
    m.uri = uri;
    m.block = block;
    m.record = record;
    a.bytes += member;
    a.members.push_back(std::move(m));
  };
  std::string info = "software: test\r\n";
  add(warc_record("warcinfo", "", "application/warc-fields", info), "warcinfo", "", info);
  for (int i = 0; i < pages; ++i) {
    std::string uri = "http://news.example/" + std::to_string(i);
    std::string get = "GET /" + std::to_string(i) + " HTTP/1.1\r\n\r\n";
    add(warc_record("request", uri, "application/http; msgtype=request", get), "request", uri, get);
    std::string html = "<html><body><article><h1>Story " + std::to_string(i) + "</h1>";
    int words = 150 + static_cast<int>(rng() % 8000);
    for (int w = 0; w < words; ++w) {
      if (w % 60 == 0) html += "<p>";
      html += kWords[rng() % 15];
      html += ' ';
    }
    html += "</article></body></html>";
    std::string http = http_response(200, "Content-Type: text/html\r\n", html);
    add(response_record(uri, http), "response", uri, http);
  }
  return a;
}

struct Read {
  std::vector<WarcRecord> records;  // all, error records included
};

Read read_all(const std::string& bytes, const fs::path& path) {
  std::ofstream(path, std::ios::binary) << bytes;
  Read r;
  Result<WarcReader> reader = WarcReader::open(path.string());
  EXPECT_TRUE(reader.has_value());
  if (!reader) return r;
  while (std::optional<WarcRecord> record = reader->next()) r.records.push_back(std::move(*record));
  return r;
}

// Whether `member` is one sound gzip member holding exactly `record`.
bool inflates_to(std::string_view member, const std::string& record) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return false;
  std::string out(record.size() + 1024, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(member.data()));
  z.avail_in = static_cast<uInt>(member.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  int rc = inflate(&z, Z_FINISH);
  bool ok = rc == Z_STREAM_END && z.avail_in == 0 && z.total_out == record.size() &&
            out.compare(0, record.size(), record) == 0;
  inflateEnd(&z);
  return ok;
}

// The member holding file offset `pos`.
size_t member_at(const Archive& a, uint64_t pos) {
  size_t k = 0;
  while (k + 1 < a.members.size() && a.members[k + 1].offset <= pos) ++k;
  return k;
}

// Damages [at, at + size) and checks the reader's accounting. `zero`: the
// region becomes NULs; otherwise each byte is changed to another value.
void check_damage(const Archive& a, uint64_t at, uint64_t size, bool zero, uint32_t seed,
                  const fs::path& path) {
  std::string bytes = a.bytes;
  uint64_t end = std::min<uint64_t>(at + size, bytes.size());
  std::mt19937 rng(seed);
  for (uint64_t i = at; i < end; ++i)
    bytes[i] = zero ? '\0' : static_cast<char>(bytes[i] ^ static_cast<char>(1 + rng() % 255));
  std::string what = std::string(zero ? "zeroed" : "scrambled") + " [" + std::to_string(at) + ", " +
                     std::to_string(end) + ")";
  SCOPED_TRACE(what);
  // A member is damaged when its bytes no longer inflate to its record
  // (zlib checks the checksum and length too): a change only in header
  // fields no reader checks, or in padding bits, leaves it intact.
  std::vector<size_t> damaged;
  for (size_t k = member_at(a, at); k <= member_at(a, end - 1); ++k) {
    const Member& m = a.members[k];
    if (bytes.compare(m.offset, m.size, a.bytes, m.offset, m.size) == 0) continue;
    if (inflates_to(std::string_view(bytes).substr(m.offset, m.size), m.record)) continue;
    damaged.push_back(k);
  }
  if (damaged.empty()) {
    Read r = read_all(bytes, path);
    EXPECT_EQ(r.records.size(), a.members.size()) << "nothing that matters changed";
    for (const WarcRecord& record : r.records) EXPECT_FALSE(record.error.has_value());
    return;
  }
  size_t first = damaged.front(), last = damaged.back();
  Read r = read_all(bytes, path);
  std::vector<const WarcRecord*> errors;
  size_t next = 0;  // the next intact member expected
  auto skip_damaged = [&] {
    if (next >= first && next <= last) next = last + 1;
  };
  skip_damaged();
  for (const WarcRecord& record : r.records) {
    if (record.error) {
      errors.push_back(&record);
      continue;
    }
    ASSERT_LT(next, a.members.size()) << "a record after the last member: " << record.offset;
    const Member& m = a.members[next];
    EXPECT_EQ(record.offset, m.offset) << "member " << next;
    EXPECT_EQ(record.type, m.type) << "member " << next;
    EXPECT_EQ(record.target_uri, m.uri) << "member " << next;
    EXPECT_TRUE(record.block == m.block) << "member " << next;
    ++next;
    skip_damaged();
  }
  EXPECT_EQ(next, a.members.size()) << "intact records missing from member " << next;
  ASSERT_EQ(errors.size(), 1u) << "the damaged region is reported once";
  const WarcRecord& e = *errors[0];
  EXPECT_EQ(e.offset, a.members[first].offset) << e.error->message;
  uint64_t resumes_at = last + 1 < a.members.size() ? a.members[last + 1].offset : bytes.size();
  std::string skipped =
      "; " + std::to_string(resumes_at - a.members[first].offset) + " bytes skipped to ";
  // Damage that reaches the end of the file may read as an archive cut
  // short (zlib waits for more data); otherwise the message says how far
  // reading skipped.
  if (last + 1 < a.members.size()) {
    EXPECT_NE(e.error->message.find(skipped), std::string::npos)
        << e.error->message << " (expected" << skipped << ")";
  }
}

class WarcDamage : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = fs::temp_directory_path() /
            ("lede_warc_damage_" + std::to_string(getpid()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".warc.gz");
  }
  void TearDown() override { fs::remove(path_); }
  fs::path path_;
};

TEST_F(WarcDamage, UndamagedArchiveGivesEveryRecord) {
  Archive a = make_archive(30, 1);
  Read r = read_all(a.bytes, path_);
  ASSERT_EQ(r.records.size(), a.members.size());
  for (size_t i = 0; i < a.members.size(); ++i) {
    EXPECT_FALSE(r.records[i].error.has_value());
    EXPECT_EQ(r.records[i].offset, a.members[i].offset);
  }
}

// Regions of 1 byte to 200 KB, zeroed or scrambled, starting in a member's
// header, its deflate data, its trailer, or exactly at a member boundary.
TEST_F(WarcDamage, EachDamagedRegionIsReportedOnceAndEveryIntactRecordIsRead) {
  int cases = 0;
  for (uint32_t seed : {2u, 9u}) {
    Archive a = make_archive(100, seed);
    ASSERT_GT(a.bytes.size(), 400'000u);
    std::mt19937 rng(seed + 1);
    const uint64_t kSizes[] = {1, 7, 64, 300, 5'000, 60'000, 200'000};
    for (uint64_t size : kSizes) {
      for (int place = 0; place < 8; ++place) {
        size_t k = 1 + rng() % (a.members.size() - 2);
        const Member& m = a.members[k];
        uint64_t at = place == 0   ? m.offset               // at the boundary
                      : place == 1 ? m.offset + 1           // in the header magic
                      : place == 2 ? m.offset + m.size - 4  // in the trailer
                      : place == 3 ? m.offset + m.size / 2  // in the deflate data
                                   : m.offset + 10 + rng() % (m.size - 10);
        for (bool zero : {true, false}) {
          check_damage(a, at, size, zero, static_cast<uint32_t>(rng()), path_);
          ++cases;
        }
      }
    }
    // The end of the archive: its last bytes, and the whole last member.
    check_damage(a, a.bytes.size() - 100, 100, true, 5, path_);
    check_damage(a, a.members.back().offset, a.members.back().size, true, 6, path_);
    check_damage(a, a.members.back().offset, a.members.back().size, false, 7, path_);
    cases += 3;
  }
  std::printf("[warc damage] %d damaged archives of about 200 members each\n", cases);
}

}  // namespace
}  // namespace lede
