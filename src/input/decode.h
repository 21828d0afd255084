// Turning raw page bytes into valid UTF-8.
//
// Order of evidence, as browsers use it: a byte-order mark; the charset of
// the HTTP Content-Type header; a <meta charset> or http-equiv declaration
// in the first bytes of the page; and, when nothing is declared or the
// declaration is clearly wrong, statistical detection (uchardet).
// Conversion is ICU's; invalid sequences become U+FFFD, never pass through.
#pragma once

#include <string>
#include <string_view>

#include "lede/result.h"

namespace lede::input {

struct Decoded {
  std::string utf8;
  std::string charset;    // lower-case name of the charset decoded from
  bool replaced = false;  // some bytes were invalid and became U+FFFD
  // The charset the page or server declared when the bytes were read as
  // UTF-8 instead (they were valid UTF-8); "" otherwise.
  std::string declared;
};

// The charset a page declares in its first bytes (meta charset or
// http-equiv Content-Type), lower-case, or "" when none.
std::string sniff_meta_charset(std::string_view bytes);

// The charset named in a Content-Type header value, or "".
std::string charset_from_content_type(std::string_view content_type);

// True when `bytes` is entirely valid UTF-8.
bool is_valid_utf8(std::string_view bytes);

// True when the bytes look like binary data rather than text (NUL bytes
// and control characters in the first kilobytes).
bool looks_binary(std::string_view bytes);

// Decodes `bytes` to UTF-8. `declared` is an outside declaration (HTTP
// header), "" when none. Fails only on binary data (kNotHtml).
Result<Decoded> decode_to_utf8(std::string_view bytes, std::string_view declared,
                               bool sniff_markup = true);

}  // namespace lede::input
