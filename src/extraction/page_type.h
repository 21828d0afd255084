// What kind of page this is: an article, a forum thread, a product, a
// collection of products, a listing of posts, documentation, a service page,
// or other. Decided from the page's markup and structure, before the body is
// chosen, so the body can be looked for the way that kind of page holds it.
//
//   PageEvidence e = gather_page_evidence(doc);
//   PageType t = decide_page_type(e);   // page_type_name(t) == "forum"
//
// The evidence:
//   1. schema.org types, from JSON-LD @type and microdata itemtype
//      (DiscussionForumPosting and QAPage: a thread; Product, Offer;
//      NewsArticle, BlogPosting and the like; TechArticle; CollectionPage,
//      ItemList; FAQPage, Service, BreadcrumbList, ...), og:type, and the
//      dates and authors of <meta>;
//   2. the page's own address (canonical or og:url): path words such as
//      "forum", "docs", "collections", "services", "tag" (never a site's
//      name), its depth, a year or an id in it, the words of its last part;
//   3. structure: counts of elements (forms, headings, paragraphs, links,
//      tables, <pre>, <time>), of class names (prices, carts, posts, avatars,
//      cards, filters, pagination, a hero or pricing section), prices in the
//      text, runs of like siblings (cards, tiles, posts) and of those holding a
//      heading and a link, paragraphs of prose and how they stand together;
//      where the text stands (menus, asides, code, headings, link blocks, the
//      run of like siblings holding the most of it, and whether its items hold
//      dates, prices, images); dates and version strings in the text;
//   4. which words of a vocabulary of about a thousand the text holds (words
//      found on many sites, none a word of a site's name), which of 300
//      its title and first <h1> hold (words found on the titles of many sites),
//      and which of a thousand its elements' class and id names hold ("cart",
//      "reply", "toc": the words of themes and platforms many sites share).
// A multinomial logistic regression over these (page_features() and the
// words), trained on WCXB's development split (bench/page_type/
// train_page_type.py, which also says how to make the table again), weighs
// them; a forum's own schema.org type overrules it.
// Pure functions; thread safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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
// The type of that name ("forum"), none when the name is none of the above.
std::optional<PageType> page_type_named(std::string_view name);

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
  // More schema.org types and og:type.
  bool breadcrumb_schema = false;  // BreadcrumbList
  bool offer_schema = false;       // Offer, AggregateOffer
  bool rating_schema = false;      // AggregateRating, Review
  bool event_schema = false;       // Event and its kinds
  bool job_schema = false;         // JobPosting
  bool webpage_schema = false;     // WebPage, AboutPage, ContactPage
  bool howto_schema = false;       // HowTo
  bool software_schema = false;    // SoftwareApplication, WebApplication
  bool question_schema = false;    // Question, Answer, Comment
  bool og_website = false;
  bool og_any = false;  // any og:type
  // The shape of the page's own address.
  bool has_address = false;
  bool service_path = false;  // services, solutions, pricing, about, ...
  bool archive_path = false;  // tag, category, author, archive, page, search
  bool date_path = false;     // a year segment (/2024/)
  bool numeric_path = false;  // a segment of digits only (an id)
  bool html_path = false;     // the last segment ends in .html, .htm, .php, .aspx
  uint32_t path_depth = 0;    // segments in the path
  uint32_t slug_words = 0;    // hyphen-separated words of the last segment
  // Elements.
  uint32_t elements = 0;
  uint32_t forms = 0, inputs = 0, buttons = 0, selects = 0, textareas = 0;
  uint32_t h1 = 0, h2 = 0, h3 = 0;  // h3 counts h4-h6 too
  uint32_t paragraphs = 0, list_items = 0, links = 0, images = 0, tables = 0, sections = 0,
           navs = 0, asides = 0, inline_code = 0, definitions = 0, blockquotes = 0;
  // Text outside scripts and styles, and the part of it inside links (bytes).
  uint64_t text_bytes = 0, link_text_bytes = 0;
  uint32_t currency = 0;  // prices in the text: a currency sign beside a digit
  // Siblings of one tag and class under one parent: the largest such run,
  // and how many parents hold at least four (cards, tiles, posts, rows).
  uint32_t max_repeat = 0, repeat_groups = 0;
  // Siblings of one tag and class that each hold a heading and a link: the
  // largest run of titled cards, and how many parents hold at least four.
  uint32_t max_titled_cards = 0, titled_card_groups = 0;
  // Prose: paragraphs of at least 200 bytes, their bytes, and the most
  // paragraphs of at least 80 bytes under one parent (an article's body).
  uint32_t long_paragraphs = 0, max_sibling_paragraphs = 0;
  uint64_t long_paragraph_bytes = 0;
  uint32_t h1_words = 0, title_words = 0;  // the first <h1>'s and the <title>'s
  bool published = false;                  // article:published_time, datePublished
  bool author_meta = false;                // <meta name=author>, article:author, rel=author
  // More class names.
  uint32_t comment_names = 0, breadcrumb_names = 0, pager_names = 0, filter_names = 0,
           card_names = 0, grid_names = 0, thread_names = 0, vote_names = 0, rating_names = 0,
           sku_names = 0, toc_names = 0, sidebar_names = 0, author_names = 0, share_names = 0,
           related_names = 0, section_names = 0, faq_names = 0, team_names = 0;
  // Where the text stands (bytes): inside <nav>, <header> or <footer>; inside
  // <aside>; in <pre> or <code>; in headings; in <p>; in list items; in table
  // cells; in forms.
  uint64_t nav_text_bytes = 0, aside_text_bytes = 0, code_text_bytes = 0, heading_text_bytes = 0,
           paragraph_text_bytes = 0, item_text_bytes = 0, cell_text_bytes = 0, form_text_bytes = 0;
  // Text in the outermost blocks (lists, tables, divisions) whose text is
  // mostly link text: menus, link boxes, teaser columns.
  uint64_t link_block_bytes = 0;
  // The run of like siblings (four or more) that holds the most text: its
  // text, its link text, its items, and how many of them hold a date, a
  // price, an image. Posts of a thread, cards of a listing, tiles of a shop.
  uint64_t run_text_bytes = 0, run_link_bytes = 0;
  uint32_t run_items = 0, run_dated = 0, run_priced = 0, run_imaged = 0;
  // Text of the body paragraphs (80 bytes or more) under the one parent that
  // holds the most of it: an article's body.
  uint64_t body_bytes = 0;
  uint32_t dates = 0;             // text holding a date: "12 May 2024", "2024-05-12", "3 days ago"
  uint32_t versions = 0;          // text holding a version: "v2.1", "1.4.0"
  uint32_t nested_lists = 0;      // lists inside list items (tables of contents, menus)
  uint32_t heading_ids = 0;       // h2-h6 with an id (a documentation page's anchors)
  uint32_t breadcrumb_items = 0;  // ListItem in JSON-LD
  uint32_t short_paragraphs = 0;  // <p> of 1 to 79 bytes
  uint32_t date_names = 0;        // elements whose class names a date
  uint32_t addresses = 0;         // <address>
  uint32_t contact_inputs = 0;    // <input type=email|tel>
  uint32_t figures = 0;           // <figure>
  // The words of the model's vocabulary that the page's text holds (their
  // indexes, ascending): "reply", "cart", "consultation", "installation".
  std::vector<uint16_t> words;
  // The words of the model's title vocabulary that the page's <title> and
  // first <h1> hold (indexes, ascending): "forum", "documentation", "shop", "best".
  std::vector<uint16_t> title_words_held;
  // The words of the model's class vocabulary that the class and id names of
  // the page's elements hold (indexes, ascending): "cart", "reply", "toc".
  std::vector<uint16_t> class_words_held;
};

PageEvidence gather_page_evidence(const html::Document& doc);

// The distinct words of the page's text (outside scripts and styles), as the
// model reads them: runs of ASCII letters, lower case, 2 to kMaxWordLetters
// long. For training; gather_page_evidence() keeps only the vocabulary's.
inline constexpr size_t kMaxWordLetters = 16;
std::vector<std::string> page_words(const html::Document& doc);
// The distinct words of the page's <title> and first <h1>, read as above.
std::vector<std::string> page_title_words(const html::Document& doc);
// The distinct words of the class and id names of the page's elements
// ("product-card__price" gives "product", "card", "price"): read as above,
// but 3 letters long at least.
inline constexpr size_t kMinNameWordLetters = 3;
std::vector<std::string> page_class_words(const html::Document& doc);

// The evidence as the features the page-type model reads: flags as 0 or 1,
// counts as log(1 + n), shares in [0, 1]; page_feature_names() names them.
inline constexpr size_t kPageFeatureCount = 133;
using PageFeatures = std::array<float, kPageFeatureCount>;
PageFeatures page_features(const PageEvidence& e);
const std::array<std::string_view, kPageFeatureCount>& page_feature_names();

// The page type: the learned model (page_type_model.inc, made by
// bench/page_type/train_page_type.py), after the few markup statements it
// does not overrule.
PageType decide_page_type(const PageEvidence& e);

// The type and how sure the model is of it.
struct PageTypeDecision {
  PageType type = PageType::kArticle;
  float lead_over_article = 0;  // the type's score less the article's; 0 for an article
  PageType runner_up = PageType::kArticle;  // the model's second choice
  float lead_over_runner_up = 0;            // the type's score less the second's
};
PageTypeDecision decide_page_type_scored(const PageEvidence& e);

// A type the caller knows (lede::Options::page_type, `lede extract
// --page-type`): sure of it, so the page is read as that kind only, with no
// second choice.
PageTypeDecision given_page_type(PageType t);

// The hand-written rules the model replaced, kept to compare against it.
PageType decide_page_type_by_rules(const PageEvidence& e);

// The evidence as one line of "name=value" pairs, for `lede extract --explain`.
std::string describe_evidence(const PageEvidence& e);

}  // namespace lede::extraction
