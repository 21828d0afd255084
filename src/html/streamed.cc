// Streamed segments put in place, as React's runtime does once scripts run.
//
// A server that streams a page sends its shell first, with a placeholder for
// each part not ready yet; each part follows at the end of the body, hidden,
// with a line of script that moves it into place:
//
//   <!--$?--><template id="B:0"></template><p>Loading...</p><!--/$-->
//   ...
//   <div hidden id="S:0"><p>The article's text.</p></div>
//   <script>$RC("B:0","S:0")</script>
//
// Without scripts the text stays hidden at the end of the page, apart from its
// headline and out of the order it is read in. The pairs share their name
// after the colon; saved pages often lose the scripts, so the names alone
// decide.
#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "html/dom.h"

namespace lede::html {
namespace {

// The name a segment shares with its placeholder: "x" of "S:x", "P:x", "B:x".
std::string_view streamed_name(std::string_view id, char kind) {
  if (id.size() < 3 || id[0] != kind || id[1] != ':') return {};
  return id.substr(2);
}

bool is_inside(const Document& doc, NodeId n, NodeId outer) {
  for (; n != kNoNode; n = doc.parent(n))
    if (n == outer) return true;
  return false;
}

// A boundary's fallback is a spinner or a skeleton of a few elements: the
// search for its end stops after this many siblings (else a page of thousands
// of unclosed boundaries would take a time quadratic in their number).
constexpr int kMaxFallbackNodes = 256;

// The comment that closes the boundary opened right before `from`, or kNoNode
// when the boundary is not closed among its next kMaxFallbackNodes siblings.
NodeId boundary_end(const Document& doc, NodeId from) {
  int open = 0, seen = 0;
  for (NodeId n = doc.next_sibling(from); n != kNoNode && seen < kMaxFallbackNodes;
       n = doc.next_sibling(n), ++seen) {
    if (doc.kind(n) != NodeKind::kComment) continue;
    const std::string_view data = doc.text(n);
    if (data == "/$") {
      if (open == 0) return n;
      --open;
    } else if (data == "$" || data == "$?" || data == "$!") {
      ++open;
    }
  }
  return kNoNode;
}

uint32_t depth_of(const Document& doc, NodeId n) {
  uint32_t depth = 0;
  for (NodeId up = doc.parent(n); up != kNoNode; up = doc.parent(up)) ++depth;
  return depth;
}

// How many levels n's subtree spans below n, walking at most `budget` more
// nodes; nullopt once the budget is spent.
std::optional<uint32_t> height_of(const Document& doc, NodeId n, size_t& budget) {
  uint32_t height = 0, depth = 0;
  for (NodeId d = n; d != kNoNode;) {
    if (budget == 0) return std::nullopt;
    --budget;
    height = std::max(height, depth);
    if (doc.first_child(d) != kNoNode) {
      d = doc.first_child(d);
      ++depth;
      continue;
    }
    while (d != n && doc.next_sibling(d) == kNoNode) {
      d = doc.parent(d);
      --depth;
    }
    d = d == n ? kNoNode : doc.next_sibling(d);
  }
  return height;
}

}  // namespace

void place_streamed_segments(Document& doc, uint32_t max_depth) {
  // Placeholders are templates, which pages rarely hold: most pages stop here.
  std::unordered_map<std::string_view, NodeId> placeholders;
  for (NodeId n = 0; n < doc.node_count(); ++n) {
    if (!doc.is(n, Tag::k_template)) continue;
    const std::string_view id = doc.attr(n, "id");
    std::string_view name = streamed_name(id, 'P');
    if (name.empty()) name = streamed_name(id, 'B');
    if (!name.empty()) placeholders.emplace(name, n);
  }
  if (placeholders.empty()) return;
  std::vector<std::pair<NodeId, NodeId>> moves;  // segment, placeholder
  for (NodeId n = 0; n < doc.node_count(); ++n) {
    if (!doc.is_element(n) || !doc.has_attr(n, "hidden")) continue;
    const std::string_view name = streamed_name(doc.attr(n, "id"), 'S');
    if (name.empty()) continue;
    if (auto it = placeholders.find(name); it != placeholders.end())
      moves.emplace_back(n, it->second);
  }
  // Placing segments inside segments walks their nodes again: the walks
  // stop at a few times the page's nodes, and what is left stays in place.
  size_t budget = 4 * doc.node_count();
  for (const auto& [segment, placeholder] : moves) {
    const NodeId parent = doc.parent(placeholder);
    // A placeholder inside its own segment would make the tree a loop.
    if (parent == kNoNode || is_inside(doc, placeholder, segment)) continue;
    // The content must not stand deeper than the parser lets any element.
    const std::optional<uint32_t> height = height_of(doc, segment, budget);
    if (!height) break;
    if (depth_of(doc, placeholder) + *height > max_depth + 1) continue;
    NodeId at = placeholder;
    if (doc.attr(placeholder, "id")[0] == 'B') {
      // A boundary's fallback (a spinner, a skeleton) gives way to the content.
      const NodeId end = boundary_end(doc, placeholder);
      if (end != kNoNode) {
        while (doc.next_sibling(placeholder) != end) doc.unlink(doc.next_sibling(placeholder));
        at = end;
      }
    }
    while (doc.first_child(segment) != kNoNode) doc.link(parent, doc.first_child(segment), at);
    doc.unlink(placeholder);
    doc.unlink(segment);
  }
}

}  // namespace lede::html
