#include "metadata/json_ld.h"

#include <simdjson.h>

#include <array>
#include <nlohmann/json.hpp>

namespace lede::metadata {
namespace {

using simdjson::dom::element;
using simdjson::dom::element_type;

// schema.org types that describe an article, most specific first.
constexpr std::array<std::string_view, 15> kArticleTypes = {"NewsArticle",
                                                            "ReportageNewsArticle",
                                                            "AnalysisNewsArticle",
                                                            "OpinionNewsArticle",
                                                            "BackgroundNewsArticle",
                                                            "ReviewNewsArticle",
                                                            "LiveBlogPosting",
                                                            "BlogPosting",
                                                            "DiscussionForumPosting",
                                                            "SocialMediaPosting",
                                                            "TechArticle",
                                                            "Article",
                                                            "Report",
                                                            "ScholarlyArticle",
                                                            "WebPage"};

// Organisation types: an author of one of these types is not a person.
constexpr std::array<std::string_view, 5> kOrganizationTypes = {
    "Organization", "NewsMediaOrganization", "Corporation", "GovernmentOrganization", "WebSite"};

// Types whose dates are never the page's: parts of a page (comments, answers, images, list
// items), the parties named on it, and works the page is about (a book's or a film's first
// publication, a product's release).
constexpr std::array<std::string_view, 18> kNotPageDateTypes = {"Comment",
                                                                "Answer",
                                                                "ImageObject",
                                                                "ListItem",
                                                                "Offer",
                                                                "Person",
                                                                "Rating",
                                                                "AggregateRating",
                                                                "BreadcrumbList",
                                                                "Organization",
                                                                "WebSite",
                                                                "Book",
                                                                "Movie",
                                                                "MusicAlbum",
                                                                "MusicRecording",
                                                                "Product",
                                                                "SoftwareApplication",
                                                                "TVSeries"};

// The keys that date a creative work, in order of preference.
constexpr std::array<const char*, 3> kWorkDateKeys = {"datePublished", "uploadDate", "dateCreated"};

// Nesting deeper than this is hostile or pointless; real graphs are 3-4 deep.
constexpr int kMaxDepth = 8;

// Callers check the type first.
simdjson::dom::array as_array(element v) {
  simdjson::dom::array a;
  if (v.get_array().get(a) != simdjson::SUCCESS) return {};
  return a;
}

std::string_view as_string(element v) {
  std::string_view s;
  if (v.get_string().get(s) != simdjson::SUCCESS) return {};
  return s;
}

bool find(element v, std::string_view key, element& out) {
  return v.is_object() && v.get_object().at_key(key).get(out) == simdjson::SUCCESS;
}

// Calls f(type) for each string in the node's @type (a string or an array of them).
template <typename F>
void for_each_type(element node, F&& f) {
  element t;
  if (!find(node, "@type", t)) return;
  if (t.is_string()) {
    f(as_string(t));
  } else if (t.is_array()) {
    for (element x : as_array(t))
      if (x.is_string()) f(as_string(x));
  }
}

bool has_type(element node, std::string_view wanted) {
  bool found = false;
  for_each_type(node, [&](std::string_view t) { found |= t == wanted; });
  return found;
}

// The most specific article type the node has (an index into kArticleTypes), or -1.
// @type is looked up once, not once per candidate type.
int type_rank(element node) {
  int rank = -1;
  for_each_type(node, [&](std::string_view t) {
    for (size_t i = 0; i < kArticleTypes.size(); ++i)
      if (t == kArticleTypes[i]) {
        if (rank < 0 || static_cast<int>(i) < rank) rank = static_cast<int>(i);
        break;
      }
  });
  return rank;
}

bool is_organization(element node) {
  bool found = false;
  for_each_type(node, [&](std::string_view t) {
    for (std::string_view o : kOrganizationTypes) found |= t == o;
  });
  return found;
}

std::string string_of(element v, int depth = 0) {
  if (depth > 3) return "";
  if (v.is_string()) return std::string(as_string(v));
  if (v.is_object()) {
    for (const char* key : {"name", "@value", "text", "url", "@id"}) {
      element x;
      if (find(v, key, x)) {
        std::string s = string_of(x, depth + 1);
        if (!s.empty()) return s;
      }
    }
  }
  if (v.is_array()) {
    for (element x : as_array(v)) return string_of(x, depth + 1);
  }
  return "";
}

std::string field(element node, std::string_view key) {
  element x;
  return find(node, key, x) ? string_of(x) : "";
}

// Only names: a bare object with just an @id or url names nobody.
std::string name_of(element v) {
  if (v.is_string()) return std::string(as_string(v));
  if (v.is_object()) {
    element n;
    if (find(v, "name", n)) return string_of(n);
    std::string given = field(v, "givenName"), family = field(v, "familyName");
    if (!given.empty() || !family.empty())
      return given + (given.empty() || family.empty() ? "" : " ") + family;
  }
  return "";
}

void collect_authors(element v, std::vector<JsonLdAuthor>& out, int depth = 0) {
  if (depth > 2) return;
  if (v.is_array()) {
    for (element e : as_array(v)) collect_authors(e, out, depth + 1);
    return;
  }
  std::string name = name_of(v);
  if (name.empty()) return;
  out.push_back({std::move(name), v.is_object() && is_organization(v)});
}

void collect_strings(element v, std::vector<std::string>& out) {
  if (v.is_array()) {
    for (element e : as_array(v))
      if (e.is_string()) out.emplace_back(as_string(e));
    return;
  }
  if (v.is_string()) out.emplace_back(as_string(v));
}

void fill(element a, JsonLdArticle& out) {
  out.found = true;
  out.type = field(a, "@type");
  out.headline = field(a, "headline");
  if (out.headline.empty()) out.headline = field(a, "name");
  out.description = field(a, "description");
  out.article_body = field(a, "articleBody");
  out.date_published = field(a, "datePublished");
  if (out.date_published.empty()) out.date_published = field(a, "dateCreated");
  out.date_modified = field(a, "dateModified");
  element x;
  if (find(a, "author", x)) collect_authors(x, out.authors);
  if (out.authors.empty() && find(a, "creator", x)) collect_authors(x, out.authors);
  if (find(a, "publisher", x)) {
    element first = x;
    if (x.is_array())
      for (element e : as_array(x)) {
        first = e;
        break;
      }
    out.publisher = name_of(first);
  }
  out.section = field(a, "articleSection");
  if (find(a, "keywords", x)) collect_strings(x, out.keywords);
  out.in_language = field(a, "inLanguage");
  out.url = field(a, "url");
  if (out.url.empty()) out.url = field(a, "mainEntityOfPage");
  out.image = field(a, "image");
  if (out.image.empty()) out.image = field(a, "thumbnailUrl");
}

// `in_list`: `v` is an item of an itemListElement, whose dates are the items', not the page's.
void visit(element v, int depth, JsonLd& ld, bool in_list = false) {
  if (depth > kMaxDepth) return;
  if (v.is_array()) {
    for (element e : as_array(v)) visit(e, depth + 1, ld, in_list);
    return;
  }
  if (!v.is_object()) return;
  int rank = type_rank(v);
  if (rank < 0 && !in_list && ld.other_date_published.empty()) {
    bool page_part = is_organization(v);
    for (std::string_view t : kNotPageDateTypes) page_part |= has_type(v, t);
    for (const char* key : kWorkDateKeys) {
      if (page_part || !ld.other_date_published.empty()) break;
      ld.other_date_published = field(v, key);
    }
  }
  if (rank >= 0) {
    // The most specific type wins; among equals, the first one that has a body.
    element body;
    bool better = ld.article_rank < 0 || rank < ld.article_rank ||
                  (rank == ld.article_rank && ld.article.article_body.empty() &&
                   find(v, "articleBody", body));
    if (better) {
      JsonLdArticle a;
      fill(v, a);
      ld.article = std::move(a);
      ld.article_rank = rank;
    }
  } else if (has_type(v, "WebSite")) {
    if (ld.website_name.empty()) ld.website_name = field(v, "name");
    if (ld.website_language.empty()) ld.website_language = field(v, "inLanguage");
  }
  for (const char* key : {"@graph", "mainEntity", "itemListElement", "isPartOf", "blogPost"}) {
    element x;
    if (find(v, key, x) && (x.is_array() || x.is_object()))
      visit(x, depth + 1, ld, in_list || std::string_view(key) == "itemListElement");
  }
}

// A block that is not JSON (an unescaped quote in a headline, a cut-off page) may still state
// its date: the first "datePublished": "..." in it, as written.
std::string loose_date_published(std::string_view text) {
  constexpr std::string_view kKey = "\"datePublished\"";
  size_t at = text.find(kKey);
  if (at == std::string_view::npos) return "";
  at += kKey.size();
  while (at < text.size() && (text[at] == ' ' || text[at] == ':' || text[at] == '\t')) ++at;
  if (at >= text.size() || text[at] != '"') return "";
  const size_t end = text.find('"', at + 1);
  if (end == std::string_view::npos) return "";
  return std::string(text.substr(at + 1, end - at - 1));
}

// Pages wrap their JSON in CDATA sections or comments for old XHTML parsers:
// "<![CDATA[ {...} ]]>", "//<![CDATA[", "<!-- ... -->". The JSON is what is inside.
std::string_view unwrap(std::string_view text) {
  auto trim = [](std::string_view s) {
    size_t b = s.find_first_not_of(" \t\r\n");
    if (b == std::string_view::npos) return std::string_view();
    return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
  };
  text = trim(text);
  for (bool changed = true; changed;) {
    changed = false;
    for (std::string_view open : {"/*<![CDATA[*/", "//<![CDATA[", "<![CDATA[", "<!--"})
      if (text.starts_with(open)) {
        text = trim(text.substr(open.size()));
        changed = true;
      }
    for (std::string_view close : {"/*]]>*/", "//]]>", "]]>", "-->"})
      if (text.ends_with(close)) {
        text = trim(text.substr(0, text.size() - close.size()));
        changed = true;
      }
  }
  return text;
}

}  // namespace

void add_json_ld(std::string_view text, JsonLd& ld) {
  if (text.size() > kMaxJsonLdBytes) return;
  text = unwrap(text);
  // Nothing to read; an empty view may also hold a null pointer, which the
  // parser would hand to memcpy.
  if (text.empty()) return;
  // One parser per thread keeps its buffers across pages.
  thread_local simdjson::dom::parser parser;
  element root;
  // parse(data, size) copies the text into the parser's own padded buffer, kept across pages.
  if (parser.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) {
    // Pages write comments and other near-JSON: read it leniently, then as strict JSON.
    // dump() recurses once per level, so values nested past kMaxDepth (which
    // visit() would not read anyway) are dropped while parsing; a block nested a
    // million deep would otherwise exhaust the stack. See tests/hostile.
    auto shallow = [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
      return depth <= kMaxDepth + 1;
    };
    nlohmann::json lenient =
        nlohmann::json::parse(text, shallow, /*allow_exceptions=*/false, /*ignore_comments=*/true);
    std::string strict = lenient.is_discarded() ? "" : lenient.dump();
    if (lenient.is_discarded() ||
        parser.parse(strict.data(), strict.size()).get(root) != simdjson::SUCCESS) {
      if (ld.other_date_published.empty()) ld.other_date_published = loose_date_published(text);
      return;
    }
  }
  visit(root, 0, ld);
}

JsonLdArticle parse_json_ld(std::string_view text) {
  JsonLd ld;
  add_json_ld(text, ld);
  return ld.article;
}

}  // namespace lede::metadata
