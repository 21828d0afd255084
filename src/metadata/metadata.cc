#include "metadata/metadata.h"

#include <string_view>

#include "core/text.h"

namespace lede::metadata {
namespace {

using html::NodeId;
using html::Tag;

std::string text_of(const html::Document& doc, NodeId scope) {
  std::string out;
  bool pending = false;
  for (NodeId t = doc.next_in(scope, scope); t != html::kNoNode; t = doc.next_in(t, scope))
    if (doc.is_text(t)) core::append_collapsed(out, doc.text(t), pending);
  return std::string(core::trim(out));
}

// Named meta values, first one wins.
struct MetaTags {
  std::string og_title, twitter_title, og_site_name, description, og_description, author,
      published, modified, section, keywords, og_image, og_locale, content_language;
};

void read_meta(const html::Document& doc, NodeId n, MetaTags& m) {
  std::string_view key = doc.attr(n, "property");
  if (key.empty()) key = doc.attr(n, "name");
  if (key.empty()) key = doc.attr(n, "itemprop");
  if (key.empty()) {
    if (core::iequals(doc.attr(n, "http-equiv"), "content-language") && m.content_language.empty())
      m.content_language = core::trim(doc.attr(n, "content"));
    return;
  }
  std::string k = core::ascii_lower(key);
  std::string v = core::collapse_space(doc.attr(n, "content"));
  if (v.empty()) return;
  auto set = [&](std::string& slot) {
    if (slot.empty()) slot = v;
  };
  if (k == "og:title") set(m.og_title);
  else if (k == "twitter:title") set(m.twitter_title);
  else if (k == "og:site_name") set(m.og_site_name);
  else if (k == "description") set(m.description);
  else if (k == "og:description" || k == "twitter:description") set(m.og_description);
  else if (k == "author" || k == "article:author" || k == "dc.creator" || k == "parsely-author" ||
           k == "sailthru.author" || k == "byl")
    set(m.author);
  else if (k == "article:published_time" || k == "datepublished" || k == "dc.date" ||
           k == "dc.date.issued" || k == "parsely-pub-date" || k == "sailthru.date" ||
           k == "pubdate" || k == "publishdate" || k == "date")
    set(m.published);
  else if (k == "article:modified_time" || k == "datemodified" || k == "og:updated_time")
    set(m.modified);
  else if (k == "article:section" || k == "parsely-section") set(m.section);
  else if (k == "keywords" || k == "news_keywords" || k == "article:tag") set(m.keywords);
  else if (k == "og:image") set(m.og_image);
  else if (k == "og:locale") set(m.og_locale);
}

}  // namespace

PageMetadata read_metadata(const html::Document& doc) {
  PageMetadata meta;
  MetaTags m;
  std::string first_h1;
  for (NodeId n = doc.root(); n != html::kNoNode; n = doc.next_in(n, doc.root())) {
    if (!doc.is_element(n)) continue;
    switch (doc.tag(n)) {
      case Tag::k_html:
        if (meta.language.empty()) meta.language = core::trim(doc.attr(n, "lang"));
        break;
      case Tag::k_title:
        if (meta.html_title.empty()) meta.html_title = text_of(doc, n);
        break;
      case Tag::k_meta:
        read_meta(doc, n, m);
        break;
      case Tag::k_link:
        if (meta.canonical_url.empty() && core::iequals(doc.attr(n, "rel"), "canonical"))
          meta.canonical_url = core::trim(doc.attr(n, "href"));
        break;
      case Tag::k_h1:
        if (first_h1.empty()) first_h1 = text_of(doc, n);
        break;
      default:
        break;
    }
  }
  meta.json_ld = read_json_ld(doc);
  const JsonLdArticle& ld = meta.json_ld;

  // Headline: the page's own statements, most specific first.
  const std::string* candidates[] = {&m.og_title, &ld.headline, &m.twitter_title, &first_h1,
                                     &meta.html_title};
  for (const std::string* t : candidates)
    if (!t->empty()) {
      meta.title = *t;
      break;
    }
  meta.description = !m.og_description.empty() ? m.og_description
                     : !m.description.empty()  ? m.description
                                               : ld.description;
  meta.site_name = !m.og_site_name.empty() ? m.og_site_name : ld.publisher;
  meta.published = !ld.date_published.empty() ? ld.date_published : m.published;
  meta.modified = !ld.date_modified.empty() ? ld.date_modified : m.modified;
  meta.authors = ld.authors;
  if (meta.authors.empty() && !m.author.empty()) meta.authors.push_back(m.author);
  meta.section = !ld.section.empty() ? ld.section : m.section;
  meta.tags = ld.keywords;
  meta.image_url = m.og_image;
  if (meta.language.empty()) meta.language = m.content_language;
  if (meta.language.empty()) meta.language = ld.in_language;
  return meta;
}

}  // namespace lede::metadata
