#include "fetch/feeds.h"

#include <curl/curl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <zlib.h>

#include <cctype>
#include <cstring>
#include <nlohmann/json.hpp>

namespace lede::fetch {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool is_gzip(std::string_view s) {
  return s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0x1f &&
         static_cast<unsigned char>(s[1]) == 0x8b;
}

Result<std::string> gunzip(std::string_view in, uint64_t max_bytes) {
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
    return make_error(ErrorCode::kInternal, "zlib could not start");
  std::string out;
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  char buf[64 * 1024];
  int rc = Z_OK;
  while (rc != Z_STREAM_END) {
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = sizeof buf;
    rc = inflate(&z, Z_NO_FLUSH);
    if (rc != Z_OK && rc != Z_STREAM_END) {
      inflateEnd(&z);
      return make_error(ErrorCode::kBadArchive, "the gzip'd document is damaged");
    }
    out.append(buf, sizeof buf - z.avail_out);
    if (out.size() > max_bytes) {
      inflateEnd(&z);
      return make_error(ErrorCode::kTooLarge, "the gzip'd document inflates past --max-bytes");
    }
    if (rc == Z_OK && z.avail_in == 0 && z.avail_out != 0) break;  // truncated: keep what came
  }
  inflateEnd(&z);
  return out;
}

// Resolves `ref` against `base` with libcurl's URL parser; `ref` as given
// when it cannot.
std::string resolve(std::string_view base, std::string_view ref) {
  std::string r(trim(ref));
  if (r.empty() || base.empty()) return r;
  CURLU* u = curl_url();
  std::string out = r;
  std::string b(base);
  if (curl_url_set(u, CURLUPART_URL, b.c_str(), 0) == CURLUE_OK &&
      curl_url_set(u, CURLUPART_URL, r.c_str(), 0) == CURLUE_OK) {
    char* s = nullptr;
    if (curl_url_get(u, CURLUPART_URL, &s, 0) == CURLUE_OK && s) out = s;
    curl_free(s);
  }
  curl_url_cleanup(u);
  return out;
}

std::string text_of(xmlNode* node) {
  xmlChar* c = xmlNodeGetContent(node);
  std::string s = c ? std::string(trim(reinterpret_cast<const char*>(c))) : "";
  xmlFree(c);
  return s;
}

std::string attr(xmlNode* node, const char* name) {
  xmlChar* c = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string s = c ? std::string(trim(reinterpret_cast<const char*>(c))) : "";
  xmlFree(c);
  return s;
}

bool named(xmlNode* node, const char* name) {
  return node->type == XML_ELEMENT_NODE &&
         std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

template <typename F>
void for_children(xmlNode* parent, F f) {
  for (xmlNode* c = parent->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE) f(c);
}

// A <url> or <sitemap> element of a sitemap: loc, and its day from
// news:publication_date (Google News) or lastmod.
Entry sitemap_entry(xmlNode* node, std::string_view base) {
  Entry e;
  std::string lastmod, news_date;
  for_children(node, [&](xmlNode* c) {
    if (named(c, "loc")) e.url = resolve(base, text_of(c));
    if (named(c, "lastmod")) lastmod = text_of(c);
    if (named(c, "news"))
      for_children(c, [&](xmlNode* n) {
        if (named(n, "publication_date")) news_date = text_of(n);
      });
  });
  e.date = day_of(news_date.empty() ? lastmod : news_date);
  return e;
}

void rss_items(xmlNode* parent, std::string_view base, Listing& out) {
  for_children(parent, [&](xmlNode* item) {
    if (named(item, "channel")) rss_items(item, base, out);
    if (!named(item, "item")) return;
    Entry e;
    std::string guid, about = attr(item, "about");
    std::string date;
    for_children(item, [&](xmlNode* c) {
      if (named(c, "link") && e.url.empty()) e.url = resolve(base, text_of(c));
      if (named(c, "guid") && attr(c, "isPermaLink") != "false") guid = text_of(c);
      if ((named(c, "pubDate") || named(c, "date")) && date.empty()) date = text_of(c);
    });
    if (e.url.empty() && guid.find("://") != std::string::npos) e.url = guid;
    if (e.url.empty() && !about.empty()) e.url = resolve(base, about);
    e.date = day_of(date);
    if (!e.url.empty()) out.pages.push_back(std::move(e));
  });
}

void atom_entries(xmlNode* feed, std::string_view base, Listing& out) {
  std::string feed_base = attr(feed, "base");
  std::string b = feed_base.empty() ? std::string(base) : resolve(base, feed_base);
  for_children(feed, [&](xmlNode* entry) {
    if (!named(entry, "entry")) return;
    Entry e;
    std::string alternate, any, published, updated;
    for_children(entry, [&](xmlNode* c) {
      if (named(c, "link")) {
        std::string rel = attr(c, "rel");
        std::string href = attr(c, "href");
        if ((rel.empty() || rel == "alternate") && alternate.empty()) alternate = href;
        if (any.empty()) any = href;
      }
      if (named(c, "published")) published = text_of(c);
      if (named(c, "updated")) updated = text_of(c);
    });
    std::string link = alternate.empty() ? any : alternate;
    if (link.empty()) return;
    e.url = resolve(b, link);
    e.date = day_of(published.empty() ? updated : published);
    out.pages.push_back(std::move(e));
  });
}

Result<Listing> parse_json_feed(std::string_view body, std::string_view base) {
  nlohmann::json doc = nlohmann::json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("items") || !doc["items"].is_array())
    return make_error(ErrorCode::kNotHtml,
                      "not a feed or sitemap: JSON without a JSON Feed's items");
  Listing out;
  out.kind = "json_feed";
  for (const auto& item : doc["items"]) {
    if (!item.is_object()) continue;
    Entry e;
    for (const char* key : {"url", "external_url", "id"}) {
      if (item.contains(key) && item[key].is_string()) {
        std::string v = item[key].get<std::string>();
        if (std::strcmp(key, "id") == 0 && v.find("://") == std::string::npos) continue;
        e.url = resolve(base, v);
        break;
      }
    }
    for (const char* key : {"date_published", "date_modified"}) {
      if (item.contains(key) && item[key].is_string()) {
        e.date = day_of(item[key].get<std::string>());
        break;
      }
    }
    if (!e.url.empty()) out.pages.push_back(std::move(e));
  }
  return out;
}

int month_number(std::string_view name) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  if (name.size() < 3) return 0;
  for (int i = 0; i < 12; ++i) {
    bool same = true;
    for (int k = 0; k < 3; ++k)
      if (std::tolower(static_cast<unsigned char>(name[k])) != kMonths[i][k]) same = false;
    if (same) return i + 1;
  }
  return 0;
}

bool digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::string day_of(std::string_view date) {
  date = trim(date);
  // ISO 8601: YYYY-MM-DD...
  if (date.size() >= 10 && digits(date.substr(0, 4)) && date[4] == '-' &&
      digits(date.substr(5, 2)) && date[7] == '-' && digits(date.substr(8, 2)))
    return std::string(date.substr(0, 10));
  // RFC 822: [Day, ]DD Mon YYYY ...
  if (size_t comma = date.find(','); comma != std::string_view::npos && comma < 10)
    date = trim(date.substr(comma + 1));
  size_t s1 = date.find(' ');
  if (s1 == std::string_view::npos) return "";
  size_t s2 = date.find(' ', s1 + 1);
  std::string_view day = date.substr(0, s1);
  std::string_view mon = date.substr(s1 + 1, s2 == std::string_view::npos ? s2 : s2 - s1 - 1);
  std::string_view year =
      s2 == std::string_view::npos ? "" : date.substr(s2 + 1, date.find(' ', s2 + 1) - s2 - 1);
  int m = month_number(mon);
  if (!digits(day) || day.size() > 2 || m == 0 || !digits(year)) return "";
  std::string y(year);
  if (y.size() == 2) y = "20" + y;
  if (y.size() != 4) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "%s-%02d-%02d", y.c_str(), m, std::atoi(std::string(day).c_str()));
  return buf;
}

Result<Listing> parse_listing(std::string_view body, std::string_view base, uint64_t max_bytes) {
  std::string inflated;
  if (is_gzip(body)) {
    auto r = gunzip(body, max_bytes);
    if (!r) return tl::unexpected(r.error());
    inflated = std::move(*r);
    body = inflated;
  }
  std::string_view head = trim(body.substr(0, 1024));
  if (!head.empty() && head.front() == '{') return parse_json_feed(body, base);
  // No network, no entity expansion, no DTD loading: a listing is data.
  xmlDoc* doc = xmlReadMemory(body.data(), static_cast<int>(body.size()), nullptr, nullptr,
                              XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR |
                                  XML_PARSE_NOWARNING | XML_PARSE_COMPACT);
  if (!doc) return make_error(ErrorCode::kNotHtml, "not a feed or sitemap: not XML");
  xmlNode* root = xmlDocGetRootElement(doc);
  Listing out;
  if (!root) {
    xmlFreeDoc(doc);
    return make_error(ErrorCode::kNotHtml, "not a feed or sitemap: an empty XML document");
  }
  if (named(root, "urlset")) {
    out.kind = "urlset";
    for_children(root, [&](xmlNode* c) {
      if (named(c, "url")) {
        Entry e = sitemap_entry(c, base);
        if (!e.url.empty()) out.pages.push_back(std::move(e));
      }
    });
  } else if (named(root, "sitemapindex")) {
    out.kind = "sitemapindex";
    for_children(root, [&](xmlNode* c) {
      if (named(c, "sitemap")) {
        Entry e = sitemap_entry(c, base);
        if (!e.url.empty()) out.sitemaps.push_back(std::move(e));
      }
    });
  } else if (named(root, "rss") || named(root, "RDF")) {
    out.kind = "rss";
    rss_items(root, base, out);
  } else if (named(root, "feed")) {
    out.kind = "atom";
    atom_entries(root, base, out);
  } else {
    std::string name = reinterpret_cast<const char*>(root->name);
    xmlFreeDoc(doc);
    return make_error(ErrorCode::kNotHtml,
                      "not a feed or sitemap: the XML's root element is <" + name + ">");
  }
  xmlFreeDoc(doc);
  return out;
}

}  // namespace lede::fetch
