#include "html/parse.h"

#include "html/gumbo_parser.h"
#include "html/lede_parser.h"

namespace lede::html {

void parse(std::string_view utf8, Document& doc, const DomLimits& limits, ParserKind parser) {
  switch (parser) {
    case ParserKind::kGumbo:
      parse_with_gumbo(utf8, doc, limits);
      return;
    case ParserKind::kLede: {
      // One parser per thread keeps its buffers from page to page.
      thread_local Parser lede_parser;
      lede_parser.parse(utf8, doc, limits);
      return;
    }
  }
}

}  // namespace lede::html
