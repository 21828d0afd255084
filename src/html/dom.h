// lede's document tree: compact, arena-backed and read-only once built and its
// streamed segments placed (place_streamed_segments).
//
// Every stage after parsing sees only this tree, so the parser behind it can
// change without touching them. Nodes live in one vector and refer to each
// other by index (NodeId); names, text and attribute values live in one string
// pool. Nothing is allocated per node, and a Document reused across pages keeps
// its capacity.
//
//   for (NodeId c = doc.first_child(n); c != kNoNode; c = doc.next_sibling(c))
//     if (doc.is(c, Tag::k_p)) use(doc.text(doc.first_child(c)));
//
// Thread safety: a const Document may be read from many threads; building is
// single-threaded.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/deadline.h"
#include "html/tags.h"

namespace lede::html {

using NodeId = uint32_t;
inline constexpr NodeId kNoNode = 0xFFFFFFFFu;

enum class NodeKind : uint8_t { kDocument, kElement, kText, kComment };
enum class Namespace : uint8_t { kHtml, kSvg, kMathMl };

// A [offset, offset + length) slice of the Document's string pool.
struct PoolRef {
  uint32_t offset = 0;
  uint32_t length = 0;
};

struct Attribute {
  PoolRef name;  // lower-case for HTML elements, as adjusted by the parser otherwise
  PoolRef value;
};

// Caps on what one page may build. The builder stops adding nodes at
// max_nodes and records that a limit was hit; parsers stop descending at
// max_depth (deeper content is attached at the deepest allowed level).
struct DomLimits {
  uint32_t max_nodes = 2'000'000;  // about 80 MB of nodes; real pages stay under 50,000
  uint32_t max_depth = 512;        // browsers render far less; deeper pages are attacks
  // Building stops, as when full, once this expires (noted as "max_millis").
  // Not owned; nullptr for no time limit.
  core::Deadline* deadline = nullptr;
};

class Document {
 public:
  NodeId root() const { return 0; }
  size_t node_count() const { return nodes_.size(); }

  NodeKind kind(NodeId n) const { return nodes_[n].kind; }
  Tag tag(NodeId n) const { return nodes_[n].tag; }
  Namespace ns(NodeId n) const { return nodes_[n].ns; }
  bool is_element(NodeId n) const { return nodes_[n].kind == NodeKind::kElement; }
  bool is_text(NodeId n) const { return nodes_[n].kind == NodeKind::kText; }
  // True for an HTML-namespace element with this tag.
  bool is(NodeId n, Tag t) const {
    return nodes_[n].tag == t && nodes_[n].kind == NodeKind::kElement &&
           nodes_[n].ns == Namespace::kHtml;
  }

  // Element: its lower-case tag name. Text and comment: their data (UTF-8).
  std::string_view name(NodeId n) const;
  std::string_view text(NodeId n) const { return view(nodes_[n].data); }

  NodeId parent(NodeId n) const { return nodes_[n].parent; }
  NodeId first_child(NodeId n) const { return nodes_[n].first_child; }
  NodeId last_child(NodeId n) const { return nodes_[n].last_child; }
  NodeId next_sibling(NodeId n) const { return nodes_[n].next_sibling; }
  NodeId prev_sibling(NodeId n) const { return nodes_[n].prev_sibling; }

  // The next node in document order inside the subtree of `scope`, or kNoNode.
  // Pass skip_children to step over n's subtree.
  NodeId next_in(NodeId n, NodeId scope, bool skip_children = false) const;

  std::span<const Attribute> attributes(NodeId n) const {
    const Node& node = nodes_[n];
    return {attrs_.data() + node.attr_begin, node.attr_count};
  }
  std::string_view view(PoolRef r) const { return {pool_.data() + r.offset, r.length}; }
  // The value of attribute `name` (lower-case), or "" when absent.
  std::string_view attr(NodeId n, std::string_view name) const;
  bool has_attr(NodeId n, std::string_view name) const;

  // Non-empty when building hit a DomLimits cap: which one, for a warning.
  const std::string& limit_hit() const { return limit_hit_; }

 private:
  friend class DocumentBuilder;
  friend void place_streamed_segments(Document& doc, uint32_t max_depth);

  // Tree links, for the builder and for what a page's scripts do once it is
  // built (place_streamed_segments): child goes before ref, a child of parent
  // (kNoNode: last), leaving its old place; unlink takes n out with its children.
  void link(NodeId parent, NodeId child, NodeId ref);
  void unlink(NodeId n);

  struct Node {
    NodeId parent = kNoNode;
    NodeId first_child = kNoNode;
    NodeId last_child = kNoNode;
    NodeId prev_sibling = kNoNode;
    NodeId next_sibling = kNoNode;
    PoolRef data;  // text or comment data; the name of an unknown element
    uint32_t attr_begin = 0;
    uint32_t attr_count = 0;
    Tag tag = Tag::kUnknown;
    NodeKind kind = NodeKind::kElement;
    Namespace ns = Namespace::kHtml;
  };

  std::vector<Node> nodes_;
  std::vector<Attribute> attrs_;
  std::string pool_;
  std::string limit_hit_;
};

// What React's streaming runtime does once a page's scripts run: content
// that arrived after the page's shell, each <div hidden id="S:x">, takes the
// place of its placeholder, a <template id="P:x"> ($RS), or of the fallback
// of its boundary, from <template id="B:x"> to the boundary's closing
// comment <!--/$--> ($RC). Segments may hold other segments' placeholders;
// a segment without its placeholder (or inside it), or whose content would
// stand deeper than max_depth there, stays where it is.
void place_streamed_segments(Document& doc, uint32_t max_depth);

// Builds a Document. Parsers create nodes, then link them; links may be
// changed freely while building (the HTML tree-construction algorithm moves
// nodes), and the Document is read-only afterwards.
class DocumentBuilder {
 public:
  // Clears `doc` (keeping its capacity) and gives it a document root.
  DocumentBuilder(Document& doc, DomLimits limits);

  Document& document() { return doc_; }
  // True once max_nodes is reached; create_* then return kNoNode.
  bool full() const { return full_; }
  // Polls limits().deadline; once it has expired the builder is full and the
  // limit is noted. Parsers call it once per token or node.
  bool out_of_time();
  const DomLimits& limits() const { return limits_; }
  void note_limit(std::string what);

  // `name` is used only when tag is Tag::kUnknown (or for foreign elements,
  // whose names keep their case, e.g. "foreignObject").
  NodeId create_element(Tag tag, std::string_view name, Namespace ns = Namespace::kHtml);
  NodeId create_text(std::string_view data);
  NodeId create_comment(std::string_view data);

  // Adds an attribute to element n. Cheapest when n is the element created
  // last; otherwise n's attributes are moved to the end of the table first.
  void add_attribute(NodeId n, std::string_view name, std::string_view value);

  void append_child(NodeId parent, NodeId child);
  // Inserts child before ref (a child of parent); ref == kNoNode appends.
  void insert_before(NodeId parent, NodeId child, NodeId ref);
  // Unlinks n from its parent; n keeps its own children.
  void detach(NodeId n);
  // Moves all children of `from` to the end of `to`'s children.
  void move_children(NodeId from, NodeId to);

  // Appends text to parent, merging it into a text node that ends the
  // children of parent (or precedes ref, when given), as HTML requires.
  void append_text(NodeId parent, std::string_view data, NodeId ref = kNoNode);

 private:
  NodeId new_node(NodeKind kind);
  PoolRef store(std::string_view s);

  Document& doc_;
  DomLimits limits_;
  bool full_ = false;
};

}  // namespace lede::html
