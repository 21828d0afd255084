// The adversarial suite: inputs built to hurt a parser, generated here and
// never stored. Each case runs in a child process, so that a crash fails the
// case rather than the suite and the kernel reports the case's own peak
// memory (ru_maxrss). Every case must end with a record or an error, within a
// memory bound: generous (sanitizers) yet far below what an unbounded buffer
// would need on these sizes. Time is checked as growth, not as a budget: the
// cases at the end run the same input at n and 4n and compare CPU times
// (tests/support/growth.h), which holds on a busy machine. Each case prints
// its figures ("[hostile] ..."); RELIABILITY.md quotes them.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>

#include "growth.h"
#include "input/read.h"
#include "lede/lede.h"
#include "lede/warc.h"
#include "metadata/json_ld.h"

namespace lede {
namespace {

using lede::testing::cpu_seconds;
using lede::testing::kSanitized;
using lede::testing::measure_growth;

// AddressSanitizer slows code 2-5x and keeps freed memory in quarantine.
constexpr double kSanitizerSlowdown = 5;
constexpr double kSanitizerMemoryFactor = 3;
constexpr double kSanitizerMemoryBaseMb = 512;

constexpr double kMb = 1 << 20;

// Peak memory allowed for a case: `base_mb` plus `per_input` times the input
// size (the input itself, its decoded copy, the DOM's string pool, the text).
double memory_bound_mb(double input_mb, double per_input, double base_mb = 200) {
  double mb = base_mb + per_input * input_mb;
  return kSanitized ? mb * kSanitizerMemoryFactor + kSanitizerMemoryBaseMb : mb;
}

struct Outcome {
  std::string what;    // "record", an error code name, or "crashed: ..."
  std::string detail;  // the error message, or the record's warnings
  double seconds = 0;  // CPU time of the call under test alone, not building the input
  double input_mb = 0;
  double peak_mb = 0;  // the child's peak resident memory, input included
};

Outcome crashed(std::string why) {
  Outcome o;
  o.what = "crashed: " + why;
  return o;
}

// Runs `body` in a child process and collects its outcome and peak memory.
Outcome run_isolated(const std::function<Outcome()>& body) {
  std::fflush(stdout);
  int fds[2];
  if (pipe(fds) != 0) return crashed("pipe failed");
  pid_t pid = fork();
  if (pid < 0) return crashed("fork failed");
  if (pid == 0) {
    close(fds[0]);
    Outcome o = body();
    std::string msg = o.what + "\n" + std::to_string(o.seconds) + "\n" +
                      std::to_string(o.input_mb) + "\n" + o.detail;
    size_t done = 0;
    while (done < msg.size()) {
      ssize_t n = write(fds[1], msg.data() + done, msg.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
    _exit(0);
  }
  close(fds[1]);
  std::string msg;
  char buf[4096];
  ssize_t n;
  while ((n = read(fds[0], buf, sizeof buf)) > 0) msg.append(buf, static_cast<size_t>(n));
  close(fds[0]);
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  Outcome o;
  o.peak_mb = usage.ru_maxrss / 1024.0;  // kilobytes on Linux
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    o.what = WIFSIGNALED(status) ? "crashed: signal " + std::to_string(WTERMSIG(status))
                                 : "crashed: exit " + std::to_string(WEXITSTATUS(status));
    return o;
  }
  size_t a = msg.find('\n'), b = msg.find('\n', a + 1), c = msg.find('\n', b + 1);
  if (c == std::string::npos) return crashed("no outcome");
  o.what = msg.substr(0, a);
  o.seconds = std::stod(msg.substr(a + 1, b - a - 1));
  o.input_mb = std::stod(msg.substr(b + 1, c - b - 1));
  o.detail = msg.substr(c + 1);
  return o;
}

void report(const std::string& name, const Outcome& o) {
  std::printf("[hostile] %-28s %-15s %7.2f s %8.1f MB peak  (input %.1f MB)  %s\n", name.c_str(),
              o.what.c_str(), o.seconds, o.peak_mb, o.input_mb, o.detail.substr(0, 120).c_str());
  std::fflush(stdout);
}

// Checks the bounds every case shares and prints the case's figures.
void expect_bounded(const std::string& name, const Outcome& o, double memory_mb) {
  report(name, o);
  EXPECT_EQ(o.what.rfind("crashed", 0), std::string::npos) << name << ": " << o.what;
  EXPECT_LT(o.peak_mb, memory_mb) << name;
}

// The default limits, with the time budget stretched under sanitizers.
Options hostile_options() {
  Options options;
  if (kSanitized) options.limits.max_millis *= kSanitizerSlowdown;
  return options;
}

Outcome extract_outcome(std::string_view input, const Options& options) {
  Extractor extractor;
  Result<Article> article = make_error(ErrorCode::kInternal, "not run");
  Outcome o;
  o.seconds = cpu_seconds([&] { article = extractor.extract(input, options); });
  o.input_mb = input.size() / kMb;
  if (article) {
    o.what = "record";
    for (const std::string& w : article->warnings) o.detail += w + "; ";
  } else {
    o.what = std::string(error_code_name(article.error().code));
    o.detail = article.error().message;
  }
  return o;
}

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

// Prose for a body, so that a page that survives its hostile part has an article.
const std::string kProse = repeat(
    "<p>The harbour authority said on Tuesday that the new ferry would enter service in the "
    "spring, after two years of delays caused by a shortage of parts and a dispute over the "
    "contract with the shipyard.</p>\n",
    6);

TEST(Hostile, MillionNestedElementsAreFlattenedAtMaxDepth) {
  Outcome o = run_isolated([] {
    std::string html = "<html><body>" + repeat("<div>", 1'000'000) + kProse +
                       repeat("</div>", 1'000'000) + "</body></html>";
    return extract_outcome(html, hostile_options());
  });
  expect_bounded("1,000,000 nested elements", o, memory_bound_mb(o.input_mb, 20));
  EXPECT_EQ(o.what, "record");
  EXPECT_NE(o.detail.find("max_depth"), std::string::npos) << o.detail;
}

TEST(Hostile, MillionAttributesOnOneElementEndInARecord) {
  Outcome o = run_isolated([] {
    std::string html = "<html><body><article";
    for (int i = 0; i < 1'000'000; ++i) html += " data-a" + std::to_string(i) + "=\"v\"";
    html += ">" + kProse + "</article></body></html>";
    return extract_outcome(html, hostile_options());
  });
  expect_bounded("1,000,000 attributes", o, memory_bound_mb(o.input_mb, 20));
  EXPECT_EQ(o.what, "record");
}

TEST(Hostile, MillionDuplicateAttributesEndInARecord) {
  Outcome o = run_isolated([] {
    std::string html = "<html><body><article" + repeat(" class=\"x\"", 1'000'000) + ">" + kProse +
                       "</article></body></html>";
    return extract_outcome(html, hostile_options());
  });
  expect_bounded("1,000,000 duplicate attributes", o, memory_bound_mb(o.input_mb, 20));
  EXPECT_EQ(o.what, "record");
}

TEST(Hostile, HundredMegabyteTextNodeIsRefusedAtMaxInputBytes) {
  Outcome o = run_isolated([] {
    std::string html = "<html><body><p>" + std::string(100 << 20, 'x') + "</p></body></html>";
    return extract_outcome(html, hostile_options());
  });
  expect_bounded("100 MB text node (default)", o, memory_bound_mb(o.input_mb, 1.5));
  EXPECT_EQ(o.what, "too_large");
  EXPECT_NE(o.detail.find("max_input_bytes"), std::string::npos) << o.detail;
}

TEST(Hostile, HundredMegabyteTextNodeUnderARaisedLimitGivesARecord) {
  Outcome o = run_isolated([] {
    std::string words = repeat("lorem ipsum dolor sit amet ", (100 << 20) / 27);
    std::string html = "<html><body><article><p>" + words + "</p></article></body></html>";
    words = {};
    Options options = hostile_options();
    options.limits.max_input_bytes = 128 << 20;
    options.limits.max_millis = 0;  // this case measures time itself
    return extract_outcome(html, options);
  });
  expect_bounded("100 MB text node (limit 128 MB)", o, memory_bound_mb(o.input_mb, 12));
  EXPECT_EQ(o.what, "record");
}

// One gzip member that inflates to `total` bytes (rounded down to MiB) of
// a repeated page fragment, at about a thousandth of that size. Built without
// compressing `total` bytes: one MiB is deflated and ended by a full flush,
// which makes a byte-aligned piece that needs no earlier history, and the
// piece is repeated; the trailer's CRC is combined from the piece's CRC.
std::string gzip_bomb(uint64_t total) {
  constexpr size_t kChunk = 1 << 20;
  std::string fragment = "<p>" + std::string(59, 'a') + "</p>";
  std::string chunk = repeat(fragment, kChunk / fragment.size() + 1).substr(0, kChunk);
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY);  // raw deflate
  std::string piece(deflateBound(&z, kChunk) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(chunk.data());
  z.avail_in = kChunk;
  z.next_out = reinterpret_cast<Bytef*>(piece.data());
  z.avail_out = static_cast<uInt>(piece.size());
  deflate(&z, Z_FULL_FLUSH);
  piece.resize(z.total_out);
  deflateEnd(&z);

  uint64_t copies = total / kChunk;
  uLong chunk_crc = crc32(0, reinterpret_cast<const Bytef*>(chunk.data()), kChunk);
  uLong crc = crc32(0, nullptr, 0);
  std::string out("\x1f\x8b\x08\0\0\0\0\0\0\xff", 10);  // gzip header, no name
  out.reserve(10 + piece.size() * copies + 10);
  for (uint64_t i = 0; i < copies; ++i) {
    out += piece;
    crc = crc32_combine(crc, chunk_crc, kChunk);
  }
  out += std::string("\x03\x00", 2);  // a final, empty fixed-Huffman block
  uint64_t size = copies * kChunk;
  for (int i = 0; i < 4; ++i) out += static_cast<char>((crc >> (8 * i)) & 0xFF);
  for (int i = 0; i < 4; ++i) out += static_cast<char>((size >> (8 * i)) & 0xFF);  // mod 2^32
  return out;
}

constexpr uint64_t kBombBytes = 4ull << 30;  // 4 GiB inflated, 64 times the default limit

// The bomb is real: under a limit it can meet, it inflates whole.
TEST(Hostile, GzipBombIsAValidGzipStream) {
  std::string bomb = gzip_bomb(8 << 20);
  EXPECT_LT(bomb.size(), 64u << 10);
  auto inflated = input::gunzip(bomb, 16 << 20);
  ASSERT_TRUE(inflated) << inflated.error().message;
  EXPECT_EQ(inflated->size(), 8u << 20);
  EXPECT_EQ(inflated->substr(0, 6), "<p>aaa");
}

TEST(Hostile, GzipBombStopsAtMaxInputBytes) {
  Outcome o = run_isolated([] {
    std::string bomb = gzip_bomb(kBombBytes);
    return extract_outcome(bomb, hostile_options());
  });
  expect_bounded("gzip bomb (4 GiB inflated)", o, memory_bound_mb(64, 4));
  EXPECT_EQ(o.what, "too_large");
  EXPECT_NE(o.detail.find("max_input_bytes"), std::string::npos) << o.detail;
}

// Writes `data` to a new temporary file and returns its path.
std::string temp_file(std::string_view data) {
  char path[] = "/tmp/lede_hostile_XXXXXX";
  int fd = mkstemp(path);
  size_t done = 0;
  while (fd >= 0 && done < data.size()) {
    ssize_t n = write(fd, data.data() + done, data.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  if (fd >= 0) close(fd);
  return path;
}

std::string warc_record(std::string_view type, std::string_view uri, std::string_view block,
                        uint64_t claimed_length) {
  std::string r = "WARC/1.1\r\nWARC-Type: " + std::string(type) + "\r\n";
  r += "WARC-Record-ID: <urn:uuid:hostile-" + std::to_string(claimed_length) + ">\r\n";
  r += "WARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Target-URI: " + std::string(uri) + "\r\n";
  r += "Content-Type: application/http; msgtype=response\r\n";
  r += "Content-Length: " + std::to_string(claimed_length) + "\r\n\r\n";
  return r + std::string(block) + "\r\n\r\n";
}

std::string http_page(std::string_view extra_headers, std::string_view body) {
  return "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n" +
         std::string(extra_headers) + "\r\n" + std::string(body);
}

// Reads a whole archive; the outcome counts records, errors and pages.
Outcome read_archive(const std::string& archive) {
  std::string path = temp_file(archive);
  Outcome o;
  o.input_mb = archive.size() / kMb;
  double start = lede::testing::thread_cpu_seconds();
  auto reader = WarcReader::open(path);
  int records = 0, errors = 0, pages = 0;
  while (reader) {
    std::optional<WarcRecord> record = reader->next();
    if (!record) break;
    ++records;
    if (record->error) {
      ++errors;
      o.detail +=
          std::string(error_code_name(record->error->code)) + ": " + record->error->message + "; ";
    }
    Result<WarcPage> page = page_from_record(*record);
    if (page && page->skipped.empty() && Extractor().extract(page->body)) ++pages;
    if (!page) o.detail += std::string(error_code_name(page.error().code)) + "; ";
  }
  o.seconds = lede::testing::thread_cpu_seconds() - start;
  unlink(path.c_str());
  o.what =
      std::to_string(records) + "r/" + std::to_string(errors) + "e/" + std::to_string(pages) + "p";
  return o;
}

TEST(Hostile, WarcLengthsThatLieAreReportedAndReadingGoesOn) {
  Outcome o = run_isolated([] {
    std::string good = http_page("", "<html><body>" + kProse + "</body></html>");
    std::string archive =
        warc_record("response", "https://example.com/a", good, good.size()) +
        // Claims less than it holds: the rest must not be read as records.
        warc_record("response", "https://example.com/short", good, good.size() / 3) +
        warc_record("response", "https://example.com/b", good, good.size()) +
        // Claims more than it holds: the next record starts inside the claim.
        warc_record("response", "https://example.com/long", good, good.size() + 300) +
        warc_record("response", "https://example.com/c", good, good.size()) +
        // Claims more than the file holds: the archive ends inside it.
        warc_record("response", "https://example.com/cut", good, 50 << 20);
    return read_archive(archive);
  });
  expect_bounded("WARC lengths that lie", o, memory_bound_mb(0, 0));
  int records = 0, errors = 0, pages = 0;
  ASSERT_EQ(std::sscanf(o.what.c_str(), "%dr/%de/%dp", &records, &errors, &pages), 3) << o.what;
  EXPECT_GE(records, 6) << o.detail;
  EXPECT_GE(errors, 3) << o.detail;
  EXPECT_GE(pages, 3) << o.detail;  // a, b and c
  EXPECT_NE(o.detail.find("bad_archive"), std::string::npos) << o.detail;
}

// A reader that streams cannot go back: a length past the end of the
// archive takes what follows as its block. It must end with an error record,
// without reserving or waiting for the terabyte it claims.
TEST(Hostile, WarcLengthPastTheEndOfTheArchiveEndsWithAnErrorRecord) {
  Outcome o = run_isolated([] {
    std::string good = http_page("", "<html><body>" + kProse + "</body></html>");
    return read_archive(warc_record("response", "https://example.com/a", good, good.size()) +
                        warc_record("response", "https://example.com/huge", good, 1ull << 40) +
                        warc_record("response", "https://example.com/b", good, good.size()));
  });
  expect_bounded("WARC length of 1 TB", o, memory_bound_mb(0, 0));
  EXPECT_EQ(o.what.substr(0, 6), "2r/1e/") << o.detail;
  EXPECT_NE(o.detail.find("max_input_bytes"), std::string::npos) << o.detail;
}

TEST(Hostile, WarcPayloadGzipBombStopsAtMaxInputBytes) {
  Outcome o = run_isolated([] {
    std::string bomb = gzip_bomb(kBombBytes);
    std::string http = http_page("Content-Encoding: gzip\r\n", bomb);
    return read_archive(warc_record("response", "https://example.com/bomb", http, http.size()));
  });
  expect_bounded("WARC payload gzip bomb", o, memory_bound_mb(64, 4));
  EXPECT_EQ(o.what, "1r/0e/0p");
  EXPECT_NE(o.detail.find("too_large"), std::string::npos) << o.detail;
}

// Every kind of bad UTF-8 sequence.
constexpr const char* kBadSequences[] = {
    "\xFF",     "\xC0\x80", "\xED\xA0\x80",        "\xF4\x90\x80\x80",
    "\xE2\x82", "\x80\x80", "\xF8\x88\x80\x80\x80"};

TEST(Hostile, InvalidUtf8InAllTheTextIsReplacedAndGivesARecord) {
  Outcome o = run_isolated([] {
    // Bad bytes after every few characters of every paragraph's text.
    std::string text =
        "The harbour authority said on Tuesday that the new ferry would enter service in the "
        "spring, after two years of delays caused by a shortage of parts.";
    std::string paragraph = "<p>";
    for (size_t i = 0; i < text.size(); ++i) {
      paragraph += text[i];
      if (i % 7 == 3) paragraph += kBadSequences[i % std::size(kBadSequences)];
    }
    paragraph += "</p>\n";
    std::string html = "<html><head><meta charset=utf-8><title>T</title></head><body><article>" +
                       repeat(paragraph, 20'000) + "</article></body></html>";
    return extract_outcome(html, hostile_options());
  });
  expect_bounded("invalid UTF-8 in all text", o, memory_bound_mb(o.input_mb, 20));
  EXPECT_EQ(o.what, "record");
  EXPECT_NE(o.detail.find("U+FFFD"), std::string::npos) << o.detail;
}

TEST(Hostile, InvalidUtf8EverywhereEndsInARecordOrAnError) {
  Outcome o = run_isolated([] {
    // In tags, attribute names and text alike: the markup itself is broken.
    std::string page = "<html><head><meta charset=utf-8><title>T</title></head><body>" +
                       repeat(kProse, 2000) + "</body></html>";
    std::string html;
    for (size_t i = 0; i < page.size(); ++i) {
      html += page[i];
      if (i % 7 == 3) html += kBadSequences[i % std::size(kBadSequences)];
    }
    return extract_outcome(html, hostile_options());
  });
  expect_bounded("invalid UTF-8 everywhere", o, memory_bound_mb(o.input_mb, 20));
  EXPECT_TRUE(o.what == "record" || o.what == "no_content") << o.what;
}

TEST(Hostile, NulBytesEverywhereEndInARecordOrAnError) {
  Outcome o = run_isolated([] {
    std::string page = "<html><body>" + repeat(kProse, 2000) + "</body></html>";
    std::string html;
    for (size_t i = 0; i < page.size(); ++i) {
      html += page[i];
      if (i % 5 == 2) html += '\0';
    }
    return extract_outcome(html, hostile_options());
  });
  expect_bounded("NUL bytes everywhere", o, memory_bound_mb(o.input_mb, 20));
  EXPECT_TRUE(o.what == "record" || o.what == "not_html") << o.what;
}

TEST(Hostile, FiftyMegabyteJsonLdBlockIsSkippedAndTheBodyFound) {
  Outcome o = run_isolated([] {
    std::string html =
        "<html><head><script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", "
        "\"headline\": \"Ferry delayed\", \"articleBody\": \"" +
        repeat("All the words of the story, and more. ", (50 << 20) / 38) +
        "\"}</script></head><body><article>" + kProse + "</article></body></html>";
    return extract_outcome(html, hostile_options());
  });
  expect_bounded("50 MB JSON-LD block", o, memory_bound_mb(o.input_mb, 8));
  EXPECT_EQ(o.what, "record");
}

TEST(Hostile, DeeplyNestedJsonLdIsReadWithoutRecursion) {
  Outcome o = run_isolated([] {
    // Under kMaxJsonLdBytes, so it is parsed: a million open arrays.
    size_t depth = std::min<size_t>(1'000'000, metadata::kMaxJsonLdBytes / 2 - 16);
    std::string json = repeat("[", depth) + repeat("]", depth);
    std::string html = "<html><head><script type=\"application/ld+json\">" + json +
                       "</script></head><body><article>" + kProse + "</article></body></html>";
    return extract_outcome(html, hostile_options());
  });
  expect_bounded("JSON-LD nested 1,000,000 deep", o, memory_bound_mb(o.input_mb, 40));
  EXPECT_EQ(o.what, "record");
}

TEST(Hostile, TenThousandMetaTagsEndInARecordQuickly) {
  Outcome o = run_isolated([] {
    std::string head = "<html><head><title>Ferry delayed</title>";
    const char* names[] = {"property=\"article:tag\"",
                           "name=\"author\"",
                           "property=\"og:title\"",
                           "name=\"keywords\"",
                           "property=\"article:published_time\"",
                           "name=\"description\"",
                           "property=\"og:image\"",
                           "name=\"date\""};
    for (int i = 0; i < 10'000; ++i)
      head += "<meta " + std::string(names[i % std::size(names)]) + " content=\"2023-06-" +
              std::to_string(10 + i % 18) + " value " + std::to_string(i) + "\">";
    return extract_outcome(head + "</head><body><article>" + kProse + "</article></body></html>",
                           hostile_options());
  });
  expect_bounded("10,000 <meta> tags", o, memory_bound_mb(o.input_mb, 40));
  EXPECT_EQ(o.what, "record");
}

TEST(Hostile, TwentyMegabyteLineOfTextEndsInARecordOrNoContent) {
  Outcome o = run_isolated([] {
    std::string line =
        repeat("The ferry was late again today and nobody said why. ", (20 << 20) / 52);
    Options options = hostile_options();
    options.from = InputFormat::kText;
    return extract_outcome(line, options);
  });
  expect_bounded("one 20 MB line of text", o, memory_bound_mb(o.input_mb, 20));
  EXPECT_TRUE(o.what == "record" || o.what == "no_content") << o.what;
}

TEST(Hostile, TimeBudgetEndsALongPageWithAnErrorNamingMaxMillis) {
  std::string html = "<html><body>" + repeat(kProse, 40'000) + "</body></html>";
  Outcome o = run_isolated([&] {
    Options options = hostile_options();
    options.limits.max_millis = 1;
    return extract_outcome(html, options);
  });
  expect_bounded("max_millis = 1 on 47 MB", o, memory_bound_mb(o.input_mb, 20));
  EXPECT_EQ(o.what, "limit_exceeded");
  EXPECT_NE(o.detail.find("max_millis"), std::string::npos) << o.detail;
  // The parser stops within a few polls of the deadline, not at the end of
  // the page: a small part of the CPU time the whole page takes.
  Outcome whole = run_isolated([&] {
    Options options = hostile_options();
    options.limits.max_millis = 0;
    return extract_outcome(html, options);
  });
  EXPECT_EQ(whole.what, "record");
  EXPECT_LT(o.seconds, whole.seconds / 4)
      << "stopped after " << o.seconds << " s of " << whole.seconds << " s";
}

// Growth: the cases above at n and 4n, in CPU time. A quadratic step shows as
// a ratio near 16 where linear work gives about 4.

// CPU-time growth of extracting `make(n)` and `make(4n)` with `options`.
lede::testing::Growth extract_growth(const std::function<std::string(size_t)>& make, size_t n,
                                     const Options& options, const char* what) {
  return measure_growth(
      [&](size_t size) {
        return [input = make(size), options] {
          Extractor extractor;
          (void)extractor.extract(input, options);
        };
      },
      n, what);
}

Options unlimited_time() {
  Options options;
  options.limits.max_millis = 0;  // growth is measured on the whole work
  return options;
}

TEST(HostileGrowth, NestedElementsExtractInLinearTime) {
  auto make = [](size_t n) {
    return "<html><body>" + repeat("<div>", n) + kProse + repeat("</div>", n) + "</body></html>";
  };
  EXPECT_LINEAR(extract_growth(make, 250'000, unlimited_time(), "extract: nested elements"));
}

TEST(HostileGrowth, AttributesExtractInLinearTime) {
  auto make = [](size_t n) {
    std::string html = "<html><body><article";
    for (size_t i = 0; i < n; ++i) html += " data-a" + std::to_string(i) + "=\"v\"";
    return html + ">" + kProse + "</article></body></html>";
  };
  EXPECT_LINEAR(extract_growth(make, 250'000, unlimited_time(), "extract: attributes"));
}

TEST(HostileGrowth, MetaTagsExtractInLinearTime) {
  auto make = [](size_t n) {
    std::string head = "<html><head><title>Ferry delayed</title>";
    for (size_t i = 0; i < n; ++i)
      head += "<meta property=\"article:tag\" content=\"tag " + std::to_string(i) +
              "\"><meta name=\"date\" content=\"2023-06-" + std::to_string(10 + i % 18) + "\">";
    return head + "</head><body><article>" + kProse + "</article></body></html>";
  };
  EXPECT_LINEAR(extract_growth(make, 5'000, unlimited_time(), "extract: <meta> tags"));
}

TEST(HostileGrowth, ScriptDataWithoutQuotesIsReadInLinearTime) {
  // A dateless page is searched for "publishedAt" keys in its scripts: a script of hits with no
  // quote to bound a key must not make each hit read the rest of the script.
  auto make = [](size_t n) {
    return "<html><head><script>" + repeat("publish ", n) + "</script></head><body><article>" +
           kProse + "</article></body></html>";
  };
  EXPECT_LINEAR(extract_growth(make, 100'000, unlimited_time(), "extract: script data keys"));
}

TEST(HostileGrowth, LongProseExtractsInLinearTime) {
  auto make = [](size_t n) { return "<html><body>" + repeat(kProse, n) + "</body></html>"; };
  EXPECT_LINEAR(extract_growth(make, 1'000, unlimited_time(), "extract: long prose"));
}

TEST(HostileGrowth, LongTextLineInTextModeIsLinear) {
  auto make = [](size_t n) {
    return repeat("The ferry was late again today and nobody said why. ", n);
  };
  Options options = unlimited_time();
  options.from = InputFormat::kText;
  EXPECT_LINEAR(extract_growth(make, 25'000, options, "text mode: one long line"));
}

}  // namespace
}  // namespace lede
