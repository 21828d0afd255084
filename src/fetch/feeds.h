// Feeds and sitemaps: the addresses a news site lists, with their dates.
//
// RSS 2.0 (and RSS 1.0/RDF items), Atom, JSON Feed 1.x; sitemaps: <urlset>,
// <sitemapindex> (whose children are sitemaps to fetch in turn), Google News
// sitemaps (news:publication_date). XML is parsed with libxml2, never with
// patterns; gzip'd documents (a .xml.gz sitemap) are inflated first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "lede/result.h"

namespace lede::fetch {

struct Entry {
  std::string url;
  std::string date;  // the entry's day, YYYY-MM-DD, or "" when it gives none
};

struct Listing {
  std::string kind;             // "rss", "atom", "json_feed", "urlset", "sitemapindex"
  std::vector<Entry> pages;     // article addresses
  std::vector<Entry> sitemaps;  // child sitemaps of a sitemap index
};

// Reads a feed or sitemap. `base` resolves relative links (JSON Feed and
// Atom allow them). Inflates gzip input up to `max_bytes`. Errors: kNotHtml
// when the document is none of the formats above (the message says what it
// was), kTooLarge, kBadArchive for broken gzip.
Result<Listing> parse_listing(std::string_view body, std::string_view base, uint64_t max_bytes);

// The day of a feed or sitemap date: ISO 8601 / W3C datetime
// ("2024-03-05T10:00:00+01:00", "2024-03-05") or RFC 822 as RSS writes it
// ("Tue, 05 Mar 2024 10:00:00 GMT"). The day is taken as written, without
// moving it to UTC. "" when the text is neither.
std::string day_of(std::string_view date);

}  // namespace lede::fetch
