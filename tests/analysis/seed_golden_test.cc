// The seed story (../shared/seeds/000_0c70c244627f000f.txt), body taken by text
// mode, analysed against its publication date: the quotes, speakers, people and
// time values that issue 8 lists.
#include <gtest/gtest.h>


#include "analysis/analyze.h"
#include "lede/lede.h"
#include "seed_story.h"

namespace lede::analysis {
namespace {

class SeedAnalysis : public ::testing::Test {
 protected:
  void SetUp() override {
    std::optional<std::string> text = lede::testing::read_seed_story();
    if (!text) GTEST_SKIP() << "seed story not found at " << lede::testing::seed_story_path()
                            << " (set LEDE_DATA_DIR)";
    Result<Article> article = lede::testing::extract_seed_story(*text, /*analyze=*/true);
    ASSERT_TRUE(article) << article.error().message;
    article_ = std::move(*article);
  }

  // The quote that starts with these words, else the one that holds them
  // (words quoted inside a reported clause belong to the clause's record).
  const lede::Quote* quote(std::string_view prefix) const {
    for (const auto& q : article_.quotes)
      if (std::string_view(q.text).starts_with(prefix)) return &q;
    for (const auto& q : article_.quotes)
      if (q.text.find(prefix) != std::string::npos) return &q;
    return nullptr;
  }
  const lede::Entity* person(std::string_view name) const {
    for (const auto& e : article_.entities)
      if (e.type == "person" && e.name == name) return &e;
    return nullptr;
  }
  std::vector<std::string> values(std::string_view text) const {
    std::vector<std::string> out;
    for (const auto& t : article_.times)
      if (t.text == text) out.push_back(t.value);
    return out;
  }

  lede::Article article_;
};

TEST_F(SeedAnalysis, StoltenbergsQuotesAreHis) {
  for (std::string_view prefix :
       {"The support that we are providing", "Because the offensive has launched",
        "It’s still early days", "making progress"}) {
    const lede::Quote* q = quote(prefix);
    ASSERT_NE(q, nullptr) << prefix;
    EXPECT_EQ(q->speaker, "Jens Stoltenberg") << prefix;
  }
  EXPECT_EQ(quote("The support that we are providing")->kind, "direct");
  EXPECT_EQ(quote("It’s still early days")->cue, "added");
  // Quoted inside his reported clause ("told Biden ... that Ukrainians are
  // “making progress” with ..."): one attribution, so one indirect record.
  EXPECT_EQ(quote("making progress")->kind, "indirect");
}

TEST_F(SeedAnalysis, BidenAndJillBidenAreDifferentSpeakers) {
  const lede::Quote* joe = quote("we’re going to be building on that momentum");
  const lede::Quote* jill = quote("he was up all night in pain");
  ASSERT_NE(joe, nullptr);
  ASSERT_NE(jill, nullptr);
  EXPECT_EQ(joe->speaker, "Joe Biden");
  EXPECT_EQ(jill->speaker, "Jill Biden");
  EXPECT_EQ(jill->kind, "direct");
}

TEST_F(SeedAnalysis, PutinsClaimIsIndirectSpeech) {
  const lede::Quote* q = quote("Ukraine is suffering setbacks");
  ASSERT_NE(q, nullptr);
  EXPECT_EQ(q->speaker, "Vladimir Putin");
  EXPECT_EQ(q->kind, "indirect");
}

TEST_F(SeedAnalysis, PeopleWithTheirTitles) {
  const std::vector<std::pair<std::string, std::string>> want = {
      {"Jens Stoltenberg", "NATO Secretary-General"},
      {"Joe Biden", "President"},
      {"Vladimir Putin", "Russian President"},
      {"Rishi Sunak", "British Prime Minister"},
      {"Ben Wallace", "U.K. Defense Minister"},
      {"Mette Frederiksen", "Danish Prime Minister"},
      {"Jill Biden", "first lady"}};
  for (const auto& [name, title] : want) {
    const lede::Entity* e = person(name);
    ASSERT_NE(e, nullptr) << name;
    EXPECT_EQ(e->titles, std::vector<std::string>{title}) << name;
  }
  EXPECT_EQ(person("Jens Stoltenberg")->mentions.size(), 5u);  // with "Stoltenberg" and "He"-free
  EXPECT_EQ(person("Jill Biden")->mentions.size(), 1u);
}

TEST_F(SeedAnalysis, TimeExpressionsResolvedAgainstThePublicationDate) {
  EXPECT_EQ(values("Tuesday"), std::vector<std::string>{"2023-06-13"});
  EXPECT_EQ(values("Monday"), std::vector<std::string>{"2023-06-12"});
  EXPECT_EQ(values("July 11"), std::vector<std::string>{"2023-07-11"});
  EXPECT_EQ(values("12"), std::vector<std::string>{"2023-07-12"});
  EXPECT_EQ(values("Last week"), std::vector<std::string>{"2023-W23"});
  EXPECT_EQ(values("the end of September"), std::vector<std::string>{"2023-09"});
  EXPECT_EQ(values("2014"), std::vector<std::string>{"2014"});
  EXPECT_EQ(values("Monday evening"), std::vector<std::string>{"2023-06-12TEV"});
}

TEST_F(SeedAnalysis, PublishedDateIsTheDefaultReference) {
  lede::Article a = article_;
  analyze(a, AnalyzeOptions{});  // article.published is "2023-06-13T11:06:00"
  bool found = false;
  for (const auto& t : a.times) found |= t.text == "Last week" && t.value == "2023-W23";
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace lede::analysis
