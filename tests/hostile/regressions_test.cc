// Inputs the fuzz targets (fuzz/) found crashing or breaking an invariant,
// kept as tests at the smallest form that still showed the bug.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/text.h"
#include "growth.h"
#include "html/parse.h"
#include "input/decode.h"
#include "metadata/json_ld.h"
#include "metadata/metadata.h"

namespace lede {
namespace {

// fuzz_decode: bytes 0xF8-0xFF were read as four-byte sequence leads, so the
// UTF-8 repair let them through and the "UTF-8" handed to the parser was not.
TEST(FuzzRegression, DecodingNeverPassesLeadBytesF8ToFFThrough) {
  auto d = input::decode_to_utf8("\xF8\xAD\x83\xAC", "utf-16le", /*sniff_markup=*/false);
  ASSERT_TRUE(d) << d.error().message;
  EXPECT_TRUE(input::is_valid_utf8(d->utf8));

  for (int lead = 0xF8; lead <= 0xFF; ++lead) {
    std::string s = {static_cast<char>(lead), '\x80', '\x80', '\x80', 'x'};
    size_t i = 0;
    EXPECT_EQ(core::next_code_point(s, i), 0xFFFDu) << lead;
    EXPECT_EQ(i, 1u) << lead;
  }
}

// fuzz_html_lede: the adoption agency algorithm moves subtrees under new
// formatting elements, so depths noted at insertion went stale and repeated
// misnested <b><i><div> nested content far past max_depth (145 levels at a
// limit of 64).
TEST(FuzzRegression, MisnestedFormattingStaysWithinMaxDepth) {
  std::string html;
  for (int i = 0; i < 60; ++i) html += "<div>";
  for (int i = 0; i < 40; ++i) html += "<b><i><div>x</b>";
  for (auto parser : {html::ParserKind::kLede, html::ParserKind::kGumbo}) {
    html::Document doc;
    html::parse(html, doc, html::DomLimits{20'000, 64}, parser);
    uint32_t deepest = 0;
    size_t texts = 0;
    for (html::NodeId n = 0; n < doc.node_count(); ++n) {
      uint32_t depth = 0;
      for (html::NodeId p = doc.parent(n); p != html::kNoNode; p = doc.parent(p)) ++depth;
      if (depth > deepest) deepest = depth;
      texts += doc.is_text(n) ? doc.text(n).size() : 0;
    }
    EXPECT_LE(deepest, 65u);  // elements at most 64 deep, their text one more
    EXPECT_EQ(texts, 40u);    // every "x" kept
  }
}

// fuzz_json_ld (the CI run's first, empty input): an empty block reached the
// JSON parser as a null pointer, which it passed to memcpy (undefined
// behaviour that UBSan stops on).
TEST(FuzzRegression, EmptyJsonLdBlockIsNothingToRead) {
  metadata::JsonLd ld;
  metadata::add_json_ld(std::string_view{}, ld);
  metadata::add_json_ld("   ", ld);
  EXPECT_FALSE(metadata::parse_json_ld(std::string_view{}).found);
}

// fuzz_html_gumbo: gumbo writes a numeric character reference past U+10FFFF
// as bytes that are not UTF-8; the Document must hold U+FFFD instead.
TEST(FuzzRegression, GumboCharacterReferencePastUnicodeBecomesReplacementCharacter) {
  for (std::string_view html : {"&#11111111111", "<p title=\"&#x7FFFFFFF;\">&#x110000;</p>"}) {
    html::Document doc;
    html::parse(html, doc, {}, html::ParserKind::kGumbo);
    bool found = false;
    for (html::NodeId n = 0; n < doc.node_count(); ++n) {
      if (doc.is_text(n)) {
        EXPECT_TRUE(input::is_valid_utf8(doc.text(n))) << html;
        found |= doc.text(n).find("\xEF\xBF\xBD") != std::string_view::npos;
      }
      for (const html::Attribute& a : doc.attributes(n))
        EXPECT_TRUE(input::is_valid_utf8(doc.view(a.value))) << html;
    }
    EXPECT_TRUE(found) << html;
  }
}

// tests/hostile (JSON-LD nested 1,000,000 deep): a block that needs the
// lenient reader (here for its comment) was re-serialised recursively, one
// stack frame per level, and overflowed the stack.
TEST(HostileRegression, LenientJsonLdNestedAMillionDeepIsReadWithoutRecursion) {
  std::string deep = "/* generated */" + std::string(1'000'000, '[') + std::string(1'000'000, ']');
  EXPECT_FALSE(metadata::parse_json_ld(deep).found);
  // The lenient reader still reads a block that is only near-JSON.
  metadata::JsonLdArticle a = metadata::parse_json_ld(
      "/* c */ {\"@type\": \"NewsArticle\", \"headline\": \"Hi\", "
      "\"author\": [{\"name\": \"Jo Roe\"}]}");
  EXPECT_TRUE(a.found);
  EXPECT_EQ(a.headline, "Hi");
  ASSERT_EQ(a.authors.size(), 1u);
  EXPECT_EQ(a.authors[0].name, "Jo Roe");
}

// scripts/sanitize.sh (tests/html hostile input, 100,000 nested <template>):
// an end of file closed one template per recursive call, and the stack ran
// out; a million overflows it without sanitizers too.
TEST(HostileRegression, EndOfFileInsideAMillionTemplatesDoesNotRecurse) {
  std::string html;
  for (int i = 0; i < 1'000'000; ++i) html += "<template>";
  html::Document doc;
  html::parse(html, doc, {}, html::ParserKind::kLede);
  EXPECT_GT(doc.node_count(), 1u);
}

// tests/hostile (10,000 <meta> tags): each tag was compared with every tag
// kept before it, recomputing both comparison keys: 50,000 tags took minutes.
TEST(HostileRegression, FiftyThousandTagsAreReadInLinearTime) {
  auto make = [](size_t n) {
    std::string html = "<html><head><title>Ferry delayed</title>";
    for (size_t i = 0; i < n; ++i)
      html += "<meta property=\"article:tag\" content=\"tag number " + std::to_string(i) + "\">";
    return html + "</head><body><p>Text.</p></body></html>";
  };
  EXPECT_LINEAR(lede::testing::measure_growth(
      [&](size_t n) {
        auto doc = std::make_shared<html::Document>();
        html::parse(make(n), *doc, {});
        return [doc] { (void)metadata::read_metadata(*doc); };
      },
      12'500, "read_metadata: article:tag"));
  html::Document doc;
  html::parse(make(50'000), doc, {});
  metadata::PageMetadata meta = metadata::read_metadata(doc);
  EXPECT_FALSE(meta.tags.empty());
  EXPECT_LE(meta.tags.size(), 100u);
  EXPECT_EQ(meta.tags.front(), "tag number 0");
}

// tests/hostile (invalid UTF-8 everywhere): a <title> that never closes holds
// the rest of the page as one text node, and all of it became the title.
TEST(HostileRegression, UnclosedTitleIsReadOnlyAsFarAsATitleGoes) {
  std::string html = "<html><head><title>Ferry delayed | The Harbour News" +
                     std::string(4 << 20, 'x') + "</body></html>";
  html::Document doc;
  html::parse(html, doc, {});
  metadata::PageMetadata meta = metadata::read_metadata(doc);
  EXPECT_LT(meta.title.size(), 4096u);
  EXPECT_EQ(meta.title.rfind("Ferry delayed", 0), 0u) << meta.title.substr(0, 80);
}

}  // namespace
}  // namespace lede
