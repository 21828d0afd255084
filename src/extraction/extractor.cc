#include "extraction/extractor.h"

#include <algorithm>
#include <cstdio>
#include <optional>
#include <unordered_map>
#include <utility>

#include "core/text.h"
#include "core/url.h"
#include "extraction/vocabulary.h"
#include "fields/credit.h"
#include "fields/dates.h"

namespace lede::extraction {
namespace {

using html::kNoNode;
using html::NodeId;
using html::Tag;

// A block with more of its text in links than this is navigation.
constexpr double kLinkListDensity = 0.5;
// Blocks at least this long (code points) are prose even without punctuation.
constexpr size_t kLongBlock = 150;
// Blocks shorter than this need sentence punctuation to count as prose.
constexpr size_t kSentenceBlock = 40;
// How much a unit of non-article text costs a container against a unit of prose.
constexpr double kBadCost = 1.0;
// Weak elements holding at least this share of the prose are the content.
constexpr double kRescueShare = 0.5;
// Containers the page itself names as the article get this bonus.
constexpr double kHintBonus = 1.15;
// itemprop=articleBody is the page's explicit statement: a larger bonus.
constexpr double kArticleBodyBonus = 1.5;
// An ancestor whose prose grows past this factor holds more than the
// article, so photos in it may belong to other stories.
constexpr double kScopeProseGrowth = 1.3;
// A repeated item under this size with a link in it is a teaser for
// another story (title, summary, date), not part of this one.
constexpr uint64_t kMaxTeaserBytes = 600;
// A repeated item whose links are under this share of its text, that holds
// a paragraph of kMinEntryParagraph bytes and no linked heading (but in the
// page's <article>), is an entry
// of the text (a buying guide's product with its "Buy" button), not a teaser
// (tuned on WCXB's tune half: 0.1 and 0.15 alike, 0.05 gained less).
constexpr double kMaxEntryLinkShare = 0.15;
// ... the paragraph's bytes: teasers' summaries on Dragnet's blogs, each with
// its "Read more" link, run to 220 bytes.
constexpr uint64_t kMinEntryParagraph = 250;
// An article's text sets its own boxes in repeated elements whose names read
// as boilerplate ("callout", "c-product-widget", a collapsed accordion's
// "hidden"): this many of one tag and class are the text's (tuned on WCXB's
// tune half, inside the container: 2 gained 0.0002 more there and cost a
// documentation page of the check half; comments, related stories, promos and
// biographies stay out by name) ...
constexpr size_t kMinLiftedEntries = 3;
// ... when this many of them hold kMinSectionProse of prose: the others may
// hold only short lines ("Light: low", "Water: weekly"). One gained 0.0002 on
// WCXB (both halves up, seven articles up, three down by at most 0.02); 3,
// as each box had to be before, lifted none of those.
constexpr size_t kMinHoldingEntries = 1;
// A list item of an article with a link among at least this many words, the
// link not the whole of it ("<a>Raised sign-ups fourfold for Acme</a>
// (2024)"), is an entry of the text, not a line of a list of links: on WCXB
// such items held twice the text's words they held of other words, and on
// Dragnet too; wholly linked items (another story's title) stay out.
constexpr long kMinLinkedItemWords = 4;
constexpr double kMaxWholeLinkShare = 0.95;
// A wholly linked list item of as many words stands in the text when the
// article's prose (weight times characters) both before and after it in the
// container reaches this: a list the story walks through (the releases, the
// courses, the tools it names), not the related stories that end it. On WCXB
// such items held nearly three times the text's words they held of others
// (both halves up; Dragnet, CleanEval, AEB and the Readability.js pages too).
// See Article.WhollyLinkedItemsWithinTheTextAreText in extractor_test.cc.
constexpr double kMinProseAroundItem = 200;
// A thread's list lines of at most this many words outside its posts' prose
// are its posters' details (is_poster_stat). WCXB's threads 0.8152 -> 0.8206
// (both halves up; 33 up, 11 down by at most 0.009); 3 and 4 words gained
// less on both halves, 6 and 8 no more.
// See Forum.PostersStatsInListsAreLeftOut in extractor_test.cc.
constexpr long kMaxStatWords = 5;
// A "More stories" title ends the body when the prose after it weighs at most
// this share of the prose before it.
constexpr double kMoreStoriesProseShare = 0.25;
// List items at least this long (code points) that end no sentence weigh
// kLongListItemWeight a character (tuned on WCXB's tune half: 60 to 80 alike,
// 100 gained less; lists of long items also raised Dragnet and Readability.js
// pages, and left CleanEval, where paragraphs so weighed cost 0.002).
constexpr double kLongListItem = 60;
constexpr double kLongListItemWeight = 0.5;
// CJK characters that make a block prose without a sentence end.
constexpr size_t kCjkProse = 20;
// A chosen single paragraph gives way to its parent when the parent's prose
// is at least this many times its own (2.0 until a story of one long
// paragraph under four shorter ones, beside its related links, kept the long
// one alone: at 1.5 Dragnet 0.8847 -> 0.8870, 5 pages up on both halves, none
// down, no other set moved; at 1.25 a listing of WCXB lost 0.36).
// See Article.ALongParagraphAmongShortOnesIsNotTheStory in extractor_test.cc.
constexpr double kSiblingProseFactor = 1.5;
// Lines shorter than this (in characters) that end no sentence are trimmed
// from the body's end when at least kMinTrailingFragments stand together.
constexpr size_t kMaxTrailingFragment = 120;
constexpr size_t kMinTrailingFragments = 2;
// The least text of the unlinked line under a linked list entry's title.
constexpr size_t kMinSummaryLine = 15;
// Short lines before the first prose are trimmed as kickers unless at least
// this many of them would be written.
constexpr uint32_t kMinLeadingRun = 5;
// Bytes of text outside links that make a linked sentence prose ("You can
// read our full <a>review of the trail shoe</a>."); a label of a link box
// ("Related: ", "Also read: ") is shorter. 20 gained on WCXB and Dragnet over
// 40; 10 gained as much and let such labels in.
constexpr size_t kMinUnlinkedProse = 20;
// Fewer repeated items than this are not a list.
constexpr size_t kMinTeasers = 3;
// JSON-LD bodies shorter than this are summaries, not bodies.
constexpr size_t kMinJsonLdBody = 200;
// Repeated cards that make a page a listing when they outweigh the container
// chosen outside them by kListingCardShare (bytes of text).
constexpr uint32_t kMinListingCards = 6;
constexpr double kListingCardShare = 2.0;
// ... and only when that container is this short (bytes): an article with a
// long list of other stories below it stays an article.
constexpr uint64_t kListingMaxBody = 600;
// A page of sections (not an article) is its chosen container's parent while
// the parent keeps this share of the container's score.
constexpr double kSectionClimbShare = 0.7;
// The lead over an article's score (page_type.h) that makes a page read with
// a listing's weights: articles with long columns of links to other stories
// (CleanEval's older pages) score as listings by less. On WCXB's halves the
// listings below it lose little: their cards make them listings again.
constexpr float kSureListingLead = 1.5f;
// Words that make a linked line a card's title rather than a menu entry.
constexpr long kMinCardTitleWords = 3;
// On a service page a wholly linked line of at most this many words is a
// button, whatever its kind of block (is_button_line): WCXB's service pages
// 0.8507 -> 0.8553, both halves up (91 pages up, 36 down by at most 0.03);
// 3 gained less on both halves, 5 as much; one Readability.js page loses a
// line of four linked words (0.9470 -> 0.9467).
// See Service.ItsButtonsAreNotItsText in extractor_test.cc.
constexpr long kMaxButtonWords = 4;
// Weight per character of a linked card's title or summary on a page of cards.
constexpr double kLinkedCardWeight = 0.5;
// Like children that make a list of items on a page of cards.
constexpr size_t kMinListItems = 5;
// Kinds of children (tag and first class word) told apart under one parent:
// bounds the work on a parent of thousands of unlike children.
constexpr size_t kMaxItemKinds = 32;
// A page of cards' list of items replaces the chosen container when it holds
// more text than the container by this factor (2.0 kept fewer lists on WCXB's
// tune half and its other half alike).
constexpr double kItemListShare = 1.2;
// ... and on a page read as a listing by too little to get a listing's
// weights, when it holds this many times the container's text (at 1.2 an
// article of CleanEval with long columns of links lost its body to them).
constexpr double kUnsureItemListShare = 3.0;
// A like sibling section holds part of a split body when its prose weighs
// at least this (a short lead-in paragraph's worth) ...
constexpr double kMinSectionProse = 150;
// ... and the like siblings together at least this share of the chosen one's.
constexpr double kSplitBodyShare = 0.3;
// Levels above a block where an author box's name is looked for.
constexpr int kAuthorBoxLevels = 3;
// ... and the most an author box writes (bytes): a blog's posts are set in
// elements named for their authors ("serendipity_entry_author_markey").
constexpr uint64_t kMaxAuthorBox = 700;
// The most a box headed "About the author" writes (bytes): a name, a
// biography of a few lines and the links to the writer's pages.
constexpr uint64_t kMaxHeadedAuthorBox = 1500;
// A sign-up box writes a heading and a few lines (bytes; 500 gained almost as
// much on WCXB, 1,200 and more cost its half b).
constexpr uint64_t kMaxSignUpBox = 800;
// A body shorter than this (bytes, a dozen words) is a scrap: the retries for
// a page where nothing was found run, and replace it when they find more than
// kScrapGain times its text.
constexpr size_t kScrapBytes = 80;
constexpr double kScrapGain = 4.0;
// A body shorter than this (bytes, a paragraph or two) read from a page whose
// type the model chose by less than kUnsureLead (its score over its second
// choice's: the model is unsure) is read again as the second choice, and
// replaced when that finds kScrapGain times its text. On WCXB held out end to
// end (the model trained on one half, run on the other), all 0.8750 ->
// 0.8822; 600 bytes 0.8816, 400 0.8811; a lead of 1.5 gained as much, 3 cost
// Dragnet (0.8846 -> 0.8816: blogs' short posts over long comments read as
// threads), as did a gain of 2.
constexpr size_t kThinBody = 1000;
constexpr float kUnsureLead = 2.0f;
// A block under a poster detail's label shorter than this (bytes) is its value.
constexpr size_t kMaxDetailValue = 30;
// Forms of one class, each holding text, that are a thread's posts (each
// edited in place) rather than one form of the page's furniture.
constexpr size_t kMinPostForms = 2;
// Bytes of a block's start looked up in the JSON-LD body.
constexpr size_t kJsonLdProbe = 60;
// A run of at least this many blocks that repeats an earlier run of the body
// word for word, holding this many characters, is the page's second copy of
// it (a layout for phones beside the one for desktops, a post shown again
// as a quote); shorter runs are lines every card repeats ("Weight:",
// "3 colors"). Tuned on WCXB's tune half: runs of 3 or more blocks, or of
// 200 or more characters, gained less.
constexpr size_t kMinRepeatedRun = 2;
constexpr size_t kMinRepeatedChars = 100;
// Earlier places of the same line compared with a repeated line: bounds the
// work on a body of thousands of like lines.
constexpr size_t kMaxRepeatCandidates = 16;

// The reason drop_reason gives for a block under a weak element.
constexpr const char* kInsideBoilerplate = "inside a boilerplate element";

// The first word of an element's class: items carry their own ids and
// states after it ("product post-15312 instock").
std::string_view first_class_word(const html::Document& doc, NodeId n) {
  std::string_view cls = core::trim(doc.attr(n, "class"));
  return cls.substr(0, std::min(cls.size(), cls.find_first_of(" \t\n")));
}

// A line that is only a date ("November 15, 2019") or a number ("4", "3/12").
bool is_date_or_count(std::string_view text) {
  if (text.find_first_not_of("0123456789/. ") == std::string_view::npos) return true;
  return fields::parse_date(text).has_value();
}

// A letter of any script: Latin, Greek, Cyrillic, CJK (not the punctuation,
// currency signs and symbols of U+2000-U+2BFF, nor the signs of times and
// division).
bool is_letter(char32_t c) {
  return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
         (c >= 0xC0 && !(c >= 0x2000 && c < 0x2C00) && c != 0xD7 && c != 0xF7);
}

bool has_letter(std::string_view text) {
  for (size_t i = 0; i < text.size();)
    if (is_letter(core::next_code_point(text, i))) return true;
  return false;
}

// A run of three letters.
bool has_word(std::string_view text) {
  int run = 0;
  for (size_t i = 0; i < text.size();) {
    run = is_letter(core::next_code_point(text, i)) ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

// A table row of two cells or more, one of them with a word or a number and
// no link (not a bullet's cell).
bool has_unlinked_cell(const html::Document& doc, NodeId row) {
  if (row == kNoNode || !doc.is(row, Tag::k_tr)) return false;
  int cells = 0;
  bool unlinked = false;
  for (NodeId c = doc.first_child(row); c != kNoNode; c = doc.next_sibling(c)) {
    if (!doc.is(c, Tag::k_td) && !doc.is(c, Tag::k_th)) continue;
    ++cells;
    bool link = false, text = false;
    for (NodeId d = doc.first_child(c); d != kNoNode && !link; d = doc.next_in(d, c)) {
      link = doc.is(d, Tag::k_a);
      if (!doc.is_text(d)) continue;
      for (char ch : doc.text(d))
        text |= (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z');
    }
    unlinked |= text && !link;
  }
  return cells >= 2 && unlinked;
}

bool has_sentence_end(std::string_view s) {
  // The last non-space character, allowing closing quotes and brackets.
  size_t i = s.size();
  while (i > 0) {
    unsigned char c = static_cast<unsigned char>(s[i - 1]);
    if (c == ' ' || c == ')' || c == '"' || c == '\'') {
      --i;
      continue;
    }
    if (c >= 0x80) {
      // Step back over one UTF-8 sequence and look at it.
      size_t j = i - 1;
      while (j > 0 && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) --j;
      std::string_view ch = s.substr(j, i - j);
      if (ch == "”" || ch == "’" || ch == "»" || ch == "“") {
        i = j;
        continue;
      }
      return ch == "。" || ch == "！" || ch == "？" || ch == "…" || ch == "।";
    }
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';';
  }
  return false;
}

// Enough words for a card's title rather than a menu entry.
// The words of a block's line (its spaces are collapsed).
long words_in(std::string_view text) { return std::count(text.begin(), text.end(), ' ') + 1; }

bool card_title_words(std::string_view text) { return words_in(text) >= kMinCardTitleWords; }

// A linked line of a few words that ends no sentence: a button ("Start for
// free", "Read the report", "5 min read"), not a feature card's title.
bool is_button_line(std::string_view text) {
  return words_in(text) <= kMaxButtonWords && !has_sentence_end(text);
}

// "Weight: 700 g", "Buckles : SBS": a label of at most three words, a colon,
// and a value.
bool is_spec_line(std::string_view text) {
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  const std::string_view label = core::trim(text.substr(0, colon));
  const std::string_view value = core::trim(text.substr(colon + 1));
  return !label.empty() && !value.empty() && std::count(label.begin(), label.end(), ' ') < 3;
}

// An element weak by its name that may be an entry of the text: one with a
// class, not named as a post or as what stands beside a text (related
// stories, a promotion, the author's biography).
bool may_be_entry(const html::Document& doc, NodeId n) {
  return !doc.attr(n, "class").empty() && !names_post(doc, n) && !names_beside_text(doc, n);
}

// A <header> of a section or an article inside the page's <main> (a service
// page's "Edit your videos like a pro" over its features), not the site's.
bool heads_a_section(const html::Document& doc, NodeId header, NodeId container) {
  if (!doc.is(header, Tag::k_header)) return false;
  // A site's header set inside <main> holds its menu or its search box.
  for (NodeId d = doc.first_child(header); d != kNoNode; d = doc.next_in(d, header))
    if (doc.is(d, Tag::k_nav) || doc.is(d, Tag::k_form) || doc.is(d, Tag::k_input)) return false;
  const auto is_main = [&](NodeId n) {
    return doc.is(n, Tag::k_main) || doc.attr(n, "role") == "main";
  };
  // A section between the header and the container (or <main>, if nearer) ...
  bool in_section = false;
  NodeId up = doc.parent(header);
  for (; up != kNoNode && up != container && !is_main(up); up = doc.parent(up))
    in_section |= doc.is(up, Tag::k_section) || doc.is(up, Tag::k_article);
  // ... and <main> around it all.
  for (; in_section && up != kNoNode; up = doc.parent(up))
    if (is_main(up)) return true;
  return false;
}

// A <header> of an <article> below the container: on a listing of posts,
// the card's title and byline ("Posted by ... on Sunday").
bool heads_a_card(const html::Document& doc, NodeId header, NodeId container) {
  if (!doc.is(header, Tag::k_header)) return false;
  for (NodeId up = doc.parent(header); up != kNoNode && up != container; up = doc.parent(up))
    if (doc.is(up, Tag::k_article)) return true;
  return false;
}

// True when `sub` is a subdomain of `site` ("edition.cnn.com", "cnn.com").
bool within(std::string_view sub, std::string_view site) {
  return sub.size() > site.size() && sub.ends_with(site) &&
         sub[sub.size() - site.size() - 1] == '.';
}

// The address of the first link under `n`, empty when it has none.
std::string_view first_link_href(const html::Document& doc, NodeId n) {
  for (NodeId d = doc.first_child(n); d != kNoNode; d = doc.next_in(d, n))
    if (doc.is(d, Tag::k_a)) return doc.attr(d, "href");
  return {};
}

// True when the first link under `n` leads to a place in a page (a table of
// contents: "#travel", or the page's own address and "#travel").
bool links_to_a_place(const html::Document& doc, NodeId n) {
  return first_link_href(doc, n).find('#') != std::string_view::npos;
}

// True when the first link under `n` leads to another site than `home` (the
// page's domain): a heading naming a product or a tool where it is sold or
// made, not another story of the same site or of one of its subdomains.
bool links_elsewhere(const html::Document& doc, NodeId n, std::string_view home) {
  if (home.empty()) return false;
  const std::string host = core::domain_of(first_link_href(doc, n));
  return !host.empty() && host != home && !within(host, home) && !within(home, host);
}

NodeId node_of(const std::pair<NodeId, double>& e) { return e.first; }

// Sorts `found` by tag and class and calls f(first, last) for each run of
// elements of one tag and class.
template <typename T, typename F>
void each_like_run(const html::Document& doc, std::vector<T>& found, F f) {
  const auto key = [&](const T& e) {
    return std::pair(doc.tag(node_of(e)), doc.attr(node_of(e), "class"));
  };
  std::sort(found.begin(), found.end(), [&](const T& a, const T& b) { return key(a) < key(b); });
  for (auto first = found.begin(), last = first; first != found.end(); first = last) {
    last = first + 1;
    while (last != found.end() && key(*last) == key(*first)) ++last;
    f(first, last);
  }
}

// A linked block that reads as a card's title or summary, not a menu entry:
// a heading of a few words, or a sentence.
bool is_card_text(BlockType type, std::string_view text, bool sentence_end, double len) {
  if (!card_title_words(text)) return false;
  return type == BlockType::kHeading || (sentence_end && len >= kSentenceBlock);
}

}  // namespace

TypeProfile profile_for(PageType t) {
  TypeProfile p;
  switch (t) {
    case PageType::kArticle:
    case PageType::kOther:
      break;
    case PageType::kForum:
      // The posts are the content: their "comment" and "reply" names do not
      // make them boilerplate, a one-line answer with its author's link is a
      // post and not a teaser, and the list of posts outweighs any one; a
      // thread of two or three posts is the parent of the longest.
      p.keep_comments = true;
      p.keep_teasers = true;
      p.long_list_items = false;  // a thread's lists are of other threads
      p.short_weight = 0.5;
      p.fragment_weight = 0.0;
      p.trim_edges = false;
      p.item_lists = true;
      p.climb_share = kSectionClimbShare;
      break;
    case PageType::kProduct:
      // Specifications and feature lines are short, and the description and
      // specifications stand in sections of the page's <main> (or, without
      // one, of the parent that keeps most of the score); its feature cards
      // ("Learn more") are the product's, not teasers.
      p.keep_teasers = true;
      p.short_weight = 0.5;
      p.trim_edges = false;
      p.whole_main = true;
      p.drop_reviews = true;
      p.spec_lines = true;
      // A line without a letter is a shop's control or count: a quantity, a
      // rating's count, another product's price (WCXB's product pages 0.6996
      // -> 0.7014, both halves up, 44 pages up and 17 down by at most 0.03,
      // where the gold keeps the product's own price; on every kind of page
      // it cost collections 0.012, listings 0.007 and AEB 0.0003).
      p.drop_letterless = true;
      p.entry_titles = false;  // a linked name over a price is another product's
      p.climb_share = kSectionClimbShare;
      // The shop's controls between its sections (a cart, a wish list,
      // delivery links) weigh half against the climb (tuned: 0.3 gained as
      // much; the same on every kind of page cost listings and forums).
      p.climb_bad_cost = 0.5;
      break;
    case PageType::kCollection:
    case PageType::kListing:
      // The repeated cards are the content: their titles are links.
      p.climb_share = kSectionClimbShare;
      p.keep_teasers = true;
      p.short_weight = 0.5;
      p.fragment_weight = 0.1;
      p.heading_weight = 0.3;
      p.link_weight = -0.3;
      p.linked_card_weight = kLinkedCardWeight;
      p.item_lists = true;
      p.keep_linked_titles = true;
      p.card_headings = true;
      p.keep_pitch = true;
      p.keep_search_copy = true;
      p.trim_edges = false;
      // A listing's cards are posts, each an <article> with its <header>.
      p.card_headers = t == PageType::kListing;
      break;
    case PageType::kDocumentation:
      // Reference pages stand in sections of the page's <main>: a synopsis,
      // parameters, examples, notes, each in its own element; their linked
      // titles (a function's name, an index entry) are text, and so are the
      // cards of an index page, each a linked topic over what it covers.
      p.whole_main = true;
      p.keep_linked_titles = true;
      // So are the linked lines of its lists: a module's functions, a
      // chapter's sections, the settings a page documents (WCXB's
      // documentation 0.9389 -> 0.9400, both halves up, 22 pages up, 10 down
      // by at most 0.002).
      p.linked_list_items = true;
      p.keep_teasers = true;
      p.short_weight = 0.5;
      p.fragment_weight = 0.0;
      p.heading_weight = 0.3;
      p.trim_edges = false;
      break;
    case PageType::kService:
      // Sections of short lines: hero, features, pricing, questions; the
      // feature cards, each with its "Learn more" link, are content.
      p.climb_share = kSectionClimbShare;
      p.keep_teasers = true;
      p.keep_linked_titles = true;  // a feature card's linked title
      p.short_weight = 0.8;
      p.fragment_weight = 0.2;
      p.heading_weight = 0.5;
      p.trim_edges = false;
      p.whole_main = true;
      p.keep_pitch = true;
      p.pitch_headings = true;
      p.drop_buttons = true;
      p.section_headers = true;
      // Its price cards list the same features, each card under its own
      // name (WCXB's service pages 0.8578 -> 0.8593: 5 up by up to 0.11,
      // 4 down by at most 0.023; on pages of cards, whose carousels repeat
      // their slides in like branches, it cost more than it gained).
      p.like_repeats = true;
      // Built with page builders that call every module a widget
      // (AttributeClassifier::reset): WCXB's service pages 0.8596 -> 0.8630,
      // 5 up, none down. On product pages it cost more than it gained, and
      // on articles a sidebar's widgets are often so named (articles 0.9582
      // -> 0.9576, AEB 0.9847 -> 0.9840).
      p.builder_widgets = true;
      break;
  }
  return p;
}

bool BodyExtractor::disclosed(const html::Document& doc, html::NodeId n) const {
  if (bare_panels_.contains(n)) return true;
  if (disclosed_.empty()) return false;
  if (disclosed_.contains(doc.attr(n, "id"))) return true;
  // A collapsing wrapper hides the panel inside it: its one element child.
  NodeId only = kNoNode;
  for (NodeId c = doc.first_child(n); c != kNoNode; c = doc.next_sibling(c)) {
    if (doc.is_text(c) && core::trim(doc.text(c)).empty()) continue;
    if (!doc.is_element(c) || only != kNoNode) return false;
    only = c;
  }
  return only != kNoNode && disclosed_.contains(doc.attr(only, "id"));
}

NodeId BodyExtractor::common_ancestor(const html::Document& doc, NodeId a, NodeId b) const {
  // Below <body>: an ancestor that high holds the page's menus too.
  for (NodeId up = a; up != kNoNode; up = doc.parent(up))
    if (seg_.block_begin[up] <= seg_.block_begin[b] && seg_.block_end[up] >= seg_.block_end[b])
      return doc.is(up, Tag::k_body) || doc.is(up, Tag::k_html) ? b : up;
  return b;
}

bool BodyExtractor::is_linked_data_row(const html::Document& doc, html::NodeId row) const {
  return has_unlinked_cell(doc, row) && in_data_table(doc, row);
}

bool BodyExtractor::in_data_table(const html::Document& doc, html::NodeId n) const {
  while (n != kNoNode && !doc.is(n, Tag::k_table)) n = doc.parent(n);
  if (n == kNoNode) return false;
  auto [it, fresh] = data_tables_.try_emplace(n, false);
  if (fresh) it->second = is_data_table(doc, n);
  return it->second;
}

void BodyExtractor::mark(const html::Document& doc) {
  const size_t n_nodes = doc.node_count();
  marks_.assign(n_nodes, Mark::kNone);
  depth_.assign(n_nodes, 0);
  weak_owner_.assign(n_nodes, kNoNode);
  hinted_.assign(n_nodes, false);
  named_weak_.assign(n_nodes, false);
  page_chrome_.assign(n_nodes, false);
  always_weak_.assign(n_nodes, false);
  embedded_.assign(n_nodes, false);
  in_answer_.assign(n_nodes, false);
  classifier_.reset(profile_.builder_widgets);
  for (NodeId n = doc.root(); n != kNoNode;) {
    bool skip = false;
    NodeId parent = doc.parent(n);
    if (parent != kNoNode) {
      depth_[n] = depth_[parent] + 1;
      weak_owner_[n] = weak_owner_[parent];
      embedded_[n] = embedded_[parent];
      in_answer_[n] = in_answer_[parent];
    }
    if (doc.is_element(n)) {
      Verdict v = doc.ns(n) == html::Namespace::kHtml ? tag_verdict(doc.tag(n)) : Verdict::kStrong;
      bool always_weak = false;  // weak even in a page's <main> (TypeProfile::whole_main)
      if (open_noscript_ && doc.is(n, Tag::k_noscript)) v = Verdict::kContent;
      if (v != Verdict::kStrong && !doc.attributes(n).empty()) {
        // A closed panel of an accordion or of tabs is the page's text: asked
        // only of the elements sent hidden.
        // See Service.ClosedAccordionPanelsAreText in extractor_test.cc.
        ElementSignals a = classifier_.classify(doc, n);
        if (a.verdict == Verdict::kHidden && disclosed(doc, n))
          a = classifier_.classify(doc, n, /*disclosed=*/true);
        if (a.verdict > v) v = a.verdict;
        const ThreadNames thread =
            profile_.keep_comments ? thread_names(doc, n) : ThreadNames{};
        if (v == Verdict::kWeak && thread.post) v = Verdict::kContent;
        // A thread's posts are its content, but not a poster's signature, nor
        // the comments under a question or an answer (a question-and-answer
        // site's asides, below the posts they remark on). They are left out
        // as unseen text, neither for nor against the thread that holds them.
        // See Forum.SignaturesAndCommentsUnderAnswersAreLeftOut in extractor_test.cc.
        if (v < Verdict::kHidden &&
            (thread.signature || (parent != kNoNode && in_answer_[parent] && thread.comment)))
          v = Verdict::kHidden;
        if (thread.question_or_answer && !doc.is(n, Tag::k_body) && !doc.is(n, Tag::k_html))
          in_answer_[n] = true;
        // Where linked titles are text (cards, feature cards, a reference's
        // index), the elements the page names as teasers are its content.
        if (v == Verdict::kWeak && profile_.keep_linked_titles && names_teaser(doc, n))
          v = Verdict::kContent;
        // A service page's callouts and banners are sections of its pitch (a
        // hero, a call to action with its sentence), and a page of cards's
        // banner is its introduction.
        if (v == Verdict::kWeak && profile_.keep_pitch && names_pitch(doc, n))
          v = Verdict::kContent;
        if (v == Verdict::kWeak && profile_.keep_search_copy && names_search_copy(doc, n))
          v = Verdict::kContent;
        if (v == Verdict::kHidden && show_scripted_ && hidden_until_script(doc, n))
          v = tag_verdict(doc.tag(n));
        if (v < Verdict::kHidden && is_hover_card(doc, n)) v = Verdict::kHidden;
        // A list of captions ("legends") is a gallery's: its slides' text is
        // not the story's, whatever its length.
        if (v < Verdict::kHidden && (doc.is(n, Tag::k_ul) || doc.is(n, Tag::k_ol)) &&
            names_caption(doc, n))
          v = Verdict::kHidden;
        // A product's reviews and its carousels of other products are not
        // its description, even inside the page's <main> and whatever else their
        // name says ("tab-panel reviews").
        if (v <= Verdict::kWeak && profile_.drop_reviews && names_review_or_carousel(doc, n)) {
          v = Verdict::kWeak;
          always_weak = true;
        }
        hinted_[n] = a.content_container;
        // A page's own <body> named so ("wp-embed-responsive": the theme
        // sizes embeds) is not an embedded post.
        if (a.embedded_post && !doc.is(n, Tag::k_body) && !doc.is(n, Tag::k_html))
          embedded_[n] = true;
      }
      if (doc.is(n, Tag::k_article)) hinted_[n] = true;
      // An accordion's trigger is the title of its section, or its question.
      // See Service.AccordionTriggersAreTheirSectionsTitles in extractor_test.cc.
      if (v == Verdict::kStrong && doc.ns(n) == html::Namespace::kHtml &&
          is_section_toggle(doc, n))
        v = Verdict::kContent;
      // A form to write in (a reply box, a comment form) is the page's, not
      // its text: its labels and terms ("By clicking Post Your Answer...").
      if (doc.is(n, Tag::k_textarea))
        for (NodeId up = parent; up != kNoNode; up = doc.parent(up))
          if (doc.is(up, Tag::k_form)) {
            if (marks_[up] == Mark::kNone && !relax_weak_) marks_[up] = Mark::kWeak;
            break;
          }
      if (v == Verdict::kStrong) {
        marks_[n] = Mark::kSkip;
        skip = true;
      } else if (v == Verdict::kHidden) {
        marks_[n] = Mark::kHidden;
      } else if (v == Verdict::kWeak && !relax_weak_ && !doc.is(n, Tag::k_body) &&
                 !doc.is(n, Tag::k_html)) {
        marks_[n] = Mark::kWeak;
        weak_owner_[n] = n;
        always_weak_[n] = always_weak;
        named_weak_[n] = !always_weak && (doc.ns(n) != html::Namespace::kHtml ||
                                          tag_verdict(doc.tag(n)) < Verdict::kWeak);
        page_chrome_[n] = named_weak_[n] && profile_.whole_main && names_page_chrome(doc, n);
      }
    }
    n = doc.next_in(n, doc.root(), skip);
  }
}

void BodyExtractor::weigh(const html::Document& doc, const BodyHints& hints) {
  const size_t count = seg_.blocks.size();
  data_tables_.clear();
  container_lines_.clear();
  lines_of_ = kNoNode;
  good_.assign(count, 0);
  bad_.assign(count, 0);
  std::string ld_body;
  if (core::utf8_length(hints.json_ld_body) >= kMinJsonLdBody)
    ld_body = core::collapse_space(hints.json_ld_body);
  for (size_t first = 0, last; first < count; first = last) {
    // A run of blocks split at blank lines is weighed as one.
    last = first + 1;
    while (last < count && seg_.blocks[last].continues) ++last;
    double len = 0, bytes = 0, link_bytes = 0;
    size_t cjk = 0;
    for (size_t i = first; i < last; ++i) {
      const TextBlock& b = seg_.blocks[i];
      len += static_cast<double>(core::utf8_length(seg_.block_text(b)));
      cjk += core::cjk_length(seg_.block_text(b));
      bytes += b.end - b.begin;
      link_bytes += b.link_bytes;
    }
    const TextBlock& head = seg_.blocks[first];
    const std::string_view head_text = seg_.block_text(head);
    const bool sentence_end = has_sentence_end(seg_.block_text(seg_.blocks[last - 1]));
    const double density = link_bytes / bytes;
    // Weight per unit of text: positive for prose, negative for boilerplate.
    double weight = 0;
    if (density > kLinkListDensity) {
      // Navigation is short or listed; long punctuated text full of links
      // is prose that cites (deal posts, link-rich blogs): neutral.
      bool cited_prose = len >= kLongBlock && sentence_end && head.type != BlockType::kList;
      weight = cited_prose ? 0 : profile_.link_weight;
      if (profile_.linked_card_weight > 0 && is_card_text(head.type, head_text, sentence_end, len))
        weight = profile_.linked_card_weight;
      // A row of a table of data whose names link out, beside a cell of its
      // own (a ranking of firms, each with its revenue).
      // See Article.RowsOfATableOfDataAreText in extractor_test.cc.
      if (head.type == BlockType::kTable && is_linked_data_row(doc, head.owner))
        weight = std::max(weight, 0.0);
    } else {
      bool in_ld = false;
      if (!ld_body.empty() && head_text.size() >= 20) {
        std::string_view probe = head_text.substr(0, std::min(head_text.size(), kJsonLdProbe));
        in_ld = ld_body.find(probe) != std::string::npos;
      }
      // Chinese and Japanese blogs often end lines with a space, not a full
      // stop; a line of twenty ideographs is never a menu label.
      bool prose =
          len >= kLongBlock || (len >= kSentenceBlock && sentence_end) || in_ld || cjk >= kCjkProse;
      if (head.type == BlockType::kHeading) {
        // Headings are neutral in articles: they neither make nor break a container.
        weight = profile_.heading_weight;
      } else if (prose) {
        weight = (1.0 - density) * (in_ld ? 2.0 : 1.0);
      } else if (!sentence_end) {
        weight = profile_.fragment_weight;
        // A row of a table of data (a ranking, a timetable) is text.
        if (head.type == BlockType::kTable && in_data_table(doc, head.owner))
          weight = std::max(weight, 0.0);
        // A product's specification: a label of a word or two, then its value.
        if (profile_.spec_lines && is_spec_line(head_text)) weight = std::max(weight, 0.0);
        // A list item of a dozen words is a step or a point of the text
        // (a checklist, a timeline), not a menu entry.
        if (head.type == BlockType::kList && len >= kLongListItem && profile_.long_list_items)
          weight = std::max(weight, kLongListItemWeight);
      } else {
        // Short sentences are neutral in articles: list items and one-line
        // paragraphs of a body.
        weight = profile_.short_weight;
      }
    }
    for (size_t i = first; i < last; ++i) {
      double piece = static_cast<double>(core::utf8_length(seg_.block_text(seg_.blocks[i])));
      if (weight > 0)
        good_[i] = piece * weight;
      else
        bad_[i] = -piece * weight;
    }
  }
}

void BodyExtractor::mark_teasers(const html::Document& doc) {
  // Text and link bytes per node from the block ranges.
  const size_t count = seg_.blocks.size();
  std::vector<uint64_t> text_sum(count + 1, 0), link_sum(count + 1, 0);
  for (size_t i = 0; i < count; ++i) {
    const TextBlock& b = seg_.blocks[i];
    text_sum[i + 1] = text_sum[i] + (b.end - b.begin);
    link_sum[i + 1] = link_sum[i] + b.link_bytes;
  }
  auto bytes_in = [&](NodeId n) {
    return text_sum[seg_.block_end[n]] - text_sum[seg_.block_begin[n]];
  };
  auto links_in = [&](NodeId n) {
    return link_sum[seg_.block_end[n]] - link_sum[seg_.block_begin[n]];
  };
  auto is_teaser = [&](NodeId n) {
    uint64_t text = bytes_in(n);
    if (text == 0 || text > kMaxTeaserBytes || links_in(n) == 0) return false;
    if (is_entry_card(doc, n, text, links_in(n))) return false;
    const uint32_t blocks = seg_.block_end[n] - seg_.block_begin[n];
    if (blocks >= 2) return true;  // title and summary
    // One block: a linked title run into a summary cut short ("...").
    const std::string_view t = seg_.block_text(seg_.blocks[seg_.block_begin[n]]);
    return blocks == 1 && (t.ends_with("...") || t.ends_with("\u2026"));
  };
  std::vector<NodeId> kids;
  for (NodeId parent = doc.root(); parent != kNoNode;) {
    bool skip = marks_[parent] == Mark::kSkip;
    if (!skip && doc.is_element(parent)) {
      // Children with the same tag and class as the first teaser-like child.
      kids.clear();
      for (NodeId c = doc.first_child(parent); c != kNoNode; c = doc.next_sibling(c))
        if (doc.is_element(c) && marks_[c] != Mark::kSkip && bytes_in(c) > 0) kids.push_back(c);
      if (kids.size() >= kMinTeasers) {
        // The list's own title ("Most popular") may come first.
        NodeId model = kNoNode;
        for (NodeId c : kids)
          if (model == kNoNode && is_teaser(c)) model = c;
        size_t teasers = 0;
        if (model != kNoNode)
          for (NodeId c : kids)
            teasers += is_teaser(c) && doc.tag(c) == doc.tag(model) &&
                       doc.attr(c, "class") == doc.attr(model, "class");
        if (teasers >= kMinTeasers && teasers * 4 >= kids.size() * 3) {
          for (NodeId c : kids)
            if (is_teaser(c) && marks_[c] == Mark::kNone) {
              marks_[c] = Mark::kWeak;
              ++teaser_count_;
              teaser_bytes_ += bytes_in(c);
            }
          // ... and so is the list's own title above them ("Elsewhere on the coast").
          for (NodeId c : kids) {
            if (c == model) break;
            if (marks_[c] == Mark::kNone && heading_level(doc.tag(c)) > 0) marks_[c] = Mark::kWeak;
          }
        }
      }
    }
    parent = doc.next_in(parent, doc.root(), skip);
  }
}

void BodyExtractor::mark_sign_up_boxes(const html::Document& doc) {
  // A field for an e-mail address stands in a newsletter's or an account's
  // box: the largest element around it that writes only a few lines is the
  // box, whatever its name (a shop's "Straight to your inbox"), short of the
  // article or the page's <main> (a short story's own).
  // See Article.ABoxThatAsksForAnEmailAddressIsNotTheText in extractor_test.cc.
  for (NodeId n = 0; n < doc.node_count(); ++n) {
    if (!doc.is(n, Tag::k_input) || core::ascii_lower(doc.attr(n, "type")) != "email") continue;
    NodeId box = kNoNode;
    for (NodeId up = doc.parent(n); up != kNoNode && !doc.is(up, Tag::k_body);
         up = doc.parent(up)) {
      if (bytes_in(up) > kMaxSignUpBox || hinted_[up] || doc.is(up, Tag::k_main)) break;
      box = up;
    }
    if (box != kNoNode && marks_[box] == Mark::kNone) marks_[box] = Mark::kWeak;
  }
}

void BodyExtractor::rescue_weak(const html::Document& doc) {
  double total = 0;
  for (double g : good_) total += g;
  if (total <= 0) return;
  std::vector<NodeId> article_bodies;
  post_form_classes_.clear();
  for (NodeId n = 0; n < doc.node_count(); ++n) {
    if (!doc.is_element(n) || seg_.block_end[n] == seg_.block_begin[n]) continue;
    if (doc.attr(n, "itemprop") == "articleBody") article_bodies.push_back(n);
    if (profile_.keep_comments && doc.is(n, Tag::k_form) && !doc.attr(n, "class").empty())
      ++post_form_classes_[doc.attr(n, "class")];
  }
  std::vector<std::pair<NodeId, double>> boxes;    // weak by their name alone, with their prose
  std::vector<std::pair<NodeId, double>> holding;  // weak by their name, with their prose
  for (NodeId n = 0; n < doc.node_count(); ++n) {
    // A product's reviews stay out however much they write.
    if (marks_[n] != Mark::kWeak || always_weak_[n]) continue;
    double inside = 0;
    for (uint32_t i = seg_.block_begin[n]; i < seg_.block_end[n]; ++i) inside += good_[i];
    // The page's own articleBody elsewhere outranks a weak element's prose.
    bool body_elsewhere = false;
    for (NodeId body : article_bodies)
      body_elsewhere |=
          seg_.block_begin[body] < seg_.block_begin[n] || seg_.block_end[body] > seg_.block_end[n];
    // A footer (by its tag or its name) is the site's closing text, however
    // much of the page's prose it holds, unless it wraps most of the page.
    const auto footer = [&] {
      return 2 * (seg_.block_end[n] - seg_.block_begin[n]) < seg_.blocks.size() &&
             names_footer(doc, n);
    };
    if (inside >= kRescueShare * total && !body_elsewhere && !footer())
      marks_[n] = Mark::kNone;
    else if (named_weak_[n] && bytes_in(n) > 0)
      boxes.emplace_back(n, inside);
    if (marks_[n] == Mark::kWeak && named_weak_[n] && inside > 0 && !body_elsewhere &&
        may_be_entry(doc, n))
      holding.emplace_back(n, inside);
    if (profile_.keep_comments && is_post_form(doc, n)) marks_[n] = Mark::kNone;
  }
  lift_like_boxes(doc, holding, total);
  // An article's own boxes, repeated, each holding prose, are its text.
  if (profile_.trim_edges) lift_repeated_entries(doc, boxes);
  // Recompute innermost weak ancestors now that some marks are lifted.
  for (NodeId n = doc.root(); n != kNoNode;) {
    NodeId parent = doc.parent(n);
    weak_owner_[n] = parent == kNoNode ? kNoNode : weak_owner_[parent];
    if (marks_[n] == Mark::kWeak) weak_owner_[n] = n;
    n = doc.next_in(n, doc.root(), marks_[n] == Mark::kSkip);
  }
  // Blocks under a weak element count against every container holding them.
  for (size_t i = 0; i < seg_.blocks.size(); ++i) {
    NodeId owner = seg_.blocks[i].owner;
    if (owner != kNoNode && weak_owner_[owner] != kNoNode) {
      bad_[i] += good_[i];
      good_[i] = 0;
    }
  }
}

NodeId BodyExtractor::choose_container(const html::Document& doc, std::string& method) const {
  const std::vector<double>& good_sum = good_sum_;
  const std::vector<double>& bad_sum = bad_sum_;
  NodeId best = kNoNode;
  double best_score = 0;
  bool best_hinted = false;
  for (NodeId n = doc.root(); n != kNoNode;) {
    bool skip = marks_[n] == Mark::kSkip;
    if (!skip && doc.is_element(n)) {
      uint32_t b = seg_.block_begin[n], e = seg_.block_end[n];
      double score = (good_sum[e] - good_sum[b]) - kBadCost * (bad_sum[e] - bad_sum[b]);
      bool hinted = hinted_[n];
      if (hinted && score > 0)
        score *= doc.attr(n, "itemprop") == "articleBody" ? kArticleBodyBonus : kHintBonus;
      if (score > best_score) {
        best = n;
        best_score = score;
        best_hinted = hinted;
      }
    }
    n = doc.next_in(n, doc.root(), skip);
  }
  // One paragraph is not the article when its parent holds half as much
  // prose again:
  // teaser lists beside the paragraphs (a ticker above them, story cards
  // below) weighed the parent down. Their blocks are left out when written.
  // Nor is a quotation, however many paragraphs it quotes, the text that
  // quotes it (See Article.AQuotationIsNotTheTextThatQuotesIt).
  while (best != kNoNode && (seg_.block_end[best] - seg_.block_begin[best] == 1 ||
                             doc.is(best, Tag::k_blockquote))) {
    const NodeId parent = doc.parent(best);
    if (parent == kNoNode || doc.is(parent, Tag::k_body) || marks_[parent] == Mark::kWeak) break;
    if (prose_in(parent) < kSiblingProseFactor * prose_in(best)) break;
    best = parent;
  }
  // A body split across like sibling sections (a document's div.sect1 each
  // under its heading, a page builder's text panels): the parent is the
  // body when its other sections of the chosen one's tag, sharing a class word
  // with it (Service.PanelsThatShareASecondClassWordAreLike), hold prose.
  // A service page's panels are split so too, and a list of links in one of
  // them stops the climb below (Service.SectionsSplitAcrossLikePanelsAreWhole);
  // there the <body> itself is the content when its like sections hold the
  // page's prose (Service.SectionsRightUnderTheBodyAreWhole).
  // See Article.BodySplitAcrossLikeSectionsIsWhole in extractor_test.cc.
  const auto join_like_sections = [&] {
    if (best == kNoNode || (profile_.climb_share != 0 && !profile_.whole_main)) return;
    const NodeId parent = doc.parent(best);
    const bool service = profile_.climb_share > 0;
    if (first_class_word(doc, best).empty() || parent == kNoNode ||
        (!service && doc.is(parent, Tag::k_body)) || doc.is(parent, Tag::k_html) ||
        marks_[parent] == Mark::kWeak)
      return;
    // A page of sections names each <section> for what it holds ("hero",
    // "why", "testimonials"): there the element says they are alike. Under a
    // <main>, the whole <main> is already the content (whole_main).
    // See Service.SectionsOfOtherNamesAreLike in extractor_test.cc.
    const bool sections_alike = service && !doc.is(parent, Tag::k_main);
    double others = 0;
    for (NodeId c = doc.first_child(parent); c != kNoNode; c = doc.next_sibling(c)) {
      if (c == best || !doc.is_element(c) || marks_[c] != Mark::kNone) continue;
      if (doc.tag(c) != doc.tag(best) ||
          (!(sections_alike && doc.is(c, Tag::k_section)) &&
           !shares_class_token(doc.attr(c, "class"), doc.attr(best, "class"))))
        continue;
      if (prose_in(c) >= kMinSectionProse) others += prose_in(c);
    }
    if (others >= kSplitBodyShare * prose_in(best)) best = parent;
  };
  join_like_sections();
  // Pages other than articles spread their content over sibling sections:
  // the parent is the content while it keeps most of the chosen score.
  if (profile_.climb_share > 0) {
    auto score_of = [&](NodeId n) {
      const uint32_t b = seg_.block_begin[n], e = seg_.block_end[n];
      return (good_sum[e] - good_sum[b]) - profile_.climb_bad_cost * (bad_sum[e] - bad_sum[b]);
    };
    const NodeId chosen = best;
    while (best != kNoNode) {
      const NodeId parent = doc.parent(best);
      if (parent == kNoNode || doc.is(parent, Tag::k_body) || doc.is(parent, Tag::k_html) ||
          marks_[parent] == Mark::kWeak)
        break;
      if (score_of(parent) < profile_.climb_share * score_of(best)) break;
      best = parent;
    }
    // The climb may end at a section whose like siblings the chosen element
    // had none of (a slider inside its quotes' section).
    // See Service.LikeSectionsAreWholeAfterTheClimb in extractor_test.cc.
    if (best != chosen) join_like_sections();
  }
  if (best != kNoNode) {
    if (doc.attr(best, "itemprop") == "articleBody")
      method = "itemprop";
    else if (doc.is(best, Tag::k_article))
      method = "article";
    else if (best_hinted)
      method = "container";
    else
      method = "score";
  }
  return best;
}

uint64_t BodyExtractor::bytes_in(NodeId n) const {
  // Blocks are back to back in seg_.text: the first block's start to the last's end.
  const uint32_t b = seg_.block_begin[n], e = seg_.block_end[n];
  uint64_t bytes = 0;
  if (e > b) bytes = seg_.blocks[e - 1].end - seg_.blocks[b].begin;
  return bytes;
}

NodeId BodyExtractor::largest_item_list(const html::Document& doc, uint64_t& bytes) const {
  // One kind of child: its tag and first class word, how many, and their text.
  struct ItemKind {
    html::Tag tag;
    std::string_view cls;
    size_t count = 0;
    uint64_t bytes = 0;
  };
  NodeId best = kNoNode;
  bytes = 0;
  std::vector<ItemKind> kinds;
  for (NodeId n = doc.root(); n != kNoNode;) {
    const bool skip = marks_[n] != Mark::kNone;
    if (!skip && doc.is_element(n) && seg_.block_end[n] - seg_.block_begin[n] >= kMinListItems) {
      // Children grouped by tag and class; the largest group by text.
      kinds.clear();
      for (NodeId c = doc.first_child(n); c != kNoNode; c = doc.next_sibling(c)) {
        // Items may be weak by a name they all carry ("product_tag-cups").
        if (!doc.is_element(c) || (marks_[c] != Mark::kNone && !named_weak_[c])) continue;
        // ... but not by "comment": outside a thread, comments are no page's items.
        // See PageType.AnArticlesCommentsAreNoSecondReading in extractor_test.cc.
        if (marks_[c] != Mark::kNone && !profile_.keep_comments && thread_names(doc, c).comment)
          continue;
        const uint64_t b = bytes_in(c);
        if (b == 0) continue;
        const std::string_view cls = first_class_word(doc, c);
        auto kind = std::find_if(kinds.begin(), kinds.end(), [&](const ItemKind& k) {
          return k.tag == doc.tag(c) && k.cls == cls;
        });
        if (kind == kinds.end()) {
          if (kinds.size() == kMaxItemKinds) continue;
          kind = kinds.insert(kinds.end(), ItemKind{doc.tag(c), cls});
        }
        kind->bytes += b;
        ++kind->count;
      }
      for (const ItemKind& k : kinds)
        if (k.count >= kMinListItems && k.bytes > bytes) {
          bytes = k.bytes;
          best = n;
        }
    }
    n = doc.next_in(n, doc.root(), skip);
  }
  return best;
}

bool BodyExtractor::keep_block(const html::Document& doc, const TextBlock& block, NodeId container,
                               const BodyHints& hints) const {
  return drop_reason(doc, block, container, hints) == nullptr;
}

const char* BodyExtractor::drop_reason(const html::Document& doc, const TextBlock& block,
                                       NodeId container, const BodyHints& hints) const {
  if (block.owner != kNoNode) {
    NodeId weak = weak_owner_[block.owner];
    // In a service page's <main>, page builders name sections with words
    // that elsewhere mean boilerplate ("promo", "testimonial", "bp-header"),
    // and shops name a list's every item so ("product_tag-cups"); what is
    // named as the page's chrome (a wiki's "printfooter", "jump-to-nav")
    // stays out of a <main> all the same.
    // See Documentation.ThePagesChromeInsideItsMainIsNotText in extractor_test.cc.
    if (weak != kNoNode && weak != container && depth_[weak] > depth_[container] &&
        !(keep_named_weak_ && named_weak_[weak] && !page_chrome_[weak]) &&
        !(profile_.section_headers && heads_a_section(doc, weak, container)) &&
        !(profile_.card_headers && heads_a_card(doc, weak, container)))
      return kInsideBoilerplate;
  }
  // An article's author box, its name or biography, within three levels of
  // the block (a box's name is often on its wrapper): not the story's text,
  // whatever the weights the article is read with.
  // See Article.TheAuthorsBoxIsNotTheText in extractor_test.cc.
  if ((profile_.trim_edges || page_type_ == PageType::kArticle) && block.owner != kNoNode) {
    NodeId up = block.owner;
    for (int level = 0; level < kAuthorBoxLevels && up != kNoNode && up != container; ++level) {
      if (bytes_in(up) > kMaxAuthorBox) break;
      if (names_author_box(doc, up)) return "an author's box";
      up = doc.parent(up);
    }
    // A box whatever its name whose first line is a heading "About the
    // author" (the heading alone is furniture, its biography is not).
    for (up = block.owner; up != kNoNode && up != container && bytes_in(up) <= kMaxHeadedAuthorBox;
         up = doc.parent(up)) {
      const uint32_t first = seg_.block_begin[up];
      if (first < seg_.block_end[up] && seg_.blocks[first].type == BlockType::kHeading &&
          is_author_box_heading(seg_.block_text(seg_.blocks[first])))
        return "an author's box";
    }
  }
  std::string_view text = seg_.block_text(block);
  double density = static_cast<double>(block.link_bytes) / static_cast<double>(text.size());
  const bool embedded = block.owner != kNoNode && embedded_[block.owner];
  // A sentence whose cited part is a long link ("The suspect was convicted and
  // <a>sentenced to life last Thursday</a>.") is prose, not a list of links;
  // so is a list item that reads so (a reference with its linked title and
  // journal). See Article.ReferencesWithLinkedTitlesAreText in extractor_test.cc.
  const bool cited_sentence =
      (block.type == BlockType::kParagraph || block.type == BlockType::kList) &&
      text.size() - block.link_bytes >= kMinUnlinkedProse && has_sentence_end(text);
  // A card's linked title, on a page of cards, or any line of a list of items.
  const auto index = static_cast<uint32_t>(&block - seg_.blocks.data());
  const bool list_item = index >= item_first_ && index < item_last_;
  const bool card_title =
      list_item || (profile_.linked_list_items && block.type == BlockType::kList) ||
      (profile_.keep_linked_titles &&
       (block.type == BlockType::kHeading ||
        (card_title_words(text) && !(profile_.drop_buttons && is_button_line(text)))));
  // A linked heading right above prose of the container titles that prose
  // (a buying guide's product names link to the shop).
  const bool titles_prose =
      block.type == BlockType::kHeading && index + 1 < seg_.block_end[container] &&
      (good_[index + 1] > 0 || (profile_.entry_titles && titles_entry(index + 1, container)));
  if (density > kLinkListDensity && !embedded && !cited_sentence && !card_title && !titles_prose &&
      !(block.type == BlockType::kTable && is_linked_data_row(doc, block.owner)) &&
      // An article's heading that links to another site names a product or a
      // tool (See Article.LinkedHeadingsThatLeadToAnotherSiteAreText).
      !(profile_.trim_edges && block.type == BlockType::kHeading && block.owner != kNoNode &&
        links_elsewhere(doc, block.owner, hints.site_domain)) &&
      !(profile_.trim_edges && block.type == BlockType::kList &&
        words_in(text) >= kMinLinkedItemWords &&
        (density < kMaxWholeLinkShare || stands_in_text(doc, index, container))))
    return "mostly links";
  if (is_furniture_text(text)) return "page furniture";
  // See Product.LinesWithoutALetterAreNotText in extractor_test.cc.
  if (profile_.drop_letterless && block.type != BlockType::kTable && !has_letter(text))
    return "no letter (a count, a price, a quantity)";
  if (!hints.title.empty() && text == hints.title) return "the headline";
  if (profile_.keep_comments && block.type == BlockType::kList && block.owner != kNoNode &&
      is_poster_stat(doc, block, text))
    return "a detail of a post's author";
  return nullptr;
}

// See Article.BuyingGuideEntriesWithABuyButtonAreText and
// Article.LinkedEntriesInsideTheArticleAreText in extractor_test.cc.
bool BodyExtractor::is_entry_card(const html::Document& doc, NodeId n, uint64_t text,
                                  uint64_t links) const {
  if (static_cast<double>(links) >= kMaxEntryLinkShare * static_cast<double>(text)) return false;
  uint64_t longest = 0;
  bool linked_title = false;
  for (uint32_t i = seg_.block_begin[n]; i < seg_.block_end[n]; ++i) {
    const TextBlock& b = seg_.blocks[i];
    longest = std::max<uint64_t>(longest, b.end - b.begin);
    linked_title |= b.type == BlockType::kHeading && b.link_bytes * 2 >= b.end - b.begin;
  }
  if (longest < kMinEntryParagraph) return false;
  if (!linked_title) return true;
  // A linked title over a long summary is another story's card, unless it
  // stands in the page's <article> (a list of brands, each linking to its shop).
  for (NodeId up = doc.parent(n); up != kNoNode; up = doc.parent(up))
    if (doc.is(up, Tag::k_article) || doc.attr(up, "itemprop") == "articleBody") return true;
  return false;
}

// See Article.APairOfNamedBoxesHoldingMostOfTheProseIsText in extractor_test.cc.
void BodyExtractor::lift_like_boxes(const html::Document& doc,
                                    std::vector<std::pair<NodeId, double>>& found, double total) {
  each_like_run(doc, found, [&](auto first, auto last) {
    double sum = 0;
    for (auto k = first; k != last; ++k) sum += k->second;
    if (last - first < 2 || sum < kRescueShare * total) return;
    for (auto k = first; k != last; ++k) marks_[k->first] = Mark::kNone;
  });
}

// See Article.RepeatedCalloutsInTheTextAreText in extractor_test.cc.
void BodyExtractor::lift_repeated_entries(const html::Document& doc,
                                          std::vector<std::pair<NodeId, double>>& found) {
  std::erase_if(found, [&](const auto& e) { return !may_be_entry(doc, e.first); });
  // Those of one tag and class that repeat are entries of the text.
  each_like_run(doc, found, [&](auto first, auto last) {
    size_t holding = 0;
    for (auto k = first; k != last; ++k) holding += k->second >= kMinSectionProse;
    if (holding < kMinHoldingEntries || static_cast<size_t>(last - first) < kMinLiftedEntries)
      return;
    for (auto k = first; k != last; ++k) marks_[k->first] = Mark::kNone;
  });
}

bool BodyExtractor::stands_in_text(const html::Document& doc, uint32_t i, NodeId container) const {
  const uint32_t begin = seg_.block_begin[container], end = seg_.block_end[container];
  const double before = good_sum_[i] - good_sum_[begin];
  const double after = good_sum_[end] - good_sum_[i + 1];
  const NodeId owner = seg_.blocks[i].owner;
  if (before < kMinProseAroundItem || after < kMinProseAroundItem || owner == kNoNode ||
      links_to_a_place(doc, owner))
    return false;
  // A line the container shows again is a widget's ("Compare deals with ..."
  // under every entry), not the text's.
  if (lines_of_ != container) {
    container_lines_.clear();
    for (uint32_t k = begin; k < end; ++k) ++container_lines_[seg_.block_text(seg_.blocks[k])];
    lines_of_ = container;
  }
  return container_lines_[seg_.block_text(seg_.blocks[i])] == 1;
}

bool BodyExtractor::is_poster_stat(const html::Document& doc, const TextBlock& block,
                                   std::string_view text) const {
  // A thread's short list lines ("Replies", "Trophy Points:", "Oct 8, 2024")
  // are its posters' details and its counters, unless the list stands in a
  // post among its prose (a poster's own list: "curry & rice", "sandwiches").
  if (words_in(text) > kMaxStatWords || has_sentence_end(text) ||
      block.link_bytes * 2 >= text.size())
    return false;
  NodeId list = block.owner;
  while (list != kNoNode && !doc.is(list, Tag::k_ul) && !doc.is(list, Tag::k_ol) &&
         !doc.is(list, Tag::k_dl))
    list = doc.parent(list);
  const NodeId around = list == kNoNode ? kNoNode : doc.parent(list);
  return around == kNoNode || prose_in(around) - prose_in(list) < kMinSectionProse;
}

bool BodyExtractor::titles_entry(uint32_t next, NodeId container) const {
  // A linked heading above a line of its own that is not a link titles an
  // entry of a list the text holds (a reading list: the title, then its
  // authors or publisher), when prose of the container follows: below the
  // text, such entries are the other stories.
  const TextBlock& b = seg_.blocks[next];
  const std::string_view text = seg_.block_text(b);
  return b.type == BlockType::kParagraph && b.link_bytes == 0 &&
         core::utf8_length(text) >= kMinSummaryLine && !is_furniture_text(text) &&
         good_sum_[seg_.block_end[container]] - good_sum_[next + 1] > 0;
}

bool BodyExtractor::titles_nothing(const html::Document& doc, uint32_t i, NodeId container,
                                   const std::vector<bool>& kept, uint32_t base) const {
  const TextBlock& b = seg_.blocks[i];
  if (b.type != BlockType::kHeading || b.owner == kNoNode) return false;
  // On a page of cards a heading is a card's title (a product's name over its
  // linked price, a category's name over its photo), not a gallery's; a
  // heading that is only a number is a page of the paging.
  if (profile_.card_headings && !is_date_or_count(seg_.block_text(b))) return false;
  // A service page's unlinked heading is its pitch ("Hire finance talent,
  // quickly and easily") or a plan's name and price, whatever follows it
  // (WCXB's service pages 0.8497 -> 0.8501: 24 up, 8 down by at most 0.02).
  // See Service.ItsHeadingsAreItsPitch in extractor_test.cc.
  if (profile_.pitch_headings && b.link_bytes * 2 < b.end - b.begin) return false;
  const NodeId section = doc.parent(b.owner);
  if (section == kNoNode || section == container) return false;
  bool left_out = false;
  for (uint32_t k = seg_.block_begin[section]; k < seg_.block_end[section]; ++k) {
    if (k == i) continue;
    if (k >= base && k - base < kept.size() && kept[k - base]) return false;
    left_out = true;
  }
  for (NodeId d = doc.first_child(section); d != kNoNode && !left_out; d = doc.next_in(d, section))
    left_out = doc.is(d, Tag::k_img);
  return left_out;
}

void BodyExtractor::drop_link_boxes(std::vector<uint32_t>& kept) const {
  std::vector<uint32_t> out;
  out.reserve(kept.size());
  for (size_t k = 0; k < kept.size(); ++k) {
    const TextBlock& b = seg_.blocks[kept[k]];
    if (b.type == BlockType::kList || !is_link_box_label(seg_.block_text(b))) {
      out.push_back(kept[k]);
      continue;
    }
    // The box: the lines after the label that are links, or hold one and
    // end no sentence.
    while (k + 1 < kept.size()) {
      const TextBlock& next = seg_.blocks[kept[k + 1]];
      const std::string_view t = seg_.block_text(next);
      const bool linked =
          next.link_bytes * 2 >= t.size() || (next.link_bytes > 0 && !has_sentence_end(t));
      if (!linked) break;
      ++k;
    }
  }
  kept = std::move(out);
}

bool BodyExtractor::like_branches(const html::Document& doc, NodeId a, NodeId b) const {
  // Up to the children of the common ancestor; the branches' depths below
  // it are equal or the tags differ somewhere.
  if (a == kNoNode || b == kNoNode || depth_[a] != depth_[b]) return false;
  while (doc.parent(a) != doc.parent(b)) {
    if (doc.tag(a) != doc.tag(b)) return false;
    a = doc.parent(a);
    b = doc.parent(b);
    if (a == kNoNode || b == kNoNode) return false;
  }
  const std::string_view cls = first_class_word(doc, a);
  return a != b && doc.tag(a) == doc.tag(b) && !cls.empty() && cls == first_class_word(doc, b) &&
         !names_screen_size(doc.attr(a, "class")) && !names_screen_size(doc.attr(b, "class"));
}

void BodyExtractor::drop_repeated_runs(const html::Document& doc,
                                       std::vector<uint32_t>& kept) const {
  const size_t n = kept.size();
  std::vector<std::string_view> text(n);
  std::unordered_map<std::string_view, std::vector<size_t>> places;
  for (size_t k = 0; k < n; ++k) {
    text[k] = seg_.block_text(seg_.blocks[kept[k]]);
    places[text[k]].push_back(k);
  }
  std::vector<bool> repeated(n, false);
  for (size_t i = 0; i < n;) {
    // The longest run from i that repeats, line for line, one that starts
    // at an earlier place of the same line and ends before i.
    const std::vector<size_t>& same = places[text[i]];
    size_t run = 0, from = 0;
    auto earlier = std::lower_bound(same.begin(), same.end(), i);
    for (size_t tried = 0; earlier != same.begin() && tried < kMaxRepeatCandidates; ++tried) {
      const size_t j = *--earlier;
      size_t t = 0;
      while (i + t < n && j + t < i && text[i + t] == text[j + t]) ++t;
      if (t > run) {
        run = t;
        from = j;
      }
    }
    size_t chars = 0;
    for (size_t t = 0; t < run; ++t) chars += core::utf8_length(text[i + t]);
    // A line right after the same line is a copy however short (a heading
    // for phones over the one for desktops); a paragraph of prose said twice
    // in a row is the writer's.
    const bool again = i > 0 && text[i] == text[i - 1] && core::utf8_length(text[i]) < kLongBlock;
    // Where the profile says so, a run repeated in like branches is each
    // branch's own (the features every price card lists).
    // See Service.FeaturesEveryPriceCardListsAreText in extractor_test.cc.
    const bool copy = run >= kMinRepeatedRun && chars >= kMinRepeatedChars &&
                      !(profile_.like_repeats && like_branches(doc, seg_.blocks[kept[i]].owner,
                                                               seg_.blocks[kept[from]].owner));
    if (copy || again) {
      std::fill_n(repeated.begin() + static_cast<std::ptrdiff_t>(i), run, true);
      i += run;
    } else {
      ++i;
    }
  }
  size_t out = 0;
  for (size_t k = 0; k < n; ++k)
    if (!repeated[k]) kept[out++] = kept[k];
  kept.resize(out);
}

void BodyExtractor::drop_quoted_copies(std::vector<uint32_t>& kept) const {
  // A reply that quotes a post shows its lines again in a <blockquote>: the
  // thread holds them once. On WCXB's threads 0.7992 -> 0.8152 (both halves
  // up, 27 pages up, 9 down where the gold keeps the quotes too), CleanEval
  // up; drop_repeated_runs on threads dropped the posters' own repeated lines.
  // See Forum.QuotesOfEarlierPostsAreLeftOut in extractor_test.cc.
  std::unordered_set<std::string_view> shown;
  size_t out = 0;
  for (uint32_t i : kept) {
    const TextBlock& b = seg_.blocks[i];
    const std::string_view text = seg_.block_text(b);
    if (b.type == BlockType::kQuote && shown.contains(text)) continue;
    shown.insert(text);
    kept[out++] = i;
  }
  kept.resize(out);
}

void BodyExtractor::drop_poster_details(std::vector<uint32_t>& kept) const {
  // The details beside each post's author ("Join Date: Mar 2016", "Posts:
  // 1,077"), and a detail's value under its label, are not the thread.
  // See Forum.PostersDetailsAreLeftOut in extractor_test.cc.
  std::vector<uint32_t> out;
  out.reserve(kept.size());
  for (size_t k = 0; k < kept.size(); ++k) {
    const PosterDetail detail = poster_detail(seg_.block_text(seg_.blocks[kept[k]]));
    if (detail == PosterDetail::kNone) {
      out.push_back(kept[k]);
      continue;
    }
    if (detail == PosterDetail::kLabel && k + 1 < kept.size() &&
        seg_.block_text(seg_.blocks[kept[k + 1]]).size() < kMaxDetailValue)
      ++k;
  }
  kept = std::move(out);
}

// A body that is only the site's notices (its copyright line, a note that it
// needs JavaScript) and at most one heading is none: the page draws its
// content with scripts, and the heading titles text it does not hold (a
// newsletter box's "Subscribe" once its pitch is dropped). Read until the
// first block that is neither, so a body of prose costs one look.
// See Listing.NoticesAndALoneHeadingAreNoBody in extractor_test.cc.
bool BodyExtractor::only_notices(const std::vector<uint32_t>& kept) const {
  bool heading = false;
  for (uint32_t i : kept) {
    const TextBlock& b = seg_.blocks[i];
    if (is_site_notice(seg_.block_text(b))) continue;
    if (b.type != BlockType::kHeading || heading) return false;
    heading = true;
  }
  return true;
}

bool BodyExtractor::is_trailing_fragment(uint32_t i) const {
  const TextBlock& b = seg_.blocks[i];
  if (b.type != BlockType::kParagraph || b.continues || good_[i] > 0) return false;
  const std::string_view text = seg_.block_text(b);
  return core::utf8_length(text) < kMaxTrailingFragment && !has_sentence_end(text);
}

uint32_t BodyExtractor::end_of_story(uint32_t first, uint32_t last) const {
  // A container that also holds the list of other stories ends where that
  // list's title stands, when little prose follows it.
  for (uint32_t i = first + 1; i < last; ++i) {
    if (!opens_more_stories(seg_.block_text(seg_.blocks[i]))) continue;
    const double before = good_sum_[i] - good_sum_[first];
    const double after = good_sum_[last] - good_sum_[i];
    if (after <= before * kMoreStoriesProseShare) return i;
  }
  return last;
}

bool BodyExtractor::is_post_form(const html::Document& doc, NodeId n) const {
  // Forum software wraps a post's text in a form, to edit it in place (one
  // form a post, all of one class) or to select posts for moderation (one
  // form around elements named as posts). A login form or the footer's
  // forms are neither.
  // See Forum.PostsInsideFormsAreTheThread in extractor_test.cc.
  if (!doc.is(n, Tag::k_form) || named_weak_[n]) return false;
  bool sentence = false;
  for (uint32_t i = seg_.block_begin[n]; i < seg_.block_end[n] && !sentence; ++i)
    sentence = good_[i] > 0 && core::utf8_length(seg_.block_text(seg_.blocks[i])) >= kSentenceBlock;
  if (!sentence) return false;
  const std::string_view cls = doc.attr(n, "class");
  if (!cls.empty()) {
    const auto same = post_form_classes_.find(cls);
    if (same != post_form_classes_.end() && same->second >= kMinPostForms) return true;
  }
  bool named_post = false;
  for (NodeId d = doc.first_child(n); d != kNoNode; d = doc.next_in(d, n)) {
    if (doc.is(d, Tag::k_textarea)) return false;  // a reply box ("post-editor")
    named_post |= doc.is_element(d) && names_post(doc, d);
  }
  return named_post;
}

double BodyExtractor::prose_in(html::NodeId n) const {
  return good_sum_[seg_.block_end[n]] - good_sum_[seg_.block_begin[n]];
}

NodeId BodyExtractor::image_scope(const html::Document& doc, NodeId container) const {
  // The lead photo often sits above the body container, in a wrapper that
  // also holds the headline and byline: the scope is the highest ancestor
  // that adds no prose of its own to the container's.
  const double prose = prose_in(container);
  NodeId scope = container;
  for (NodeId up = doc.parent(container); up != kNoNode; up = doc.parent(up)) {
    if (doc.is(up, Tag::k_body) || doc.is(up, Tag::k_html) || marks_[up] == Mark::kWeak) break;
    if (prose_in(up) > prose * kScopeProseGrowth) break;
    scope = up;
  }
  return scope;
}

void BodyExtractor::collect_images(const html::Document& doc, NodeId container, Body& body) const {
  const NodeId scope = image_scope(doc, container);
  const uint32_t body_end = seg_.block_end[container];
  for (const FigureRef& f : seg_.figures) {
    if (f.before_block > body_end) continue;  // after the body: related content
    NodeId up = f.node;
    while (up != kNoNode && up != scope) up = doc.parent(up);
    if (up == kNoNode) continue;
    // A figure's own class may sound like boilerplate ("wp-caption"); its
    // surroundings decide.
    // The article's own <header> holds the lead photo.
    NodeId parent = doc.parent(f.node);
    NodeId weak = parent == kNoNode ? kNoNode : weak_owner_[parent];
    if (weak != kNoNode && doc.is(weak, Tag::k_header)) weak = weak_owner_[doc.parent(weak)];
    if (weak != kNoNode && weak != scope && depth_[weak] > depth_[scope]) continue;
    if (f.url.empty() && f.caption.empty()) continue;
    fields::CaptionCredit c = fields::split_credit(f.caption);
    body.images.push_back(Image{f.url, std::move(c.caption), std::move(c.credit)});
  }
}

Body BodyExtractor::extract(const html::Document& doc, const BodyHints& hints) {
  Body body = read_passes(doc, hints);
  // A scrap without a word (a price, "$91.67/mo.", or a count) is no body: a
  // page whose text was never sent says so better with none.
  // See Product.ALonePriceIsNoBody in extractor_test.cc.
  if (body.text.size() < kScrapBytes && !has_word(body.text)) {
    if (hints.explain && !body.text.empty())
      body.explanation += "the text found has no word (a price or a count): no body\n";
    body.text.clear();
    body.blocks.clear();
  }
  return body;
}

Body BodyExtractor::read_passes(const html::Document& doc, const BodyHints& hints) {
  open_noscript_ = relax_weak_ = show_scripted_ = false;
  // The page's kind does not change between the passes below.
  evidence_ = gather_page_evidence(doc);
  disclosed_ = disclosed_panels(doc);
  bare_panels_ = bare_accordion_panels(doc);
  decision_ = hints.page_type != nullptr ? *hints.page_type : decide_page_type_scored(evidence_);
  Body body = extract_once(doc, hints);
  const auto far_more = [&](const Body& b) {
    return static_cast<double>(b.text.size()) > kScrapGain * static_cast<double>(body.text.size());
  };
  // Another reading, taken when it finds far more than the first and at
  // least `min_bytes`; its method and explanation then say why it was read.
  const auto taken = [&](Body again, std::string_view method, std::string_view why,
                         size_t min_bytes) -> std::optional<Body> {
    if (!far_more(again) || again.text.size() < min_bytes) return std::nullopt;
    again.method += method;
    if (hints.explain)
      again.explanation = body.explanation + "\n" + std::string(why) + ":\n" + again.explanation;
    return again;
  };
  // One more reading with `pass` set.
  const auto retry = [&](bool BodyExtractor::*pass, std::string_view method, std::string_view why,
                         size_t min_bytes) -> std::optional<Body> {
    this->*pass = true;
    Body again = extract_once(doc, hints);
    this->*pass = false;
    return taken(std::move(again), method, why, min_bytes);
  };
  // A page streamed in pieces whose first reading found only a little (a
  // promotion bar) is read again with its hidden segments shown in place.
  // See Article.StreamedSegmentsAreTheTextWhenTheShellHoldsOnlyAPromotion.
  if (body.text.size() < kListingMaxBody && has_streamed_segment(doc))
    if (auto shown = retry(&BodyExtractor::show_scripted_, "+script-hidden",
                           "little found outside the segments a script streams in; again "
                           "with them shown",
                           kListingMaxBody))
      return *std::move(shown);
  // A page the model was unsure of, read as its first choice, that gave
  // little: read as its second choice, taken when it finds far more. A
  // listing of books in a table or a shop's grid read as an article or a
  // product gives a paragraph of its intro; read as a listing or a
  // collection, its items; the record's page_type is then the second choice.
  // An article's second choice of a thread is left unread, its comments not
  // being its text, unless the article's reading found no article but cards
  // outweighing it (read as a listing: a thread's comments set as cards).
  // See PageType.AnUnsureReadingThatFindsLittleGivesWayToTheSecondChoice and
  // PageType.AThreadReadAsCardsGivesWayToTheThread in extractor_test.cc.
  if (body.text.size() < kThinBody && decision_.lead_over_runner_up < kUnsureLead &&
      decision_.runner_up != decision_.type &&
      !(decision_.type == PageType::kArticle && decision_.runner_up == PageType::kForum &&
        page_type_ == PageType::kArticle)) {
    const PageTypeDecision first = decision_;
    const bool first_prose = wrote_prose_;
    decision_.type = first.runner_up;
    decision_.lead_over_article = kSureListingLead;  // with the second choice's own weights
    const std::string why = "little found, and the model's second choice (" +
                            std::string(page_type_name(first.runner_up)) +
                            ") was close: read as it";
    if (auto second = taken(extract_once(doc, hints), "+second-choice", why, 0)) {
      body = *std::move(second);
    } else {
      decision_ = first;
      wrote_prose_ = first_prose;
    }
  }
  // A scrap (a phone number from a top bar) is as good as nothing found: the
  // passes below replace it when they find far more. An article may be a line
  // long (a birth announcement), so a line of prose is no scrap there; a
  // thread, a product or a service is never a dozen words.
  // See Service.ScrapGivesWayToSectionsNamedAsWidgets in extractor_test.cc.
  const bool article = decision_.type == PageType::kArticle || decision_.type == PageType::kOther;
  if (body.text.size() >= kScrapBytes || (article && wrote_prose_)) return body;
  // Pages that draw their content with scripts (forum software, shops) often
  // give crawlers the same content inside <noscript>: with nothing found
  // elsewhere, that is the content.
  bool has_noscript = false;
  for (NodeId n = 0; n < doc.node_count() && !has_noscript; ++n)
    has_noscript = doc.is_element(n) && doc.is(n, Tag::k_noscript) && doc.first_child(n) != kNoNode;
  if (has_noscript)
    if (auto second = retry(&BodyExtractor::open_noscript_, "+noscript",
                            "little or nothing found outside <noscript>; again with it", 0))
      return *std::move(second);
  // Page builders name their every section with words lede reads as
  // boilerplate ("testimonial", "widget", "promo"): with nothing found, the
  // names were wrong, and only the skipped elements stay out.
  if (auto third = retry(&BodyExtractor::relax_weak_, "+names-ignored",
                         "little or nothing found outside elements named as boilerplate; again "
                         "without those names",
                         0))
    body = *std::move(third);
  // Some pages hide their whole content until a script has run: with an
  // inline style (a shop's age or password gate, a fade-in), or streamed in
  // hidden segments the script moves in place. With nothing found elsewhere,
  // what is so hidden is the content; it replaces what the names-ignored
  // reading found (a footer's links) when it is far more.
  // See Collection.ContentHiddenUntilAScriptOutweighsTheFooter in extractor_test.cc.
  if (auto fourth = retry(&BodyExtractor::show_scripted_, "+script-hidden",
                          "little or nothing found outside elements hidden until a script runs; "
                          "again with them shown",
                          kScrapBytes))
    return *std::move(fourth);
  return body;
}

Body BodyExtractor::extract_once(const html::Document& doc, const BodyHints& hints) {
  Body body;
  wrote_prose_ = false;
  // 0. The kind of page.
  const PageTypeDecision& decision = decision_;
  page_type_ = listing_retry_ ? PageType::kListing : decision.type;
  // A page of cards: its items are its content (segment, the item lists below).
  const bool read_as_cards =
      decision.type == PageType::kListing || decision.type == PageType::kCollection;
  // A listing's weights keep every linked card: a page the model reads as a
  // listing by only a little is read with an article's, and becomes a listing
  // again below if its cards outweigh the body found.
  profile_type_ = page_type_;
  if (!listing_retry_ && page_type_ == PageType::kListing &&
      decision.lead_over_article < kSureListingLead)
    profile_type_ = PageType::kArticle;
  // An article the model nearly took for a service page is read with a
  // service page's weights (its sections, its cards), and stays an article:
  // read as an article, a service page keeps one of its sections; read as a
  // service page, an article loses little (WCXB held out end to end 0.8822 ->
  // 0.8839, service 0.849 -> 0.859, articles level; leads under 1.5 and 2.5
  // gained as much, 3 cost articles).
  // See PageType.AnArticleNearlyAServicePageKeepsItsSections in extractor_test.cc.
  if (!listing_retry_ && page_type_ == PageType::kArticle &&
      decision.runner_up == PageType::kService && decision.lead_over_runner_up < kUnsureLead)
    profile_type_ = PageType::kService;
  if (hints.explain) {
    const std::string_view second = page_type_name(decision.runner_up);
    char lead[96] = "; the type given by the caller";
    if (hints.page_type == nullptr)
      std::snprintf(lead, sizeof lead, "; lead over article %.2f, over %.*s (second choice) %.2f",
                    decision.lead_over_article, static_cast<int>(second.size()), second.data(),
                    decision.lead_over_runner_up);
    body.explanation = "page evidence: " + describe_evidence(evidence_) + lead + "\n";
    if (profile_type_ == PageType::kArticle && page_type_ != PageType::kArticle)
      body.explanation += "read with an article's weights\n";
    if (profile_type_ == PageType::kService && page_type_ != PageType::kService)
      body.explanation += "read with a service page's weights\n";
  }
  profile_ = profile_for(profile_type_);
  // A page read as an article whose cards outweighed its body: its linked
  // cards weigh as links when the container is chosen, for such pages are as
  // often short articles above a long list of other stories (Dragnet's blogs).
  if (listing_retry_ && !read_as_cards) {
    profile_.linked_card_weight = 0;
    profile_.item_lists = false;
  }
  body.page_type = page_type_name(page_type_);
  // 1. Mark.
  mark(doc);
  // 2. Segment.
  segment(doc, doc.root(), marks_, seg_, read_as_cards);
  // 3. Weigh.
  weigh(doc, hints);
  // 4. Mark lists of teasers for other stories; rescue weak elements that hold the prose.
  teaser_count_ = teaser_bytes_ = 0;
  if (!profile_.keep_teasers) mark_teasers(doc);
  mark_sign_up_boxes(doc);
  rescue_weak(doc);
  good_sum_.assign(seg_.blocks.size() + 1, 0);
  bad_sum_.assign(seg_.blocks.size() + 1, 0);
  for (size_t i = 0; i < seg_.blocks.size(); ++i) {
    good_sum_[i + 1] = good_sum_[i] + good_[i];
    bad_sum_[i + 1] = bad_sum_[i] + bad_[i];
  }
  // 5. Choose.
  NodeId container = choose_container(doc, body.method);
  // A page of cards that its markup did not name as one: the cards hold far
  // more text than the best container outside them. Read it as a listing
  // (a thread's posts are its content, not cards; on service and product
  // pages the cards are their features, and none are counted).
  if (!profile_.keep_teasers && profile_type_ != PageType::kForum && !listing_retry_ &&
      teaser_count_ >= kMinListingCards) {
    uint64_t chosen = 0;
    if (container != kNoNode)
      for (uint32_t i = seg_.block_begin[container]; i < seg_.block_end[container]; ++i)
        chosen += seg_.blocks[i].end - seg_.blocks[i].begin;
    if (chosen < kListingMaxBody &&
        teaser_bytes_ > kListingCardShare * static_cast<double>(chosen)) {
      listing_retry_ = true;
      Body again = extract_once(doc, hints);
      listing_retry_ = false;
      if (hints.explain)
        again.explanation = body.explanation +
                            "\nthe cards outweigh the container: read as a listing\n" +
                            again.explanation;
      return again;
    }
  }
  // A service page's sections (hero, features, pricing, questions), a
  // product's (description, specifications) and a reference page's are the
  // page's <main>, where it has one.
  keep_named_weak_ = false;
  if (profile_.whole_main && container != kNoNode) {
    for (NodeId up = doc.parent(container); up != kNoNode; up = doc.parent(up)) {
      if (marks_[up] == Mark::kWeak) break;
      if (doc.is(up, Tag::k_main) || doc.attr(up, "role") == "main") {
        container = up;
        keep_named_weak_ = true;
        break;
      }
    }
  }
  // A page of cards whose best container is a blurb beside its list of
  // items (a job board's intro, a shop's category text): the list is the
  // content, its links included.
  item_first_ = item_last_ = 0;
  if (profile_.item_lists || read_as_cards) {
    uint64_t list_bytes = 0;
    const NodeId list = largest_item_list(doc, list_bytes);
    const uint64_t chosen = container == kNoNode ? 0 : bytes_in(container);
    const double share = profile_.item_lists ? kItemListShare : kUnsureItemListShare;
    if (list != kNoNode && list_bytes > share * static_cast<double>(chosen)) {
      // A collection's own text about its products (a category's intro)
      // stands apart from the grid: their common ancestor holds both.
      // See Collection.TheCategorysTextBesideItsGridIsKept in extractor_test.cc.
      const bool apart =
          container != kNoNode && (seg_.block_begin[container] < seg_.block_begin[list] ||
                                   seg_.block_end[container] > seg_.block_end[list]);
      if (decision.type == PageType::kCollection && apart &&
          prose_in(container) >= kMinSectionProse)
        container = common_ancestor(doc, container, list);
      else
        container = list;
      body.method = "items";
      keep_named_weak_ = true;
      item_first_ = seg_.block_begin[list];
      item_last_ = seg_.block_end[list];
    }
  }
  WriteTrace trace;
  if (container == kNoNode) {
    if (hints.explain) explain(doc, container, trace, {}, hints, body);
    return body;
  }
  // 6. Write.
  const uint32_t begin = seg_.block_begin[container];
  const uint32_t last = seg_.block_end[container];
  // Kickers, reading times, dates and subtitles often open the container:
  // the body starts at its first prose. A longer run of short lines before it
  // is the story's own (a box score, a fact box, a list of commands), less
  // its dates and counters.
  uint32_t first = begin, lead = begin, shown = 0;
  for (; lead < last && good_[lead] <= 0; ++lead) {
    const std::string_view text = seg_.block_text(seg_.blocks[lead]);
    shown += !is_date_or_count(text) && keep_block(doc, seg_.blocks[lead], container, hints);
  }
  if (shown < kMinLeadingRun && profile_.trim_edges) first = lead;
  // ... but a heading right above the first prose titles it (a live blog's first entry).
  if (first > begin && seg_.blocks[first - 1].type == BlockType::kHeading &&
      seg_.block_text(seg_.blocks[first - 1]) != hints.title)
    --first;
  const uint32_t end = end_of_story(first, last);
  std::vector<uint32_t> kept;
  for (uint32_t i = first; i < end; ++i) {
    if (i < lead && is_date_or_count(seg_.block_text(seg_.blocks[i]))) continue;
    if (keep_block(doc, seg_.blocks[i], container, hints)) kept.push_back(i);
  }
  // A link box's label set between body paragraphs ("RELATED COVERAGE"),
  // and the linked lines under it, are not the story's text.
  if (hints.explain) trace.kept_blocks = kept;
  if (profile_.trim_edges) drop_link_boxes(kept);
  if (hints.explain) trace.after_boxes = kept;
  // A heading left alone in its section, beside photos or text that was left
  // out (a gallery's or a teaser list's title), titles nothing in the body.
  std::vector<bool> is_kept(last - begin, false);
  for (uint32_t i : kept) is_kept[i - begin] = true;
  std::erase_if(kept,
                [&](uint32_t i) { return titles_nothing(doc, i, container, is_kept, begin); });
  // Headlines of other stories often close the container: two or more short
  // lines that end no sentence, after the last one that does (one such line
  // is as often the story's own sign-off or source).
  if (hints.explain) trace.after_titles = kept;
  size_t tail = 0;
  while (tail + 1 < kept.size() && is_trailing_fragment(kept[kept.size() - 1 - tail])) ++tail;
  // A list of items chosen as the content is such lines from end to end.
  const bool items = item_last_ > item_first_;
  if (tail >= kMinTrailingFragments && profile_.trim_edges && !items)
    kept.resize(kept.size() - tail);
  if (hints.explain) trace.after_trailing = kept;
  // Pages of sections and cards show some of them twice, for phones and for
  // desktops; an article's repeated lines are its own (a meal plan's every
  // day, a table's header over each of its parts), so are a reference's (the
  // same parameters under each function); a thread's repeated lines are its
  // posters' (a greeting, a sign-off) but for its quotes of earlier posts
  // (drop_quoted_copies).
  if (page_type_ != PageType::kArticle && page_type_ != PageType::kOther &&
      page_type_ != PageType::kForum && page_type_ != PageType::kDocumentation)
    drop_repeated_runs(doc, kept);
  if (hints.explain) trace.after_repeats = kept;
  if (profile_.keep_comments) {
    drop_quoted_copies(kept);
    drop_poster_details(kept);
  }
  if (only_notices(kept)) kept.clear();
  for (uint32_t i : kept) {
    const TextBlock& b = seg_.blocks[i];
    const std::string_view text = seg_.block_text(b);
    if (!wrote_prose_) {
      const size_t len = core::utf8_length(text);
      wrote_prose_ = len >= kLongBlock || (len >= kSentenceBlock && has_sentence_end(text));
    }
    if (!body.text.empty()) body.text += "\n\n";
    Block out;
    out.type = b.type;
    out.level = b.level;
    out.start = static_cast<uint32_t>(body.text.size());
    body.text += text;
    out.end = static_cast<uint32_t>(body.text.size());
    body.blocks.push_back(out);
  }
  collect_images(doc, container, body);
  if (hints.explain) {
    trace.first = first;
    trace.lead = lead;
    trace.end = end;
    explain(doc, container, trace, kept, hints, body);
  }
  return body;
}

namespace {

// "div.entry-content" or "section#main": an element as the explanation names it.
std::string describe(const html::Document& doc, NodeId n) {
  if (n == kNoNode) return "(none)";
  std::string out(doc.name(n));
  if (std::string_view id = doc.attr(n, "id"); !id.empty()) {
    out += '#';
    out += id.substr(0, 40);
  }
  if (std::string_view cls = doc.attr(n, "class"); !cls.empty()) {
    out += '.';
    out += core::collapse_space(cls.substr(0, 40));
  }
  return out;
}

bool contains(const std::vector<uint32_t>& v, uint32_t x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

// Characters of a block's text shown in the explanation.
constexpr size_t kExplainExcerpt = 60;

}  // namespace

void BodyExtractor::explain(const html::Document& doc, NodeId container, const WriteTrace& trace,
                            const std::vector<uint32_t>& kept, const BodyHints& hints,
                            Body& body) const {
  std::string& out = body.explanation;
  out += "page type: " + body.page_type + "\n";
  out += "container: " + describe(doc, container);
  if (container != kNoNode) {
    const uint32_t b = seg_.block_begin[container], e = seg_.block_end[container];
    char line[160];
    std::snprintf(line, sizeof line, " (method %s; prose %.0f, boilerplate %.0f; blocks %u-%u)",
                  body.method.c_str(), good_sum_[e] - good_sum_[b], bad_sum_[e] - bad_sum_[b], b,
                  e);
    out += line;
  }
  out +=
      "\n  the element whose blocks weigh most for the content (prose minus boilerplate,"
      " times a bonus for <article> and named body containers)\n";
  // Runners-up: the best-scoring elements that neither hold nor sit in the container.
  std::vector<std::pair<double, NodeId>> others;
  for (NodeId n = doc.root(); n != kNoNode;) {
    const bool skip = marks_[n] == Mark::kSkip;
    if (!skip && doc.is_element(n) && n != container) {
      const uint32_t b = seg_.block_begin[n], e = seg_.block_end[n];
      const double score = (good_sum_[e] - good_sum_[b]) - (bad_sum_[e] - bad_sum_[b]);
      if (score > 0) others.emplace_back(score, n);
    }
    n = doc.next_in(n, doc.root(), skip);
  }
  std::sort(others.begin(), others.end(), [](auto& a, auto& c) { return a.first > c.first; });
  for (size_t i = 0; i < std::min<size_t>(3, others.size()); ++i) {
    char line[64];
    std::snprintf(line, sizeof line, "  runner-up %.0f: ", others[i].first);
    out += line + describe(doc, others[i].second) + "\n";
  }
  out += "blocks (index, type, chars, link share, weight per char, verdict, owner, text):\n";
  const uint32_t begin = container == kNoNode ? 0 : seg_.block_begin[container];
  const uint32_t last = container == kNoNode ? 0 : seg_.block_end[container];
  for (uint32_t i = 0; i < seg_.blocks.size(); ++i) {
    const TextBlock& b = seg_.blocks[i];
    const std::string_view text = seg_.block_text(b);
    const size_t chars = core::utf8_length(text);
    const double weight = chars ? (good_[i] - bad_[i]) / static_cast<double>(chars) : 0;
    std::string verdict = "kept";
    if (i < begin || i >= last) {
      verdict = "dropped: outside the container";
    } else if (!contains(kept, i)) {
      if (i < trace.first)
        verdict = "dropped: before the first prose (kicker, date, standfirst)";
      else if (i >= trace.end)
        verdict = "dropped: after a 'more stories' title";
      else if (const char* why = drop_reason(doc, b, container, hints)) {
        verdict = std::string("dropped: ") + why;
        // Name the element, for the words that made it boilerplate.
        if (b.owner != kNoNode && weak_owner_[b.owner] != kNoNode &&
            std::string_view(why) == kInsideBoilerplate)
          verdict += " " + describe(doc, weak_owner_[b.owner]);
      } else if (!contains(trace.kept_blocks, i))
        verdict = "dropped: a date or counter before the first prose";
      else if (!contains(trace.after_boxes, i))
        verdict = "dropped: a link box inside the text";
      else if (!contains(trace.after_titles, i))
        verdict = "dropped: a heading that titles nothing kept";
      else if (!contains(trace.after_trailing, i))
        verdict = "dropped: a trailing headline";
      else if (!contains(trace.after_repeats, i))
        verdict = "dropped: a second copy of lines shown before";
      else
        verdict = "dropped: a detail of a post's author";
    }
    std::string excerpt =
        core::collapse_space(text.substr(0, std::min(text.size(), kExplainExcerpt * 2)));
    if (core::utf8_length(excerpt) > kExplainExcerpt) {
      size_t cut = kExplainExcerpt;
      while (cut < excerpt.size() && (static_cast<unsigned char>(excerpt[cut]) & 0xC0) == 0x80)
        ++cut;
      excerpt.resize(std::min(cut, excerpt.size()));
      excerpt += "...";
    }
    static constexpr const char* kTypeNames[] = {"heading", "paragraph", "list",
                                                 "quote",   "pre",       "table"};
    char line[200];
    std::snprintf(line, sizeof line, "%5u %-9s %5zu %4.2f %+5.2f ", i,
                  kTypeNames[static_cast<int>(b.type)], chars,
                  text.empty() ? 0.0 : static_cast<double>(b.link_bytes) / text.size(), weight);
    out += line;
    out += verdict;
    out += " | " + describe(doc, b.owner) + " | " + excerpt + "\n";
  }
}

}  // namespace lede::extraction
