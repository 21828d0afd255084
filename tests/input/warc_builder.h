// Hand-built WARC data for tests: records, HTTP messages, gzip members.
#pragma once

#include <zlib.h>

#include <optional>
#include <string>
#include <string_view>

namespace lede::testing {

// One WARC record. `length` overrides Content-Length (to make one lie).
inline std::string warc_record(std::string_view type, std::string_view uri,
                               std::string_view content_type, std::string_view block,
                               std::optional<size_t> length = std::nullopt,
                               std::string_view version = "WARC/1.1") {
  static int serial = 0;
  std::string r = std::string(version) + "\r\n";
  r += "WARC-Type: " + std::string(type) + "\r\n";
  r += "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-" +
       std::to_string(100000000000 + ++serial) + ">\r\n";
  r += "WARC-Date: 2024-01-02T03:04:05Z\r\n";
  if (!uri.empty()) r += "WARC-Target-URI: " + std::string(uri) + "\r\n";
  if (!content_type.empty()) r += "Content-Type: " + std::string(content_type) + "\r\n";
  r += "Content-Length: " + std::to_string(length.value_or(block.size())) + "\r\n\r\n";
  r += block;
  r += "\r\n\r\n";
  return r;
}

inline std::string http_response(int status, std::string_view headers, std::string_view body) {
  return "HTTP/1.1 " + std::to_string(status) + " X\r\n" + std::string(headers) + "\r\n" +
         std::string(body);
}

inline std::string response_record(std::string_view uri, std::string_view http) {
  return warc_record("response", uri, "application/http; msgtype=response", http);
}

// Deflates `data` with zlib's `window_bits` convention: 31 gzip, 15 zlib, -15
// raw.
inline std::string deflate_bytes(std::string_view data, int window_bits = 31) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string gzip_member(std::string_view data) { return deflate_bytes(data, 31); }

inline std::string chunked(std::string_view body, size_t chunk) {
  static const char* hex = "0123456789abcdef";
  std::string out;
  for (size_t pos = 0; pos < body.size(); pos += chunk) {
    std::string_view part = body.substr(pos, chunk);
    std::string size;
    for (size_t n = part.size(); n; n /= 16) size.insert(size.begin(), hex[n % 16]);
    out += size + "\r\n" + std::string(part) + "\r\n";
  }
  return out + "0\r\n\r\n";
}

// A page long enough to be extracted as an article.
inline std::string article_page(std::string_view title, std::string_view word = "report") {
  std::string html = "<html><head><title>" + std::string(title) +
                     "</title></head><body><article><h1>" + std::string(title) + "</h1>";
  for (int i = 0; i < 6; ++i)
    html += "<p>This paragraph number " + std::to_string(i) + " of the " + std::string(word) +
            " tells readers what happened in the city council meeting on "
            "Tuesday evening, "
            "and why the vote matters for the budget of next year.</p>";
  return html + "</article></body></html>";
}

// A 200 response record of article_page(title) at `uri`.
inline std::string article_response(std::string_view uri, std::string_view title) {
  return response_record(
      uri, http_response(200, "Content-Type: text/html; charset=utf-8\r\n", article_page(title)));
}

}  // namespace lede::testing
