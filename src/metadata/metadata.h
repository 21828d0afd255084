// Page metadata: what the page says about the article, from JSON-LD,
// OpenGraph and named meta tags, and the document's own title and lang.
#pragma once

#include <string>
#include <vector>

#include "html/dom.h"
#include "metadata/json_ld.h"

namespace lede::metadata {

struct PageMetadata {
  std::string title;       // the best headline found
  std::string html_title;  // <title>, as written
  std::string description;
  std::string site_name;
  std::string canonical_url;
  std::string language;  // as declared: <html lang>, og:locale, content-language
  std::string published;  // as written by the page; normalised later
  std::string modified;
  std::vector<std::string> authors;
  std::string section;
  std::vector<std::string> tags;
  std::string image_url;
  JsonLdArticle json_ld;
};

PageMetadata read_metadata(const html::Document& doc);

}  // namespace lede::metadata
