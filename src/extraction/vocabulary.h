// The words and tags by which pages mark what is not the article, and what
// is. Kept as data, apart from the code that applies them.
#pragma once

#include <string_view>

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

// The verdict from class, id, role, aria and style attributes.
Verdict attribute_verdict(const html::Document& doc, html::NodeId n);

// True when class or id names a well-known article-body container
// ("article-body", "entry-content", "story-body", ...).
bool names_content_container(const html::Document& doc, html::NodeId n);

// True for whole-block texts that are page furniture wherever they appear
// ("Advertisement", "Share this article", "Read more").
bool is_furniture_text(std::string_view collapsed_text);

// True for an element the page marks as a photo caption (figcaption, or a
// class naming a caption: "caption", "legend", "pie-foto", "bildunterschrift").
bool names_caption(const html::Document& doc, html::NodeId n);

// Block-level elements: they start and end a text block.
bool is_block_tag(html::Tag tag);

}  // namespace lede::extraction
