// Reading schema.org JSON-LD blocks (<script type="application/ld+json">).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"

namespace lede::metadata {

// What lede takes from the article object of a page's JSON-LD: the first
// object whose @type is an article kind, found in @graph, arrays or nesting.
struct JsonLdArticle {
  std::string type;  // "NewsArticle", "BlogPosting", ...
  std::string headline;
  std::string description;
  std::string article_body;
  std::string date_published;
  std::string date_modified;
  std::vector<std::string> authors;
  std::string publisher;
  std::string section;
  std::vector<std::string> keywords;
  std::string in_language;
  std::string url;
  bool found = false;
};

// JSON-LD blocks larger than this are not parsed: no real article needs it.
inline constexpr size_t kMaxJsonLdBytes = 4 << 20;

JsonLdArticle read_json_ld(const html::Document& doc);

// Parses one JSON-LD text; exposed for tests and fuzzing.
JsonLdArticle parse_json_ld(std::string_view json);

}  // namespace lede::metadata
