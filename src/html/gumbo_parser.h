// Adapter from gumbo's tree to lede's Document.
#pragma once

#include <string_view>

#include "html/dom.h"

namespace lede::html {

// Parses with gumbo (max_errors = 0, so no error list is kept) and copies the
// tree into `doc`. Nodes below limits.max_depth are attached to their
// deepest allowed ancestor.
void parse_with_gumbo(std::string_view utf8, Document& doc, const DomLimits& limits);

}  // namespace lede::html
