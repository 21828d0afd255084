#include "extraction/blocks.h"

#include <algorithm>
#include <utility>

#include "core/text.h"
#include "extraction/vocabulary.h"
#include "fields/credit.h"

namespace lede::extraction {
namespace {

// Captions longer than this are not captions (raw bytes, spaces included).
constexpr size_t kMaxCaptionBytes = 1500;

using html::kNoNode;
using html::NodeId;
using html::Tag;

class Segmenter {
 public:
  Segmenter(const html::Document& doc, const std::vector<Mark>& marks, Segmentation& out,
            bool cards)
      : doc_(doc), marks_(marks), out_(out), cards_(cards) {}

  void run(NodeId root) {
    out_.block_begin.assign(doc_.node_count(), 0);
    out_.block_end.assign(doc_.node_count(), 0);
    NodeId n = root;
    bool descend = enter(n);
    while (true) {
      if (descend && doc_.first_child(n) != kNoNode) {
        n = doc_.first_child(n);
        descend = enter(n);
        continue;
      }
      while (true) {
        leave(n, descend);
        if (n == root) {
          flush();
          return;
        }
        if (doc_.next_sibling(n) != kNoNode) {
          n = doc_.next_sibling(n);
          descend = enter(n);
          break;
        }
        n = doc_.parent(n);
        descend = true;  // a parent we climb to was entered with descent
      }
    }
  }

 private:
  // Returns whether to visit n's children.
  bool enter(NodeId n) {
    out_.block_begin[n] = static_cast<uint32_t>(out_.blocks.size());
    if (doc_.is_text(n)) {
      append_text(doc_.text(n));
      return false;
    }
    if (doc_.kind(n) == html::NodeKind::kDocument) return true;
    if (!doc_.is_element(n)) return false;
    if (marks_[n] == Mark::kSkip) return false;
    if (marks_[n] == Mark::kHidden) ++hidden_depth_;
    const Tag tag = doc_.ns(n) == html::Namespace::kHtml ? doc_.tag(n) : Tag::kUnknown;
    switch (tag) {
      case Tag::k_br:
        buffer_ += '\n';
        pending_space_ = false;
        return false;
      case Tag::k_img:
      case Tag::k_picture:
        last_image_ = n;
        recent_images_.push_back(n);
        return false;
      case Tag::k_figure:
        // A figure that sets a table or a quote (a customer's testimonial
        // over its attribution) is text, not a picture.
        if (holds_text_figure(n)) break;
        add_figure(n);
        return false;
      case Tag::k_td:
      case Tag::k_th:
        if (!buffer_.empty() && buffer_.back() != '\t') buffer_ += '\t';
        pending_space_ = false;
        return true;
      case Tag::k_a:
        link_start_.push_back(static_cast<uint32_t>(buffer_.size()));
        return true;
      default:
        break;
    }
    // Captions never belong in the body: with an image beside them they
    // describe it, without one they are left out. A card's text named as a
    // caption is not one (card_caption).
    if ((tag == Tag::k_ul || tag == Tag::k_ol) && names_caption(doc_, n) && add_caption_list(n))
      return false;
    if (names_caption(doc_, n) && is_short(n) && !card_caption(n)) {
      add_caption(n);
      return false;
    }
    if (is_block_tag(tag) && tag != Tag::k_td && tag != Tag::k_th) {
      flush();
      owners_.push_back(n);
      if (tag == Tag::k_blockquote) ++quote_depth_;
      if (tag == Tag::k_li || tag == Tag::k_dd || tag == Tag::k_dt) ++list_depth_;
      if (tag == Tag::k_pre || tag == Tag::k_listing || tag == Tag::k_plaintext) ++pre_depth_;
      if (tag == Tag::k_table) ++table_depth_;
    }
    return true;
  }

  void leave(NodeId n, bool descended) {
    if (doc_.is_element(n) && marks_[n] == Mark::kHidden) --hidden_depth_;
    if (doc_.is_element(n) && descended && marks_[n] != Mark::kSkip) {
      const Tag tag = doc_.ns(n) == html::Namespace::kHtml ? doc_.tag(n) : Tag::kUnknown;
      if (tag == Tag::k_a) {
        // Nested links count once: only the outermost adds its text.
        if (link_start_.size() == 1)
          link_spans_.push_back({link_start_.back(), static_cast<uint32_t>(buffer_.size())});
        link_start_.pop_back();
      } else if (is_block_tag(tag) && tag != Tag::k_td && tag != Tag::k_th) {
        flush();
        owners_.pop_back();
        if (tag == Tag::k_blockquote) --quote_depth_;
        if (tag == Tag::k_li || tag == Tag::k_dd || tag == Tag::k_dt) --list_depth_;
        if (tag == Tag::k_pre || tag == Tag::k_listing || tag == Tag::k_plaintext) --pre_depth_;
        if (tag == Tag::k_table) --table_depth_;
      }
    }
    out_.block_end[n] = static_cast<uint32_t>(out_.blocks.size());
  }

  void append_text(std::string_view s) {
    if (hidden_depth_ > 0) return;
    if (pre_depth_ > 0) {
      buffer_.append(s);
      return;
    }
    core::append_collapsed(buffer_, s, pending_space_);
  }

  // True when the text under n is short enough to be a caption: a class
  // that merely mentions captions ("f_caption_muted_videos_on" on <body>)
  // must not swallow a page.
  bool is_short(NodeId n) const {
    size_t bytes = 0;
    for (NodeId t = doc_.next_in(n, n); t != kNoNode; t = doc_.next_in(t, n))
      if (doc_.is_text(t) && (bytes += doc_.text(t).size()) > kMaxCaptionBytes) return false;
    return true;
  }

  // The collapsed text under `scope`, leaving out skipped subtrees.
  std::string visible_text(NodeId scope) const {
    std::string out;
    bool pending = false;
    for (NodeId t = doc_.next_in(scope, scope); t != kNoNode;) {
      bool skip = doc_.is_element(t) && marks_[t] == Mark::kSkip;
      // Blocks inside a caption (a slide's title and text) are words apart.
      if (doc_.is_element(t) && (is_block_tag(doc_.tag(t)) || doc_.is(t, Tag::k_br)))
        pending = !out.empty();
      // A gallery's "2/12" counter is not part of what the photo shows.
      if (doc_.is_text(t) && !is_furniture_text(core::collapse_space(doc_.text(t))))
        core::append_collapsed(out, doc_.text(t), pending);
      t = doc_.next_in(t, scope, skip);
    }
    return std::string(core::trim(out));
  }

  // The address of an <img> (or the first one inside n), preferring the real
  // source of lazy-loaded images over their placeholder.
  std::string image_url(NodeId n) const {
    for (NodeId c = n; c != kNoNode; c = doc_.next_in(c, n)) {
      if (!doc_.is(c, Tag::k_img)) continue;
      std::string_view src = doc_.attr(c, "src");
      if (src.empty() || src.rfind("data:", 0) == 0) {
        for (std::string_view lazy : {"data-src", "data-lazy-src", "data-original"}) {
          std::string_view v = doc_.attr(c, lazy);
          if (!v.empty()) return std::string(v);
        }
      }
      if (src.rfind("data:", 0) == 0) return "";
      return std::string(src);
    }
    return "";
  }

  // A figure at `node` before the next block: the image at `image` and its caption.
  void add_figure_of(NodeId node, NodeId image, std::string caption) {
    FigureRef f;
    f.node = node;
    f.before_block = static_cast<uint32_t>(out_.blocks.size());
    f.url = image_url(image);
    f.caption = std::move(caption);
    out_.figures.push_back(std::move(f));
  }

  // On a page of cards (a shop's category, a listing), an element named as
  // a caption inside a card's link (the walk is inside an <a> when
  // link_start_ holds one) or over a card's heading is the card's text (a
  // theme's "thumbnail > caption", a shop's "product-caption"), not a
  // photo's caption. Elsewhere it is one, in a link or not.
  // See Collection.CardsNamedAsCaptionsAreTheirText in extractor_test.cc.
  bool card_caption(NodeId n) const {
    if (!cards_) return false;
    if (!link_start_.empty()) return true;
    for (NodeId c = doc_.next_in(n, n); c != kNoNode; c = doc_.next_in(c, n))
      if (doc_.is_element(c) && heading_level(doc_.tag(c)) > 0) return true;
    return false;
  }

  bool holds_text_figure(NodeId figure) const {
    for (NodeId c = doc_.next_in(figure, figure); c != kNoNode; c = doc_.next_in(c, figure))
      if (doc_.is(c, Tag::k_table) || doc_.is(c, Tag::k_blockquote)) return true;
    return false;
  }

  void add_figure(NodeId figure) {
    std::string caption;
    for (NodeId c = doc_.next_in(figure, figure); c != kNoNode;) {
      if (doc_.is(c, Tag::k_figcaption) || (doc_.is_element(c) && names_caption(doc_, c))) {
        if (!caption.empty()) caption += ' ';
        caption += visible_text(c);
        c = doc_.next_in(c, figure, true);
        continue;
      }
      c = doc_.next_in(c, figure);
    }
    add_figure_of(figure, figure, std::move(caption));
  }

  // Old layouts caption a photo with plain text in the next cell or line:
  // a short text right after the image that ends in a photo credit.
  bool unmarked_caption(NodeId owner, std::string_view text) {
    if (text.empty() || text.find('\n') != std::string_view::npos) return false;
    fields::CaptionCredit parts = fields::split_credit(text);
    if (parts.credit.empty() || parts.caption.empty()) return false;
    // Without markup, only an unmistakable photo credit will do: an agency
    // named at the end of a sentence ("..., Xinhua News Agency.") is not one.
    std::string credit = core::ascii_lower(parts.credit);
    // "photos © Inexhibit": the copyright sign marks the credit of the image just above.
    bool photo_credit =
        credit.find('/') != std::string::npos || text.find("\u00a9") != std::string_view::npos;
    for (std::string_view word : {"photo", "foto", "picture", "image", "getty"})
      photo_credit |= credit.find(word) != std::string::npos;
    if (!photo_credit) return false;
    NodeId shared = shared_ancestor(owner);
    if (shared == kNoNode) return false;
    add_figure_of(shared, last_image_, std::string(text));
    last_image_ = kNoNode;
    return true;
  }

  // The parent or grandparent of `caption` when it also holds the last image.
  NodeId shared_ancestor(NodeId caption) const {
    NodeId parent = doc_.parent(caption);
    NodeId grandparent = parent == kNoNode ? kNoNode : doc_.parent(parent);
    for (NodeId up = doc_.parent(last_image_); up != kNoNode; up = doc_.parent(up)) {
      if (up == parent || up == grandparent) return up;
      if (up == grandparent) break;
    }
    return kNoNode;
  }

  // A gallery's list of captions ("legends") after its list of slides: the
  // n-th item captions the n-th of the last images, when there are as many
  // and they sit beside the list.
  bool add_caption_list(NodeId list) {
    std::vector<NodeId> items;
    for (NodeId c = doc_.first_child(list); c != kNoNode; c = doc_.next_sibling(c))
      if (doc_.is(c, Tag::k_li)) items.push_back(c);
    if (items.size() < 2 || recent_images_.size() < items.size()) return false;
    const size_t first = recent_images_.size() - items.size();
    last_image_ = recent_images_[first];
    const NodeId shared = shared_ancestor(list);
    if (shared == kNoNode) return false;
    for (size_t i = 0; i < items.size(); ++i)
      add_figure_of(shared, recent_images_[first + i], visible_text(items[i]));
    recent_images_.clear();
    last_image_ = kNoNode;
    return true;
  }

  // A caption outside <figure>: pairs with the last image if that image sits
  // beside it (under the caption's parent or grandparent).
  bool add_caption(NodeId caption) {
    if (last_image_ == kNoNode) return false;
    NodeId shared = shared_ancestor(caption);
    if (shared == kNoNode) return false;
    add_figure_of(shared, last_image_, visible_text(caption));
    last_image_ = kNoNode;
    return true;
  }

  // Whether links cover most of the first `size` bytes of the buffer: a
  // linked entry of a list (a catalogue's "(page images at ...)"), not a
  // caption written under a photo.
  bool mostly_links(size_t size) const { return 2 * linked_bytes(0, size) > size; }

  // Bytes of [b, e) of the buffer inside links.
  size_t linked_bytes(size_t b, size_t e) const {
    size_t linked = 0;
    for (auto [ls, le] : link_spans_) {
      const size_t lo = std::max<size_t>(ls, b), hi = std::min<size_t>(le, e);
      if (hi > lo) linked += hi - lo;
    }
    return linked;
  }

  // Ends the current block. Outside <pre>, a blank line (<br><br>) inside
  // it separates paragraphs, as table-layout and forum pages write them.
  void flush() {
    if (!link_start_.empty())  // a block inside <a>: its text is link text
      link_spans_.push_back({link_start_.front(), static_cast<uint32_t>(buffer_.size())});
    const std::string_view t = buffer_;
    if (pre_depth_ == 0 && last_image_ != kNoNode && !owners_.empty() &&
        t.size() <= kMaxCaptionBytes && !mostly_links(t.size()) &&
        unmarked_caption(owners_.back(), core::trim(t))) {
      buffer_.clear();
      pending_space_ = false;
      link_spans_.clear();
      for (auto& s : link_start_) s = 0;
      return;
    }
    if (pre_depth_ > 0) {
      size_t b = 0, e = t.size();
      while (b < e && t[b] == '\n') ++b;
      while (e > b && (t[e - 1] == '\n' || t[e - 1] == ' ')) --e;
      emit(b, e);
    } else {
      const size_t first = out_.blocks.size();
      size_t piece = 0;
      for (size_t i = t.find("\n\n"); i != std::string_view::npos; i = t.find("\n\n", piece)) {
        emit_trimmed(piece, i);
        piece = i + 2;
      }
      emit_trimmed(piece, t.size());
      for (size_t i = first + 1; i < out_.blocks.size(); ++i) out_.blocks[i].continues = true;
    }
    buffer_.clear();
    pending_space_ = false;
    link_spans_.clear();
    for (auto& s : link_start_) s = 0;
  }

  void emit_trimmed(size_t b, size_t e) {
    const std::string_view t = buffer_;
    while (b < e && (t[b] == ' ' || t[b] == '\n' || t[b] == '\t')) ++b;
    while (e > b && (t[e - 1] == ' ' || t[e - 1] == '\n' || t[e - 1] == '\t')) --e;
    emit(b, e);
  }

  // Appends buffer_[b, e) as a block.
  void emit(size_t b, size_t e) {
    if (e <= b) return;
    TextBlock block;
    block.owner = owners_.empty() ? kNoNode : owners_.back();
    block.begin = static_cast<uint32_t>(out_.text.size());
    out_.text.append(buffer_, b, e - b);
    block.end = static_cast<uint32_t>(out_.text.size());
    block.link_bytes = static_cast<uint32_t>(linked_bytes(b, e));
    const Tag tag = block.owner == kNoNode ? Tag::kUnknown : doc_.tag(block.owner);
    block.level = heading_level(tag);
    if (block.level > 0)
      block.type = BlockType::kHeading;
    else if (pre_depth_ > 0)
      block.type = BlockType::kPreformatted;
    else if (quote_depth_ > 0)
      block.type = BlockType::kQuote;
    else if (list_depth_ > 0)
      block.type = BlockType::kList;
    else if (table_depth_ > 0)
      block.type = BlockType::kTable;
    out_.blocks.push_back(block);
  }

  const html::Document& doc_;
  const std::vector<Mark>& marks_;
  Segmentation& out_;
  std::string buffer_;
  bool pending_space_ = false;
  std::vector<NodeId> owners_;
  NodeId last_image_ = kNoNode;        // the last <img> met outside a <figure>
  std::vector<NodeId> recent_images_;  // images met since a caption list took some
  std::vector<uint32_t> link_start_;
  std::vector<std::pair<uint32_t, uint32_t>> link_spans_;  // [start, end) of links in buffer_
  bool cards_ = false;
  int hidden_depth_ = 0, quote_depth_ = 0, list_depth_ = 0, pre_depth_ = 0, table_depth_ = 0;
};

}  // namespace

void Segmentation::clear() {
  text.clear();
  blocks.clear();
  figures.clear();
}

void segment(const html::Document& doc, html::NodeId root, const std::vector<Mark>& marks,
             Segmentation& out, bool cards) {
  out.clear();
  Segmenter(doc, marks, out, cards).run(root);
}

}  // namespace lede::extraction
