// lede's own HTML5 parser: the WHATWG tokenizer and tree builder writing
// straight into the arena Document, with no tree of its own in between.
//
//   lede::html::Parser parser;             // keep it: its buffers are reused
//   lede::html::Document doc;
//   parser.parse(utf8, doc, lede::html::DomLimits{});
//
// Scripting is off (<noscript> content is parsed as markup). Time and memory
// are linear in the input, hostile input included. A Parser is not
// thread-safe; use one per thread.
#pragma once

#include <memory>
#include <string_view>

#include "html/dom.h"
#include "html/tree_builder.h"

namespace lede::html {

class Parser {
 public:
  Parser();
  ~Parser();
  Parser(const Parser &) = delete;
  Parser &operator=(const Parser &) = delete;

  // Parses a whole UTF-8 document into `doc`, replacing its content.
  void parse(std::string_view utf8, Document &doc, const DomLimits &limits);

  // Parses `utf8` as the inner HTML of an element named `context_name` in
  // namespace `context_ns`; the nodes end up under an <html> element, the
  // only child of doc.root().
  void parse_fragment(std::string_view utf8, std::string_view context_name, Namespace context_ns,
                      Document &doc, const DomLimits &limits);

  // About the last document parsed.
  const DoctypeInfo &doctype() const { return builder_->doctype(); }
  QuirksMode quirks_mode() const { return builder_->quirks_mode(); }

 private:
  std::unique_ptr<TreeBuilder> builder_;
};

}  // namespace lede::html
