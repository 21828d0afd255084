#include "metadata/json_ld.h"

#include <gtest/gtest.h>

namespace lede::metadata {
namespace {

TEST(JsonLd, PrefersNewsArticleOverWebPage) {
  JsonLdArticle a = parse_json_ld(R"([
    {"@type": "WebPage", "name": "Page"},
    {"@type": "NewsArticle", "headline": "Story", "datePublished": "2023-06-13T11:06:00-04:00"}
  ])");
  EXPECT_EQ(a.type, "NewsArticle");
  EXPECT_EQ(a.headline, "Story");
  EXPECT_EQ(a.date_published, "2023-06-13T11:06:00-04:00");
}

TEST(JsonLd, FindsTheArticleInsideAGraph) {
  JsonLd ld;
  add_json_ld(R"({"@context": "https://schema.org", "@graph": [
    {"@type": "WebSite", "name": "The Harwick Sentinel", "inLanguage": "en-US"},
    {"@type": ["Article", "NewsArticle"], "headline": "Ban", "publisher": {"name": "Sentinel"}}
  ]})",
              ld);
  EXPECT_EQ(ld.article.headline, "Ban");
  EXPECT_EQ(ld.article.publisher, "Sentinel");
  EXPECT_EQ(ld.website_name, "The Harwick Sentinel");
  EXPECT_EQ(ld.website_language, "en-US");
}

TEST(JsonLd, ReadsAuthorsAsStringsObjectsAndArrays) {
  JsonLdArticle a = parse_json_ld(R"({"@type": "BlogPosting", "author": [
    "Jane Doe", {"@type": "Person", "name": "John Roe"},
    {"@type": "Organization", "name": "Reuters"}, {"@id": "#nobody"}]})");
  ASSERT_EQ(a.authors.size(), 3u);
  EXPECT_EQ(a.authors[0].name, "Jane Doe");
  EXPECT_FALSE(a.authors[0].organization);
  EXPECT_EQ(a.authors[1].name, "John Roe");
  EXPECT_TRUE(a.authors[2].organization);
}

TEST(JsonLd, MergesBlocksKeepingTheMostSpecificType) {
  JsonLd ld;
  add_json_ld(R"({"@type": "Article", "headline": "Generic"})", ld);
  add_json_ld(R"({"@type": "NewsArticle", "headline": "Specific"})", ld);
  add_json_ld(R"({"@type": "WebPage", "headline": "Page"})", ld);
  EXPECT_EQ(ld.article.headline, "Specific");
}

TEST(JsonLd, IgnoresBrokenJson) {
  JsonLd ld;
  add_json_ld(R"({"@type": "NewsArticle", "headline": )", ld);
  EXPECT_FALSE(ld.article.found);
}

TEST(JsonLd, KeepsTheDateOfAnotherCreativeWorkApart) {
  JsonLd ld;
  add_json_ld(R"({"@type": "Recipe", "name": "Rye bread", "datePublished": "2021-03-04",
    "review": {"@type": "Review", "datePublished": "2022-01-01"}})",
              ld);
  EXPECT_FALSE(ld.article.found);
  EXPECT_EQ(ld.other_date_published, "2021-03-04");
}

TEST(JsonLd, LeavesTheDatesOfListItemsAndCommentsOut) {
  JsonLd ld;
  add_json_ld(R"([{"@type": "ItemList", "itemListElement": [
      {"@type": "ListItem", "item": {"@type": "Recipe", "datePublished": "2020-01-01"}}]},
    {"@type": "Comment", "dateCreated": "2020-02-02"},
    {"@type": "VideoObject", "uploadDate": "2021-03-04T10:00:00Z"}])",
              ld);
  EXPECT_EQ(ld.other_date_published, "2021-03-04T10:00:00Z");
}

TEST(JsonLd, LeavesTheDateOfAWorkThePageIsAboutOut) {
  JsonLd ld;
  add_json_ld(R"({"@type": "Book", "name": "Middlemarch", "datePublished": "1990-12-01"})", ld);
  EXPECT_EQ(ld.other_date_published, "");
}

TEST(JsonLd, ReadsTheDateOfABlockThatIsNotJson) {
  JsonLd ld;
  add_json_ld(R"({"@type": "NewsArticle", "headline": "The "big" day",
    "datePublished" : "2021-03-04T10:00:00+01:00", "author": )",
              ld);
  EXPECT_EQ(ld.other_date_published, "2021-03-04T10:00:00+01:00");
}

}  // namespace
}  // namespace lede::metadata
