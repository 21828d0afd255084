#include "html/lede_parser.h"

namespace lede::html {

Parser::Parser() : builder_(std::make_unique<TreeBuilder>()) {}
Parser::~Parser() = default;

void Parser::parse(std::string_view utf8, Document &doc, const DomLimits &limits) {
  builder_->parse(utf8, doc, limits);
}

void Parser::parse_fragment(std::string_view utf8, std::string_view context_name,
                            Namespace context_ns, Document &doc, const DomLimits &limits) {
  builder_->parse_fragment(utf8, context_name, context_ns, doc, limits);
}

}  // namespace lede::html
