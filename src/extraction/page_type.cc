#include "extraction/page_type.h"

#include <algorithm>
#include <array>
#include <string>

#include "core/text.h"

namespace lede::extraction {
namespace {

using html::kNoNode;
using html::NodeId;
using html::Tag;

// schema.org types and what they say about the page.
constexpr std::array<std::string_view, 12> kArticleTypes = {"newsarticle",
                                                            "article",
                                                            "blogposting",
                                                            "reportagenewsarticle",
                                                            "analysisnewsarticle",
                                                            "opinionnewsarticle",
                                                            "reviewnewsarticle",
                                                            "backgroundnewsarticle",
                                                            "liveblogposting",
                                                            "scholarlyarticle",
                                                            "recipe",
                                                            "report"};
constexpr std::array<std::string_view, 2> kForumTypes = {"discussionforumposting", "qapage"};
constexpr std::array<std::string_view, 3> kProductTypes = {"product", "productgroup",
                                                           "individualproduct"};
constexpr std::array<std::string_view, 3> kTechTypes = {"techarticle", "apireference",
                                                        "softwaresourcecode"};
constexpr std::array<std::string_view, 5> kListTypes = {
    "collectionpage", "itemlist", "offercatalog", "searchresultspage", "blog"};
constexpr std::array<std::string_view, 6> kServiceTypes = {
    "service",          "localbusiness",   "professionalservice",
    "financialservice", "medicalbusiness", "legalservice"};

// Generators of documentation sites, lower case.
constexpr std::array<std::string_view, 9> kDocGenerators = {"sphinx",  "mkdocs",   "docusaurus",
                                                            "gitbook", "vuepress", "docfx",
                                                            "jsdoc",   "doxygen",  "starlight"};

// Path words of an address, by the kind of page they name.
constexpr std::array<std::string_view, 9> kForumPath = {"forum",     "forums",     "community",
                                                        "thread",    "threads",    "topic",
                                                        "questions", "discussion", "discussions"};
constexpr std::array<std::string_view, 10> kDocPath = {
    "docs",   "doc",   "documentation", "api",      "reference",
    "manual", "guide", "guides",        "tutorial", "wiki"};
constexpr std::array<std::string_view, 4> kProductPath = {"product", "products", "p", "item"};
constexpr std::array<std::string_view, 5> kCollectionPath = {"collections", "collection",
                                                             "category", "categories", "shop"};
constexpr std::array<std::string_view, 8> kListingPath = {"blog",   "news", "articles", "posts",
                                                          "events", "jobs", "careers",  "press"};

template <size_t N>
bool in(const std::array<std::string_view, N>& words, std::string_view w) {
  for (std::string_view x : words)
    if (x == w) return true;
  return false;
}

bool has(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

void count_class(std::string_view lower, PageEvidence& e) {
  if (has(lower, "price")) ++e.price_names;
  if (has(lower, "cart") || has(lower, "quantity") || has(lower, "add-to-bag")) ++e.cart_names;
  if (has(lower, "product")) ++e.product_names;
  if (has(lower, "post") || has(lower, "message") || has(lower, "reply")) ++e.post_names;
  if (has(lower, "avatar") || has(lower, "username") || has(lower, "user-info")) ++e.avatar_names;
  if (has(lower, "docs") || has(lower, "toctree") || has(lower, "markdown") ||
      has(lower, "rst-content") || has(lower, "sphinx") || has(lower, "md-content") ||
      has(lower, "documentation"))
    ++e.doc_names;
  if (has(lower, "hero") || has(lower, "testimonial") || has(lower, "pricing") ||
      has(lower, "cta") || has(lower, "features"))
    ++e.landing_names;
  if (has(lower, "headerlink") || has(lower, "anchor-link") || has(lower, "hash-link")) ++e.anchors;
}

void read_schema_type(std::string_view t, PageEvidence& e) {
  const size_t slash = t.find_last_of('/');
  if (slash != std::string_view::npos) t.remove_prefix(slash + 1);
  const std::string w = core::ascii_lower(t);
  e.article_schema |= in(kArticleTypes, w);
  e.forum_schema |= in(kForumTypes, w);
  e.product_schema |= in(kProductTypes, w);
  e.tech_schema |= in(kTechTypes, w);
  e.list_schema |= in(kListTypes, w);
  e.faq_schema |= w == "faqpage";
  e.service_schema |= in(kServiceTypes, w);
}

// The @type values of a JSON-LD text: "@type": "X" and "@type": ["X", "Y"].
void read_json_ld_types(std::string_view json, PageEvidence& e) {
  for (size_t at = json.find("\"@type\""); at != std::string_view::npos;
       at = json.find("\"@type\"", at + 7)) {
    size_t i = at + 7;
    while (i < json.size() && (json[i] == ' ' || json[i] == ':' || json[i] == '\n')) ++i;
    const bool list = i < json.size() && json[i] == '[';
    for (;;) {
      while (i < json.size() && json[i] != '"' && json[i] != ']' && json[i] != ',' &&
             json[i] != '}')
        ++i;
      if (i >= json.size() || json[i] != '"') break;
      const size_t end = json.find('"', i + 1);
      if (end == std::string_view::npos) return;
      read_schema_type(json.substr(i + 1, end - i - 1), e);
      i = end + 1;
      if (!list) break;
      while (i < json.size() && json[i] == ' ') ++i;
      if (i >= json.size() || json[i] != ',') break;
      ++i;
      while (i < json.size() && json[i] == ' ') ++i;
    }
  }
}

void read_address(std::string_view url, PageEvidence& e) {
  const size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return;
  const size_t path = url.find('/', scheme + 3);
  if (path == std::string_view::npos) return;
  std::string_view p = url.substr(path);
  p = p.substr(0, p.find_first_of("?#"));
  const std::string lower = core::ascii_lower(p);
  std::string_view rest = lower;
  std::string_view last;
  int index = 0;
  while (!rest.empty()) {
    while (!rest.empty() && rest.front() == '/') rest.remove_prefix(1);
    const size_t slash = rest.find('/');
    std::string_view seg = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view() : rest.substr(slash);
    if (seg.empty()) break;
    if (index < 2) {
      e.forum_path |= in(kForumPath, seg);
      e.doc_path |= in(kDocPath, seg);
      e.product_path |= in(kProductPath, seg);
    }
    if (index == 0) e.collection_path |= in(kCollectionPath, seg);
    last = seg;
    ++index;
  }
  e.listing_path = !last.empty() && in(kListingPath, last);
  // A dated path (/2024/05/...) or a long slug of words is an article's address.
  e.article_path = index >= 2 && std::count(last.begin(), last.end(), '-') >= 4;
}

}  // namespace

std::string_view page_type_name(PageType t) {
  switch (t) {
    case PageType::kArticle:
      return "article";
    case PageType::kForum:
      return "forum";
    case PageType::kProduct:
      return "product";
    case PageType::kCollection:
      return "collection";
    case PageType::kListing:
      return "listing";
    case PageType::kDocumentation:
      return "documentation";
    case PageType::kService:
      return "service";
    case PageType::kOther:
      return "other";
  }
  return "other";
}

PageEvidence gather_page_evidence(const html::Document& doc) {
  PageEvidence e;
  std::string lower;
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in(n, doc.root())) {
    if (!doc.is_element(n)) continue;
    const Tag tag = doc.tag(n);
    if (tag == Tag::k_script) {
      if (core::ascii_lower(doc.attr(n, "type")) == "application/ld+json")
        for (NodeId c = doc.first_child(n); c != kNoNode; c = doc.next_sibling(c))
          if (doc.is_text(c)) read_json_ld_types(doc.text(c), e);
      continue;
    }
    if (tag == Tag::k_meta) {
      const std::string property = core::ascii_lower(doc.attr(n, "property"));
      const std::string name = core::ascii_lower(doc.attr(n, "name"));
      const std::string content = core::ascii_lower(doc.attr(n, "content"));
      if (property == "og:type") {
        e.og_article |= content == "article";
        e.og_product |= content.starts_with("product");
      } else if (property == "og:url") {
        read_address(doc.attr(n, "content"), e);
      } else if (name == "generator") {
        for (std::string_view g : kDocGenerators) e.doc_generator |= has(content, g);
      }
      continue;
    }
    if (tag == Tag::k_link) {
      if (core::ascii_lower(doc.attr(n, "rel")) == "canonical")
        read_address(doc.attr(n, "href"), e);
      continue;
    }
    if (tag == Tag::k_article) ++e.articles;
    if (tag == Tag::k_pre) ++e.code_blocks;
    if (tag == Tag::k_time) ++e.times;
    if (std::string_view it = doc.attr(n, "itemtype"); !it.empty()) read_schema_type(it, e);
    if (std::string_view cls = doc.attr(n, "class"); !cls.empty()) {
      lower = core::ascii_lower(cls);
      count_class(lower, e);
    }
  }
  return e;
}

std::string describe_evidence(const PageEvidence& e) {
  std::string out;
  auto flag = [&](const char* name, bool on) {
    if (!on) return;
    out += name;
    out += ' ';
  };
  auto count = [&](const char* name, uint32_t n) {
    if (n == 0) return;
    out += name;
    out += '=';
    out += std::to_string(n);
    out += ' ';
  };
  flag("article-schema", e.article_schema);
  flag("forum-schema", e.forum_schema);
  flag("product-schema", e.product_schema);
  flag("tech-schema", e.tech_schema);
  flag("list-schema", e.list_schema);
  flag("faq-schema", e.faq_schema);
  flag("service-schema", e.service_schema);
  flag("og:article", e.og_article);
  flag("og:product", e.og_product);
  flag("doc-generator", e.doc_generator);
  flag("forum-path", e.forum_path);
  flag("doc-path", e.doc_path);
  flag("product-path", e.product_path);
  flag("collection-path", e.collection_path);
  flag("listing-path", e.listing_path);
  flag("article-path", e.article_path);
  count("articles", e.articles);
  count("pre", e.code_blocks);
  count("anchors", e.anchors);
  count("price", e.price_names);
  count("cart", e.cart_names);
  count("product", e.product_names);
  count("post", e.post_names);
  count("avatar", e.avatar_names);
  count("doc", e.doc_names);
  count("landing", e.landing_names);
  count("time", e.times);
  if (!out.empty()) out.pop_back();
  return out;
}

PageType decide_page_type(const PageEvidence& e) {
  if (e.forum_schema || e.forum_path) return PageType::kForum;
  if (e.product_schema || e.og_product) return PageType::kProduct;
  if (e.tech_schema || e.doc_generator || (e.doc_path && !e.article_schema))
    return PageType::kDocumentation;
  if (e.collection_path) return PageType::kCollection;
  if (e.article_schema || (e.og_article && e.articles <= 2) || e.article_path)
    return PageType::kArticle;
  if (e.price_names >= 10 && e.product_names >= 20) return PageType::kCollection;
  if (e.articles >= 5 || e.listing_path || e.list_schema) return PageType::kListing;
  if (e.code_blocks >= 2 || e.anchors >= 3 || e.doc_names >= 3) return PageType::kDocumentation;
  if (e.faq_schema || e.service_schema || e.landing_names >= 4) return PageType::kService;
  return PageType::kArticle;
}

}  // namespace lede::extraction
