// lede: news pages in, structured articles out.
//
//   #include <lede/lede.h>
//
//   lede::Extractor extractor;                 // one per thread; reuse it
//   lede::Options options;
//   options.url = "https://example.com/news/1";
//   lede::Result<lede::Article> article = extractor.extract(html_bytes, options);
//   if (article) std::cout << lede::to_json(*article) << "\n";
//   else std::cerr << article.error().message << "\n";
//
// Thread safety: an Extractor is not thread-safe; give each thread its own.
// lede::extract() is a one-shot convenience that builds a fresh Extractor.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lede/article.h"
#include "lede/result.h"

namespace lede {

// Hard caps on one input. Hitting a cap never crashes: either the page is
// processed up to the cap and the record's warnings name it, or the input
// gets an error naming it.
//
// Inflated bytes have no cap of their own: max_input_bytes bounds both what
// is read and what gzip input or a WARC payload's Content-Encoding inflates
// to, because every later stage holds the inflated bytes.
struct Limits {
  uint64_t max_input_bytes = 64ull << 20;  // raw or inflated bytes of one input
  uint32_t max_nodes = 2'000'000;          // DOM nodes; real pages stay under 50,000
  uint32_t max_depth = 512;                // DOM nesting; browsers flatten far sooner
  // CPU time for one page in milliseconds (of the thread that extracts it, so
  // a busy machine does not cut pages short), 0 for none. Pages take a few
  // milliseconds (tens under sanitizers), so a page over 5 s is pathological
  // and should not stall a crawl. Covers extraction and --analyze together;
  // checked between stages and inside the parser and the analysis. A page over
  // it during extraction gets a kLimitExceeded error naming max_millis; one
  // over it during the analysis keeps its record, without quotes, people or
  // times, and with a warning saying so.
  uint32_t max_millis = 5'000;
};

enum class InputFormat {
  kAuto,  // sniff: markup is HTML, anything else is text
  kHtml,
  kText,  // scraped or rendered text (see DESIGN.md, text mode)
};

enum class Parser {
  kLede,   // lede's own WHATWG HTML parser: conformant and many times faster
  kGumbo,  // gumbo-parser, the reference it is tested against
};

struct Options {
  std::string url;           // the page's address, when known; fills Article::url
  std::string path;          // what to write as source.path ("" when unknown)
  std::string http_charset;  // charset from an HTTP Content-Type header, if any
  InputFormat from = InputFormat::kAuto;
  Parser parser = Parser::kLede;
  Limits limits;
  // News analysis (quotes and speakers, people, time expressions) costs about
  // as much again as extraction, so it runs only when asked for.
  bool analyze = false;
  // The date relative time words ("on Tuesday") are resolved against when
  // the page gives no publication date, ISO 8601 ("2023-06-13").
  std::string reference_date;
  // The kind of every page, when the caller knows it (a crawl of one forum,
  // of a shop's product pages): "article", "forum", "product", "collection",
  // "listing", "documentation", "service" or "other", as Article::page_type
  // names them. The page is then read as that kind, whatever lede's model
  // makes of it. Empty (the default): the model decides, page by page.
  // Another name gives every page a kUsage error.
  std::string page_type;
  // When set, receives a plain-text account of how the body was found: the
  // page type, the candidate blocks in page order with their features and
  // weight, the rule that kept or dropped each, and the container chosen
  // (`lede extract --explain`). Costs time; leave unset in production.
  std::string* explain = nullptr;
};

class Extractor {
 public:
  Extractor();
  ~Extractor();
  Extractor(Extractor&&) noexcept;
  Extractor& operator=(Extractor&&) noexcept;

  // Decodes, parses and extracts one page. Errors: kEmptyInput, kNotHtml,
  // kTooLarge, kNoContent (a record could not be made), kInternal.
  Result<Article> extract(std::string_view bytes, const Options& options = {});

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One-shot extraction; prefer a reused Extractor for many pages.
Result<Article> extract(std::string_view bytes, const Options& options = {});

std::string_view version();

// The kinds of page Options::page_type takes and Article::page_type holds, in
// the record's order: "article", "forum", ..., "other".
const std::vector<std::string_view>& page_type_names();

}  // namespace lede
