// Hostile input: each case is generated here (never stored), must keep within
// DomLimits and not crash, and its parse time must grow linearly with its
// size: each case is built at n and at 4n and the CPU times compared (see
// tests/support/growth.h), which holds on a loaded machine where a wall-clock
// bound would not.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "growth.h"
#include "html/parse.h"

namespace lede::html {
namespace {

using lede::testing::Growth;
using lede::testing::measure_growth;

void parse_lede(const std::string &html, Document &doc, const DomLimits &limits = {}) {
  parse(html, doc, limits, ParserKind::kLede);
}

// Parses `make(n)` and `make(4n)` and returns how the CPU time grew.
Growth parse_growth(const std::function<std::string(size_t)> &make, size_t n,
                    const char *what) {
  return measure_growth(
      [&](size_t size) {
        return [html = make(size)] {
          Document doc;
          parse_lede(html, doc);
        };
      },
      n, what);
}

std::string repeat(std::string_view s, size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (size_t i = 0; i < n; ++i) out.append(s);
  return out;
}

uint32_t tree_depth(const Document &doc) {
  // Depth by an explicit walk: parent chains are bounded by max_depth.
  uint32_t deepest = 0, depth = 0;
  NodeId n = doc.root();
  while (n != kNoNode) {
    deepest = std::max(deepest, depth);
    if (doc.first_child(n) != kNoNode) {
      n = doc.first_child(n);
      ++depth;
      continue;
    }
    while (n != kNoNode && doc.next_sibling(n) == kNoNode) {
      n = doc.parent(n);
      --depth;
    }
    if (n != kNoNode) n = doc.next_sibling(n);
  }
  return deepest;
}

TEST(HostileInput, MillionNestedElementsStayFlatAndLinear) {
  auto make = [](size_t n) { return repeat("<div>", n) + "x" + repeat("</div>", n); };
  Document doc;
  parse_lede(make(1'000'000), doc);
  EXPECT_LE(tree_depth(doc), DomLimits{}.max_depth + 1);
  EXPECT_FALSE(doc.limit_hit().empty());
  EXPECT_LINEAR(parse_growth(make, 250'000, "nested <div>"));
}

TEST(HostileInput, MillionNestedInlineElementsWithStrayEndTagsAreLinear) {
  auto make = [](size_t n) {
    return repeat("<span>", n) + repeat("</x-y>", n / 5) + repeat("</em>", n / 5) +
           repeat("<li></li>", n / 10);
  };
  EXPECT_LINEAR(parse_growth(make, 250'000, "nested <span>, stray end tags"));
}

TEST(HostileInput, UnclosedFormattingElementsAreBoundedAndLinear) {
  auto make = [](size_t n) {
    std::string html;
    for (size_t i = 0; i < n; ++i) html += "<b id=" + std::to_string(i) + ">";
    return html + repeat("<p>x</p>", n / 5);
  };
  Document doc;
  parse_lede(make(100'000), doc);
  EXPECT_LE(doc.node_count(), DomLimits{}.max_nodes);
  EXPECT_LINEAR(parse_growth(make, 25'000, "unclosed <b>"));
}

TEST(HostileInput, AdoptionAgencyOverDeepStackIsLinear) {
  auto make = [](size_t n) {
    return "<b>" + repeat("<div>", n) + repeat("</b>", n) + repeat("<a><div><a>", n / 4);
  };
  EXPECT_LINEAR(parse_growth(make, 50'000, "adoption agency, deep stack"));
}

TEST(HostileInput, HugeAttributeListsAreDedupedLinearly) {
  auto make = [](size_t n) {
    std::string html = "<div";
    for (size_t i = 0; i < n; ++i) html += " a" + std::to_string(i % (n / 2)) + "=v";
    return html + ">";
  };
  Document doc;
  parse_lede(make(200'000), doc);
  NodeId n = doc.root();
  while (n != kNoNode && !doc.is(n, Tag::k_div)) n = doc.next_in(n, doc.root());
  ASSERT_NE(n, kNoNode);
  EXPECT_EQ(doc.attributes(n).size(), 100'000u);
  EXPECT_LINEAR(parse_growth(make, 50'000, "duplicate attributes"));
}

TEST(HostileInput, NulBytesControlCharactersAndEndlessConstructsAreLinear) {
  // Each case as a function of its repeat count n; the counts below are the
  // full sizes, and growth is measured from a quarter of each.
  struct Case {
    const char *what;
    std::function<std::string(size_t)> make;
    size_t n;
  };
  const Case cases[] = {
      {"NUL bytes", [](size_t n) { return std::string(n, '\0'); }, 2'000'000},
      {"control characters",
       [](size_t n) { return repeat(std::string("a\0<\0b\0>\x01\x7f", 10), n); },
       100'000},
      {"endless comment", [](size_t n) { return "<!--" + repeat("-- x <!-", n); }, 500'000},
      {"endless attributes", [](size_t n) { return "<a " + repeat("b='c' d=e ", n); }, 500'000},
      {"endless doctype", [](size_t n) { return "<!DOCTYPE " + repeat("x", n); }, 2'000'000},
      {"nested tables", [](size_t n) { return "<table>" + repeat("<td>x<table>", n); }, 100'000},
      {"CDATA in svg", [](size_t n) { return "<svg>" + repeat("<g><![CDATA[x]]>", n); }, 200'000},
      {"templates and rows",
       [](size_t n) { return repeat("<template>", n) + repeat("<tr>", n); }, 100'000},
      {"entities", [](size_t n) { return repeat("&amp;&#x10FFFF;&bogus", n); }, 300'000},
  };
  for (const Case &c : cases) {
    Document doc;
    parse_lede(c.make(c.n), doc);
    EXPECT_LE(tree_depth(doc), DomLimits{}.max_depth + 1) << c.what;
    EXPECT_LINEAR(parse_growth(c.make, c.n / 4, c.what)) << c.what;
  }
}

}  // namespace
}  // namespace lede::html
