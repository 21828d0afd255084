// Parsing UTF-8 HTML into a Document. The choice of parser stops here: every
// later stage reads only the Document.
#pragma once

#include <string_view>

#include "html/dom.h"

namespace lede::html {

enum class ParserKind {
  kGumbo,  // Google's gumbo (HTML5-conformant, unmaintained); the reference
  kLede,   // lede's own WHATWG parser (html/lede_parser.h), writing the Document directly
};

// Parses `utf8` (must be valid UTF-8) into `doc`, replacing its content.
// Never fails: malformed HTML is repaired as browsers do, and limits hit are
// reported by doc.limit_hit().
void parse(std::string_view utf8, Document& doc, const DomLimits& limits,
           ParserKind parser = ParserKind::kLede);

}  // namespace lede::html
