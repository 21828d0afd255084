#include "metadata/title.h"

#include <vector>

#include "core/text.h"

namespace lede::metadata {
namespace {

// What separates a headline from the site name in <title> and og:title.
constexpr std::string_view kSeparators[] = {" | ", " - ", " – ", " — ",  " :: ", " · ",
                                            " » ", " « ", " : ", " // ", " ~ ",  " • "};
constexpr bool all_start_with_space() {
  for (std::string_view sep : kSeparators)
    if (!sep.starts_with(' ')) return false;
  return true;
}
static_assert(all_start_with_space(), "separators_in() looks for separators at spaces only");

// A site-name part is short; a longer one is part of the headline.
constexpr size_t kMaxSiteWords = 6;

// A part that starts with the domain's name ("BBC News") is the site when this short.
constexpr size_t kMaxDomainNameWords = 3;

// A site that does not name itself is guessed only from a short tail after a longer head.
constexpr size_t kMaxUnnamedSiteWords = 3;
constexpr size_t kMinUnnamedHeadWords = 4;

// A part holding the site name with this many more characters is still the site ("X.com").
constexpr size_t kMaxSiteExtra = 6;

// Shorter heads than this are a kicker or section, not a headline.
constexpr size_t kMinHeadlineChars = 8;

size_t word_count(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    bool space = c == ' ';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// The first label of a domain that names the site: "nytimes" for nytimes.com,
// "bbc" for bbc.co.uk, "engineering" for engineering.fernhill.io (both kept).
std::vector<std::string> domain_keys(std::string_view domain) {
  std::vector<std::string> keys;
  size_t b = 0;
  while (b < domain.size()) {
    size_t e = domain.find('.', b);
    if (e == std::string_view::npos) break;  // the last label is the TLD
    std::string label = comparison_key(domain.substr(b, e - b));
    if (label.size() >= 3 && label != "com" && label != "co" && label != "org" && label != "net")
      keys.push_back(std::move(label));
    b = e + 1;
  }
  return keys;
}

bool looks_like_domain(std::string_view part) {
  part = core::trim(part);
  if (part.find(' ') != std::string_view::npos) return false;
  size_t dot = part.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > part.size()) return false;
  for (char c : part.substr(dot + 1))
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

bool is_site_part(std::string_view part, const std::string& site_key,
                  const std::vector<std::string>& dom_keys) {
  if (word_count(part) > kMaxSiteWords) return false;
  std::string key = comparison_key(part);
  if (key.empty()) return false;
  if (!site_key.empty()) {
    if (key == site_key) return true;
    // "The Guardian" against "Guardian", "NYTimes.com" against "NYTimes".
    if (key.size() >= 4 && site_key.find(key) != std::string::npos) return true;
    if (key.find(site_key) != std::string::npos && key.size() <= site_key.size() + kMaxSiteExtra)
      return true;
  }
  // "BBC News" on bbc.co.uk, "NYTimes.com" on nytimes.com.
  for (const std::string& d : dom_keys)
    if (key == d || (key.starts_with(d) &&
                     (looks_like_domain(part) || word_count(part) <= kMaxDomainNameWords)))
      return true;
  return looks_like_domain(part);
}

struct Split {
  size_t pos;
  size_t len;
};

std::vector<Split> separators_in(std::string_view title) {
  std::vector<Split> out;
  // Every separator starts with a space, so only spaces need the full comparison.
  for (size_t i = title.find(' '); i != std::string_view::npos; i = title.find(' ', i + 1))
    for (std::string_view sep : kSeparators)
      if (title.compare(i, sep.size(), sep) == 0) {
        out.push_back({i, sep.size()});
        break;
      }
  return out;
}

}  // namespace

std::string comparison_key(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    auto u = static_cast<unsigned char>(c);
    if (u == 0xC3 && i + 1 < s.size()) {
      // Latin-1 capitals À-Þ (but not ×) fold to their small letters, two bytes alike.
      auto next = static_cast<unsigned char>(s[i + 1]);
      out += c;
      out += static_cast<char>(next >= 0x80 && next <= 0x9E && next != 0x97 ? next + 0x20 : next);
      ++i;
    } else if (u >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) {
      out += c;
    } else if (c >= 'A' && c <= 'Z') {
      out += core::ascii_lower(c);
    }
  }
  return out;
}

std::string strip_site_name(std::string_view title, std::string_view site_name,
                            std::string_view domain) {
  std::string t = core::collapse_space(title);
  const std::string site_key = comparison_key(site_name);
  const std::vector<std::string> dom_keys = domain_keys(domain);
  // Repeatedly take a site part off either end: "Story | Section | Site".
  for (int round = 0; round < 3; ++round) {
    std::vector<Split> seps = separators_in(t);
    if (seps.empty()) break;
    const Split last = seps.back();
    const Split first = seps.front();
    std::string_view tail = std::string_view(t).substr(last.pos + last.len);
    std::string_view head = std::string_view(t).substr(0, first.pos);
    if (last.pos >= kMinHeadlineChars && is_site_part(tail, site_key, dom_keys)) {
      t.resize(last.pos);
      continue;
    }
    if (t.size() - (first.pos + first.len) >= kMinHeadlineChars &&
        is_site_part(head, site_key, dom_keys)) {
      t.erase(0, first.pos + first.len);
      continue;
    }
    break;
  }
  return std::string(core::trim(t));
}

std::string strip_unnamed_site(std::string_view title) {
  std::string t = core::collapse_space(title);
  // "Story | Fandom [Archive of Our Own]": a bracketed tail is the site.
  if (size_t open = t.rfind(" ["); open != std::string::npos && t.ends_with("]") &&
                                   open >= kMinHeadlineChars &&
                                   word_count(std::string_view(t).substr(open)) <= kMaxSiteWords)
    t.resize(open);
  std::vector<Split> seps = separators_in(t);
  if (seps.empty()) return t;
  const Split last = seps.back();
  std::string_view head = std::string_view(t).substr(0, last.pos);
  std::string_view tail = std::string_view(t).substr(last.pos + last.len);
  if (word_count(tail) <= kMaxUnnamedSiteWords && word_count(head) >= kMinUnnamedHeadWords)
    t.resize(last.pos);
  return t;
}

bool looks_like_site_and_section(std::string_view title) {
  std::string t = core::collapse_space(title);
  std::vector<Split> seps = separators_in(t);
  if (seps.empty()) return false;
  size_t b = 0;
  for (size_t i = 0; i <= seps.size(); ++i) {
    size_t e = i < seps.size() ? seps[i].pos : t.size();
    if (word_count(std::string_view(t).substr(b, e - b)) > kMaxSiteWords - 2) return false;
    if (i < seps.size()) b = seps[i].pos + seps[i].len;
  }
  return true;
}

bool is_headline_with_tail(std::string_view title, std::string_view headline) {
  std::string t = core::collapse_space(title);
  std::string h = core::collapse_space(headline);
  if (h.size() < kMinHeadlineChars || t.size() <= h.size()) return false;
  if (comparison_key(t.substr(0, h.size())) != comparison_key(h)) return false;
  std::string_view rest = std::string_view(t).substr(h.size());
  for (std::string_view sep : kSeparators)
    if (rest.starts_with(sep)) return word_count(rest.substr(sep.size())) <= 2 * kMaxSiteWords;
  return false;
}

}  // namespace lede::metadata
