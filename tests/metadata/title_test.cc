#include "metadata/title.h"

#include <gtest/gtest.h>

namespace lede::metadata {
namespace {

TEST(StripSiteName, RemovesAKnownSiteNameAfterTheHeadline) {
  EXPECT_EQ(strip_site_name("Ferry deal signed | Eastport Daily Herald", "Eastport Daily Herald",
                            ""),
            "Ferry deal signed");
  EXPECT_EQ(strip_site_name("Ferry deal signed - The Herald", "Herald", ""), "Ferry deal signed");
}

TEST(StripSiteName, RemovesASiteNameBeforeTheHeadline) {
  EXPECT_EQ(strip_site_name("BBC News - Storm closes the bridge", "", "bbc.co.uk"),
            "Storm closes the bridge");
}

TEST(StripSiteName, RemovesSectionAndSiteTails) {
  EXPECT_EQ(strip_site_name("Storm closes the bridge | Local | Example.com", "", ""),
            "Storm closes the bridge | Local");
  EXPECT_EQ(strip_site_name("Storm closes the bridge – NYTimes.com", "", "nytimes.com"),
            "Storm closes the bridge");
}

TEST(StripSiteName, KeepsHeadlinesWhoseSeparatorIsPartOfTheStory) {
  EXPECT_EQ(strip_site_name("Biden - Putin talks end without a deal", "Daily Planet", ""),
            "Biden - Putin talks end without a deal");
  EXPECT_EQ(strip_site_name("Daily Planet", "Daily Planet", ""), "Daily Planet");
}

TEST(StripUnnamedSite, RemovesAShortTailAfterALongerHead) {
  EXPECT_EQ(strip_unnamed_site("Lorem ipsum dolor sit amet – My website"),
            "Lorem ipsum dolor sit amet");
  EXPECT_EQ(strip_unnamed_site("Storm hits - a long story of the night the river rose"),
            "Storm hits - a long story of the night the river rose");
  EXPECT_EQ(strip_unnamed_site("Short head | Site"), "Short head | Site");
}

TEST(StripUnnamedSite, RemovesABracketedSiteName) {
  EXPECT_EQ(strip_unnamed_site("Weekly Edition for March 26, 2015 [LWN.net]"),
            "Weekly Edition for March 26, 2015");
}

TEST(SiteAndSection, RecognisesATitleOfShortParts) {
  EXPECT_TRUE(looks_like_site_and_section("Cedar Bluff Gazette Online - Local News"));
  EXPECT_FALSE(looks_like_site_and_section("Elks Lodge marks 100 years with open house - Gazette"));
  EXPECT_FALSE(looks_like_site_and_section("linux video"));
}

TEST(HeadlineWithTail, RecognisesTheHeadlineFollowedBySiteFurniture) {
  EXPECT_TRUE(is_headline_with_tail("Storm closes bridge | Local News | Gazette",
                                    "Storm closes bridge"));
  EXPECT_FALSE(is_headline_with_tail("Storm closes bridge again", "Storm closes bridge"));
}

TEST(ComparisonKey, IgnoresCasePunctuationAndSpace) {
  EXPECT_EQ(comparison_key("The N.Y. Times"), "thenytimes");
  EXPECT_EQ(comparison_key("Élise  Garnier"), comparison_key("élise garnier"));
}

}  // namespace
}  // namespace lede::metadata
