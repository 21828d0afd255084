#include "fetch/robots.h"

#include <cctype>
#include <cstdlib>

namespace lede::fetch {
namespace {

// Google and RFC 9309 read at most 500 KiB of robots.txt; the rest is ignored.
constexpr size_t kMaxRobotsBytes = 500 * 1024;

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Does `pattern` (with * and a final $) match the start of `path`?
bool matches(std::string_view pattern, std::string_view path) {
  bool anchored = !pattern.empty() && pattern.back() == '$';
  if (anchored) pattern.remove_suffix(1);
  // Positions in `path` the pattern prefix so far can end at.
  std::vector<size_t> ends = {0};
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '*') {
      size_t from = ends.empty() ? path.size() + 1 : ends.front();
      ends.clear();
      for (size_t p = from; p <= path.size(); ++p) ends.push_back(p);
      ++i;
      continue;
    }
    size_t j = pattern.find('*', i);
    std::string_view literal = pattern.substr(i, j == std::string_view::npos ? j : j - i);
    std::vector<size_t> next;
    for (size_t p : ends)
      if (path.substr(p, literal.size()) == literal) next.push_back(p + literal.size());
    ends = std::move(next);
    if (ends.empty()) return false;
    i += literal.size();
  }
  if (!anchored) return !ends.empty();
  for (size_t p : ends)
    if (p == path.size()) return true;
  return false;
}

}  // namespace

Robots Robots::allow_all() { return Robots{}; }

Robots Robots::disallow_all() {
  Robots r;
  r.rules_.push_back({false, "/"});
  return r;
}

Robots Robots::parse(std::string_view body, std::string_view agent) {
  body = body.substr(0, kMaxRobotsBytes);
  std::string me = lower(agent);
  // Groups are runs of user-agent lines followed by rules. Keep the rules of
  // groups naming us and, separately, of "*" groups.
  Robots mine, star;
  bool mine_found = false;
  bool in_agents = false;  // the previous line was a user-agent line
  bool group_mine = false, group_star = false;
  size_t pos = 0;
  while (pos < body.size()) {
    size_t eol = body.find('\n', pos);
    if (eol == std::string_view::npos) eol = body.size();
    std::string_view line = body.substr(pos, eol - pos);
    pos = eol + 1;
    if (size_t hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string key = lower(trim(line.substr(0, colon)));
    std::string_view value = trim(line.substr(colon + 1));
    if (key == "user-agent") {
      if (!in_agents) group_mine = group_star = false;
      in_agents = true;
      std::string name = lower(value);
      // "lede/0.1" and "lede" both name us; the product token is what counts.
      if (size_t slash = name.find('/'); slash != std::string::npos) name.resize(slash);
      if (name == "*") group_star = true;
      if (!me.empty() && name == me) group_mine = mine_found = true;
      continue;
    }
    in_agents = false;
    Robots* into = group_mine ? &mine : group_star ? &star : nullptr;
    if (!into) continue;
    if (key == "allow" || key == "disallow") {
      // An empty Disallow allows everything: no rule.
      if (value.empty()) continue;
      into->rules_.push_back({key == "allow", std::string(value)});
    } else if (key == "crawl-delay") {
      char* end = nullptr;
      std::string v(value);
      double d = std::strtod(v.c_str(), &end);
      if (end != v.c_str() && d >= 0) into->crawl_delay_ = d;
    }
  }
  return mine_found ? mine : star;
}

bool Robots::allowed(std::string_view path) const {
  if (path.empty()) path = "/";
  if (path == "/robots.txt") return true;
  size_t best = 0;
  bool found = false, allow = true;
  for (const Rule& rule : rules_) {
    if (!matches(rule.pattern, path)) continue;
    size_t len = rule.pattern.size();
    if (!found || len > best || (len == best && rule.allow)) {
      best = len;
      allow = rule.allow;
      found = true;
    }
  }
  return allow;
}

}  // namespace lede::fetch
