// URL pieces: the host as a site domain, and relative links made absolute. Not a general URL
// parser: enough for http(s) page addresses.
#pragma once

#include <string>
#include <string_view>

namespace lede::core {

// "https://www.apnews.com/article/x" -> "apnews.com": the host, lower-case,
// without port, user info or a leading "www.". "" when `url` has no host.
std::string domain_of(std::string_view url);

// `href` made absolute against `base` ("/a/b" on "https://x.com/c" -> "https://x.com/a/b").
// Absolute and protocol-relative hrefs are returned (completed) as they are; "" stays "".
std::string resolve_url(std::string_view base, std::string_view href);

// True for "http://..." and "https://..." (case-insensitive).
bool is_http_url(std::string_view s);

}  // namespace lede::core
