#include "tree_dump.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace lede::html::testing {
namespace {

// Foreign attributes print with a space between prefix and local name.
std::string display_attribute(std::string_view name, Namespace ns) {
  if (ns != Namespace::kHtml) {
    constexpr std::string_view kAdjusted[] = {
        "xlink:actuate", "xlink:arcrole", "xlink:href", "xlink:role", "xlink:show",
        "xlink:title",   "xlink:type",    "xml:lang",   "xml:space",  "xmlns:xlink"};
    for (std::string_view a : kAdjusted) {
      if (name == a) {
        std::string s(name);
        s[s.find(':')] = ' ';
        return s;
      }
    }
  }
  return std::string(name);
}

void dump_node(const Document &doc, NodeId n, int indent, std::string &out) {
  auto line = [&](int level) {
    out += "| ";
    out.append(static_cast<size_t>(level) * 2, ' ');
  };
  switch (doc.kind(n)) {
    case NodeKind::kText:
      line(indent);
      out += '"';
      out += doc.text(n);
      out += "\"\n";
      return;
    case NodeKind::kComment:
      line(indent);
      out += "<!-- ";
      out += doc.text(n);
      out += " -->\n";
      return;
    case NodeKind::kDocument:
      return;
    case NodeKind::kElement:
      break;
  }
  line(indent);
  out += '<';
  if (doc.ns(n) == Namespace::kSvg) out += "svg ";
  if (doc.ns(n) == Namespace::kMathMl) out += "math ";
  out += doc.name(n);
  out += ">\n";
  std::vector<std::pair<std::string, std::string_view>> attrs;
  for (const Attribute &a : doc.attributes(n))
    attrs.emplace_back(display_attribute(doc.view(a.name), doc.ns(n)), doc.view(a.value));
  std::sort(attrs.begin(), attrs.end());
  for (const auto &[name, value] : attrs) {
    line(indent + 1);
    out += name;
    out += "=\"";
    out += value;
    out += "\"\n";
  }
  int child_indent = indent + 1;
  if (doc.is(n, Tag::k_template)) {
    line(indent + 1);
    out += "content\n";
    child_indent = indent + 2;
  }
  for (NodeId c = doc.first_child(n); c != kNoNode; c = doc.next_sibling(c))
    dump_node(doc, c, child_indent, out);
}

}  // namespace

std::string dump_children(const Document &doc, NodeId parent) {
  std::string out;
  for (NodeId c = doc.first_child(parent); c != kNoNode; c = doc.next_sibling(c))
    dump_node(doc, c, 0, out);
  return out;
}

std::string dump_document(const Document &doc, const DoctypeInfo *doctype) {
  std::string out;
  uint32_t index = 0;
  auto write_doctype = [&] {
    out += "| <!DOCTYPE ";
    out += doctype->name;
    if (doctype->has_public_id || doctype->has_system_id) {
      out += " \"" + doctype->public_id + "\" \"" + doctype->system_id + "\"";
    }
    out += ">\n";
  };
  for (NodeId c = doc.first_child(doc.root()); c != kNoNode; c = doc.next_sibling(c)) {
    if (doctype != nullptr && doctype->present && doctype->index == index) write_doctype();
    dump_node(doc, c, 0, out);
    ++index;
  }
  if (doctype != nullptr && doctype->present && doctype->index >= index) write_doctype();
  return out;
}

}  // namespace lede::html::testing
