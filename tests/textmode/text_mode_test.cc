#include "textmode/text_mode.h"

#include <gtest/gtest.h>

namespace lede::textmode {
namespace {

// A w3m-style dump wrapped at 60 columns: menu, headline, byline, date, body, footer.
constexpr std::string_view kWrappedDump =
    "  • Home\n"
    "  • World\n"
    "  • Politics\n"
    "  • Sign in\n"
    "\n"
    "Council votes to rebuild the old river bridge\n"
    "\n"
    "By Jane Doe and John Roe, Staff Writers\n"
    "\n"
    "June 13, 2023 at 11:06 a.m. EDT\n"
    "\n"
    "SPRINGFIELD — The city council voted on Tuesday to rebuild\n"
    "the old river bridge, ending a debate that has lasted for\n"
    "more than a decade and divided the town.\n"
    "\n"
    "The vote was seven to two. Supporters said the bridge was\n"
    "unsafe and that repairs would cost nearly as much as a new\n"
    "span, while opponents wanted the money spent on schools.\n"
    "\n"
    "Construction is expected to begin next spring and to take\n"
    "about two years, the mayor said after the meeting.\n"
    "\n"
    "Share\n"
    "\n"
    "Related\n"
    "\n"
    "  • Mayor opens new park\n"
    "  • Schools ask for more money\n"
    "  • Weather: rain all week\n"
    "\n"
    "© 2023 Springfield Daily. All rights reserved.\n";

TEST(ReadText, RejoinsWrappedParagraphs) {
  const TextArticle a = read_text(kWrappedDump);
  ASSERT_EQ(a.blocks.size(), 3u);
  EXPECT_EQ(a.text.substr(a.blocks[0].start, a.blocks[0].end - a.blocks[0].start),
            "SPRINGFIELD — The city council voted on Tuesday to rebuild the old river bridge, "
            "ending a debate that has lasted for more than a decade and divided the town.");
  EXPECT_EQ(a.text.find('\n', a.blocks[0].end), a.blocks[0].end);
}

TEST(ReadText, FillsHeaderFields) {
  const TextArticle a = read_text(kWrappedDump);
  EXPECT_EQ(a.title, "Council votes to rebuild the old river bridge");
  EXPECT_EQ(a.published, "2023-06-13T11:06:00-04:00");
  EXPECT_EQ(a.authors, (std::vector<std::string>{"Jane Doe", "John Roe"}));
  EXPECT_TRUE(a.warnings.empty());
  EXPECT_EQ(a.method, "text-lines");
  // The dateline is read where every record's is, in src/assemble.
  EXPECT_EQ(a.text.rfind("SPRINGFIELD", 0), 0u);
}

TEST(ReadText, LeavesPageDebrisOut) {
  const TextArticle a = read_text(kWrappedDump);
  for (const char* junk : {"Sign in", "Share", "Related", "Mayor opens", "All rights", "By Jane"})
    EXPECT_EQ(a.text.find(junk), std::string::npos) << junk;
  const std::string end = "the mayor said after the meeting.";
  EXPECT_EQ(a.text.substr(a.text.size() - end.size()), end);
}

TEST(ReadText, BlocksPointIntoText) {
  const TextArticle a = read_text(kWrappedDump);
  uint32_t prev_end = 0;
  for (const Block& b : a.blocks) {
    EXPECT_EQ(b.type, BlockType::kParagraph);
    EXPECT_LE(prev_end, b.start);
    EXPECT_LT(b.start, b.end);
    EXPECT_LE(b.end, a.text.size());
    prev_end = b.end;
  }
  EXPECT_EQ(a.blocks.back().end, a.text.size());
}

TEST(ReadText, HandlesEmptyAndDebrisOnlyInput) {
  EXPECT_TRUE(read_text("").text.empty());
  EXPECT_TRUE(read_text("\n\n  \n").text.empty());
  const TextArticle a = read_text("  • Home\n  • News\n  • Sport\nClose\nShare\n");
  EXPECT_TRUE(a.text.empty());
}

TEST(ReadText, KeepsUnwrappedLinesApart) {
  // Short lines far from any wrap width are separate paragraphs.
  const TextArticle a = read_text(
      "Heading of a short note\n\n"
      "The first paragraph of the note is a full sentence with enough words in it.\n"
      "The second paragraph follows on the next line and it is also a sentence.\n");
  EXPECT_EQ(a.blocks.size(), 2u);
}

// Four paragraphs of a story, one per line (no wrapping).
constexpr std::string_view kStory =
    "The harbour board agreed on Monday to dredge the northern channel before the winter storms, "
    "after two cargo ships ran aground there in the space of a month.\n\n"
    "Pilots had warned for years that silt was building up faster than the board's surveys "
    "showed, and the insurers of both ships have asked for the survey records.\n\n"
    "The work will take about six weeks and will close the channel to large vessels at night, "
    "which the ferry company said it could live with until the spring.\n\n"
    "A second dredger is being hired from a port further down the coast, the board's chairman "
    "said, so that the work can finish before the first storms arrive.\n\n";

TEST(ReadText, DropsTeaserCardAfterTheArticle) {
  // Headline, author and date lines, then a one-paragraph summary of another story.
  const std::string text = std::string(kStory) +
                           "Town hall opens its doors for the winter market\n\n"
                           "Mary Major\n\n"
                           "Wednesday November 20, 2019\n\n"
                           "The stalls will stay open until late every Friday, and the council "
                           "hopes for more visitors than last year.\n";
  const TextArticle a = read_text(text);
  EXPECT_EQ(a.text.find("stalls"), std::string::npos);
  EXPECT_NE(a.text.find("before the first storms arrive."), std::string::npos);
}

TEST(ReadText, DropsSummaryAboveTheArticleHeader) {
  // A short summary, then the byline, date and share bar, then the story.
  const std::string text =
      "The harbour will be dredged before winter, after two ships ran aground in a month; pilots "
      "say the silt has built up for years and the insurers want the board's survey records.\n\n"
      "By Jane Doe\n\n"
      "November 18, 2019\n\n"
      "Share\n\n" +
      std::string(kStory);
  const TextArticle a = read_text(text);
  EXPECT_EQ(a.text.rfind("The harbour board agreed", 0), 0u) << a.text;
}

TEST(ReadText, KeepsBothHalvesOfAStorySplitByAPhoto) {
  // Three short lines (image, caption, credit) between two strong halves split nothing.
  const std::string text = std::string(kStory) +
                           "[dredger]\n\nThe dredger at work\n\nPhoto archive\n\n"
                           "Fishermen on the northern quay said the channel had been shallow for "
                           "as long as they could remember, and that they had stopped using it at "
                           "low tide years ago.\n\n"
                           "The board will publish its survey records next month, the chairman "
                           "added, once the insurers of both ships have seen them in full.\n";
  const TextArticle a = read_text(text);
  EXPECT_EQ(a.text.find("The harbour board agreed"), 0u);
  EXPECT_NE(a.text.find("have seen them in full."), std::string::npos);
}

TEST(ReadText, DropsTeasersWhoseHeadlineRunsIntoTheSummary) {
  // Text browsers print a teaser's headline link and its summary with no space between.
  const std::string text =
      "Ferry Fares To Rise In The SpringThe operator said on Monday that tickets would cost more "
      "from April, blaming the price of fuel and the new harbour dues.\n\n"
      "Is The Old Lighthouse Safe To Visit?Engineers will inspect the tower next week after "
      "visitors reported loose stones on the stairs and a cracked window.\n\n" +
      std::string(kStory);
  const TextArticle a = read_text(text);
  EXPECT_EQ(a.text.find("The harbour board agreed"), 0u) << a.text;
  EXPECT_EQ(a.text.find("Ferry"), std::string::npos);
}

TEST(ReadText, DropsTeasersWhoseHeadlineRunsIntoADateline) {
  const std::string text =
      "Ferry fares to rise in spring, says operator PORTSMOUTH: The operator said on Monday that "
      "tickets would cost more from April, blaming the price of fuel.\n\n"
      "Old lighthouse to close for repairs SOUTHAMPTON: Engineers will inspect the tower next "
      "week after visitors reported loose stones on the stairs.\n\n" +
      std::string(kStory);
  const TextArticle a = read_text(text);
  EXPECT_EQ(a.text.find("The harbour board agreed"), 0u) << a.text;
}

TEST(ReadText, KeepsProseThatOpensWithNamesAndCapitals) {
  // Capitals inside a sentence ("GPS — the firm") and a single camel-case name are prose.
  const std::string text =
      std::string(kStory) +
      "Engineers at Harbour Survey Group GPS — the firm that mapped the channel last year — said "
      "the silt had built up along the northern bank.\n\n"
      "Staff at the Coastal Dredging Company NOAA — the agency that charts the coast — will "
      "check the depth again once the work is done.\n\n"
      "The Harbour Board Uses WordPress for its notices, and the chairman said the site would "
      "carry the survey records in full.\n";
  const TextArticle a = read_text(text);
  for (const char* kept : {"Engineers at Harbour", "Staff at the Coastal", "Uses WordPress"})
    EXPECT_NE(a.text.find(kept), std::string::npos) << kept;
}

TEST(ReadText, KeepsATableThatIsTheArticle) {
  // Standings with one sentence above them: the rows are the article.
  std::string text =
      "  • Home\n  • Results\n\nRowing league standings\n\n"
      "The table below shows the standings after the last race of the season:\n\n"
      "Pos. Club Points Wins\n\n";
  const char* clubs[] = {"Harbour", "Riverside", "North Bank", "Old Town", "Castle", "Mill Lane"};
  for (int i = 0; i < 6; ++i)
    text += std::to_string(i + 1) + " " + clubs[i] + " Rowing Club " + std::to_string(60 - 7 * i) +
            " " + std::to_string(9 - i) + "\n\n";
  text += "Share\n\n© 2019 Rowing News. All rights reserved.\n";
  const TextArticle a = read_text(text);
  EXPECT_NE(a.text.find("1 Harbour Rowing Club 60 9"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("6 Mill Lane Rowing Club 25 4"), std::string::npos) << a.text;
  EXPECT_EQ(a.text.find("Share"), std::string::npos);
}

TEST(ReadText, NumberedLinesOfUnevenLengthAreNoTable) {
  // Five lines that open with numbers but hold different things are not rows of one table.
  const std::string text = std::string(kStory) +
                           "1 comment\n\n"
                           "2 people like this post and three more shared it today\n\n"
                           "3 min read\n\n"
                           "4 Ways To Keep Your Boat Dry In Winter And Spring Storms At Sea\n\n"
                           "5 photos\n";
  const TextArticle a = read_text(text);
  EXPECT_EQ(a.text.find("2 people like this"), std::string::npos) << a.text;
}

TEST(ReadText, DropsACopyOfTheArticleInOneBlock) {
  // Some pages print the story again as one block after it (a feed summary, a script's copy).
  std::string copy(kStory);
  for (size_t at = copy.find("\n\n"); at != std::string::npos; at = copy.find("\n\n", at))
    copy.replace(at, 2, " ");
  const std::string text = std::string(kStory) + "Share\n\nTweet\n\nEmail\n\n" + copy + "\n";
  const TextArticle a = read_text(text);
  EXPECT_EQ(a.blocks.size(), 4u) << a.text;
  EXPECT_EQ(a.text.find("The harbour board agreed"), a.text.rfind("The harbour board agreed"));
}

TEST(ReadText, EndsAtTrendingAndPopularHeaders) {
  for (const char* header : {"Trending Now", "Popular on Harbour News"}) {
    const std::string text = std::string(kStory) + header +
                             "\n\nThe ferry company has published its new winter timetable, with "
                             "fewer crossings at night and more on weekend mornings.\n";
    const TextArticle a = read_text(text);
    EXPECT_EQ(a.text.find("ferry company has published"), std::string::npos) << header;
  }
}

TEST(ReadText, ASentenceEndingInCommentIsNoCommentsHeader) {
  const std::string text = std::string(kStory) +
                           "The ferry company declined to comment.\n\n"
                           "Fishermen on the northern quay said the channel had been shallow for "
                           "as long as they could remember, and that they had stopped using it at "
                           "low tide years ago.\n\n"
                           "The board will publish its survey records next month, the chairman "
                           "added, once the insurers of both ships have seen them in full.\n";
  const TextArticle a = read_text(text);
  EXPECT_NE(a.text.find("declined to comment."), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("have seen them in full."), std::string::npos) << a.text;
}

TEST(ReadText, KeepsAListOfDatesUnderTheArticle) {
  // Rows that open with a month and a day are a table too (a tour's dates).
  std::string text = std::string(kStory) + "The dredger's visits in 2020:\n\n";
  const char* ports[] = {"Portsmouth", "Southampton", "Poole", "Weymouth", "Plymouth", "Falmouth"};
  for (int i = 0; i < 6; ++i)
    text += "June " + std::to_string(3 + 4 * i) + " – " + ports[i] + " harbour, north quay\n\n";
  text += "Share\n\n© 2019 Harbour News. All rights reserved.\n";
  const TextArticle a = read_text(text);
  EXPECT_NE(a.text.find("June 3 – Portsmouth harbour"), std::string::npos) << a.text;
  EXPECT_NE(a.text.find("June 23 – Falmouth harbour"), std::string::npos) << a.text;
}

}  // namespace
}  // namespace lede::textmode
