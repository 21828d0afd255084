// Behaviour of lede's HTML parser beyond the html5lib suites: the DOM
// contract (names, namespaces, attributes, templates), DomLimits, reuse.
#include "html/lede_parser.h"

#include <gtest/gtest.h>

#include <string>

#include "html/parse.h"
#include "tree_dump.h"

namespace lede::html {
namespace {

NodeId find_element(const Document &doc, std::string_view name) {
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in(n, doc.root()))
    if (doc.is_element(n) && doc.name(n) == name) return n;
  return kNoNode;
}

uint32_t max_depth(const Document &doc) {
  uint32_t deepest = 0;
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in(n, doc.root())) {
    uint32_t d = 0;
    for (NodeId p = doc.parent(n); p != kNoNode; p = doc.parent(p)) ++d;
    deepest = std::max(deepest, d);
  }
  return deepest;
}

TEST(LedeParser, BuildsImpliedHtmlHeadAndBody) {
  Document doc;
  parse("<title>T</title><p>Hello <b>world</b>", doc, DomLimits{}, ParserKind::kLede);
  EXPECT_EQ(testing::dump_document(doc, nullptr),
            "| <html>\n|   <head>\n|     <title>\n|       \"T\"\n|   <body>\n| "
            "    <p>\n"
            "|       \"Hello \"\n|       <b>\n|         \"world\"\n");
}

TEST(LedeParser, InternsKnownTagsAndKeepsUnknownNames) {
  Document doc;
  parse("<article><my-widget data-X=1>x</my-widget></article>", doc, DomLimits{},
        ParserKind::kLede);
  NodeId article = find_element(doc, "article");
  ASSERT_NE(article, kNoNode);
  EXPECT_TRUE(doc.is(article, Tag::k_article));
  NodeId widget = doc.first_child(article);
  EXPECT_EQ(doc.tag(widget), Tag::kUnknown);
  EXPECT_EQ(doc.name(widget), "my-widget");
  EXPECT_EQ(doc.attr(widget, "data-x"), "1");
}

TEST(LedeParser, DecodesCharacterReferencesInTextAndAttributes) {
  Document doc;
  parse("<p title='a&amp;b&notit'>&lt;&eacute;&#x20AC;&#128;&nosuch;</p>", doc, DomLimits{},
        ParserKind::kLede);
  NodeId p = find_element(doc, "p");
  EXPECT_EQ(doc.attr(p, "title"), "a&b&notit");
  EXPECT_EQ(doc.text(doc.first_child(p)), "<\xC3\xA9\xE2\x82\xAC\xE2\x82\xAC&nosuch;");
}

TEST(LedeParser, KeepsFirstOfDuplicateAttributes) {
  Document doc;
  parse("<div id=a ID=b class=c id=d>", doc, DomLimits{}, ParserKind::kLede);
  NodeId div = find_element(doc, "div");
  EXPECT_EQ(doc.attributes(div).size(), 2u);
  EXPECT_EQ(doc.attr(div, "id"), "a");
}

TEST(LedeParser, AdjustsForeignElementAndAttributeNames) {
  Document doc;
  parse(
      "<svg viewbox='0 0 1 1'><foreignobject><p>x</p></foreignobject>"
      "<use xlink:href='#i'/></svg><math definitionurl=u><mi>y</mi></math>",
      doc, DomLimits{}, ParserKind::kLede);
  NodeId svg = find_element(doc, "svg");
  ASSERT_NE(svg, kNoNode);
  EXPECT_EQ(doc.tag(svg), Tag::k_svg);
  EXPECT_EQ(doc.ns(svg), Namespace::kSvg);
  EXPECT_EQ(doc.attr(svg, "viewBox"), "0 0 1 1");
  NodeId fo = find_element(doc, "foreignObject");
  ASSERT_NE(fo, kNoNode);
  EXPECT_EQ(doc.tag(fo), Tag::kUnknown);
  EXPECT_TRUE(doc.is(doc.first_child(fo), Tag::k_p));  // HTML again inside
  EXPECT_EQ(doc.attr(find_element(doc, "use"), "xlink:href"), "#i");
  NodeId math = find_element(doc, "math");
  EXPECT_EQ(doc.ns(math), Namespace::kMathMl);
  EXPECT_EQ(doc.attr(math, "definitionURL"), "u");
}

TEST(LedeParser, StoresTemplateContentsAsChildren) {
  Document doc;
  parse("<template><tr><td>cell</td></tr></template>", doc, DomLimits{}, ParserKind::kLede);
  NodeId tmpl = find_element(doc, "template");
  ASSERT_NE(tmpl, kNoNode);
  NodeId tr = doc.first_child(tmpl);
  ASSERT_NE(tr, kNoNode);
  EXPECT_TRUE(doc.is(tr, Tag::k_tr));
}

TEST(LedeParser, FosterParentsTextOutOfTables) {
  Document doc;
  parse("<table>lost<tr><td>kept</td></tr></table>", doc, DomLimits{}, ParserKind::kLede);
  NodeId table = find_element(doc, "table");
  NodeId before = doc.prev_sibling(table);
  ASSERT_NE(before, kNoNode);
  EXPECT_EQ(doc.text(before), "lost");
}

TEST(LedeParser, MatchesGumboOnMisnestedFormatting) {
  const char *html = "<p>1<b>2<i>3</b>4</i>5</p><a><div><a>x</a></div></a>";
  Document lede, gumbo;
  parse(html, lede, DomLimits{}, ParserKind::kLede);
  parse(html, gumbo, DomLimits{}, ParserKind::kGumbo);
  EXPECT_EQ(testing::dump_document(lede, nullptr), testing::dump_document(gumbo, nullptr));
}

TEST(LedeParser, SelfClosedIframeInsideNoscriptDoesNotSwallowThePage) {
  // A framework writes a tag manager's snippet as <noscript><iframe/></noscript>.
  // Parsed with scripting off to the letter, the iframe holds the rest of the
  // page as its text; lede takes it as closed, and the page stays elements.
  Document doc;
  parse("<body><noscript><iframe src='https://tags.example/ns'/></noscript><div id='S:0'>"
        "<p>The content</p></div>",
        doc, DomLimits{}, ParserKind::kLede);
  const NodeId p = find_element(doc, "p");
  ASSERT_NE(p, kNoNode);
  EXPECT_EQ(doc.text(doc.first_child(p)), "The content");
  // Without the self-closing slash the standard holds: the iframe's text runs on.
  Document plain;
  parse("<body><noscript><iframe src='x'></noscript><p>After</p>", plain, DomLimits{},
        ParserKind::kLede);
  EXPECT_EQ(find_element(plain, "p"), kNoNode);
}

TEST(LedeParser, StopsCreatingNodesAtMaxNodes) {
  std::string html;
  for (int i = 0; i < 1000; ++i) html += "<p>x</p>";
  Document doc;
  DomLimits limits;
  limits.max_nodes = 100;
  parse(html, doc, limits, ParserKind::kLede);
  EXPECT_LE(doc.node_count(), 100u);
  EXPECT_NE(doc.limit_hit().find("max_nodes"), std::string::npos);
}

TEST(LedeParser, FlattensContentBelowMaxDepth) {
  std::string html;
  for (int i = 0; i < 100; ++i) html += "<div>";
  html += "deep text";
  Document doc;
  DomLimits limits;
  limits.max_depth = 20;
  parse(html, doc, limits, ParserKind::kLede);
  EXPECT_LE(max_depth(doc), limits.max_depth + 1);
  EXPECT_NE(doc.limit_hit().find("max_depth"), std::string::npos);
  size_t divs = 0;
  bool text_kept = false;
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in(n, doc.root())) {
    divs += doc.is(n, Tag::k_div);
    text_kept = text_kept || (doc.is_text(n) && doc.text(n) == "deep text");
  }
  EXPECT_EQ(divs, 100u);
  EXPECT_TRUE(text_kept);
}

TEST(LedeParser, ReusedParserGivesTheSameTree) {
  Parser parser;
  Document a, b;
  parser.parse("<!DOCTYPE html><table><td>1</table><svg><g/></svg>", a, DomLimits{});
  parser.parse("<frameset><frame></frameset>", b, DomLimits{});
  parser.parse("<!DOCTYPE html><table><td>1</table><svg><g/></svg>", b, DomLimits{});
  EXPECT_EQ(testing::dump_document(a, nullptr), testing::dump_document(b, nullptr));
  EXPECT_TRUE(parser.doctype().present);
  EXPECT_EQ(parser.quirks_mode(), QuirksMode::kNoQuirks);
}

TEST(LedeParser, ReportsQuirksModeFromDoctype) {
  Parser parser;
  Document doc;
  parser.parse("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\"><p>", doc,
               DomLimits{});
  EXPECT_EQ(parser.quirks_mode(), QuirksMode::kQuirks);
  parser.parse("<p>", doc, DomLimits{});
  EXPECT_EQ(parser.quirks_mode(), QuirksMode::kQuirks);
  parser.parse("<!doctype html><p>", doc, DomLimits{});
  EXPECT_EQ(parser.quirks_mode(), QuirksMode::kNoQuirks);
}

}  // namespace
}  // namespace lede::html
