#include "metadata/json_ld.h"

#include <nlohmann/json.hpp>

#include <array>

namespace lede::metadata {
namespace {

using nlohmann::json;

// schema.org types that describe an article, most specific first.
constexpr std::array<std::string_view, 10> kArticleTypes = {
    "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
    "BackgroundNewsArticle", "LiveBlogPosting", "BlogPosting", "Article", "Report",
    "WebPage"};

int type_rank(const json& node) {
  auto rank_of = [](std::string_view t) {
    for (size_t i = 0; i < kArticleTypes.size(); ++i)
      if (kArticleTypes[i] == t) return static_cast<int>(i);
    return -1;
  };
  auto it = node.find("@type");
  if (it == node.end()) return -1;
  if (it->is_string()) return rank_of(it->get_ref<const std::string&>());
  int best = -1;
  if (it->is_array())
    for (const json& t : *it)
      if (t.is_string()) {
        int r = rank_of(t.get_ref<const std::string&>());
        if (r >= 0 && (best < 0 || r < best)) best = r;
      }
  return best;
}

std::string string_of(const json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_object()) {
    for (const char* key : {"name", "@value", "text"}) {
      auto it = v.find(key);
      if (it != v.end() && it->is_string()) return it->get<std::string>();
    }
  }
  if (v.is_array() && !v.empty()) return string_of(v.front());
  return "";
}

std::string field(const json& node, const char* key) {
  auto it = node.find(key);
  return it == node.end() ? "" : string_of(*it);
}

void collect_names(const json& v, std::vector<std::string>& out) {
  if (v.is_array()) {
    for (const json& e : v) collect_names(e, out);
    return;
  }
  std::string name = string_of(v);
  if (!name.empty()) out.push_back(std::move(name));
}

// Depth-first search for the best-ranked article object; bounded depth
// keeps hostile nesting cheap.
void find_article(const json& v, int depth, const json*& best, int& best_rank) {
  if (depth > 8) return;
  if (v.is_array()) {
    for (const json& e : v) find_article(e, depth + 1, best, best_rank);
    return;
  }
  if (!v.is_object()) return;
  int r = type_rank(v);
  if (r >= 0 && (best == nullptr || r < best_rank)) {
    best = &v;
    best_rank = r;
  }
  for (const char* key : {"@graph", "mainEntity", "mainEntityOfPage", "itemListElement"}) {
    auto it = v.find(key);
    if (it != v.end() && (it->is_array() || it->is_object()))
      find_article(*it, depth + 1, best, best_rank);
  }
}

void fill(const json& a, JsonLdArticle& out) {
  out.found = true;
  out.type = field(a, "@type");
  out.headline = field(a, "headline");
  if (out.headline.empty()) out.headline = field(a, "name");
  out.description = field(a, "description");
  out.article_body = field(a, "articleBody");
  out.date_published = field(a, "datePublished");
  out.date_modified = field(a, "dateModified");
  if (auto it = a.find("author"); it != a.end()) collect_names(*it, out.authors);
  if (auto it = a.find("creator"); out.authors.empty() && it != a.end())
    collect_names(*it, out.authors);
  out.publisher = field(a, "publisher");
  out.section = field(a, "articleSection");
  if (auto it = a.find("keywords"); it != a.end()) {
    if (it->is_array()) collect_names(*it, out.keywords);
    else if (it->is_string()) out.keywords.push_back(it->get<std::string>());
  }
  out.in_language = field(a, "inLanguage");
  out.url = field(a, "url");
}

}  // namespace

JsonLdArticle parse_json_ld(std::string_view text) {
  JsonLdArticle out;
  if (text.size() > kMaxJsonLdBytes) return out;
  json doc = json::parse(text, nullptr, /*allow_exceptions=*/false, /*ignore_comments=*/true);
  if (doc.is_discarded()) return out;
  const json* best = nullptr;
  int rank = -1;
  find_article(doc, 0, best, rank);
  if (best) fill(*best, out);
  return out;
}

JsonLdArticle read_json_ld(const html::Document& doc) {
  JsonLdArticle best;
  int best_rank = 1 << 30;
  for (html::NodeId n = doc.root(); n != html::kNoNode; n = doc.next_in(n, doc.root())) {
    if (!doc.is(n, html::Tag::k_script) || doc.attr(n, "type") != "application/ld+json") continue;
    html::NodeId t = doc.first_child(n);
    if (t == html::kNoNode || !doc.is_text(t)) continue;
    JsonLdArticle a = parse_json_ld(doc.text(t));
    if (!a.found) continue;
    int rank = 0;
    for (size_t i = 0; i < kArticleTypes.size(); ++i)
      if (kArticleTypes[i] == a.type) rank = static_cast<int>(i);
    // Prefer the most specific type; among equals, the one that has a body.
    if (rank < best_rank || (rank == best_rank && best.article_body.empty())) {
      best = std::move(a);
      best_rank = rank;
    }
  }
  return best;
}

}  // namespace lede::metadata
