#include "extraction/vocabulary.h"

#include <gtest/gtest.h>

#include <string>

#include "html/parse.h"

namespace lede::extraction {
namespace {

// The first element of `doc` whose class attribute is `cls`.
html::NodeId by_class(const html::Document& doc, std::string_view cls) {
  for (html::NodeId n = doc.root(); n != html::kNoNode; n = doc.next_in(n, doc.root()))
    if (doc.is_element(n) && doc.attr(n, "class") == cls) return n;
  return html::kNoNode;
}

// The classifier's verdict on the element of `page` whose class is `cls`.
Verdict verdict_in(const std::string& page, std::string_view cls) {
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  AttributeClassifier classifier;
  return classifier.classify(doc, by_class(doc, cls)).verdict;
}

TEST(FurnitureText, NewsletterPromotionsAreFurniture) {
  EXPECT_TRUE(is_furniture_text("Sign up for our free daily newsletter."));
  EXPECT_TRUE(is_furniture_text("Get the Morning Brief newsletter delivered to your inbox"));
  EXPECT_TRUE(is_furniture_text("Inscreva-se na nossa newsletter"));
  EXPECT_FALSE(is_furniture_text("The newsletter, founded in 1998, has 40,000 readers."));
  EXPECT_FALSE(is_furniture_text("Readers can sign up at the library until Friday."));
}

TEST(FurnitureText, PostMetadataLinesAreFurniture) {
  EXPECT_TRUE(is_furniture_text("05/10/2018 - Publicado por: Ana Souza - Categoria: Saúde"));
  EXPECT_TRUE(is_furniture_text("Posted by admin | Category: News | Tags: council, budget"));
  EXPECT_FALSE(is_furniture_text("Tags: council, budget"));  // one label is not enough
  EXPECT_FALSE(is_furniture_text("The category: fastest growing, the council said."));
}

TEST(FurnitureText, SocialSignOffsAreFurniture) {
  EXPECT_TRUE(is_furniture_text("Have a tip? Follow her on Twitter @jdoe or on Facebook."));
  EXPECT_TRUE(is_furniture_text("Email Ann Lee at alee@example.com or follow him @alee."));
  EXPECT_TRUE(is_furniture_text("Follow the Opinion section on Facebook and Instagram."));
  EXPECT_FALSE(is_furniture_text("\"Follow us to the river,\" the ranger told the hikers."));
}

TEST(FurnitureText, SkipLinksAndAdvertisementLabelsAreFurniture) {
  EXPECT_TRUE(is_furniture_text("Skip to product list"));
  EXPECT_TRUE(is_furniture_text("Advertisement - Members don't see this ad"));
  EXPECT_TRUE(is_furniture_text("Advertisement. Scroll to continue reading."));
  EXPECT_FALSE(is_furniture_text("Skip to chapter 4 without chapter 2 and you will be lost."));
  EXPECT_FALSE(is_furniture_text("Advertisement spending rose by a fifth last year."));
}

TEST(MoreStories, ShortTitlesOfStoryListsAreRecognised) {
  EXPECT_TRUE(opens_more_stories("More Great WIRED Stories"));
  EXPECT_TRUE(opens_more_stories("Leia também"));
  EXPECT_TRUE(opens_more_stories("Related coverage"));
  EXPECT_FALSE(
      opens_more_stories("Recommended by doctors, the vaccine was approved in May after "
                         "two years of trials."));
  EXPECT_FALSE(opens_more_stories("The council's next steps"));
  EXPECT_TRUE(opens_more_stories("Recommended"));
  EXPECT_TRUE(opens_more_stories("Recommended for you"));
  EXPECT_TRUE(opens_more_stories("Recommended stories"));
  EXPECT_FALSE(opens_more_stories("Recommended approach"));
  EXPECT_FALSE(opens_more_stories("Recommended books for managers"));
}

TEST(MoreStories, AQuestionsListsOfOtherQuestionsAreRecognised) {
  EXPECT_TRUE(opens_more_stories("Related questions"));
  EXPECT_TRUE(opens_more_stories("Explore related questions"));
  EXPECT_TRUE(opens_more_stories("Similar threads"));
  EXPECT_FALSE(opens_more_stories("Questions about the related pump models"));
}

TEST(AttributeClassifier, WordPressTaxonomyClassesDoNotMakeAPostBoilerplate) {
  const std::string page =
      "<article class=\"post-7 post type-post status-publish hentry category-social "
      "tag-jobs tag-comment-policy\"><p>Text</p></article>"
      "<div class=\"tag-jobs\">jobs</div><div class=\"post-tags\">tags</div>";
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  AttributeClassifier classifier;
  EXPECT_EQ(classifier
                .classify(doc, by_class(doc,
                                        "post-7 post type-post status-publish hentry "
                                        "category-social tag-jobs tag-comment-policy"))
                .verdict,
            Verdict::kContent);
  // Without the post's own classes, "tag-" still names a tag list.
  EXPECT_EQ(classifier.classify(doc, by_class(doc, "tag-jobs")).verdict, Verdict::kWeak);
  EXPECT_EQ(classifier.classify(doc, by_class(doc, "post-tags")).verdict, Verdict::kWeak);
}

TEST(AttributeClassifier, ListsOfSimilarItemsAreBoilerplate) {
  // Other courses, products or posts "like this one" are not the page's own.
  EXPECT_EQ(verdict_in("<div class=\"similar-course m-b-10\">Master Electrician Prep</div>",
                       "similar-course m-b-10"),
            Verdict::kWeak);
  EXPECT_EQ(verdict_in("<section class=\"similarProducts\"><p>A lamp</p></section>",
                       "similarProducts"),
            Verdict::kWeak);
}

TEST(AttributeClassifier, PageBuildersWidgetsAreModulesWhereSaid) {
  // Page builders call every module a widget, inside a compound name; a
  // sidebar's widget carries the word on its own. Read so only when asked.
  const std::string page =
      "<div class=\"elementor-element elementor-widget elementor-widget-text-editor\">"
      "<p>Text</p></div><div class=\"hs_cos_wrapper hs_cos_wrapper_widget\" "
      "id=\"hs_cos_wrapper_widget_1755214676739\"><p>Text</p></div>"
      "<div class=\"widget widget_recent_entries\"><a href=\"/\">Recent</a></div>";
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  const html::NodeId builder[] = {
      by_class(doc, "elementor-element elementor-widget elementor-widget-text-editor"),
      by_class(doc, "hs_cos_wrapper hs_cos_wrapper_widget")};
  const html::NodeId sidebar = by_class(doc, "widget widget_recent_entries");
  AttributeClassifier classifier;
  for (html::NodeId n : builder) EXPECT_EQ(classifier.classify(doc, n).verdict, Verdict::kWeak);
  EXPECT_EQ(classifier.classify(doc, sidebar).verdict, Verdict::kWeak);
  classifier.reset(/*builder_widgets=*/true);
  for (html::NodeId n : builder) EXPECT_EQ(classifier.classify(doc, n).verdict, Verdict::kContent);
  EXPECT_EQ(classifier.classify(doc, sidebar).verdict, Verdict::kWeak);
}

TEST(AttributeClassifier, PlayerControlsAreNeverText) {
  const std::string page =
      "<div class=\"vjs-control-bar\"><div class=\"play\" role=\"button\">Play</div></div>";
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  AttributeClassifier classifier;
  EXPECT_EQ(classifier.classify(doc, by_class(doc, "play")).verdict, Verdict::kStrong);
  EXPECT_EQ(classifier.classify(doc, by_class(doc, "vjs-control-bar")).verdict, Verdict::kWeak);
}

TEST(AttributeClassifier, AnIdMadeFromAHeadingNamesNoRole) {
  const std::string page =
      "<div class=\"a\" id=\"menu-planning-for-large-events\"><p>Text</p></div>"
      "<div class=\"b\" id=\"menu-main\"><a href=\"/\">Home</a></div>"
      "<div class=\"c\" id=\"cookie-law-info-bar\">We use cookies.</div>";
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  AttributeClassifier classifier;
  EXPECT_EQ(classifier.classify(doc, by_class(doc, "a")).verdict, Verdict::kContent);
  EXPECT_EQ(classifier.classify(doc, by_class(doc, "b")).verdict, Verdict::kWeak);
  EXPECT_EQ(classifier.classify(doc, by_class(doc, "c")).verdict, Verdict::kWeak);
}

TEST(AttributeClassifier, BootstrapDisplayNoneHidesUnlessABreakpointShows) {
  const std::string page =
      "<div class=\"d-none\">a</div><div class=\"meta d-none d-md-block\">b</div>"
      "<div class=\"x d-none d-sm-none\">c</div>";
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  AttributeClassifier classifier;
  EXPECT_EQ(classifier.classify(doc, by_class(doc, "d-none")).verdict, Verdict::kHidden);
  EXPECT_NE(classifier.classify(doc, by_class(doc, "meta d-none d-md-block")).verdict,
            Verdict::kHidden);
  EXPECT_EQ(classifier.classify(doc, by_class(doc, "x d-none d-sm-none")).verdict,
            Verdict::kHidden);
}

TEST(HoverCard, CardIsHiddenButItsTriggerIsNot) {
  const std::string page =
      "<p>The bill goes to Gov. <span class=\"rollover\"><a href=\"/p/dw\">Dana Whitfield</a>"
      "<span class=\"rollover-card\"><img src=\"dw.jpg\"><a href=\"/p/dw\">Dana Whitfield</a>"
      "<a href=\"/a/1\">Budget address</a> <a href=\"/p/dw\">MORE</a></span></span>.</p>"
      "<p>A <span class=\"tooltip\">quorum<span class=\"tooltip-text\">a minimum number of "
      "members</span></span> was present.</p>";
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  EXPECT_FALSE(is_hover_card(doc, by_class(doc, "rollover")));
  EXPECT_TRUE(is_hover_card(doc, by_class(doc, "rollover-card")));
  EXPECT_FALSE(is_hover_card(doc, by_class(doc, "tooltip")));
  // A definition with no photo or links is shown text as far as lede can tell.
  EXPECT_FALSE(is_hover_card(doc, by_class(doc, "tooltip-text")));
}

TEST(PosterDetail, TellsDetailsLabelsAndText) {
  EXPECT_EQ(poster_detail("Join Date: Mar 2016"), PosterDetail::kLine);
  EXPECT_EQ(poster_detail("Posts 1,077"), PosterDetail::kLine);
  EXPECT_EQ(poster_detail("Edited January 29 by ann"), PosterDetail::kLine);
  EXPECT_EQ(poster_detail("Reaction score"), PosterDetail::kLabel);
  EXPECT_EQ(poster_detail("Messages:"), PosterDetail::kLabel);
  EXPECT_EQ(poster_detail("Reactions: ann, bob"), PosterDetail::kLine);
  EXPECT_EQ(poster_detail("Member"), PosterDetail::kLine);
  EXPECT_EQ(poster_detail("Status"), PosterDetail::kLabel);
  EXPECT_EQ(poster_detail("Status update from the installer: all fixed."), PosterDetail::kNone);
  EXPECT_EQ(poster_detail("14"), PosterDetail::kLine);
  EXPECT_EQ(poster_detail("1,077 posts · joined 2015"), PosterDetail::kLine);
  EXPECT_EQ(poster_detail("12 likes"), PosterDetail::kLine);
  EXPECT_EQ(poster_detail("12 pumps later I know better."), PosterDetail::kNone);
  EXPECT_EQ(poster_detail("Posts about pumps are welcome here."), PosterDetail::kNone);
  EXPECT_EQ(poster_detail("Location matters less than the unit's size, in my experience."),
            PosterDetail::kNone);
}

TEST(AttributeClassifier, PopoverIsSkippedAsADialogIs) {
  html::Document doc;
  html::parse("<div popover class='install'><p>Install the app.</p></div>", doc, html::DomLimits{});
  AttributeClassifier classifier;
  EXPECT_EQ(classifier.classify(doc, by_class(doc, "install")).verdict, Verdict::kStrong);
}

TEST(AttributeClassifier, ScreenReaderTextIsHidden) {
  const std::string page =
      "<span class='visually-hidden visually-hidden--inline'>Regular price</span>"
      "<span class='Sr-Only sr-only-focusable'>Skip</span>"
      "<span class='screen-reader-text'>Search</span>"
      "<span class='visually-hidden-focusable'>Skip to content</span>"
      "<span class='price-item'>$19.99</span>";
  EXPECT_EQ(verdict_in(page, "visually-hidden visually-hidden--inline"), Verdict::kHidden);
  EXPECT_EQ(verdict_in(page, "Sr-Only sr-only-focusable"), Verdict::kHidden);
  EXPECT_EQ(verdict_in(page, "screen-reader-text"), Verdict::kHidden);
  EXPECT_NE(verdict_in(page, "visually-hidden-focusable"), Verdict::kHidden);
  EXPECT_EQ(verdict_in(page, "price-item"), Verdict::kContent);
}

TEST(AttributeClassifier, TableOfContentsIsBoilerplate) {
  html::Document doc;
  html::parse(
      "<ul class='toc'><li><a href='#a'>One</a></li><li><a href='#b'>Two</a>"
      "<ol><li><a href='#c'>Three</a></li></ol></li></ul>"
      "<ul class='short'><li><a href='#a'>One</a></li><li><a href='#b'>Two</a></li></ul>"
      "<ul class='notes'><li><a href='#a'>^</a> A note.</li><li><a href='#b'>^</a> B.</li>"
      "<li><a href='#c'>^</a> C.</li></ul>"
      "<ul class='pages'><li><a href='/a'>One</a></li><li><a href='/b'>Two</a></li>"
      "<li><a href='#'>Top</a></li></ul>",
      doc, html::DomLimits{});
  AttributeClassifier classifier;
  EXPECT_EQ(classifier.classify(doc, by_class(doc, "toc")).verdict, Verdict::kStrong);
  EXPECT_NE(classifier.classify(doc, by_class(doc, "short")).verdict, Verdict::kStrong);
  EXPECT_NE(classifier.classify(doc, by_class(doc, "notes")).verdict, Verdict::kStrong);
  EXPECT_NE(classifier.classify(doc, by_class(doc, "pages")).verdict, Verdict::kStrong);
}

TEST(FurnitureText, TableOfContentsTitlesAreFurniture) {
  EXPECT_TRUE(is_furniture_text("Table of Contents"));
  EXPECT_TRUE(is_furniture_text("On this page"));
  EXPECT_TRUE(is_furniture_text("Back to top"));
  EXPECT_TRUE(is_furniture_text("Skip to main content"));
  EXPECT_TRUE(is_furniture_text("Loading..."));
  EXPECT_TRUE(is_furniture_text("Recently viewed"));
  EXPECT_FALSE(is_furniture_text("On this page you will find the rules of the club."));
}

TEST(FurnitureText, AThreadsPromptsToSignInAreFurniture) {
  EXPECT_TRUE(is_furniture_text("Create an account or sign in to comment"));
  EXPECT_TRUE(is_furniture_text("Already have an account? Sign in here."));
  EXPECT_TRUE(is_furniture_text("Not open for further replies."));
  // A post that speaks of accounts is a post.
  EXPECT_FALSE(is_furniture_text("I had to create an account to download the driver."));
  EXPECT_FALSE(is_furniture_text("The thread was not open for further replies after the fix."));
}

TEST(FurnitureText, AQuestionsPromptsAndStatisticsAreFurniture) {
  EXPECT_TRUE(is_furniture_text("You must log in to answer this question."));
  EXPECT_TRUE(is_furniture_text("Start asking to get answers"));
  EXPECT_TRUE(is_furniture_text("Find the answer to your question by asking."));
  EXPECT_TRUE(is_furniture_text("Recommended Posts"));
  EXPECT_TRUE(is_furniture_text("Asked 15 years, 4 months ago"));
  EXPECT_TRUE(is_furniture_text("Modified today"));
  EXPECT_TRUE(is_furniture_text("Viewed 439k times"));
  // A post's own words about asking and viewing are the post.
  EXPECT_FALSE(is_furniture_text("Asked in a comment to the accepted question:"));
  EXPECT_FALSE(is_furniture_text("Viewed from the side, the panel is loose."));
  EXPECT_FALSE(is_furniture_text("Asked about it a week ago"));
  EXPECT_FALSE(
      is_furniture_text("Asked 2 days ago on the other board, and answered there a week ago"));
  EXPECT_FALSE(is_furniture_text("Recommended posts on this are few."));
}

TEST(FurnitureText, ABadgeOnTheOpeningPostersRepliesIsFurniture) {
  EXPECT_TRUE(is_furniture_text("OP"));
  EXPECT_TRUE(is_furniture_text("Original Poster"));
  EXPECT_TRUE(is_furniture_text("Original post"));
  EXPECT_FALSE(is_furniture_text("The original poster asked about the ferry, not the train."));
}

TEST(FurnitureText, ACardsLinkToTheWholeStoryIsFurniture) {
  EXPECT_TRUE(is_furniture_text("Read more"));
  EXPECT_TRUE(is_furniture_text("Read full article"));
  EXPECT_TRUE(is_furniture_text("Read the full story \u2192"));
  EXPECT_TRUE(is_furniture_text("Read full post."));
  EXPECT_FALSE(is_furniture_text("Read the full story of the rescue in tomorrow's paper."));
}

TEST(FurnitureText, ATagsLabelAndAReadingTimeAreFurniture) {
  EXPECT_TRUE(is_furniture_text("Tags"));
  EXPECT_TRUE(is_furniture_text("Tags:"));
  EXPECT_TRUE(is_furniture_text("5 min read"));
  EXPECT_TRUE(is_furniture_text("12 minute read"));
  EXPECT_FALSE(is_furniture_text("Tags are sewn into the collar."));
  EXPECT_FALSE(is_furniture_text("5 min read aloud each night"));
  EXPECT_FALSE(is_furniture_text("min read"));
}

TEST(FurnitureText, ButtonsAndPromptsAroundABlogPostAreFurniture) {
  EXPECT_TRUE(is_furniture_text("Tweet"));
  EXPECT_TRUE(is_furniture_text("Leave a Reply"));
  EXPECT_TRUE(is_furniture_text("Post a comment"));
  EXPECT_TRUE(is_furniture_text("Enlarge image"));
  EXPECT_TRUE(is_furniture_text("Print this page"));
  EXPECT_TRUE(is_furniture_text("Print this article"));
  EXPECT_TRUE(is_furniture_text(
      "A version of this article appeared in print on 11/08/2012, on page A1 of the NewYork "
      "edition with the headline: Bridge Opens."));
  EXPECT_FALSE(is_furniture_text("Tweet by tweet, the campaign fell apart."));
  EXPECT_FALSE(is_furniture_text("Leave a reply at the front desk if you cannot come."));
  EXPECT_FALSE(is_furniture_text("Print this page on thick paper for the children to colour."));
}

TEST(FurnitureText, AReferencePagesFooterIsFurniture) {
  EXPECT_TRUE(is_furniture_text("Edit this page on GitHub"));
  EXPECT_TRUE(is_furniture_text("View this page on GitHub • Report a problem with this content"));
  EXPECT_TRUE(is_furniture_text("Was this page helpful?"));
  EXPECT_TRUE(is_furniture_text(
      "Except as otherwise noted, the content of this page is licensed under the Creative "
      "Commons Attribution 4.0 License."));
  EXPECT_FALSE(is_furniture_text("Editing this page's settings takes a minute."));
}

TEST(AttributeClassifier, AFollowUpIsNoFollowBox) {
  const std::string page =
      "<div class='follow-up__item'><p>Quote.</p></div>"
      "<div class='followup-steps'><p>Next.</p></div>"
      "<div class='follow-us'><p>Follow us.</p></div>"
      "<div class='follow-up follow-box'><p>Both.</p></div>";
  EXPECT_EQ(verdict_in(page, "follow-up__item"), Verdict::kContent);
  EXPECT_EQ(verdict_in(page, "followup-steps"), Verdict::kContent);
  EXPECT_EQ(verdict_in(page, "follow-us"), Verdict::kWeak);
  EXPECT_EQ(verdict_in(page, "follow-up follow-box"), Verdict::kWeak);
}

TEST(AttributeClassifier, PrintNamesAButtonNotACodeHighlighter) {
  // "print-" opens a word of a print button's name; inside "prettyprint" it
  // is the name of the code highlighter that marks a post's code.
  const std::string page =
      "<pre class='lang-py prettyprint-override'><code>x = 1</code></pre>"
      "<div class='print-link'><a href='#'>Print</a></div>"
      "<div class='article-print-btn'><a href='#'>Print</a></div>";
  EXPECT_EQ(verdict_in(page, "lang-py prettyprint-override"), Verdict::kContent);
  EXPECT_EQ(verdict_in(page, "print-link"), Verdict::kWeak);
  EXPECT_EQ(verdict_in(page, "article-print-btn"), Verdict::kWeak);
}

TEST(NamesPitch, CalloutsAndBannersButNoCookieNotice) {
  html::Document doc;
  html::parse(
      "<div class='callout-inner'><p>A.</p></div><div class='hero-banner'><p>B.</p></div>"
      "<div class='cookie-banner'><p>C.</p></div><div class='newsletter-callout'><p>D.</p></div>"
      "<div class='feature'><p>E.</p></div>",
      doc, html::DomLimits{});
  EXPECT_TRUE(names_pitch(doc, by_class(doc, "callout-inner")));
  EXPECT_TRUE(names_pitch(doc, by_class(doc, "hero-banner")));
  EXPECT_FALSE(names_pitch(doc, by_class(doc, "cookie-banner")));
  EXPECT_FALSE(names_pitch(doc, by_class(doc, "newsletter-callout")));
  EXPECT_FALSE(names_pitch(doc, by_class(doc, "feature")));
}

TEST(HiddenUntilScript, OwnStyleAndStreamedSegments) {
  html::Document doc;
  html::parse(
      "<div class='gate' style='display: none;'><p>Text</p></div>"
      "<div class='fade' style='visibility:hidden'><p>Text</p></div>"
      "<div class='closed' hidden style='display:none'><p>Text</p></div>"
      "<div class='aria' aria-hidden='true' style='display:none'><p>Text</p></div>"
      "<div class='shown' style='display:block'><p>Text</p></div>"
      "<div class='segment' hidden id='S:0'><p>Text</p></div>"
      "<div class='other' hidden id='S:x'><p>Text</p></div>",
      doc, html::DomLimits{});
  EXPECT_TRUE(hidden_until_script(doc, by_class(doc, "gate")));
  EXPECT_TRUE(hidden_until_script(doc, by_class(doc, "fade")));
  EXPECT_FALSE(hidden_until_script(doc, by_class(doc, "closed")));
  EXPECT_FALSE(hidden_until_script(doc, by_class(doc, "aria")));
  EXPECT_FALSE(hidden_until_script(doc, by_class(doc, "shown")));
  EXPECT_TRUE(hidden_until_script(doc, by_class(doc, "segment")));
  EXPECT_FALSE(hidden_until_script(doc, by_class(doc, "other")));
}

}  // namespace
}  // namespace lede::extraction
