// Test helpers: the html5lib tree-construction dump format for a Document,
// used by the conformance runner, the differential test and unit tests.
#pragma once

#include <string>

#include "html/dom.h"
#include "html/tree_builder.h"

namespace lede::html::testing {

// The html5lib "#document" dump of `doc` ("| <html>", "|   <head>", ...),
// one line per node, attributes sorted, template contents under "content".
// `doctype` is written in its place among the document's children when present.
std::string dump_document(const Document &doc, const DoctypeInfo *doctype);

// The dump of the children of `parent` (for fragments: the <html> wrapper).
std::string dump_children(const Document &doc, NodeId parent);

}  // namespace lede::html::testing
