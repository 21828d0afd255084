// The words and tags by which pages mark what is not the article, and what
// is. Kept as data, apart from the code that applies them.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "html/dom.h"

namespace lede::extraction {

// How sure a signal is that an element is boilerplate.
enum class Verdict : uint8_t {
  kContent,  // no signal
  kWeak,     // boilerplate unless it holds most of the page's prose
  kHidden,   // not shown: no text from it, but its photos may be the article's
  kStrong,   // never part of the article (scripts, navigation, forms)
};

// Tags whose content is never article text.
Verdict tag_verdict(html::Tag tag);

// What an element's attributes (class, id, role, itemprop, hidden, aria-hidden,
// style) say about it.
struct ElementSignals {
  Verdict verdict = Verdict::kContent;
  // class, id or itemprop names a well-known article-body container
  // ("article-body", "entry-content", itemprop=articleBody, ...).
  bool content_container = false;
  // An embedded social post (class names a tweet): it quotes the story's
  // sources, so its links do not make it navigation.
  bool embedded_post = false;
};

// Reads ElementSignals, remembering the answer for each class attribute
// seen on the page (most elements repeat a few classes). Reset per page.
class AttributeClassifier {
 public:
  // `disclosed`: the element is a panel a trigger of the page opens (see
  // disclosed_panels): its hidden state is the panel's closed one, not a
  // sign that its text is not the page's. So is a panel of tabs, of an
  // accordion or of a page's questions by its role or class ("tab-pane",
  // "faq__answer", "accordion-body"; not a menu's), trigger or none.
  ElementSignals classify(const html::Document& doc, html::NodeId n, bool disclosed = false);
  // Forgets the page's classes. `builder_widgets`: "widget" marks
  // boilerplate only as a class word of its own (a sidebar's "widget
  // widget_text"), not inside a compound name, where page builders call
  // their every module so ("elementor-widget-text-editor",
  // "hs_cos_wrapper_widget", id "widget_1755214676739").
  void reset(bool builder_widgets = false) {
    by_class_.clear();
    builder_widgets_ = builder_widgets;
  }

 private:
  ElementSignals from_names(std::string_view class_attr, std::string_view id_attr);

  bool builder_widgets_ = false;
  std::string names_;  // lower-cased class and id, reused
  std::unordered_map<std::string_view, ElementSignals> by_class_;
};

// True for whole-block texts that are page furniture wherever they appear
// ("Advertisement", "Share this article", "Read more").
bool is_furniture_text(std::string_view collapsed_text);

// True for a site's notice: its copyright line ("© 2025 Acme. All rights
// reserved.") or a note that the page needs JavaScript. An article may close
// with its own (a wire story's), so it is text beside a body, and no body
// alone.
bool is_site_notice(std::string_view collapsed_text);

// True for a short line that titles a list of other stories ("More from
// Business", "Related coverage", "Leia também").
bool opens_more_stories(std::string_view collapsed_text);

// True for the label of a box of links set inside an article's text
// ("RELATED COVERAGE", "Read more:", "More on this story", "See also"): the
// label and the links under it are not the article's text.
bool is_link_box_label(std::string_view collapsed_text);

// What a short line beside a forum post says of its poster: nothing, a detail
// with its value ("Join Date: Mar 2016", "Posts 1,077", "Last edited by ann")
// or a counter ("14", "12 likes"), or a detail's label alone, its value in the
// next block ("Reaction score").
enum class PosterDetail { kNone, kLine, kLabel };
PosterDetail poster_detail(std::string_view collapsed_text);

// True for a card inside the text that the page shows only on hover or click
// (a person's "rollover" with their latest stories, a popover): inline, named
// so, holding a photo or links, and not the element that holds the trigger.
bool is_hover_card(const html::Document& doc, html::NodeId n);

// The ids of the panels the page's section toggles and tabs open and close
// (their aria-controls), and of those a button opens that name it back
// (aria-labelledby): an accordion's answers, a product's tabs, sent closed
// and hidden. A menu button's menu names no trigger.
std::unordered_set<std::string_view> disclosed_panels(const html::Document& doc);

// Accordion panels that no attribute ties to their trigger: an element sent
// hidden (its hidden attribute or an inline style) right after a shown line
// of a few words, its question or title, and holding a sentence or more.
// Only where the page sets at least three panels so, of one tag and class: a
// single hidden element after a line is as often an error message or a
// survey a script shows.
std::unordered_set<html::NodeId> bare_accordion_panels(const html::Document& doc);

// True for a class naming a screen size or a state of display, the marks of
// a section set twice, once for phones and once for desktops ("hero--mobile",
// "d-lg-none", "hidden-xs", "visible-md"): a word of it, split at every
// character that is no letter or digit, is one of those.
bool names_screen_size(std::string_view cls);

// True for an accordion's trigger: a button (the tag or role="button", or a
// link with aria-expanded) set in a heading, holding one or being one, or
// one with aria-expanded right before its panel of text; or a <details>
// element's <summary>. Its label is a section's title or a question, shown
// on the page above its panel.
bool is_section_toggle(const html::Document& doc, html::NodeId n);

// True for an element the page marks as a photo caption (figcaption, or a
// class naming a caption: "caption", "legend", "pie-foto", "bildunterschrift").
bool names_caption(const html::Document& doc, html::NodeId n);

// True for an element whose class or id names a post of a thread ("comment",
// "reply", "post", "message", "answer"): boilerplate under an article, the
// content of a forum page.
bool names_post(const html::Document& doc, html::NodeId n);

// What an element's class or id says of it in a thread, read once per element
// by the walk that keeps a forum page's posts.
struct ThreadNames {
  bool post = false;       // "comment", "reply", "post", "message", "answer" (names_post)
  bool signature = false;  // "signature", "userTitle": a poster's footer or rank, not the post
  bool question_or_answer = false;  // "question", "answer js-answer"
  bool comment = false;             // "comments-list"
};
ThreadNames thread_names(const html::Document& doc, html::NodeId n);

// True for an element whose class or id names what stands beside a text but
// is never part of it, however it is repeated ("related-node-body",
// "author-bio", "PromoSmall-description"): other stories, the writers'
// biographies.
bool names_beside_text(const html::Document& doc, html::NodeId n);

// True for an element whose class names a teaser ("teaser", "c-teaser__body"):
// boilerplate under an article, the content of a page of cards.
bool names_teaser(const html::Document& doc, html::NodeId n);

// Calls f with each token of a class attribute, in order, until f returns
// false.
template <typename F>
void each_class_token(std::string_view cls, F&& f) {
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  size_t i = 0;
  while (i < cls.size()) {
    while (i < cls.size() && space(cls[i])) ++i;
    const size_t start = i;
    while (i < cls.size() && !space(cls[i])) ++i;
    if (i > start && !f(cls.substr(start, i - start))) return;
  }
}

// True when the two class attributes have a token in common ("hero panel",
// "pricing panel").
bool shares_class_token(std::string_view a, std::string_view b);

// True for an element whose class names an author anywhere in it
// ("author-card__description", "the-author", "saboxplugin-authorname"), not
// an authority: in an article, the writer's name or biography set apart.
bool names_author_box(const html::Document& doc, html::NodeId n);

// True for a heading that titles a box about the writer ("About the author",
// "About the reviewer:", "Sobre el autor").
bool is_author_box_heading(std::string_view collapsed_text);

// True for a <footer> or an element whose class or id names a footer: the
// site's closing text, however much of the page's prose it holds (a shop's
// or a listing's text for search engines).
bool names_footer(const html::Document& doc, html::NodeId n);

// True for an element named as the page's chrome wherever it stands: its
// footer, navigation, paging, sharing buttons, sign-up boxes, ads, sidebar,
// related items.
bool names_page_chrome(const html::Document& doc, html::NodeId n);

// True for an element whose class names text written for search engines
// ("category-seo-block", "field-seofootercopy"): on a page of products, the
// category's own description, whatever else the name says.
bool names_search_copy(const html::Document& doc, html::NodeId n);

// True for an element whose class names a callout or a banner ("callout",
// "hero-banner") and nothing that is boilerplate on any page (a cookie
// notice, a newsletter's sign-up): on a service page, a section of its pitch.
bool names_pitch(const html::Document& doc, html::NodeId n);

// True for an element whose class or id names customer reviews or a
// carousel ("reviewText", "a-carousel"): on a product page, what buyers
// wrote and the other products on offer, not the product's description.
bool names_review_or_carousel(const html::Document& doc, html::NodeId n);

// True for an element hidden until the page's scripts have run: one its own
// inline style hides ("display: none", "visibility: hidden"; scripts hide a
// whole page so until they are done), and a segment of a page streamed in
// pieces (React's <div hidden id="S:0">, which its script moves in place).
// Not an element hidden by its hidden attribute otherwise, nor aria-hidden.
bool hidden_until_script(const html::Document& doc, html::NodeId n);

// True for a page streamed in pieces: it holds a hidden segment (React's
// <div hidden id="S:0">) that its script moves in place.
bool has_streamed_segment(const html::Document& doc);

// True for a table of data rather than of layout: three or more rows, most
// of them with the same number of cells, at least two, and no table inside.
// Its rows are short and end no sentence, yet they are the text.
bool is_data_table(const html::Document& doc, html::NodeId table);

// Block-level elements: they start and end a text block.
bool is_block_tag(html::Tag tag);

// 1 to 6 for <h1> to <h6>, 0 for any other tag.
int heading_level(html::Tag tag);

}  // namespace lede::extraction
