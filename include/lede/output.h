// Writing Article records: JSON (one line, or indented), plain text, Markdown.
#pragma once

#include <string>

#include "lede/article.h"
#include "lede/result.h"

namespace lede {

// One JSON object; `indent` > 0 pretty-prints with that many spaces.
std::string to_json(const Article& article, int indent = 0);
// An error record: {"error": {"code": ..., "message": ...}, "source": {...}}.
std::string error_to_json(const Error& error, const Source& source, int indent = 0);
// The title, a blank line, then the body.
std::string to_text(const Article& article);
// The title as "# ", headings, lists and quotes in Markdown, captions as image lines.
std::string to_markdown(const Article& article);

}  // namespace lede
