#include "input/http.h"

#include <zlib.h>

#include <algorithm>

#include "core/text.h"
#include "input/read.h"

namespace lede::input {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

std::string too_large(uint64_t max_bytes) {
  return "the payload decodes past the input limit of " + std::to_string(max_bytes) +
         " bytes (max_input_bytes)";
}

}  // namespace

Result<HttpHead> parse_http_head(std::string_view message) {
  HttpHead head;
  if (message.substr(0, 5) != "HTTP/")
    return make_error(ErrorCode::kBadArchive, "the record does not hold an HTTP response");
  size_t end = message.find("\r\n\r\n");
  size_t blank = 4;
  if (end == std::string_view::npos) {
    end = message.find("\n\n");
    blank = 2;
  }
  if (end == std::string_view::npos) {
    // A header with no payload may end without the blank line.
    end = message.size();
    blank = 0;
  }
  head.size = end + blank;
  std::string_view lines = message.substr(0, end);
  size_t eol = lines.find('\n');
  std::string_view status_line = trim(lines.substr(0, eol));
  size_t space = status_line.find(' ');
  if (space == std::string_view::npos)
    return make_error(ErrorCode::kBadArchive, "malformed HTTP status line");
  std::string_view code = status_line.substr(space + 1, 3);
  if (code.size() != 3 ||
      !std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return make_error(ErrorCode::kBadArchive, "malformed HTTP status line");
  head.status = (code[0] - '0') * 100 + (code[1] - '0') * 10 + (code[2] - '0');
  while (eol != std::string_view::npos) {
    size_t start = eol + 1;
    eol = lines.find('\n', start);
    std::string_view line = lines.substr(start, eol == std::string_view::npos ? eol : eol - start);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = trim(line.substr(0, colon));
    std::string_view value = trim(line.substr(colon + 1));
    if (core::iequals(name, "content-type"))
      head.content_type = std::string(value);
    else if (core::iequals(name, "content-encoding"))
      head.content_encoding = core::ascii_lower(value);
    else if (core::iequals(name, "transfer-encoding"))
      head.transfer_encoding = core::ascii_lower(value);
  }
  return head;
}

std::string media_type(std::string_view content_type) {
  return core::ascii_lower(trim(content_type.substr(0, content_type.find(';'))));
}

Result<std::string> dechunk(std::string_view body, uint64_t max_bytes, std::string* truncated) {
  std::string out;
  size_t pos = 0;
  bool first = true;
  bool ended = false;  // the last (empty) chunk was read
  while (pos < body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) {
      if (first) return std::string(body);  // not chunked after all
      break;
    }
    std::string_view line = trim(body.substr(pos, eol - pos));
    line = line.substr(0, line.find(';'));  // chunk extensions
    uint64_t size = 0;
    size_t digits = 0;
    for (char c : line) {
      int v = c >= '0' && c <= '9'   ? c - '0'
              : c >= 'a' && c <= 'f' ? c - 'a' + 10
              : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                     : -1;
      if (v < 0 || digits == 15) {
        digits = 0;
        break;
      }
      size = size * 16 + static_cast<uint64_t>(v);
      ++digits;
    }
    if (digits == 0) {
      if (first) return std::string(body);  // not chunked after all
      break;                                // damage: keep what was decoded
    }
    first = false;
    if (size == 0) {
      ended = true;
      break;  // last chunk; trailers follow
    }
    pos = eol + 1;
    size_t take = static_cast<size_t>(std::min<uint64_t>(size, body.size() - pos));
    if (out.size() + take > max_bytes)
      return make_error(ErrorCode::kTooLarge, too_large(max_bytes));
    out.append(body.substr(pos, take));
    pos += take;
    // The CRLF after the chunk data.
    if (pos < body.size() && body[pos] == '\r') ++pos;
    if (pos < body.size() && body[pos] == '\n') ++pos;
  }
  if (truncated)
    *truncated = ended ? ""
                       : "the chunked transfer ends early, after " + std::to_string(pos) +
                             " bytes and " + std::to_string(out.size()) + " bytes of data";
  return out;
}

Result<std::string> decode_content(std::string_view body, std::string_view encoding,
                                   uint64_t max_bytes, std::string* truncated) {
  if (encoding.empty() || encoding == "identity") return std::string(body);
  bool complete = false;
  if (encoding == "gzip" || encoding == "x-gzip") {
    bool magic = body.size() >= 2 && static_cast<unsigned char>(body[0]) == 0x1f &&
                 static_cast<unsigned char>(body[1]) == 0x8b;
    if (!magic) return std::string(body);  // stored already inflated
    return inflate_stream(body, 16 + MAX_WBITS, max_bytes, complete, truncated);
  }
  if (encoding == "deflate") {
    // RFC 9110 means zlib-wrapped data; many servers send raw deflate.
    bool zlib =
        body.size() >= 2 && (static_cast<unsigned char>(body[0]) & 0x0f) == 8 &&
        ((static_cast<unsigned char>(body[0]) << 8) | static_cast<unsigned char>(body[1])) % 31 ==
            0;
    return inflate_stream(body, zlib ? MAX_WBITS : -MAX_WBITS, max_bytes, complete, truncated);
  }
  return make_error(ErrorCode::kNotHtml,
                    "Content-Encoding " + std::string(encoding) + " is not supported");
}

}  // namespace lede::input
