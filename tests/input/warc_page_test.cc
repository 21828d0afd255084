// Pages inside WARC records: HTTP status, media type, charset, and the
// transfer and content encodings undone.
#include <gtest/gtest.h>

#include "input/http.h"
#include "lede/lede.h"
#include "lede/warc.h"
#include "warc_builder.h"

namespace lede {
namespace {

using testing::chunked;
using testing::deflate_bytes;
using testing::gzip_member;
using testing::http_response;

WarcRecord record_of(std::string type, std::string content_type, std::string block) {
  WarcRecord r;
  r.type = std::move(type);
  r.content_type = std::move(content_type);
  r.block = std::move(block);
  r.content_length = r.block.size();
  r.target_uri = "http://example.com/page";
  return r;
}

WarcRecord response(std::string http) {
  return record_of("response", "application/http; msgtype=response", std::move(http));
}

const std::string kBody = "<html><body><p>The body of the page, long enough.</p></body></html>";

TEST(PageFromRecord, PlainResponseGivesItsPayload) {
  auto page = page_from_record(response(http_response(200, "Content-Type: text/html\r\n", kBody)));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->skipped, "");
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->media_type, "text/html");
  EXPECT_EQ(page->body, kBody);
}

TEST(PageFromRecord, ChunkedPayloadIsJoined) {
  auto page = page_from_record(response(http_response(
      200, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n", chunked(kBody, 7))));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body, kBody);
}

TEST(PageFromRecord, GzipAndDeflateEncodedPayloadsAreInflated) {
  for (auto [name, bits] :
       {std::pair<const char*, int>{"gzip", 31}, {"deflate", 15}, {"deflate", -15}}) {
    auto page = page_from_record(response(http_response(
        200, "Content-Type: text/html\r\nContent-Encoding: " + std::string(name) + "\r\n",
        deflate_bytes(kBody, bits))));
    ASSERT_TRUE(page) << name << " " << bits << ": " << page.error().message;
    EXPECT_EQ(page->body, kBody) << name << " " << bits;
  }
}

TEST(PageFromRecord, ChunkedGzipPayloadIsJoinedThenInflated) {
  auto page =
      page_from_record(response(http_response(200,
                                              "Content-Type: text/html\r\nContent-Encoding: "
                                              "gzip\r\nTransfer-Encoding: chunked\r\n",
                                              chunked(gzip_member(kBody), 10))));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->body, kBody);
}

TEST(PageFromRecord, CharsetComesFromTheHttpContentType) {
  auto page = page_from_record(
      response(http_response(200, "Content-Type: text/html; charset=ISO-8859-1\r\n", kBody)));
  ASSERT_TRUE(page);
  EXPECT_EQ(page->charset, "windows-1252");  // as browsers read latin-1
}

TEST(PageFromRecord, NonOkAndNonHtmlResponsesAreSkippedWithAReason) {
  auto missing =
      page_from_record(response(http_response(404, "Content-Type: text/html\r\n", kBody)));
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->skipped, "http_404");
  auto image =
      page_from_record(response(http_response(200, "Content-Type: image/png\r\n", "\x89PNG")));
  ASSERT_TRUE(image);
  EXPECT_EQ(image->skipped, "not_html");
}

TEST(PageFromRecord, OtherRecordTypesAreSkippedByType) {
  for (const char* type : {"request", "metadata", "warcinfo", "revisit"}) {
    auto page = page_from_record(record_of(type, "application/warc-fields", "a: b\r\n"));
    ASSERT_TRUE(page);
    EXPECT_EQ(page->skipped, type);
  }
}

TEST(PageFromRecord, ResourceRecordsUseTheWarcContentType) {
  auto html = page_from_record(record_of("resource", "text/html; charset=utf-8", kBody));
  ASSERT_TRUE(html);
  EXPECT_EQ(html->skipped, "");
  EXPECT_EQ(html->body, kBody);
  EXPECT_EQ(html->charset, "utf-8");
  auto text = page_from_record(record_of("resource", "text/plain", "log lines"));
  ASSERT_TRUE(text);
  EXPECT_EQ(text->skipped, "not_html");
}

TEST(PageFromRecord, DamagedRecordGivesItsError) {
  WarcRecord r = response(http_response(200, "Content-Type: text/html\r\n", "<p>cut"));
  r.error = Error{ErrorCode::kBadArchive, "the archive ends inside this record"};
  auto page = page_from_record(r);
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, ErrorCode::kBadArchive);
}

TEST(PageFromRecord, TooLargeRecordThatWouldBeSkippedIsSkipped) {
  WarcRecord r = response(http_response(200, "Content-Type: video/mp4\r\n", "...."));
  r.error = Error{ErrorCode::kTooLarge, "over the limit"};
  auto page = page_from_record(r);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->skipped, "not_html");
}

TEST(PageFromRecord, MalformedHttpIsABadArchive) {
  auto page = page_from_record(response("GARBAGE\r\n\r\n<p>x</p>"));
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, ErrorCode::kBadArchive);
}

TEST(PageFromRecord, InflatedPayloadOverTheLimitIsTooLarge) {
  Limits limits;
  limits.max_input_bytes = 10000;
  auto page = page_from_record(
      response(http_response(200, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n",
                             gzip_member(std::string(1 << 20, 'a')))),
      limits);
  ASSERT_FALSE(page);
  EXPECT_EQ(page.error().code, ErrorCode::kTooLarge);
}

TEST(PageFromRecord, NonUtf8PageDeclaredOnlyInTheHeaderIsDecodedByIt) {
  // "Café à Zürich" in ISO-8859-1 with no <meta charset>.
  std::string latin1 = "<html><head><title>Caf\xe9 \xe0 Z\xfcrich</title></head><body><article>";
  for (int i = 0; i < 5; ++i)
    latin1 +=
        "<p>Le caf\xe9 de la place, \xe0 Z\xfcrich, ouvre ses portes "
        "\xe0 nouveau apr\xe8s "
        "des ann\xe9\x65s de travaux, et les habitants du quartier s'en "
        "r\xe9jouissent.</p>";
  latin1 += "</article></body></html>";
  auto page = page_from_record(
      response(http_response(200, "Content-Type: text/html; charset=iso-8859-1\r\n", latin1)));
  ASSERT_TRUE(page);
  Options options;
  options.http_charset = page->charset;
  auto article = extract(page->body, options);
  ASSERT_TRUE(article) << article.error().message;
  EXPECT_EQ(article->title, "Caf\u00e9 \u00e0 Z\u00fcrich");
  EXPECT_NE(article->text.find("apr\u00e8s des ann\u00e9es"), std::string::npos);
}

TEST(Dechunk, PayloadThatIsNotChunkedStaysAsItIs) {
  auto r = input::dechunk("<html>not chunked</html>", 1000);
  ASSERT_TRUE(r);
  EXPECT_EQ(*r, "<html>not chunked</html>");
}

TEST(Dechunk, TruncatedPayloadKeepsTheChunksThatArrived) {
  std::string c = chunked("abcdefghijklmnopqrstuvwxyz", 5);
  auto r = input::dechunk(c.substr(0, 20), 1000);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->substr(0, 5), "abcde");
  EXPECT_LT(r->size(), 26u);
}

}  // namespace
}  // namespace lede
