// HTML named character references (&amp;, &eacute;, ...), the full table of
// the HTML standard, generated into entities_table.inc by
// scripts/gen_html_entities.py.
#pragma once

#include <cstddef>
#include <string_view>

namespace lede::html {

struct EntityMatch {
  size_t length = 0;       // characters of the name consumed (after '&'); 0: no match
  std::string_view value;  // the replacement, UTF-8
};

// The longest named reference that is a prefix of `s` (the text after '&').
// Names ending without ';' match only for the legacy references that HTML
// allows without it.
EntityMatch match_named_entity(std::string_view s);

}  // namespace lede::html
