#include "metadata/metadata.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <optional>
#include <span>
#include <string_view>
#include <unordered_map>

#include "core/calendar.h"
#include "core/text.h"
#include "core/url.h"
#include "fields/byline.h"
#include "fields/credit.h"
#include "fields/dates.h"
#include "fields/language.h"
#include "metadata/title.h"

namespace lede::metadata {

using core::domain_of;
using core::is_http_url;
using core::resolve_url;

namespace {

using html::NodeId;
using html::Tag;

// Visible bylines and date lines are short; a longer element is a bio or a teaser.
constexpr size_t kMaxBylineBytes = 200;
constexpr size_t kMaxDateLineBytes = 120;
// Text gathered from one element stops here: enough for any headline or byline.
constexpr size_t kMaxElementText = 600;
// Of one text node, text_of() reads at most this many times its limit: white
// space collapses, so a node may hold more bytes than it yields, but an
// unclosed <title> holding megabytes must not be read whole (tests/hostile).
constexpr size_t kTextNodeReadFactor = 4;
// The first few candidates of each visible kind are enough; later ones are teasers.
constexpr size_t kMaxVisibleCandidates = 6;
// A page's links to itself (permalink, feeds, other languages) are a few; more belong to lists.
constexpr size_t kMaxOwnLinks = 12;
// A styled headline is a line of words, not a label or a paragraph.
constexpr size_t kMinHeadlineBytes = 15;
constexpr size_t kMaxHeadlineBytes = 300;
// <h2>s and <h3>s kept to find a headline the title repeats: it comes before most of them.
constexpr size_t kMaxSubheads = 8;
// A metadata date this many days from the URL's date is an update or a page-build time.
constexpr int kMaxDaysFromUrlDate = 1;
// Clocks and zones: a date up to a day past now is a zone difference, not the future.
constexpr int kFutureSlackDays = 1;

// Everything the page says, as written; resolved into PageMetadata afterwards.
struct Evidence {
  std::string html_lang, html_title, content_language;
  std::vector<std::string> h1s;
  std::vector<NodeId> h1_nodes;           // beside h1s
  std::vector<std::string> subheads;      // the first <h2>s and <h3>s: a headline without <h1>
  std::vector<NodeId> subhead_nodes;      // beside subheads
  std::vector<std::string> styled_heads;  // headline classes, big <font>: old and odd layouts
  std::vector<NodeId> styled_head_nodes;  // beside styled_heads
  NodeId first_article = html::kNoNode;   // the first <article> or <main>, outside furniture
  std::string og_title, twitter_title, dc_title, parsely_title, itemprop_headline;
  std::string og_site_name, application_name, og_url, canonical;
  std::string amp_url;  // <link rel="amphtml">: the same story's address, often with its date
  // Links a page makes to itself: its permalink (<a rel="bookmark">, hAtom's), its other
  // versions and feeds (<link rel="alternate">: "/2021/03/04/story/feed/").
  std::vector<std::string> own_links;
  std::string description, og_description, twitter_description;
  std::string og_locale, og_image, twitter_image;
  std::vector<std::string> meta_authors;    // author, article:author, dc.creator, parsely-author...
  std::vector<std::string> meta_published;  // article:published_time first, then the others
  std::vector<std::string> meta_other_dates;  // dc.date, date, pubdate...: less specific
  std::vector<std::string> meta_modified;
  std::string section, parsely_section;
  std::vector<std::string> article_tags, keywords;
  std::vector<std::string> itemprop_authors, itemprop_published, itemprop_modified;
  // hAtom's <abbr class="published" title="2008-06-26T12:00:00">: the title is the date.
  std::vector<std::string> hatom_published, hatom_updated;
  std::string served_day;                // the value of a date field the page fills in (an <input>)
  std::vector<std::string> abbr_titles;  // every <abbr title>, for dates spelled out in titles
  std::vector<std::string> time_datetimes;   // <time datetime> in document order
  std::vector<std::string> time_texts;       // beside time_datetimes: what the reader sees
  std::vector<std::string> bare_time_texts;  // <time>s without a datetime: their text alone
  std::vector<std::string> visible_bylines;
  std::vector<std::string> visible_dates;
  JsonLd json_ld;
};

// `apart`: text nodes are read as apart, a space between them: a date line written in spans
// ("<span>18</span><span>2009</span>") is "18 2009", not "182009".
std::string text_of(const html::Document& doc, NodeId scope, size_t limit = kMaxElementText,
                    bool apart = false) {
  std::string out;
  bool pending = false;
  for (NodeId t = doc.next_in(scope, scope); t != html::kNoNode;) {
    if (doc.is(t, Tag::k_script) || doc.is(t, Tag::k_style) || doc.is(t, Tag::k_noscript)) {
      t = doc.next_in(t, scope, /*skip_children=*/true);
      continue;
    }
    if (doc.is_text(t)) {
      std::string_view text = doc.text(t);
      if (text.size() > kTextNodeReadFactor * limit) {
        size_t cut = kTextNodeReadFactor * limit;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut);  // at a character boundary
      }
      core::append_collapsed(out, text, pending);
      if (apart) pending = true;
    }
    if (out.size() > limit) break;
    t = doc.next_in(t, scope);
  }
  return std::string(core::trim(out));
}

// True when core::collapse_space(s) would return s unchanged: single ASCII
// spaces between words and nothing it rewrites (other white space, invalid
// bytes). Most meta values are so, and a check and a copy cost less than
// collapse_space's byte-by-byte rebuild.
bool is_collapsed(std::string_view s) {
  if (!s.empty() && (s.front() == ' ' || s.back() == ' ')) return false;
  bool after_space = false;
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (static_cast<unsigned char>(c) < 0x80) {
      if (c == ' ') {
        if (after_space) return false;
        after_space = true;
      } else if (core::is_ascii_space(c)) {
        return false;
      } else {
        after_space = false;
      }
      ++i;
      continue;
    }
    const char32_t cp = core::next_code_point(s, i);
    if (cp == 0xFFFD || core::is_unicode_space(cp)) return false;
    after_space = false;
  }
  return true;
}

std::string collapsed(std::string_view s) {
  return is_collapsed(s) ? std::string(s) : core::collapse_space(s);
}

void add(std::vector<std::string>& v, std::string_view s) {
  std::string c = collapsed(s);
  if (!c.empty()) v.push_back(std::move(c));
}

void set_once(std::string& slot, std::string_view v) {
  if (slot.empty()) slot = collapsed(v);
}

// Where the value of a named meta tag goes: `slot` keeps the first value, `list` keeps them all.
struct MetaField {
  std::string Evidence::*slot = nullptr;
  std::vector<std::string> Evidence::*list = nullptr;
};

struct MetaName {
  std::string_view name;  // lower case, as matched
  MetaField field;
};

constexpr MetaField once(std::string Evidence::*slot) { return {slot, nullptr}; }
constexpr MetaField all(std::vector<std::string> Evidence::*list) { return {nullptr, list}; }

// The meta names (property, name or itemprop) lede reads, and where each goes.
constexpr MetaName kMetaNames[] = {
    {"og:title", once(&Evidence::og_title)},
    {"twitter:title", once(&Evidence::twitter_title)},
    {"dc.title", once(&Evidence::dc_title)},
    {"dcterms.title", once(&Evidence::dc_title)},
    {"dc:title", once(&Evidence::dc_title)},
    {"parsely-title", once(&Evidence::parsely_title)},
    {"sailthru.title", once(&Evidence::parsely_title)},
    {"headline", once(&Evidence::itemprop_headline)},
    {"og:site_name", once(&Evidence::og_site_name)},
    {"application-name", once(&Evidence::application_name)},
    {"apple-mobile-web-app-title", once(&Evidence::application_name)},
    {"og:url", once(&Evidence::og_url)},
    {"description", once(&Evidence::description)},
    {"og:description", once(&Evidence::og_description)},
    {"twitter:description", once(&Evidence::twitter_description)},
    // Authors.
    {"author", all(&Evidence::meta_authors)},
    {"article:author", all(&Evidence::meta_authors)},
    {"dc.creator", all(&Evidence::meta_authors)},
    {"dc:creator", all(&Evidence::meta_authors)},
    {"dcterms.creator", all(&Evidence::meta_authors)},
    {"parsely-author", all(&Evidence::meta_authors)},
    {"sailthru.author", all(&Evidence::meta_authors)},
    {"byl", all(&Evidence::meta_authors)},
    {"citation_author", all(&Evidence::meta_authors)},
    {"article:author_name", all(&Evidence::meta_authors)},
    {"cxenseparse:author", all(&Evidence::meta_authors)},
    {"twitter:creator:name", all(&Evidence::meta_authors)},
    // Publication dates, the specific names.
    {"article:published_time", all(&Evidence::meta_published)},
    {"datepublished", all(&Evidence::meta_published)},
    {"parsely-pub-date", all(&Evidence::meta_published)},
    {"sailthru.date", all(&Evidence::meta_published)},
    {"og:published_time", all(&Evidence::meta_published)},
    {"article:published", all(&Evidence::meta_published)},
    {"publish-date", all(&Evidence::meta_published)},
    {"published_time", all(&Evidence::meta_published)},
    {"publication_date", all(&Evidence::meta_published)},
    {"citation_publication_date", all(&Evidence::meta_published)},
    {"dcterms.created", all(&Evidence::meta_published)},
    {"cxenseparse:recs:publishtime", all(&Evidence::meta_published)},
    {"datecreated", all(&Evidence::meta_published)},
    {"dc.date.issued", all(&Evidence::meta_published)},
    {"dcterms.issued", all(&Evidence::meta_published)},
    {"original-publish-date", all(&Evidence::meta_published)},
    {"published", all(&Evidence::meta_published)},
    {"published_date", all(&Evidence::meta_published)},
    {"publication-date", all(&Evidence::meta_published)},
    {"article_date_original", all(&Evidence::meta_published)},
    {"article:post_date", all(&Evidence::meta_published)},
    {"bt:pubdate", all(&Evidence::meta_published)},
    {"dc.date.publication", all(&Evidence::meta_published)},
    {"dcsext.articlefirstpublished", all(&Evidence::meta_published)},
    {"twt-published-at", all(&Evidence::meta_published)},
    {"originalpublicationdate", all(&Evidence::meta_published)},
    {"dc.created", all(&Evidence::meta_published)},
    {"dc:created", all(&Evidence::meta_published)},
    // Dates that may be publication dates.
    {"dc.date", all(&Evidence::meta_other_dates)},
    {"dc:date", all(&Evidence::meta_other_dates)},
    {"dcterms.date", all(&Evidence::meta_other_dates)},
    {"date", all(&Evidence::meta_other_dates)},
    {"pubdate", all(&Evidence::meta_other_dates)},
    {"publishdate", all(&Evidence::meta_other_dates)},
    {"timestamp", all(&Evidence::meta_other_dates)},
    {"displaydate", all(&Evidence::meta_other_dates)},
    {"dc.date.created", all(&Evidence::meta_other_dates)},
    {"article.published", all(&Evidence::meta_other_dates)},
    {"release_date", all(&Evidence::meta_other_dates)},
    {"created", all(&Evidence::meta_other_dates)},
    {"date_created", all(&Evidence::meta_other_dates)},
    {"content_create_date", all(&Evidence::meta_other_dates)},
    {"dateposted", all(&Evidence::meta_other_dates)},
    {"citation_date", all(&Evidence::meta_other_dates)},
    {"doc_date", all(&Evidence::meta_other_dates)},
    {"pdate", all(&Evidence::meta_other_dates)},
    {"og:pubdate", all(&Evidence::meta_other_dates)},
    {"uploaddate", all(&Evidence::meta_other_dates)},
    {"video:release_date", all(&Evidence::meta_other_dates)},
    // Modification dates.
    {"article:modified_time", all(&Evidence::meta_modified)},
    {"datemodified", all(&Evidence::meta_modified)},
    {"og:updated_time", all(&Evidence::meta_modified)},
    {"dcterms.modified", all(&Evidence::meta_modified)},
    {"last-modified", all(&Evidence::meta_modified)},
    {"lastmod", all(&Evidence::meta_modified)},
    {"article:modified", all(&Evidence::meta_modified)},
    // Section, tags, image, language.
    {"article:section", once(&Evidence::section)},
    {"parsely-section", once(&Evidence::parsely_section)},
    {"sailthru.section", once(&Evidence::parsely_section)},
    {"section", once(&Evidence::parsely_section)},
    {"article:tag", all(&Evidence::article_tags)},
    {"keywords", all(&Evidence::keywords)},
    {"news_keywords", all(&Evidence::keywords)},
    {"parsely-tags", all(&Evidence::keywords)},
    {"sailthru.tags", all(&Evidence::keywords)},
    {"og:image", once(&Evidence::og_image)},
    {"og:image:url", once(&Evidence::og_image)},
    {"og:image:secure_url", once(&Evidence::og_image)},
    {"twitter:image", once(&Evidence::twitter_image)},
    {"twitter:image:src", once(&Evidence::twitter_image)},
    {"og:locale", once(&Evidence::og_locale)},
    {"language", once(&Evidence::content_language)},
    {"dc.language", once(&Evidence::content_language)},
    {"content-language", once(&Evidence::content_language)},
};

constexpr size_t longest_meta_name() {
  size_t n = 0;
  for (const MetaName& m : kMetaNames) n = std::max(n, m.name.size());
  return n;
}
constexpr size_t kMaxMetaName = longest_meta_name();

// hAtom's date classes, on an <abbr> whose title holds the date.
constexpr std::string_view kHatomPublished[] = {"published"};
constexpr std::string_view kHatomUpdated[] = {"updated"};

// A page holds dozens of meta tags: one hash lookup each instead of a chain of comparisons.
const MetaField* meta_field(std::string_view lower_name) {
  static const auto* const kByName = [] {
    auto* m = new std::unordered_map<std::string_view, MetaField>();
    for (const MetaName& n : kMetaNames) m->emplace(n.name, n.field);
    return m;
  }();
  auto it = kByName->find(lower_name);
  return it == kByName->end() ? nullptr : &it->second;
}

bool names_a_publication_date(std::string_view key) {
  if (key.size() > kMaxMetaName * 2) return false;
  const std::string k = core::ascii_lower(key);
  // A vocabulary's own property for the moment a post went up: "site:uploaded", "x_posted".
  const std::string_view last = std::string_view(k).substr(k.find_last_of(":_-.") + 1);
  if (last == "published" || last == "uploaded" || last == "posted") return true;
  return k.find("publish") != std::string::npos &&
         (k.find("date") != std::string::npos || k.find("time") != std::string::npos) &&
         k.find("modif") == std::string::npos && k.find("updat") == std::string::npos;
}

void read_meta(const html::Document& doc, NodeId n, Evidence& e) {
  // One pass over the attributes, backwards so that a name's first occurrence is the one kept
  // (as Document::attr gives it).
  std::string_view property, name, itemprop, content, http_equiv;
  std::span<const html::Attribute> attrs = doc.attributes(n);
  for (auto a = attrs.rbegin(); a != attrs.rend(); ++a) {
    std::string_view attr = doc.view(a->name), value = doc.view(a->value);
    if (attr == "property")
      property = value;
    else if (attr == "name")
      name = value;
    else if (attr == "itemprop")
      itemprop = value;
    else if (attr == "content")
      content = value;
    else if (attr == "http-equiv")
      http_equiv = value;
  }
  std::string_view key = !property.empty() ? property : !name.empty() ? name : itemprop;
  std::string_view value = content;
  if (key.empty()) {
    if (core::iequals(http_equiv, "content-language")) set_once(e.content_language, value);
    return;
  }
  if (core::trim(value).empty()) return;
  // A JSON-LD block written as a meta tag's content (frameworks that render the head as meta
  // tags): read as the <script> would be.
  if (core::iequals(key, "script:ld+json")) {
    add_json_ld(value, e.json_ld);
    return;
  }
  // "property" may hold several space-separated names (RDFa): take the first known one.
  char lower[kMaxMetaName];
  size_t b = 0;
  while (b < key.size()) {
    size_t end = key.find(' ', b);
    if (end == std::string_view::npos) end = key.size();
    std::string_view k = key.substr(b, end - b);
    b = end + 1;
    if (k.empty() || k.size() > kMaxMetaName) continue;
    for (size_t i = 0; i < k.size(); ++i) lower[i] = core::ascii_lower(k[i]);
    const MetaField* field = meta_field(std::string_view(lower, k.size()));
    if (!field) continue;
    if (field->slot)
      set_once(e.*(field->slot), value);
    else
      add(e.*(field->list), value);
    return;
  }
  // A name of the page's own making that says what it holds: "w-published-date",
  // "publish_time". Read after the known names, as they are.
  if (names_a_publication_date(key)) add(e.meta_other_dates, value);
}

// True when `n` sits inside navigation, a footer, an aside or a comment
// section: a byline or date there belongs to another story.
// Class names (whole, or the first word of a hyphenated one) of page furniture.
constexpr std::string_view kFurnitureClasses[] = {"related", "comment",     "comments", "teaser",
                                                  "sidebar", "recommended", "more"};

// Whether a class name in `cls` (space-separated) is one of `names`, whole
// or by the first word of a hyphenated or underscored name ("related-posts").
bool has_class_named(std::string_view cls, std::span<const std::string_view> names) {
  size_t b = 0;
  while (b < cls.size()) {
    size_t e = cls.find(' ', b);
    if (e == std::string_view::npos) e = cls.size();
    std::string_view token = cls.substr(b, e - b);
    b = e + 1;
    std::string_view head = token.substr(0, token.find_first_of("-_"));
    for (std::string_view name : names)
      if (core::iequals(head, name)) return true;
  }
  return false;
}

bool is_furniture_class(std::string_view cls) { return has_class_named(cls, kFurnitureClasses); }

bool inside(const html::Document& doc, NodeId n, Tag tag) {
  for (NodeId p = doc.parent(n); p != html::kNoNode && p != doc.root(); p = doc.parent(p))
    if (doc.is(p, tag)) return true;
  return false;
}

bool inside_article(const html::Document& doc, NodeId n) { return inside(doc, n, Tag::k_article); }

// `article_aside`: an <aside> or <footer> inside an <article> holds that article's details (its
// date, under the story or beside it), so it is not furniture for them.
// True when `ancestor` is `n` or holds it.
bool holds(const html::Document& doc, NodeId ancestor, NodeId n) {
  for (; n != html::kNoNode; n = doc.parent(n))
    if (n == ancestor) return true;
  return false;
}

// `headline`: the page's headline when known. An element that holds it is the story's own,
// whatever its class says: "sidebar" on a page wrapper names a layout with a sidebar.
bool in_furniture(const html::Document& doc, NodeId n, bool article_aside = false,
                  NodeId headline = html::kNoNode) {
  for (NodeId p = doc.parent(n); p != html::kNoNode && p != doc.root(); p = doc.parent(p)) {
    if (!doc.is_element(p)) continue;
    Tag t = doc.tag(p);
    if (t == Tag::k_body) break;
    if ((t == Tag::k_aside || t == Tag::k_footer) && article_aside && inside_article(doc, p))
      continue;
    if (t == Tag::k_nav || t == Tag::k_footer || t == Tag::k_aside) return true;
    if (is_furniture_class(doc.attr(p, "class")) &&
        (headline == html::kNoNode || !holds(doc, p, headline)))
      return true;
  }
  return false;
}

// An itemprop value: content, datetime, href for links, else the text.
std::string itemprop_value(const html::Document& doc, NodeId n) {
  for (std::string_view a : {"content", "datetime"}) {
    std::string_view v = doc.attr(n, a);
    if (!core::trim(v).empty()) return collapsed(v);
  }
  return text_of(doc, n);
}

// The name inside an itemprop=author element: its itemprop=name if any, else its text.
std::string itemprop_author(const html::Document& doc, NodeId n) {
  for (NodeId d = doc.next_in(n, n); d != html::kNoNode; d = doc.next_in(d, n))
    if (doc.is_element(d) && core::iequals(doc.attr(d, "itemprop"), "name"))
      return itemprop_value(doc, d);
  std::string_view content = doc.attr(n, "content");
  if (!core::trim(content).empty() && !is_http_url(core::trim(content))) return collapsed(content);
  return text_of(doc, n, kMaxBylineBytes);
}

constexpr uint32_t letter_bit(char c) { return c >= 'a' && c <= 'z' ? 1u << (c - 'a') : 0; }

// A lower-case word looked for in class attributes, with the set of letters it holds.
struct ClassWord {
  consteval ClassWord(const char* word) : text(word) {  // NOLINT: implicit, for word tables
    for (char c : text) letters |= letter_bit(c);
  }
  std::string_view text;
  uint32_t letters = 0;
};

// Class words that mark an element: bylines, author boxes that are not bylines, date lines,
// headlines.
constexpr ClassWord kBylineWord = "byline";
constexpr ClassWord kAuthorWord = "author";
constexpr ClassWord kNotBylineWords[] = {"bio",         "avatar", "image",  "img",    "photo",
                                         "description", "about",  "social", "follow", "more",
                                         "box",         "list",   "twitter"};
constexpr ClassWord kDateWords[] = {"date",  "publish", "posted",    "time",
                                    "datum", "fecha",   "submitted", "meta"};
constexpr ClassWord kHeadlineWords[] = {"headline", "entry-title", "post-title", "article-title"};

// A class attribute and the set of letters it holds, case folded. A word
// with a letter the class lacks cannot be in it, which settles most of the
// tests below without lowering the class or searching it: a page has
// thousands of classes, and few of them hold any of the words looked for.
class ClassText {
 public:
  void assign(std::string_view cls) {
    raw_ = cls;
    lowered_ = false;
    letters_ = 0;
    for (char c : cls) {
      // ASCII letters of either case land on 0-25; every other byte above it.
      const unsigned bit = (static_cast<unsigned char>(c) | 0x20u) - 'a';
      if (bit < 26) letters_ |= 1u << bit;
    }
  }
  bool empty() const { return raw_.empty(); }
  bool has(const ClassWord& word) const {
    if ((word.letters & ~letters_) != 0) return false;
    if (!lowered_) {
      lower_.assign(raw_);
      for (char& c : lower_) c = core::ascii_lower(c);
      lowered_ = true;
    }
    return lower_.find(word.text) != std::string::npos;
  }

 private:
  std::string_view raw_;
  uint32_t letters_ = 0;
  // The class in lower case, made on the first word whose letters it holds.
  mutable std::string lower_;
  mutable bool lowered_ = false;
};

bool class_says_byline(const ClassText& cls) {
  if (cls.empty()) return false;
  if (cls.has(kBylineWord)) return true;
  if (!cls.has(kAuthorWord)) return false;
  // Author boxes, avatars and bios name the author among other words.
  for (const ClassWord& no : kNotBylineWords)
    if (cls.has(no)) return false;
  return true;
}

bool class_says_date(const ClassText& cls) {
  if (cls.empty()) return false;
  for (const ClassWord& yes : kDateWords)
    if (cls.has(yes)) return true;
  return false;
}

// True when `n` sits in a link to the site's home page ("/", "https://host/"): the site's logo,
// where a date is the day's edition, not the page's.
bool in_home_link(const html::Document& doc, NodeId n) {
  for (NodeId p = doc.parent(n); p != html::kNoNode && p != doc.root(); p = doc.parent(p)) {
    if (!doc.is(p, Tag::k_a)) continue;
    std::string_view href = core::trim(doc.attr(p, "href"));
    if (href == "/") return true;
    const size_t scheme = href.find("://");
    if (scheme == std::string_view::npos) return false;
    const size_t path = href.find('/', scheme + 3);
    return path == std::string_view::npos || href.substr(path) == "/";
  }
  return false;
}

// Pages without an <h1> still set their headline apart: a headline class or a big font.
bool looks_like_headline_element(const html::Document& doc, NodeId n, const ClassText& cls) {
  if (doc.is(n, Tag::k_font)) {
    std::string_view size = core::trim(doc.attr(n, "size"));
    return size == "5" || size == "6" || size == "7" || size == "+2" || size == "+3";
  }
  for (const ClassWord& c : kHeadlineWords)
    if (cls.has(c)) return true;
  return false;
}

// How the page writes numeric dates: month first where its declared language is American
// English ("en-US", og:locale "en_US"), else day first.
fields::DateOptions date_options(const Evidence& e) {
  fields::DateOptions options;
  for (const std::string* tag : {&e.html_lang, &e.content_language, &e.og_locale}) {
    if (core::trim(*tag).empty()) continue;
    std::string t = core::ascii_lower(core::trim(*tag));
    std::replace(t.begin(), t.end(), '_', '-');
    options.month_first = t == "en-us" || t.starts_with("en-us,");
    break;
  }
  return options;
}

// Visible evidence (byline and date elements, styled headlines) is read only
// when the page's metadata leaves a field open: most news pages declare them,
// and class names are the costly part of a scan. Which fields stay open is
// known only at the end of the page (JSON-LD may come last), so the one DOM
// walk notes the elements that could hold such evidence, and they are read
// afterwards if needed.
struct VisibleWants {
  bool heads = false, bylines = false, dates = false;
  bool any() const { return heads || bylines || dates; }
};

// Subtrees that hold no visible evidence.
bool hides_visible(Tag tag) {
  return tag == Tag::k_head || tag == Tag::k_script || tag == Tag::k_style ||
         tag == Tag::k_template;
}

// `candidates`: elements outside hides_visible() subtrees, in document order, that may have a
// class, rel or id attribute or are a <font>; a superset of those the tests below can accept.
void scan_visible(const html::Document& doc, const std::vector<NodeId>& candidates,
                  const VisibleWants& wants, Evidence& e) {
  ClassText class_text, id_text;  // reused across elements, keeping their buffers
  const fields::DateOptions options = date_options(e);
  for (NodeId n : candidates) {
    const bool want_head = wants.heads && e.styled_heads.size() < kMaxVisibleCandidates;
    const bool want_byline = wants.bylines && e.visible_bylines.size() < kMaxVisibleCandidates;
    const bool want_date = wants.dates && e.visible_dates.size() < kMaxVisibleCandidates;
    if (!want_head && !want_byline && !want_date) return;
    std::string_view cls, rel, id;
    for (const html::Attribute& attr : doc.attributes(n)) {
      std::string_view name = doc.view(attr.name);
      if (name == "class")
        cls = doc.view(attr.value);
      else if (name == "rel")
        rel = doc.view(attr.value);
      else if (name == "id")
        id = doc.view(attr.value);
    }
    if (cls.empty() && rel.empty() && id.empty() && doc.tag(n) != Tag::k_font) continue;
    class_text.assign(cls);
    id_text.assign(id);
    if (want_head && looks_like_headline_element(doc, n, class_text)) {
      std::string h = text_of(doc, n, kMaxHeadlineBytes);
      if (h.size() >= kMinHeadlineBytes && h.size() <= kMaxHeadlineBytes && !in_furniture(doc, n)) {
        e.styled_heads.push_back(std::move(h));
        e.styled_head_nodes.push_back(n);
      }
    }
    if (want_byline && (core::iequals(rel, "author") || class_says_byline(class_text)) &&
        !in_furniture(doc, n)) {
      std::string t = text_of(doc, n, kMaxBylineBytes);
      if (!t.empty() && t.size() <= kMaxBylineBytes) e.visible_bylines.push_back(std::move(t));
    }
    // A date line is marked by its class or id ("post-date", "datum", "entry-meta"), or is a
    // byline ("Jane Doe, March 4, 2021").
    if (want_date &&
        (class_says_date(class_text) || class_says_date(id_text) ||
         class_says_byline(class_text)) &&
        !in_furniture(doc, n, false, e.h1_nodes.empty() ? html::kNoNode : e.h1_nodes.front()) &&
        !in_home_link(doc, n)) {
      // Only lines that hold a date take a place: a menu's "meta" or "time" classes come first.
      std::string t = text_of(doc, n, kMaxDateLineBytes, /*apart=*/true);
      if (!t.empty() && t.size() <= kMaxDateLineBytes && fields::find_date(t, options))
        e.visible_dates.push_back(std::move(t));
    }
  }
}

void read_itemprop(const html::Document& doc, NodeId n, std::string_view itemprop, Evidence& e) {
  if (core::iequals(itemprop, "headline")) {
    if (e.itemprop_headline.empty()) e.itemprop_headline = itemprop_value(doc, n);
  } else if (core::iequals(itemprop, "datePublished") || core::iequals(itemprop, "dateCreated")) {
    add(e.itemprop_published, itemprop_value(doc, n));
  } else if (core::iequals(itemprop, "dateModified")) {
    add(e.itemprop_modified, itemprop_value(doc, n));
  } else if ((core::iequals(itemprop, "author") || core::iequals(itemprop, "creator")) &&
             e.itemprop_authors.size() < kMaxVisibleCandidates && !in_furniture(doc, n)) {
    add(e.itemprop_authors, itemprop_author(doc, n));
  }
}

// Document::next_in(n, doc.root()) written with the inline accessors: the
// scan steps through every node of the page, and the out-of-line call costs
// about as much as the step.
NodeId next_in_document(const html::Document& doc, NodeId n) {
  if (NodeId c = doc.first_child(n); c != html::kNoNode) return c;
  for (; n != html::kNoNode && n != doc.root(); n = doc.parent(n))
    if (NodeId s = doc.next_sibling(n); s != html::kNoNode) return s;
  return html::kNoNode;
}

constexpr uint32_t kItempropLength = std::string_view("itemprop").size();
constexpr uint32_t kClassLength = std::string_view("class").size();
constexpr uint32_t kRelLength = std::string_view("rel").size();
constexpr uint32_t kIdLength = std::string_view("id").size();

void scan(const html::Document& doc, Evidence& e) {
  // Reused across pages: a page has thousands of elements with a class.
  thread_local std::vector<NodeId> candidates;
  candidates.clear();
  // Inside a hides_visible() subtree until the walk reaches `hidden_end`.
  bool hidden = false;
  NodeId hidden_end = html::kNoNode;
  for (NodeId n = doc.root(); n != html::kNoNode; n = next_in_document(doc, n)) {
    if (hidden && n == hidden_end) hidden = false;
    if (!doc.is_element(n)) continue;
    Tag tag = doc.tag(n);
    // The attributes every element is asked for, in one pass. Reading a name
    // costs a cache miss into the string pool, so names are told apart by
    // length first: only an 8-byte name can be "itemprop", and any 5-, 3- or 2-byte
    // name ("class", "rel", "id") makes the element a visible candidate unread.
    std::string_view itemprop;
    bool has_itemprop = false, maybe_class_or_rel = false;
    for (const html::Attribute& a : doc.attributes(n)) {
      const uint32_t length = a.name.length;
      if (length == kItempropLength) {
        if (doc.view(a.name) != "itemprop") continue;
        if (!has_itemprop) itemprop = doc.view(a.value);
        has_itemprop = true;
      } else if (length == kClassLength || length == kRelLength || length == kIdLength) {
        maybe_class_or_rel = true;
      }
    }
    if (!hidden && hides_visible(tag)) {
      hidden = true;
      hidden_end = doc.next_in(n, doc.root(), /*skip_children=*/true);
    }
    if (!hidden && (maybe_class_or_rel || tag == Tag::k_font)) candidates.push_back(n);
    switch (tag) {
      case Tag::k_html:
        set_once(e.html_lang, doc.attr(n, "lang"));
        if (e.html_lang.empty()) set_once(e.html_lang, doc.attr(n, "xml:lang"));
        break;
      case Tag::k_title:
        if (e.html_title.empty() && !has_itemprop) e.html_title = text_of(doc, n);
        break;
      case Tag::k_meta:
        read_meta(doc, n, e);
        continue;  // a meta tag's itemprop names its content (read_meta)
      case Tag::k_link: {
        std::string_view rel = doc.attr(n, "rel");
        if (core::iequals(rel, "canonical")) set_once(e.canonical, doc.attr(n, "href"));
        if (core::iequals(rel, "amphtml")) set_once(e.amp_url, doc.attr(n, "href"));
        if (core::icontains(rel, "alternate") && e.own_links.size() < kMaxOwnLinks)
          add(e.own_links, doc.attr(n, "href"));
        break;
      }
      case Tag::k_a:
        if (core::icontains(doc.attr(n, "rel"), "bookmark") && e.own_links.size() < kMaxOwnLinks &&
            !in_furniture(doc, n))
          add(e.own_links, doc.attr(n, "href"));
        break;
      case Tag::k_input: {
        // A date field the page fills in itself (a booking form's "from" day): the day the page
        // was served. A last resort (resolve_dates, 10).
        if (!e.served_day.empty()) break;
        const std::string_view value = doc.attr(n, "value");
        if (value.size() < 8 || value.size() > 10) break;
        for (std::string_view a : {"name", "id", "class", "type"}) {
          const std::string_view v = doc.attr(n, a);
          if (core::icontains(v, "date") || core::icontains(v, "datum")) {
            e.served_day.assign(value);
            break;
          }
        }
        break;
      }
      case Tag::k_abbr: {
        const std::string_view cls = doc.attr(n, "class"), title = doc.attr(n, "title");
        if (title.empty()) break;
        // Any <abbr> whose title is a date: a short shown time ("6 Okt.", "3 hrs") with the full
        // date for the reader who points at it. A last resort (resolve_dates, 9).
        if (e.abbr_titles.size() < kMaxVisibleCandidates && title.size() <= kMaxDateLineBytes &&
            !in_furniture(doc, n))
          add(e.abbr_titles, title);
        if (cls.empty()) break;
        const bool published = has_class_named(cls, kHatomPublished);
        std::vector<std::string>& dates = published ? e.hatom_published : e.hatom_updated;
        if ((published || has_class_named(cls, kHatomUpdated)) &&
            dates.size() < kMaxVisibleCandidates && !in_furniture(doc, n))
          add(dates, title);
        break;
      }
      case Tag::k_script: {
        if (core::icontains(doc.attr(n, "type"), "ld+json")) {
          NodeId t = doc.first_child(n);
          if (t != html::kNoNode && doc.is_text(t)) add_json_ld(doc.text(t), e.json_ld);
        }
        continue;
      }
      case Tag::k_style:
      case Tag::k_template:
        continue;
      case Tag::k_h1:
        if (e.h1s.size() < 4) {
          std::string h = text_of(doc, n);
          if (!h.empty()) {
            e.h1s.push_back(std::move(h));
            e.h1_nodes.push_back(n);
          }
        }
        break;
      case Tag::k_h2:
      case Tag::k_h3:
        if (e.subheads.size() < kMaxSubheads) {
          std::string h = text_of(doc, n, kMaxHeadlineBytes);
          if (h.size() >= kMinHeadlineBytes) {
            e.subheads.push_back(std::move(h));
            e.subhead_nodes.push_back(n);
          }
        }
        break;
      case Tag::k_time:
        // A <time> inside a <blockquote> dates the quoted or embedded post, not the page.
        if (e.time_datetimes.size() < kMaxVisibleCandidates &&
            !in_furniture(doc, n, /*article_aside=*/true,
                          e.h1_nodes.empty() ? html::kNoNode : e.h1_nodes.front()) &&
            !inside(doc, n, Tag::k_blockquote)) {
          std::string_view dt = doc.attr(n, "datetime");
          if (!core::trim(dt).empty()) {
            add(e.time_datetimes, dt);
            e.time_texts.push_back(text_of(doc, n, kMaxDateLineBytes));
          } else if (e.bare_time_texts.size() < kMaxVisibleCandidates) {
            add(e.bare_time_texts, text_of(doc, n, kMaxDateLineBytes));
          }
        }
        break;
      case Tag::k_article:
      case Tag::k_main:
        if (e.first_article == html::kNoNode && !in_furniture(doc, n)) e.first_article = n;
        break;
      default:
        break;
    }
    if (!itemprop.empty()) read_itemprop(doc, n, itemprop, e);
  }
  VisibleWants wants;
  wants.heads = e.h1s.empty();
  bool has_person = !e.meta_authors.empty() || !e.itemprop_authors.empty();
  for (const JsonLdAuthor& a : e.json_ld.article.authors) has_person |= !a.organization;
  wants.bylines = !has_person;
  wants.dates = e.json_ld.article.date_published.empty() &&
                e.json_ld.other_date_published.empty() && e.meta_published.empty() &&
                e.hatom_published.empty() && e.itemprop_published.empty() &&
                e.meta_other_dates.empty() && e.time_datetimes.empty();
  if (wants.any()) scan_visible(doc, candidates, wants, e);
}

// --- Resolution -----------------------------------------------------------

std::string first_of(std::initializer_list<const std::string*> values) {
  for (const std::string* v : values)
    if (!v->empty()) return *v;
  return "";
}

std::string choose_title(const Evidence& e, const Site& site) {
  const JsonLdArticle& ld = e.json_ld.article;
  const std::vector<std::string>& heads = e.h1s.empty() ? e.styled_heads : e.h1s;
  const std::initializer_list<const std::string*> declared = {
      &e.og_title, &ld.headline,     &e.twitter_title, &e.itemprop_headline,
      &e.dc_title, &e.parsely_title, &e.html_title};
  std::vector<std::string> head_keys;  // computed once: each head meets every candidate
  for (const std::string& h : heads) head_keys.push_back(comparison_key(h));
  auto a_head_repeats = [&](const std::string& title) {
    if (head_keys.empty()) return false;
    std::string key = comparison_key(title);
    return std::find(head_keys.begin(), head_keys.end(), key) != head_keys.end();
  };
  // 0. A declared title that a visible <h1> repeats whole.
  for (const std::string* c : declared)
    if (!c->empty() && a_head_repeats(*c)) return collapsed(*c);
  std::vector<std::string> candidates;
  for (const std::string* c : declared) {
    if (c->empty()) continue;
    std::string s = strip_site_name(*c, site.name, site.domain);
    if (site.name.empty()) s = strip_unnamed_site(s);
    if (!s.empty()) candidates.push_back(std::move(s));
  }
  // 1. A metadata headline that a visible <h1> repeats.
  for (const std::string& c : candidates)
    if (a_head_repeats(c)) return c;
  // 2. A visible <h1> that a metadata title repeats with site furniture after it.
  for (const std::string& h : heads)
    for (const std::string* t : {&e.og_title, &e.html_title, &e.twitter_title})
      if (is_headline_with_tail(*t, h)) return collapsed(h);
  // 3. The most specific metadata headline. On a page with no headline metadata and no <h1>,
  // an element styled as the headline outranks a <title> that does not contain it (see
  // tests/pages/table-layout-lodge: "Gazette Online - Local News").
  const bool only_html_title = candidates.size() == 1 && !e.html_title.empty();
  if (only_html_title && e.h1s.empty() && looks_like_site_and_section(e.html_title))
    for (const std::string& h : e.styled_heads)
      if (comparison_key(h) != comparison_key(site.name) &&
          strip_site_name(e.html_title, h, "") == collapsed(e.html_title))
        return collapsed(h);
  if (!candidates.empty()) return candidates.front();
  // 4. The first visible headline.
  if (!heads.empty()) return heads.front();
  return "";
}

// --- Dates ---

int64_t day_number(const fields::ParsedDate& d) {
  return core::days_from_civil(d.year, d.month, d.day);
}

int64_t today() {
  using namespace std::chrono;
  return duration_cast<days>(system_clock::now().time_since_epoch()).count();
}

struct DateCandidate {
  fields::ParsedDate date;
  std::string iso;
};

// ISO 8601's basic form, which some meta tags hold: "20210304", "20210304101500". Read only in
// values that are a date and nothing else; in running text eight digits are an id as often.
std::optional<fields::ParsedDate> basic_iso_date(std::string_view raw) {
  if (raw.size() != 8 && raw.size() != 14) return std::nullopt;
  for (char c : raw)
    if (c < '0' || c > '9') return std::nullopt;
  auto number = [&](size_t at, size_t n) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) v = v * 10 + (raw[i] - '0');
    return v;
  };
  fields::ParsedDate d;
  d.year = number(0, 4);
  d.month = number(4, 2);
  d.day = number(6, 2);
  if (!fields::is_valid_date(d.year, d.month, d.day)) return std::nullopt;
  if (raw.size() == 14) {
    d.hour = number(8, 2);
    d.minute = number(10, 2);
    d.second = number(12, 2);
    if (d.hour > 23 || d.minute > 59 || d.second > 60) return std::nullopt;
    d.has_time = true;
  }
  return d;
}

// Every date is written in one shape: RFC 3339 with the offset the page states,
// YYYY-MM-DDTHH:MM:SS when it states no zone, YYYY-MM-DD when it gives only the day.
// `options`: how the page writes numeric dates (date_options()).
std::optional<DateCandidate> read_date(std::string_view raw, bool search,
                                       const fields::DateOptions& options = {}) {
  raw = core::trim(raw);
  if (raw.empty()) return std::nullopt;
  std::optional<fields::ParsedDate> d = fields::parse_date(raw, options);
  if (!d && !search) d = basic_iso_date(raw);
  if (!d && search) {
    if (auto m = fields::find_date(raw, options)) d = m->date;
  }
  if (!d) return std::nullopt;
  if (day_number(*d) > today() + kFutureSlackDays) return std::nullopt;
  return DateCandidate{*d, d->iso()};
}

// --- Dates in the visible text ---

// The text read for a date around the headline, where date lines stand.
constexpr size_t kDateTextBeforeHead = 300;    // a date line above the headline, in its header
constexpr size_t kDateTextAfterHead = 1500;    // the byline, the date line and the first lines
constexpr size_t kDateTextWithoutHead = 3000;  // a page with no headline element: its top
// A date line ends this close above the headline; a date this far below it is not its byline's.
constexpr size_t kDateLineAboveHead = 80;
constexpr size_t kFarBelowHead = 400;
// Whole-page text is never gathered past this; the window above is all that is read.
constexpr size_t kMaxPageText = 200000;
// Words that make the date after them an update: "Updated June 13", "Aktualisiert am".
constexpr std::string_view kUpdateWords[] = {
    "updated",     "update",   "aktualisiert", "geändert",       "mis à jour", "modifié",
    "actualizado", "actualiz", "aggiornat",    "bijgewerkt",     "atualizado", "modified",
    "edited",      "revised",  "last changed", "letzte änderung"};
// How far before a date its label is looked for.
constexpr size_t kLabelLookBehind = 40;

// Class names (whole, or the first word of a hyphenated one) of parts that hold other dates
// than the page's: comments, related stories, sidebars. Fewer than kFurnitureClasses: a
// "teaser" or "more" block may hold the story itself (its date line beside it).
constexpr std::string_view kDateFurnitureClasses[] = {"related", "comment", "comments", "sidebar",
                                                      "recommended"};

bool is_date_furniture_class(std::string_view cls) {
  return has_class_named(cls, kDateFurnitureClasses);
}

// Elements whose text is never the page's own date: menus, comments, related stories, pickers.
bool skips_for_dates(const html::Document& doc, NodeId n) {
  switch (doc.tag(n)) {
    case Tag::k_script:
    case Tag::k_style:
    case Tag::k_noscript:
    case Tag::k_template:
    case Tag::k_head:
    case Tag::k_nav:
    case Tag::k_footer:
    case Tag::k_aside:
    case Tag::k_select:
      return true;
    default:
      return is_date_furniture_class(doc.attr(n, "class"));
  }
}

// An <aside> after the headline this short is the story's details box (date, author, topics),
// not a sidebar of other stories.
constexpr size_t kMaxDetailsAsideBytes = 300;

bool details_beside_headline(const html::Document& doc, NodeId n) {
  return doc.is(n, Tag::k_aside) && !is_date_furniture_class(doc.attr(n, "class")) &&
         text_of(doc, n, kMaxDetailsAsideBytes).size() <= kMaxDetailsAsideBytes;
}

// The page's visible text outside furniture, and where `anchor`'s text starts in it.
struct PageText {
  std::string text;
  size_t anchor = std::string::npos;
};

PageText page_text(const html::Document& doc, NodeId anchor,
                   size_t without_anchor = kDateTextWithoutHead) {
  PageText out;
  bool pending = false;
  for (NodeId n = doc.root(); n != html::kNoNode;) {
    if (n == anchor) {
      if (!out.text.empty()) out.text += ' ';
      pending = false;
      out.anchor = out.text.size();
    }
    if (doc.is_element(n) && skips_for_dates(doc, n) &&
        (anchor == html::kNoNode || !holds(doc, n, anchor)) &&
        !(out.anchor != std::string::npos && details_beside_headline(doc, n))) {
      n = doc.next_in(n, doc.root(), /*skip_children=*/true);
      continue;
    }
    if (doc.is_text(n)) {
      core::append_collapsed(out.text, doc.text(n), pending);
      pending = true;  // text nodes are apart: "12" and "March 2021" in two spans
    } else if (doc.is_element(n)) {
      pending = true;
    }
    const size_t enough = out.anchor == std::string::npos
                              ? (anchor == html::kNoNode ? without_anchor : kMaxPageText)
                              : out.anchor + kDateTextAfterHead;
    if (out.text.size() > enough) break;
    n = doc.next_in(n, doc.root());
  }
  return out;
}

struct TextDate {
  fields::ParsedDate date;
  size_t begin = 0, end = 0;
  bool update = false;  // labelled as an update ("Updated ...")
  bool byline = false;  // right after a byline ("By Jane Doe Mar 5, 2025")
};

// `floor`: where the text before the date may start (the end of the date before it).
bool labelled_update(std::string_view text, size_t floor, size_t begin) {
  const size_t from = std::max(floor, begin > kLabelLookBehind ? begin - kLabelLookBehind : 0);
  // Only the label right before the date counts: stop at the previous date's end or a bar.
  std::string before = core::ascii_lower(text.substr(from, begin - from));
  const size_t bar = before.find_last_of("|");
  if (bar != std::string::npos) before.erase(0, bar + 1);
  for (std::string_view w : kUpdateWords)
    if (before.find(w) != std::string::npos) return true;
  return false;
}

// Words that make the date after them the publication: "Veröffentlicht am", "Publié le",
// "Dieser Artikel wurde am ... geschrieben" (the label may follow), "Posted on".
constexpr std::string_view kPublishWords[] = {
    "published", "posted",      "veröffentlicht", "erschienen",   "geschrieben", "publié",
    "publicado", "pubblicato",  "gepubliceerd",   "geplaatst",    "datum:",      "date:",
    "erstellt",  "publiziert",  "gepostet",       "mis en ligne", "publiée",     "publicada",
    "fecha:",    "publicación", "pubblicata",     "data:",        "publicatie"};

// A byline that dates the post: "Von Christian am 03.05.2013", "by Jane Doe on June 2, 2021",
// "Par Marie le 4 mars 2021". The words before the name and before the date, per language.
constexpr std::pair<std::string_view, std::string_view> kBylineDateWords[] = {
    {"by ", " on"},  {"von ", " am"}, {"par ", " le"},
    {"por ", " el"}, {"di ", " il"},  {"door ", " op"}};
// The name between them is a few words.
constexpr size_t kMaxBylineNameBytes = 30;

bool dated_byline(std::string_view before) {
  while (!before.empty() && (before.back() == ' ' || before.back() == ',')) before.remove_suffix(1);
  for (const auto& [by, on] : kBylineDateWords) {
    if (!before.ends_with(on)) continue;
    const std::string_view name_and_by = before.substr(0, before.size() - on.size());
    const size_t at = name_and_by.rfind(by);
    if (at == std::string_view::npos || (at > 0 && name_and_by[at - 1] != ' ')) continue;
    const size_t name_bytes = name_and_by.size() - at - by.size();
    if (name_bytes > 0 && name_bytes <= kMaxBylineNameBytes) return true;
  }
  return false;
}

// A byline right before the date, without a word between: "By Jane Doe Mar 5, 2025", "By Jared
// Newman and Sam Singleton Nov 25, 2025", "Written by Jane Doe | June 2, 2021". The name is a few
// capitalised words (with "and", "&", commas); nothing else stands between "by" and the date.
constexpr size_t kMaxBylineNamesBytes = 60;

bool byline_before(std::string_view text, size_t floor, size_t begin) {
  const size_t from =
      std::max(floor, begin > kMaxBylineNamesBytes + 4 ? begin - kMaxBylineNamesBytes - 4 : 0);
  std::string_view before = text.substr(from, begin - from);
  auto is_sep = [](char c) { return c == ' ' || c == ',' || c == '|' || c == '-'; };
  while (!before.empty() && is_sep(before.back())) before.remove_suffix(1);
  // "•", "·" (UTF-8) between the name and the date.
  for (std::string_view dot : {std::string_view("\xe2\x80\xa2"), std::string_view("\xc2\xb7")})
    if (before.ends_with(dot)) before.remove_suffix(dot.size());
  while (!before.empty() && is_sep(before.back())) before.remove_suffix(1);
  size_t at = std::string_view::npos;
  for (size_t i = before.size(); i-- > 0;) {
    if ((before[i] == 'b' || before[i] == 'B') && i + 2 < before.size() &&
        (before[i + 1] == 'y' || before[i + 1] == 'Y') && before[i + 2] == ' ' &&
        (i == 0 || before[i - 1] == ' ' || before[i - 1] == ':')) {
      at = i;
      break;
    }
  }
  if (at == std::string_view::npos) return false;
  // A thread's "last post by", "reply by": another writer's date.
  {
    std::string_view lead = before.substr(0, at);
    while (!lead.empty() && (lead.back() == ' ' || lead.back() == ':')) lead.remove_suffix(1);
    const std::string word = core::ascii_lower(lead.substr(lead.find_last_of(' ') + 1));
    for (std::string_view other : {"post", "reply", "replied", "comment", "answer", "answered",
                                   "message", "edited", "updated", "reviewed", "photo", "photos"})
      if (word == other) return false;
  }
  std::string_view names = before.substr(at + 3);
  if (names.empty() || names.size() > kMaxBylineNamesBytes) return false;
  // Words: capitalised (or a connective), no digits.
  size_t words = 0;
  for (size_t b = 0; b < names.size();) {
    size_t e = names.find(' ', b);
    if (e == std::string_view::npos) e = names.size();
    std::string_view w = names.substr(b, e - b);
    b = e + 1;
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) w.remove_suffix(1);
    if (w.empty()) continue;
    if (w == "and" || w == "&" || w == "und" || w == "et" || w == "y" || w == "e") continue;
    for (char c : w)
      if (c >= '0' && c <= '9') return false;
    const unsigned char first = static_cast<unsigned char>(w[0]);
    if (first < 0x80 && !(first >= 'A' && first <= 'Z')) return false;
    ++words;
  }
  return words >= 1 && words <= 8;
}

// A byline right after the date: "16 December 2025 by Sam O'Brien", "03.04.2019 Von Olaf Kempin".
constexpr std::string_view kBylineWordsAfterDate[] = {"by", "von", "par", "por", "di", "door"};

bool byline_after(std::string_view text, size_t end) {
  std::string_view rest = text.substr(std::min(end, text.size()), 40);
  auto skip = [&]() {
    for (;;) {
      if (!rest.empty() && (rest[0] == ' ' || rest[0] == '|' || rest[0] == '-' || rest[0] == ','))
        rest.remove_prefix(1);
      else if (rest.starts_with("\xc2\xa0") || rest.starts_with("\xc2\xb7"))
        rest.remove_prefix(2);
      else if (rest.starts_with("\xe2\x80\xa2"))
        rest.remove_prefix(3);
      else
        return;
    }
  };
  skip();
  for (std::string_view by : kBylineWordsAfterDate) {
    if (rest.size() <= by.size() || !core::iequals(rest.substr(0, by.size()), by)) continue;
    std::string_view name = rest.substr(by.size());
    if (name.empty() || !(name[0] == ' ' || name.starts_with("\xc2\xa0"))) continue;
    rest = name;
    skip();
    if (rest.empty()) return false;
    const unsigned char first = static_cast<unsigned char>(rest[0]);
    return (first >= 'A' && first <= 'Z') || first >= 0xC3;
  }
  return false;
}

// True when the date at `begin` follows the previous one (ending at `previous_end`) with nothing
// but spaces between: "On January 12, 2025 January 22, 2025 By Jane", a publication and an
// update side by side, of which the second is the update.
bool second_of_pair(std::string_view text, size_t previous_end, size_t begin) {
  if (previous_end == std::string_view::npos || previous_end > begin) return false;
  for (char c : text.substr(previous_end, begin - previous_end))
    if (c != ' ') return false;
  return true;
}

bool labelled_published(std::string_view text, size_t begin, size_t end) {
  const size_t from = begin > kLabelLookBehind ? begin - kLabelLookBehind : 0;
  const size_t to = std::min(text.size(), end + kLabelLookBehind);
  const std::string around = core::ascii_lower(text.substr(from, to - from));
  for (std::string_view w : kPublishWords)
    if (around.find(w) != std::string::npos) return true;
  return dated_byline(std::string_view(around).substr(0, begin - from)) ||
         byline_before(text, from, begin);
}

// The dates in text[begin, end), in order; future dates left out.
std::vector<TextDate> dates_in(std::string_view text, size_t begin, size_t end,
                               const fields::DateOptions& options) {
  std::vector<TextDate> out;
  end = std::min(end, text.size());
  size_t at = begin;
  size_t previous_end = begin;
  while (at < end) {
    std::optional<fields::DateMatch> m = fields::find_date(text.substr(at, end - at), options);
    if (!m) break;
    const size_t b = at + m->begin;
    if (day_number(m->date) <= today() + kFutureSlackDays)
      out.push_back(
          {m->date, b, at + m->end, labelled_update(text, previous_end, b),
           byline_before(text, previous_end, b) ||
               (!second_of_pair(text, out.empty() ? std::string_view::npos : previous_end, b) &&
                byline_after(text, at + m->end))});
    previous_end = at + m->end;
    at += std::max<size_t>(m->end, 1);
  }
  return out;
}

// Where the article's own text starts: the headline that the title repeats, else the first
// <h1>, a styled headline, the first <article> or <main>.
NodeId date_anchor(const Evidence& e, std::string_view title) {
  const std::string title_key = comparison_key(title);
  for (size_t i = 0; i < e.h1s.size(); ++i)
    if (!title_key.empty() && comparison_key(e.h1s[i]) == title_key) return e.h1_nodes[i];
  if (!e.h1_nodes.empty()) return e.h1_nodes.front();
  // A page without <h1> whose <h2> or <h3> the title repeats, perhaps with the site's name
  // after it ("Headline ‹ Site").
  for (size_t i = 0; i < e.subheads.size() && !title_key.empty(); ++i) {
    const std::string key = comparison_key(e.subheads[i]);
    if (!key.empty() && title_key.starts_with(key) && 2 * key.size() >= title_key.size())
      return e.subhead_nodes[i];
  }
  if (!e.styled_head_nodes.empty()) return e.styled_head_nodes.front();
  return e.first_article;
}

struct VisibleDates {
  std::optional<fields::ParsedDate> published;
  std::optional<fields::ParsedDate> updated;
  // The first date near the headline that follows a byline, not labelled as an update.
  std::optional<fields::ParsedDate> byline;
};

// The date the page shows with its headline: the first one after it (its byline or date line,
// the first lines of the story), else the last one just above it. Dates labelled as updates
// are kept apart.
// `near_only`: the dates around the headline alone, without the search of the whole page after.
VisibleDates dates_near_headline(const html::Document& doc, const Evidence& e,
                                 std::string_view title, const fields::DateOptions& options,
                                 bool near_only = false) {
  const NodeId anchor = date_anchor(e, title);
  const PageText page = page_text(doc, anchor);
  VisibleDates out;
  auto take = [&](const std::vector<TextDate>& found, bool last) {
    for (size_t i = 0; i < found.size(); ++i) {
      const TextDate& d = found[last ? found.size() - 1 - i : i];
      if (d.byline && !d.update && !out.byline) out.byline = d.date;
      if (d.update) {
        if (!out.updated) out.updated = d.date;
      } else if (!out.published) {
        out.published = d.date;
      }
    }
  };
  if (page.anchor == std::string::npos) {
    take(dates_in(page.text, 0, kDateTextWithoutHead, options), false);
  } else {
    const std::vector<TextDate> after =
        dates_in(page.text, page.anchor, page.anchor + kDateTextAfterHead, options);
    const size_t from = page.anchor > kDateTextBeforeHead ? page.anchor - kDateTextBeforeHead : 0;
    const std::vector<TextDate> before = dates_in(page.text, from, page.anchor, options);
    // A date line right above the headline ("02.02.2022 10:16 Uhr - Bundesliga") is the story's
    // where the first date after the headline is far below it, in a list of other stories.
    if (!before.empty() && !before.back().update &&
        page.anchor - before.back().end <= kDateLineAboveHead &&
        (after.empty() || after.front().begin - page.anchor > kFarBelowHead))
      take(before, true);
    take(after, false);
    if (!out.published) take(before, true);
  }
  if (out.published || near_only) return out;
  // Then a date the page labels as its publication anywhere outside furniture: the line
  // under a blog post ("Dieser Artikel wurde am 14. Dezember 2015 ... geschrieben").
  const PageText whole = page_text(doc, html::kNoNode, kMaxPageText);
  for (const TextDate& d : dates_in(whole.text, 0, whole.text.size(), options)) {
    if (d.update) {
      if (!out.updated) out.updated = d.date;  // "Last updated: November 13, 2025"
    } else if (labelled_published(whole.text, d.begin, d.end)) {
      out.published = d.date;
      break;
    }
  }
  return out;
}

// --- The page's own day ---

// Largest zone offset, in minutes (UTC+14).
constexpr int kMaxOffsetMinutes = 14 * 60;

int64_t minutes_of(const fields::ParsedDate& d) {
  return day_number(d) * 1440 + d.hour * 60 + d.minute - d.offset_minutes.value_or(0);
}

// `utc` (a time stated in UTC) as the page states it locally, when `local` is the same moment:
// with its own offset, or a wall-clock time without a zone that differs from `utc` by a whole
// zone offset (whose offset it then gets). A day alone is not enough: a caption's or another
// story's day sits near the headline as often as the page's own.
std::optional<fields::ParsedDate> as_local(const fields::ParsedDate& utc,
                                           const fields::ParsedDate& local) {
  if (local.has_time && local.offset_minutes) {
    if (*local.offset_minutes != 0 && minutes_of(local) == minutes_of(utc)) return local;
    return std::nullopt;
  }
  if (local.has_time) {
    const int64_t shift = minutes_of(local) - minutes_of(utc);  // wall clock minus UTC
    // A wall clock without seconds states the minute: "November 18, 2019, 08:19 PM".
    const bool same_second = local.second == utc.second || local.second == 0;
    if (shift == 0 || shift % 15 != 0 || shift > kMaxOffsetMinutes || shift < -kMaxOffsetMinutes ||
        !same_second)
      return std::nullopt;
    fields::ParsedDate out = local;
    out.offset_minutes = static_cast<int>(shift);
    return out;
  }
  return std::nullopt;
}

// `day` when it is the day of the moment `utc` in some zone (UTC-12 to UTC+14).
std::optional<fields::ParsedDate> day_of_moment(const fields::ParsedDate& utc,
                                                const fields::ParsedDate& day) {
  const int64_t at = minutes_of(utc);
  const int64_t start = day_number(day) * 1440;  // the day's midnight, as if in UTC
  // In zone z (minutes east), the moment falls on `day` when start <= at + z < start + 1440.
  const int64_t lowest = start - at, highest = start + 1440 - 1 - at;
  if (highest < -12 * 60 || lowest > kMaxOffsetMinutes) return std::nullopt;
  return day;
}

// Dates of this many different days in one kind of markup belong to a list of items.
constexpr size_t kMinListDays = 3;

// Counted up to kMinListDays: a page may hold thousands.
size_t distinct_days(const std::vector<std::string>& raws) {
  std::vector<int64_t> days;
  for (const std::string& raw : raws) {
    if (days.size() >= kMinListDays) break;
    std::optional<DateCandidate> c = read_date(raw, false);
    if (c && std::find(days.begin(), days.end(), day_number(c->date)) == days.end())
      days.push_back(day_number(c->date));
  }
  return days.size();
}

// "2023-06-13...": the ISO 8601 shape machines write.
bool starts_iso(std::string_view raw) {
  raw = core::trim(raw);
  if (raw.size() < 10) return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (raw[i] < '0' || raw[i] > '9') return false;
  return raw[4] == '-' && raw[7] == '-';
}

// "03-09-2026", "3/9/2026", "03.09.2026 10:00": a value that starts with one or two digits, a
// separator, one or two digits and the same separator. Which of the two is the month depends on
// who wrote it.
bool ambiguous_numeric(std::string_view raw) {
  raw = core::trim(raw);
  auto digits = [&](size_t& i) {
    const size_t from = i;
    while (i < raw.size() && i - from < 3 && raw[i] >= '0' && raw[i] <= '9') ++i;
    return i - from >= 1 && i - from <= 2;
  };
  size_t i = 0;
  if (!digits(i) || i >= raw.size()) return false;
  const char sep = raw[i];
  if (sep != '-' && sep != '/' && sep != '.') return false;
  ++i;
  return digits(i) && i < raw.size() && raw[i] == sep;
}

// True when `shown` is the day of `stated` as some zone sees it: the same day, or for a time with
// a zone, the day that moment falls on somewhere (UTC-12 to UTC+14).
bool same_day_stated(const fields::ParsedDate& stated, const fields::ParsedDate& shown) {
  if (day_number(stated) == day_number(shown)) return true;
  // "10/12/2023" is read day first; written month first it is the same day, and the text
  // cannot tell: it does not contradict.
  if (shown.day <= 12 && stated.year == shown.year && stated.month == shown.day &&
      stated.day == shown.month)
    return true;
  return stated.has_time && stated.offset_minutes && day_of_moment(stated, shown).has_value();
}

// --- Dates in the page's links to itself ---

// The day in the addresses the page gives itself: its permalink (rel=bookmark, the link on its
// headline) and its other versions and feeds (rel=alternate). None where they name different
// days: then they are a list's.
std::optional<fields::ParsedDate> own_link_date(const html::Document& doc, const Evidence& e,
                                                std::string_view title) {
  std::vector<std::string_view> links(e.own_links.begin(), e.own_links.end());
  // The headline's link: an <a> inside it or around it.
  // (date_anchor() may fall back on the <article> or <main>: its links are the story's, not
  // the headline's.)
  if (const NodeId head = date_anchor(e, title);
      head != html::kNoNode && !doc.is(head, Tag::k_article) && !doc.is(head, Tag::k_main)) {
    for (NodeId n = head; n != html::kNoNode; n = doc.next_in(n, head))
      if (doc.is(n, Tag::k_a)) links.push_back(doc.attr(n, "href"));
    for (NodeId n = doc.parent(head); n != html::kNoNode; n = doc.parent(n))
      if (doc.is(n, Tag::k_a)) links.push_back(doc.attr(n, "href"));
  }
  std::optional<fields::ParsedDate> found;
  for (std::string_view link : links) {
    std::optional<fields::ParsedDate> d = fields::date_from_url(link);
    if (!d || day_number(*d) > today() + kFutureSlackDays) continue;
    if (found && day_number(*found) != day_number(*d)) return std::nullopt;
    found = d;
  }
  return found;
}

// --- Dates in the page's script data ---

// Script text read for data keys, in all: state blobs run to megabytes, and the article's own
// data comes early in them.
constexpr size_t kMaxScriptDataBytes = 2 << 20;
// A key name is a word or two; a value an ISO 8601 date and time.
constexpr size_t kMaxDataKeyBytes = 40;
constexpr size_t kMaxDataValueBytes = 40;
// Between a key and its value: a closing quote (escaped: \"), a colon, an opening quote, spaces.
constexpr size_t kMaxDataQuoteBytes = 6;
// Values kept from one page's scripts: enough to tell one story from a list.
constexpr size_t kMaxScriptDataValues = 64;

// A data key that names a publication date: "publishedAt", "publish_date", "datePublished",
// "firstPublishedTime", "pubDate"; not an update ("lastPublishedUpdate", "publishModified").
bool key_says_published(std::string_view key) {
  const std::string k = core::ascii_lower(key);
  if (k == "pubdate") return true;
  return k.find("publish") != std::string::npos && k.find("modif") == std::string::npos &&
         k.find("updat") == std::string::npos && k.find("unpublish") == std::string::npos &&
         k.find("expir") == std::string::npos;
}

// The values in ISO 8601 of such keys in one script's text ("publishedAt":"2021-03-04T10:00Z",
// also with escaped quotes inside a JSON string), appended to `out`.
void published_values_in_script(std::string_view text, std::vector<std::string>& out) {
  // Every search below looks a bounded way from a hit: a hostile script without quotes must
  // not make each hit read the whole text.
  auto window = [&](size_t b, size_t n) { return text.substr(b, std::min(n, text.size() - b)); };
  for (std::string_view needle : {std::string_view("ublish"), std::string_view("ubDate")}) {
    for (size_t at = text.find(needle);
         at != std::string_view::npos && out.size() < kMaxScriptDataValues;
         at = text.find(needle, at + needle.size())) {
      // The key: from the quote before it to the quote after it.
      const size_t from = at > kMaxDataKeyBytes ? at - kMaxDataKeyBytes : 0;
      const size_t open = window(from, at - from).find_last_of("\"'");
      const size_t close = window(at, kMaxDataKeyBytes).find_first_of("\"'\\");
      if (open == std::string_view::npos || close == std::string_view::npos) continue;
      const std::string_view key = text.substr(from + open + 1, at + close - (from + open + 1));
      if (key.empty() || key.find_first_of(" :,{}") != std::string_view::npos ||
          !key_says_published(key))
        continue;
      // ':' and the value's opening quote, escaped or not.
      auto skip_quotes = [&](size_t v, size_t most) {
        for (size_t limit = v + most;
             v < text.size() && v < limit &&
             (text[v] == '\\' || text[v] == '"' || text[v] == '\'' || text[v] == ' ');)
          ++v;
        return v;
      };
      size_t v = skip_quotes(at + close, kMaxDataQuoteBytes);
      if (v >= text.size() || text[v] != ':') continue;
      v = skip_quotes(v + 1, kMaxDataQuoteBytes);
      if (v >= text.size()) continue;
      const size_t end = window(v, kMaxDataValueBytes + 1).find_first_of("\"'\\");
      if (end == std::string_view::npos) continue;
      const std::string_view value = text.substr(v, end);
      if (starts_iso(value)) out.emplace_back(value);
    }
  }
}

// The publication date the page's script data states (a framework's state, an analytics
// object), for pages whose markup states none: the first such value, unless the data dates
// kMinListDays or more days (a list of stories).
std::optional<DateCandidate> date_in_script_data(const html::Document& doc) {
  std::vector<std::string> values;
  size_t read = 0;
  for (NodeId n = doc.root(); n != html::kNoNode && read < kMaxScriptDataBytes;
       n = doc.next_in(n, doc.root())) {
    if (!doc.is(n, Tag::k_script) || core::icontains(doc.attr(n, "type"), "ld+json")) continue;
    const NodeId t = doc.first_child(n);
    if (t == html::kNoNode || !doc.is_text(t)) continue;
    std::string_view text = doc.text(t);
    text = text.substr(0, kMaxScriptDataBytes - read);
    read += text.size();
    published_values_in_script(text, values);
  }
  if (values.empty() || distinct_days(values) >= kMinListDays) return std::nullopt;
  return read_date(values.front(), false);
}

void resolve_dates(const html::Document& doc, const Evidence& e, std::string_view url,
                   PageMetadata& meta) {
  const JsonLdArticle& ld = e.json_ld.article;
  const fields::DateOptions options = date_options(e);
  std::optional<fields::ParsedDate> url_date;
  // The page's addresses: its own, the canonical, og:url (where a canonical link holds no
  // address), the AMP version's, the JSON-LD article's.
  for (std::string_view u : {url, std::string_view(meta.canonical_url), std::string_view(e.og_url),
                             std::string_view(e.amp_url), std::string_view(ld.url)})
    if (!url_date && !u.empty()) url_date = fields::date_from_url(u);
  if (url_date && day_number(*url_date) > today() + kFutureSlackDays) url_date.reset();
  auto near_url = [&](const fields::ParsedDate& d) {
    if (!url_date) return true;
    const int64_t gap = day_number(d) - day_number(*url_date);
    return gap <= kMaxDaysFromUrlDate && gap >= -kMaxDaysFromUrlDate;
  };

  // 1. Structured sources in order of trust: the first date that reads and agrees with the
  // URL's date wins. All are kept as statements of the local time (step 2).
  std::vector<fields::ParsedDate> statements;
  std::optional<DateCandidate> chosen;
  std::string_view chosen_raw;
  fields::DateOptions modified_options;  // how the modification dates below are read
  auto consider = [&](std::string_view raw, bool search) {
    std::optional<DateCandidate> c = read_date(raw, search, options);
    if (!c) return;
    statements.push_back(c->date);
    if (!chosen && near_url(c->date)) {
      chosen = std::move(c);
      chosen_raw = raw;
    }
  };
  consider(ld.date_published, false);
  const bool chosen_from_ld = chosen.has_value();
  for (const auto& v : e.meta_published) consider(v, false);
  consider(e.json_ld.other_date_published, false);
  // Microdata dates of many days date a list (teasers, a thread's posts), not the page.
  if (distinct_days(e.itemprop_published) < kMinListDays)
    for (const auto& v : e.itemprop_published) consider(v, false);
  for (const auto& v : e.hatom_published) consider(v, true);
  for (const auto& v : e.meta_other_dates) consider(v, false);
  // A <time> states its moment twice: its datetime for machines and its text for the reader.
  // Where the text names another day than the datetime in any zone, the reader's day is the
  // page's ("Publié le 29 juin 2019" over a datetime of 3 July, a re-indexing time).
  for (size_t i = 0; i < e.time_datetimes.size(); ++i) {
    std::optional<DateCandidate> attr = read_date(e.time_datetimes[i], false, options);
    std::optional<DateCandidate> shown =
        i < e.time_texts.size() ? read_date(e.time_texts[i], true, options) : std::nullopt;
    if (attr && shown && !same_day_stated(attr->date, shown->date))
      consider(e.time_texts[i], true);
    else
      consider(e.time_datetimes[i], false);
  }
  for (const auto& v : e.time_texts) consider(v, true);
  // A <time> or date line labelled as an update ("Updated October 17, 2025") is not the
  // publication.
  for (const auto* lines : {&e.bare_time_texts, &e.visible_dates})
    for (const auto& v : *lines) {
      std::optional<fields::DateMatch> m = fields::find_date(v, options);
      if (!m || !labelled_update(v, 0, m->begin)) consider(v, true);
    }

  // 2. A time stated in UTC gives the page's day only where the page lives there: another
  // statement of the same moment in the local zone (JSON-LD with an offset, a meta tag without
  // a zone, a <time>'s visible time) wins.
  std::optional<VisibleDates> visible;
  auto visible_dates = [&]() -> const VisibleDates& {
    if (!visible) visible = dates_near_headline(doc, e, meta.title, options);
    return *visible;
  };
  if (chosen && chosen->date.has_time && chosen->date.offset_minutes == 0) {
    std::optional<fields::ParsedDate> local;
    for (const fields::ParsedDate& s : statements)
      if (!local && s.has_time) local = as_local(chosen->date, s);
    // A <time> that shows the day alone of that very moment: "02 Novembre 2023" for
    // 2023-11-01T23:01:00Z.
    for (size_t i = 0; !local && i < e.time_datetimes.size() && i < e.time_texts.size(); ++i) {
      std::optional<DateCandidate> attr = read_date(e.time_datetimes[i], false, options);
      std::optional<DateCandidate> shown = read_date(e.time_texts[i], true, options);
      // The same day as in UTC says nothing of the zone: the UTC time stays.
      if (attr && shown && !shown->date.has_time && attr->date.has_time &&
          minutes_of(attr->date) == minutes_of(chosen->date) &&
          day_number(shown->date) != day_number(chosen->date))
        local = day_of_moment(chosen->date, shown->date);
    }
    if (local) chosen = DateCandidate{*local, local->iso()};
  }

  // A JSON-LD date written for people ("Jun 24, 2025") rather than in ISO 8601 comes from a
  // template, not the publishing system, and is often the day the page was last built. Where the
  // page shows another day with its headline, the shown day is the page's.
  if (chosen && chosen_from_ld && !starts_iso(ld.date_published)) {
    if (const auto& v = visible_dates();
        v.published && day_number(*v.published) != day_number(chosen->date))
      chosen = DateCandidate{*v.published, v.published->iso()};
  }

  // A numeric date whose first two numbers could each be the month ("03-09-2026") is read as the
  // page's language writes dates; where the page shows the other reading with its headline
  // ("Published March 9, 2026"), the page has said which it means.
  if (chosen && ambiguous_numeric(chosen_raw) && chosen->date.day <= 12 &&
      chosen->date.day != chosen->date.month) {
    if (const auto& v = visible_dates(); v.published && v.published->year == chosen->date.year &&
                                         v.published->month == chosen->date.day &&
                                         v.published->day == chosen->date.month) {
      fields::ParsedDate swapped = chosen->date;
      std::swap(swapped.month, swapped.day);
      chosen = DateCandidate{swapped, swapped.iso()};
      modified_options.month_first = true;  // the page's other numeric dates are written so too
    }
  }

  // The day a byline gives the story ("By Jane Doe Mar 5, 2025") is the one the page tells its
  // reader; where the structured sources name another day in every zone, a template or a
  // re-indexing wrote them.
  // (Read near the headline only: the whole page's search is for pages without a date.)
  if (chosen) {
    const VisibleDates near = visible ? *visible
                                      : dates_near_headline(doc, e, meta.title, options,
                                                            /*near_only=*/true);
    if (near.byline && !same_day_stated(chosen->date, *near.byline))
      chosen = DateCandidate{*near.byline, near.byline->iso()};
  }

  // 3. The URL's date, then the date in the address of a link the page makes to itself;
  // 4. the date shown with the headline.
  if (!chosen && !url_date) url_date = own_link_date(doc, e, meta.title);
  if (chosen) {
    meta.published = chosen->iso;
  } else if (url_date) {
    meta.published = url_date->iso();
  } else if (const auto& v = visible_dates(); v.published) {
    meta.published = v.published->iso();
  } else if (v.updated) {
    // 5. A page that shows only when it was last updated ("Last updated Aug 04, 2025") is
    // dated by it: the one day it states.
    meta.published = v.updated->iso();
  }

  std::optional<int64_t> published_day;
  if (chosen)
    published_day = day_number(chosen->date);
  else if (url_date)
    published_day = day_number(*url_date);
  else if (visible && (visible->published || visible->updated))
    published_day = day_number(visible->published ? *visible->published : *visible->updated);
  std::vector<std::string_view> modified{ld.date_modified};
  for (const auto& v : e.meta_modified) modified.push_back(v);
  for (const auto& v : e.itemprop_modified) modified.push_back(v);
  for (const auto& v : e.hatom_updated) modified.push_back(v);
  for (std::string_view raw : modified) {
    auto c = read_date(raw, false, modified_options);
    if (!c || (published_day && day_number(c->date) < *published_day)) continue;
    meta.modified = c->iso;
    break;
  }
  if (meta.modified.empty() && visible && visible->updated &&
      (!published_day || day_number(*visible->updated) >= *published_day))
    meta.modified = visible->updated->iso();
  // 6. A page that states no publication anywhere but says when it was last changed
  // (article:modified_time alone) is dated by that day, as a page showing only "Last updated"
  // is (5).
  if (meta.published.empty()) meta.published = meta.modified;
  // 7. The publication date in the page's script data.
  if (meta.published.empty()) {
    if (std::optional<DateCandidate> d = date_in_script_data(doc)) meta.published = d->iso;
  }
  // 8. Last, the day in the path of the page's lead image (".../files/2016/05/04/cover.png"):
  // it was uploaded for the story.
  if (meta.published.empty()) {
    for (const std::string* image : {&e.og_image, &e.twitter_image}) {
      std::optional<fields::ParsedDate> d = fields::date_from_url(*image);
      if (d && day_number(*d) <= today() + kFutureSlackDays) {
        meta.published = d->iso();
        break;
      }
    }
  }
  // 9. The first <abbr> whose title is a whole date ("Freitag, 6. Oktober 2017 um 04:00" over a
  // shown "6. Oktober"): pages that date their posts so give no other date; in a feed of posts
  // the first is the newest.
  if (meta.published.empty()) {
    for (const std::string& t : e.abbr_titles) {
      if (std::optional<DateCandidate> c = read_date(t, false, options)) {
        meta.published = c->iso;
        break;
      }
    }
  }
  // 10. The day a date field of the page's own forms holds: the day the page was served, which
  // a page that states no date of its own is the best word on.
  if (meta.published.empty()) {
    if (std::optional<DateCandidate> c = read_date(e.served_day, false, options))
      meta.published = c->iso;
  }
}

// --- Authors ---

// A one-word author this long found inside the domain is the site's brand.
constexpr size_t kMinBrandInDomain = 4;

bool names_the_site(std::string_view name, const Site& site) {
  std::string key = comparison_key(name);
  if (key.empty()) return false;
  std::string site_key = comparison_key(site.name);
  if (!site_key.empty() && (key == site_key || key.find(site_key) != std::string::npos))
    return true;
  std::string dom = comparison_key(site.domain.substr(0, site.domain.find('.')));
  if (dom.size() >= 3 && key.find(dom) != std::string::npos) return true;
  // One word the domain holds: "Beachbody" on beachbodyondemand.com.
  return name.find(' ') == std::string_view::npos && key.size() >= kMinBrandInDomain &&
         dom.find(key) != std::string::npos;
}

// Authors, agencies and tags kept per list: real pages give a few dozen at
// most; thousands are keyword stuffing, and comparing each with all the
// others would be quadratic (tests/hostile: 10,000 <meta> tags).
constexpr size_t kMaxListed = 100;

// A list without two entries of the same comparison_key(). Each entry's key is
// kept beside it, so that a list of a hundred tags computes a hundred keys, not
// five thousand.
class UniqueList {
 public:
  void add(const std::string& s) {
    if (items_.size() >= kMaxListed) return;
    std::string key = comparison_key(s);
    for (const std::string& k : keys_)
      if (k == key) return;
    items_.push_back(s);
    keys_.push_back(std::move(key));
  }
  const std::vector<std::string>& items() const { return items_; }
  std::vector<std::string> release() { return std::move(items_); }

 private:
  std::vector<std::string> items_;
  std::vector<std::string> keys_;
};

struct AuthorSource {
  UniqueList names;
  UniqueList agencies;
  bool missing_name = false;
};

void read_byline_into(std::string_view text, const Site& site, AuthorSource& out) {
  if (is_http_url(core::trim(text))) return;
  fields::Byline b = fields::parse_byline(text);
  if (b.missing_name()) out.missing_name = true;
  for (const std::string& n : b.names) {
    if (names_the_site(n, site)) continue;
    out.names.add(n);
  }
  for (const std::string& a : b.agencies) out.agencies.add(a);
}

void resolve_authors(const Evidence& e, PageMetadata& meta) {
  const Site& site = meta.site;
  AuthorSource sources[4];
  for (const JsonLdAuthor& a : e.json_ld.article.authors) {
    if (a.organization) {
      if (fields::is_agency_name(a.name)) sources[0].agencies.add(a.name);
      continue;
    }
    read_byline_into(a.name, site, sources[0]);
  }
  // Meta author tags repeat one another; the first that names someone speaks for them all.
  for (const auto& v : e.meta_authors) {
    read_byline_into(v, site, sources[1]);
    if (!sources[1].names.items().empty()) break;
  }
  for (const auto& v : e.itemprop_authors) read_byline_into(v, site, sources[2]);
  for (const auto& v : e.visible_bylines) {
    // A visible byline element often holds the date too; parse_byline drops it.
    read_byline_into(v, site, sources[3]);
    if (!sources[3].names.items().empty()) break;
  }
  bool missing_name = false;
  UniqueList agencies;
  for (AuthorSource& s : sources) {
    for (const auto& a : s.agencies.items()) agencies.add(a);
    missing_name |= s.missing_name;
    if (meta.authors.empty() && !s.names.items().empty()) meta.authors = s.names.release();
  }
  meta.agencies = agencies.release();
  if (meta.authors.empty() && missing_name) meta.warnings.push_back("byline has no name");
}

// --- Tags ---

// True for the given names and life years of an index tag written surname first:
// "Andrew G (1977- )" in "Beshear, Andrew G (1977- )".
bool is_given_names_with_years(std::string_view part) {
  const size_t open = part.find('(');
  if (open == std::string_view::npos || part.find(')', open) == std::string_view::npos)
    return false;
  std::string_view years = core::trim(part.substr(open + 1));
  return years.size() >= 5 && std::isdigit(static_cast<unsigned char>(years[0])) &&
         std::isdigit(static_cast<unsigned char>(years[3])) && years[4] == '-';
}

void split_tags(std::string_view list, UniqueList& out) {
  size_t b = 0;
  while (b <= list.size()) {
    size_t e = list.find_first_of(",;", b);
    if (e == std::string_view::npos) e = list.size();
    // "Beshear, Andrew G (1977- )" is one tag: the comma is inside a name.
    if (e < list.size() && list[e] == ',') {
      size_t next = list.find_first_of(",;", e + 1);
      if (next == std::string_view::npos) next = list.size();
      if (is_given_names_with_years(list.substr(e + 1, next - e - 1))) e = next;
    }
    std::string t = collapsed(list.substr(b, e - b));
    if (!t.empty()) out.add(t);
    b = e + 1;
  }
}

}  // namespace

PageMetadata read_metadata(const html::Document& doc, std::string_view page_url) {
  Evidence e;
  scan(doc, e);
  const JsonLdArticle& ld = e.json_ld.article;
  PageMetadata meta;

  // Addresses: the page's own URL is the base for relative links.
  std::string base = std::string(core::trim(page_url));
  std::string canonical = first_of({&e.canonical, &e.og_url});
  if (canonical.empty() && is_http_url(ld.url)) canonical = ld.url;
  meta.canonical_url = resolve_url(base, canonical);
  if (!is_http_url(meta.canonical_url)) meta.canonical_url.clear();
  for (std::string_view u :
       {std::string_view(base), std::string_view(meta.canonical_url), std::string_view(e.og_url)}) {
    meta.site.domain = domain_of(u);
    if (!meta.site.domain.empty()) break;
  }

  // Site name: what the page calls itself.
  // Site name: what the page calls itself (an address in og:site_name names nothing).
  std::string og_site = is_http_url(e.og_site_name) ? "" : e.og_site_name;
  meta.site.name =
      first_of({&og_site, &ld.publisher, &e.json_ld.website_name, &e.application_name});

  meta.title = choose_title(e, meta.site);
  meta.description =
      first_of({&e.og_description, &e.description, &e.twitter_description, &ld.description});
  meta.description = collapsed(meta.description);

  meta.declared_language = fields::language_code(e.html_lang);
  for (const std::string* l : std::initializer_list<const std::string*>{
           &e.content_language, &e.og_locale, &ld.in_language, &e.json_ld.website_language})
    if (meta.declared_language.empty()) meta.declared_language = fields::language_code(*l);

  resolve_dates(doc, e, base, meta);
  resolve_authors(e, meta);

  meta.section = collapsed(first_of({&ld.section, &e.section, &e.parsely_section}));
  UniqueList tags;
  for (const auto& k : ld.keywords) split_tags(k, tags);
  if (tags.items().empty())
    for (const auto& k : e.article_tags) split_tags(k, tags);
  if (tags.items().empty())
    for (const auto& k : e.keywords) split_tags(k, tags);
  meta.tags = tags.release();

  std::string image = first_of({&e.og_image, &ld.image, &e.twitter_image});
  meta.image_url = resolve_url(base.empty() ? meta.canonical_url : base, image);
  meta.json_ld = std::move(e.json_ld.article);
  return meta;
}

}  // namespace lede::metadata
