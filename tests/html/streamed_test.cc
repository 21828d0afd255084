// place_streamed_segments: what React's runtime does to a streamed page once
// its scripts run, checked on the tree it leaves.
#include <gtest/gtest.h>

#include <string>

#include "growth.h"
#include "html/dom.h"
#include "html/parse.h"
#include "tree_dump.h"

namespace lede::html {
namespace {

// The dump of the <body>'s children in the html5lib format.
std::string dump_body(const Document &doc) {
  for (NodeId n = doc.root(); n != kNoNode; n = doc.next_in(n, doc.root()))
    if (doc.is(n, Tag::k_body)) return testing::dump_children(doc, n);
  return {};
}

// The <body> of `page` as parsed, and after its segments are placed.
std::string body_of(const std::string &page) {
  Document doc;
  parse(page, doc, DomLimits{});
  return dump_body(doc);
}

std::string placed_body(const std::string &page, uint32_t max_depth = DomLimits{}.max_depth) {
  Document doc;
  parse(page, doc, DomLimits{});
  place_streamed_segments(doc, max_depth);
  return dump_body(doc);
}

TEST(StreamedSegments, SegmentTakesThePlaceOfItsPlaceholder) {
  EXPECT_EQ(placed_body("<body><h1>Title</h1><div><template id='P:1'></template></div><p>After</p>"
                        "<div hidden id='S:1'><p>One</p><p>Two</p></div></body>"),
            body_of("<body><h1>Title</h1><div><p>One</p><p>Two</p></div><p>After</p></body>"));
}

TEST(StreamedSegments, BoundaryFallbackGivesWayToTheContent) {
  // The fallback between the template and the boundary's closing comment
  // goes; a boundary nested in it is closed by its own comment.
  EXPECT_EQ(placed_body("<body><main><!--$?--><template id='B:0'></template><p>Loading</p>"
                        "<!--$--><span>inner</span><!--/$--><!--/$--><p>Kept</p></main>"
                        "<div hidden id='S:0'><p>Story</p></div></body>"),
            body_of("<body><main><!--$?--><p>Story</p><!--/$--><p>Kept</p></main></body>"));
}

TEST(StreamedSegments, SegmentsInsideSegmentsArePlacedToo) {
  // The article's segment holds the placeholder of its second half.
  EXPECT_EQ(placed_body("<body><article><template id='P:1'></template></article>"
                        "<div hidden id='S:2'><p>Second</p></div>"
                        "<div hidden id='S:1'><p>First</p><template id='P:2'></template></div>"
                        "</body>"),
            body_of("<body><article><p>First</p><p>Second</p></article></body>"));
}

TEST(StreamedSegments, UnmatchedOrSelfContainedSegmentsStay) {
  // No placeholder of that name, and a placeholder inside its own segment:
  // nothing moves, and nothing is lost.
  const std::string page =
      "<body><p>Shell</p><div hidden id='S:7'><p>Seven</p></div>"
      "<div hidden id='S:8'><p>Eight</p><template id='P:8'></template></div></body>";
  EXPECT_EQ(placed_body(page), body_of(page));
}

TEST(StreamedSegments, ContentThatWouldStandTooDeepStays) {
  // Placed ten levels down, the segment's ten levels would stand twenty deep:
  // past a cap of 16 it stays where it came, under a cap of 32 it moves.
  std::string deep_open, deep_close;
  for (int i = 0; i < 10; ++i) {
    deep_open += "<div>";
    deep_close += "</div>";
  }
  const std::string page = "<body>" + deep_open + "<template id='P:1'></template>" + deep_close +
                           "<div hidden id='S:1'>" + deep_open + "<p>Deep</p>" + deep_close +
                           "</div></body>";
  EXPECT_EQ(placed_body(page, 16), body_of(page));
  EXPECT_EQ(placed_body(page, 32),
            body_of("<body>" + deep_open + deep_open + "<p>Deep</p>" + deep_close + deep_close +
                    "</body>"));
}

TEST(StreamedSegments, OpenBoundaryKeepsItsSiblings) {
  // A boundary whose closing comment is missing: the content goes where the
  // template was, and what follows it stays.
  EXPECT_EQ(placed_body("<body><div><template id='B:3'></template><p>Rest</p></div>"
                        "<div hidden id='S:3'><p>Story</p></div></body>"),
            body_of("<body><div><p>Story</p><p>Rest</p></div></body>"));
}

TEST(StreamedSegments, ThousandsOfUnclosedBoundariesTakeLinearTime) {
  // Every boundary open and none closed, all siblings: each search for a
  // boundary's end is bounded, so the whole grows with the page, not its square.
  const auto make = [](size_t n) {
    std::string page = "<body><div>";
    for (size_t i = 0; i < n; ++i)
      page += "<!--$?--><template id='B:" + std::to_string(i) + "'></template><p>x</p>";
    page += "</div>";
    for (size_t i = 0; i < n; ++i)
      page += "<div hidden id='S:" + std::to_string(i) + "'><p>" + std::to_string(i) + "</p></div>";
    return page + "</body>";
  };
  EXPECT_LINEAR(lede::testing::measure_growth(
      [&](size_t size) {
        return [page = make(size)] {
          Document doc;
          parse(page, doc, DomLimits{});
          place_streamed_segments(doc, DomLimits{}.max_depth);
        };
      },
      5'000, "unclosed streaming boundaries"));
}

}  // namespace
}  // namespace lede::html
