#include "metadata/metadata.h"

#include <gtest/gtest.h>

#include <cstdio>

#include "html/parse.h"

namespace lede::metadata {
namespace {

PageMetadata read(std::string_view page, std::string_view url = {}) {
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  return read_metadata(doc, url);
}

TEST(ReadMetadata, TakesTheHeadlineTheH1ConfirmsWithoutTheSiteName) {
  PageMetadata m = read(R"(<html lang="en-GB"><head>
    <title>Storm closes the bridge | Tyneside Evening Post</title>
    <meta property="og:site_name" content="Tyneside Evening Post">
    <meta property="og:title" content="Storm closes the bridge | Tyneside Evening Post">
    </head><body><h1>Storm closes the bridge</h1></body></html>)");
  EXPECT_EQ(m.title, "Storm closes the bridge");
  EXPECT_EQ(m.site.name, "Tyneside Evening Post");
  EXPECT_EQ(m.declared_language, "en");
}

TEST(ReadMetadata, TakesAStyledHeadlineOverASiteAndSectionTitle) {
  PageMetadata m = read(R"(<html><head><title>Cedar Bluff Gazette Online - Local News</title>
    </head><body><table><tr><td>
    <font size="5"><b>Elks Lodge marks 100 years with open house</b></font><br>
    <font size="1">Posted: Thursday, March 8, 2007</font></td></tr></table></body></html>)");
  EXPECT_EQ(m.title, "Elks Lodge marks 100 years with open house");
}

TEST(ReadMetadata, PrefersJsonLdDateInTheOneShape) {
  PageMetadata m = read(R"(<head>
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"A",
      "datePublished":"2023-06-04T14:02:31.588Z","dateModified":"2023-06-05T08:00:00Z"}</script>
    <meta property="article:published_time" content="2023-06-01T00:00:00Z">
    </head><body><p>x</p></body>)");
  EXPECT_EQ(m.published, "2023-06-04T14:02:31+00:00");
  EXPECT_EQ(m.modified, "2023-06-05T08:00:00+00:00");
}

TEST(ReadMetadata, KeepsThePageOwnZoneForTheSameMoment) {
  PageMetadata m = read(R"(<head>
    <meta property="article:published_time" content="2020-02-18T02:18:11Z">
    <meta name="sailthru.date" content="2020-02-17 21:18:11">
    </head><body><h1>A</h1></body>)");
  EXPECT_EQ(m.published, "2020-02-17T21:18:11-05:00");
}

TEST(ReadMetadata, TakesTheDayATimeElementShowsForItsUtcMoment) {
  PageMetadata m = read(R"(<body><h1>Hamas</h1>
    <time datetime="2023-11-01T23:01:00Z">02 Novembre 2023</time></body>)");
  EXPECT_EQ(m.published, "2023-11-02");
}

TEST(ReadMetadata, LeavesTheTimeOfAnEmbeddedPostOut) {
  PageMetadata m = read(R"(<body><h1>What the ruling means for sponsored posts</h1>
    <div class="byline">29. Januar 2019</div><p>Der Text.</p>
    <blockquote class="embedded-post"><p>A post by a reader</p>
    <time datetime="2018-03-12T19:30:12+00:00">Mär 12, 2018</time></blockquote></body>)");
  EXPECT_EQ(m.published, "2019-01-29");
}

TEST(ReadMetadata, ReadsTheTimeInTheFooterOfTheArticle) {
  PageMetadata m = read(R"(<body><main><article><h1>Teaching a puppy to sit</h1>
    <p>Start with short sessions.</p>
    <footer class="article-footer"><time datetime="2025-08-12T11:15:06Z">August 12, 2025</time>
    </footer></article></main><footer><time datetime="2026-01-01">2026</time></footer></body>)");
  EXPECT_EQ(m.published, "2025-08-12T11:15:06+00:00");
}

TEST(ReadMetadata, TakesTheDayATimeElementShowsOverAnotherDayInItsDatetime) {
  PageMetadata m = read(R"(<body><h1>Les grenades</h1>
    <time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time></body>)");
  EXPECT_EQ(m.published, "2019-06-29");
  // A numeric text read day first that is the datetime's day written month first agrees.
  m = read(R"(<body><h1>Thread</h1><time datetime="2023-10-12T19:38:01">10/12/2023</time></body>)");
  EXPECT_EQ(m.published, "2023-10-12T19:38:01");
}

TEST(ReadMetadata, ReadsTheDateInAWrapperWhoseClassNamesASidebarLayout) {
  PageMetadata m = read(R"(<body><div class="mainwrap single sidebar"><div class="post">
    <h1>Fall colours for the season</h1>
    <div class="post-meta"><a class="post-meta-time" href="/blog/2017/08/08/">08/08/2017</a></div>
    <p>The story.</p></div>
    <div class="sidebar"><div class="widget-date">01/02/2016</div></div></div></body>)");
  EXPECT_EQ(m.published, "2017-08-08");
}

TEST(ReadMetadata, FindsTheDateUnderAnH3HeadlineTheTitleRepeats) {
  PageMetadata m = read(R"(<head><title>Poacher sentenced in Macenta ‹ Forest Project</title></head>
    <body><div class="sidebar_content"><div class="post_header"><h3>Poacher sentenced in Macenta</h3>
    <div class="post_detail">27 Sep 2016</div></div><p>The court sat on Tuesday.</p></div>
    </body>)");
  EXPECT_EQ(m.published, "2016-09-27");
}

TEST(ReadMetadata, PrefersTheShownDayOverAJsonLdDateWrittenForPeople) {
  const char* page = R"(<head><script type="application/ld+json">{"@type":"Article",
    "headline":"How much to charge for a class","datePublished":"%s"}</script></head>
    <body><h1>How much to charge for a class</h1><p>Published Aug 25, 2024</p>
    <p>The story.</p></body>)";
  char buf[512];
  std::snprintf(buf, sizeof buf, page, "Jun 24, 2025");
  EXPECT_EQ(read(buf).published, "2024-08-25");
  // An ISO 8601 date is the publishing system's and stands.
  std::snprintf(buf, sizeof buf, page, "2025-06-24");
  EXPECT_EQ(read(buf).published, "2025-06-24");
}

TEST(ReadMetadata, DatesAPageThatStatesOnlyItsLastChangeByIt) {
  PageMetadata m = read(R"(<head>
    <meta property="article:modified_time" content="2023-06-12T10:39:42+00:00">
    </head><body><h1>Our web designs</h1><p>Shiny new sites.</p></body>)");
  EXPECT_EQ(m.published, "2023-06-12T10:39:42+00:00");
  EXPECT_EQ(m.modified, "2023-06-12T10:39:42+00:00");
}

TEST(ReadMetadata, ReadsAMetaNameOfThePageOwnMakingThatSaysPublishedDate) {
  PageMetadata m = read(R"(<head><meta name="w-published-date" content="2025-05-27T06:03:43Z">
    <meta name="w-publisher" content="Legal Desk"><meta name="x-update-date" content="2025-06-01">
    </head><body><h1>Moving legal work in-house</h1></body>)");
  EXPECT_EQ(m.published, "2025-05-27T06:03:43+00:00");
}

TEST(ReadMetadata, ReadsDatesOfOtherMetaVocabularies) {
  EXPECT_EQ(read(R"(<head><meta property="article:post_date" content="2021-03-04">)").published,
            "2021-03-04");
  EXPECT_EQ(read(R"(<head><meta name="dc.date.publication" content="2021-03-04">)").published,
            "2021-03-04");
  EXPECT_EQ(read(R"(<head><meta property="bt:pubDate" content="2021-03-04T10:00:00Z">)").published,
            "2021-03-04T10:00:00+00:00");
  EXPECT_EQ(read(R"(<head><meta itemprop="uploadDate" content="2021-03-04">)").published,
            "2021-03-04");
}

TEST(ReadMetadata, ReadsAMetaDateInIsoBasicForm) {
  EXPECT_EQ(read(R"(<head><meta name="pdate" content="20210304">)").published, "2021-03-04");
  EXPECT_EQ(read(R"(<head><meta name="pubdate" content="20210304101500">)").published,
            "2021-03-04T10:15:00");
}

TEST(ReadMetadata, ReadsJsonLdWrittenAsAMetaTag) {
  PageMetadata m = read(R"(<head><meta name="script:ld+json" content="{&quot;@type&quot;:
    &quot;Article&quot;,&quot;datePublished&quot;:&quot;2025-11-17T09:00:00-05:00&quot;}">
    </head><body><h1>Electric cars</h1></body>)");
  EXPECT_EQ(m.published, "2025-11-17T09:00:00-05:00");
}

TEST(ReadMetadata, DatesAPageByTheJsonLdOfAnotherCreativeWork) {
  PageMetadata m = read(R"(<head><script type="application/ld+json">{"@type": "Recipe",
    "name": "Rye bread", "datePublished": "2021-03-04"}</script></head>
    <body><h1>Rye bread</h1></body>)");
  EXPECT_EQ(m.published, "2021-03-04");
}

TEST(ReadMetadata, ReadsTheHatomPublishedTitle) {
  PageMetadata m = read(R"(<body><h1>Notes from the field</h1>
    <abbr class="published" title="2008-06-26T12:00:00+02:00">June 26</abbr>
    <abbr class="updated" title="2008-06-30">June 30</abbr><p>x</p></body>)");
  EXPECT_EQ(m.published, "2008-06-26T12:00:00+02:00");
  EXPECT_EQ(m.modified, "2008-06-30");
}

TEST(ReadMetadata, DatesAPageByTheAddressOfItsAmpVersion) {
  PageMetadata m = read(R"(<head><link rel="amphtml" href="/amp/2021/03/04/bridge-closes">
    </head><body><h1>Bridge closes</h1></body>)");
  EXPECT_EQ(m.published, "2021-03-04");
}

TEST(ReadMetadata, DatesAPageByOgUrlWhereTheCanonicalLinkHoldsNoAddress) {
  PageMetadata m = read(R"(<head><link rel="canonical" href="What are the types of wine?">
    <meta property="og:url" content="https://example.com/blog/2023/october/03/wine-types">
    </head><body><h1>What are the types of wine?</h1><p>03/10/2023</p></body>)");
  EXPECT_EQ(m.published, "2023-10-03");
}

TEST(ReadMetadata, ReadsNumericDatesMonthFirstOnAmericanEnglishPages) {
  EXPECT_EQ(read(R"(<html lang="en-US"><body><h1>Bridge closes for repairs</h1>
    <div class="date">03/04/2021</div></body></html>)")
                .published,
            "2021-03-04");
  EXPECT_EQ(read(R"(<html lang="en-GB"><body><h1>Bridge closes for repairs</h1>
    <div class="date">03/04/2021</div></body></html>)")
                .published,
            "2021-04-03");
}

TEST(ReadMetadata, ReadsADateLineMarkedByItsId) {
  PageMetadata m = read(R"(<body><div id="post-datum">Datum 04.03.2021</div>
    <p>Ein langer Text ohne Überschrift.</p></body>)");
  EXPECT_EQ(m.published, "2021-03-04");
}

TEST(ReadMetadata, DatesAPageByThePublicationDateInItsScriptData) {
  PageMetadata m = read(R"(<head><script>window.__STATE__ = {"story": {"title": "Bridge",
    "publishedAt": "2021-03-04T10:00:00Z", "updatedAt": "2021-05-01T08:00:00Z"}};</script>
    </head><body><h1>Bridge closes</h1></body>)");
  EXPECT_EQ(m.published, "2021-03-04T10:00:00+00:00");
}

TEST(ReadMetadata, LeavesTheScriptDataOfAListOfStoriesOut) {
  PageMetadata m = read(R"(<head><script>var items = [{"publishDate": "2021-03-04"},
    {"publishDate": "2021-03-01"}, {"publishDate": "2021-02-20"}];</script>
    </head><body><h1>Latest stories</h1></body>)");
  EXPECT_EQ(m.published, "");
}

TEST(ReadMetadata, DatesAPageByTheAddressOfItsPermalink) {
  EXPECT_EQ(read(R"(<body><article><h2 class="entry-title">
    <a href="https://example.com/2021/03/04/bridge/" rel="bookmark">Bridge closes for good</a>
    </h2><p>The story.</p></article></body>)")
                .published,
            "2021-03-04");
  EXPECT_EQ(read(R"(<head><link rel="alternate" type="application/rss+xml"
    href="https://example.com/2021/03/04/bridge/feed/"></head><body><h1>Bridge</h1></body>)")
                .published,
            "2021-03-04");
}

TEST(ReadMetadata, TakesNoPermalinkDateFromAListOfStories) {
  PageMetadata m = read(R"(<body><h1>News</h1>
    <h2><a href="/2021/03/04/bridge/" rel="bookmark">Bridge closes</a></h2>
    <h2><a href="/2021/03/02/ferry/" rel="bookmark">Ferry returns</a></h2></body>)");
  EXPECT_EQ(m.published, "");
}

TEST(ReadMetadata, ReadsATimeElementWithoutDatetimeByItsText) {
  PageMetadata m = read(R"(<head>
    <meta property="article:published_time" content="2023-11-08T18:49:38Z"></head>
    <body><h1>Bridge closes</h1><div class="meta"><time>Updated 3:10 PM</time>
    <time>November 8, 2023 1:49 PM</time></div></body>)");
  EXPECT_EQ(m.published, "2023-11-08T13:49:00-05:00");
}

// A page of twenty body paragraphs under its headline, then `after`: a
// date line far from the headline.
std::string after_a_long_body(const std::string& after) {
  std::string page = "<body><h1>Bridge closes for good</h1>";
  for (int i = 0; i < 20; ++i)
    page += "<p>The council voted to close the bridge after years of repairs that never held.</p>";
  return page + after + "</body>";
}

TEST(ReadMetadata, ReadsTheDateInABylineLine) {
  EXPECT_EQ(read(after_a_long_body(R"(<div class="article-byline">Jane Doe, March 4, 2021</div>)"))
                .published,
            "2021-03-04");
}

TEST(ReadMetadata, ReadsTheDateInAnEntryMetaLine) {
  EXPECT_EQ(read(after_a_long_body(
                     R"(<div class="entry-meta">Filed under Roads &middot; 04.03.2021</div>)"))
                .published,
            "2021-03-04");
}

TEST(ReadMetadata, FindsADateLineAfterManyDatelessOnes) {
  std::string page = "<body><h1>Bridge closes for good</h1>";
  for (int i = 0; i < 30; ++i)
    page +=
        "<p class=\"meta-nav\">The council voted to close the bridge after years of repairs.</p>";
  page += R"(<div class="post-meta">04.03.2021</div></body>)";
  EXPECT_EQ(read(page).published, "2021-03-04");
}

TEST(ReadMetadata, ReadsTheDateInAShortDetailsAsideAfterTheHeadline) {
  PageMetadata m = read(R"(<body><header><h1>Foreign drawings in your plans</h1>
    <p>A short guide.</p></header>
    <aside class="blogData"><dl><dt>Datum</dt><dd>12.01.2017</dd><dt>Kategorie</dt>
    <dd>Planung</dd></dl></aside><p>The story.</p></body>)");
  EXPECT_EQ(m.published, "2017-01-12");
  // A long aside is a sidebar of other stories.
  std::string sidebar = "<body><h1>Foreign drawings in your plans</h1><aside>";
  for (int i = 0; i < 12; ++i) sidebar += "<p>Another story about layers and plot styles</p>";
  sidebar += "<p>12.01.2017</p></aside><p>The story.</p></body>";
  EXPECT_EQ(read(sidebar).published, "");
}

TEST(ReadMetadata, ReadsTheDateOfABylineUnderTheStory) {
  std::string page = "<body><h1>Electric cars, the new trend</h1>";
  for (int i = 0; i < 30; ++i)
    page += "<p>Hybrid cars will sit beside electric ones on the roads of the future.</p>";
  page += R"(<div class="asset-footer">Von Christian am 03.05.2013, 11:51 | 0 Meinungen</div>
    <p>Mentioned on 04.06.2014 in a later story.</p></body>)";
  EXPECT_EQ(read(page).published, "2013-05-03T11:51:00");
}

TEST(ReadMetadata, ReadsADateLineWrittenInSpans) {
  PageMetadata m = read(R"(<body><h1>Blog</h1><div class="post">
    <div class="datum"><span class="monat">Feb</span> <span class="tag">18</span><span
    class="jahr">2009</span></div><h2>A walk in the snow</h2><p>We went out.</p></div></body>)");
  EXPECT_EQ(m.published, "2009-02-18");
}

TEST(ReadMetadata, ReadsAVocabularysOwnUploadedProperty) {
  PageMetadata m = read(R"(<head><meta content="2013-02-16T04:36:36-05:00"
    property="photo_site:uploaded"></head><body><h1>Lijiang</h1></body>)");
  EXPECT_EQ(m.published, "2013-02-16T04:36:36-05:00");
}

TEST(ReadMetadata, SettlesAnAmbiguousNumericDateByTheDayShown) {
  const std::string head = R"(<html lang="en"><head><meta name="article:published_time"
    content="03-09-2026"></head><body><h1>Fasting, explained</h1>)";
  EXPECT_EQ(read(head + "<p>By Jane Doe</p><p>Published March 9, 2026</p></body>").published,
            "2026-03-09");
  // Without the shown day the page's language decides: day first.
  EXPECT_EQ(read(head + "<p>The story.</p></body>").published, "2026-09-03");
}

TEST(ReadMetadata, TheBylinesDayWinsOverAStructuredDayItContradicts) {
  const std::string head = R"(<head><script type="application/ld+json">{"@type":"NewsArticle",
    "headline":"Streaming services compared","datePublished":"2024-08-29T10:00:00Z"}</script>
    </head><body><h1>Streaming services compared</h1>)";
  EXPECT_EQ(read(head + "<p>By Jared Newman and Sam Singleton Nov 25, 2025 5:00 am PST</p>"
                        "<p>The story.</p></body>")
                .published.substr(0, 10),
            "2025-11-25");
  EXPECT_EQ(read(head + "<p>16 December 2025 by Sam O'Brien</p><p>The story.</p></body>").published,
            "2025-12-16");
  // An update beside the publication, a thread's last post: not the byline's day.
  EXPECT_EQ(read(head + "<p>On August 29, 2024 January 22, 2025 By Gabby Boucher</p></body>")
                .published.substr(0, 10),
            "2024-08-29");
  EXPECT_EQ(read(head + "<p>last post by Ann Lee Jan 18, 2025</p></body>").published.substr(0, 10),
            "2024-08-29");
  // The same day in another zone does not contradict.
  EXPECT_EQ(read(head + "<p>By Jane Doe Aug 29, 2024</p></body>").published,
            "2024-08-29T10:00:00+00:00");
}

TEST(ReadMetadata, ADateLineInTheHomeLinkIsTheEditions) {
  PageMetadata m = read(R"(<body><a class="logo" href="/"><span class="date-edition">lun. 5 août
    2019</span></a><h1>Violences policières</h1><p>27 juin 2019 Par Elba</p><p>Le texte.</p>
    </body>)");
  EXPECT_EQ(m.published, "2019-06-27");
}

TEST(ReadMetadata, ADateLineRightAboveTheHeadlineBeatsAListFarBelow) {
  std::string page = R"(<body><p>02.02.2022 10:16 Uhr - Bundesliga</p><h1>Neuer Spieler</h1>)";
  for (int i = 0; i < 10; ++i) page += "<p>Schlagzeilen und andere Meldungen aus der Liga.</p>";
  page += "<ul><li>30.01.2022 Ein anderer Bericht</li></ul></body>";
  EXPECT_EQ(read(page).published, "2022-02-02T10:16:00");
  // A byline's date just under the headline keeps its place.
  EXPECT_EQ(read(R"(<body><p>02.02.2022 - Bundesliga</p><h1>Neuer Spieler</h1>
    <p>30.01.2022</p></body>)")
                .published,
            "2022-01-30");
}

TEST(ReadMetadata, DatesAPageByAnAbbrTitleOrAFormsDateWhenNothingElseDoes) {
  EXPECT_EQ(read(R"(<body><h1>Visit Austria</h1><p>Visit Austria · <abbr title="Freitag, 6. Oktober
    2017 um 04:00"><span>6. Oktober um 04:00</span></abbr></p></body>)")
                .published,
            "2017-10-06T04:00:00");
  EXPECT_EQ(read(R"(<body><h1>Ferien in Österreich</h1><form><input type="text" class="calendar
    date" name="JourneyDate" value="07.09.2017"></form></body>)")
                .published,
            "2017-09-07");
  // A date the page states itself comes first.
  EXPECT_EQ(read(R"(<body><h1>Ferien</h1><p class="date">12.03.2016</p><form><input
    class="date" value="07.09.2017"></form></body>)")
                .published,
            "2016-03-12");
}

TEST(ReadMetadata, DatesAPageWithNoOtherDateByItsLeadImagePath) {
  PageMetadata m = read(R"(<head><meta property="og:image"
    content="https://example.org/files/2016/05/04/annual-report.png"></head>
    <body><h1>Our annual report</h1><p>The year in review.</p></body>)");
  EXPECT_EQ(m.published, "2016-05-04");
  m = read(R"(<head><meta property="og:image"
    content="https://example.org/files/2016/05/04/annual-report.png"></head>
    <body><h1>Our annual report</h1><p>Published June 2, 2016</p></body>)");
  EXPECT_EQ(m.published, "2016-06-02");
}

TEST(ReadMetadata, LeavesMicrodataDatesOfAListOfStoriesOut) {
  PageMetadata m = read(R"(<head><meta name="date" content="March 27, 2025"></head><body>
    <h1>Podcasts that inspire leaders</h1><p>Mar 27, 2025</p><ul>
    <li itemscope><span itemprop="datePublished" content="2026-03-13T12:00:00Z">One</span></li>
    <li itemscope><span itemprop="datePublished" content="2026-03-10T14:09:58Z">Two</span></li>
    <li itemscope><span itemprop="datePublished" content="2026-03-09T05:40:57Z">Three</span></li>
    </ul></body>)");
  EXPECT_EQ(m.published, "2025-03-27");
}

TEST(ReadMetadata, TakesNoUpdateDateLineForThePublication) {
  PageMetadata m = read(R"(<body><h1>Best online programs</h1>
    <p>By the rankings team. Updated on December 11, 2025</p><p>The story.</p>
    <div class="card"><span class="card-date">Updated October 17, 2025</span></div></body>)");
  EXPECT_EQ(m.published, "2025-12-11");
  EXPECT_EQ(m.modified, "2025-12-11");
}

TEST(ReadMetadata, FindsTheDateShownWithTheHeadline) {
  PageMetadata m = read(R"(<body><nav>March 3, 2020</nav>
    <h1>Trinkbrunnen in der Stadt</h1><p>Veröffentlicht am 4. März 2021</p>
    <p>Der Text.</p><div class="comments"><p>5. März 2021</p></div></body>)");
  EXPECT_EQ(m.published, "2021-03-04");
}

TEST(ReadMetadata, KeepsAnUpdateApartFromThePublication) {
  PageMetadata m = read(R"(<body><h1>Vélos à Lyon</h1>
    <p>Mis à jour le 14/03/2021</p><p>Publié le 12/03/2021 à 14h05</p></body>)");
  EXPECT_EQ(m.published, "2021-03-12T14:05:00");
  EXPECT_EQ(m.modified, "2021-03-14");
}

TEST(ReadMetadata, LeavesCommentDatesOut) {
  PageMetadata m = read(R"(<body><h1>Story</h1><p>No date here.</p>
    <div class="comment-list"><p>June 2, 2021</p></div></body>)");
  EXPECT_EQ(m.published, "");
}

TEST(ReadMetadata, KeepsAnIndexTagWithLifeYearsWhole) {
  PageMetadata m = read(R"(<head><meta name="keywords"
    content="Beshear, Andrew G (1977- ),Kentucky,Elections"></head><body></body>)");
  EXPECT_EQ(m.tags,
            (std::vector<std::string>{"Beshear, Andrew G (1977- )", "Kentucky", "Elections"}));
}

TEST(ReadMetadata, NormalisesWrittenDatesToIso) {
  PageMetadata m = read(R"(<body><h1>Lodge turns 100</h1>
    <div class="story-date">Published June 13, 2023 at 11:06 a.m. EDT</div></body>)");
  EXPECT_EQ(m.published, "2023-06-13T11:06:00-04:00");
}

TEST(ReadMetadata, RejectsAMetaDateFarFromTheUrlDate) {
  PageMetadata m = read(R"(<head><meta name="date" content="2024-02-01"></head><body></body>)",
                        "https://example.com/2019/10/28/story.html");
  EXPECT_EQ(m.published, "2019-10-28");
}

TEST(ReadMetadata, RejectsFutureDates) {
  PageMetadata m = read(R"(<head><meta property="article:published_time" content="2099-01-01">
    <meta name="pubdate" content="2021-03-04"></head><body></body>)");
  EXPECT_EQ(m.published, "2021-03-04");
}

TEST(ReadMetadata, TakesPersonAuthorsAndSendsAgenciesAside) {
  PageMetadata m = read(R"(<head><script type="application/ld+json">{"@type":"NewsArticle",
      "author":[{"@type":"Person","name":"By Jane Doe"},{"@type":"Organization","name":"AFP"}]}
    </script></head><body></body>)");
  ASSERT_EQ(m.authors.size(), 1u);
  EXPECT_EQ(m.authors[0], "Jane Doe");
  ASSERT_EQ(m.agencies.size(), 1u);
  EXPECT_EQ(m.agencies[0], "AFP");
}

TEST(ReadMetadata, FallsBackToTheVisibleByline) {
  PageMetadata m = read(R"(<body><article><h1>Night trains return</h1>
    <p class="byline">By Ines Kowalczyk and Tom Berry, Staff Writers</p></article>
    <aside><p class="byline">By Someone Else</p></aside></body>)");
  ASSERT_EQ(m.authors.size(), 2u);
  EXPECT_EQ(m.authors[0], "Ines Kowalczyk");
  EXPECT_EQ(m.authors[1], "Tom Berry");
}

TEST(ReadMetadata, WarnsAboutAnEmptyByline) {
  PageMetadata m = read(R"(<body><h1>Story</h1><div class="byline">BY</div></body>)");
  EXPECT_TRUE(m.authors.empty());
  ASSERT_EQ(m.warnings.size(), 1u);
  EXPECT_EQ(m.warnings[0], "byline has no name");
}

TEST(ReadMetadata, DoesNotTakeTheSiteForAnAuthor) {
  PageMetadata m = read(R"(<head><meta property="og:site_name" content="Prairie Times">
    <meta name="author" content="Prairie Times"></head><body></body>)");
  EXPECT_TRUE(m.authors.empty());
}

TEST(ReadMetadata, ReadsMicrodata) {
  PageMetadata m = read(R"(<body><div itemscope itemtype="https://schema.org/NewsArticle">
    <h1 itemprop="headline">New route to Denver</h1>
    <span itemprop="author" itemscope><span itemprop="name">Roberta Kline</span></span>
    <time itemprop="datePublished" datetime="2023-05-24T06:00:00-05:00">May 24</time>
    </div></body>)");
  EXPECT_EQ(m.title, "New route to Denver");
  ASSERT_EQ(m.authors.size(), 1u);
  EXPECT_EQ(m.authors[0], "Roberta Kline");
  EXPECT_EQ(m.published, "2023-05-24T06:00:00-05:00");
}

TEST(ReadMetadata, TakesTheDomainFromTheUrlThenTheCanonicalLink) {
  PageMetadata from_canonical =
      read(R"(<head><link rel="canonical" href="https://www.apnews.com/article/x"></head>)");
  EXPECT_EQ(from_canonical.site.domain, "apnews.com");
  EXPECT_EQ(from_canonical.canonical_url, "https://www.apnews.com/article/x");
  PageMetadata from_url = read(R"(<head><link rel="canonical" href="/article/x"></head>)",
                               "https://news.example.org/a");
  EXPECT_EQ(from_url.site.domain, "news.example.org");
  EXPECT_EQ(from_url.canonical_url, "https://news.example.org/article/x");
}

TEST(ReadMetadata, SplitsKeywordsIntoTags) {
  PageMetadata m = read(R"(<head><meta name="keywords" content="ferries, contracts; Eastport">
    </head>)");
  EXPECT_EQ(m.tags, (std::vector<std::string>{"ferries", "contracts", "Eastport"}));
}

}  // namespace
}  // namespace lede::metadata
