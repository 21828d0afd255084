// Segmenting a page into text blocks: the runs of inline text between
// block-level boundaries, each with the element that owns it and the
// evidence later steps weigh (length, link text, type).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "html/dom.h"
#include "lede/article.h"

namespace lede::extraction {

struct TextBlock {
  html::NodeId owner = html::kNoNode;  // innermost block element around the text
  uint32_t begin = 0, end = 0;         // [begin, end) in Segmentation::text
  uint32_t link_bytes = 0;             // bytes of the text inside <a>
  BlockType type = BlockType::kParagraph;
  int level = 0;
  // Split from the block before at a blank line (<br><br>): the two are
  // weighed together, as the page's one run of text, but written apart.
  bool continues = false;
};

struct FigureRef {
  html::NodeId node = html::kNoNode;  // the <figure> (or captioned element)
  std::string url;
  std::string caption;        // caption and credit, as the page writes them
  uint32_t before_block = 0;  // index of the first block after the figure
};

// Element verdicts the segmenter honours.
enum class Mark : uint8_t {
  kNone,
  kSkip,    // never descend: scripts, hidden, navigation
  kWeak,    // boilerplate unless rescued; blocks inside are flagged
  kHidden,  // not shown: its text is dropped, its figures and captions kept
};

struct Segmentation {
  std::string text;  // block texts, back to back
  std::vector<TextBlock> blocks;
  std::vector<FigureRef> figures;
  // Per node: the blocks made inside it are [block_begin[n], block_end[n]).
  std::vector<uint32_t> block_begin, block_end;

  std::string_view block_text(const TextBlock& b) const {
    return std::string_view(text).substr(b.begin, b.end - b.begin);
  }
  void clear();
};

// Walks `root` and fills `out`. `marks` holds one Mark per node. `cards` is
// set on pages of cards (collections, listings), where a card's text may be
// named as a caption.
void segment(const html::Document& doc, html::NodeId root, const std::vector<Mark>& marks,
             Segmentation& out, bool cards);

}  // namespace lede::extraction
