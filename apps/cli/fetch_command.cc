#include "fetch_command.h"

#include <cstdio>

namespace lede::cli {
namespace {

constexpr const char* kFetchDescription =
    "Fetch pages, feeds and sitemaps politely and extract article records.\n"
    "\n"
    "Every address given (URL arguments, --input-file) and every page found in a feed\n"
    "(RSS 2.0, Atom, JSON Feed) or sitemap (urlset, sitemap index, gzip'd, Google News)\n"
    "gives one record or one error record ({\"error\": {\"code\", \"message\"}, \"source\"}),\n"
    "as pages complete. Error codes: http_status, timeout, robots, too_large, not_html,\n"
    "dns, tls, network, no_content. Records carry source.fetched_at, source.status and\n"
    "source.redirects (the addresses redirected from); url is the final address.\n"
    "\n"
    "robots.txt is fetched per host and obeyed; at most --per-host requests are in\n"
    "flight per host, --delay seconds apart (default: the host's Crawl-delay, else 1 s);\n"
    "hosts are fetched in parallel. 429, 5xx and network errors are retried with\n"
    "backoff, honouring Retry-After.\n"
    "\n"
    "Exit status: 0 every address gave a record, 1 some gave errors, 2 usage or fatal.\n"
    "\n"
    "Examples:\n"
    "  lede fetch https://example.com/news/1\n"
    "  lede fetch --feed https://example.com/rss.xml --since 2024-06-01 -o news.jsonl\n"
    "  lede fetch --sitemap https://example.com/news-sitemap.xml --warc crawl.warc.gz\n"
    "  lede fetch --feed https://example.com/rss.xml --analyze --db news.db\n";

}  // namespace

FetchCommand::FetchCommand(CLI::App& app) {
  command_ = app.add_subcommand("fetch", kFetchDescription);
  CLI::App* c = command_;
  c->add_option("URL", config_.urls, "Pages to fetch");
  c->add_option("-i,--input-file", config_.input_file,
                "More pages, one address a line ('-' for stdin)")
      ->group("Input");
  c->add_option("--feed", config_.feeds, "An RSS, Atom or JSON feed whose entries to fetch")
      ->group("Input");
  c->add_option("--sitemap", config_.sitemaps, "A sitemap or sitemap index whose pages to fetch")
      ->group("Input");
  c->add_option("--since", config_.crawl.since,
                "Only feed and sitemap entries dated on or after this day (YYYY-MM-DD); "
                "undated entries are kept")
      ->group("Input");
  c->add_option("--max-pages", config_.crawl.max_pages,
                "Most pages taken from feeds and sitemaps (0: all)")
      ->group("Input");
  c->add_option("-o,--output", config_.output, "Write JSON Lines here instead of stdout")
      ->group("Output");
  c->add_option("--db", config_.db,
                "Add records to this corpus (see lede help search); JSON Lines only with -o")
      ->group("Output");
  c->add_option("--warc", config_.warc,
                "Also write every request and response to this WARC 1.1 file (.warc.gz)")
      ->group("Output");
  c->add_flag("-q,--quiet", config_.quiet, "No summary")->group("Output");
  c->add_option("-j,--jobs", config_.jobs, "Extraction threads (default: all cores)")
      ->check(CLI::Range(1u, 1024u))
      ->group("Performance");
  c->add_option("--delay", delay_,
                "Seconds between requests to one host (default: its Crawl-delay, else 1)")
      ->check(CLI::Range(0.0, 3600.0))
      ->group("Politeness");
  c->add_option("--per-host", config_.crawl.per_host, "Requests in flight per host")
      ->check(CLI::Range(1u, 64u))
      ->capture_default_str()
      ->group("Politeness");
  c->add_option("--user-agent", config_.crawl.user_agent, "The User-Agent header")
      ->capture_default_str()
      ->group("Politeness");
  c->add_flag("!--no-robots", config_.crawl.robots,
              "Do not fetch robots.txt (only for hosts you run yourself)")
      ->group("Politeness");
  c->add_option("--timeout", config_.crawl.timeout, "Seconds for one request")
      ->check(CLI::Range(0.01, 3600.0))
      ->capture_default_str()
      ->group("Limits");
  c->add_option("--retries", config_.crawl.retries,
                "More attempts after a 429, 5xx or network error")
      ->capture_default_str()
      ->group("Limits");
  c->add_option("--retry-wait", config_.crawl.retry_wait,
                "Seconds before the first retry when no Retry-After says; doubles each time")
      ->capture_default_str()
      ->group("Limits");
  c->add_option("--max-redirects", config_.crawl.max_redirects, "Longest redirect chain")
      ->capture_default_str()
      ->group("Limits");
  c->add_option("--max-bytes", config_.options.limits.max_input_bytes,
                "Largest response body; a longer one is cut there and reported too_large")
      ->capture_default_str()
      ->group("Limits");
  c->add_option("--max-millis", config_.options.limits.max_millis,
                "Extraction time budget for one page in milliseconds (0: none)")
      ->capture_default_str()
      ->group("Limits");
  c->add_flag("--analyze", config_.options.analyze,
              "Also find quotes and speakers, people and time expressions")
      ->group("Extraction");
}

int FetchCommand::run() {
  if (config_.urls.empty() && config_.input_file.empty() && config_.feeds.empty() &&
      config_.sitemaps.empty()) {
    std::fputs("lede: fetch needs addresses: URL, --input-file, --feed or --sitemap\n", stderr);
    return 2;
  }
  if (!config_.crawl.since.empty() && fetch::day_of(config_.crawl.since) != config_.crawl.since) {
    std::fputs("lede: --since wants a day, YYYY-MM-DD\n", stderr);
    return 2;
  }
  if (delay_ >= 0) config_.crawl.delay = delay_;
  config_.crawl.max_bytes = config_.options.limits.max_input_bytes;
  return fetch::run_fetch(std::move(config_));
}

}  // namespace lede::cli
