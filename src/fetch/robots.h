// robots.txt (RFC 9309): the rules one user agent must follow on one host.
//
//   Robots robots = Robots::parse(body, "lede");
//   if (!robots.allowed("/private/page?x=1")) ...
//
// The group for the most specific matching user-agent line applies (groups
// naming the same agent are merged), else the "*" group, else nothing is
// disallowed. Among Allow and Disallow rules the longest match wins, Allow on
// a tie; "*" matches any run of characters and a final "$" anchors the end.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lede::fetch {

class Robots {
 public:
  // Everything allowed: the answer for a host without robots.txt (4xx).
  static Robots allow_all();
  // Nothing allowed: the answer when robots.txt is unreachable with 5xx
  // (RFC 9309, 2.3.1.4).
  static Robots disallow_all();
  // Parses `body` for `agent`, the product token matched case-insensitively
  // against user-agent lines ("lede").
  static Robots parse(std::string_view body, std::string_view agent);

  // `path_and_query` is the address's path with its query, e.g. "/a/b?c=1".
  bool allowed(std::string_view path_and_query) const;
  // The group's Crawl-delay in seconds, when it gives one.
  std::optional<double> crawl_delay() const { return crawl_delay_; }

 private:
  struct Rule {
    bool allow = false;
    std::string pattern;
  };
  std::vector<Rule> rules_;
  std::optional<double> crawl_delay_;
};

}  // namespace lede::fetch
