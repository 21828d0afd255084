#include "extraction/page_type.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "extraction/extractor.h"
#include "html/parse.h"

namespace lede::extraction {
namespace {

PageType type_of(const std::string& page) {
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  return decide_page_type(gather_page_evidence(doc));
}

TEST(PageType, ForumPostingSchemaMakesAThread) {
  EXPECT_EQ(type_of(R"(<html><head><script type="application/ld+json">
    {"@context":"https://schema.org","@type":"DiscussionForumPosting","headline":"Pump noise"}
    </script></head><body><p>My pump hums at night.</p></body></html>)"),
            PageType::kForum);
}

TEST(PageType, AThreadsOwnSchemaLeavesNoSecondChoice) {
  // Its model reads a story; its schema.org type says a thread. The
  // schema's word stands, with no second choice close enough to be read.
  html::Document doc;
  std::string page = R"(<html><head><meta property="og:type" content="article">
    <script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","headline":"Bridge",
    "datePublished":"2024-03-01","author":{"@type":"Person","name":"Ann Lee"}},
    {"@type":"DiscussionForumPosting","headline":"Bridge"}]}</script>
    <meta property="article:published_time" content="2024-03-01"></head><body><article>
    <h1>Bridge opens</h1><p class="byline">By Ann Lee</p>)";
  for (int i = 1; i <= 6; ++i)
    page += "<p>The bridge opened on Monday after two years of work, and the first cars crossed "
            "it at dawn, paragraph " +
            std::to_string(i) + " of the report.</p>";
  html::parse(page + "</article></body></html>", doc, html::DomLimits{});
  const PageTypeDecision d = decide_page_type_scored(gather_page_evidence(doc));
  EXPECT_EQ(d.type, PageType::kForum);
  EXPECT_EQ(d.runner_up, PageType::kArticle);
  EXPECT_TRUE(std::isinf(d.lead_over_runner_up)) << d.lead_over_runner_up;
}

TEST(PageEvidence, ReadsSchemaTypesInAGraphAndInLists) {
  html::Document doc;
  html::parse(R"(<html><head><script type="application/ld+json">
    {"@graph":[{"@type":["Product"],"name":"Kettle"},{"@type":"BreadcrumbList"}]}
    </script></head><body><p>A kettle.</p></body></html>)",
              doc, html::DomLimits{});
  const PageEvidence e = gather_page_evidence(doc);
  EXPECT_TRUE(e.product_schema);
  EXPECT_TRUE(e.breadcrumb_schema);
  EXPECT_FALSE(e.article_schema);
}

TEST(PageType, NewsArticleSchemaMakesAnArticle) {
  EXPECT_EQ(type_of(R"(<html><head><meta property="og:type" content="article">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"Bridge opens"}</script>
    </head><body><article><p>The bridge opened.</p></article></body></html>)"),
            PageType::kArticle);
}

TEST(PageType, ManyArticleCardsMakeAListing) {
  std::string page = "<html><body><main>";
  for (int i = 0; i < 6; ++i)
    page += "<article><h2><a href='/p" + std::to_string(i) + "'>Post title number " +
            std::to_string(i) + "</a></h2><p>A summary of the post.</p></article>";
  page += "</main></body></html>";
  EXPECT_EQ(type_of(page), PageType::kListing);
}

TEST(PageType, CodeBlocksUnderADocsAddressMakeDocumentation) {
  EXPECT_EQ(type_of(R"(<html><head><link rel="canonical" href="https://example.org/docs/install">
    </head><body><main><h1>Install</h1>
    <p>To install the library from source, run the following command:</p>
    <pre>make install</pre><p>Then run the tests to check the build:</p><pre>make test</pre>
    <p>See the configuration reference for the options.</p></main></body></html>)"),
            PageType::kDocumentation);
}

TEST(PageType, AddressPathWordsNameTheKind) {
  EXPECT_EQ(type_of(R"(<html><head><link rel="canonical" href="https://example.org/forum/t/1">
    </head><body><p>Hello.</p></body></html>)"),
            PageType::kForum);
  EXPECT_EQ(
      type_of(R"(<html><head><link rel="canonical" href="https://example.org/collections/mugs">
    </head><body><p>Mugs.</p></body></html>)"),
      PageType::kCollection);
}

TEST(PageType, ProductMarkupWithPriceAndCartMakesAProduct) {
  EXPECT_EQ(type_of(R"(<html><head><meta property="og:type" content="product">
    <link rel="canonical" href="https://example.org/products/blue-kettle">
    <script type="application/ld+json">{"@type":"Product","name":"Blue kettle",
    "offers":{"@type":"Offer","price":"19.99"}}</script></head><body>
    <h1>Blue kettle</h1><div class="product-price">$19.99</div>
    <form class="cart"><input name="quantity"><button class="add-to-cart">Add to cart</button>
    </form><p>Boils a litre in three minutes.</p></body></html>)"),
            PageType::kProduct);
}

TEST(PageEvidence, CountsCardsProseAndTheAddressShape) {
  std::string page = R"(<html><head>
    <link rel="canonical" href="https://example.org/2024/05/the-bridge-opens-to-traffic">
    <meta property="article:published_time" content="2024-05-01"></head><body><main>)";
  for (int i = 0; i < 5; ++i)
    page += "<div class='card'><h3><a href='/s" + std::to_string(i) + "'>Story " +
            std::to_string(i) + "</a></h3></div>";
  const std::string sentence = "The bridge opened to traffic this morning after two years. ";
  page += "<p>" + sentence + sentence + sentence + sentence + "</p><p>Tickets cost $12.</p>";
  page += "</main></body></html>";
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  const PageEvidence e = gather_page_evidence(doc);
  EXPECT_EQ(e.max_titled_cards, 5u);
  EXPECT_EQ(e.titled_card_groups, 1u);
  EXPECT_EQ(e.card_names, 5u);
  EXPECT_EQ(e.long_paragraphs, 1u);
  EXPECT_EQ(e.currency, 1u);
  EXPECT_TRUE(e.published);
  EXPECT_TRUE(e.date_path);
  EXPECT_EQ(e.path_depth, 3u);
  EXPECT_EQ(e.slug_words, 5u);
  EXPECT_EQ(page_features(e).size(), page_feature_names().size());
}

TEST(PageEvidence, FindsWhereTheTextStandsAndTheDatedCards) {
  std::string page = "<html><body><nav><ul>";
  for (int i = 0; i < 5; ++i)
    page += "<li><a href='/s" + std::to_string(i) + "'>Section " + std::to_string(i) + "</a></li>";
  page += "</ul></nav><main><ul class='posts'>";
  for (int i = 1; i <= 4; ++i)
    page += "<li class='post'><h2><a href='/p" + std::to_string(i) + "'>Release notes</a></h2>" +
            "<span>May " + std::to_string(i) + ", 2025</span><p>Fixes for version 1.4." +
            std::to_string(i) + " of the tool, with a long list of changes.</p></li>";
  page += "</ul><h2 id='install'>Install</h2><pre>make install</pre></main></body></html>";
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  const PageEvidence e = gather_page_evidence(doc);
  EXPECT_EQ(e.run_items, 4u);
  EXPECT_EQ(e.run_dated, 4u);
  EXPECT_EQ(e.run_priced, 0u);
  EXPECT_GT(e.run_text_bytes, e.text_bytes / 2);
  EXPECT_EQ(e.dates, 4u);
  EXPECT_EQ(e.versions, 4u);
  EXPECT_EQ(e.heading_ids, 1u);
  EXPECT_EQ(e.code_text_bytes, std::string_view("make install").size());
  // The menu is a link block, and the only one: the posts are mostly prose.
  EXPECT_EQ(e.link_block_bytes, e.nav_text_bytes);
}

TEST(PageEvidence, WordsAreRunsOfLettersInLowerCase) {
  html::Document doc;
  html::parse(
      "<html><head><script>var replyCount = 1;</script></head><body><p>Reply to the "
      "Thread, v2 caf\xC3\xA9</p></body></html>",
      doc, html::DomLimits{});
  EXPECT_EQ(page_words(doc), (std::vector<std::string>{"caf", "reply", "the", "thread", "to"}));
}

TEST(PageEvidence, TitleWordsAreThoseOfTheFirstTitleAndTheFirstHeading) {
  html::Document doc;
  html::parse(
      "<html><head><title>Forum: Brewing Help</title></head><body><svg><title>Close "
      "icon</title></svg><h1>Best grinder?</h1><h1>Reply</h1><p>Docs</p></body></html>",
      doc, html::DomLimits{});
  EXPECT_EQ(page_title_words(doc),
            (std::vector<std::string>{"best", "brewing", "forum", "grinder", "help"}));
}

// The evidence of a page.
PageEvidence evidence_of(const std::string& page) {
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  return gather_page_evidence(doc);
}

TEST(PageEvidence, TitleVocabularyIsReadOffTheTitleAndFirstHeadingOnly) {
  // Words a title vocabulary of widespread title words holds some of.
  const std::string words = "How to choose the best coffee grinder: a complete guide for beginners";
  const auto held = [](const std::string& page) { return evidence_of(page).title_words_held; };
  EXPECT_FALSE(held("<html><head><title>" + words + "</title></head><body></body></html>").empty());
  EXPECT_FALSE(held("<html><body><h1>" + words + "</h1></body></html>").empty());
  // The same words in the text, or in a second heading, are not the title's.
  EXPECT_TRUE(held("<html><body><p>" + words + "</p></body></html>").empty());
  EXPECT_TRUE(held("<html><body><h1>Zq</h1><h1>" + words + "</h1></body></html>").empty());
  // The text's own vocabulary still holds them.
  EXPECT_FALSE(evidence_of("<html><body><p>" + words + "</p></body></html>").words.empty());
}

TEST(PageEvidence, ClassWordsAreTheWordsOfEveryElementsClassAndIdNames) {
  html::Document doc;
  html::parse(
      "<html><head><link class='StyleSheet' rel='stylesheet' href='a.css'></head><body "
      "id='page-top'><div class='product-card__price  js-2x'><p id='reply42'>Cart</p></div>"
      "<span class='a ab'>x</span></body></html>",
      doc, html::DomLimits{});
  // Runs of letters in lower case, 3 letters long at least; the text's words are not theirs.
  EXPECT_EQ(page_class_words(doc), (std::vector<std::string>{"card", "page", "price", "product",
                                                             "reply", "stylesheet", "top"}));
}

TEST(PageEvidence, ClassVocabularyIsReadOffTheNamesOnly) {
  // Names a vocabulary of widespread class words holds some of.
  const std::string names = "entry-content post-title site-header menu-item widget sidebar";
  const auto held = [](const std::string& page) { return evidence_of(page).class_words_held; };
  EXPECT_FALSE(held("<html><body><div class='" + names + "'>Hello</div></body></html>").empty());
  EXPECT_FALSE(held("<html><body><div id='" + names + "'>Hello</div></body></html>").empty());
  // The same words in the text are not the names'.
  EXPECT_TRUE(held("<html><body><p>" + names + "</p></body></html>").empty());
}

TEST(PageType, NamesAreTheRecordValues) {
  EXPECT_EQ(page_type_name(PageType::kDocumentation), "documentation");
  EXPECT_EQ(page_type_name(PageType::kOther), "other");
}

TEST(PageType, EveryNameIsReadBackAndNoOther) {
  for (PageType t : {PageType::kArticle, PageType::kForum, PageType::kProduct,
                     PageType::kCollection, PageType::kListing, PageType::kDocumentation,
                     PageType::kService, PageType::kOther})
    EXPECT_EQ(page_type_named(page_type_name(t)), t) << page_type_name(t);
  EXPECT_EQ(page_type_named("blog"), std::nullopt);
  EXPECT_EQ(page_type_named("Forum"), std::nullopt);
  EXPECT_EQ(page_type_named(""), std::nullopt);
}

// A type the caller gives is sure: a listing so given is read with a
// listing's weights, and no second choice is read against it.
TEST(PageType, AGivenTypeIsSure) {
  const PageTypeDecision listing = given_page_type(PageType::kListing);
  EXPECT_EQ(listing.type, PageType::kListing);
  EXPECT_EQ(listing.runner_up, PageType::kListing);
  EXPECT_GT(listing.lead_over_article, 100.0f);
  EXPECT_GT(listing.lead_over_runner_up, 100.0f);
  EXPECT_EQ(given_page_type(PageType::kArticle).lead_over_article, 0.0f);
}

Body extract(const std::string& page, std::string_view title = "") {
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  BodyExtractor extractor;
  return extractor.extract(doc, BodyHints{title, "", "", true});
}

TEST(LinkBox, CapitalLabelBetweenParagraphsAndItsLinksAreLeftOut) {
  const std::string p1 =
      "The council voted on Tuesday to keep the ferry running through the winter months, "
      "after a long debate about the cost of fuel and crew.";
  const std::string p2 =
      "The service will run twice a day from November, the harbour master said, and the "
      "fares stay as they are until the spring review of the timetable.";
  Body body = extract("<html><body><article><p>" + p1 +
                      "</p><p>RELATED COVERAGE</p><p><a href='/a'>Ferry fares rise again</a></p>"
                      "<p><a href='/b'>Harbour gets new crane</a></p><p>" +
                      p2 + "</p></article></body></html>");
  EXPECT_EQ(body.text, p1 + "\n\n" + p2);
}

TEST(Listing, WholeCardLinksAreItsContent) {
  // Each card is one link around its title and summary.
  std::string page = "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><main>";
  std::string want;
  for (int i = 0; i < 8; ++i) {
    const std::string n = std::to_string(i);
    const std::string title = "Council approves harbour plan number " + n;
    const std::string summary =
        "The vote came after a long debate about the cost of plan " + n + ".";
    page +=
        "<article><a href='/p" + n + "'><h2>" + title + "</h2><p>" + summary + "</p></a></article>";
    want += (want.empty() ? "" : "\n\n") + title + "\n\n" + summary;
  }
  page += "</main><footer><p>About us</p></footer></body></html>";
  Body body = extract(page);
  EXPECT_EQ(body.page_type, "listing") << body.explanation;
  EXPECT_EQ(body.text, want) << body.explanation;
}

TEST(Forum, ShortPostsWithTheirPostersLinkAreKept) {
  std::string page = R"(<html><head><script type="application/ld+json">
    {"@type":"DiscussionForumPosting","headline":"Pump noise"}</script></head><body><main>)";
  std::string want;
  const char* posts[] = {"My heat pump hums loudly every night after midnight.",
                         "Check the anti-vibration feet first.", "That was it, thanks.",
                         "Same here with a 6 kW unit.", "Glad it is solved."};
  for (int i = 0; i < 5; ++i) {
    page += "<div class='post'><a href='/u/" + std::to_string(i) + "'>user" + std::to_string(i) +
            "</a><p>" + posts[i] + "</p></div>";
    want += (want.empty() ? "" : "\n\n") + std::string(posts[i]);
  }
  page += "</main></body></html>";
  Body body = extract(page);
  EXPECT_EQ(body.page_type, "forum");
  for (const char* post : posts)
    EXPECT_NE(body.text.find(post), std::string::npos) << post << "\n" << body.explanation;
}

TEST(Explain, NamesTheContainerAndEveryBlock) {
  Body body = extract(
      "<html><body><div class='story'><p>A long enough first paragraph of the story that reads "
      "as prose, with a full stop.</p></div><div class='links'><a href='/a'>Other story one</a> "
      "<a href='/b'>Other story two</a></div></body></html>");
  EXPECT_NE(body.explanation.find("container: div.story"), std::string::npos) << body.explanation;
  EXPECT_NE(body.explanation.find("kept"), std::string::npos);
  EXPECT_NE(body.explanation.find("page type: "), std::string::npos);
}

}  // namespace
}  // namespace lede::extraction
