// HTTP/1.x messages as web archives store them: the response header, and
// the payload with its transfer and content encodings undone.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lede/result.h"

namespace lede::input {

struct HttpHead {
  int status = 0;
  std::string content_type;       // the header's value, as sent
  std::string content_encoding;   // lower case, "" when absent
  std::string transfer_encoding;  // lower case, "" when absent
  size_t size = 0;                // bytes of the status line and header, with the blank line
};

// Parses "HTTP/1.1 200 OK" and the header lines after it, up to the blank
// line. Fails with kBadArchive when `message` does not start a response.
Result<HttpHead> parse_http_head(std::string_view message);

// The media type of a Content-Type value: lower case, without parameters.
std::string media_type(std::string_view content_type);

// Undoes Transfer-Encoding: chunked. A payload cut short keeps the chunks
// that arrived, as crawlers truncate long downloads, and `truncated` (when
// given) says so; a payload that does not start with a chunk size is
// returned as it is (some writers store it de-chunked and keep the
// header). Fails with kTooLarge past max_bytes.
Result<std::string> dechunk(std::string_view body, uint64_t max_bytes,
                            std::string* truncated = nullptr);

// Undoes Content-Encoding gzip, x-gzip or deflate (zlib-wrapped or raw).
// A payload that is evidently not compressed is returned as it is; a
// truncated one, or one corrupt part way, keeps what inflated and
// `truncated` (when given) says so (see inflate_stream). Fails with
// kBadArchive on corrupt data that gives nothing, kTooLarge past max_bytes,
// kNotHtml for an encoding lede cannot undo.
Result<std::string> decode_content(std::string_view body, std::string_view encoding,
                                   uint64_t max_bytes, std::string* truncated = nullptr);

}  // namespace lede::input
