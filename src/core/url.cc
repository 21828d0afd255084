#include "core/url.h"

#include "core/text.h"

namespace lede::core {
namespace {

// Offset just past "scheme://", or npos when `url` has no scheme and authority.
size_t authority_start(std::string_view url) {
  if (url.starts_with("//")) return 2;
  size_t colon = url.find("://");
  if (colon == std::string_view::npos || colon == 0) return std::string_view::npos;
  for (size_t i = 0; i < colon; ++i) {
    char c = url[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
              (i > 0 && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'));
    if (!ok) return std::string_view::npos;
  }
  return colon + 3;
}

}  // namespace

bool is_http_url(std::string_view s) {
  return starts_with_icase(s, "http://") || starts_with_icase(s, "https://");
}

std::string domain_of(std::string_view url) {
  url = trim(url);
  size_t b = authority_start(url);
  if (b == std::string_view::npos) return "";
  size_t e = url.find_first_of("/?#", b);
  std::string_view host = url.substr(b, e == std::string_view::npos ? url.size() - b : e - b);
  if (size_t at = host.rfind('@'); at != std::string_view::npos) host.remove_prefix(at + 1);
  if (size_t colon = host.find(':'); colon != std::string_view::npos) host = host.substr(0, colon);
  if (!host.empty() && host.back() == '.') host.remove_suffix(1);
  std::string out = ascii_lower(host);
  if (out.starts_with("www.")) out.erase(0, 4);
  return out;
}

std::string resolve_url(std::string_view base, std::string_view href) {
  href = trim(href);
  if (href.empty()) return "";
  if (authority_start(href) != std::string_view::npos && !href.starts_with("//"))
    return std::string(href);
  base = trim(base);
  size_t b = authority_start(base);
  if (b == std::string_view::npos || base.starts_with("//")) return std::string(href);
  std::string_view scheme = base.substr(0, b - 3);
  if (href.starts_with("//")) return std::string(scheme) + ":" + std::string(href);
  size_t path_start = base.find_first_of("/?#", b);
  std::string_view origin =
      base.substr(0, path_start == std::string_view::npos ? base.size() : path_start);
  if (href.front() == '/') return std::string(origin) + std::string(href);
  // Relative path: replace the last segment of the base path.
  std::string_view path = path_start == std::string_view::npos ? "/" : base.substr(path_start);
  path = path.substr(0, path.find_first_of("?#"));
  size_t slash = path.rfind('/');
  std::string_view dir = slash == std::string_view::npos ? "/" : path.substr(0, slash + 1);
  if (dir.empty()) dir = "/";
  return std::string(origin) + std::string(dir) + std::string(href);
}

}  // namespace lede::core
