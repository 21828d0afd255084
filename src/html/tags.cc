#include "html/tags.h"

#include <algorithm>
#include <array>
#include <utility>

namespace lede::html {
namespace {

constexpr std::array<std::string_view, static_cast<size_t>(Tag::kCount)> kNames = {
    "",
#define LEDE_TAG_NAME(name) #name,
    LEDE_HTML_TAGS(LEDE_TAG_NAME)
#undef LEDE_TAG_NAME
};

// After the empty entry the names are sorted, so lookup is a binary search.
constexpr bool names_sorted() {
  for (size_t i = 2; i < kNames.size(); ++i)
    if (!(kNames[i - 1] < kNames[i])) return false;
  return true;
}
static_assert(names_sorted(), "LEDE_HTML_TAGS must stay in alphabetical order");

}  // namespace

Tag tag_from_name(std::string_view lower_name) {
  auto first = kNames.begin() + 1;
  auto it = std::lower_bound(first, kNames.end(), lower_name);
  if (it == kNames.end() || *it != lower_name) return Tag::kUnknown;
  return static_cast<Tag>(it - kNames.begin());
}

std::string_view tag_name(Tag tag) { return kNames[static_cast<size_t>(tag)]; }

}  // namespace lede::html
