#include "metadata/metadata.h"

#include <chrono>
#include <optional>
#include <string_view>

#include "core/text.h"
#include "metadata/language.h"
#include "metadata/title.h"
#include "metadata/url.h"
#include "news/byline.h"
#include "news/credit.h"
#include "news/dates.h"

namespace lede::metadata {
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
// A styled headline is a line of words, not a label or a paragraph.
constexpr size_t kMinHeadlineBytes = 15;
constexpr size_t kMaxHeadlineBytes = 300;
// A metadata date this many days from the URL's date is an update or a page-build time.
constexpr int kMaxDaysFromUrlDate = 1;
// Clocks and zones: a date up to a day past now is a zone difference, not the future.
constexpr int kFutureSlackDays = 1;

// Everything the page says, as written; resolved into PageMetadata afterwards.
struct Evidence {
  std::string html_lang, html_title, content_language;
  std::vector<std::string> h1s;
  std::vector<std::string> styled_heads;  // headline classes, big <font>: old and odd layouts
  std::string og_title, twitter_title, dc_title, parsely_title, itemprop_headline;
  std::string og_site_name, application_name, og_url, canonical;
  std::string description, og_description, twitter_description;
  std::string og_locale, og_image, twitter_image;
  std::vector<std::string> meta_authors;    // author, article:author, dc.creator, parsely-author...
  std::vector<std::string> meta_published;  // article:published_time first, then the others
  std::vector<std::string> meta_other_dates;  // dc.date, date, pubdate...: less specific
  std::vector<std::string> meta_modified;
  std::string section, parsely_section;
  std::vector<std::string> article_tags, keywords;
  std::vector<std::string> itemprop_authors, itemprop_published, itemprop_modified;
  std::vector<std::string> time_datetimes;  // <time datetime> in document order
  std::vector<std::string> visible_bylines;
  std::vector<std::string> visible_dates;
  JsonLd json_ld;
};

std::string text_of(const html::Document& doc, NodeId scope, size_t limit = kMaxElementText) {
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
    }
    if (out.size() > limit) break;
    t = doc.next_in(t, scope);
  }
  return std::string(core::trim(out));
}

void add(std::vector<std::string>& v, std::string_view s) {
  std::string c = core::collapse_space(s);
  if (!c.empty()) v.push_back(std::move(c));
}

void set_once(std::string& slot, std::string_view v) {
  if (slot.empty()) slot = core::collapse_space(v);
}

void read_meta(const html::Document& doc, NodeId n, Evidence& e) {
  std::string_view key = doc.attr(n, "property");
  if (key.empty()) key = doc.attr(n, "name");
  if (key.empty()) key = doc.attr(n, "itemprop");
  std::string_view value = doc.attr(n, "content");
  if (key.empty()) {
    if (core::iequals(doc.attr(n, "http-equiv"), "content-language"))
      set_once(e.content_language, value);
    return;
  }
  if (core::trim(value).empty()) return;
  // "property" may hold several space-separated names (RDFa): take the first known one.
  std::string keys = core::ascii_lower(key);
  size_t b = 0;
  while (b < keys.size()) {
    size_t end = keys.find(' ', b);
    if (end == std::string::npos) end = keys.size();
    std::string_view k = std::string_view(keys).substr(b, end - b);
    b = end + 1;
    if (k.empty()) continue;
    if (k == "og:title")
      set_once(e.og_title, value);
    else if (k == "twitter:title")
      set_once(e.twitter_title, value);
    else if (k == "dc.title" || k == "dcterms.title" || k == "dc:title")
      set_once(e.dc_title, value);
    else if (k == "parsely-title" || k == "sailthru.title")
      set_once(e.parsely_title, value);
    else if (k == "headline")
      set_once(e.itemprop_headline, value);
    else if (k == "og:site_name")
      set_once(e.og_site_name, value);
    else if (k == "application-name" || k == "apple-mobile-web-app-title")
      set_once(e.application_name, value);
    else if (k == "og:url")
      set_once(e.og_url, value);
    else if (k == "description")
      set_once(e.description, value);
    else if (k == "og:description")
      set_once(e.og_description, value);
    else if (k == "twitter:description")
      set_once(e.twitter_description, value);
    else if (k == "author" || k == "article:author" || k == "dc.creator" || k == "dc:creator" ||
             k == "dcterms.creator" || k == "parsely-author" || k == "sailthru.author" ||
             k == "byl" || k == "citation_author" || k == "article:author_name" ||
             k == "cxenseparse:author" || k == "twitter:creator:name")
      add(e.meta_authors, value);
    else if (k == "article:published_time" || k == "datepublished" || k == "parsely-pub-date" ||
             k == "sailthru.date" || k == "og:published_time" || k == "article:published" ||
             k == "publish-date" || k == "published_time" || k == "publication_date" ||
             k == "citation_publication_date" || k == "dcterms.created" ||
             k == "cxenseparse:recs:publishtime" || k == "datecreated" || k == "dc.date.issued" ||
             k == "dcterms.issued" || k == "original-publish-date")
      add(e.meta_published, value);
    else if (k == "dc.date" || k == "dc:date" || k == "dcterms.date" || k == "date" ||
             k == "pubdate" || k == "publishdate" || k == "timestamp" || k == "displaydate" ||
             k == "dc.date.created" || k == "article.published" || k == "release_date")
      add(e.meta_other_dates, value);
    else if (k == "article:modified_time" || k == "datemodified" || k == "og:updated_time" ||
             k == "dcterms.modified" || k == "last-modified" || k == "lastmod" ||
             k == "article:modified")
      add(e.meta_modified, value);
    else if (k == "article:section")
      set_once(e.section, value);
    else if (k == "parsely-section" || k == "sailthru.section" || k == "section")
      set_once(e.parsely_section, value);
    else if (k == "article:tag")
      add(e.article_tags, value);
    else if (k == "keywords" || k == "news_keywords" || k == "parsely-tags" || k == "sailthru.tags")
      add(e.keywords, value);
    else if (k == "og:image" || k == "og:image:url" || k == "og:image:secure_url")
      set_once(e.og_image, value);
    else if (k == "twitter:image" || k == "twitter:image:src")
      set_once(e.twitter_image, value);
    else if (k == "og:locale")
      set_once(e.og_locale, value);
    else if (k == "language" || k == "dc.language" || k == "content-language")
      set_once(e.content_language, value);
    else
      continue;
    return;
  }
}

// True when `n` sits inside navigation, a footer, an aside or a comment
// section: a byline or date there belongs to another story.
// Class names (whole, or the first word of a hyphenated one) of page furniture.
constexpr std::string_view kFurnitureClasses[] = {"related", "comment",     "comments", "teaser",
                                                  "sidebar", "recommended", "more"};

bool is_furniture_class(std::string_view cls) {
  size_t b = 0;
  while (b < cls.size()) {
    size_t e = cls.find(' ', b);
    if (e == std::string_view::npos) e = cls.size();
    std::string_view token = cls.substr(b, e - b);
    b = e + 1;
    std::string_view head = token.substr(0, token.find_first_of("-_"));
    for (std::string_view f : kFurnitureClasses)
      if (core::iequals(head, f)) return true;
  }
  return false;
}

bool in_furniture(const html::Document& doc, NodeId n) {
  for (NodeId p = doc.parent(n); p != html::kNoNode && p != doc.root(); p = doc.parent(p)) {
    if (!doc.is_element(p)) continue;
    Tag t = doc.tag(p);
    if (t == Tag::k_body) break;
    if (t == Tag::k_nav || t == Tag::k_footer || t == Tag::k_aside) return true;
    if (is_furniture_class(doc.attr(p, "class"))) return true;
  }
  return false;
}

// An itemprop value: content, datetime, href for links, else the text.
std::string itemprop_value(const html::Document& doc, NodeId n) {
  for (std::string_view a : {"content", "datetime"}) {
    std::string_view v = doc.attr(n, a);
    if (!core::trim(v).empty()) return core::collapse_space(v);
  }
  return text_of(doc, n);
}

// The name inside an itemprop=author element: its itemprop=name if any, else its text.
std::string itemprop_author(const html::Document& doc, NodeId n) {
  for (NodeId d = doc.next_in(n, n); d != html::kNoNode; d = doc.next_in(d, n))
    if (doc.is_element(d) && core::iequals(doc.attr(d, "itemprop"), "name"))
      return itemprop_value(doc, d);
  std::string_view content = doc.attr(n, "content");
  if (!core::trim(content).empty() && !is_http_url(core::trim(content)))
    return core::collapse_space(content);
  return text_of(doc, n, kMaxBylineBytes);
}

// The predicates below take the class attribute already in lower case.
bool has(std::string_view lower, std::string_view needle) {
  return lower.find(needle) != std::string_view::npos;
}

bool class_says_byline(std::string_view cls) {
  if (cls.empty()) return false;
  if (has(cls, "byline")) return true;
  if (!has(cls, "author")) return false;
  // Author boxes, avatars and bios name the author among other words.
  for (std::string_view no : {"bio", "avatar", "image", "img", "photo", "description", "about",
                              "social", "follow", "more", "box", "list", "twitter"})
    if (has(cls, no)) return false;
  return true;
}

bool class_says_date(std::string_view cls) {
  if (cls.empty()) return false;
  for (std::string_view yes : {"date", "publish", "posted", "time"})
    if (has(cls, yes)) return true;
  return false;
}

// Pages without an <h1> still set their headline apart: a headline class or a big font.
bool looks_like_headline_element(const html::Document& doc, NodeId n, std::string_view cls) {
  if (doc.is(n, Tag::k_font)) {
    std::string_view size = core::trim(doc.attr(n, "size"));
    return size == "5" || size == "6" || size == "7" || size == "+2" || size == "+3";
  }
  for (std::string_view c : {"headline", "entry-title", "post-title", "article-title"})
    if (has(cls, c)) return true;
  return false;
}

// Visible evidence (byline and date elements, styled headlines) is read in a
// second pass, and only when the page's metadata leaves a field open: most
// news pages declare them, and class names are the costly part of a scan.
struct VisibleWants {
  bool heads = false, bylines = false, dates = false;
  bool any() const { return heads || bylines || dates; }
};

void scan_visible(const html::Document& doc, const VisibleWants& wants, Evidence& e) {
  std::string lower_cls;  // the class attribute in lower case, reused across elements
  for (NodeId n = doc.root(), next; n != html::kNoNode; n = next) {
    next = doc.next_in(n, doc.root());
    if (!doc.is_element(n)) continue;
    Tag tag = doc.tag(n);
    if (tag == Tag::k_head || tag == Tag::k_script || tag == Tag::k_style ||
        tag == Tag::k_template) {
      next = doc.next_in(n, doc.root(), /*skip_children=*/true);
      continue;
    }
    std::string_view cls, rel;
    for (const html::Attribute& attr : doc.attributes(n)) {
      std::string_view name = doc.view(attr.name);
      if (name == "class")
        cls = doc.view(attr.value);
      else if (name == "rel")
        rel = doc.view(attr.value);
    }
    const bool want_head = wants.heads && e.styled_heads.size() < kMaxVisibleCandidates;
    const bool want_byline = wants.bylines && e.visible_bylines.size() < kMaxVisibleCandidates;
    const bool want_date = wants.dates && e.visible_dates.size() < kMaxVisibleCandidates;
    if (!want_head && !want_byline && !want_date) return;
    if (cls.empty() && rel.empty() && tag != Tag::k_font) continue;
    lower_cls.assign(cls);
    for (char& c : lower_cls) c = core::ascii_lower(c);
    if (want_head && looks_like_headline_element(doc, n, lower_cls)) {
      std::string h = text_of(doc, n, kMaxHeadlineBytes);
      if (h.size() >= kMinHeadlineBytes && h.size() <= kMaxHeadlineBytes && !in_furniture(doc, n))
        e.styled_heads.push_back(std::move(h));
    }
    if (want_byline && (core::iequals(rel, "author") || class_says_byline(lower_cls)) &&
        !in_furniture(doc, n)) {
      std::string t = text_of(doc, n, kMaxBylineBytes);
      if (!t.empty() && t.size() <= kMaxBylineBytes) e.visible_bylines.push_back(std::move(t));
    }
    if (want_date && class_says_date(lower_cls) && !in_furniture(doc, n)) {
      std::string t = text_of(doc, n, kMaxDateLineBytes);
      if (!t.empty() && t.size() <= kMaxDateLineBytes) e.visible_dates.push_back(std::move(t));
    }
  }
}

void scan(const html::Document& doc, Evidence& e) {
  for (NodeId n = doc.root(); n != html::kNoNode; n = doc.next_in(n, doc.root())) {
    if (!doc.is_element(n)) continue;
    Tag tag = doc.tag(n);
    switch (tag) {
      case Tag::k_html:
        set_once(e.html_lang, doc.attr(n, "lang"));
        if (e.html_lang.empty()) set_once(e.html_lang, doc.attr(n, "xml:lang"));
        break;
      case Tag::k_title:
        if (e.html_title.empty() && !doc.has_attr(n, "itemprop")) e.html_title = text_of(doc, n);
        break;
      case Tag::k_meta:
        read_meta(doc, n, e);
        break;
      case Tag::k_link: {
        std::string_view rel = doc.attr(n, "rel");
        if (core::iequals(rel, "canonical")) set_once(e.canonical, doc.attr(n, "href"));
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
          if (!h.empty()) e.h1s.push_back(std::move(h));
        }
        break;
      case Tag::k_time:
        if (e.time_datetimes.size() < kMaxVisibleCandidates && !in_furniture(doc, n)) {
          std::string_view dt = doc.attr(n, "datetime");
          if (!core::trim(dt).empty()) add(e.time_datetimes, dt);
        }
        break;
      default:
        break;
    }
    std::string_view itemprop = doc.attr(n, "itemprop");
    if (!itemprop.empty() && tag != Tag::k_meta) {
      if (core::iequals(itemprop, "headline")) {
        if (e.itemprop_headline.empty()) e.itemprop_headline = itemprop_value(doc, n);
      } else if (core::iequals(itemprop, "datePublished") ||
                 core::iequals(itemprop, "dateCreated")) {
        add(e.itemprop_published, itemprop_value(doc, n));
      } else if (core::iequals(itemprop, "dateModified")) {
        add(e.itemprop_modified, itemprop_value(doc, n));
      } else if ((core::iequals(itemprop, "author") || core::iequals(itemprop, "creator")) &&
                 e.itemprop_authors.size() < kMaxVisibleCandidates && !in_furniture(doc, n)) {
        add(e.itemprop_authors, itemprop_author(doc, n));
      }
    }
  }
  VisibleWants wants;
  wants.heads = e.h1s.empty();
  bool has_person = !e.meta_authors.empty() || !e.itemprop_authors.empty();
  for (const JsonLdAuthor& a : e.json_ld.article.authors) has_person |= !a.organization;
  wants.bylines = !has_person;
  wants.dates = e.json_ld.article.date_published.empty() && e.meta_published.empty() &&
                e.itemprop_published.empty() && e.meta_other_dates.empty() &&
                e.time_datetimes.empty();
  if (wants.any()) scan_visible(doc, wants, e);
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
  // 0. A declared title that a visible <h1> repeats whole.
  for (const std::string* c : declared)
    for (const std::string& h : heads)
      if (!c->empty() && comparison_key(*c) == comparison_key(h)) return core::collapse_space(*c);
  std::vector<std::string> candidates;
  for (const std::string* c : declared) {
    if (c->empty()) continue;
    std::string s = strip_site_name(*c, site.name, site.domain);
    if (site.name.empty()) s = strip_unnamed_site(s);
    if (!s.empty()) candidates.push_back(std::move(s));
  }
  // 1. A metadata headline that a visible <h1> repeats.
  for (const std::string& c : candidates)
    for (const std::string& h : heads)
      if (comparison_key(c) == comparison_key(h)) return c;
  // 2. A visible <h1> that a metadata title repeats with site furniture after it.
  for (const std::string& h : heads)
    for (const std::string* t : {&e.og_title, &e.html_title, &e.twitter_title})
      if (is_headline_with_tail(*t, h)) return core::collapse_space(h);
  // 3. The most specific metadata headline. On a page with no headline metadata and no <h1>,
  // an element styled as the headline outranks a <title> that does not contain it (see
  // tests/pages/table-layout-lodge: "Gazette Online - Local News").
  const bool only_html_title = candidates.size() == 1 && !e.html_title.empty();
  if (only_html_title && e.h1s.empty() && looks_like_site_and_section(e.html_title))
    for (const std::string& h : e.styled_heads)
      if (comparison_key(h) != comparison_key(site.name) &&
          strip_site_name(e.html_title, h, "") == core::collapse_space(e.html_title))
        return core::collapse_space(h);
  if (!candidates.empty()) return candidates.front();
  // 4. The first visible headline.
  if (!heads.empty()) return heads.front();
  return "";
}

// --- Dates ---

int64_t days_from_civil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int64_t day_number(const news::ParsedDate& d) { return days_from_civil(d.year, d.month, d.day); }

int64_t today() {
  using namespace std::chrono;
  return duration_cast<days>(system_clock::now().time_since_epoch()).count();
}

// "2023-06-13", "2023-06-13T11:06:00.588Z", "2023-06-13T11:06:00+0200": already ISO 8601, kept
// as the page wrote it.
bool is_iso_8601(std::string_view s) {
  auto digits = [&](size_t b, size_t n) {
    if (b + n > s.size()) return false;
    for (size_t i = b; i < b + n; ++i)
      if (s[i] < '0' || s[i] > '9') return false;
    return true;
  };
  if (!digits(0, 4) || s.size() < 10 || s[4] != '-' || !digits(5, 2) || s[7] != '-' ||
      !digits(8, 2))
    return false;
  if (s.size() == 10) return true;
  if (s[10] != 'T' || !digits(11, 2) || s.size() < 16 || s[13] != ':' || !digits(14, 2))
    return false;
  size_t i = 16;
  if (i < s.size() && s[i] == ':') {
    if (!digits(i + 1, 2)) return false;
    i += 3;
    if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
      ++i;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    }
  }
  if (i == s.size()) return true;
  if (s[i] == 'Z') return i + 1 == s.size();
  if (s[i] != '+' && s[i] != '-') return false;
  if (!digits(i + 1, 2)) return false;
  i += 3;
  if (i < s.size() && s[i] == ':') ++i;
  return digits(i, 2) && i + 2 == s.size();
}

struct DateCandidate {
  news::ParsedDate date;
  std::string iso;
};

std::optional<DateCandidate> read_date(std::string_view raw, bool search) {
  raw = core::trim(raw);
  if (raw.empty()) return std::nullopt;
  std::optional<news::ParsedDate> d = news::parse_date(raw);
  if (!d && search) {
    if (auto m = news::find_date(raw)) d = m->date;
  }
  if (!d) return std::nullopt;
  if (day_number(*d) > today() + kFutureSlackDays) return std::nullopt;
  return DateCandidate{*d, is_iso_8601(raw) ? std::string(raw) : d->iso()};
}

void resolve_dates(const Evidence& e, std::string_view url, PageMetadata& meta) {
  const JsonLdArticle& ld = e.json_ld.article;
  std::vector<DateCandidate> published;
  auto consider = [&](std::string_view raw, bool search) {
    if (auto c = read_date(raw, search)) published.push_back(std::move(*c));
  };
  consider(ld.date_published, false);
  for (const auto& v : e.meta_published) consider(v, false);
  for (const auto& v : e.itemprop_published) consider(v, false);
  for (const auto& v : e.meta_other_dates) consider(v, false);
  for (const auto& v : e.time_datetimes) consider(v, false);
  for (const auto& v : e.visible_dates) consider(v, true);

  std::optional<news::ParsedDate> url_date;
  for (std::string_view u : {url, std::string_view(meta.canonical_url)})
    if (!url_date && !u.empty()) url_date = news::date_from_url(u);
  if (url_date && day_number(*url_date) > today() + kFutureSlackDays) url_date.reset();

  const DateCandidate* chosen = nullptr;
  for (const DateCandidate& c : published) {
    if (url_date) {
      int64_t gap = day_number(c.date) - day_number(*url_date);
      if (gap > kMaxDaysFromUrlDate || gap < -kMaxDaysFromUrlDate) continue;
    }
    chosen = &c;
    break;
  }
  if (chosen)
    meta.published = chosen->iso;
  else if (url_date)
    meta.published = url_date->iso();

  std::optional<int64_t> published_day;
  if (chosen)
    published_day = day_number(chosen->date);
  else if (url_date)
    published_day = day_number(*url_date);
  std::vector<std::string_view> modified{ld.date_modified};
  for (const auto& v : e.meta_modified) modified.push_back(v);
  for (const auto& v : e.itemprop_modified) modified.push_back(v);
  for (std::string_view raw : modified) {
    auto c = read_date(raw, false);
    if (!c || (published_day && day_number(c->date) < *published_day)) continue;
    meta.modified = c->iso;
    break;
  }
}

// --- Authors ---

bool names_the_site(std::string_view name, const Site& site) {
  std::string key = comparison_key(name);
  if (key.empty()) return false;
  std::string site_key = comparison_key(site.name);
  if (!site_key.empty() && (key == site_key || key.find(site_key) != std::string::npos))
    return true;
  std::string dom = site.domain.substr(0, site.domain.find('.'));
  return dom.size() >= 3 && key.find(comparison_key(dom)) != std::string::npos;
}

struct AuthorSource {
  std::vector<std::string> names;
  std::vector<std::string> agencies;
  bool missing_name = false;
};

// Authors, agencies and tags kept per list: real pages give a few dozen at
// most; thousands are keyword stuffing, and comparing each with all the
// others would be quadratic (tests/hostile: 10,000 <meta> tags).
constexpr size_t kMaxListed = 100;

void add_unique(std::vector<std::string>& v, const std::string& s) {
  if (v.size() >= kMaxListed) return;
  for (const auto& x : v)
    if (comparison_key(x) == comparison_key(s)) return;
  v.push_back(s);
}

void read_byline_into(std::string_view text, const Site& site, AuthorSource& out) {
  if (is_http_url(core::trim(text))) return;
  news::Byline b = news::parse_byline(text);
  if (b.missing_name()) out.missing_name = true;
  for (const std::string& n : b.names) {
    if (names_the_site(n, site)) continue;
    add_unique(out.names, n);
  }
  for (const std::string& a : b.agencies) add_unique(out.agencies, a);
}

void resolve_authors(const Evidence& e, PageMetadata& meta) {
  const Site& site = meta.site;
  AuthorSource sources[4];
  for (const JsonLdAuthor& a : e.json_ld.article.authors) {
    if (a.organization) {
      if (news::is_agency_name(a.name)) add_unique(sources[0].agencies, a.name);
      continue;
    }
    read_byline_into(a.name, site, sources[0]);
  }
  // Meta author tags repeat one another; the first that names someone speaks for them all.
  for (const auto& v : e.meta_authors) {
    read_byline_into(v, site, sources[1]);
    if (!sources[1].names.empty()) break;
  }
  for (const auto& v : e.itemprop_authors) read_byline_into(v, site, sources[2]);
  for (const auto& v : e.visible_bylines) {
    // A visible byline element often holds the date too; parse_byline drops it.
    read_byline_into(v, site, sources[3]);
    if (!sources[3].names.empty()) break;
  }
  bool missing_name = false;
  for (AuthorSource& s : sources) {
    for (const auto& a : s.agencies) add_unique(meta.agencies, a);
    missing_name |= s.missing_name;
    if (meta.authors.empty() && !s.names.empty()) meta.authors = s.names;
  }
  if (meta.authors.empty() && missing_name) meta.warnings.push_back("byline has no name");
}

// --- Tags ---

void split_tags(std::string_view list, std::vector<std::string>& out) {
  size_t b = 0;
  while (b <= list.size()) {
    size_t e = list.find_first_of(",;", b);
    if (e == std::string_view::npos) e = list.size();
    std::string t = core::collapse_space(list.substr(b, e - b));
    if (!t.empty()) add_unique(out, t);
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
  meta.description = core::collapse_space(meta.description);

  meta.declared_language = language_code(e.html_lang);
  for (const std::string* l : std::initializer_list<const std::string*>{
           &e.content_language, &e.og_locale, &ld.in_language, &e.json_ld.website_language})
    if (meta.declared_language.empty()) meta.declared_language = language_code(*l);

  resolve_dates(e, base, meta);
  resolve_authors(e, meta);

  meta.section = core::collapse_space(first_of({&ld.section, &e.section, &e.parsely_section}));
  for (const auto& k : ld.keywords) split_tags(k, meta.tags);
  if (meta.tags.empty())
    for (const auto& k : e.article_tags) split_tags(k, meta.tags);
  if (meta.tags.empty())
    for (const auto& k : e.keywords) split_tags(k, meta.tags);

  std::string image = first_of({&e.og_image, &ld.image, &e.twitter_image});
  meta.image_url = resolve_url(base.empty() ? meta.canonical_url : base, image);
  meta.json_ld = std::move(e.json_ld.article);
  return meta;
}

}  // namespace lede::metadata
