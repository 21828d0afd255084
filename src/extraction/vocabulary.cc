#include "extraction/vocabulary.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/text.h"

namespace lede::extraction {
namespace {

using html::Tag;

// Substrings of class/id that mark boilerplate wherever they occur
// ("social-share-bar", "relatedStories", "newsletterSignup").
constexpr std::array<std::string_view, 53> kBoilerplateParts = {
    "share",       "social",        "newsletter", "related",    "recommend",   "advert",
    "cookie",      "consent",       "breadcrumb", "promo",      "sponsor",     "outbrain",
    "taboola",     "sidebar",       "subscri",    "popup",      "modal",       "toolbar",
    "pagination",  "masthead",      "navbar",     "navigation", "footer",      "comment",
    "disqus",      "byline",        "author-bio", "authorbio",  "author-info", "most-read",
    "mostread",    "most-popular",  "trending",   "read-more",  "readmore",    "more-stories",
    "signup",      "sign-up",       "banner",     "skip-link",  "print-",      "follow",
    "gallery-nav", "slideshow-nav", "whatsapp",   "sign-off",   "signoff",     "callout",
    "vjs-",        "control-bar",   "controlbar", "copyright",  "similar"};

// Whole class/id tokens that mark boilerplate only as a token: as
// substrings they are too common ("ad" in "header", "nav" in "canvas").
constexpr std::array<std::string_view, 29> kBoilerplateTokens = {"ad",
                                                                 "ads",
                                                                 "adv",
                                                                 "nav",
                                                                 "menu",
                                                                 "tags",
                                                                 "tag",
                                                                 "meta",
                                                                 "print",
                                                                 "hidden",
                                                                 "hide",
                                                                 "sr-only",
                                                                 "visually-hidden",
                                                                 "credit",
                                                                 "share",
                                                                 "header",
                                                                 "widget",
                                                                 "tools",
                                                                 "date",
                                                                 "timestamp",
                                                                 "dateline",
                                                                 "author",
                                                                 "kicker",
                                                                 "overlay",
                                                                 "rating",
                                                                 "aside",
                                                                 "teaser",
                                                                 "offscreen",
                                                                 "noprint"};

// Names of article-body containers used by common publishing systems.
constexpr std::array<std::string_view, 26> kContentNames = {
    "article-body",     "articlebody",  "article__body",   "article-content", "articlecontent",
    "article__content", "story-body",   "storybody",       "story-content",   "story__body",
    "entry-content",    "entrycontent", "post-content",    "postcontent",     "post-body",
    "postbody",         "content-body", "body-text",       "bodytext",        "article-text",
    "articletext",      "main-content", "c-entry-content", "rich-text",       "field-body",
    "text-content"};

// Class names of photo captions in the languages lede reads.
constexpr std::array<std::string_view, 8> kCaptionNames = {
    "caption",          "legend",     "pie-foto",     "pie-de-foto",
    "bildunterschrift", "didascalia", "onderschrift", "legenda"};

// Whole-block texts that are furniture wherever they appear. Compared
// case-insensitively after white space is collapsed.
constexpr std::array<std::string_view, 61> kFurnitureTexts = {"advertisement",
                                                              "anzeige",
                                                              "publicité",
                                                              "publicidad",
                                                              "pubblicità",
                                                              "advertentie",
                                                              "share",
                                                              "share this",
                                                              "share this article",
                                                              "share this story",
                                                              "share on facebook",
                                                              "share on twitter",
                                                              "tweet",
                                                              "leave a reply",
                                                              "leave a comment",
                                                              "post a comment",
                                                              "enlarge image",
                                                              "read more",
                                                              "read full article",
                                                              "read the full article",
                                                              "read full story",
                                                              "read the full story",
                                                              "read full post",
                                                              "continue reading",
                                                              "click here",
                                                              "close",
                                                              "print",
                                                              "print this page",
                                                              "print this article",
                                                              "email",
                                                              "comments",
                                                              "story continues below advertisement",
                                                              "sponsored",
                                                              "related",
                                                              "related articles",
                                                              "skip to content",
                                                              "advert",
                                                              "this slideshow requires javascript",
                                                              "tell us what you think",
                                                              "you may also like",
                                                              "você pode gostar",
                                                              "video",
                                                              "more",
                                                              "topics",
                                                              "tags",
                                                              "don't miss",
                                                              "don’t miss",
                                                              "click to tweet",
                                                              "iklan",
                                                              "about the author",
                                                              "table of contents",
                                                              "on this page",
                                                              "in this article",
                                                              "back to top",
                                                              "skip to main content",
                                                              "loading",
                                                              "recently viewed",
                                                              "recommended posts",
                                                              "op",
                                                              "original poster",
                                                              "original post"};

// Headings longer than this are a story's own, not a list's title.
constexpr size_t kMaxMoreStoriesHeading = 60;

// Lines longer than this are never furniture, whatever their words.
constexpr size_t kMaxFurnitureLine = 300;

// A question's statistics line is short ("Asked 15 years, 4 months ago").
constexpr size_t kMaxQuestionStat = 40;

// Arrows that close a link's label ("Read more »"): →, », ›.
constexpr std::array<std::string_view, 3> kLabelArrows = {"\u2192", "\u00bb", "\u203a"};

// Endings of the credit lines wire stories close with.
constexpr std::array<std::string_view, 4> kFurnitureSuffixes = {
    "contributed to this report", "contributed reporting", "contributed to this story",
    "contributed to this article"};

// "3 of 12", "1/36", "Image 2 of 5": a gallery's position counter.
bool is_counter(std::string_view s) {
  for (std::string_view word : {"image ", "photo ", "slide ", "picture ", "bild ", "foto "})
    if (s.rfind(word, 0) == 0) s.remove_prefix(word.size());
  size_t i = 0;
  auto digits = [&] {
    size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
    return i > start;
  };
  auto spaces = [&] {
    while (i < s.size() && s[i] == ' ') ++i;
  };
  if (!digits()) return false;
  spaces();
  if (s.substr(i, 2) == "of")
    i += 2;
  else if (i < s.size() && s[i] == '/')
    ++i;
  else
    return false;
  spaces();
  return digits() && i == s.size();
}

// A story's reading time: "5 min read", "12 minute read".
bool is_reading_time(std::string_view s) {
  size_t digits = 0;
  while (digits < s.size() && s[digits] >= '0' && s[digits] <= '9') ++digits;
  if (digits == 0) return false;
  s.remove_prefix(digits);
  return s == " min read" || s == " mins read" || s == " minute read" || s == " minutes read" ||
         s == "min read" || s == " min. read";
}

// A question's statistics under its title: "Asked 3 years, 2 months ago",
// "Modified today", "Viewed 12k times".
bool is_question_stat(std::string_view s) {
  if (s.size() > kMaxQuestionStat) return false;
  for (std::string_view word : {"asked ", "modified ", "viewed ", "active "}) {
    if (!s.starts_with(word)) continue;
    s.remove_prefix(word.size());
    const bool counted = !s.empty() && s.front() >= '0' && s.front() <= '9';
    return (counted && (s.ends_with(" ago") || s.ends_with(" times"))) || s == "today" ||
           s == "yesterday";
  }
  return false;
}

// Openings of lines that point elsewhere ("Read more: ...") and of the
// notes papers append about the print edition.
constexpr std::array<std::string_view, 39> kFurniturePrefixes = {
    // A thread's prompts to those not signed in, and its closing notice.
    "create an account or sign in", "already have an account", "not open for further replies",
    "you must log in to answer", "start asking to get answers",
    "find the answer to your question by asking",
    "reporting by", "additional reporting by", "editing by", "writing by", "filed under",
    "first published", "source:", "like this story", "related news", "follow us on",
    "read more:", "related:", "see also:", "lire aussi", "lesen sie auch", "leia também",
    "leggi anche", "lees ook", "lea también", "this article appeared in",
    "a version of this article appears in print", "a version of this article appeared in print",
    "cet article est paru dans",
    "dieser artikel erschien", "este artículo se publicó",
    // A reference page's own footer: where to correct it, and its licence.
    "edit this page", "view this page on github", "was this page helpful",
    "except as otherwise noted, the content of this page is licensed",
    // An advertisement's label with its note ("Advertisement - Scroll to
    // continue", "Advertisement (gone after registration)").
    "advertisement -", "advertisement.", "advertisement (", "advertisement:"};

// A link past the page's furniture ("Skip to product list") is a few words;
// a sentence may open so ("Skip to chapter 4 and you will be lost").
constexpr size_t kMaxSkipLinkWords = 4;

// "follow" marks a "follow us" box, but a "follow-up" is a next step of the
// text (a testimonial's follow-up, a case study's).
bool names_follow_box(std::string_view lower, size_t at) {
  const std::string_view rest = lower.substr(at + 6);
  return !rest.starts_with("-up") && !rest.starts_with("up") && !rest.starts_with("_up");
}

// True when the part found at `at` opens a word of the name: "print-" names
// a print button in "print-link" or "article-print-btn", not in the code
// highlighter's "prettyprint-override".
bool opens_word(std::string_view lower, size_t at) {
  return at == 0 || lower[at - 1] == ' ' || lower[at - 1] == '-' || lower[at - 1] == '_';
}

bool contains_any_part(std::string_view lower) {
  for (std::string_view part : kBoilerplateParts) {
    // Two parts count only in some places of a name.
    const auto counts = [&](size_t at) {
      if (part == "follow") return names_follow_box(lower, at);
      if (part == "print-") return opens_word(lower, at);
      return true;
    };
    size_t at = lower.find(part);
    while (at != std::string_view::npos && !counts(at)) at = lower.find(part, at + 1);
    if (at != std::string_view::npos) return true;
  }
  return false;
}

// WordPress marks every post with its taxonomy ("tag-stack-overflow",
// "category-social-media") beside "hentry", "type-post" or "status-publish".
// Those slugs name the story's topics, not page parts: drop them before the
// boilerplate words are looked for, or a post tagged "jobs" or "comment"
// would sink its own article.
void drop_taxonomy_classes(std::string& lower) {
  if (lower.find("hentry") == std::string::npos && lower.find("type-post") == std::string::npos &&
      lower.find("status-publish") == std::string::npos)
    return;
  std::string kept;
  size_t i = 0;
  while (i < lower.size()) {
    size_t end = lower.find(' ', i);
    if (end == std::string::npos) end = lower.size();
    std::string_view token = std::string_view(lower).substr(i, end - i);
    if (!token.empty() && !token.starts_with("tag-") && !token.starts_with("category-")) {
      if (!kept.empty()) kept += ' ';
      kept += token;
    }
    i = end + 1;
  }
  lower = std::move(kept);
}

// `builder_widgets`: "widget" counts only as a word between spaces (see
// AttributeClassifier::reset).
bool contains_token(std::string_view lower, bool builder_widgets) {
  size_t i = 0;
  while (i < lower.size()) {
    while (i < lower.size() && (lower[i] == ' ' || lower[i] == '_')) ++i;
    size_t start = i;
    while (i < lower.size() && lower[i] != ' ' && lower[i] != '_') ++i;
    std::string_view token = lower.substr(start, i - start);
    if (token.empty()) continue;
    // A page builder's "hs_cos_wrapper_widget": "widget" between underscores.
    const auto builder_widget = [&] {
      return builder_widgets && token == "widget" &&
             !((start == 0 || lower[start - 1] == ' ') && (i == lower.size() || lower[i] == ' '));
    };
    if (std::find(kBoilerplateTokens.begin(), kBoilerplateTokens.end(), token) !=
            kBoilerplateTokens.end() &&
        !builder_widget())
      return true;
    // Hyphenated compounds: "ad-slot", "nav-main", "tags-list".
    size_t dash = token.find('-');
    if (dash != std::string_view::npos) {
      std::string_view head = token.substr(0, dash);
      std::string_view tail = token.substr(token.rfind('-') + 1);
      for (std::string_view t : kBoilerplateTokens) {
        if (t.find('-') != std::string_view::npos) continue;
        // Words that also name states of content ("field-label-hidden",
        // "article-header", "post-date") count only as whole tokens.
        if ((head == t || tail == t) && t != "header" && t != "date" && t != "author" &&
            t != "meta" && t != "hidden" && t != "hide" && !(builder_widgets && t == "widget"))
          return true;
      }
    }
  }
  return false;
}

// True when an inline style hides the element.
bool hides(std::string_view style) {
  std::string s = core::ascii_lower(style);
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s.find("display:none") != std::string::npos ||
         s.find("visibility:hidden") != std::string::npos;
}

// A segment of a page streamed in pieces (React's "S:0", "S:1"): sent hidden
// after the rest, its script moves it in place of the page's placeholder.
bool streamed_segment(std::string_view id) {
  if (id.size() < 3 || !id.starts_with("S:")) return false;
  return std::all_of(id.begin() + 2, id.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

bool has_streamed_segment(const html::Document& doc) {
  for (html::NodeId n = 0; n < doc.node_count(); ++n)
    if (doc.is_element(n) && doc.parent(n) != html::kNoNode && doc.has_attr(n, "hidden") &&
        streamed_segment(doc.attr(n, "id")))
      return true;
  return false;
}

bool hidden_until_script(const html::Document& doc, html::NodeId n) {
  if (doc.has_attr(n, "hidden")) return streamed_segment(doc.attr(n, "id"));
  const std::string_view style = doc.attr(n, "style");
  return !style.empty() && hides(style) && doc.attr(n, "aria-hidden") != "true";
}

Verdict tag_verdict(Tag tag) {
  switch (tag) {
    case Tag::k_script:
    case Tag::k_style:
    case Tag::k_noscript:
    case Tag::k_template:
    case Tag::k_iframe:
    case Tag::k_object:
    case Tag::k_embed:
    case Tag::k_svg:
    case Tag::k_math:
    case Tag::k_canvas:
    case Tag::k_video:
    case Tag::k_audio:
    case Tag::k_map:
    case Tag::k_button:
    case Tag::k_select:
    case Tag::k_input:
    case Tag::k_textarea:
    case Tag::k_nav:
    case Tag::k_dialog:
    case Tag::k_head:
    case Tag::k_title:
    case Tag::k_meta:
    case Tag::k_link:
    case Tag::k_option:
    case Tag::k_datalist:
    case Tag::k_menu:
    case Tag::k_frameset:
    case Tag::k_frame:
    case Tag::k_noframes:
    case Tag::k_applet:
    case Tag::k_marquee:
    case Tag::k_label:
    case Tag::k_source:
    case Tag::k_track:
    case Tag::k_param:
    case Tag::k_base:
      return Verdict::kStrong;
    case Tag::k_header:
    case Tag::k_footer:
    case Tag::k_aside:
    case Tag::k_form:
      return Verdict::kWeak;
    default:
      return Verdict::kContent;
  }
}

namespace {

// Words joined by hyphens that make an id a slug of a heading's text (plugins
// name their boxes in four: "cookie-law-info-bar").
constexpr size_t kMinSlugWords = 5;

bool is_slug(std::string_view id) {
  size_t words = 1;
  for (char c : id) {
    if (c == '-')
      ++words;
    else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
      return false;
  }
  return words >= kMinSlugWords;
}

}  // namespace

ElementSignals AttributeClassifier::from_names(std::string_view class_attr,
                                               std::string_view id_attr) {
  ElementSignals out;
  names_.clear();
  for (char c : class_attr) names_ += core::ascii_lower(c);
  drop_taxonomy_classes(names_);
  const size_t class_end = names_.size();
  names_ += ' ';
  for (char c : id_attr) names_ += core::ascii_lower(c);
  for (std::string_view name : kContentNames)
    if (names_.find(name) != std::string::npos) out.content_container = true;

  // Embedded posts quote the story's sources: never boilerplate.
  const bool embedded_post =
      names_.find("tweet") != std::string::npos || names_.find("embed") != std::string::npos;
  out.embedded_post = embedded_post;
  // An id made from a heading's words ("menu-innovation-strategies-building")
  // names a section by its subject, not its role: only the class is read.
  const std::string_view names =
      is_slug(id_attr) ? std::string_view(names_).substr(0, class_end) : std::string_view(names_);
  if (!out.content_container && !embedded_post &&
      (contains_any_part(names) || contains_token(names, builder_widgets_)))
    out.verdict = Verdict::kWeak;
  return out;
}

namespace {

// Bootstrap's "d-none" hides an element unless a breakpoint class shows it
// again ("d-none d-md-block").
bool hidden_by_class(std::string_view cls) {
  if (cls.find("d-none") == std::string_view::npos) return false;
  bool none = false, shown = false;
  each_class_token(cls, [&](std::string_view token) {
    if (token == "d-none")
      none = true;
    else if (token.starts_with("d-") && !token.ends_with("-none"))
      shown = true;
    return !shown;
  });
  return none && !shown;
}

// A panel of tabs by its role or its class ("tab-pane"), or of an accordion
// or a page's questions by its class ("faq__answer", "accordion-body",
// "toggle__content"; not a menu's): sent closed, it is the page's text all
// the same, like a panel a trigger names.
bool names_panel(std::string_view role, std::string_view cls) {
  if (role == "tabpanel") return true;
  if (cls.empty()) return false;
  const std::string lower = core::ascii_lower(cls);
  if (lower.find("nav") == std::string::npos && lower.find("menu") == std::string::npos)
    for (std::string_view word : {"faq", "accordion", "toggle"})
      if (lower.find(word) != std::string::npos) return true;
  bool pane = false;
  each_class_token(cls, [&](std::string_view token) {
    pane = token == "tab-pane" || token == "tab-panel" || token == "tabs-panel";
    return !pane;
  });
  return pane;
}

// Text for screen readers alone, kept off the screen by a stylesheet's
// class ("sr-only", "visually-hidden"): a price's "Regular price" label, a
// link's "(opens in a new window)". Whole tokens only.
bool screen_reader_only(std::string_view cls) {
  static constexpr std::array<std::string_view, 4> kNames = {
      "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text"};
  bool found = false;
  each_class_token(cls, [&](std::string_view token) {
    for (std::string_view name : kNames)
      found |= token.size() == name.size() && core::iequals(token, name);
    return !found;
  });
  return found;
}

// A list of three or more links to places in the page itself ("#install")
// and no other text is the page's table of contents: its entries are the
// headings below.
bool table_of_contents(const html::Document& doc, html::NodeId list) {
  int links = 0;
  for (html::NodeId d = doc.first_child(list); d != html::kNoNode;) {
    if (doc.is(d, Tag::k_a)) {
      std::string_view href = doc.attr(d, "href");
      if (href.size() < 2 || href[0] != '#') return false;
      ++links;
      d = doc.next_in(d, list, true);
      continue;
    }
    if (doc.is_text(d) && !core::trim(doc.text(d)).empty()) return false;
    d = doc.next_in(d, list);
  }
  return links >= 3;
}

// A list of tabs is a control, but accordions set their panels inside the
// element they mark as the tab list (Bootstrap's "accordion" role="tablist"):
// the panels are the page's text, questions and answers, a program's terms.
// A panel is known by its role, or by naming its trigger (aria-labelledby)
// where its role is misspelt ("tabpane-a201") or missing.
bool holds_tab_panels(const html::Document& doc, html::NodeId n) {
  for (html::NodeId d = doc.first_child(n); d != html::kNoNode; d = doc.next_in(d, n))
    if (doc.is_element(d) &&
        (doc.attr(d, "role") == "tabpanel" || doc.has_attr(d, "aria-labelledby")))
      return true;
  return false;
}

}  // namespace

ElementSignals AttributeClassifier::classify(const html::Document& doc, html::NodeId n,
                                             bool disclosed) {
  std::string_view class_attr, id_attr, role, style, itemprop;
  bool hidden = false, popover = false;
  for (const html::Attribute& a : doc.attributes(n)) {
    std::string_view name = doc.view(a.name);
    std::string_view value = doc.view(a.value);
    if (name == "class")
      class_attr = value;
    else if (name == "id")
      id_attr = value;
    else if (name == "role")
      role = value;
    else if (name == "style")
      style = value;
    else if (name == "itemprop")
      itemprop = value;
    else if (name == "hidden")
      hidden = true;
    else if (name == "aria-hidden")
      hidden |= value == "true";
    else if (name == "popover")
      popover = true;
  }
  ElementSignals out;
  const bool closed = hidden || (!style.empty() && hides(style)) || hidden_by_class(class_attr);
  if ((closed && !disclosed && !names_panel(role, class_attr)) || screen_reader_only(class_attr)) {
    out.verdict = Verdict::kHidden;
    return out;
  }
  if (itemprop == "articleBody") out.content_container = true;
  // A heading is never a container of boilerplate; its id is often made
  // from its words ("a-shared-remote-cache").
  if (heading_level(doc.tag(n)) > 0) return out;
  // Controls (a player's buttons and sliders, tabs) carry labels, never prose;
  // a popover (the HTML attribute) is shown on demand over the page, as a
  // dialog is: an app's install prompt, a menu drawn off the canvas.
  if (popover || role == "navigation" || role == "menu" || role == "menubar" || role == "dialog" ||
      role == "alertdialog" || role == "toolbar" || role == "search" || role == "button" ||
      role == "slider" || role == "progressbar" || role == "timer" ||
      (role == "tablist" && !holds_tab_panels(doc, n))) {
    out.verdict = Verdict::kStrong;
    return out;
  }
  if ((doc.is(n, Tag::k_ul) || doc.is(n, Tag::k_ol)) && table_of_contents(doc, n)) {
    out.verdict = Verdict::kStrong;
    return out;
  }
  if (role == "banner" || role == "contentinfo" || role == "complementary")
    out.verdict = Verdict::kWeak;
  if (class_attr.empty() && id_attr.empty()) return out;
  ElementSignals named;
  if (id_attr.empty()) {
    auto it = by_class_.find(class_attr);
    if (it == by_class_.end()) it = by_class_.emplace(class_attr, from_names(class_attr, "")).first;
    named = it->second;
  } else {
    named = from_names(class_attr, id_attr);
  }
  out.content_container |= named.content_container;
  out.embedded_post = named.embedded_post;
  if (out.content_container)
    out.verdict = Verdict::kContent;
  else if (named.verdict > out.verdict)
    out.verdict = named.verdict;
  return out;
}

// Class names of cards a page shows only on hover or click: a person's
// "rollover" with their latest stories, a term's tooltip, a popover.
constexpr std::array<std::string_view, 5> kHoverCardNames = {"rollover", "hovercard", "popover",
                                                             "tooltip", "popup"};

bool is_hover_card(const html::Document& doc, html::NodeId n) {
  if (!doc.is(n, Tag::k_span) && !doc.is(n, Tag::k_div)) return false;
  std::string_view cls = doc.attr(n, "class");
  if (cls.empty()) return false;
  bool named = false;
  for (std::string_view name : kHoverCardNames) named = named || core::icontains(cls, name);
  if (!named) return false;
  // The element that wraps trigger and card starts with the trigger, the name
  // or term shown in the sentence (text or a link): it is not the card.
  for (html::NodeId c = doc.first_child(n); c != html::kNoNode; c = doc.next_sibling(c)) {
    if (doc.is_text(c) && core::trim(doc.text(c)).empty()) continue;
    if (doc.is_text(c) || doc.is(c, Tag::k_a)) return false;
    break;
  }
  // A card carries a photo or a list of links; a bare definition does not.
  int links = 0;
  for (html::NodeId d = doc.first_child(n); d != html::kNoNode; d = doc.next_in(d, n)) {
    if (doc.is(d, Tag::k_img)) return true;
    if (doc.is(d, Tag::k_a) && ++links >= 2) return true;
  }
  return false;
}

bool names_screen_size(std::string_view cls) {
  static constexpr std::array<std::string_view, 14> kWords = {
      "none",    "hidden", "hide",  "visible", "show", "mobile", "desktop",
      "tablet",  "phone",  "xs",    "sm",      "md",   "lg",     "xl"};
  const std::string lower = core::ascii_lower(cls);
  const auto alnum = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (size_t i = 0; i < lower.size();) {
    size_t end = i;
    while (end < lower.size() && alnum(lower[end])) ++end;
    const std::string_view word(lower.data() + i, end - i);
    if (std::find(kWords.begin(), kWords.end(), word) != kWords.end()) return true;
    i = end + 1;
  }
  return false;
}

namespace {

// The bytes of text under n, counted until `cap` or over the first
// kMaxCountedNodes nodes, so that panels nested in panels stay linear.
constexpr size_t kMaxCountedNodes = 256;
size_t text_bytes(const html::Document& doc, html::NodeId n, size_t cap) {
  size_t bytes = 0, seen = 0;
  for (html::NodeId d = doc.first_child(n); d != html::kNoNode && bytes < cap &&
                                            ++seen <= kMaxCountedNodes;
       d = doc.next_in(d, n))
    if (doc.is_text(d)) bytes += core::trim(doc.text(d)).size();
  return bytes;
}

// A toggle's panel (is_section_toggle) holds at least this many bytes, a
// sentence, so that a toggle over an empty search box or a form stays a
// control. Asking any text gained 0.007 more on WCXB and asking none 0.010
// (one service page +0.013, the others within 0.004), 120 bytes 0.044 less;
// letting the panel be a list lifted shops' menu labels (a collection -0.023).
constexpr size_t kMinPanelBytes = 40;

}  // namespace

bool is_section_toggle(const html::Document& doc, html::NodeId n) {
  if (doc.is(n, Tag::k_summary)) return true;
  // A button, by its tag or its role, or a link that says whether its panel
  // is open (aria-expanded).
  if (!doc.is(n, Tag::k_button) && doc.attr(n, "role") != "button" &&
      !doc.has_attr(n, "aria-expanded"))
    return false;
  // A heading by its tag or by its role (<span role="heading" aria-level="3">).
  const auto heading = [&](html::NodeId e) {
    return heading_level(doc.tag(e)) > 0 || doc.attr(e, "role") == "heading";
  };
  if (heading_level(doc.tag(n)) > 0) return true;  // <h3 role="button">
  const html::NodeId parent = doc.parent(n);
  if (parent != html::kNoNode && heading(parent)) return true;
  for (html::NodeId d = doc.first_child(n); d != html::kNoNode; d = doc.next_in(d, n))
    if (doc.is_element(d) && heading(d)) return true;
  // Set without a heading: one that says whether its panel is open, right
  // before the panel, which holds a sentence or more and is no menu (a list
  // or a <nav>).
  if (!doc.has_attr(n, "aria-expanded")) return false;
  html::NodeId panel = doc.next_sibling(n);
  while (panel != html::kNoNode && !doc.is_element(panel)) panel = doc.next_sibling(panel);
  return panel != html::kNoNode && !doc.is(panel, Tag::k_ul) && !doc.is(panel, Tag::k_nav) &&
         text_bytes(doc, panel, kMinPanelBytes) >= kMinPanelBytes;
}

std::unordered_set<std::string_view> disclosed_panels(const html::Document& doc) {
  // Panels that name their trigger back (id -> aria-labelledby): the ARIA
  // accordion's pair, whatever the trigger holds.
  std::unordered_map<std::string_view, std::string_view> labelled_by;
  for (html::NodeId n = 0; n < doc.node_count(); ++n) {
    if (!doc.is_element(n)) continue;
    const std::string_view by = doc.attr(n, "aria-labelledby");
    if (!by.empty() && !doc.attr(n, "id").empty()) labelled_by.emplace(doc.attr(n, "id"), by);
  }
  std::unordered_set<std::string_view> ids;
  for (html::NodeId n = 0; n < doc.node_count(); ++n) {
    if (!doc.is_element(n)) continue;
    const std::string_view controls = doc.attr(n, "aria-controls");
    if (controls.empty()) continue;
    const bool trigger = doc.attr(n, "role") == "tab" || is_section_toggle(doc, n);
    const std::string_view self = doc.attr(n, "id");
    each_class_token(controls, [&](std::string_view id) {
      auto back = labelled_by.find(id);
      const bool paired = doc.is(n, Tag::k_button) && !self.empty() &&
                          back != labelled_by.end() && back->second == self;
      if (trigger || paired) ids.insert(id);
      return true;
    });
  }
  return ids;
}

namespace {

// A bare accordion's panel (bare_accordion_panels): its question is a line
// of this many bytes ...
constexpr size_t kMinQuestionBytes = 8;
constexpr size_t kMaxQuestionBytes = 200;
// ... and its answer at least this many (answers of 30 to 150 bytes gained
// alike on WCXB; asking that fewer of them be in links than out cost a page) ...
constexpr size_t kMinAnswerBytes = 80;
// ... in at least this many panels of one tag and class (two lifted a
// service page's disclaimers, which its gold leaves out).
constexpr size_t kMinBarePanels = 3;

// How an element's own attributes hide it, read in one pass over them (every
// element of a page is asked): its hidden attribute or an inline style, and
// aria-hidden.
struct HiddenBy {
  bool sent_hidden = false;
  bool aria_hidden = false;
};
HiddenBy hidden_by(const html::Document& doc, html::NodeId n) {
  HiddenBy out;
  for (const html::Attribute& a : doc.attributes(n)) {
    const std::string_view name = doc.view(a.name);
    if (name == "aria-hidden")
      out.aria_hidden |= doc.view(a.value) == "true";
    else
      out.sent_hidden |= name == "hidden" || (name == "style" && hides(doc.view(a.value)));
  }
  return out;
}

bool is_bare_accordion_panel(const html::Document& doc, html::NodeId n) {
  // Sent hidden, and not by aria-hidden (an accordion that says so is
  // disclosed_panels' to read).
  const HiddenBy panel = hidden_by(doc, n);
  if (!panel.sent_hidden || panel.aria_hidden) return false;
  html::NodeId question = doc.prev_sibling(n);
  for (; question != html::kNoNode && !doc.is_element(question);
       question = doc.prev_sibling(question))
    if (!core::trim(doc.text(question)).empty()) return false;
  if (question == html::kNoNode) return false;
  const HiddenBy asked_by = hidden_by(doc, question);
  if (asked_by.sent_hidden || asked_by.aria_hidden) return false;
  const size_t asked = text_bytes(doc, question, kMaxQuestionBytes + 1);
  return asked >= kMinQuestionBytes && asked <= kMaxQuestionBytes &&
         text_bytes(doc, n, kMinAnswerBytes) >= kMinAnswerBytes;
}

}  // namespace

std::unordered_set<html::NodeId> bare_accordion_panels(const html::Document& doc) {
  // Panels by their tag and class.
  std::unordered_map<std::string, std::vector<html::NodeId>> by_kind;
  for (html::NodeId n = 0; n < doc.node_count(); ++n)
    if (doc.is_element(n) && is_bare_accordion_panel(doc, n)) {
      std::string kind(html::tag_name(doc.tag(n)));
      kind += ' ';
      kind += doc.attr(n, "class");
      by_kind[kind].push_back(n);
    }
  std::unordered_set<html::NodeId> panels;
  for (const auto& [kind, nodes] : by_kind)
    if (nodes.size() >= kMinBarePanels) panels.insert(nodes.begin(), nodes.end());
  return panels;
}

bool names_caption(const html::Document& doc, html::NodeId n) {
  if (doc.is(n, Tag::k_figcaption)) return true;
  std::string_view cls = doc.attr(n, "class");
  if (cls.empty()) return false;
  std::string lower = core::ascii_lower(cls);
  for (std::string_view name : kCaptionNames)
    if (lower.find(name) != std::string::npos) return true;
  return false;
}

namespace {

// The element's class and id, lower case, for substring tests.
std::string lower_names(const html::Document& doc, html::NodeId n) {
  std::string lower = core::ascii_lower(doc.attr(n, "class"));
  lower += ' ';
  lower += core::ascii_lower(doc.attr(n, "id"));
  return lower;
}

}  // namespace

// Parts of the class names of a poster's signature and of the panel beside
// each post that says who wrote it (not the post: "Senator", "Founded: Dec 11,
// 2021", "Joined May 2019", "Reputation 12,870").
constexpr std::array<std::string_view, 20> kPosterPanelParts = {
    "signature",    "usertitle",   "user-title",   "user_title",       "membertitle",
    "member-title", "userinfo",    "user-info",    "user_info",        "authorstats",
    "userstats",    "user-stats",  "posterinfo",   "poster-info",      "userextras",
    "user-extras",  "userdetails", "user-details", "user-action-time", "badgecount"};

bool names_post(const html::Document& doc, html::NodeId n) { return thread_names(doc, n).post; }

ThreadNames thread_names(const html::Document& doc, html::NodeId n) {
  const std::string lower = lower_names(doc, n);
  auto has = [&](std::string_view name) { return lower.find(name) != std::string::npos; };
  auto token = [&](std::string_view name) {
    bool found = false;
    each_class_token(lower, [&](std::string_view t) { return !(found = t == name); });
    return found;
  };
  ThreadNames names;
  names.comment = has("comment");
  const bool answer = has("answer");
  // A post's menu for sharing it ("cPostShareMenu", "comment-share") is not
  // the post.
  names.post =
      (names.comment || answer || has("reply") || has("post") || has("message")) && !has("share");
  // A poster's signature, or their panel beside the post: the rank under
  // their name, their count of posts, when they joined ("userTitle",
  // "user-info", "message-userExtras"; phpBB's "postprofile" only as a whole
  // word, for a board may wrap each post in "postprofile_container").
  names.signature =
      token("postprofile") || std::any_of(kPosterPanelParts.begin(), kPosterPanelParts.end(), has);
  names.question_or_answer = answer || has("question");
  return names;
}

bool names_beside_text(const html::Document& doc, html::NodeId n) {
  const std::string lower = lower_names(doc, n);
  for (std::string_view name : {"related", "promo", "author", "bio"})
    if (lower.find(name) != std::string::npos) return true;
  return false;
}

// What follows "author" in the class of an author's box ("author-bio",
// "author__name", "authorName"); a post set in an element named for its
// author ("entry_author_markey") has the author's own name there.
constexpr std::array<std::string_view, 16> kAuthorBoxParts = {
    "bio",     "box",    "card",    "info",  "name",    "title", "description", "tagline",
    "section", "avatar", "details", "about", "profile", "text",  "image",       "wrap"};

bool names_author_box(const html::Document& doc, html::NodeId n) {
  const std::string_view cls = doc.attr(n, "class");
  // Asked of most blocks' owners in an article: look before copying.
  if (!core::icontains(cls, "author")) return false;
  const std::string lower = core::ascii_lower(cls);
  for (size_t at = lower.find("author"); at != std::string::npos;
       at = lower.find("author", at + 1)) {
    size_t i = at + 6;
    while (i < lower.size() && (lower[i] == '-' || lower[i] == '_')) ++i;
    size_t end = i;
    while (end < lower.size() && lower[end] >= 'a' && lower[end] <= 'z') ++end;
    const std::string_view next = std::string_view(lower).substr(i, end - i);
    if (next.empty() && (i == lower.size() || lower[i] == ' ')) return true;
    for (std::string_view part : kAuthorBoxParts)
      if (next.starts_with(part)) return true;
  }
  return false;
}

namespace {

// A label's text lower-cased, without its closing colon ("Related:" -> "related").
std::string label_text(std::string_view collapsed_text) {
  std::string lower = core::ascii_lower(collapsed_text);
  while (!lower.empty() && (lower.back() == ':' || lower.back() == ' ')) lower.pop_back();
  return lower;
}

// Headings of a box about the writer, lower case.
constexpr std::array<std::string_view, 10> kAuthorBoxHeadings = {
    "about the author",      "about the authors", "about the writer", "about the reviewer",
    "about the contributor", "about this author", "sobre el autor",   "sobre o autor",
    "over de auteur",        "sull'autore"};

// Headings longer than this (bytes) are a section's own.
constexpr size_t kMaxAuthorBoxHeading = 40;

}  // namespace

bool is_author_box_heading(std::string_view collapsed_text) {
  if (collapsed_text.size() > kMaxAuthorBoxHeading) return false;
  const std::string label = label_text(collapsed_text);
  return std::find(kAuthorBoxHeadings.begin(), kAuthorBoxHeadings.end(), label) !=
         kAuthorBoxHeadings.end();
}

bool names_page_chrome(const html::Document& doc, html::NodeId n) {
  // Not the words page builders also give a page's own sections ("promo",
  // "banner", "callout", "hidden", "widget", a shop's "product-details-modal").
  const std::string lower = lower_names(doc, n);
  for (std::string_view name :
       {"footer",  "nav",     "breadcrumb", "skip",    "pagination", "share",   "social",
        "cookie",  "consent", "newsletter", "subscri", "signup",     "sign-up", "popup",
        "toolbar", "sidebar", "advert",     "sponsor", "masthead",   "related", "recommend"})
    if (lower.find(name) != std::string::npos) return true;
  return false;
}

bool names_footer(const html::Document& doc, html::NodeId n) {
  return doc.is(n, Tag::k_footer) || lower_names(doc, n).find("footer") != std::string::npos;
}

bool shares_class_token(std::string_view a, std::string_view b) {
  bool shared = false;
  each_class_token(a, [&](std::string_view token) {
    each_class_token(b, [&](std::string_view other) {
      shared = token == other;
      return !shared;
    });
    return !shared;
  });
  return shared;
}

bool names_teaser(const html::Document& doc, html::NodeId n) {
  return core::ascii_lower(doc.attr(n, "class")).find("teaser") != std::string::npos;
}

bool names_search_copy(const html::Document& doc, html::NodeId n) {
  const std::string lower = core::ascii_lower(doc.attr(n, "class"));
  for (size_t at = lower.find("seo"); at != std::string::npos; at = lower.find("seo", at + 1))
    if (at == 0 || lower[at - 1] < 'a' || lower[at - 1] > 'z') return true;
  return false;
}

// Words of a callout's or a banner's class that keep it boilerplate even on
// a service page.
constexpr std::array<std::string_view, 8> kNeverPitch = {
    "cookie", "consent", "newsletter", "subscri", "sign", "footer", "advert", "nav"};

bool names_pitch(const html::Document& doc, html::NodeId n) {
  const std::string lower = core::ascii_lower(doc.attr(n, "class"));
  if (lower.find("callout") == std::string::npos && lower.find("banner") == std::string::npos)
    return false;
  return std::none_of(kNeverPitch.begin(), kNeverPitch.end(),
                      [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

bool names_review_or_carousel(const html::Document& doc, html::NodeId n) {
  const std::string lower = lower_names(doc, n);
  return lower.find("review") != std::string::npos || lower.find("carousel") != std::string::npos;
}

// Words of the boxes that sell a newsletter ("Sign up for the free daily
// newsletter"), in the languages lede reads most.
constexpr std::array<std::string_view, 9> kSignUpWords = {"sign up",  "subscribe",  "to your inbox",
                                                          "inscreva", "abonnieren", "inscrivez",
                                                          "abonnez",  "iscriviti",  "suscríbete"};

// A site's copyright line ("© 2025 Acme Inc. All rights reserved."), in the
// languages lede reads most: the page's, never the text's.
constexpr std::array<std::string_view, 6> kRightsReserved = {
    "all rights reserved",           "alle rechte vorbehalten",  "tous droits réservés",
    "todos los derechos reservados", "tutti i diritti riservati", "alle rechten voorbehouden"};

// Lines longer than this are a text's own sentence about rights or scripts.
constexpr size_t kMaxNoticeLine = 160;

namespace {

// A notice that the page needs scripts ("You need to enable JavaScript to run
// this app", "JavaScript is disabled in your browser").
bool is_script_notice(std::string_view lower) {
  if (lower.find("javascript") == std::string_view::npos) return false;
  for (std::string_view w : {"enable", "turn on", "requires", "required", "disabled", "switch on"})
    if (lower.find(w) != std::string_view::npos) return true;
  return false;
}

}  // namespace

bool is_site_notice(std::string_view collapsed_text) {
  if (collapsed_text.size() > kMaxNoticeLine) return false;
  const std::string lower = core::ascii_lower(collapsed_text);
  for (std::string_view rights : kRightsReserved)
    if (lower.find(rights) != std::string::npos) return true;
  return is_script_notice(lower);
}

// Labels of the line a blog prints under a post ("Posted by: ... - Category:
// ... - Tags: ..."); two of them make the line metadata, not text.
constexpr std::array<std::string_view, 10> kPostMetaLabels = {
    "posted by",  "publicado por", "published by", "category:", "categoria:",
    "categoría:", "catégorie:",    "kategorie:",   "tags:",     "filed under"};

bool is_furniture_text(std::string_view collapsed_text) {
  if (collapsed_text.size() > kMaxFurnitureLine) return false;
  std::string lower = core::ascii_lower(collapsed_text);
  if (lower.find("newsletter") != std::string::npos)
    for (std::string_view w : kSignUpWords)
      if (lower.find(w) != std::string::npos) return true;
  // The sign-off that points to the author's or the paper's social accounts
  // ("Follow her on Twitter @...", "follow him @...").
  // A line that opens with "Follow" names its accounts too ("Follow The Times
  // Opinion section on Facebook").
  for (std::string_view follow : {"follow us ", "follow him ", "follow her ", "follow me "}) {
    if (lower.find(follow) == std::string::npos && lower.rfind("follow ", 0) != 0) continue;
    for (std::string_view where : {"@", "twitter", "facebook", "instagram"})
      if (lower.find(where) != std::string::npos) return true;
  }
  int labels = 0;
  for (std::string_view label : kPostMetaLabels) labels += lower.find(label) != std::string::npos;
  if (labels >= 2) return true;
  for (std::string_view prefix : kFurniturePrefixes)
    if (lower.rfind(prefix, 0) == 0) return true;
  if (lower.rfind("skip to ", 0) == 0 &&
      static_cast<size_t>(std::count(lower.begin(), lower.end(), ' ')) < kMaxSkipLinkWords)
    return true;
  // Closing punctuation, and the arrow a link's label ends with ("Read more »",
  // "Read the full story →"), are not the line's words.
  for (;;) {
    while (!lower.empty() && (lower.back() == ':' || lower.back() == '.' || lower.back() == ' ' ||
                              lower.back() == '!' || lower.back() == '?' || lower.back() == '>'))
      lower.pop_back();
    const auto arrow = std::find_if(kLabelArrows.begin(), kLabelArrows.end(),
                                    [&](std::string_view a) { return lower.ends_with(a); });
    if (arrow == kLabelArrows.end()) break;
    lower.resize(lower.size() - arrow->size());
  }
  for (std::string_view suffix : kFurnitureSuffixes)
    if (lower.ends_with(suffix)) return true;
  if (is_counter(lower) || is_question_stat(lower) || is_reading_time(lower)) return true;
  return std::find(kFurnitureTexts.begin(), kFurnitureTexts.end(), lower) != kFurnitureTexts.end();
}

// Headings of the lists of other stories that follow an article, in the
// languages lede reads most. Compared with the start of the lower-cased line.
constexpr std::array<std::string_view, 38> kMoreStoriesOpenings = {
    "related stories", "related articles", "related coverage", "related content", "related news",
    // A question's page lists other questions ("Linked", "Related questions").
    "related questions", "explore related questions", "similar questions", "similar threads",
    "more stories", "more great", "more from", "more news", "you may also like",
    "you might also like",
    // "Recommended" alone or over stories, not a text's own "Recommended
    // approach" or "Recommended books for managers".
    "recommended for", "recommended stories", "recommended articles", "recommended reading",
    "recommended posts", "recommended videos", "recommended content", "recommended by",
    "most popular", "most read", "what to read next", "further reading", "read next", "leia também",
    "leia mais", "veja também", "mehr zum thema", "lesen sie auch", "à lire aussi", "lire aussi",
    "leggi anche", "lea también", "te puede interesar"};

bool opens_more_stories(std::string_view collapsed_text) {
  if (collapsed_text.size() > kMaxMoreStoriesHeading) return false;
  const std::string lower = core::ascii_lower(collapsed_text);
  for (std::string_view opening : kMoreStoriesOpenings)
    if (lower.rfind(opening, 0) == 0) return true;
  return lower == "recommended";
}

// Labels of link boxes inside an article, lower-cased, compared with the
// whole line less a closing colon.
constexpr std::array<std::string_view, 16> kLinkBoxLabels = {
    "read more", "more on this story", "more on this",        "related coverage",
    "see also",  "also read",          "read also",           "more coverage",
    "related",   "related reading",    "recommended reading", "editor's picks",
    "also on",   "don't miss",         "must read",           "related links"};

bool is_link_box_label(std::string_view collapsed_text) {
  if (collapsed_text.size() > kMaxMoreStoriesHeading) return false;
  if (opens_more_stories(collapsed_text)) return true;
  const std::string label = label_text(collapsed_text);
  return std::find(kLinkBoxLabels.begin(), kLinkBoxLabels.end(), label) != kLinkBoxLabels.end();
}

// Lines longer than this (bytes) are a post's text, not a detail of its poster.
constexpr size_t kMaxPosterDetail = 60;

// Labels forum software prints beside each post's author, lower case.
constexpr std::array<std::string_view, 17> kPosterDetailLabels = {
    "posts",           "join date",  "joined",       "location",   "messages",
    "reaction score",  "reactions",  "points",       "likes",      "likes received",
    "likes reactions", "reputation", "member since", "registered", "solutions",
    "badges",          "status"};

// Whole lines beside a post that say what its poster is, or whether they are here.
constexpr std::array<std::string_view, 4> kPosterStates = {"member", "members", "online",
                                                           "offline"};

// Words after a number that make it a post's or a poster's counter ("12 likes",
// "1,077 posts · joined 2015").
constexpr std::array<std::string_view, 10> kCounterWords = {
    "posts", "post", "likes", "like", "replies", "reply", "views", "points", "reactions", "votes"};

PosterDetail poster_detail(std::string_view collapsed_text) {
  if (collapsed_text.size() > kMaxPosterDetail) return PosterDetail::kNone;
  const std::string lower = core::ascii_lower(collapsed_text);
  const std::string_view text = lower;
  // A counter: a vote count, a post's number, "12 likes".
  if (!text.empty() && text[0] >= '0' && text[0] <= '9') {
    const size_t end = text.find_first_not_of("0123456789.,k+");
    if (end == std::string_view::npos) return PosterDetail::kLine;
    const std::string_view rest = core::trim(text.substr(end));
    for (std::string_view word : kCounterWords)
      if (rest.starts_with(word) &&
          (rest.size() == word.size() || rest[word.size()] == ' ' || rest[word.size()] == ','))
        return PosterDetail::kLine;
  }
  // "Edited January 29 by ann", "last edited by ann".
  if (text.starts_with("edited ") || text.starts_with("last edited")) return PosterDetail::kLine;
  if (std::find(kPosterStates.begin(), kPosterStates.end(), text) != kPosterStates.end())
    return PosterDetail::kLine;
  PosterDetail found = PosterDetail::kNone;
  for (std::string_view label : kPosterDetailLabels) {
    if (!text.starts_with(label)) continue;
    std::string_view rest = core::trim(text.substr(label.size()));
    if (rest.empty() || rest == ":") return PosterDetail::kLabel;
    // "Posts: 1,077" or "Posts 1,077", not "Posts about the pump".
    const bool spaced_number = text[label.size()] == ' ' && rest[0] >= '0' && rest[0] <= '9';
    if (rest[0] == ':' || spaced_number) found = PosterDetail::kLine;
  }
  return found;
}

int heading_level(Tag t) {
  switch (t) {
    case Tag::k_h1:
      return 1;
    case Tag::k_h2:
      return 2;
    case Tag::k_h3:
      return 3;
    case Tag::k_h4:
      return 4;
    case Tag::k_h5:
      return 5;
    case Tag::k_h6:
      return 6;
    default:
      return 0;
  }
}

bool is_data_table(const html::Document& doc, html::NodeId table) {
  constexpr int kMinRows = 3;
  std::unordered_map<int, int> rows_by_cells;
  int rows = 0;
  for (html::NodeId d = doc.next_in(table, table); d != html::kNoNode;) {
    if (doc.is(d, Tag::k_table)) return false;
    if (!doc.is(d, Tag::k_tr)) {
      d = doc.next_in(d, table);
      continue;
    }
    int cells = 0;
    for (html::NodeId c = doc.first_child(d); c != html::kNoNode; c = doc.next_sibling(c))
      if (doc.is(c, Tag::k_td) || doc.is(c, Tag::k_th)) ++cells;
    ++rows_by_cells[cells];
    ++rows;
    d = doc.next_in(d, table);
  }
  if (rows < kMinRows) return false;
  for (auto [cells, count] : rows_by_cells)
    if (cells >= 2 && count * 4 >= rows * 3) return true;
  return false;
}

bool is_block_tag(Tag tag) {
  switch (tag) {
    case Tag::k_p:
    case Tag::k_div:
    case Tag::k_h1:
    case Tag::k_h2:
    case Tag::k_h3:
    case Tag::k_h4:
    case Tag::k_h5:
    case Tag::k_h6:
    case Tag::k_ul:
    case Tag::k_ol:
    case Tag::k_li:
    case Tag::k_dl:
    case Tag::k_dt:
    case Tag::k_dd:
    case Tag::k_blockquote:
    case Tag::k_pre:
    case Tag::k_table:
    case Tag::k_tr:
    case Tag::k_td:
    case Tag::k_th:
    case Tag::k_thead:
    case Tag::k_tbody:
    case Tag::k_tfoot:
    case Tag::k_caption:
    case Tag::k_section:
    case Tag::k_article:
    case Tag::k_main:
    case Tag::k_header:
    case Tag::k_footer:
    case Tag::k_aside:
    case Tag::k_figure:
    case Tag::k_figcaption:
    case Tag::k_hr:
    case Tag::k_address:
    case Tag::k_center:
    case Tag::k_details:
    case Tag::k_summary:
    case Tag::k_form:
    case Tag::k_fieldset:
    case Tag::k_body:
    case Tag::k_html:
    case Tag::k_hgroup:
    case Tag::k_listing:
    case Tag::k_plaintext:
    case Tag::k_xmp:
    case Tag::k_nav:
    case Tag::k_search:
    case Tag::k_dir:
      return true;
    default:
      return false;
  }
}

}  // namespace lede::extraction
