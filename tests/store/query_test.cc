#include "store/query.h"

#include <gtest/gtest.h>

namespace lede::store {
namespace {

Query parse_ok(std::string_view q) {
  Result<Query> r = parse_query(q);
  EXPECT_TRUE(r) << q << ": " << (r ? "" : r.error().message);
  return r ? *r : Query{};
}

std::string error_of(std::string_view q) {
  Result<Query> r = parse_query(q);
  EXPECT_FALSE(r) << q;
  return r ? "" : r.error().message;
}

TEST(QueryLanguage, WordsAreEachRequired) {
  Query q = parse_ok("heat  wave");
  ASSERT_EQ(q.all.size(), 2u);
  EXPECT_EQ(q.all[0][0].text, "heat");
  EXPECT_EQ(q.all[1][0].text, "wave");
}

TEST(QueryLanguage, PhraseKeepsItsWordsTogether) {
  Query q = parse_ok("\"interest rates\" fed");
  ASSERT_EQ(q.all.size(), 2u);
  EXPECT_EQ(q.all[0][0].text, "interest rates");
}

TEST(QueryLanguage, OrJoinsTheNeighbouringWords) {
  Query q = parse_ok("storm rain OR snow");
  ASSERT_EQ(q.all.size(), 2u);
  ASSERT_EQ(q.all[1].size(), 2u);
  EXPECT_EQ(q.all[1][0].text, "rain");
  EXPECT_EQ(q.all[1][1].text, "snow");
}

TEST(QueryLanguage, LowerCaseOrIsAWord) {
  Query q = parse_ok("rain or snow");
  EXPECT_EQ(q.all.size(), 3u);
}

TEST(QueryLanguage, MinusExcludes) {
  Query q = parse_ok("election -poll -\"exit poll\"");
  ASSERT_EQ(q.none.size(), 2u);
  EXPECT_EQ(q.none[1].text, "exit poll");
}

TEST(QueryLanguage, FieldFiltersGoToTheirFields) {
  Query q = parse_ok(
      "site:www.APNews.com author:\"Jane Doe\" speaker:Stoltenberg person:Merkel lang:DE "
      "since:2023-06 until:2023-06-30 title:budget -site:example.org");
  EXPECT_EQ(q.sites, std::vector<std::string>{"apnews.com"});
  EXPECT_EQ(q.not_sites, std::vector<std::string>{"example.org"});
  EXPECT_EQ(q.langs, std::vector<std::string>{"de"});
  EXPECT_EQ(q.since, "2023-06-01");
  EXPECT_EQ(q.until, "2023-06-30");
  ASSERT_EQ(q.all.size(), 4u);
  EXPECT_EQ(q.all[0][0].field, Field::kAuthor);
  EXPECT_EQ(q.all[0][0].text, "Jane Doe");
  EXPECT_EQ(q.all[1][0].field, Field::kSpeaker);
  EXPECT_EQ(q.all[2][0].field, Field::kPerson);
  EXPECT_EQ(q.all[3][0].field, Field::kTitle);
}

TEST(QueryLanguage, YearAndMonthBoundsCoverTheirDays) {
  Query q = parse_ok("since:2022 until:2023-02");
  EXPECT_EQ(q.since, "2022-01-01");
  EXPECT_EQ(q.until, "2023-02-31");
}

TEST(QueryLanguage, UrlsAreWordsNotFilters) {
  Query q = parse_ok("https://example.com/a");
  ASSERT_EQ(q.all.size(), 1u);
  EXPECT_EQ(q.all[0][0].field, Field::kText);
}

TEST(QueryLanguage, PunctuationAloneIsDropped) {
  Query q = parse_ok("cats & dogs");
  EXPECT_EQ(q.all.size(), 2u);
}

TEST(QueryLanguage, FtsSyntaxInAWordIsQuotedAway) {
  Term t{Field::kText, "a\"b NEAR(c)"};
  EXPECT_EQ(fts_phrase(t, "{title body}"), "{title body} : \"a\"\"b NEAR(c)\"");
}

TEST(QueryLanguage, ErrorsSayWhere) {
  EXPECT_EQ(error_of("budget \"tax cuts"), "query: column 8: unterminated quote");
  EXPECT_EQ(error_of("OR rain"), "query: column 1: OR needs a word before it");
  EXPECT_EQ(error_of("rain OR"), "query: column 6: OR needs a word after it");
  EXPECT_EQ(error_of("rain OR OR snow"), "query: column 9: OR follows OR");
  EXPECT_NE(error_of("foo:bar").find("column 1: unknown filter 'foo:'"), std::string::npos);
  EXPECT_EQ(error_of("x since:2023-13-01"),
            "query: column 3: '2023-13-01' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
  EXPECT_EQ(error_of("x site:"), "query: column 3: 'site:' needs a value");
  EXPECT_EQ(error_of("rain - snow"), "query: column 6: '-' must be followed by a word");
  EXPECT_NE(error_of("since:2023-07-01 until:2023-06-01").find("nothing can match"),
            std::string::npos);
}

}  // namespace
}  // namespace lede::store
