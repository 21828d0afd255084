// `lede fetch`: fetch pages, feeds and sitemaps politely, extract every page,
// write one JSON Lines record (or error record) per address.
//
// The crawler runs on one thread, `jobs` workers extract (each with its own
// Extractor), and records are written as pages complete (not in input
// order). Memory stays flat however many addresses come: seeds are read as
// the crawl goes and at most a window of fetched pages waits for extraction.
#pragma once

#include <cstdio>
#include <string>
#include <vector>

#include "fetch/crawler.h"
#include "lede/lede.h"

namespace lede::fetch {

struct FetchConfig {
  std::vector<std::string> urls;      // pages
  std::string input_file;             // more pages, one a line; "-" is stdin
  std::vector<std::string> feeds;     // RSS, Atom or JSON Feed addresses
  std::vector<std::string> sitemaps;  // sitemap or sitemap index addresses
  CrawlConfig crawl;
  Options options;     // limits, analysis; url, path and charset are set per page
  std::string warc;    // write every exchange here (WARC 1.1, gzip'd record by record)
  std::string output;  // "" is stdout, unless db is set
  // Also add every record to the corpus at this path (lede/store.h), in its
  // batches; with db set and no output, no JSON Lines are written.
  std::string db;
  unsigned jobs = 0;   // extraction threads; 0: all cores
  bool quiet = false;  // no summary
};

// Runs the fetch; returns the exit code: 0 every address gave a record, 1
// some gave error records, 2 a fatal error (output, archive or corpus not
// writable). A closed output pipe ends the process at once with 0.
int run_fetch(FetchConfig config);

// Turns one fetched page into its JSON line (a record or an error record).
std::string render_fetched(Extractor& extractor, const Options& options, Fetched& fetched,
                           std::string* error_code);

}  // namespace lede::fetch
