// Reading schema.org JSON-LD blocks (<script type="application/ld+json">).
//
//   JsonLd ld;
//   add_json_ld(R"({"@type": "NewsArticle", "headline": "Hi", "author": {"name": "Jo Roe"}})", ld);
//   ld.article.headline == "Hi"; ld.article.authors[0].name == "Jo Roe"
//
// A page may hold several blocks, each an object, an array or an @graph; the
// article is the object of the most specific article type across all of them
// (NewsArticle before Article before WebPage), and among objects of one type
// the first that has a body. Pure functions, thread safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lede::metadata {

struct JsonLdAuthor {
  std::string name;
  bool organization = false;  // @type Organization / NewsMediaOrganization: not a person
};

// What lede takes from the article object of a page's JSON-LD.
struct JsonLdArticle {
  std::string type;  // "NewsArticle", "BlogPosting", ...
  std::string headline;
  std::string description;
  std::string article_body;
  std::string date_published;
  std::string date_modified;
  std::vector<JsonLdAuthor> authors;
  std::string publisher;  // publisher.name
  std::string section;
  std::vector<std::string> keywords;
  std::string in_language;
  std::string url;
  std::string image;  // the first image URL
  bool found = false;
};

struct JsonLd {
  JsonLdArticle article;
  int article_rank = -1;     // index into the article types; lower is more specific
  std::string website_name;  // name of a WebSite object, a site-name fallback
  std::string website_language;
  // A publication date found outside an article object, for pages whose JSON-LD has none: the
  // datePublished of another creative work (Recipe, Review, Question's dateCreated, VideoObject's
  // uploadDate), or a "datePublished" read from a block that is not valid JSON. Items of lists,
  // comments, answers and images are left out: their dates are not the page's.
  std::string other_date_published;
};

// JSON-LD blocks larger than this are not parsed: no real article needs it.
inline constexpr size_t kMaxJsonLdBytes = 4 << 20;

// Parses one JSON-LD text and merges what it finds into `ld`. Invalid JSON
// is ignored (pages often have a broken block beside a good one).
void add_json_ld(std::string_view json, JsonLd& ld);

// One JSON-LD text alone; for tests.
JsonLdArticle parse_json_ld(std::string_view json);

}  // namespace lede::metadata
