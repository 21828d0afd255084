// The Article record: the one contract between lede's stages and its outputs.
// A plain value with no pointers into the page; missing values are empty
// (std::nullopt, "" or an empty vector), never made up. In JSON every key is
// always written, an empty string as null (docs/DESIGN.md, "The record").
// Offsets are UTF-8 byte offsets into `text`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lede {

enum class BlockType { kHeading, kParagraph, kList, kQuote, kPreformatted, kTable };

struct Block {
  BlockType type = BlockType::kParagraph;
  int level = 0;       // 1-6 for headings, 0 otherwise
  uint32_t start = 0;  // [start, end) in Article::text
  uint32_t end = 0;
};

struct Image {
  std::string url;
  std::string caption;
  std::string credit;
};

struct Site {
  std::string name;
  std::string domain;
};

struct Dateline {
  std::string place;
  std::string agency;
};

struct Quote {
  std::string text;
  std::string speaker;
  std::string cue;
  std::string kind;  // "direct", "partial" or "indirect"
  uint32_t start = 0, end = 0;
  // An interrupted quote ("“We will win,” he said. “And we will win big.”") is
  // one attribution: each part's [start, end), in text order; [start, end)
  // runs from the first part's start to the last part's end, and `text` is the
  // parts joined by a space. Empty for a quote in one piece.
  std::vector<std::pair<uint32_t, uint32_t>> parts;
  std::optional<std::pair<uint32_t, uint32_t>> speaker_mention;
};

struct Entity {
  std::string name;
  std::string type;  // "person", "organization", "place"
  std::vector<std::string> titles;
  std::vector<std::pair<uint32_t, uint32_t>> mentions;
};

struct TimeExpression {
  std::string text;
  std::string type;      // TIMEX3 type: DATE, TIME, DURATION, SET
  std::string value;     // TIMEX3 value: 2023-06-13, 2023-W23, P1Y, ...
  std::string modifier;  // TIMEX3 mod: START, END, ... or empty
  uint32_t start = 0, end = 0;
};

// Where the record came from, so it can always be traced to its input.
struct Source {
  std::string path;     // the input as given ("-" for stdin)
  std::string kind;     // "html", "text", "warc"
  uint64_t bytes = 0;   // raw input size before decompression and decoding
  std::string charset;  // the charset the input was decoded from
  std::string method;   // how the body was located, e.g. "json-ld+dom", "article", "score"
  std::optional<uint64_t> offset;  // byte offset of the record inside an archive
  std::string target_uri;          // WARC-Target-URI
  std::string warc_date;           // WARC-Date
  // Pages fetched over HTTP (`lede fetch`); empty or 0 otherwise.
  std::string fetched_at;              // when the response ended, ISO 8601 UTC
  int status = 0;                      // HTTP status of the final response
  std::vector<std::string> redirects;  // addresses redirected from, in order, before `url`
};

// The warning on a record whose page has no article body: `text` is "" and the
// metadata is all there is. Not an error.
inline constexpr std::string_view kNoContentWarning = "no_content";

struct Article {
  std::string url;
  std::string canonical_url;
  Site site;
  std::string language;
  std::string title;
  // What kind of page the record comes from: "article", "forum", "product",
  // "collection", "listing", "documentation", "service" or "other"; "" for text input.
  std::string page_type;
  std::string description;
  // Times as the page states them, in one shape: RFC 3339 with the page's offset
  // ("2020-02-17T21:18:11-05:00"), "YYYY-MM-DDTHH:MM:SS" when it states no zone,
  // "YYYY-MM-DD" when it gives only the day; fractions of a second dropped.
  std::string published;
  std::string modified;  // same shape; never before `published`
  std::vector<std::string> authors;
  std::string section;
  std::vector<std::string> tags;
  Dateline dateline;
  std::vector<Image> images;
  std::string text;  // paragraphs separated by one blank line; "" with kNoContentWarning
  std::vector<Block> blocks;
  std::vector<Quote> quotes;
  std::vector<Entity> entities;
  std::vector<TimeExpression> times;
  std::vector<std::string> warnings;
  Source source;
};

}  // namespace lede
