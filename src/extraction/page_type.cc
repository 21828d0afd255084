#include "extraction/page_type.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cassert>
#include <cmath>
#include <limits>
#include <set>
#include <string>
#include <vector>

#include "core/text.h"
#include "extraction/vocabulary.h"

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
constexpr std::array<std::string_view, 14> kServicePath = {
    "services", "service", "solutions",  "solution", "pricing",    "features",   "about",
    "about-us", "contact", "contact-us", "platform", "industries", "consulting", "plans"};
constexpr std::array<std::string_view, 10> kArchivePath = {
    "tag",     "tags",     "category", "categories", "author",
    "archive", "archives", "page",     "search",     "topics"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_digits(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

template <size_t N>
bool in(const std::array<std::string_view, N>& words, std::string_view w) {
  for (std::string_view x : words)
    if (x == w) return true;
  return false;
}

bool has(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

// Words of class names and the count each adds to (once an element).
struct ClassWord {
  std::string_view word;
  uint32_t PageEvidence::*count;
};
constexpr ClassWord kClassWords[] = {
    {"price", &PageEvidence::price_names},
    {"cart", &PageEvidence::cart_names},
    {"quantity", &PageEvidence::cart_names},
    {"add-to-bag", &PageEvidence::cart_names},
    {"product", &PageEvidence::product_names},
    {"post", &PageEvidence::post_names},
    {"message", &PageEvidence::post_names},
    {"reply", &PageEvidence::post_names},
    {"avatar", &PageEvidence::avatar_names},
    {"username", &PageEvidence::avatar_names},
    {"user-info", &PageEvidence::avatar_names},
    {"docs", &PageEvidence::doc_names},
    {"toctree", &PageEvidence::doc_names},
    {"markdown", &PageEvidence::doc_names},
    {"rst-content", &PageEvidence::doc_names},
    {"sphinx", &PageEvidence::doc_names},
    {"md-content", &PageEvidence::doc_names},
    {"documentation", &PageEvidence::doc_names},
    {"hero", &PageEvidence::landing_names},
    {"testimonial", &PageEvidence::landing_names},
    {"pricing", &PageEvidence::landing_names},
    {"cta", &PageEvidence::landing_names},
    {"features", &PageEvidence::landing_names},
    {"headerlink", &PageEvidence::anchors},
    {"anchor-link", &PageEvidence::anchors},
    {"hash-link", &PageEvidence::anchors},
    {"comment", &PageEvidence::comment_names},
    {"breadcrumb", &PageEvidence::breadcrumb_names},
    {"pagination", &PageEvidence::pager_names},
    {"pager", &PageEvidence::pager_names},
    {"page-numbers", &PageEvidence::pager_names},
    {"filter", &PageEvidence::filter_names},
    {"facet", &PageEvidence::filter_names},
    {"sort", &PageEvidence::filter_names},
    {"card", &PageEvidence::card_names},
    {"tile", &PageEvidence::card_names},
    {"grid", &PageEvidence::grid_names},
    {"thread", &PageEvidence::thread_names},
    {"topic", &PageEvidence::thread_names},
    {"vote", &PageEvidence::vote_names},
    {"reaction", &PageEvidence::vote_names},
    {"like-count", &PageEvidence::vote_names},
    {"rating", &PageEvidence::rating_names},
    {"review", &PageEvidence::rating_names},
    {"star", &PageEvidence::rating_names},
    {"sku", &PageEvidence::sku_names},
    {"stock", &PageEvidence::sku_names},
    {"variant", &PageEvidence::sku_names},
    {"swatch", &PageEvidence::sku_names},
    {"toc", &PageEvidence::toc_names},
    {"table-of-contents", &PageEvidence::toc_names},
    {"sidebar", &PageEvidence::sidebar_names},
    {"author", &PageEvidence::author_names},
    {"byline", &PageEvidence::author_names},
    {"share", &PageEvidence::share_names},
    {"social", &PageEvidence::share_names},
    {"related", &PageEvidence::related_names},
    {"section", &PageEvidence::section_names},
    {"faq", &PageEvidence::faq_names},
    {"accordion", &PageEvidence::faq_names},
    {"team", &PageEvidence::team_names},
    {"client", &PageEvidence::team_names},
    {"partner", &PageEvidence::team_names},
    {"service", &PageEvidence::team_names},
};
constexpr size_t kClassWordCount = sizeof(kClassWords) / sizeof(kClassWords[0]);
static_assert(kClassWordCount <= 64, "one bit a word");

// The class words by their first letter, so that one pass over a class
// attribute looks up only the words that can start at each character.
struct ClassWordIndex {
  std::array<std::vector<uint8_t>, 128> by_first;
  ClassWordIndex() {
    for (size_t i = 0; i < kClassWordCount; ++i)
      by_first[static_cast<unsigned char>(kClassWords[i].word[0])].push_back(
          static_cast<uint8_t>(i));
  }
};

// Counts the class words in a lower-case class attribute: each count at most
// once, however many of its words the attribute holds.
void count_class(std::string_view lower, PageEvidence& e) {
  static const ClassWordIndex index;
  uint64_t found = 0;
  for (size_t i = 0; i < lower.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(lower[i]);
    if (c >= 128) continue;
    for (uint8_t w : index.by_first[c]) {
      const std::string_view word = kClassWords[w].word;
      if (i + word.size() > lower.size()) continue;
      size_t k = 1;
      while (k < word.size() && lower[i + k] == word[k]) ++k;
      if (k == word.size()) found |= uint64_t{1} << w;
    }
  }
  if (found == 0) return;
  // Words that add to the same count add once.
  uint64_t counted = 0;
  for (size_t w = 0; w < kClassWordCount; ++w) {
    if (!(found & (uint64_t{1} << w))) continue;
    uint32_t PageEvidence::*count = kClassWords[w].count;
    bool seen = false;
    for (size_t v = 0; v < w && !seen; ++v)
      seen = (counted & (uint64_t{1} << v)) && kClassWords[v].count == count;
    if (!seen) ++(e.*count);
    counted |= uint64_t{1} << w;
  }
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
  e.breadcrumb_schema |= w == "breadcrumblist";
  e.offer_schema |= w == "offer" || w == "aggregateoffer";
  e.rating_schema |= w == "aggregaterating" || w == "review";
  e.event_schema |= w.ends_with("event");
  e.job_schema |= w == "jobposting";
  e.webpage_schema |= w == "webpage" || w == "aboutpage" || w == "contactpage";
  e.howto_schema |= w == "howto";
  e.software_schema |= w == "softwareapplication" || w == "webapplication";
  e.question_schema |= w == "question" || w == "answer" || w == "comment";
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
    e.service_path |= in(kServicePath, seg);
    e.archive_path |= in(kArchivePath, seg);
    e.date_path |= seg.size() == 4 && is_digits(seg) && (seg[0] == '1' || seg[0] == '2');
    e.numeric_path |= is_digits(seg);
    last = seg;
    ++index;
  }
  e.listing_path = !last.empty() && in(kListingPath, last);
  // A dated path (/2024/05/...) or a long slug of words is an article's address.
  e.article_path = index >= 2 && std::count(last.begin(), last.end(), '-') >= 4;
  e.has_address = true;
  e.path_depth = static_cast<uint32_t>(index);
  e.slug_words =
      last.empty() ? 0 : static_cast<uint32_t>(std::count(last.begin(), last.end(), '-') + 1);
  e.html_path = last.ends_with(".html") || last.ends_with(".htm") || last.ends_with(".php") ||
                last.ends_with(".aspx");
}

// A currency sign next to a digit: "$12", "12 €", "£3.50".
bool has_price(std::string_view t) {
  static constexpr std::array<std::string_view, 5> kSigns = {"$", "€", "£", "¥", "₹"};
  for (size_t at = 0; at < t.size(); ++at) {
    // Every sign starts with one of these bytes.
    const char c = t[at];
    if (c != '$' && c != '\xC2' && c != '\xE2') continue;
    for (std::string_view sign : kSigns) {
      if (t.substr(at, sign.size()) != sign) continue;
      const size_t after = at + sign.size();
      if (after < t.size() && is_digit(t[after])) return true;
      if (after + 1 < t.size() && t[after] == ' ' && is_digit(t[after + 1])) return true;
      if (at >= 2 && t[at - 1] == ' ' && is_digit(t[at - 2])) return true;
      if (at >= 1 && is_digit(t[at - 1])) return true;
    }
  }
  return false;
}

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Whether w is a month's name, its first three letters, or "Sept", in any case.
bool is_month_word(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kMonths = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (w.size() < 3 || w.size() > 9) return false;
  char lower[9];
  for (size_t i = 0; i < w.size(); ++i) lower[i] = core::ascii_lower(w[i]);
  const std::string_view l(lower, w.size());
  for (std::string_view m : kMonths)
    if (l == m || (l.size() == 3 && m.starts_with(l)) || (l == "sept" && m == "september"))
      return true;
  return false;
}

// A date in the text: "2024-05-12", "12/05/2024", "12.5.2024", "May 12",
// "12 May", "3 days ago". Looked for around each run of digits.
bool has_date(std::string_view t) {
  for (size_t i = 0; i < t.size();) {
    if (!is_digit(t[i])) {
      ++i;
      continue;
    }
    const size_t begin = i;
    while (i < t.size() && is_digit(t[i])) ++i;
    const size_t digits = i - begin;
    // 2024-05-12, 12/05/2024, 12.05.2024
    if (i + 1 < t.size() && (t[i] == '-' || t[i] == '/' || t[i] == '.') && is_digit(t[i + 1])) {
      const char sep = t[i];
      size_t j = i + 1;
      while (j < t.size() && is_digit(t[j])) ++j;
      const size_t second = j - i - 1;
      if (j + 1 < t.size() && t[j] == sep && is_digit(t[j + 1]) && second <= 2) {
        size_t k = j + 1;
        while (k < t.size() && is_digit(t[k])) ++k;
        const size_t third = k - j - 1;
        if ((digits == 4 && third <= 2) || (digits <= 2 && (third == 4 || third == 2))) return true;
      }
    }
    if (digits > 4) continue;
    // A month's name just before ("May 12", "Jan. 3") or just after ("12 May").
    size_t end = begin;
    while (end > 0 && (t[end - 1] == ' ' || t[end - 1] == '.' || t[end - 1] == ',')) --end;
    if (end < begin && begin - end <= 2) {
      size_t w = end;
      while (w > 0 && is_alpha(t[w - 1])) --w;
      if (is_month_word(t.substr(w, end - w))) return true;
    }
    size_t w = i;
    while (w < t.size() && (t[w] == ' ' || t[w] == '.' || t[w] == ',')) ++w;
    if (w > i + 2) continue;
    size_t e = w;
    while (e < t.size() && is_alpha(t[e])) ++e;
    const std::string_view word = t.substr(w, e - w);
    if (is_month_word(word)) return true;
    // "3 days ago", "5 hours ago"
    if (word.size() >= 3 && e + 4 <= t.size() && t.substr(e, 4) == " ago") return true;
  }
  return false;
}

// A version string in the text: "v2.1", "V3", "1.4.0".
bool has_version(std::string_view t) {
  for (size_t i = 0; i < t.size();) {
    if (!is_digit(t[i])) {
      ++i;
      continue;
    }
    const bool after_v =
        i > 0 && (t[i - 1] == 'v' || t[i - 1] == 'V') && (i < 2 || !is_alpha(t[i - 2]));
    size_t parts = 1;
    while (i < t.size() && is_digit(t[i])) ++i;
    while (i + 1 < t.size() && t[i] == '.' && is_digit(t[i + 1])) {
      ++parts;
      ++i;
      while (i < t.size() && is_digit(t[i])) ++i;
    }
    if ((after_v && parts >= 2) || parts == 3) return true;
  }
  return false;
}

// Calls fn with each word of t: a run of ASCII letters, in lower case, of 2
// to kMaxWordLetters letters (longer runs are skipped).
template <class Fn>
void for_each_word(std::string_view t, Fn&& fn) {
  char word[kMaxWordLetters];
  size_t letters = 0;
  bool too_long = false;
  for (size_t i = 0; i <= t.size(); ++i) {
    const char c = i < t.size() ? t[i] : ' ';
    if (is_alpha(c)) {
      if (letters < kMaxWordLetters)
        word[letters++] = core::ascii_lower(c);
      else
        too_long = true;
      continue;
    }
    if (letters >= 2 && !too_long) fn(std::string_view(word, letters));
    letters = 0;
    too_long = false;
  }
}

// Calls fn with each word of element n's class and id names, as
// for_each_word, of kMinNameWordLetters letters or more.
template <class Fn>
void for_each_name_word(const html::Document& doc, NodeId n, Fn&& fn) {
  for (std::string_view name : {doc.attr(n, "class"), doc.attr(n, "id")})
    for_each_word(name, [&](std::string_view w) {
      if (w.size() >= kMinNameWordLetters) fn(w);
    });
}

// Calls fn with each word of the text under element n, as for_each_word.
template <class Fn>
void for_each_text_word(const html::Document& doc, NodeId n, Fn&& fn) {
  for (NodeId c = doc.first_child(n); c != kNoNode; c = doc.next_in(c, n))
    if (doc.is_text(c)) for_each_word(doc.text(c), fn);
}

bool is_hidden_text(const html::Document& doc, NodeId text) {
  const NodeId parent = doc.parent(text);
  return parent != kNoNode && (doc.is(parent, Tag::k_script) || doc.is(parent, Tag::k_style));
}

// Children of n sharing the tag and class of its first or second element
// child: the length of a run of cards, tiles or posts.
uint32_t repeated_children(const html::Document& doc, NodeId n) {
  NodeId first = kNoNode, second = kNoNode;
  for (NodeId c = doc.first_child(n); c != kNoNode && second == kNoNode; c = doc.next_sibling(c))
    if (doc.is_element(c)) (first == kNoNode ? first : second) = c;
  if (second == kNoNode) return 0;
  uint32_t same_first = 0, same_second = 0;
  const std::string_view class_first = doc.attr(first, "class");
  const std::string_view class_second = doc.attr(second, "class");
  for (NodeId c = first; c != kNoNode; c = doc.next_sibling(c)) {
    if (!doc.is_element(c)) continue;
    const std::string_view cls = doc.attr(c, "class");
    same_first += doc.tag(c) == doc.tag(first) && cls == class_first;
    same_second += doc.tag(c) == doc.tag(second) && cls == class_second;
  }
  return std::max(same_first, same_second);
}

// What an element's subtree holds (its `marks`).
constexpr uint8_t kBelowHeading = 1, kBelowLink = 2, kBelowDate = 4, kBelowPrice = 8,
                  kBelowImage = 16;
constexpr uint8_t kTitled = kBelowHeading | kBelowLink;

// What a node stands inside (its `inside`).
constexpr uint16_t kInNav = 1, kInAside = 2, kInCode = 4, kInHeading = 8, kInParagraph = 16,
                   kInItem = 32, kInCell = 64, kInForm = 128, kInLink = 256;

uint16_t inside_bit(Tag tag) {
  if (heading_level(tag) > 0) return kInHeading;
  switch (tag) {
    case Tag::k_nav:
    case Tag::k_header:
    case Tag::k_footer:
      return kInNav;
    case Tag::k_aside:
      return kInAside;
    case Tag::k_pre:
    case Tag::k_code:
      return kInCode;
    case Tag::k_p:
      return kInParagraph;
    case Tag::k_li:
      return kInItem;
    case Tag::k_td:
    case Tag::k_th:
      return kInCell;
    case Tag::k_form:
      return kInForm;
    case Tag::k_a:
      return kInLink;
    default:
      return 0;
  }
}

// Blocks whose text, when mostly link text, makes a link block.
bool is_link_block_tag(Tag tag) {
  switch (tag) {
    case Tag::k_div:
    case Tag::k_section:
    case Tag::k_ul:
    case Tag::k_ol:
    case Tag::k_table:
    case Tag::k_nav:
    case Tag::k_aside:
    case Tag::k_header:
    case Tag::k_footer:
    case Tag::k_article:
    case Tag::k_p:
    case Tag::k_dl:
      return true;
    default:
      return false;
  }
}

// A run of like children: how many, what they hold.
struct Run {
  uint32_t items = 0, dated = 0, priced = 0, imaged = 0;
  uint64_t text = 0, link = 0;
};

// The children of n sharing the tag and class of its first or second element
// child (whichever more share), with the text each subtree holds.
Run children_run(const html::Document& doc, NodeId n, const std::vector<uint8_t>& marks,
                 const std::vector<uint32_t>& text_below, const std::vector<uint32_t>& link_below) {
  NodeId first = kNoNode, second = kNoNode;
  for (NodeId c = doc.first_child(n); c != kNoNode && second == kNoNode; c = doc.next_sibling(c))
    if (doc.is_element(c)) (first == kNoNode ? first : second) = c;
  Run run;
  if (second == kNoNode) return run;
  auto like = [&](NodeId a, NodeId b) {
    return doc.tag(a) == doc.tag(b) && doc.attr(a, "class") == doc.attr(b, "class");
  };
  uint32_t same_first = 0, same_second = 0;
  for (NodeId c = first; c != kNoNode; c = doc.next_sibling(c)) {
    if (!doc.is_element(c)) continue;
    same_first += like(c, first);
    same_second += like(c, second);
  }
  const NodeId key = same_first >= same_second ? first : second;
  for (NodeId c = first; c != kNoNode; c = doc.next_sibling(c)) {
    if (!doc.is_element(c) || !like(c, key)) continue;
    ++run.items;
    run.dated += (marks[c] & kBelowDate) != 0;
    run.priced += (marks[c] & kBelowPrice) != 0;
    run.imaged += (marks[c] & kBelowImage) != 0;
    run.text += text_below[c];
    run.link += link_below[c];
  }
  return run;
}

// Runs of siblings of one tag and class under n that each hold a heading and
// a link (`marks`: kTitled).
uint32_t titled_children(const html::Document& doc, NodeId n, const std::vector<uint8_t>& marks) {
  NodeId first = kNoNode;
  uint32_t same = 0, elements = 0;
  std::string_view first_class;
  for (NodeId c = doc.first_child(n); c != kNoNode; c = doc.next_sibling(c)) {
    if (!doc.is_element(c) || (marks[c] & kTitled) != kTitled) continue;
    ++elements;
    if (first == kNoNode) {
      first = c;
      first_class = doc.attr(c, "class");
    }
    same += doc.tag(c) == doc.tag(first) && doc.attr(c, "class") == first_class;
  }
  return elements >= 2 ? same : 0;
}

// Words of the text in n's subtree, up to a cap.
uint32_t subtree_words(const html::Document& doc, NodeId n) {
  constexpr uint32_t kMaxWords = 64;  // a headline is far shorter
  uint32_t words = 0;
  for (NodeId c = doc.first_child(n); c != kNoNode && words < kMaxWords; c = doc.next_in(c, n)) {
    if (!doc.is_text(c)) continue;
    bool in_word = false;
    for (char ch : doc.text(c)) {
      const bool space = core::is_ascii_space(ch);
      words += !space && !in_word;
      in_word = !space;
    }
  }
  return std::min(words, kMaxWords);
}

// Bytes of text in n's subtree.
uint64_t subtree_text_bytes(const html::Document& doc, NodeId n) {
  uint64_t bytes = 0;
  for (NodeId c = doc.first_child(n); c != kNoNode; c = doc.next_in(c, n))
    if (doc.is_text(c)) bytes += doc.text(c).size();
  return bytes;
}

// Runs of this many like siblings are a page's cards.
constexpr uint32_t kMinRepeatGroup = 4;
// Paragraphs this long (bytes) are prose; this long, part of a body of prose.
constexpr uint64_t kLongParagraph = 200;
constexpr uint64_t kBodyParagraph = 80;
// A block whose text is this share link text is a link block, when it holds
// this many bytes.
constexpr double kLinkBlockShare = 0.6;
constexpr uint32_t kMinLinkBlockBytes = 40;

// The evidence that needs each subtree's text: sums the text up the tree
// (children before parents), then finds the link blocks, the run of like
// siblings holding the most text, and the largest group of body paragraphs.
void gather_text_structure(const html::Document& doc, const std::vector<NodeId>& order,
                           const std::vector<uint8_t>& marks, std::vector<uint32_t>& text_below,
                           std::vector<uint32_t>& link_below,
                           const std::vector<NodeId>& run_parents, PageEvidence& e) {
  for (size_t i = order.size(); i-- > 0;) {
    const NodeId n = order[i];
    const NodeId p = doc.parent(n);
    if (p == kNoNode) continue;
    text_below[p] += text_below[n];
    link_below[p] += link_below[n];
  }
  // Body paragraphs' text, by parent.
  std::vector<uint32_t> paragraph_below(doc.node_count(), 0);
  for (NodeId n : order) {
    if (!doc.is(n, Tag::k_p) || text_below[n] < kBodyParagraph) continue;
    const NodeId p = doc.parent(n);
    if (p == kNoNode) continue;
    paragraph_below[p] += text_below[n];
    e.body_bytes = std::max<uint64_t>(e.body_bytes, paragraph_below[p]);
  }
  for (NodeId n = doc.root(); n != kNoNode;) {
    const bool block = doc.is_element(n) && is_link_block_tag(doc.tag(n)) &&
                       text_below[n] >= kMinLinkBlockBytes &&
                       link_below[n] >= kLinkBlockShare * text_below[n];
    if (block) e.link_block_bytes += text_below[n];
    n = doc.next_in(n, doc.root(), block);
  }
  for (NodeId n : run_parents) {
    const Run run = children_run(doc, n, marks, text_below, link_below);
    if (run.items < kMinRepeatGroup || run.text <= e.run_text_bytes) continue;
    e.run_text_bytes = run.text;
    e.run_link_bytes = run.link;
    e.run_items = run.items;
    e.run_dated = run.dated;
    e.run_priced = run.priced;
    e.run_imaged = run.imaged;
  }
}

#include "extraction/page_type_model.inc"

// One of the model's vocabularies (kPageTypeWords, kPageTypeTitleWords,
// kPageTypeClassWords): a word's index in it, found by an open-addressed
// table of four slots a word (every word of a page is looked up, so no
// allocation and no division).
template <const auto& kWords>
class Vocabulary {
 public:
  Vocabulary() {
    for (size_t i = 0; i < kWords.size(); ++i) {
      size_t slot = hash(kWords[i]) & kMask;
      while (slots_[slot] != 0) slot = (slot + 1) & kMask;
      slots_[slot] = static_cast<uint16_t>(i + 1);
    }
  }
  // The word's index, or -1.
  int find(std::string_view word) const {
    for (size_t slot = hash(word) & kMask; slots_[slot] != 0; slot = (slot + 1) & kMask)
      if (kWords[slots_[slot] - 1] == word) return slots_[slot] - 1;
    return -1;
  }

 private:
  static constexpr size_t kSlots = std::bit_ceil(kWords.size() * 4);
  static constexpr size_t kMask = kSlots - 1;
  static uint32_t hash(std::string_view w) {
    uint32_t h = 2166136261u;  // FNV-1a
    for (char c : w) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h;
  }
  std::array<uint16_t, kSlots> slots_{};
};

// The indexes of a vocabulary's words a page holds, ascending.
template <size_t N>
std::vector<uint16_t> held_indexes(const std::array<uint8_t, N>& held) {
  std::vector<uint16_t> indexes;
  for (size_t i = 0; i < N; ++i)
    if (held[i]) indexes.push_back(static_cast<uint16_t>(i));
  return indexes;
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

std::optional<PageType> page_type_named(std::string_view name) {
  for (uint8_t t = 0; t <= static_cast<uint8_t>(PageType::kOther); ++t)
    if (page_type_name(static_cast<PageType>(t)) == name) return static_cast<PageType>(t);
  return std::nullopt;
}

PageEvidence gather_page_evidence(const html::Document& doc) {
  PageEvidence e;
  std::string lower;
  const size_t nodes = doc.node_count();
  // What each element's subtree holds (kBelow*), what each node stands in
  // (kIn*), and the text and link text of each subtree (bytes).
  std::vector<uint8_t> marks(nodes, 0);
  std::vector<uint16_t> inside(nodes, 0);
  std::vector<uint32_t> text_below(nodes, 0), link_below(nodes, 0);
  std::vector<NodeId> order;  // the nodes, parents before children
  order.reserve(nodes);
  std::vector<NodeId> run_parents;  // elements with a run of like children
  auto mark_up = [&](NodeId n, uint8_t bit) {
    for (NodeId a = doc.parent(n); a != kNoNode && !(marks[a] & bit); a = doc.parent(a))
      marks[a] |= bit;
  };
  NodeId paragraph_parent = kNoNode;
  uint32_t sibling_paragraphs = 0;
  bool seen_h1 = false, seen_title = false;
  static const Vocabulary<kPageTypeWords> vocabulary;
  static const Vocabulary<kPageTypeTitleWords> title_vocabulary;
  static const Vocabulary<kPageTypeClassWords> class_vocabulary;
  // Which of each vocabulary's words the page holds (on the stack: no
  // allocation a page).
  std::array<uint8_t, kPageTypeWords.size()> words{};
  std::array<uint8_t, kPageTypeTitleWords.size()> title_held{};
  std::array<uint8_t, kPageTypeClassWords.size()> class_held{};
  const auto read_title = [&](NodeId n) {
    for_each_text_word(doc, n, [&](std::string_view w) {
      if (const int i = title_vocabulary.find(w); i >= 0) title_held[i] = 1;
    });
  };
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in(n, doc.root())) {
    order.push_back(n);
    const NodeId parent = doc.parent(n);
    if (doc.is_text(n)) {
      if (is_hidden_text(doc, n)) continue;
      const std::string_view t = doc.text(n);
      for_each_word(t, [&](std::string_view w) {
        if (const int i = vocabulary.find(w); i >= 0) words[i] = 1;
      });
      e.text_bytes += t.size();
      const bool price = has_price(t);
      e.currency += price;
      if (price) mark_up(n, kBelowPrice);
      if (has_date(t)) {
        ++e.dates;
        mark_up(n, kBelowDate);
      }
      e.versions += has_version(t);
      const uint16_t in = parent == kNoNode ? 0 : inside[parent];
      const uint32_t bytes = static_cast<uint32_t>(t.size());
      text_below[n] = bytes;
      if (in & kInLink) link_below[n] = bytes;
      if (in & kInNav) e.nav_text_bytes += bytes;
      if (in & kInAside) e.aside_text_bytes += bytes;
      if (in & kInCode) e.code_text_bytes += bytes;
      if (in & kInHeading) e.heading_text_bytes += bytes;
      if (in & kInParagraph) e.paragraph_text_bytes += bytes;
      if (in & kInItem) e.item_text_bytes += bytes;
      if (in & kInCell) e.cell_text_bytes += bytes;
      if (in & kInForm) e.form_text_bytes += bytes;
      continue;
    }
    if (!doc.is_element(n)) continue;
    ++e.elements;
    for_each_name_word(doc, n, [&](std::string_view w) {
      if (const int i = class_vocabulary.find(w); i >= 0) class_held[i] = 1;
    });
    const Tag tag = doc.tag(n);
    inside[n] = static_cast<uint16_t>((parent == kNoNode ? 0 : inside[parent]) | inside_bit(tag));
    if (tag == Tag::k_script) {
      if (core::ascii_lower(doc.attr(n, "type")) == "application/ld+json")
        for (NodeId c = doc.first_child(n); c != kNoNode; c = doc.next_sibling(c))
          if (doc.is_text(c)) {
            read_json_ld_types(doc.text(c), e);
            e.published |= has(doc.text(c), "\"datePublished\"");
            const std::string_view json = doc.text(c);
            for (size_t at = json.find("\"ListItem\""); at != std::string_view::npos;
                 at = json.find("\"ListItem\"", at + 10))
              ++e.breadcrumb_items;
          }
      continue;
    }
    if (tag == Tag::k_meta) {
      const std::string property = core::ascii_lower(doc.attr(n, "property"));
      const std::string name = core::ascii_lower(doc.attr(n, "name"));
      const std::string content = core::ascii_lower(doc.attr(n, "content"));
      if (property == "og:type") {
        e.og_any = true;
        e.og_article |= content == "article";
        e.og_product |= content.starts_with("product");
        e.og_website |= content == "website";
      } else if (property == "og:url") {
        read_address(doc.attr(n, "content"), e);
      } else if (property == "article:published_time") {
        e.published = true;
      } else if (property == "article:author" || name == "author") {
        e.author_meta = true;
      } else if (name == "generator") {
        for (std::string_view g : kDocGenerators) e.doc_generator |= has(content, g);
      }
      continue;
    }
    if (tag == Tag::k_link) {
      const std::string rel = core::ascii_lower(doc.attr(n, "rel"));
      if (rel == "canonical") read_address(doc.attr(n, "href"), e);
      e.author_meta |= rel == "author";
      continue;
    }
    if (tag == Tag::k_title) {
      if (e.title_words == 0) e.title_words = subtree_words(doc, n);
      if (!seen_title) read_title(n);
      seen_title = true;
      continue;
    }
    if (doc.attr(n, "itemprop") == "datePublished") e.published = true;
    switch (tag) {
      case Tag::k_article:
        ++e.articles;
        break;
      case Tag::k_pre:
        ++e.code_blocks;
        break;
      case Tag::k_time:
        ++e.times;
        mark_up(n, kBelowDate);
        marks[n] |= kBelowDate;
        break;
      case Tag::k_figure:
        ++e.figures;
        break;
      case Tag::k_address:
        ++e.addresses;
        break;
      case Tag::k_form:
        ++e.forms;
        break;
      case Tag::k_input: {
        ++e.inputs;
        const std::string type = core::ascii_lower(doc.attr(n, "type"));
        e.contact_inputs += type == "email" || type == "tel";
        break;
      }
      case Tag::k_button:
        ++e.buttons;
        break;
      case Tag::k_select:
        ++e.selects;
        break;
      case Tag::k_textarea:
        ++e.textareas;
        break;
      case Tag::k_h1:
        ++e.h1;
        if (!seen_h1) {
          e.h1_words = subtree_words(doc, n);
          read_title(n);
        }
        seen_h1 = true;
        mark_up(n, kBelowHeading);
        break;
      case Tag::k_h2:
        ++e.h2;
        mark_up(n, kBelowHeading);
        e.heading_ids += doc.has_attr(n, "id");
        break;
      case Tag::k_h3:
      case Tag::k_h4:
      case Tag::k_h5:
      case Tag::k_h6:
        ++e.h3;
        mark_up(n, kBelowHeading);
        e.heading_ids += doc.has_attr(n, "id");
        break;
      case Tag::k_p: {
        ++e.paragraphs;
        const uint64_t bytes = subtree_text_bytes(doc, n);
        e.short_paragraphs += bytes > 0 && bytes < kBodyParagraph;
        if (bytes >= kLongParagraph) {
          ++e.long_paragraphs;
          e.long_paragraph_bytes += bytes;
        }
        if (bytes >= kBodyParagraph) {
          if (doc.parent(n) != paragraph_parent) sibling_paragraphs = 0;
          paragraph_parent = doc.parent(n);
          e.max_sibling_paragraphs = std::max(e.max_sibling_paragraphs, ++sibling_paragraphs);
        }
        break;
      }
      case Tag::k_li:
        ++e.list_items;
        break;
      case Tag::k_ul:
      case Tag::k_ol:
        e.nested_lists += parent != kNoNode && doc.is(parent, Tag::k_li);
        break;
      case Tag::k_a:
        ++e.links;
        mark_up(n, kBelowLink);
        e.link_text_bytes += subtree_text_bytes(doc, n);
        break;
      case Tag::k_img:
        ++e.images;
        mark_up(n, kBelowImage);
        break;
      case Tag::k_table:
        ++e.tables;
        break;
      case Tag::k_section:
        ++e.sections;
        break;
      case Tag::k_nav:
        ++e.navs;
        break;
      case Tag::k_aside:
        ++e.asides;
        break;
      case Tag::k_code:
        ++e.inline_code;
        break;
      case Tag::k_dt:
        ++e.definitions;
        break;
      case Tag::k_blockquote:
        ++e.blockquotes;
        break;
      default:
        break;
    }
    if (const uint32_t run = repeated_children(doc, n); run > 0) {
      e.max_repeat = std::max(e.max_repeat, run);
      e.repeat_groups += run >= kMinRepeatGroup;
      if (run >= kMinRepeatGroup) run_parents.push_back(n);
    }
    if (std::string_view it = doc.attr(n, "itemtype"); !it.empty()) read_schema_type(it, e);
    if (std::string_view cls = doc.attr(n, "class"); !cls.empty()) {
      lower = core::ascii_lower(cls);
      count_class(lower, e);
      if (has(lower, "date")) {
        ++e.date_names;
        mark_up(n, kBelowDate);
        marks[n] |= kBelowDate;
      }
    }
  }
  gather_text_structure(doc, order, marks, text_below, link_below, run_parents, e);
  e.words = held_indexes(words);
  e.title_words_held = held_indexes(title_held);
  e.class_words_held = held_indexes(class_held);
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in(n, doc.root())) {
    if (!doc.is_element(n) || (marks[n] & kTitled) != kTitled) continue;
    if (const uint32_t run = titled_children(doc, n, marks); run > 0) {
      e.max_titled_cards = std::max(e.max_titled_cards, run);
      e.titled_card_groups += run >= kMinRepeatGroup;
    }
  }
  return e;
}

std::vector<std::string> page_words(const html::Document& doc) {
  std::set<std::string> words;
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in(n, doc.root()))
    if (doc.is_text(n) && !is_hidden_text(doc, n))
      for_each_word(doc.text(n), [&](std::string_view w) { words.emplace(w); });
  return {words.begin(), words.end()};
}

std::vector<std::string> page_title_words(const html::Document& doc) {
  std::set<std::string> words;
  bool title = false, h1 = false;
  for (NodeId n = doc.root(); n != kNoNode && !(title && h1); n = doc.next_in(n, doc.root())) {
    if (!doc.is_element(n)) continue;
    bool& seen = doc.is(n, Tag::k_title) ? title : h1;
    if (seen || !(doc.is(n, Tag::k_title) || doc.is(n, Tag::k_h1))) continue;
    seen = true;
    for_each_text_word(doc, n, [&](std::string_view w) { words.emplace(w); });
  }
  return {words.begin(), words.end()};
}

std::vector<std::string> page_class_words(const html::Document& doc) {
  std::set<std::string> words;
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in(n, doc.root()))
    if (doc.is_element(n)) for_each_name_word(doc, n, [&](std::string_view w) { words.emplace(w); });
  return {words.begin(), words.end()};
}

PageFeatures page_features(const PageEvidence& e) {
  PageFeatures f{};
  size_t i = 0;
  auto flag = [&](bool b) { f[i++] = b ? 1.0f : 0.0f; };
  auto count = [&](uint64_t n) { f[i++] = static_cast<float>(std::log1p(static_cast<double>(n))); };
  auto share = [&](double part, double whole) {
    f[i++] = whole > 0 ? static_cast<float>(std::min(1.0, part / whole)) : 0.0f;
  };
  // The order is page_feature_names()'s.
  flag(e.article_schema), flag(e.forum_schema), flag(e.product_schema), flag(e.tech_schema);
  flag(e.list_schema), flag(e.faq_schema), flag(e.service_schema), flag(e.og_article);
  flag(e.og_product), flag(e.doc_generator), flag(e.forum_path), flag(e.doc_path);
  flag(e.product_path), flag(e.collection_path), flag(e.listing_path), flag(e.article_path);
  flag(e.breadcrumb_schema), flag(e.offer_schema), flag(e.rating_schema), flag(e.event_schema);
  flag(e.job_schema), flag(e.webpage_schema), flag(e.howto_schema), flag(e.software_schema);
  flag(e.question_schema), flag(e.og_website), flag(e.og_any), flag(e.has_address);
  flag(e.service_path), flag(e.archive_path), flag(e.date_path), flag(e.numeric_path);
  flag(e.html_path);
  count(e.articles), count(e.code_blocks), count(e.anchors), count(e.price_names);
  count(e.cart_names), count(e.product_names), count(e.post_names), count(e.avatar_names);
  count(e.doc_names), count(e.landing_names), count(e.times), count(e.path_depth);
  count(e.slug_words), count(e.elements), count(e.forms), count(e.inputs), count(e.buttons);
  count(e.selects), count(e.textareas), count(e.h1), count(e.h2), count(e.h3);
  count(e.paragraphs), count(e.list_items), count(e.links), count(e.images), count(e.tables);
  count(e.sections), count(e.navs), count(e.asides), count(e.inline_code), count(e.definitions);
  count(e.blockquotes), count(e.text_bytes), count(e.link_text_bytes), count(e.currency);
  count(e.max_repeat), count(e.repeat_groups), count(e.comment_names);
  count(e.breadcrumb_names), count(e.pager_names), count(e.filter_names), count(e.card_names);
  count(e.grid_names), count(e.thread_names), count(e.vote_names), count(e.rating_names);
  count(e.sku_names), count(e.toc_names), count(e.sidebar_names), count(e.author_names);
  count(e.share_names), count(e.related_names), count(e.section_names), count(e.faq_names);
  count(e.team_names);
  count(e.max_titled_cards), count(e.titled_card_groups), count(e.long_paragraphs);
  count(e.max_sibling_paragraphs), count(e.long_paragraph_bytes), count(e.h1_words);
  count(e.title_words), flag(e.published), flag(e.author_meta);
  share(static_cast<double>(e.long_paragraph_bytes), static_cast<double>(e.text_bytes));
  const double elements = std::max<uint32_t>(e.elements, 1);
  share(static_cast<double>(e.link_text_bytes), static_cast<double>(e.text_bytes));
  share(e.paragraphs, elements);
  share(e.list_items, elements);
  share(e.links, elements);
  share(e.images, elements);
  share(e.h2 + e.h3, e.paragraphs + 1.0);
  f[i++] = static_cast<float>(std::log1p(static_cast<double>(e.text_bytes) / (e.paragraphs + 1.0)));
  const double text = static_cast<double>(e.text_bytes);
  share(static_cast<double>(e.nav_text_bytes), text);
  share(static_cast<double>(e.aside_text_bytes), text);
  share(static_cast<double>(e.code_text_bytes), text);
  share(static_cast<double>(e.heading_text_bytes), text);
  share(static_cast<double>(e.paragraph_text_bytes), text);
  share(static_cast<double>(e.item_text_bytes), text);
  share(static_cast<double>(e.cell_text_bytes), text);
  share(static_cast<double>(e.form_text_bytes), text);
  share(static_cast<double>(e.link_block_bytes), text);
  share(static_cast<double>(e.run_text_bytes), text);
  share(static_cast<double>(e.run_link_bytes), static_cast<double>(e.run_text_bytes));
  count(e.run_items == 0 ? 0 : e.run_text_bytes / e.run_items);
  count(e.run_items);
  share(e.run_dated, e.run_items);
  share(e.run_priced, e.run_items);
  share(e.run_imaged, e.run_items);
  share(static_cast<double>(e.body_bytes), text);
  count(e.dates), count(e.versions), count(e.nested_lists), count(e.heading_ids);
  count(e.breadcrumb_items), count(e.short_paragraphs), count(e.date_names), count(e.addresses);
  count(e.contact_inputs), count(e.figures);
  assert(i == kPageFeatureCount);
  return f;
}

const std::array<std::string_view, kPageFeatureCount>& page_feature_names() {
  static constexpr std::array<std::string_view, kPageFeatureCount> kNames = {
      "article_schema",
      "forum_schema",
      "product_schema",
      "tech_schema",
      "list_schema",
      "faq_schema",
      "service_schema",
      "og_article",
      "og_product",
      "doc_generator",
      "forum_path",
      "doc_path",
      "product_path",
      "collection_path",
      "listing_path",
      "article_path",
      "breadcrumb_schema",
      "offer_schema",
      "rating_schema",
      "event_schema",
      "job_schema",
      "webpage_schema",
      "howto_schema",
      "software_schema",
      "question_schema",
      "og_website",
      "og_any",
      "has_address",
      "service_path",
      "archive_path",
      "date_path",
      "numeric_path",
      "html_path",
      "articles",
      "pre",
      "anchors",
      "price_names",
      "cart_names",
      "product_names",
      "post_names",
      "avatar_names",
      "doc_names",
      "landing_names",
      "times",
      "path_depth",
      "slug_words",
      "elements",
      "forms",
      "inputs",
      "buttons",
      "selects",
      "textareas",
      "h1",
      "h2",
      "h3",
      "paragraphs",
      "list_items",
      "links",
      "images",
      "tables",
      "sections",
      "navs",
      "asides",
      "inline_code",
      "definitions",
      "blockquotes",
      "text_bytes",
      "link_text_bytes",
      "currency",
      "max_repeat",
      "repeat_groups",
      "comment_names",
      "breadcrumb_names",
      "pager_names",
      "filter_names",
      "card_names",
      "grid_names",
      "thread_names",
      "vote_names",
      "rating_names",
      "sku_names",
      "toc_names",
      "sidebar_names",
      "author_names",
      "share_names",
      "related_names",
      "section_names",
      "faq_names",
      "team_names",
      "max_titled_cards",
      "titled_card_groups",
      "long_paragraphs",
      "max_sibling_paragraphs",
      "long_paragraph_bytes",
      "h1_words",
      "title_words",
      "published",
      "author_meta",
      "prose_share",
      "link_text_share",
      "paragraph_share",
      "list_share",
      "link_share",
      "image_share",
      "headings_per_paragraph",
      "text_per_paragraph",
      "nav_text_share",
      "aside_text_share",
      "code_text_share",
      "heading_text_share",
      "paragraph_text_share",
      "item_text_share",
      "cell_text_share",
      "form_text_share",
      "link_block_share",
      "run_text_share",
      "run_link_share",
      "run_item_bytes",
      "run_items",
      "run_dated_share",
      "run_priced_share",
      "run_imaged_share",
      "body_share",
      "dates",
      "versions",
      "nested_lists",
      "heading_ids",
      "breadcrumb_items",
      "short_paragraphs",
      "date_names",
      "addresses",
      "contact_inputs",
      "figures"};
  return kNames;
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
  flag("published", e.published);
  flag("date-path", e.date_path);
  flag("service-path", e.service_path);
  flag("archive-path", e.archive_path);
  count("path-depth", e.path_depth);
  count("forms", e.forms);
  count("currency", e.currency);
  count("repeat", e.max_repeat);
  count("titled-cards", e.max_titled_cards);
  count("long-paragraphs", e.long_paragraphs);
  count("sibling-paragraphs", e.max_sibling_paragraphs);
  count("h1-words", e.h1_words);
  if (!out.empty()) out.pop_back();
  return out;
}

PageType decide_page_type_by_rules(const PageEvidence& e) {
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

PageTypeDecision decide_page_type_scored(const PageEvidence& e) {
  PageTypeDecision d;
  const PageFeatures f = page_features(e);
  float best_score = 0, second_score = 0, article_score = 0;
  for (size_t t = 0; t < kModelTypes; ++t) {
    const auto& w = kPageTypeWeights[t];
    float score = w[kPageFeatureCount];
    for (size_t i = 0; i < kPageFeatureCount; ++i) score += w[i] * f[i];
    for (uint16_t word : e.words) score += kPageTypeWordWeights[t][word];
    for (uint16_t word : e.title_words_held) score += kPageTypeTitleWordWeights[t][word];
    for (uint16_t word : e.class_words_held) score += kPageTypeClassWordWeights[t][word];
    if (static_cast<PageType>(t) == PageType::kArticle) article_score = score;
    if (t == 0 || score > best_score) {
      d.runner_up = d.type;
      second_score = best_score;
      d.type = static_cast<PageType>(t);
      best_score = score;
    } else if (t == 1 || score > second_score) {
      d.runner_up = static_cast<PageType>(t);
      second_score = score;
    }
  }
  d.lead_over_article = best_score - article_score;
  d.lead_over_runner_up = best_score - second_score;
  // DiscussionForumPosting and QAPage are the page's own word: on WCXB they
  // were right on every page that had them, the model on all but two.
  // The page's word is sure: no second choice is read against it.
  if (e.forum_schema && d.type != PageType::kForum) {
    d.runner_up = d.type;
    d.type = PageType::kForum;
    d.lead_over_runner_up = std::numeric_limits<float>::infinity();
  }
  return d;
}

PageType decide_page_type(const PageEvidence& e) { return decide_page_type_scored(e).type; }

PageTypeDecision given_page_type(PageType t) {
  constexpr float kSure = std::numeric_limits<float>::infinity();
  return {t, t == PageType::kArticle ? 0 : kSure, t, kSure};
}

}  // namespace lede::extraction
