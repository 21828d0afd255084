// The polite fetcher: many hosts in parallel over one libcurl multi handle,
// each host at most `per_host` requests in flight and `delay` seconds apart,
// robots.txt honoured, retries with backoff, redirects followed by hand so
// that every hop is recorded (and archived).
//
//   Crawler crawler(config, next_seed, deliver, has_room, warc);
//   crawler.run();   // returns when every seed and every address found is done
//
// Every seed page and every page found in a feed or sitemap ends in exactly
// one call of `deliver`: a body, or an error (a feed or sitemap that fails
// is delivered as an error too; one that parses yields its pages instead).
//
// Scheduling per host: the first request is for /robots.txt (all pages of the
// host wait for it); then a request starts only when fewer than `per_host`
// are in flight, at least `delay` after the previous start, and (with
// per_host 1) at least `delay` after the previous response ended. A 429 or
// 503 pauses the whole host for its Retry-After.
//
// Thread safety: run() is called once, on one thread; the callbacks run on it.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fetch/warc_writer.h"
#include "lede/result.h"

namespace lede::fetch {

// The User-Agent lede sends, naming lede and its version.
std::string default_user_agent();

struct CrawlConfig {
  std::string user_agent = default_user_agent();
  // Seconds between requests to one host; unset means the host's
  // Crawl-delay, or kDefaultDelay when it gives none.
  std::optional<double> delay;
  unsigned per_host = 1;           // requests in flight per host
  unsigned max_connections = 256;  // requests in flight in all
  double timeout = 30;             // seconds for one request, connecting included
  unsigned retries = 2;            // more attempts after a 429, 5xx or network error
  double retry_wait = 1;           // seconds before the first retry; doubles each time
  unsigned max_redirects = 10;
  uint64_t max_bytes = 64ull << 20;  // a body over this is cut and reported too_large
  uint64_t max_pages = 0;            // pages taken from feeds and sitemaps in all; 0 for no limit
  std::string since;   // YYYY-MM-DD: feed and sitemap entries older than this are left
  bool robots = true;  // fetch and obey robots.txt
};

enum class JobKind { kPage, kFeed, kSitemap };

struct Seed {
  std::string url;
  JobKind kind = JobKind::kPage;
};

struct Fetched {
  JobKind kind = JobKind::kPage;
  std::string requested;               // the address as given or found
  std::string url;                     // the final address, after redirects
  std::vector<std::string> redirects;  // addresses redirected from, in order
  int status = 0;                      // the final HTTP status, 0 when none came
  std::string fetched_at;              // ISO 8601 UTC
  std::string content_type;            // the response's Content-Type header
  std::string body;                    // the decoded payload
  std::optional<Error> error;
};

struct CrawlStats {
  uint64_t requests = 0;  // HTTP requests sent, robots.txt and retries included
  uint64_t retries = 0;
  uint64_t redirects = 0;
  uint64_t robots_files = 0;
  uint64_t feeds = 0;  // feeds and sitemaps read
  uint64_t found = 0;  // pages found in them (after --since, deduplicated)
  uint64_t left_by_since = 0;
  uint64_t left_by_max_pages = 0;
  uint64_t bytes = 0;  // payload bytes received
};

class Crawler {
 public:
  // `next_seed` gives the next address to fetch or nullopt when there are no
  // more; it is asked only while fewer than a window of jobs are open, so
  // an endless list is read as it goes. `has_room` says whether the consumer
  // of `deliver` takes more now; while it says no, no request starts.
  // `warc` may be null.
  Crawler(CrawlConfig config, std::function<std::optional<Seed>()> next_seed,
          std::function<void(Fetched&&)> deliver, std::function<bool()> has_room, WarcWriter* warc);
  ~Crawler();
  Crawler(const Crawler&) = delete;
  Crawler& operator=(const Crawler&) = delete;

  void run();
  const CrawlStats& stats() const;
  // False when writing the WARC failed at some point.
  bool warc_ok() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace lede::fetch
