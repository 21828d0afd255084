#include "html/dom.h"

#include <algorithm>
#include <limits>

namespace lede::html {

std::string_view Document::name(NodeId n) const {
  const Node& node = nodes_[n];
  if (node.kind != NodeKind::kElement) return {};
  if (node.data.length > 0) return view(node.data);
  return tag_name(node.tag);
}

NodeId Document::next_in(NodeId n, NodeId scope, bool skip_children) const {
  if (!skip_children && nodes_[n].first_child != kNoNode) return nodes_[n].first_child;
  while (n != scope && n != kNoNode) {
    if (nodes_[n].next_sibling != kNoNode) return nodes_[n].next_sibling;
    n = nodes_[n].parent;
  }
  return kNoNode;
}

std::string_view Document::attr(NodeId n, std::string_view name) const {
  for (const Attribute& a : attributes(n))
    if (view(a.name) == name) return view(a.value);
  return {};
}

bool Document::has_attr(NodeId n, std::string_view name) const {
  for (const Attribute& a : attributes(n))
    if (view(a.name) == name) return true;
  return false;
}

DocumentBuilder::DocumentBuilder(Document& doc, DomLimits limits) : doc_(doc), limits_(limits) {
  doc_.nodes_.clear();
  doc_.attrs_.clear();
  doc_.pool_.clear();
  doc_.limit_hit_.clear();
  new_node(NodeKind::kDocument);
}

void DocumentBuilder::note_limit(std::string what) {
  if (doc_.limit_hit_.empty()) doc_.limit_hit_ = std::move(what);
}

bool DocumentBuilder::out_of_time() {
  if (full_ || limits_.deadline == nullptr || !limits_.deadline->expired()) return false;
  note_limit("max_millis");
  full_ = true;
  return true;
}

NodeId DocumentBuilder::new_node(NodeKind kind) {
  if (doc_.nodes_.size() >= limits_.max_nodes) {
    if (!full_) note_limit("max_nodes (" + std::to_string(limits_.max_nodes) + ")");
    full_ = true;
    return kNoNode;
  }
  doc_.nodes_.emplace_back();
  doc_.nodes_.back().kind = kind;
  return static_cast<NodeId>(doc_.nodes_.size() - 1);
}

PoolRef DocumentBuilder::store(std::string_view s) {
  // The pool is addressed with 32-bit offsets; input limits keep pages far below 4 GB.
  PoolRef r{static_cast<uint32_t>(doc_.pool_.size()), static_cast<uint32_t>(s.size())};
  doc_.pool_.append(s);
  return r;
}

NodeId DocumentBuilder::create_element(Tag tag, std::string_view name, Namespace ns) {
  NodeId n = new_node(NodeKind::kElement);
  if (n == kNoNode) return n;
  auto& node = doc_.nodes_[n];
  node.tag = tag;
  node.ns = ns;
  node.attr_begin = static_cast<uint32_t>(doc_.attrs_.size());
  if (tag == Tag::kUnknown || name != tag_name(tag)) node.data = store(name);
  return n;
}

NodeId DocumentBuilder::create_text(std::string_view data) {
  NodeId n = new_node(NodeKind::kText);
  if (n != kNoNode) doc_.nodes_[n].data = store(data);
  return n;
}

NodeId DocumentBuilder::create_comment(std::string_view data) {
  NodeId n = new_node(NodeKind::kComment);
  if (n != kNoNode) doc_.nodes_[n].data = store(data);
  return n;
}

void DocumentBuilder::add_attribute(NodeId n, std::string_view name, std::string_view value) {
  auto& attrs = doc_.attrs_;
  auto& node = doc_.nodes_[n];
  if (node.attr_begin + node.attr_count != attrs.size()) {
    // Not at the end of the table: move this element's attributes there.
    uint32_t begin = static_cast<uint32_t>(attrs.size());
    for (uint32_t i = 0; i < node.attr_count; ++i) attrs.push_back(attrs[node.attr_begin + i]);
    node.attr_begin = begin;
  }
  attrs.push_back(Attribute{store(name), store(value)});
  ++node.attr_count;
}

void DocumentBuilder::append_child(NodeId parent, NodeId child) {
  insert_before(parent, child, kNoNode);
}

void DocumentBuilder::insert_before(NodeId parent, NodeId child, NodeId ref) {
  if (parent == kNoNode || child == kNoNode) return;
  doc_.link(parent, child, ref);
}

void DocumentBuilder::detach(NodeId n) { doc_.unlink(n); }

void Document::link(NodeId parent, NodeId child, NodeId ref) {
  if (nodes_[child].parent != kNoNode) unlink(child);
  auto& c = nodes_[child];
  c.parent = parent;
  if (ref == kNoNode) {
    c.prev_sibling = nodes_[parent].last_child;
    c.next_sibling = kNoNode;
    if (c.prev_sibling != kNoNode)
      nodes_[c.prev_sibling].next_sibling = child;
    else
      nodes_[parent].first_child = child;
    nodes_[parent].last_child = child;
  } else {
    c.next_sibling = ref;
    c.prev_sibling = nodes_[ref].prev_sibling;
    if (c.prev_sibling != kNoNode)
      nodes_[c.prev_sibling].next_sibling = child;
    else
      nodes_[parent].first_child = child;
    nodes_[ref].prev_sibling = child;
  }
}

void Document::unlink(NodeId n) {
  auto& node = nodes_[n];
  if (node.parent == kNoNode) return;
  auto& parent = nodes_[node.parent];
  if (node.prev_sibling != kNoNode)
    nodes_[node.prev_sibling].next_sibling = node.next_sibling;
  else
    parent.first_child = node.next_sibling;
  if (node.next_sibling != kNoNode)
    nodes_[node.next_sibling].prev_sibling = node.prev_sibling;
  else
    parent.last_child = node.prev_sibling;
  node.parent = node.prev_sibling = node.next_sibling = kNoNode;
}

void DocumentBuilder::move_children(NodeId from, NodeId to) {
  while (doc_.nodes_[from].first_child != kNoNode) append_child(to, doc_.nodes_[from].first_child);
}

void DocumentBuilder::append_text(NodeId parent, std::string_view data, NodeId ref) {
  if (parent == kNoNode || data.empty()) return;
  auto& nodes = doc_.nodes_;
  NodeId prev = ref == kNoNode ? nodes[parent].last_child : nodes[ref].prev_sibling;
  if (prev != kNoNode && nodes[prev].kind == NodeKind::kText) {
    PoolRef& d = nodes[prev].data;
    if (d.offset + d.length != doc_.pool_.size()) {
      // Not at the end of the pool: copy it there so it can grow in place.
      uint32_t offset = static_cast<uint32_t>(doc_.pool_.size());
      doc_.pool_.append(doc_.pool_, d.offset, d.length);
      d.offset = offset;
    }
    doc_.pool_.append(data);
    d.length += static_cast<uint32_t>(data.size());
    return;
  }
  NodeId t = create_text(data);
  insert_before(parent, t, ref);
}

}  // namespace lede::html
