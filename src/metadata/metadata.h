// Page metadata: what the page says about its article, gathered from JSON-LD,
// OpenGraph, Twitter cards, named meta tags (Dublin Core, Parsely, Sailthru,
// ...), microdata, <time datetime>, visible bylines and date lines, and the
// URL, then resolved into one value per field.
//
//   metadata::PageMetadata meta = metadata::read_metadata(doc, options.url);
//   ... body extraction, using meta.title as a hint ...
//   Article a = assemble::from_page(meta, body, started);  // language, dateline: src/assemble
//
// How each field is chosen (the explainable rules):
//   1. title: the metadata headline (og:title, JSON-LD headline, twitter:title, ...) that the
//      page's visible <h1> confirms; else the first of them; a site name written before or after
//      it (" | Site", "Site - ") is stripped.
//   2. published: JSON-LD datePublished, article:published_time and the other publication meta
//      names, the JSON-LD date of another creative work (a Recipe, a VideoObject's uploadDate),
//      microdata, hAtom's <abbr class=published>, less specific meta dates (dc.date, pubdate),
//      <time datetime> and its visible text, <time> text alone, date lines (marked by class or
//      id: date, time, meta, byline...), in that order;
//      future dates and dates more than a day away from a date in the URL are rejected (the URL
//      is fixed at first publication). A time stated in UTC gives way to a statement of the
//      same moment in a local zone (the page's own day); a <time> whose text shows another day
//      than its datetime is read by its text; <time>s in blockquotes (embedded posts) are left
//      out; a JSON-LD date not in ISO 8601 gives way to another day shown with the headline.
//      Failing all: the date in the page's address (its URL, canonical, og:url, AMP version),
//      then in the links it makes to itself (rel=bookmark, its headline's link, rel=alternate
//      feeds), then the first date in the text shown with the headline
//      (comments, related stories, sidebars and menus left out, unless they hold the headline;
//      "Updated ..." dates kept for `modified`), then a date the page labels as its
//      publication anywhere, then a labelled update date, then the modification date, then
//      a publication date in its script data ("publishedAt": "2021-03-04T..."), then a day in
//      the lead image's path. Numeric dates are read month first on pages declared en-US.
//   3. authors: the first source that names a person: JSON-LD author, meta author tags,
//      microdata author, visible bylines (byline/author classes, rel=author). Agencies and the
//      site's own name are never authors.
//   4. site: og:site_name, JSON-LD publisher, JSON-LD WebSite, application-name; domain from
//      the page URL, else canonical, else og:url.
//   5. declared language: <html lang>, content-language, og:locale, JSON-LD inLanguage (checked
//      by cld2 on the body in src/assemble).
// Pure functions over a const Document; thread safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "html/dom.h"
#include "lede/article.h"
#include "metadata/json_ld.h"

namespace lede::metadata {

struct PageMetadata {
  std::string title;  // the headline, site name stripped
  std::string description;
  Site site;
  std::string canonical_url;
  std::string declared_language;  // ISO 639-1 as the page declares it; "" when it does not
  std::string published;          // lede::Article::published's shape
  std::string modified;           // the same shape
  std::vector<std::string> authors;
  std::vector<std::string> agencies;  // agencies named where an author was expected
  std::string section;
  std::vector<std::string> tags;
  std::string image_url;  // og:image or the JSON-LD image
  std::vector<std::string> warnings;
  JsonLdArticle json_ld;
};

// Reads and resolves the page's metadata. `page_url` is where the page came
// from (Options::url), "" when unknown.
PageMetadata read_metadata(const html::Document& doc, std::string_view page_url = {});

}  // namespace lede::metadata
