#include "html/gumbo_parser.h"

#include <gumbo.h>

#include <string>
#include <vector>

#include "core/text.h"

namespace lede::html {
namespace {

// gumbo turns a numeric character reference past U+10FFFF ("&#11111111111;")
// into bytes that are not UTF-8, where HTML says U+FFFD. Every string taken
// from gumbo goes through this, so the Document holds only valid UTF-8.
// Returns `s` itself when it is valid (nearly always), else a repaired copy
// in `scratch`.
std::string_view valid_utf8(const char* text, std::string& scratch) {
  std::string_view s(text);
  auto bad = [](char32_t cp, size_t len) {
    return (cp == 0xFFFD && len != 3) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF ||
           (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
  };
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = core::next_code_point(s, i);
    if (bad(cp, i - start)) {
      i = start;
      break;
    }
  }
  if (i == s.size()) return s;
  scratch.assign(s.substr(0, i));
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = core::next_code_point(s, i);
    if (bad(cp, i - start))
      core::append_utf8(scratch, 0xFFFD);
    else
      scratch.append(s, start, i - start);
  }
  return scratch;
}

Namespace to_namespace(GumboNamespaceEnum ns) {
  switch (ns) {
    case GUMBO_NAMESPACE_SVG:
      return Namespace::kSvg;
    case GUMBO_NAMESPACE_MATHML:
      return Namespace::kMathMl;
    default:
      return Namespace::kHtml;
  }
}

// The element's name as lede stores it: lower-case for HTML, with SVG's
// camel-case names restored.
std::string element_name(const GumboElement& e) {
  if (e.tag != GUMBO_TAG_UNKNOWN) {
    std::string name = gumbo_normalized_tagname(e.tag);
    if (e.tag_namespace == GUMBO_NAMESPACE_SVG) {
      if (const char* svg = gumbo_normalize_svg_tagname(&e.original_tag)) name = svg;
    }
    return name;
  }
  GumboStringPiece piece = e.original_tag;
  gumbo_tag_from_original_text(&piece);
  std::string name(piece.data, piece.length);
  if (e.tag_namespace == GumboNamespaceEnum::GUMBO_NAMESPACE_SVG) {
    if (const char* svg = gumbo_normalize_svg_tagname(&piece)) return svg;
  }
  for (char& c : name)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return name;
}

struct Frame {
  const GumboNode* node;
  NodeId parent;
  uint32_t depth;
};

}  // namespace

void parse_with_gumbo(std::string_view utf8, Document& doc, const DomLimits& limits) {
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;
  GumboOutput* output = gumbo_parse_with_options(&options, utf8.data(), utf8.size());
  DocumentBuilder b(doc, limits);

  // Iterative pre-order copy: pages nest deeper than the call stack allows.
  std::vector<Frame> stack;
  const GumboVector& top = output->document->v.document.children;
  for (unsigned i = top.length; i-- > 0;)
    stack.push_back({static_cast<const GumboNode*>(top.data[i]), doc.root(), 1});
  bool depth_noted = false;
  std::string scratch, scratch2;  // for strings valid_utf8() must repair
  while (!stack.empty() && !b.full() && !b.out_of_time()) {
    Frame f = stack.back();
    stack.pop_back();
    const GumboNode* g = f.node;
    switch (g->type) {
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& e = g->v.element;
        std::string name = element_name(e);
        Tag tag = e.tag_namespace == GUMBO_NAMESPACE_HTML ? tag_from_name(name) : Tag::kUnknown;
        if (e.tag_namespace != GUMBO_NAMESPACE_HTML &&
            (e.tag == GUMBO_TAG_SVG || e.tag == GUMBO_TAG_MATH))
          tag = tag_from_name(name);
        NodeId n = b.create_element(tag, name, to_namespace(e.tag_namespace));
        if (n == kNoNode) break;
        for (unsigned i = 0; i < e.attributes.length; ++i) {
          auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
          b.add_attribute(n, valid_utf8(a->name, scratch), valid_utf8(a->value, scratch2));
        }
        b.append_child(f.parent, n);
        NodeId child_parent = n;
        uint32_t child_depth = f.depth + 1;
        if (child_depth > limits.max_depth) {
          child_parent = f.parent;  // flatten: keep the content, drop the nesting
          child_depth = f.depth;
          if (!depth_noted) b.note_limit("max_depth (" + std::to_string(limits.max_depth) + ")");
          depth_noted = true;
        }
        for (unsigned i = e.children.length; i-- > 0;)
          stack.push_back(
              {static_cast<const GumboNode*>(e.children.data[i]), child_parent, child_depth});
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        b.append_text(f.parent, valid_utf8(g->v.text.text, scratch));
        break;
      case GUMBO_NODE_COMMENT:
        b.append_child(f.parent, b.create_comment(valid_utf8(g->v.text.text, scratch)));
        break;
      case GUMBO_NODE_DOCUMENT:
        break;
    }
  }
  gumbo_destroy_output(&options, output);
}

}  // namespace lede::html
