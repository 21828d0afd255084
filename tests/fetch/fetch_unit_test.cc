// The fetch stage's parts without a network: robots.txt rules, feed and
// sitemap reading, dates, and the WARC writer read back by lede's reader.
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>

#include "fetch/feeds.h"
#include "fetch/robots.h"
#include "fetch/warc_writer.h"
#include "lede/warc.h"

namespace lede::fetch {
namespace {

TEST(Robots, LongestMatchWinsAndAllowWinsATie) {
  Robots r = Robots::parse(
      "User-agent: *\nDisallow: /news/\nAllow: /news/public/\nDisallow: /*.pdf$\n", "lede");
  EXPECT_TRUE(r.allowed("/"));
  EXPECT_FALSE(r.allowed("/news/1"));
  EXPECT_TRUE(r.allowed("/news/public/1"));
  EXPECT_FALSE(r.allowed("/files/a.pdf"));
  EXPECT_TRUE(r.allowed("/files/a.pdf?x=1"));
  Robots tie = Robots::parse("User-agent: *\nDisallow: /a\nAllow: /a\n", "lede");
  EXPECT_TRUE(tie.allowed("/a"));
}

TEST(Robots, OwnGroupReplacesTheStarGroup) {
  std::string body =
      "User-agent: *\nDisallow: /\n\nUser-agent: LEDE/1.0\nUser-agent: other\n"
      "Disallow: /drafts/\nCrawl-delay: 2.5\n";
  Robots r = Robots::parse(body, "lede");
  EXPECT_TRUE(r.allowed("/news/1"));
  EXPECT_FALSE(r.allowed("/drafts/1"));
  ASSERT_TRUE(r.crawl_delay());
  EXPECT_DOUBLE_EQ(*r.crawl_delay(), 2.5);
  Robots other = Robots::parse(body, "somebot");
  EXPECT_FALSE(other.allowed("/news/1"));
  EXPECT_FALSE(other.crawl_delay());
}

TEST(Robots, EmptyDisallowAndNoFileAllowEverything) {
  EXPECT_TRUE(Robots::parse("User-agent: *\nDisallow:\n", "lede").allowed("/x"));
  EXPECT_TRUE(Robots::allow_all().allowed("/x"));
  EXPECT_FALSE(Robots::disallow_all().allowed("/x"));
  EXPECT_TRUE(Robots::disallow_all().allowed("/robots.txt"));
}

TEST(FeedDates, IsoAndRfc822GiveTheDayAsWritten) {
  EXPECT_EQ(day_of("2024-03-05T23:30:00-05:00"), "2024-03-05");
  EXPECT_EQ(day_of("2024-03-05"), "2024-03-05");
  EXPECT_EQ(day_of("Tue, 05 Mar 2024 10:00:00 GMT"), "2024-03-05");
  EXPECT_EQ(day_of("5 Mar 2024 10:00:00 +0000"), "2024-03-05");
  EXPECT_EQ(day_of("yesterday"), "");
}

TEST(Listing, RssItemsWithRelativeLinksAndGuids) {
  auto l = parse_listing(
      "<rss version='2.0'><channel><item><link>/a</link><pubDate>Tue, 05 Mar 2024 10:00:00 "
      "GMT</pubDate></item><item><guid>https://x.test/b</guid></item>"
      "<item><guid isPermaLink='false'>tag:1</guid></item></channel></rss>",
      "https://x.test/feed", 1 << 20);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->kind, "rss");
  ASSERT_EQ(l->pages.size(), 2u);
  EXPECT_EQ(l->pages[0].url, "https://x.test/a");
  EXPECT_EQ(l->pages[0].date, "2024-03-05");
  EXPECT_EQ(l->pages[1].url, "https://x.test/b");
}

TEST(Listing, AtomPrefersTheAlternateLink) {
  auto l = parse_listing(
      "<feed xmlns='http://www.w3.org/2005/Atom'><entry><link rel='self' href='/s'/>"
      "<link rel='alternate' href='/a'/><updated>2024-01-02T00:00:00Z</updated></entry></feed>",
      "https://x.test/", 1 << 20);
  ASSERT_TRUE(l);
  ASSERT_EQ(l->pages.size(), 1u);
  EXPECT_EQ(l->pages[0].url, "https://x.test/a");
  EXPECT_EQ(l->pages[0].date, "2024-01-02");
}

TEST(Listing, JsonFeedItems) {
  auto l = parse_listing(
      R"({"version":"https://jsonfeed.org/version/1.1","items":[{"id":"1","url":"/p",)"
      R"("date_published":"2024-02-03T00:00:00Z"},{"id":"https://x.test/q"}]})",
      "https://x.test/feed.json", 1 << 20);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->kind, "json_feed");
  ASSERT_EQ(l->pages.size(), 2u);
  EXPECT_EQ(l->pages[0].url, "https://x.test/p");
  EXPECT_EQ(l->pages[0].date, "2024-02-03");
  EXPECT_EQ(l->pages[1].url, "https://x.test/q");
}

std::string gzip(const std::string& s) {
  std::string out(compressBound(s.size()) + 64, '\0');
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  z.avail_in = s.size();
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = out.size();
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

TEST(Listing, GzippedNewsSitemapAndIndex) {
  std::string news =
      "<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
      "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'><url><loc>https://x.test/n"
      "</loc><lastmod>2020-01-01</lastmod><news:news><news:publication_date>2024-06-07T01:00:00Z"
      "</news:publication_date></news:news></url></urlset>";
  auto l = parse_listing(gzip(news), "https://x.test/s.xml.gz", 1 << 20);
  ASSERT_TRUE(l);
  EXPECT_EQ(l->kind, "urlset");
  ASSERT_EQ(l->pages.size(), 1u);
  EXPECT_EQ(l->pages[0].date, "2024-06-07");  // the publication date, not lastmod
  auto index = parse_listing(
      "<sitemapindex><sitemap><loc>https://x.test/1.xml</loc></sitemap></sitemapindex>",
      "https://x.test/", 1 << 20);
  ASSERT_TRUE(index);
  ASSERT_EQ(index->sitemaps.size(), 1u);
  EXPECT_TRUE(index->pages.empty());
  auto big = parse_listing(gzip(std::string(5000, ' ') + news), "https://x.test/", 1000);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, ErrorCode::kTooLarge);
}

TEST(Listing, OtherDocumentsAreNotListings) {
  auto html = parse_listing("<html><body>hi</body></html>", "https://x.test/", 1 << 20);
  ASSERT_FALSE(html);
  EXPECT_EQ(html.error().code, ErrorCode::kNotHtml);
  EXPECT_FALSE(parse_listing("", "https://x.test/", 1 << 20));
  // Entities are not expanded from outside: a listing is data.
  auto xxe = parse_listing(
      "<?xml version='1.0'?><!DOCTYPE r [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
      "<urlset><url><loc>https://x.test/&e;</loc></url></urlset>",
      "https://x.test/", 1 << 20);
  ASSERT_TRUE(xxe);
  for (const Entry& e : xxe->pages) EXPECT_EQ(e.url.find("root:"), std::string::npos);
}

TEST(WarcWriter, ResponseHeadIsRewrittenForTheDecodedPayload) {
  std::string head =
      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
      "Transfer-Encoding: chunked\r\nContent-Length: 10\r\n\r\n";
  EXPECT_EQ(warc_response_head(head, 42),
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
            "X-Lede-Original-Content-Encoding: gzip\r\nContent-Length: 42\r\n\r\n");
}

TEST(WarcWriter, RecordsReadBackAsRequestAndPage) {
  auto path = std::filesystem::temp_directory_path() / "lede_fetch_writer_test.warc.gz";
  {
    auto w = WarcWriter::open(path.string());
    ASSERT_TRUE(w);
    Exchange x;
    x.url = "https://x.test/a";
    x.date = "2024-01-01T00:00:00Z";
    x.request = "GET /a HTTP/1.1\r\nHost: x.test\r\n\r\n";
    x.response_head =
        "HTTP/2 200\r\ncontent-type: text/html; charset=utf-8\r\n"
        "content-encoding: br\r\n\r\n";
    std::string body = "<html><body><p>Hello</p></body></html>";
    x.payload = body;
    ASSERT_TRUE(w->write(x));
    ASSERT_TRUE(w->close());
  }
  auto reader = WarcReader::open(path.string());
  ASSERT_TRUE(reader);
  auto request = reader->next();
  ASSERT_TRUE(request);
  EXPECT_EQ(request->type, "request");
  EXPECT_EQ(request->target_uri, "https://x.test/a");
  auto response = reader->next();
  ASSERT_TRUE(response);
  EXPECT_EQ(response->type, "response");
  EXPECT_FALSE(response->error);
  auto page = page_from_record(*response);
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_EQ(page->charset, "utf-8");
  EXPECT_EQ(page->body, "<html><body><p>Hello</p></body></html>");
  EXPECT_FALSE(reader->next());
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace lede::fetch
