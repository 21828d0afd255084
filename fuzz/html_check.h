// Structural invariants of a parsed Document, shared by the two HTML targets.
#pragma once

#include "fuzz_support.h"
#include "html/parse.h"

namespace lede::fuzz {

// Every node is reachable once from the root, links agree both ways, the
// tree is no deeper than the limit allows and texts are valid UTF-8.
inline void check_document(const html::Document& doc, const html::DomLimits& limits) {
  using html::kNoNode;
  using html::NodeId;
  check(doc.node_count() <= static_cast<size_t>(limits.max_nodes) + 1, "node count over the cap");
  size_t seen = 0;
  uint32_t depth = 0;
  NodeId n = doc.root();
  while (n != kNoNode) {
    ++seen;
    check(seen <= doc.node_count(), "tree walk visits more nodes than exist (a cycle)");
    // Generous: the cap bounds open elements; the tree may add a few wrappers.
    check(depth <= limits.max_depth + 16, "tree deeper than max_depth");
    if (doc.is_text(n)) check(to_valid_utf8(doc.text(n)) == doc.text(n), "text not UTF-8");
    for (const html::Attribute& a : doc.attributes(n)) {
      check(to_valid_utf8(doc.view(a.value)) == doc.view(a.value), "attribute value not UTF-8");
      doc.view(a.name);
    }
    NodeId c = doc.first_child(n);
    if (c != kNoNode) {
      check(doc.parent(c) == n, "first child's parent is not the node");
      check(doc.prev_sibling(c) == kNoNode, "first child has a previous sibling");
      n = c;
      ++depth;
      continue;
    }
    while (n != kNoNode && doc.next_sibling(n) == kNoNode) {
      NodeId p = doc.parent(n);
      if (p != kNoNode) check(doc.last_child(p) == n, "last child link disagrees");
      n = p;
      if (depth) --depth;
    }
    if (n != kNoNode) {
      NodeId s = doc.next_sibling(n);
      check(doc.prev_sibling(s) == n, "sibling links disagree");
      check(doc.parent(s) == doc.parent(n), "siblings with different parents");
      n = s;
    }
  }
}

}  // namespace lede::fuzz
