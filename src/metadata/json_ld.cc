#include "metadata/json_ld.h"

#include <array>

#include <nlohmann/json.hpp>

namespace lede::metadata {
namespace {

using nlohmann::json;

// schema.org types that describe an article, most specific first.
constexpr std::array<std::string_view, 13> kArticleTypes = {
    "NewsArticle",     "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "ReviewNewsArticle", "LiveBlogPosting", "BlogPosting",
    "SocialMediaPosting", "Article", "Report", "ScholarlyArticle", "WebPage"};

// Organisation types: an author of one of these types is not a person.
constexpr std::array<std::string_view, 5> kOrganizationTypes = {
    "Organization", "NewsMediaOrganization", "Corporation", "GovernmentOrganization",
    "WebSite"};

// Nesting deeper than this is hostile or pointless; real graphs are 3-4 deep.
constexpr int kMaxDepth = 8;

bool has_type(const json& node, std::string_view wanted) {
  auto it = node.find("@type");
  if (it == node.end()) return false;
  if (it->is_string()) return it->get_ref<const std::string&>() == wanted;
  if (it->is_array())
    for (const json& t : *it)
      if (t.is_string() && t.get_ref<const std::string&>() == wanted) return true;
  return false;
}

int type_rank(const json& node) {
  for (size_t i = 0; i < kArticleTypes.size(); ++i)
    if (has_type(node, kArticleTypes[i])) return static_cast<int>(i);
  return -1;
}

bool is_organization(const json& node) {
  for (std::string_view t : kOrganizationTypes)
    if (has_type(node, t)) return true;
  return false;
}

std::string string_of(const json& v, int depth = 0) {
  if (depth > 3) return "";
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    for (const char* key : {"name", "@value", "text", "url", "@id"}) {
      auto it = v.find(key);
      if (it != v.end()) {
        std::string s = string_of(*it, depth + 1);
        if (!s.empty()) return s;
      }
    }
  }
  if (v.is_array() && !v.empty()) return string_of(v.front(), depth + 1);
  return "";
}

std::string field(const json& node, const char* key) {
  auto it = node.find(key);
  return it == node.end() ? "" : string_of(*it);
}

// Only names: a bare object with just an @id or url names nobody.
std::string name_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    auto it = v.find("name");
    if (it != v.end()) return string_of(*it);
    std::string given = field(v, "givenName"), family = field(v, "familyName");
    if (!given.empty() || !family.empty())
      return given + (given.empty() || family.empty() ? "" : " ") + family;
  }
  return "";
}

void collect_authors(const json& v, std::vector<JsonLdAuthor>& out, int depth = 0) {
  if (depth > 2) return;
  if (v.is_array()) {
    for (const json& e : v) collect_authors(e, out, depth + 1);
    return;
  }
  std::string name = name_of(v);
  if (name.empty()) return;
  out.push_back({std::move(name), v.is_object() && is_organization(v)});
}

void collect_strings(const json& v, std::vector<std::string>& out) {
  if (v.is_array()) {
    for (const json& e : v)
      if (e.is_string()) out.push_back(e.get<std::string>());
    return;
  }
  if (v.is_string()) out.push_back(v.get<std::string>());
}

void fill(const json& a, JsonLdArticle& out) {
  out.found = true;
  out.type = field(a, "@type");
  out.headline = field(a, "headline");
  if (out.headline.empty()) out.headline = field(a, "name");
  out.description = field(a, "description");
  out.article_body = field(a, "articleBody");
  out.date_published = field(a, "datePublished");
  if (out.date_published.empty()) out.date_published = field(a, "dateCreated");
  out.date_modified = field(a, "dateModified");
  if (auto it = a.find("author"); it != a.end()) collect_authors(*it, out.authors);
  if (auto it = a.find("creator"); out.authors.empty() && it != a.end())
    collect_authors(*it, out.authors);
  if (auto it = a.find("publisher"); it != a.end()) out.publisher = name_of(
      it->is_array() && !it->empty() ? it->front() : *it);
  out.section = field(a, "articleSection");
  if (auto it = a.find("keywords"); it != a.end()) collect_strings(*it, out.keywords);
  out.in_language = field(a, "inLanguage");
  out.url = field(a, "url");
  if (out.url.empty()) out.url = field(a, "mainEntityOfPage");
  out.image = field(a, "image");
  if (out.image.empty()) out.image = field(a, "thumbnailUrl");
}

void visit(const json& v, int depth, JsonLd& ld) {
  if (depth > kMaxDepth) return;
  if (v.is_array()) {
    for (const json& e : v) visit(e, depth + 1, ld);
    return;
  }
  if (!v.is_object()) return;
  int rank = type_rank(v);
  if (rank >= 0) {
    // The most specific type wins; among equals, the first one that has a body.
    bool better = ld.article_rank < 0 || rank < ld.article_rank ||
                  (rank == ld.article_rank && ld.article.article_body.empty() &&
                   v.contains("articleBody"));
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
  for (const char* key : {"@graph", "mainEntity", "itemListElement"}) {
    auto it = v.find(key);
    if (it != v.end() && (it->is_array() || it->is_object())) visit(*it, depth + 1, ld);
  }
  // A WebPage's mainEntityOfPage/isPartOf may hold the website.
  if (auto it = v.find("isPartOf"); it != v.end() && it->is_object()) visit(*it, depth + 1, ld);
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
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (doc.is_discarded()) return;
  visit(doc, 0, ld);
}

JsonLdArticle parse_json_ld(std::string_view text) {
  JsonLd ld;
  add_json_ld(text, ld);
  return ld.article;
}

}  // namespace lede::metadata
