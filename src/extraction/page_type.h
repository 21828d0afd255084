// What kind of page this is: an article, a forum thread, a product, a
// collection of products, a listing of posts, documentation, a service page,
// or other. Decided from the page's markup and structure, before the body is
// chosen, so the body can be looked for the way that kind of page holds it.
//
//   PageEvidence e = gather_page_evidence(doc);
//   PageType t = decide_page_type(e);   // page_type_name(t) == "forum"
//
// The evidence, in the order the decision weighs it:
//   1. schema.org types, from JSON-LD @type and microdata itemtype
//      (DiscussionForumPosting and QAPage: a thread; Product: a product;
//      NewsArticle, BlogPosting and the like: an article; TechArticle:
//      documentation; CollectionPage, ItemList: a collection or listing);
//   2. og:type ("article", "product");
//   3. the page's own address (canonical or og:url): path words such as
//      "forum", "docs", "collections", "blog" (never a site's name);
//   4. structure: repeated <article> elements, prices and cart controls,
//      posts with avatars, code blocks, headings with anchor links, the
//      sections of a landing page (hero, features, pricing, testimonials).
// Pure functions; thread safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "html/dom.h"

namespace lede::extraction {

enum class PageType : uint8_t {
  kArticle,
  kForum,
  kProduct,
  kCollection,
  kListing,
  kDocumentation,
  kService,
  kOther,
};

// "article", "forum", "product", "collection", "listing", "documentation",
// "service", "other".
std::string_view page_type_name(PageType t);

struct PageEvidence {
  // schema.org types, JSON-LD or microdata.
  bool article_schema = false;  // NewsArticle, Article, BlogPosting, ...
  bool forum_schema = false;    // DiscussionForumPosting, QAPage
  bool product_schema = false;  // Product, ProductGroup
  bool tech_schema = false;     // TechArticle, APIReference, SoftwareSourceCode
  bool list_schema = false;     // CollectionPage, ItemList, OfferCatalog, SearchResultsPage
  bool faq_schema = false;      // FAQPage
  bool service_schema = false;  // Service, LocalBusiness, ProfessionalService, ...
  bool og_article = false;
  bool og_product = false;
  bool doc_generator = false;  // <meta name=generator>: Sphinx, MkDocs, Docusaurus, ...
  // Path words of the page's own address.
  bool forum_path = false, doc_path = false, product_path = false, collection_path = false,
       listing_path = false, article_path = false;
  // Counts over the page.
  uint32_t articles = 0;       // <article> elements
  uint32_t code_blocks = 0;    // <pre>
  uint32_t anchors = 0;        // heading permalinks ("¶", class headerlink / anchor)
  uint32_t price_names = 0;    // elements whose class names a price
  uint32_t cart_names = 0;     // ... a cart, a quantity, an add-to-cart control
  uint32_t product_names = 0;  // ... a product
  uint32_t post_names = 0;     // ... a post, message or reply
  uint32_t avatar_names = 0;   // ... an avatar or a user's card
  uint32_t doc_names = 0;      // ... docs, a table of contents, markdown or rst content
  uint32_t landing_names = 0;  // ... a hero, features, pricing, testimonials, a call to action
  uint32_t times = 0;          // <time> elements
};

PageEvidence gather_page_evidence(const html::Document& doc);

PageType decide_page_type(const PageEvidence& e);

// The evidence as one line of "name=value" pairs, for `lede extract --explain`.
std::string describe_evidence(const PageEvidence& e);

}  // namespace lede::extraction
