// The seed story (../shared/seeds/000_0c70c244627f000f.txt): an AP wire story
// as a scraper left it. Text mode must recover its structure. See issue 6.

#include <gtest/gtest.h>

#include "lede/lede.h"
#include "seed_story.h"

namespace lede::textmode {
namespace {

class SeedGolden : public ::testing::Test {
 protected:
  void SetUp() override {
    std::optional<std::string> text = lede::testing::read_seed_story();
    if (!text) GTEST_SKIP() << "seed story not found at " << lede::testing::seed_story_path()
                            << " (set LEDE_DATA_DIR)";
    Result<Article> article = lede::testing::extract_seed_story(*text, /*analyze=*/false);
    ASSERT_TRUE(article) << article.error().message;
    article_ = std::move(*article);
  }
  Article article_;
};

TEST_F(SeedGolden, ReadsHeadline) {
  EXPECT_EQ(article_.title,
            "NATO leader says Ukrainians are making progress and advancing against Russian forces");
}

TEST_F(SeedGolden, ReadsPublishedTimeWithoutZone) {
  EXPECT_EQ(article_.published, "2023-06-13T11:06:00");
}

TEST_F(SeedGolden, WarnsAboutBylineWithoutName) {
  EXPECT_TRUE(article_.authors.empty());
  ASSERT_EQ(article_.warnings.size(), 1u);
  EXPECT_EQ(article_.warnings[0], "byline has no name");
}

TEST_F(SeedGolden, DetectsTheLanguage) { EXPECT_EQ(article_.language, "en"); }

TEST_F(SeedGolden, ReadsDateline) {
  EXPECT_EQ(article_.dateline.place, "WASHINGTON");
  EXPECT_EQ(article_.dateline.agency, "AP");
}

TEST_F(SeedGolden, SplitsCaptionAndCredit) {
  ASSERT_EQ(article_.images.size(), 1u);
  EXPECT_EQ(article_.images[0].caption.rfind(
                "President Joe Biden meets with NATO Secretary General Jens Stoltenberg", 0),
            0u);
  EXPECT_EQ(article_.images[0].credit, "AP Photo/Manuel Balce Ceneta");
}

TEST_F(SeedGolden, BodyHoldsEveryParagraphAndNoDebris) {
  const std::string& t = article_.text;
  EXPECT_EQ(t.rfind("WASHINGTON (AP) — NATO Secretary-General Jens Stoltenberg told", 0), 0u);
  const std::string end = "on Monday evening.";
  ASSERT_GE(t.size(), end.size());
  EXPECT_EQ(t.substr(t.size() - end.size()), end);
  const char* paragraphs[] = {
      "“The support that we are providing together for Ukraine",
      "He added, “It’s still early days",
      "Biden said NATO has grown more unified",
      "The White House meeting, the fourth between the two leaders",
      "Ukraine, armed with Western weapons",
      "Russian President Vladimir Putin has claimed",
      "In addition, no consensus has emerged",
      "Last week, British Prime Minister Rishi Sunak",
      "NATO has expanded since Russia’s invasion",
      "However, Biden has expressed confidence",
      "The meeting with Stoltenberg was delayed by a day",
  };
  for (const char* p : paragraphs) EXPECT_NE(t.find(p), std::string::npos) << p;
  for (const char* junk : {"date 2023-06-13", "Close", "BY", "Jun 13, 2023, 11:06 AM",
                           "President Joe Biden meets with NATO Secretary General"})
    EXPECT_EQ(t.find(junk), std::string::npos) << junk;
  EXPECT_EQ(article_.blocks.size(), 13u);
  EXPECT_EQ(article_.source.kind, "text");
}

}  // namespace
}  // namespace lede::textmode
