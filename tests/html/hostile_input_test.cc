// Hostile input: each case is generated here (never stored) and must parse
// within a generous time bound, keep within DomLimits and not crash. The
// bounds are far above what a linear parser needs, and far below what a
// quadratic one would take on these sizes.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <string>

#include "html/parse.h"

namespace lede::html {
namespace {

// Generous: a linear parser takes well under a second on each case.
constexpr double kMaxSeconds = 10.0;

double seconds_to_parse(const std::string &html, Document &doc, const DomLimits &limits = {}) {
  auto start = std::chrono::steady_clock::now();
  parse(html, doc, limits, ParserKind::kLede);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
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

TEST(HostileInput, MillionNestedElementsStayFlatAndFast) {
  Document doc;
  std::string html = repeat("<div>", 1'000'000) + "x" + repeat("</div>", 1'000'000);
  EXPECT_LT(seconds_to_parse(html, doc), kMaxSeconds);
  EXPECT_LE(tree_depth(doc), DomLimits{}.max_depth + 1);
  EXPECT_FALSE(doc.limit_hit().empty());
}

TEST(HostileInput, MillionNestedInlineElementsWithStrayEndTags) {
  Document doc;
  std::string html = repeat("<span>", 1'000'000) + repeat("</x-y>", 200'000) +
                     repeat("</em>", 200'000) + repeat("<li></li>", 100'000);
  EXPECT_LT(seconds_to_parse(html, doc), kMaxSeconds);
}

TEST(HostileInput, UnclosedFormattingElementsAreBounded) {
  Document doc;
  std::string html;
  for (int i = 0; i < 100'000; ++i) html += "<b id=" + std::to_string(i) + ">";
  html += repeat("<p>x</p>", 20'000);
  EXPECT_LT(seconds_to_parse(html, doc), kMaxSeconds);
  EXPECT_LE(doc.node_count(), DomLimits{}.max_nodes);
}

TEST(HostileInput, AdoptionAgencyOverDeepStack) {
  Document doc;
  std::string html =
      "<b>" + repeat("<div>", 200'000) + repeat("</b>", 200'000) + repeat("<a><div><a>", 50'000);
  EXPECT_LT(seconds_to_parse(html, doc), kMaxSeconds);
}

TEST(HostileInput, HugeAttributeListsAreDedupedLinearly) {
  Document doc;
  std::string html = "<div";
  for (int i = 0; i < 200'000; ++i) html += " a" + std::to_string(i % 100'000) + "=v";
  html += ">";
  EXPECT_LT(seconds_to_parse(html, doc), kMaxSeconds);
  NodeId n = doc.root();
  while (n != kNoNode && !doc.is(n, Tag::k_div)) n = doc.next_in(n, doc.root());
  ASSERT_NE(n, kNoNode);
  EXPECT_EQ(doc.attributes(n).size(), 100'000u);
}

TEST(HostileInput, NulBytesControlCharactersAndEndlessConstructs) {
  const std::string cases[] = {
      std::string(2'000'000, '\0'),
      repeat(std::string("a\0<\0b\0>\x01\x7f", 10), 100'000),
      "<!--" + repeat("-- x <!-", 500'000),
      "<a " + repeat("b='c' d=e ", 500'000),
      "<!DOCTYPE " + repeat("x", 2'000'000),
      "<table>" + repeat("<td>x<table>", 100'000),
      "<svg>" + repeat("<g><![CDATA[x]]>", 200'000),
      repeat("<template>", 100'000) + repeat("<tr>", 100'000),
      repeat("&amp;&#x10FFFF;&bogus", 300'000),
  };
  for (const std::string &html : cases) {
    Document doc;
    EXPECT_LT(seconds_to_parse(html, doc), kMaxSeconds) << html.substr(0, 20);
    EXPECT_LE(tree_depth(doc), DomLimits{}.max_depth + 1);
  }
}

}  // namespace
}  // namespace lede::html
