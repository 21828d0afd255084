// Locating the article body in a Document and writing it as blocks.
//
// The cascade, step by step:
//   1. Mark what is never the article (scripts, hidden and navigation
//      elements: skipped) and what usually is not (asides, footers, share
//      bars, related links: weak).
//   2. Segment the page into text blocks, each owned by its innermost
//      block element.
//   3. Weigh each block: prose (long, punctuated, few links) counts for the
//      article, link lists and fragments against it; text also found in the
//      page's JSON-LD articleBody counts double.
//   4. Rescue weak elements that hold most of the page's prose (pages that
//      wrap everything in a <form> or a "main-with-sidebar" div).
//   5. Choose the element whose blocks weigh most for the article, with a
//      bonus for structural hints (<article>, itemprop=articleBody, known
//      body containers): the evidence decides, not the site.
//   6. Write that element's blocks, leaving out weak elements inside it,
//      link lists, furniture lines and the headline; figures go to images.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extraction/blocks.h"
#include "extraction/page_type.h"
#include "extraction/vocabulary.h"
#include "html/dom.h"
#include "lede/article.h"

namespace lede::extraction {

struct BodyHints {
  std::string_view title;         // the headline, left out of the body
  std::string_view json_ld_body;  // JSON-LD articleBody, if the page has one
  std::string_view site_domain;   // the domain of the page's canonical address, if it says one
  bool explain = false;           // fill Body::explanation
  // The page's kind as decided elsewhere (a caller that knows its pages, a
  // test of what follows a decision); null: lede's model decides.
  const PageTypeDecision* page_type = nullptr;
};

struct Body {
  std::string text;  // blocks joined by one blank line
  std::vector<Block> blocks;
  std::vector<Image> images;  // the article's figures, caption and credit apart
  std::string method;         // how the container was chosen
  std::string page_type;      // page_type_name() of the page
  // With BodyHints::explain: the page type and its evidence, every block in
  // page order with its features, weight and the rule that kept or dropped
  // it, and the container chosen, with its runners-up.
  std::string explanation;
};

// How a kind of page holds its content: the weight per character of each
// kind of block, and which of the article rules apply.
struct TypeProfile {
  double heading_weight = 0;      // headings (articles: neutral)
  double short_weight = 0;        // short sentences (articles: neutral)
  double fragment_weight = -0.3;  // short lines that end no sentence
  bool spec_lines = false;        // "Label: value" lines are neutral, not fragments
  double link_weight = -1.0;      // blocks mostly made of links
  // Linked text that reads as a card's title or summary (a heading, or
  // kMinCardTitleWords words ending a sentence): on pages of cards the whole
  // card is often one link. Zero: such blocks weigh as other links.
  double linked_card_weight = 0;
  bool keep_teasers = false;        // repeated cards are content, not teasers
  bool long_list_items = true;      // long list items that end no sentence are text
  bool keep_comments = false;       // "comment" and "reply" elements are content
  bool keep_linked_titles = false;  // a linked title (a card's) is written
  bool linked_list_items = false;   // a linked list item of the container is written
  bool trim_edges = true;           // trim kickers before and headlines after the body
  bool item_lists = false;          // a list of like items outweighing the container wins
  bool whole_main = false;          // the page's <main> around the container is the content
  bool drop_reviews = false;        // elements named as reviews or carousels are boilerplate
  bool drop_letterless = false;     // lines without a letter (counts, prices) are not text
  bool entry_titles = true;         // a linked heading over an unlinked line is kept
  bool card_headings = false;       // a heading is kept though the rest of its section is not
  bool pitch_headings = false;      // ... when it is not a link
  bool drop_buttons = false;        // a linked line of a few words is a button, not a title
  bool keep_pitch = false;          // callouts and banners (a hero, a call to action) are content
  bool section_headers = false;     // a <header> opening a section of <main> is its pitch
  bool card_headers = false;        // a <header> of an <article> card is its title
  bool keep_search_copy = false;    // text named for search engines is the category's
  bool like_repeats = false;        // a run repeated in like branches (price cards) is text
  bool builder_widgets = false;     // "widget" in a compound name is a page builder's module
  double climb_share = 0;           // climb to the parent while it keeps this share of the score
  double climb_bad_cost = 1.0;      // weight of boilerplate against that score while climbing
};

// The profile of a page type: articles and "other" get the article rules.
TypeProfile profile_for(PageType t);

// Reusable: keeps its buffers across pages. Not thread-safe.
class BodyExtractor {
 public:
  Body extract(const html::Document& doc, const BodyHints& hints);

 private:
  // The passes: the first reading, then those for pages where it found little.
  Body read_passes(const html::Document& doc, const BodyHints& hints);
  Body extract_once(const html::Document& doc, const BodyHints& hints);
  void mark(const html::Document& doc);
  void weigh(const html::Document& doc, const BodyHints& hints);
  void mark_teasers(const html::Document& doc);
  void mark_sign_up_boxes(const html::Document& doc);
  void rescue_weak(const html::Document& doc);
  html::NodeId choose_container(const html::Document& doc, std::string& method) const;
  // The element whose like children (same tag and class, each holding text
  // outside boilerplate) hold the most text, and that text in bytes.
  html::NodeId largest_item_list(const html::Document& doc, uint64_t& bytes) const;
  uint64_t bytes_in(html::NodeId n) const;  // text bytes of the blocks under n
  // Whether repeated item n, of `text` bytes and `links` of them in links, is
  // an entry of the text (a product with its long description and "Buy"
  // button) rather than a teaser for another page.
  bool is_entry_card(const html::Document& doc, html::NodeId n, uint64_t text,
                     uint64_t links) const;
  // Whether block i of the container has the article's prose before and
  // after it, its link leads to no place in a page, and the container does
  // not show its line twice.
  bool stands_in_text(const html::Document& doc, uint32_t i, html::NodeId container) const;
  // Whether a thread's list line is a poster's detail or a counter.
  bool is_poster_stat(const html::Document& doc, const TextBlock& block,
                      std::string_view text) const;
  // Whether block `next`, below a linked heading, is the unlinked line of a
  // list entry within the container's text.
  bool titles_entry(uint32_t next, html::NodeId container) const;
  bool titles_nothing(const html::Document& doc, uint32_t block, html::NodeId container,
                      const std::vector<bool>& kept, uint32_t base) const;
  bool is_trailing_fragment(uint32_t block) const;
  bool only_notices(const std::vector<uint32_t>& kept) const;  // no body: see extractor.cc
  // Leaves out the body's second copy of a run of its lines (kept: block
  // indices in page order).
  void drop_repeated_runs(const html::Document& doc, std::vector<uint32_t>& kept) const;
  // Whether two elements sit in like branches of their nearest common
  // ancestor: its children that hold them are of one tag and first class
  // word and name no screen size, and each element is reached from its
  // branch through the same tags.
  bool like_branches(const html::Document& doc, html::NodeId a, html::NodeId b) const;
  // Lifts the weak marks of the elements in `found` (weak by their name,
  // each holding prose) that repeat: an article's callouts, a buying guide's
  // product boxes. Reorders and filters `found`.
  void lift_repeated_entries(const html::Document& doc,
                             std::vector<std::pair<html::NodeId, double>>& found);
  // Lifts the weak marks of the elements in `found` (weak by their name, with
  // the prose each holds) of one tag and class that together hold most of the
  // page's prose (`total`): the text, however their class reads, such as an
  // editor's grids of sections or a service page's like panels. Reorders `found`.
  void lift_like_boxes(const html::Document& doc,
                       std::vector<std::pair<html::NodeId, double>>& found, double total);
  void drop_link_boxes(std::vector<uint32_t>& kept) const;
  void drop_poster_details(std::vector<uint32_t>& kept) const;  // a forum's "Posts: 1,077" lines
  // A thread's quotes of lines it showed before (a reply quoting a post).
  void drop_quoted_copies(std::vector<uint32_t>& kept) const;
  // The stages of the write step, for the explanation.
  struct WriteTrace {
    uint32_t first = 0, lead = 0, end = 0;
    std::vector<uint32_t> kept_blocks, after_boxes, after_titles, after_trailing, after_repeats;
  };
  void explain(const html::Document& doc, html::NodeId container, const WriteTrace& trace,
               const std::vector<uint32_t>& kept, const BodyHints& hints, Body& body) const;
  uint32_t end_of_story(uint32_t first, uint32_t last) const;  // block after the body's last
  double prose_in(html::NodeId n) const;  // weight of the article's prose under n
  // Whether n is a form around a thread's posts (TypeProfile::keep_comments).
  bool is_post_form(const html::Document& doc, html::NodeId n) const;
  html::NodeId image_scope(const html::Document& doc, html::NodeId container) const;
  void collect_images(const html::Document& doc, html::NodeId container, Body& body) const;
  // Why a block of the container is left out; nullptr when it is written.
  const char* drop_reason(const html::Document& doc, const TextBlock& block, html::NodeId container,
                          const BodyHints& hints) const;
  bool keep_block(const html::Document& doc, const TextBlock& block, html::NodeId container,
                  const BodyHints& hints) const;

  AttributeClassifier classifier_;
  PageType page_type_ = PageType::kArticle;
  PageType profile_type_ = PageType::kArticle;  // the type whose weights are used
  PageEvidence evidence_;                       // of the page being extracted
  PageTypeDecision decision_;
  TypeProfile profile_;
  bool open_noscript_ = false;  // second pass: <noscript> content is the page's
  bool relax_weak_ = false;     // last pass: no element is weak by its name
  bool show_scripted_ = false;  // last pass: elements hidden until a script runs are shown
  bool listing_retry_ = false;  // again as a listing: the cards outweighed the body
  bool wrote_prose_ = false;    // the body written holds a block of prose
  uint32_t teaser_count_ = 0;   // repeated cards mark_teasers found
  uint64_t teaser_bytes_ = 0;   // and their text
  // A list of items chosen as the content of a page of cards: blocks in
  // [item_first_, item_last_) are written even when they are links.
  uint32_t item_first_ = 0, item_last_ = 0;
  std::vector<Mark> marks_;
  std::vector<bool> hinted_;       // per node: <article> or a named body container
  std::vector<bool> named_weak_;   // per node: weak by its class or id alone, not its tag
  std::vector<bool> page_chrome_;  // per node: named weak as the page's chrome (whole_main pages)
  std::vector<bool> always_weak_;  // per node: weak even in <main>, and never rescued
  // The container is the page's <main> (TypeProfile::whole_main) or a list of
  // items: elements weak by their name alone inside it are written.
  bool keep_named_weak_ = false;
  std::vector<bool> embedded_;   // per node: inside an embedded social post
  std::vector<bool> in_answer_;  // per node: inside a question or an answer of a thread
  // Ids of the panels the page's accordions and tabs open (disclosed_panels).
  std::unordered_set<std::string_view> disclosed_;
  // The panels of accordions that name no trigger (bare_accordion_panels).
  std::unordered_set<html::NodeId> bare_panels_;
  // Whether n is such a panel, or its collapsing wrapper (the panel is its
  // one element child), or a bare accordion's panel.
  bool disclosed(const html::Document& doc, html::NodeId n) const;
  // Forms of each class that hold text: counted once, looked up per form.
  std::unordered_map<std::string_view, size_t> post_form_classes_;
  // Tables whose rows are data (is_data_table): looked up once per table.
  mutable std::unordered_map<html::NodeId, bool> data_tables_;
  // How often each line stands in the container (stands_in_text): counted
  // once, the first time a wholly linked item asks.
  mutable std::unordered_map<std::string_view, uint32_t> container_lines_;
  mutable html::NodeId lines_of_ = html::kNoNode;
  bool in_data_table(const html::Document& doc, html::NodeId n) const;
  // A row of such a table whose links are names beside a cell of its own.
  bool is_linked_data_row(const html::Document& doc, html::NodeId row) const;
  // The lowest element holding both a and b (by their blocks), or b when
  // that is the <body> or the <html>.
  html::NodeId common_ancestor(const html::Document& doc, html::NodeId a, html::NodeId b) const;
  std::vector<uint32_t> depth_;
  std::vector<html::NodeId> weak_owner_;  // per node: innermost weak ancestor-or-self
  Segmentation seg_;
  std::vector<double> good_, bad_;          // per block
  std::vector<double> good_sum_, bad_sum_;  // prefix sums over blocks
};

}  // namespace lede::extraction
