#include "html/entities.h"

#include <algorithm>
#include <iterator>

namespace lede::html {
namespace {

struct Entity {
  std::string_view name;
  std::string_view value;
};

constexpr Entity kEntities[] = {
#include "html/entities_table.inc"
};

// The longest name in the table, "CounterClockwiseContourIntegral;".
constexpr size_t kMaxNameLength = 32;

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

const Entity *find(std::string_view name) {
  auto it = std::lower_bound(std::begin(kEntities), std::end(kEntities), name,
                             [](const Entity &e, std::string_view n) { return e.name < n; });
  if (it == std::end(kEntities) || it->name != name) return nullptr;
  return it;
}

}  // namespace

EntityMatch match_named_entity(std::string_view s) {
  // Candidate: the run of alphanumerics, plus a ';' that ends it.
  size_t n = 0;
  while (n < s.size() && n < kMaxNameLength && is_name_char(s[n])) ++n;
  if (n < s.size() && s[n] == ';' && n < kMaxNameLength) ++n;
  for (size_t len = n; len > 0; --len) {
    if (const Entity *e = find(s.substr(0, len))) return {len, e->value};
  }
  return {};
}

}  // namespace lede::html
