#include "extraction/extractor.h"

#include <gtest/gtest.h>

#include <array>
#include <cctype>
#include <span>
#include <string>
#include <vector>

#include "html/parse.h"

namespace lede::extraction {
namespace {

// The body of `page`, read as a page of the site `site_domain`.
Body extract(const std::string& page, std::string_view site_domain = "") {
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  BodyExtractor extractor;
  return extractor.extract(doc, BodyHints{"", "", site_domain, true});
}

// The body of `page` read with the page type `decision` rather than the
// model's: for the rules that follow a decision, whatever the model makes of a
// written page.
Body extract_as(const std::string& page, const PageTypeDecision& decision,
                std::string_view site_domain = "") {
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  BodyExtractor extractor;
  BodyHints hints{"", "", site_domain, true};
  hints.page_type = &decision;
  return extractor.extract(doc, hints);
}

// An article, by a model sure of it.
const PageTypeDecision kSureArticle = given_page_type(PageType::kArticle);

// A product's description, shared by the product pages below.
// The check that a body of page type `type` holds each of `present` and none
// of `absent`.
void expect_lines(const Body& body, const char* type, std::initializer_list<const char*> present,
                  std::initializer_list<const char*> absent) {
  ASSERT_EQ(body.page_type, type) << body.explanation;
  for (const char* line : present)
    EXPECT_NE(body.text.find(line), std::string::npos) << line << "\n" << body.explanation;
  for (const char* line : absent)
    EXPECT_EQ(body.text.find(line), std::string::npos) << line << "\n" << body.explanation;
}

const std::string kKettle =
    "The blue kettle boils a litre of water in three minutes and switches itself off when "
    "the water boils, so it is safe to leave on the counter.";

// More of it, and the menu and the footer around a shop's product page.
const std::string kKettleDetails =
    "Its body is brushed steel with a handle that stays cool, and the base turns all the way "
    "round so that the kettle sits on it from either side.";
const std::string kShopNav = "<nav><a href='/'>Home</a> <a href='/kettles'>Kettles</a></nav>";
const std::string kShopFooter = "<footer><a href='/terms'>Terms</a></footer></body></html>";

// A product page the model reads as one: schema.org Product, a price, a cart.
std::string product_head() {
  return R"(<html><head><meta property="og:type" content="product">
    <link rel="canonical" href="https://example.org/products/blue-kettle">
    <script type="application/ld+json">{"@type":"Product","name":"Blue kettle",
    "offers":{"@type":"Offer","price":"19.99"}}</script></head><body>)";
}

TEST(Product, PageHiddenByItsStyleUntilAScriptRunsIsTheText) {
  // A shop's gate hides the whole product with an inline style until its
  // script has run; only the menu and the footer stand outside it.
  const std::string description = kKettle;
  const std::string spec = "Capacity: 1.7 litres. Power: 2200 watts. Cord: 75 centimetres.";
  const std::string page =
      product_head() + kShopNav +
      "<main>"
      "<div class='gate-notice' style='display:none'><p>Checking your browser.</p></div>"
      "<div class='gate-content' style='display: none;'><h1>Blue kettle</h1>"
      "<div class='product-price'>$19.99</div><div class='description'><p>" +
      description + "</p><p>" + spec +
      "</p></div></div></main>" + kShopFooter;
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "product") << body.explanation;
  EXPECT_NE(body.text.find(description), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(spec), std::string::npos) << body.explanation;
}

TEST(Product, LinesWithoutALetterAreNotText) {
  // Around the description, the shop's counts and controls: a quantity, a
  // rating and its count, the prices of the accessories below. A table's
  // row of figures is the specification's, and stays.
  const std::string page =
      product_head() + kShopNav +
      "<main><h1>Blue kettle</h1><div class='rating'><span>4.5</span><span>(128)</span></div>"
      "<div class='product-price'>$19.99</div><div class='qty'><button>-</button><span>1</span>"
      "<button>+</button></div><div class='description'><p>" +
      kKettle + "</p><p>" + kKettleDetails +
      "</p></div><table class='specs'><tr><th>Litres</th><th>Watts</th></tr><tr><td>1.7</td>"
      "<td>2200</td></tr></table><div class='extras'><p>Descaler, a bottle of 500 ml</p><p>"
      "$4.99</p><p>Spare filter for the kettle</p><p>$2.49</p></div></main>" +
      kShopFooter;
  const Body body = extract(page);
  expect_lines(body, "product", {kKettle.c_str(), kKettleDetails.c_str(), "2200"},
               {"(128)", "$4.99", "$2.49"});
  for (const Block& b : body.blocks) {
    const std::string_view line = std::string_view(body.text).substr(b.start, b.end - b.start);
    EXPECT_TRUE(line != "1" && line != "4.5") << line << "\n" << body.explanation;
  }
}

TEST(Product, SpecificationLinesAreText) {
  // "Label: value" lines end no sentence, yet they are the product's
  // specification, beside its description.
  const std::string page =
      product_head() + kShopNav +
      "<div class='page'>"
      "<div class='specs'><h2>Technical information</h2><ul><li>Capacity: 1.7 litres</li>"
      "<li>Power: 2200 watts</li><li>Cord length: 75 centimetres</li><li>Weight: 1.1 kilograms"
      "</li><li>Filter: removable limescale filter</li><li>Colour: cobalt blue</li><li>Base: "
      "360 degree swivel</li><li>Warranty: two years</li></ul></div><div class='about'>"
      "<h3>Fast boil</h3><p>Boils a full litre in three minutes.</p><h3>Safe</h3><p>Switches "
      "itself off when the water boils.</p><h3>Quiet</h3><p>A rapid boil that is barely heard "
      "across the room.</p></div></div>" + kShopFooter;
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "product") << body.explanation;
  EXPECT_NE(body.text.find("Switches itself off"), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find("Cord length: 75 centimetres"), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find("Warranty: two years"), std::string::npos) << body.explanation;
}

TEST(Product, ClosedTabPanesAreText) {
  // The description is the open tab; the specifications wait in a pane the
  // shop's script shows, sent hidden by an inline style and named only by
  // its class. A hidden element that is no pane stays out.
  const std::string description = kKettle;
  const std::string spec =
      "The body is brushed steel with a cool-touch handle, and the base turns all the way "
      "round so the kettle sits on it from either side.";
  const std::string page =
      product_head() + kShopNav +
      "<main><h1>Blue kettle</h1>"
      "<div class='tabs'><div class='tab-pane active'><p>" + description +
      "</p></div><div class='tab-pane' style='display:none'><p>" + spec +
      "</p></div></div><div style='display:none'><p>A survey for visitors who stay longer "
      "than a minute on the page, shown after a delay by a script.</p></div></main>" +
      kShopFooter;
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "product") << body.explanation;
  EXPECT_NE(body.text.find(description), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(spec), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("A survey for visitors"), std::string::npos) << body.explanation;
}

// A product page without <main>: the description and the details in sibling
// sections, the shop's controls (`shop`) between them.
Body product_in_sections(const std::string& description, const std::string& shop) {
  return extract(product_head() + "<div class='product'><div class='description'><p>" +
                 description + "</p></div>" + shop + "<div class='details'><p>" +
                 kKettleDetails + "</p></div></div>" + kShopFooter);
}

TEST(Product, DescriptionAndDetailsInSiblingSectionsAreWhole) {
  // No <main>: the description and the details stand in sibling sections,
  // with the shop's links between them; both are the product's.
  const std::string description =
      "The blue kettle boils a litre of water in three minutes and switches itself off when "
      "the water boils, so it is safe to leave on the counter while you make the toast.";
  Body body = product_in_sections(
      description,
      "<div class='shop'><a href='/cart'>Add to cart</a> <a href='/wish'>Add to wish list</a> "
      "<a href='/compare'>Compare with other kettles</a> <a href='/ask'>Ask about this "
      "kettle</a> <a href='/delivery'>Delivery and returns</a> <a href='/stores'>Find it in a "
      "store near you</a> <a href='/gift'>Send it as a gift</a></div>");
  ASSERT_EQ(body.page_type, "product") << body.explanation;
  EXPECT_NE(body.text.find(description), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(kKettleDetails), std::string::npos) << body.explanation;
}

TEST(Product, TheShopsControlsBetweenSectionsDoNotStopTheClimb) {
  // The description and the details stand apart, with a long row of the
  // shop's links between them: weighed at half, the links no longer keep
  // the details out.
  std::string links;
  for (const char* l : {"Add to cart", "Add to wish list", "Compare with other kettles",
                        "Ask about this kettle", "Delivery and returns", "Find it in a store",
                        "Send it as a gift", "Pay in three instalments", "Price match promise",
                        "Register your warranty", "Read the manual", "Share this kettle"})
    links += std::string("<li><a href='/x'>") + l + "</a></li>";
  Body body = product_in_sections(kKettle, "<ul class='shop'>" + links + "</ul>");
  ASSERT_EQ(body.page_type, "product") << body.explanation;
  EXPECT_NE(body.text.find(kKettle), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(kKettleDetails), std::string::npos) << body.explanation;
}

TEST(Product, ScreenReaderLabelsAreNotTheText) {
  // A shop labels each price for screen readers ("Regular price"), a label
  // its stylesheet keeps off the screen.
  const std::string description = kKettle;
  const std::string page =
      product_head() + kShopNav +
      "<main><h1>Blue kettle</h1>"
      "<div class='price'><span class='visually-hidden visually-hidden--inline'>Regular "
      "price</span> <span class='price-item'>$19.99</span></div><div class='description'><p>" +
      description + "<span class='sr-only'> (opens in a new window)</span></p></div></main>" +
      kShopFooter;
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "product") << body.explanation;
  EXPECT_NE(body.text.find(description), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Regular price"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("new window"), std::string::npos) << body.explanation;
}

TEST(Product, StreamedSegmentsAreTheTextWhenNothingElseIs) {
  // A page streamed in pieces: the shell holds a placeholder, and the
  // product comes last in a hidden segment its script moves in place.
  const std::string description = kKettle;
  const std::string page =
      product_head() + kShopNav +
      "<main><template "
      "id='B:0'></template><p>Loading</p></main><footer><a href='/terms'>Terms</a></footer>"
      "<div hidden id='S:0'><h1>Blue kettle</h1><div class='description'><p>" +
      description + "</p></div></div><script>$RC('B:0','S:0')</script></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "product") << body.explanation;
  EXPECT_NE(body.text.find(description), std::string::npos) << body.explanation;
}

TEST(Product, ALonePriceIsNoBody) {
  // The product's details never came (a script draws them): what is left is
  // a monthly price, and a price alone is no body. The same line with words
  // around it is kept.
  const std::string page = product_head() + kShopNav +
                           "<main><div class='gallery'></div><div><span>$91.67/mo.</span></div>"
                           "</main><footer><a href='/terms'>Terms</a></footer></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "product") << body.explanation;
  EXPECT_EQ(body.text, "") << body.explanation;
  EXPECT_TRUE(body.blocks.empty());
  const std::string kept = product_head() + kShopNav +
                           "<main><div><span>Ships today, $19.99.</span></div></main></body></html>";
  EXPECT_EQ(extract(kept).text, "Ships today, $19.99.");
}

TEST(Product, ReviewsLeftOutHoweverMuchTheyWrite) {
  const std::string description = kKettle;
  std::string page = product_head() + "<main><h1>Blue kettle</h1>" +
                     "<div class='product-price'>$19.99</div><form class='cart'>"
                     "<button class='add-to-cart'>Add to cart</button></form>"
                     "<div class='description'><p>" +
                     description + "</p></div><div id='reviews' class='tab-panel reviews'><ol>";
  for (int i = 0; i < 8; ++i)
    page += "<li><p>Reviewer " + std::to_string(i) +
            " bought this kettle for the office and it has boiled water every morning since, "
            "though the lid is a little stiff when it is new and it took a week to loosen.</p>"
            "</li>";
  page += "</ol></div></main></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "product") << body.explanation;
  EXPECT_NE(body.text.find(description), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("for the office"), std::string::npos) << body.explanation;
}

TEST(Product, ReviewsAndCarouselsInTheMainAreLeftOut) {
  const std::string description = kKettle;
  const std::string review =
      "I bought this kettle for my mother and she loves it, though the lid is a little stiff "
      "when it is new and it took a week to loosen.";
  std::string page = product_head() + "<main><h1>Blue kettle</h1>" +
                     "<div class='product-price'>$19.99</div><form class='cart'>"
                     "<button class='add-to-cart'>Add to cart</button></form>"
                     "<div class='description'><p>" +
                     description + "</p><p>" + description +
                     "</p></div><div class='customer-reviews'><p>" + review +
                     "</p></div><div class='product-carousel'>";
  for (int i = 0; i < 4; ++i)
    page += "<div class='tile'><p>Red kettle number " + std::to_string(i) +
            " is sold here too.</p><p>$" + std::to_string(20 + i) + ".99</p></div>";
  page += "</div></main></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "product") << body.explanation;
  EXPECT_NE(body.text.find(description), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("my mother"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Red kettle"), std::string::npos) << body.explanation;
}

TEST(Listing, LinkedEntriesAfterAnIconAreNotCaptions) {
  // A library's catalogue: each entry opens with a linked icon, and its text
  // ends "(page images at ...)". Links under an image are an entry of the
  // list, not a caption written under a photo with its credit.
  std::string items;
  for (int i = 0; i < 12; ++i)
    items += "<li><a href='/info/" + std::to_string(i) +
             "'><img class='info' src='/info.gif' alt='[Info]'></a> <a href='/record/" +
             std::to_string(i) + "'><cite>Catalogue of builders' hardware, number " +
             std::to_string(i) +
             ": mill, factory and railway supplies, mechanics' tools, iron and steel, valves, "
             "pipe and fittings</cite> (Detroit, 1918)</a>, by Buhl Sons (page images at "
             "HathiTrust)</li>";
  const std::string page =
      "<html><head><title>Browse subject: Hardware</title></head><body><h1>Hardware -- "
      "Catalogs</h1><p>Filed under: <a href='/subject/hardware'>Hardware</a></p><ul>" +
      items + "</ul></body></html>";
  Body body = extract(page);
  EXPECT_NE(body.text.find("Catalogue of builders' hardware, number 3"), std::string::npos)
      << body.explanation;
  EXPECT_NE(body.text.find("Catalogue of builders' hardware, number 11"), std::string::npos)
      << body.explanation;
}

TEST(Listing, TheHeadersOfItsPostsAreText) {
  // A news site's river of posts: each an <article> whose <header> holds its
  // linked title and its byline, over a summary.
  std::string posts;
  for (int i = 0; i < 8; ++i)
    posts += "<article class='post'><header><h2><a href='/story/" + std::to_string(i) +
             "'>Kernel release number " + std::to_string(i) +
             " speeds up file systems</a></h2><p>Posted by Dana on day " + std::to_string(i + 1) +
             " of March</p></header><p>The new release changes how writes are queued, and the "
             "benchmarks show the gain on every disk we tried.</p></article>";
  const std::string page =
      "<html><head><title>Latest news</title></head><body><nav><a href='/'>Home</a> <a "
      "href='/about'>About</a></nav><main><h1>Latest news</h1><div class='river'>" +
      posts + "</div></main><footer><p>Copyright</p></footer></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "listing") << body.explanation;
  EXPECT_NE(body.text.find("Kernel release number 7"), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find("Posted by Dana on day 8"), std::string::npos) << body.explanation;
}

TEST(Listing, QuestionsClosedByTheirClassAreText) {
  // The answers to a page's questions wait in elements named for them and
  // hidden by an inline style, with no ARIA to tie them to their questions.
  const std::string answer =
      "Each certificate covers a single skill in depth and takes between two and three hours "
      "of study, at your own pace, from any device you like.";
  std::string courses;
  for (int i = 0; i < 6; ++i)
    courses += "<li class='course'><h3><a href='/course/" + std::to_string(i) +
               "'>Course number " + std::to_string(i) + " in project management</a></h3><p>"
               "Learn to plan, run and close a project of any size.</p></li>";
  const std::string page =
      "<html><head><title>Certificate courses</title></head><body><nav><a href='/'>Home</a>"
      "</nav><main><h1>Certificate courses</h1><ul class='courses'>" +
      courses +
      "</ul><div class='faqs'><div class='faq'><h3 class='faq__question'>How long does a "
      "certificate take?</h3><div class='faq__answer' style='display: none;'><p>" + answer +
      "</p></div></div></div></main><footer><a href='/terms'>Terms</a></footer></body></html>";
  Body body = extract(page);
  EXPECT_NE(body.text.find(answer), std::string::npos) << body.explanation;
}

TEST(Listing, AListOfLinkedCategoriesIsNotTrimmedAsTrailingHeadlines) {
  // A directory's categories under their letters: short linked lines that
  // end no sentence, from the first to the last. Chosen as the page's list
  // of items, they are not trimmed as the headlines of other stories.
  std::string groups;
  const char* names[][3] = {{"Adapters", "Anchors", "Aligners"}, {"Bands", "Bolts", "Braces"},
                            {"Caps", "Clamps", "Clips"},         {"Ends", "Eyes", "Escutcheons"},
                            {"Fasteners", "Ferrules", "Fixings"}, {"Glands", "Grommets", "Guides"},
                            {"Hangers", "Hinges", "Hooks"},       {"Inserts", "Isolators", "Irons"},
                            {"Joints", "Jacks", "Jaws"},          {"Keys", "Knobs", "Knots"}};
  for (const auto& g : names) {
    groups += std::string("<div class='letter'>") + g[0][0] + "</div><div class='links'>";
    for (const char* n : g) groups += std::string("<a href='/c/") + n + "'>" + n + "</a> ";
    groups += "</div>";
  }
  const std::string page =
      "<html><head><title>Fasteners and hardware catalogs</title></head><body><nav><a "
      "href='/'>Home</a></nav><h1>Fasteners and hardware categories</h1><p>Find item details, "
      "images and spec sheets.</p><div class='categories'>" + groups +
      "</div><footer><p>Copyright 2026 Example Publishing. All rights reserved.</p></footer>"
      "</body></html>";
  Body body = extract(page);
  EXPECT_NE(body.text.find("Adapters"), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find("Keys"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("All rights reserved"), std::string::npos) << body.explanation;
}

TEST(Listing, AFooterIsNotTheContentHoweverMuchItWrites) {
  // A page of homes for sale: short cards, and a footer that writes more
  // prose than the cards for search engines. The footer is the site's.
  std::string cards;
  for (int i = 0; i < 8; ++i)
    cards += "<div class='home-card'><a href='/home/" + std::to_string(i) + "'>" +
             std::to_string(100 + i) + " Pine Street</a><div class='price'>$4" +
             std::to_string(i) + "0,000</div><div class='stats'>3 beds, 2 baths</div></div>";
  std::string seo;
  for (int i = 0; i < 4; ++i)
    seo += "<p>Sparks is a city in Washoe County where the median home sold for less than in "
           "Reno last year, and buyers who compare neighbourhoods, schools and commutes find "
           "good value on every side of town.</p>";
  const std::string page =
      "<html><head><title>Homes for sale in Sparks</title></head><body><nav><a href='/'>Home"
      "</a></nav><main><h1>Sparks homes for sale</h1><div class='results'>" + cards +
      "</div></main><div class='SiteFooter'>" + seo + "<a href='/terms'>Terms</a></div>"
      "</body></html>";
  Body body = extract(page);
  EXPECT_EQ(body.text.find("Washoe County"), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find("105 Pine Street"), std::string::npos) << body.explanation;
}

TEST(Listing, NoticesAndALoneHeadingAreNoBody) {
  // A shop's category page whose products a script draws: the HTML holds the
  // menu, an empty mount point, the footer's newsletter box and its
  // copyright line, or only a note that JavaScript is needed.
  const std::string shell =
      "<html><head><title>Down jackets</title><link rel='canonical' "
      "href='https://shop.example.org/collections/down-jackets'></head><body>"
      "<nav><a href='/'>Home</a> <a href='/jackets'>Jackets</a></nav><div id='app'></div>";
  Body footer = extract(shell +
                        "<div class='footer-newsletter'><h2>Subscribe</h2><p>Sign up for our "
                        "newsletter and be the first to hear of new arrivals.</p></div>"
                        "<p class='legal'>© 2025 Example Outfitters. All rights reserved.</p>"
                        "</body></html>");
  EXPECT_EQ(footer.text, "") << footer.explanation;
  Body script = extract(shell +
                        "<noscript>You need to enable JavaScript to run this app.</noscript>"
                        "</body></html>");
  EXPECT_EQ(script.text, "") << script.explanation;
  // A story may close with its own notice, and keeps it.
  const std::string story =
      "The harbour bridge reopened on Monday after eight months of repairs, and the first "
      "buses crossed it before dawn while a crowd watched from the old ferry pier.";
  Body article = extract(
      "<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
      "<p>" + story + "</p><p>© 2025 The Example Press. All rights reserved.</p></article>"
      "</body></html>");
  EXPECT_NE(article.text.find(story), std::string::npos) << article.explanation;
  EXPECT_NE(article.text.find("All rights reserved."), std::string::npos) << article.explanation;
}

TEST(Listing, ItemsNamedLikeBoilerplateAreItsContent) {
  // Every item's class holds a boilerplate word ("tag"), as shops' do.
  std::string page =
      "<html><body><nav><a href='/'>Home</a> <a href='/mugs'>Mugs</a></nav><main>"
      "<h1>Mugs</h1><p>Our mugs.</p><ul class='products'>";
  std::vector<std::string> titles;
  for (int i = 0; i < 8; ++i) {
    const std::string n = std::to_string(i);
    titles.push_back("Stoneware mug in glaze number " + n);
    page += "<li class='product product_tag-mugs'><a href='/p" + n + "'><h2>" + titles.back() +
            "</h2></a><span class='price'>$" + std::to_string(20 + i) + ".00</span></li>";
  }
  page += "</ul></main><footer><p>About us</p></footer></body></html>";
  Body body = extract(page);
  for (const std::string& title : titles)
    EXPECT_NE(body.text.find(title), std::string::npos) << title << "\n" << body.explanation;
}

// A shop's category page up to its body: the canonical address names it
// a collection ("/collections/SLUG").
std::string shop_category_open(const std::string& slug) {
  return "<html><head><link rel='canonical' href='https://example.org/collections/" + slug +
         "'></head><body>";
}

const std::string kShopMenu = "<nav><a href='/'>Home</a> <a href='/cart'>Cart</a></nav>";

// The page is read as a collection and its text names every product.
void expect_collection_names(const Body& body, const std::vector<std::string>& names) {
  ASSERT_EQ(body.page_type, "collection") << body.explanation;
  for (const std::string& name : names)
    EXPECT_NE(body.text.find(name), std::string::npos) << name << "\n" << body.explanation;
}

TEST(Collection, CardHeadingsStayWhenTheirLinkedLinesAreLeftOut) {
  // A shop's category: each card is one link holding the model's code, and
  // its name over its price. The price, a link of two words, is left out; the
  // name, a heading beside it, still names the product.
  std::string page =
      shop_category_open("mowers") + kShopMenu +
      "<main><h1>Robot mowers</h1><div class='grid'>";
  std::vector<std::string> names;
  for (int i = 0; i < 8; ++i) {
    const std::string n = std::to_string(i);
    names.push_back("Quiet robot mower for lawns of " + n + " acres");
    page += "<div class='card product'><a href='/p" + n + "'><h4 class='sku'>RM" + n +
            "00</h4><div class='info'><h3>" + names.back() + "</h3><div class='price'>$ 1,2" + n +
            "9.99</div></div></a></div>";
  }
  page += "</div></main><footer><p>About us</p></footer></body></html>";
  Body body = extract(page);
  expect_collection_names(body, names);
}

TEST(Collection, ContentHiddenUntilAScriptOutweighsTheFooter) {
  // A shop's access app hides the whole grid with an inline style until its
  // script has run. Outside it stand only the footer's menus, named as such:
  // read without those names, the menus are found, but the hidden grid holds
  // far more, and it is the page's content.
  std::string page =
      shop_category_open("teas") +
      "<main><div class='access-content' style='display:none;'>"
      "<h1>Loose-leaf teas</h1><ul class='grid'>";
  std::vector<std::string> names;
  for (int i = 0; i < 12; ++i) {
    const std::string n = std::to_string(i);
    names.push_back("Smoked black tea blend number " + n);
    page += "<li class='card'><h3 class='card__heading'><a href='/products/t" + n + "'>" +
            names.back() + "</a></h3><span class='price'>$1" + n + ".99</span></li>";
  }
  page += "</ul></div></main><footer>";
  for (const char* heading : {"Company", "Your orders"}) {
    page += std::string("<h2>") + heading + "</h2><ul class='menu'>";
    for (const char* link : {"Help and questions", "Refund policy", "Careers", "Wholesale",
                             "Tea for the office"})
      page += std::string("<li><a class='menu-item' href='/page'>") + link + "</a></li>";
    page += "</ul>";
  }
  page += "</footer></body></html>";
  Body body = extract(page);
  expect_collection_names(body, names);
  EXPECT_EQ(body.text.find("Refund policy"), std::string::npos) << body.explanation;
}

TEST(Collection, CardsNamedAsCaptionsAreTheirText) {
  // A theme names each card's text block "caption": inside the card's link
  // (a shop's grid), or holding the card's heading. That is the card's name
  // and price, not a photo's caption.
  std::string page =
      shop_category_open("lamps") + kShopMenu +
      "<main><h1>Desk lamps</h1><div class='grid'>";
  std::vector<std::string> names;
  for (int i = 0; i < 6; ++i) {
    const std::string n = std::to_string(i);
    names.push_back("Brass desk lamp with a linen shade, model " + n);
    page += "<div class='cell'><a class='box' href='/p" + n + "'><img src='/l" + n +
            ".jpg'><div class='caption'><div class='name'>" + names.back() +
            "</div><div class='price'>$4" + n + ".00</div></div></a></div>";
  }
  for (int i = 6; i < 12; ++i) {
    const std::string n = std::to_string(i);
    names.push_back("Enamel reading lamp in forest green, model " + n);
    page += "<div class='cell'><img src='/l" + n + ".jpg'><div class='product-caption'><h3>" +
            "<a href='/p" + n + "'>" + names.back() + "</a></h3><span class='price'>$5" + n +
            ".00</span></div></div>";
  }
  page += "</div></main><footer><p>About us</p></footer></body></html>";
  Body body = extract(page);
  expect_collection_names(body, names);
  // In a story, a caption with a title of its own is the photo's.
  const std::string story =
      "The harbour bridge reopened on Monday after eight months of repairs, and the first "
      "buses crossed it before dawn while a crowd watched from the old ferry pier.";
  Body article = extract(
      "<html><head><title>Bridge reopens</title></head><body><article><h1>Bridge reopens</h1>"
      "<p>" + story + "</p><div class='photo'><img src='/bridge.jpg'><div class='caption'>"
      "<h4>At dawn</h4>The first bus crosses the bridge.</div></div><p>" + story +
      "</p></article></body></html>");
  EXPECT_NE(article.text.find(story), std::string::npos) << article.explanation;
  EXPECT_EQ(article.text.find("The first bus crosses"), std::string::npos) << article.explanation;
}

TEST(Collection, BannerIntroductionIsKept) {
  // A shop's category opens with a banner that introduces its grid.
  const std::string intro =
      "Every mower here cuts the grass on its own, finds its way back to its dock, and is "
      "quiet enough to run at night while the household sleeps.";
  std::string page =
      shop_category_open("mowers") + kShopMenu +
      "<div class='page'>"
      "<div class='category-banner'><h1>Robot mowers</h1><p>" +
      intro + "</p></div><div class='grid'>";
  for (int i = 0; i < 8; ++i) {
    const std::string n = std::to_string(i);
    page += "<div class='card product'><a href='/p" + n + "'><h3>Quiet robot mower RM" + n +
            "00</h3></a><p>It cuts lawns of " + n +
            " acres on one charge and climbs slopes as steep as a staircase.</p>"
            "<div class='price'>$1,2" +
            n + "9.99</div></div>";
  }
  page += "</div></div><footer><p>About us</p></footer></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "collection") << body.explanation;
  EXPECT_NE(body.text.find(intro), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find("Quiet robot mower RM300"), std::string::npos) << body.explanation;
}

TEST(Collection, TheCategorysTextBesideItsGridIsKept) {
  // The category's own text about its products stands in a section of its
  // own above a grid of linked names and prices: the grid is the list of
  // items, and the text beside it is the category's too.
  const std::string intro =
      "Every mower here cuts the grass on its own, finds its way back to its dock, and is "
      "quiet enough to run at night while the household sleeps. Pick one by the size of your "
      "lawn and by how steep its slopes are.";
  std::string page =
      shop_category_open("mowers") + kShopMenu +
      "<div class='page'>"
      "<section class='about'><h1>Robot mowers</h1><p>" +
      intro + "</p></section><section class='results'><ul class='grid'>";
  for (int i = 0; i < 12; ++i) {
    const std::string n = std::to_string(i);
    page += "<li class='card'><a href='/p" + n + "'>Quiet robot mower RM" + n +
            "00</a><div class='price'>$1,2" + n + "9.99</div></li>";
  }
  page += "</ul></section></div><footer><p>About us</p></footer></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "collection") << body.explanation;
  EXPECT_NE(body.text.find(intro), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find("Quiet robot mower RM700"), std::string::npos) << body.explanation;
}

TEST(Collection, TextWrittenForSearchEnginesIsTheCategorys) {
  // The grid is drawn by a script: the page holds only its placeholders, and
  // the category's text below it is named for search engines and as a footer,
  // and the site's footer writes more. That text is the page's; the
  // members' offer above it is not.
  const std::vector<std::string> paragraphs = {
      "Our robot mowers cut the grass on their own, find their way back to the dock, and run "
      "quietly enough to work at night while the household sleeps.",
      "Each model here is rated for a lawn size and a slope: pick the one that covers your "
      "garden with room to spare, and it will finish in a single charge.",
      "Every mower comes with a two-year warranty, free blade replacements for the first year, "
      "and a technician's visit to set the boundary wire if you ask for one."};
  std::string page =
      shop_category_open("mowers") + kShopMenu +
      "<div class='promo-strip'><p>Members earn a reward for every purchase. Join today.</p>"
      "</div><div class='listing'>";
  for (int i = 0; i < 12; ++i) page += "<div class='placeholder'></div>";
  page += "</div><div class='field-seofootercopy'><h2>Shop robot mowers</h2>";
  for (const std::string& p : paragraphs) page += "<p>" + p + "</p>";
  page +=
      "</div><footer><p>Accessibility: we want everyone to be able to use this website, and we "
      "test every page with screen readers and keyboard navigation before it goes live.</p>"
      "<p>Rewards points appear in your account within a day of your order shipping, and they "
      "expire a year after you earned them unless you order again.</p><p>If items are returned, "
      "the points earned for them are taken back from your account the day the refund is "
      "made.</p></footer></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "collection") << body.explanation;
  for (const std::string& p : paragraphs)
    EXPECT_NE(body.text.find(p), std::string::npos) << p << "\n" << body.explanation;
  EXPECT_EQ(body.text.find("Members earn"), std::string::npos) << body.explanation;
}

TEST(Collection, SecondCopyOfARunOfLinesIsLeftOut) {
  // A shop's category shows its introduction twice, once laid out for phones
  // and once for desktops; the lines every card repeats stay.
  const std::string intro =
      "Every mower here cuts the grass on its own, finds its way back to its dock, and is "
      "quiet enough to run at night.";
  const std::string section =
      "<div class='intro'><h2>Why a robot mower</h2><p>" + intro + "</p></div>";
  std::string page =
      shop_category_open("mowers") + kShopMenu +
      "<main><h1>Robot mowers</h1>" +
      section + "<div class='grid'>";
  for (int i = 0; i < 8; ++i) {
    const std::string n = std::to_string(i);
    page += "<div class='card product'><a href='/p" + n + "'><h3>Quiet robot mower RM" + n +
            "00</h3></a><p>Weight:</p><p>12 kg</p><div class='price'>$1,2" + n + "9.99</div></div>";
  }
  page += "</div>" + section + "</main><footer><p>About us</p></footer></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "collection") << body.explanation;
  const size_t first = body.text.find(intro);
  ASSERT_NE(first, std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find(intro, first + 1), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find("Quiet robot mower RM700"), std::string::npos) << body.explanation;
  size_t weights = 0;
  for (size_t at = body.text.find("Weight:"); at != std::string::npos;
       at = body.text.find("Weight:", at + 1))
    ++weights;
  EXPECT_EQ(weights, 8u) << body.explanation;
}

// The cards of a service page the tests below build: a title and a sentence each.
constexpr const char* kPayrollFeatures[][2] = {
    {"Automatic tax filing", "We file federal, state and local payroll taxes each quarter."},
    {"Direct deposit", "Your team is paid in two days, straight to their bank accounts."},
    {"Time tracking", "Hours flow from the time clock into each pay run without typing."},
    {"Benefits", "Health, dental and retirement plans are run from the same screen."},
    {"Reports", "See labour costs by team and month, and export them for your accountant."},
    {"Support", "Talk to a payroll expert by phone or chat whenever you need one."}};

TEST(Service, FeatureCardsWithTheirLinksAreItsContent) {
  // A landing page without <main>: a hero, six feature cards each with its
  // "Learn more" link, pricing. The cards are the page's, not teasers.
  std::string page =
      "<html><head><title>Acme Payroll</title><link rel='canonical' "
      "href='https://example.org/payroll'>"
      "</head><body>"
      "<header><nav><a href='/'>Home</a> <a href='/pricing'>Pricing</a></nav></header>"
      "<div class='page'><section class='hero'><h1>Payroll that runs itself</h1>"
      "<p>Pay your team on time, every time, with taxes filed for you.</p>"
      "<a class='button' href='/signup'>Get started</a></section>"
      "<section class='features'><h2>Everything you need</h2>";
  for (const auto& f : kPayrollFeatures)
    page += std::string("<div class='feature-card'><h3>") + f[0] + "</h3><p>" + f[1] +
            "</p><a href='/f'>Learn more</a></div>";
  page +=
      "</section><section class='pricing'><h2>Simple pricing</h2><p>From $40 a month plus $6 "
      "a person.</p></section></div><footer><p>Acme Inc.</p></footer></body></html>";
  Body body = extract(page);
  EXPECT_EQ(body.page_type, "service") << body.explanation;
  for (const auto& f : kPayrollFeatures)
    EXPECT_NE(body.text.find(f[1]), std::string::npos) << f[0] << "\n" << body.explanation;
}

// A payroll service's page with a <main>, up to its features' section.
std::string payroll_main_open() {
  return "<html><head><title>Acme Payroll</title><link rel='canonical' "
         "href='https://example.org/payroll'></head><body><header><nav><a href='/'>Home</a> <a "
         "href='/pricing'>Pricing</a></nav></header><main><section class='hero'><h1>Payroll that "
         "runs itself</h1><p>Pay your team on time, every time, with taxes filed for you.</p>"
         "</section><section class='features'>";
}

TEST(Service, ItsButtonsAreNotItsText) {
  // Each feature card has a linked title that reads as one and a button of a
  // few words ("Start a free trial"): the title is the page's, the button not.
  std::string page = payroll_main_open();
  for (const auto& f : kPayrollFeatures)
    page += std::string("<div class='feature-card'><p><a href='/f'>") + f[0] +
            " for teams of every size</a></p><p>" + f[1] +
            "</p><p><a class='button' href='/trial'>Start a free trial</a></p></div>";
  page += "</section></main><footer><p>Acme Inc.</p></footer></body></html>";
  expect_lines(extract(page), "service", {"Direct deposit for teams of every size"},
               {"Start a free trial"});
}

TEST(Service, TheHeadersOfItsSectionsAreText) {
  // Inside <main>, each section opens with a <header> holding its title and
  // its pitch; a site header set in a section of <main>, with its menu, stays
  // out.
  const std::string pitch =
      "Record your screen and your camera at once, trim the result in the browser, and send "
      "the link before the meeting it replaces would have started.";
  std::string page =
      "<html><head><title>Acme Video</title><link rel='canonical' "
      "href='https://example.org/video'></head><body><main><section class='layout'>"
      "<header><nav><a href='/'>Home</a> <a href='/pricing'>Pricing</a> <a href='/login'>Log "
      "in</a></nav><p>Trusted since 1998</p></header>"
      "<section class='hero'><header><h1>Video messages for work</h1><p>" +
      pitch +
      "</p></header><a class='button' href='/signup'>Get started</a></section>"
      "<section class='features'><h2>Everything you need</h2>";
  for (const auto& f : kPayrollFeatures)
    page += std::string("<div class='feature-card'><h3>") + f[0] + "</h3><p>" + f[1] + "</p></div>";
  page += "</section></section></main><footer><p>Acme Inc.</p></footer></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "service") << body.explanation;
  EXPECT_NE(body.text.find(pitch), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Trusted since"), std::string::npos) << body.explanation;
}

TEST(Service, ItsHeadingsAreItsPitch) {
  // A plan's box holds its name over a sign-up button: the name is the
  // page's, though nothing under it is kept; a linked heading over a "Read
  // more" link is another page's teaser and stays out.
  std::string page = payroll_main_open();
  for (const auto& f : kPayrollFeatures)
    page += std::string("<div class='feature-card'><h3>") + f[0] + "</h3><p>" + f[1] + "</p></div>";
  const std::string plan =
      "<div class='plan'><h3>Payroll for teams of ten</h3><a class='button' "
      "href='/signup?plan=team'>Choose</a></div>";
  const std::string report =
      "<div class='report'><h3><a href='/blog/report'>Our yearly payroll report for small "
      "firms</a></h3><a href='/blog/report'>Read more</a></div>";
  page += "</section><section class='plans'>" + plan + report + "</section></main></body></html>";
  expect_lines(extract(page), "service", {"Payroll for teams of ten"}, {"yearly payroll report"});
}

TEST(Service, ScrapGivesWayToSectionsNamedAsWidgets) {
  // A page builder names every section a widget; only the top bar's phone
  // number stands outside them.
  std::string page =
      "<html><head><title>Acme Payroll</title><link rel='canonical' "
      "href='https://example.org/payroll'></head><body>"
      "<div class='top-bar'><ul><li class='top-bar-item'>917-456-8625</li></ul></div>"
      "<header><nav><a href='/'>Home</a> <a href='/pricing'>Pricing</a></nav></header>"
      "<div class='page'><div class='widget hero'><h1>Payroll that runs itself</h1>"
      "<p>Pay your team on time, every time, with taxes filed for you.</p>"
      "<a class='button' href='/signup'>Get started</a></div>";
  for (const auto& f : kPayrollFeatures)
    page += std::string("<div class='widget feature-card'><h3>") + f[0] + "</h3><p>" + f[1] +
            "</p><a href='/f'>Learn more</a></div>";
  page +=
      "<div class='widget pricing'><h2>Simple pricing</h2><p>From $40 a month plus $6 "
      "a person.</p></div></div><footer><p>Acme Inc.</p></footer></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "service") << body.explanation;
  for (const auto& f : kPayrollFeatures)
    EXPECT_NE(body.text.find(f[1]), std::string::npos) << f[0] << "\n" << body.explanation;
}

TEST(Service, AccordionTriggersAreTheirSectionsTitles) {
  // Questions and answers: each question is a button set in a heading (or
  // holding one, or a <details>' <summary>, or saying whether the answer
  // right after it is open); a form's button stays out, and so do a menu's
  // (what it opens is a list of links) and a search box's.
  const std::string answer =
      "Every plan can be cancelled at any time from the account page, and the months already "
      "paid for stay open until the end of the period you were billed for.";
  const std::string page =
      "<html><head><title>Plans</title><link rel='canonical' "
      "href='https://example.org/plans'></head><body><main><h1>Plans</h1>"
      "<p>Choose the plan that suits your team, from a single seat to a whole company, and "
      "change it whenever the team grows or shrinks.</p>"
      "<div class='faq'><h3><button class='faq-trigger'>Can I cancel at any time?</button></h3>"
      "<div class='faq-answer'><p>" + answer + "</p></div>"
      "<div role='button' class='faq-trigger'><h4>Do you offer discounts for charities?</h4></div>"
      "<div class='faq-answer'><p>Registered charities pay half the price of any plan, on "
      "every seat, for as long as they stay registered.</p></div>"
      "<details><summary role='button'>Where is our data kept?</summary><p>In data centres "
      "in the European Union, copied to a second centre every night.</p></details>"
      "<div role='button' aria-expanded='false' class='css-jt'>Is support included?</div>"
      "<div class='css-el'><p>Every plan includes support by email, answered within a "
      "working day.</p></div></div>"
      "<div role='button' aria-expanded='false' class='css-jt'>Other plans we offer</div>"
      "<ul><li><a href='/plans/team'>Team plans for five to fifty people</a></li><li><a "
      "href='/plans/school'>School plans for teachers and their classes</a></li></ul>"
      "<div role='button' aria-expanded='false' class='css-jt'>Search the help centre</div>"
      "<div class='css-sb'><input type='search'></div><form><input type='email'><button>Send me the price list</button></form>"
      "</main></body></html>";
  Body body = extract(page);
  for (const char* question : {"Can I cancel at any time?", "Do you offer discounts for charities?",
                               "Where is our data kept?", "Is support included?"})
    EXPECT_NE(body.text.find(question), std::string::npos) << question << "\n" << body.explanation;
  EXPECT_NE(body.text.find(answer), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Send me the price list"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Other plans we offer"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Search the help centre"), std::string::npos) << body.explanation;
}

TEST(Service, FeaturesEveryPriceCardListsAreText) {
  // Each price card lists the features its plan shares with the others,
  // under its own name: the cards are like branches (one tag and first
  // class word, the same tags down to each line), and each card's list is
  // its text. The hero the page sets twice, once for phones and once for
  // desktops, is written once; so are the partners' section set once in tabs
  // and once in an accordion, and the steps set twice under generated class
  // names (one library's first word) in branches of other tags.
  const std::string features =
      "<li>Unlimited projects and boards for the whole team</li>"
      "<li>Support by email, answered within one working day</li>"
      "<li>Daily backups kept for thirty days</li>";
  std::string cards;
  for (const char* plan : {"Starter", "Team", "Business"})
    cards += std::string("<div class='price-card price-card-") + plan + "'><h3>" + plan +
             "</h3><ul>" + features + "</ul></div>";
  const std::string hero =
      "<h2>Plan your work in one place</h2><p>Boards, lists and calendars for every team, "
      "from the first idea to the day it ships.</p>";
  const std::string partners =
      "<h2>Our partners</h2><p>We work with the payment and calendar services your team "
      "already uses, and add new ones every month.</p>";
  const std::string steps =
      "<h2>How it works</h2><p>Sign up, invite the team and import your boards from a "
      "spreadsheet or another service in a minute.</p>";
  const std::string page =
      "<html><head><title>Pricing</title><link rel='canonical' "
      "href='https://boards.example.com/pricing'></head><body><nav><a href='/'>Home</a></nav>"
      "<main><h1>Pricing</h1><section class='hero hero--desktop'>" + hero +
      "</section><section class='hero hero--mobile'>" + hero +
      "</section><p>Every plan starts with a free month, and you can change plans whenever "
      "the team grows or shrinks.</p><div class='pricing'>" + cards +
      "</div><div class='tab-panels'><div>" + partners + "</div></div><div class='accordion'>"
      "<div>" + partners + "</div></div><div class='sc-6491 ikgmuk'><div>" + steps +
      "</div></div><div class='sc-6491 bWCmTJ'><section>" + steps + "</section>" +
      "</div></main><footer><p>Example Boards</p></footer></body></html>";
  Body body = extract(page);
  const auto count = [&](std::string_view needle) {
    size_t found = 0;
    for (size_t at = body.text.find(needle); at != std::string::npos;
         at = body.text.find(needle, at + 1))
      ++found;
    return found;
  };
  EXPECT_EQ(count("Daily backups kept for thirty days"), 3u) << body.explanation;
  EXPECT_EQ(count("Support by email"), 3u) << body.explanation;
  EXPECT_EQ(count("from the first idea to the day it ships"), 1u) << body.explanation;
  EXPECT_EQ(count("already uses, and add new ones"), 1u) << body.explanation;
  EXPECT_EQ(count("import your boards from a"), 1u) << body.explanation;
}

TEST(Service, APageBuildersWidgetsAreItsSections) {
  // Built with a page builder that calls every module a widget, each of
  // its own kind: the sections are the page's text; the footer's widget (a
  // word of its own) is not.
  const std::string sections[] = {
      "We write resumes that get you interviews: a writer who knows your field talks with you "
      "for an hour, then drafts a resume around what you have done.",
      "Every resume is checked against the screening software recruiters use, so that it "
      "reaches a person instead of being filtered out by a machine.",
      "Revisions are free for thirty days after the first draft, and most clients have the "
      "final version within a week of their call with the writer."};
  const char* modules[] = {"text-editor", "icon-box", "image-box"};
  std::string body;
  for (int i = 0; i < 3; ++i)
    body += std::string("<section class='elementor-section'><div class='elementor-widget-wrap'>"
                        "<div class='elementor-element elementor-widget elementor-widget-") +
            modules[i] + "'><p>" + sections[i] + "</p></div></div></section>";
  const std::string page =
      "<html><head><title>Resume writing</title><link rel='canonical' "
      "href='https://resumes.example.com/services'></head><body><div class='intro'><p>Resume "
      "writing by certified writers, for every field and every stage of a career.</p></div>"
      "<div class='elementor'>" + body +
      "</div><div class='widget widget_text'><p>Our office answers the phone from nine to "
      "five on weekdays, and is closed on public holidays.</p></div></body></html>";
  Body out = extract(page);
  for (const std::string& text : sections)
    EXPECT_NE(out.text.find(text), std::string::npos) << text << "\n" << out.explanation;
  EXPECT_EQ(out.text.find("answers the phone"), std::string::npos) << out.explanation;
}

TEST(Service, TestimonialsSetInFiguresAreText) {
  // A site builder sets each testimonial as a figure: the quote, then its
  // attribution as the caption. The quotes are the page's text.
  const std::string quotes[] = {
      "Olivia is a fantastic teacher and a lovely person, and every class leaves me calmer "
      "than I have felt all week; I have not missed a Tuesday in three years.",
      "The retreat in the hills was the best week of my year: the teaching, the food and the "
      "walks were all wonderful, and I came home rested for the first time in ages."};
  std::string figures;
  for (const std::string& q : quotes)
    figures += "<div class='quote-block'><figure><blockquote><p>" + q +
               "</p></blockquote><figcaption>A student</figcaption></figure></div>";
  const std::string page =
      "<html><head><title>Reviews</title><link rel='canonical' "
      "href='https://yoga.example.org/reviews'></head><body><nav><a href='/'>Home</a> <a "
      "href='/classes'>Classes</a></nav><main><h1>Reviews</h1><p>What our students say about "
      "our classes and retreats.</p>" +
      figures + "</main><footer><a href='/contact'>Contact</a></footer></body></html>";
  Body body = extract(page);
  for (const std::string& q : quotes)
    EXPECT_NE(body.text.find(q), std::string::npos) << q << "\n" << body.explanation;
}

TEST(Service, ClosedAccordionPanelsAreText) {
  // Each answer is sent closed (the hidden attribute, aria-hidden, an inline
  // style) and named by its question's aria-controls; a question is a heading
  // by its tag or its role, or a button its panel names back (the panel of
  // the fifth sits in a collapsing wrapper, and the wrapper is hidden); a
  // link that says whether its panel is open (aria-expanded) is a trigger. A menu the page's
  // menu button opens, and text hidden with no trigger, stay out.
  const std::string answers[] = {
      "Every plan can be cancelled at any time from the account page, and the months already "
      "paid for stay open until the end of the period you were billed for.",
      "Registered charities pay half the price of any plan, on every seat, for as long as "
      "they stay registered with the charity commission of their country.",
      "Your data is kept in data centres in the European Union and copied to a second centre "
      "in another country every night, where it is kept for thirty days.",
      "Every plan starts with a free month, with all of its features and as many seats as "
      "you like, and no card is asked for until the month is over.",
      "A refund of the unused months is paid to the card the plan was bought with, within "
      "ten working days of the request reaching our billing team.",
      "Teams of more than fifty seats get a manager of their own, who helps set the plan up "
      "and answers the team's questions by phone on working days."};
  const std::string page =
      "<html><head><title>Plans</title><link rel='canonical' "
      "href='https://example.org/plans'></head><body>"
      "<button aria-controls='site-menu' aria-expanded='false'>Menu</button>"
      "<div id='site-menu' hidden><p>Our full range of offices, partners and careers pages "
      "for those who would like to know more.</p></div><main><h1>Plans</h1>"
      "<p>Choose the plan that suits your team, from a single seat to a whole company, and "
      "change it whenever the team grows or shrinks.</p>"
      "<h3><button aria-controls='a1' aria-expanded='false'>Can I cancel?</button></h3>"
      "<div id='a1' hidden><p>" + answers[0] + "</p></div>"
      "<h3><button aria-controls='a2' aria-expanded='false'>Charities?</button></h3>"
      "<div id='a2' aria-hidden='true'><p>" + answers[1] + "</p></div>"
      "<h3 role='button' aria-controls='a3'>Where is our data?</h3>"
      "<div id='a3' style='display: none'><p>" + answers[2] + "</p></div>"
      "<a role='button' aria-controls='a4'><span role='heading' aria-level='3'>Is there a "
      "trial?</span></a><div id='a4' style='display:none'><p>" + answers[3] + "</p></div>"
      "<button id='q5' aria-controls='a5' aria-expanded='false'><span>Refunds?</span></button>"
      "<div class='collapse' style='display:none'><div role='region' id='a5' "
      "aria-labelledby='q5'><p>" + answers[4] + "</p></div></div>"
      "<h3><a href='#' aria-controls='a6' aria-expanded='false'>Large teams?</a></h3>"
      "<div id='a6' aria-hidden='true'>" + answers[5] + "</div>"
      "<div style='display:none'><p>A survey for visitors who stay longer than a minute on the "
      "page, shown after a delay by a script.</p></div></main></body></html>";
  Body body = extract(page);
  for (const std::string& answer : answers)
    EXPECT_NE(body.text.find(answer), std::string::npos) << answer << "\n" << body.explanation;
  EXPECT_EQ(body.text.find("Our full range of offices"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("A survey for visitors"), std::string::npos) << body.explanation;
}

TEST(Service, BareAccordionPanelsAreText) {
  // A questions section built without ARIA, its classes generated and
  // naming nothing: each answer sent hidden by its inline style right after
  // its question, a line of a few words. Three panels of one kind make an
  // accordion (a menu's hidden lists of links after their labels are shown
  // so too, and stay out as links); a lone hidden message after a line stays
  // out.
  const std::string answers[] = {
      "Pet insurance pays back part or all of the vet's bill for an accident or an illness, "
      "for a monthly premium set by the cover you choose.",
      "Plans range from accidents only to accidents and illnesses, and most add routine care "
      "such as vaccines and dental cleaning for a little more.",
      "The premium depends on your pet's breed, age and health, on where you live, and on the "
      "share of the bill and the yearly limit you choose."};
  const std::string questions[] = {"What is pet insurance?", "What does it cover?",
                                   "How much does it cost?"};
  std::string faq, menu;
  for (int i = 0; i < 3; ++i) {
    faq += "<div class='sc-4f1a rTq'><div class='sc-4f1a kPw'>" + questions[i] +
           "</div><div class='sc-4f1a bXe' style='visibility:hidden'>" + answers[i] + "</div></div>";
    menu += "<li><span class='menu-label'>Section " + std::to_string(i) +
            "</span><ul class='submenu' style='display:none'><li><a href='/s" +
            std::to_string(i) + "/dogs'>Insurance for dogs of every breed and age</a></li><li>"
            "<a href='/s" + std::to_string(i) + "/cats'>Insurance for cats of every breed and "
            "age</a></li></ul></li>";
  }
  const std::string page =
      "<html><head><title>Compare pet insurance</title><link rel='canonical' "
      "href='https://pets.example.org/insurance'></head><body><ul class='top'>" + menu +
      "</ul><main><h1>Compare pet insurance</h1><p>Tell us about your pet and compare plans from "
      "a dozen insurers in a minute, free and without signing up for anything.</p><p>We are "
      "paid by the insurers when you buy a plan through us, never by you, and the price you "
      "see is the price the insurer would give you on its own site.</p>"
      "<p class='status'>Loading your quotes</p><div class='error' style='display:none'>Something "
      "went wrong while loading the quotes. Refresh the page to try again, or call us.</div>" +
      faq + "</main><footer><p>Example Pets</p></footer></body></html>";
  Body body = extract(page);
  for (const std::string& answer : answers)
    EXPECT_NE(body.text.find(answer), std::string::npos) << answer << "\n" << body.explanation;
  EXPECT_EQ(body.text.find("Insurance for dogs"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Something went wrong"), std::string::npos) << body.explanation;
}

TEST(Service, AccordionPanelsInsideATabListAreText) {
  // Bootstrap's accordion marks its wrapper as the tab list and sets each
  // collapsed panel inside it, the panel known by its role or, where that is
  // misspelt, by naming its question back; a list of tabs alone stays a
  // control.
  const std::string terms =
      "Customers applying for a rebate must have an active residential account, and the "
      "thermostat must control a system with electric or gas heating or central cooling.";
  const std::string intro =
      "Get up to a hundred dollars back when you buy a certified smart thermostat from any "
      "retailer and apply within ninety days of the purchase, online or by mail.";
  const std::string wait =
      "Rebates are paid by cheque or to your energy account within eight weeks of the day "
      "we receive a complete application with the receipt.";
  const std::string page =
      "<html><head><title>Smart thermostats</title><link rel='canonical' "
      "href='https://energy.example.org/smart-thermostats'></head><body>"
      "<nav><a href='/'>Home</a> <a href='/rebates'>Rebates</a></nav><main>"
      "<h1>Smart thermostats</h1><p>" + intro + "</p>"
      "<div class='tabs' role='tablist'><a role='tab' href='#a'>Overview</a>"
      "<a role='tab' href='#b'>Rebates in stores near you</a></div>"
      "<div class='accordion' role='tablist'><div class='accordion-item' role='tab'>"
      "<h2><button class='accordion-button collapsed'>Eligibility</button></h2>"
      "<div class='panel-collapse collapse' role='tabpanel'><ul><li>" + terms +
      "</li></ul></div></div></div>"
      "<div class='panel-group' role='tablist'><div class='panel'><div class='panel-heading' "
      "role='tab' id='h-c1'><h4><a role='button' aria-controls='c1' href='#c1'>How long does "
      "the rebate take?</a></h4></div><div id='c1' class='panel-collapse collapse' "
      "role='tabpane-c1' aria-labelledby='h-c1'><p>" + wait +
      "</p></div></div></div></main><footer><p>Example Energy</p></footer></body></html>";
  Body body = extract(page);
  EXPECT_NE(body.text.find(intro), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(terms), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(wait), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Rebates in stores near you"), std::string::npos) << body.explanation;
}

// A service page's three sections, each in a panel of the given classes; the
// middle one's list of linked integrations weighs their parent down, so the
// climb from the first panel stops short of the others.
struct PayrollPanels {
  std::string first =
      "Payroll runs on its own every other Friday: hours come in from the time clock, taxes "
      "are worked out for each state, and the money reaches every account by the morning.";
  std::string middle =
      "Connect the accounting, banking and time tracking tools your team already uses, and "
      "every change in one of them reaches payroll the same day, with nothing to type twice.";
  std::string last =
      "Our support team answers by phone and by chat on every working day, and each company "
      "has one named person who knows its payroll from the very first run onwards.";

  std::string page(const std::string& hero, const std::string& features,
                   const std::string& pricing) const {
    std::string out =
        "<html><head><title>Acme Payroll</title><link rel='canonical' "
        "href='https://example.org/services/payroll'></head><body>"
        "<header><nav><a href='/'>Home</a> <a href='/pricing'>Pricing</a></nav></header>"
        "<div class='page'><div class='" +
        hero + "'><h2>Payroll</h2><p>" + first + "</p><p>" + first + "</p><p>" + first +
        "</p></div><div class='" + features + "'><h2>Integrations</h2><p>" + middle + "</p><ul>";
    for (int i = 0; i < 30; ++i)
      out += "<li><a href='/integrations/" + std::to_string(i) + "'>Accounting package number " +
             std::to_string(i) + "</a></li>";
    return out + "</ul></div><div class='" + pricing + "'><h2>Support</h2><p>" + last +
           "</p></div></div><div class='cta'><a href='/signup'>Start a free trial</a></div>"
           "<footer><p>Acme Inc.</p></footer></body></html>";
  }

  void expect_whole(const Body& body) const {
    ASSERT_EQ(body.page_type, "service") << body.explanation;
    for (const std::string* text : {&first, &middle, &last})
      EXPECT_NE(body.text.find(*text), std::string::npos) << body.explanation;
  }
};

TEST(Service, SectionsSplitAcrossLikePanelsAreWhole) {
  // The panels are of one class.
  const PayrollPanels panels;
  panels.expect_whole(extract(panels.page("panel hero", "panel features", "panel pricing")));
}

TEST(Service, PanelsThatShareASecondClassWordAreLike) {
  // Each panel's first class word is its own ("hero panel"): the word they
  // share makes them one page's sections.
  const PayrollPanels panels;
  panels.expect_whole(extract(panels.page("hero panel", "features panel", "pricing panel")));
}

// A service page's head and its long menu in `open` ... `close` ("<div
// class='menu'><ul>" ... "</ul></div>"), the quote its testimonials repeat,
// and the check that the features and the quotes are all in the body.
std::string payroll_menu(const std::string& open, const std::string& close) {
  std::string page =
      "<html><head><title>Acme Payroll</title><link rel='canonical' "
      "href='https://example.org/services/payroll'></head><body>" +
      open;
  for (int i = 0; i < 120; ++i)
    page +=
        "<li><a href='/m/" + std::to_string(i) + "'>Menu entry " + std::to_string(i) + "</a></li>";
  return page + close;
}

const std::string kPayrollQuote =
    "Acme runs the payroll of our forty people every other week without a single mistake.";

void expect_features_and_quotes(const Body& body) {
  ASSERT_EQ(body.page_type, "service") << body.explanation;
  for (const auto& f : kPayrollFeatures)
    EXPECT_NE(body.text.find(f[1]), std::string::npos) << f[0] << "\n" << body.explanation;
  EXPECT_NE(body.text.find(kPayrollQuote), std::string::npos) << body.explanation;
}

TEST(Service, SectionsRightUnderTheBodyAreWhole) {
  // Each feature in its own div.container right under <body>; the quotes'
  // section holds more prose than any one feature, <body> is never climbed
  // to, and the site's long menu weighs it below the quotes.
  std::string page = payroll_menu("<div class='menu'><ul>", "</ul></div>") +
                     "<div class='hero'><h1>Payroll that runs itself</h1></div>";
  for (const auto& f : kPayrollFeatures)
    page += std::string("<div class='container'><div class='row features'><h3>") + f[0] +
            "</h3><p>" + f[1] + " " + f[1] + " " + f[1] + "</p></div></div>";
  page += "<div class='container testimonial'>";
  for (int i = 0; i < 8; ++i) page += "<p>" + kPayrollQuote + "</p>";
  page +=
      "</div><div class='cta'><a href='/signup'>Start a free trial</a></div>"
      "<footer><p>Acme Inc.</p></footer></body></html>";
  expect_features_and_quotes(extract(page));
}

TEST(Service, LikeSectionsAreWholeAfterTheClimb) {
  // Sections of one class right under <body>, each with its own wrappers:
  // the quotes' slider wins (its section's header is boilerplate by name),
  // the climb takes it up to its section, and only there do the sections of
  // the same class show the page is theirs.
  std::string page = payroll_menu("<header><ul>", "</ul></header>") +
                     "<section class='module module-hero'><h1>Payroll that runs itself</h1>";
  for (const auto& f : kPayrollFeatures)
    page += std::string("<div class='item'><h3>") + f[0] + "</h3><p>" + f[1] + "</p></div>";
  page +=
      "</section><section class='module module-quotes'><div class='quotes'><div "
      "class='module__header'><h2>What our clients say</h2></div><div class='slider'>";
  for (int i = 0; i < 8; ++i) page += "<p>" + kPayrollQuote + "</p>";
  page += "</div></div></section><footer><p>Acme Inc.</p></footer></body></html>";
  Body body = extract(page);
  expect_features_and_quotes(body);
  EXPECT_EQ(body.text.find("Menu entry"), std::string::npos) << body.explanation;
}

// A service page of sections named for what they hold, none sharing a class
// word: its hero, `after_hero`, why (the features) and its testimonials (the
// most prose of any), then `after_quotes`, all set in `open` ... `close`.
std::string named_sections(const std::string& open, const std::string& after_hero,
                           const std::string& after_quotes, const std::string& close) {
  std::string page = payroll_menu("<header><ul>", "</ul></header>") + open +
                     "<section class='hero'><h1>Payroll that runs itself</h1></section>" +
                     after_hero + "<section class='why'>";
  for (const auto& f : kPayrollFeatures)
    page += std::string("<div class='item'><h3>") + f[0] + "</h3><p>" + f[1] + " " + f[1] +
            "</p></div>";
  page += "</section><section class='testimonials'><h2>What our clients say</h2>";
  for (int i = 0; i < 8; ++i) page += "<p>" + kPayrollQuote + "</p>";
  return page + "</section>" + after_quotes + close +
         "<footer><p>Acme Inc.</p></footer></body></html>";
}

TEST(Service, SectionsOfOtherNamesAreLike) {
  // Right under <body>: the others are the page's as much as the quotes are.
  Body body = extract(named_sections("", "", "", ""));
  expect_features_and_quotes(body);
  EXPECT_EQ(body.text.find("Menu entry"), std::string::npos) << body.explanation;
}

TEST(Service, SectionsOfOtherNamesInAMainKeepTheirPromotions) {
  // The same sections inside <main>, with an offer set in a section named as a
  // promotion: the whole <main> is the content, its named sections included,
  // as on any page of sections with a <main>. The partners' links weigh
  // <main> down: the climb stops below it.
  const std::string offer =
      "Save up to half of the first year's fees when the whole team moves its payroll to Acme "
      "before the end of the quarter, with the first month free of any charge.";
  std::string partners = "<section class='partners'><ul>";
  for (int i = 0; i < 40; ++i)
    partners += "<li><a href='/p/" + std::to_string(i) + "'>Partner firm number " +
                std::to_string(i) + "</a></li>";
  partners += "</ul></section>";
  Body body = extract(named_sections(
      "<main>", "<section class='promo'><p>" + offer + "</p></section>", partners, "</main>"));
  expect_features_and_quotes(body);
  EXPECT_NE(body.text.find(offer), std::string::npos) << body.explanation;
}

TEST(Service, CalloutsAndBannersArePartOfThePitch) {
  // The page's hero and its middle section are named as a banner and a
  // callout; a cookie notice named as a banner stays out.
  const std::string hero =
      "Payroll that runs itself: hours, taxes and payments for teams of five to five hundred, "
      "set up in an afternoon and checked by our accountants every single month.";
  const std::string callout =
      "When an employee's hours change after the cut-off, payroll runs again for that person "
      "alone, and the difference reaches their account before the weekend starts.";
  const std::string cookie =
      "We use cookies to measure how visitors use this website and to remember their choices.";
  std::string page =
      "<html><head><title>Acme Payroll</title><link rel='canonical' "
      "href='https://example.org/services/payroll'></head><body>"
      "<header><nav><a href='/'>Home</a> <a href='/pricing'>Pricing</a></nav></header>"
      "<div class='page'><div class='hero-banner'><h1>Acme Payroll</h1><p>" +
      hero + "</p><a href='/demo'>Book a demo</a></div><div class='features'>";
  for (const auto& f : kPayrollFeatures)
    page += std::string("<div class='feature'><h3>") + f[0] + "</h3><p>" + f[1] + "</p></div>";
  page += "</div><div class='callout'><div class='callout-inner'><h2>Late changes</h2><p>" +
          callout + "</p><p>" + callout + "</p></div></div></div><div class='cookie-banner'><p>" +
          cookie + "</p></div><footer><p>Acme Inc.</p></footer></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "service") << body.explanation;
  EXPECT_NE(body.text.find(hero), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(callout), std::string::npos) << body.explanation;
  for (const auto& f : kPayrollFeatures)
    EXPECT_NE(body.text.find(f[1]), std::string::npos) << f[0] << "\n" << body.explanation;
  EXPECT_EQ(body.text.find(cookie), std::string::npos) << body.explanation;
}

TEST(Article, ChecklistOfLongItemsIsPartOfTheText) {
  // The intro and the checklist stand in sibling elements; the items end no
  // sentence, as checklists' items often do not.
  const std::string intro =
      "Planning a wedding takes a year for most couples, and the order of the tasks matters "
      "more than the speed at which they are done.";
  std::string page =
      "<html><head><meta property='og:type' content='article'><meta "
      "property='article:published_time' content='2024-05-01'></head><body><div "
      "class='main'><div class='intro'><p>" +
      intro + "</p><p>" + intro + "</p></div><div class='steps'><ul>";
  std::vector<std::string> items;
  for (int i = 0; i < 8; ++i) {
    items.push_back("Sit down together and agree on the guest list and the budget for month " +
                    std::to_string(i + 1));
    page += "<li>" + items.back() + "</li>";
  }
  page += "</ul></div></div><div class='aside'><a href='/a'>Other story</a></div></body></html>";
  Body body = extract(page);
  for (const std::string& item : items)
    EXPECT_NE(body.text.find(item), std::string::npos) << item << "\n" << body.explanation;
}

// Two paragraphs of a short local story, for the boxes set around it.
const std::string kCouncilFirst =
    "The city council voted on Tuesday to extend the night bus routes to the three districts "
    "east of the river, a change residents had asked for since the factory opened.";
const std::string kCouncilSecond =
    "The new routes start in June, and the council will review the number of passengers after "
    "six months before it decides whether to keep them running all year.";

// The story as an <article>: its first paragraph, `between`, its second, `after`.
std::string council_story(const std::string& between, const std::string& after) {
  return "<html><head><meta property='og:type' content='article'></head><body><article><p>" +
         kCouncilFirst + "</p>" + between + "<p>" + kCouncilSecond + "</p>" + after +
         "</article></body></html>";
}

// The opening of an article page up to its text's container: a menu with
// one section, the <article> and its headline.
std::string article_page_open(const std::string& section, const std::string& headline,
                              const std::string& body_class = "") {
  std::string path;
  for (char c : section) path += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return "<html><head><meta property='og:type' content='article'></head><body class='" +
         body_class + "'><nav><a href='/'>Home</a> <a href='/" +
         path + "'>" + section + "</a></nav><article><h1>" + headline +
         "</h1><div class='entry-content'>";
}

// The check that a body holds both paragraphs of the story and none of `absent`.
void expect_council_without(const Body& body, std::initializer_list<const char*> absent) {
  EXPECT_NE(body.text.find(kCouncilFirst), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(kCouncilSecond), std::string::npos) << body.explanation;
  for (const char* line : absent)
    EXPECT_EQ(body.text.find(line), std::string::npos) << line << "\n" << body.explanation;
}

TEST(Article, ABoxThatAsksForAnEmailAddressIsNotTheText) {
  // Between two paragraphs, a box with no telling name offers the stories by
  // e-mail; its field for an address makes it a sign-up box.
  const std::string box =
      "<div class='x9k2'><h3>Straight to you</h3><p>The morning's local stories, in one short "
      "e-mail before you leave for work each day.</p><form action='/join'><input type='email' "
      "name='address'><button>Join</button></form></div>";
  expect_council_without(extract(council_story(box, "")), {"e-mail before", "Straight to you"});
}

TEST(Article, TheAuthorsBoxIsNotTheText) {
  // Under the story, the writer's name and biography in a box whose class
  // names the author only as part of a word; a blog that sets its post in an
  // element named for its author keeps the post.
  const std::string box =
      "<div class='post-author-card'><div class='post-author-card__name'>Dana Whitfield</div><p "
      "class='post-author-card__description'>Dana Whitfield covers transport and city hall for "
      "the paper, and has written about the river districts since she joined the newsroom "
      "eleven years ago.</p></div>";
  expect_council_without(extract(council_story("", box)), {"Dana Whitfield"});

  const std::string blog =
      "<html><head><meta property='og:type' content='article'></head><body><div class='main'>"
      "<div class='entry entry_author_dana'><h3>Night buses</h3><p>" +
      kCouncilFirst + "</p><p>" + kCouncilSecond + "</p></div></div></body></html>";
  expect_council_without(extract(blog), {});
}

TEST(Article, ABoxHeadedAboutTheAuthorIsNotTheText) {
  // Under the story, a box of plain names whose first line is the heading
  // "About the author": the biography goes with its heading. The same
  // heading set straight in the text, among its paragraphs, keeps what
  // follows (the writer's note is then part of the story).
  const std::string bio =
      "Dana Whitfield covers transport and city hall for the paper, and has written about the "
      "river districts since she joined the newsroom eleven years ago.";
  const std::string box =
      "<section class='my-12 p-8'><h3>About the Author</h3><div class='flex'><div class='pt-3'>"
      "<p>" + bio + "</p></div></div></section>";
  expect_council_without(extract(council_story("", box)), {"Dana Whitfield"});

  const std::string in_text = "<h2>About the author</h2><p>" + bio + "</p>";
  const Body kept = extract(council_story("", in_text));
  EXPECT_NE(kept.text.find("Dana Whitfield covers"), std::string::npos) << kept.text;
}

TEST(Article, ALineNamedForCopyrightIsNotTheText) {
  // The site's copyright line, set under the story inside the article and
  // saying nothing of rights reserved: its class names it.
  const std::string line =
      "<p class='copyright-txt'>Definitions and idioms from the Tidewater Dictionary, copyright "
      "2005 by the Tidewater Press, used by permission of the publisher.</p>";
  expect_council_without(extract(council_story("", line)), {"Tidewater Press"});
}

TEST(Article, TableOfContentsIsNotTheText) {
  // A guide opens with a table of contents: its title and a list of links to
  // its own headings, which the text holds once, below.
  const std::string text =
      "A French press brews a full cup with nothing more than ground coffee, hot water and four "
      "minutes of patience, and it is easy to clean afterwards.";
  std::string page =
      "<html><head><meta property='og:type' content='article'><meta "
      "property='article:published_time' content='2024-05-01'></head><body><article>"
      "<div class='toc'><p>Table of Contents</p><ul>"
      "<li><a href='#grind'>Choose the grind</a></li><li><a href='#water'>Heat the water</a>"
      "<ul><li><a href='#temperature'>The right temperature</a></li></ul></li>"
      "<li><a href='#press'>Press and pour</a></li></ul></div>"
      "<h2 id='grind'>Choose the grind</h2><p>" + text + "</p><h2 id='water'>Heat the water</h2><p>" +
      text + "</p><h3 id='temperature'>The right temperature</h3><p>" + text +
      "</p><h2 id='press'>Press and pour</h2><p>" + text +
      "</p><p>Back to top</p></article></body></html>";
  Body body = extract(page);
  EXPECT_NE(body.text.find(text), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Table of Contents"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Back to top"), std::string::npos) << body.explanation;
  const size_t first = body.text.find("Choose the grind");
  ASSERT_NE(first, std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Choose the grind", first + 1), std::string::npos) << body.explanation;
}

TEST(Article, AReferencePagesFooterIsNotTheText) {
  const std::string text =
      "The function returns a new list sorted in ascending order, and the list it was given is "
      "left as it was; pass a key to sort by something other than the items themselves.";
  Body body = extract("<html><body><main><h1>sorted</h1><p>" + text + "</p><p>" + text +
                      "</p><p>Edit this page on GitHub</p><p>Except as otherwise noted, the "
                      "content of this page is licensed under the Creative Commons Attribution "
                      "4.0 License.</p></main></body></html>");
  EXPECT_NE(body.text.find(text), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Edit this page"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("licensed"), std::string::npos) << body.explanation;
}

TEST(Article, LinkedHeadingAboveProseIsKept) {
  const std::string text =
      "These pliers have long jaws that reach into tight boxes, and the grip stays comfortable "
      "after an afternoon of bending wire.";
  Body body = extract("<html><body><article><p>" + text + "</p><h2><a href='/shop/p1'>Long Nose " +
                      "Pliers</a></h2><p>" + text + "</p></article></body></html>");
  EXPECT_NE(body.text.find("Long Nose Pliers"), std::string::npos) << body.explanation;
}

TEST(Article, ReadingListEntriesWithinTheTextAreKept) {
  const std::string text =
      "Tutoring works best when the same tutor meets a small group of students three times a "
      "week, during the school day, for the whole of the school year.";
  auto entries = [](const std::string& prefix) {
    std::string list;
    for (int i = 0; i < 3; ++i)
      list += "<h3><a href='/" + prefix + std::to_string(i) + "'>" + prefix + " Playbook number " +
              std::to_string(i) + "</a></h3><p>Center for Student Support</p>";
    return list;
  };
  Body body = extract(
      "<html><head><meta property='og:type' content='article'></head><body><article><p>" + text +
      "</p><p>" + text + "</p><h2>Resources</h2>" + entries("Tutoring") + "<p>" + text + "</p><p>" +
      text + "</p>" + entries("Other story") + "</article></body></html>");
  ASSERT_EQ(body.page_type, "article") << body.explanation;
  EXPECT_NE(body.text.find("Tutoring Playbook number 1"), std::string::npos) << body.explanation;
  // Below the text, such entries are the other stories.
  EXPECT_EQ(body.text.find("Other story Playbook"), std::string::npos) << body.explanation;
}

TEST(Article, BodySplitAcrossLikeSectionsIsWhole) {
  // Each section under its heading stands in its own div.sect1; the middle
  // one's list of linked patches outweighs its prose, so no container of
  // prose beats the first section by score alone.
  const std::string first =
      "The compiler backend now builds the standard library without patches, and the test "
      "suite passes on three more architectures than it did in the spring. ";
  const std::string middle =
      "Many patches were sent for review this month, and most of them are small fixes to "
      "the code generator that the last release left behind.";
  const std::string last =
      "Next month the work turns to debug information, which is still missing for most "
      "types, and to the speed of the build, which is half that of the other backend.";
  std::string page =
      "<html><head><meta property='og:type' content='article'></head><body>"
      "<nav><a href='/'>Home</a> <a href='/blog'>Blog</a></nav><div class='post'>"
      "<div class='sect1'><h2>Progress</h2><div class='sectionbody'><p>" +
      first + first + "</p><p>" + first +
      "</p></div></div>"
      "<div class='sect1'><h2>Patches</h2><div class='sectionbody'><p>" +
      middle + "</p><ul>";
  for (int i = 0; i < 12; ++i)
    page += "<li><a href='/patch/" + std::to_string(i) + "'>Fix the handling of register class " +
            std::to_string(i) + " in calls</a></li>";
  page += "</ul></div></div><div class='sect1'><h2>Next</h2><div class='sectionbody'><p>" + last +
          "</p></div></div></div></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "article") << body.explanation;
  EXPECT_NE(body.text.find(first), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(middle), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(last), std::string::npos) << body.explanation;
}

// A thread the model reads as one: its own schema.org type.
std::string thread_head(const char* type) {
  return std::string(R"(<html><head><script type="application/ld+json">{"@type":")") + type +
         R"(","headline":"Pump noise"}</script></head><body><main>)";
}

TEST(Forum, SignaturesAndCommentsUnderAnswersAreLeftOut) {
  const std::string question =
      "My heat pump hums loudly every night after midnight, even when the house is warm enough.";
  const std::string answer =
      "Check the anti-vibration feet first: when they harden with age the compressor's hum "
      "carries through the floor.";
  const std::string comment =
      "I had the same noise last winter and it turned out to be a loose panel on the side.";
  const std::string signature = "Proud owner of three heat pumps and a very patient family.";
  std::string page = thread_head("QAPage") + "<div class='question'><div class='post-text'><p>" +
                     question + "</p></div><div class='comments'><ul><li class='comment'>" +
                     comment + "</li></ul></div></div>";
  for (int i = 0; i < 2; ++i)
    page += "<div class='answer'><div class='post-text'><p>" + answer +
            "</p></div><div class='signature'>" + signature +
            "</div><div class='comments'><ul><li class='comment'>" + comment +
            "</li></ul></div></div>";
  page += "</main></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "forum") << body.explanation;
  EXPECT_NE(body.text.find(question), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(answer), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("loose panel"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("patient family"), std::string::npos) << body.explanation;
}

TEST(Forum, APostersPanelIsNotThePost) {
  // Each post of a board stands beside its poster's panel: the name, a rank,
  // a count of posts, when they joined. The panel is the poster's, not the
  // thread's text, whatever the software calls it.
  const std::string post =
      "The league's new schedule puts the derby on a weekday evening, which the supporters' "
      "groups have already said they will protest at the next board meeting.";
  const std::string reply =
      "A weekday derby has happened before, in the year the stadium was rebuilt, and the crowd "
      "was the smallest in a decade; the clubs know it and will move it back.";
  std::string page = thread_head("DiscussionForumPosting") + "<div class='topic'>";
  const char* panels[] = {
      "<dl class='postprofile'><dt>Ann</dt><dd>Senator</dd><dd>Founded: Dec 11, 2021</dd></dl>",
      "<div class='message-userExtras'><p>Joined in May 2019 from the north stand, season "
      "ticket holder since the old ground closed</p></div>",
      "<div class='user-info'><span>Negotiator</span><span>Founded: Oct 05, 2011</span></div>",
      "<div class='user-details'>Bob<span>Reputation 12,870</span></div>"};
  for (int i = 0; i < 4; ++i)
    page += std::string("<div class='post'>") + panels[i] + "<div class='postbody'><p>" +
            (i % 2 ? reply : post) + "</p></div></div>";
  page += "</div></main></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "forum") << body.explanation;
  EXPECT_NE(body.text.find(post), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(reply), std::string::npos) << body.explanation;
  for (const char* panel : {"Senator", "Founded", "Joined", "Negotiator", "Reputation"})
    EXPECT_EQ(body.text.find(panel), std::string::npos) << panel << "\n" << body.explanation;
}

TEST(Forum, AContainerNamedForThePostersProfileIsStillThePost) {
  // "postprofile" names a poster's panel only as a whole word: a board that
  // wraps each post in "postprofile_container" keeps it.
  const std::string post =
      "The ferry timetable changes in April: the first boat leaves half an hour earlier, and "
      "the last one on Sundays is gone for the whole of the spring.";
  std::string page = thread_head("DiscussionForumPosting");
  for (int i = 0; i < 3; ++i)
    page += "<div class='postprofile_container'><div class='postbody'><p>" + post +
            "</p></div></div>";
  page += "</main></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "forum") << body.explanation;
  EXPECT_NE(body.text.find(post), std::string::npos) << body.explanation;
}

TEST(Forum, AThreadOfTwoPostsIsWhole) {
  // The opening post and its one reply stand apart (the reply under a
  // "Featured replies" heading, past a box of links about the topic); too
  // few to make a list, both are the thread.
  const std::string first =
      "I would like to know the roadmap for future products and releases. The only posts here "
      "are about changes to the products already released. Thank you!";
  const std::string reply =
      "There is no public roadmap: new features are announced on the blog when they ship, and "
      "the forum's announcements board links to each of them.";
  const std::string page =
      thread_head("DiscussionForumPosting") +
      "<div class='topic'><div class='entry'><div class='entry__author'><a "
      "href='/u/ann'>ann</a></div><div class='entry__content'><p>" + first +
      "</p></div></div></div><div class='stats'><ul><li><a href='/u/bob'>bob, 1 post in "
      "here</a></li><li><a href='/u/ann'>ann, 1 post in here</a></li><li><a "
      "href='/d/27'>August 27, 1 post</a></li><li><a href='/d/26'>August 26, 1 post</a></li>"
      "<li><a href='/t/new'>Start a new topic</a></li><li><a href='/t/follow'>Follow this "
      "topic</a></li><li><a href='/t/share'>Share this topic</a></li><li><a "
      "href='/t/report'>Report this topic</a></li></ul></div><section "
      "class='featured'><h2>Featured replies</h2><div "
      "class='entry'><div class='entry__author'><a href='/u/bob'>bob</a></div><div "
      "class='entry__content'><p>" + reply + "</p></div></div></section></main></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "forum") << body.explanation;
  EXPECT_NE(body.text.find(first), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(reply), std::string::npos) << body.explanation;
}

TEST(Forum, CommentsThatAreThePostsAreKept) {
  // Outside a question or an answer, a thread's comments are its posts.
  const std::string first =
      "My heat pump hums loudly every night after midnight, even when the house is warm enough.";
  const std::string reply =
      "Check the anti-vibration feet first: when they harden with age the compressor's hum "
      "carries through the floor.";
  std::string page = thread_head("DiscussionForumPosting") + "<div class='thread'><p>" + first +
                     "</p><div class='comments'>";
  for (int i = 0; i < 3; ++i) page += "<div class='comment'><p>" + reply + "</p></div>";
  page += "</div></div></main></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "forum") << body.explanation;
  EXPECT_NE(body.text.find(first), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(reply), std::string::npos) << body.explanation;
}

TEST(Forum, PostsInsideFormsAreTheThread) {
  // Each post's text stands in a form of one class that edits it in place;
  // the login form and the footer's lone form stay out.
  const char* posts[] = {
      "My heat pump hums loudly every night after midnight, even when the house is warm.",
      "Check the anti-vibration feet first: they harden with age and carry the hum.",
      "That was it: the feet were cracked, and new ones cost less than a pizza.",
      "Same here with a six kilowatt unit, and the same fix worked for me as well."};
  std::string page = thread_head("DiscussionForumPosting") +
                     "<form action='/login'><p>Remember me?</p></form><div class='thread'>";
  for (const char* post : posts)
    page += "<div class='entry'><form class='usertext' action='#'><div class='md'><p>" +
            std::string(post) + "</p></div></form></div>";
  page +=
      "</div><form action='/time'><p>All times are in London time. The time now is four in the "
      "afternoon.</p></form></main></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "forum") << body.explanation;
  EXPECT_EQ(body.text.find("All times"), std::string::npos) << body.explanation;
  for (const char* post : posts)
    EXPECT_NE(body.text.find(post), std::string::npos) << post << "\n" << body.explanation;
  EXPECT_EQ(body.text.find("Remember me"), std::string::npos) << body.explanation;
}

// A thread's three posts, and the check that a body holds them all and none
// of the given lines.
constexpr std::array<const char*, 3> kPumpPosts = {
    "My heat pump hums loudly every night after midnight, even when the house is warm.",
    "Check the anti-vibration feet first: they harden with age and carry the hum.",
    "That was it: the feet were cracked, and new ones cost less than a pizza."};

void expect_posts_without(const Body& body, std::span<const char* const> absent) {
  ASSERT_EQ(body.page_type, "forum") << body.explanation;
  for (const char* post : kPumpPosts)
    EXPECT_NE(body.text.find(post), std::string::npos) << post << "\n" << body.explanation;
  for (const char* line : absent)
    EXPECT_EQ(body.text.find(line), std::string::npos) << line << "\n" << body.explanation;
}

TEST(Forum, TheReplyBoxIsNotAPost) {
  // Below the answers, the form to write one: its editor is named as a post's
  // ("post-editor"), but it holds a box to type in, its sign-up buttons and
  // its terms; none of that is the thread.
  std::string page = thread_head("DiscussionForumPosting") + "<div id='mainbar'>";
  for (const char* post : kPumpPosts)
    page += "<div class='answer'><div class='post-text'><p>" + std::string(post) + "</p></div></div>";
  page +=
      "<form id='post-form' class='post-form' action='/answer/submit'><h2>Your Answer</h2>"
      "<div class='post-editor'><textarea name='post-text'></textarea></div>"
      "<h3>Sign up or log in</h3><div>Sign up using Email and Password</div>"
      "<p>By clicking Post Your Answer, you agree to our terms of service and acknowledge you "
      "have read our privacy policy.</p></form></div></main></body></html>";
  const std::array<const char*, 3> form = {"Your Answer", "Sign up", "By clicking"};
  expect_posts_without(extract(page), form);
}

TEST(Forum, APostersRankIsLeftOut) {
  // Forum software prints each poster's rank under their name ("Full
  // Member", "Moderator"); it is the poster's, not the thread's.
  const std::array<const char*, 3> ranks = {"Well-known member", "Moderator", "Full Member"};
  std::string page = thread_head("DiscussionForumPosting");
  for (int i = 0; i < 3; ++i)
    page += std::string("<article class='message'><div class='message-user'><h4>ann") +
            std::to_string(i) + "</h4><h5 class='userTitle message-userTitle'>" + ranks[i] +
            "</h5></div><div class='message-main'><div class='bbWrapper'>" + kPumpPosts[i] +
            "</div></div></article>";
  page += "</main></body></html>";
  expect_posts_without(extract(page), ranks);
}

TEST(Forum, APostsShareMenuIsLeftOut) {
  // Under each post, a menu to share it whose name also names the post
  // ("cPostShareMenu"): its titles are the menu's, not the thread's.
  const std::array<const char*, 2> menu = {"Link to comment", "Share on other sites"};
  std::string page = thread_head("DiscussionForumPosting");
  for (int i = 0; i < 3; ++i)
    page += std::string(
                "<article class='cPost'><div class='cPost_contentWrap'><div "
                "class='ipsType_richText'><p>") +
            kPumpPosts[i] + "</p></div><div class='cPostShareMenu'><h5>" + menu[0] +
            "</h5><a href='/t/1'>https://example.org/t/1</a><h5>" + menu[1] +
            "</h5></div></div></article>";
  page += "</main></body></html>";
  expect_posts_without(extract(page), menu);
}

// A short thread's three posts.
constexpr const char* kHeatPumpThread[] = {
    "My heat pump hums loudly every night after midnight, even when the house is warm.",
    "Check the anti-vibration feet first: they harden with age and carry the hum.",
    "That was it: the feet were cracked, and new ones cost less than a pizza."};

TEST(Forum, PostersDetailsAreLeftOut) {
  const auto& posts = kHeatPumpThread;
  std::string page = thread_head("DiscussionForumPosting");
  for (const char* post : posts)
    page += std::string("<div class='post'><div class='userinfo'><div>Join Date: Mar 2016</div>") +
            "<div>Posts: 1,077</div><dl><dt>Reaction score</dt><dd>412</dd></dl></div>" +
            "<div class='votes'>14</div><div class='likes'>12 likes</div>" +
            "<div class='message'><p>" + post + "</p><p>Posts about pumps are welcome here.</p>" +
            "<div>Last edited by ann</div></div></div>";
  page += "</main></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "forum") << body.explanation;
  for (const char* post : posts)
    EXPECT_NE(body.text.find(post), std::string::npos) << post << "\n" << body.explanation;
  EXPECT_NE(body.text.find("Posts about pumps"), std::string::npos) << body.explanation;
  for (const char* detail :
       {"Join Date", "1,077", "Reaction score", "412", "Last edited", "14", "12 likes"})
    EXPECT_EQ(body.text.find(detail), std::string::npos) << detail << "\n" << body.explanation;
}

TEST(Forum, PostersStatsInListsAreLeftOut) {
  // Beside each post, its poster's details in a list ("Country", "Norway");
  // in the first post, the poster's own list of what to bring, among the
  // post's prose, is the thread's.
  std::string page = thread_head("DiscussionForumPosting");
  for (size_t i = 0; i < std::size(kHeatPumpThread); ++i) {
    page += std::string("<div class='post'><div class='poster'><ul><li>Member since 2016</li>") +
            "<li>Country</li><li>Norway</li></ul></div><div class='message'><p>" +
            kHeatPumpThread[i] + "</p>";
    if (i == 0)
      page +=
          "<ul><li>rubber feet</li><li>a spirit level</li></ul><p>Those are what I have at "
          "hand; tell me what else to bring up to the loft before I take the panel off.</p>";
    page += "</div></div>";
  }
  page += "</main></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "forum") << body.explanation;
  EXPECT_NE(body.text.find("a spirit level"), std::string::npos) << body.explanation;
  for (const char* detail : {"Member since", "Country", "Norway"})
    EXPECT_EQ(body.text.find(detail), std::string::npos) << detail << "\n" << body.explanation;
}

TEST(Forum, QuotesOfEarlierPostsAreLeftOut) {
  // Each reply quotes the post it answers: the thread holds those lines once;
  // a quote of a line no post shows (a manual's) stays.
  const auto& posts = kHeatPumpThread;
  std::string page = thread_head("DiscussionForumPosting");
  for (size_t i = 0; i < std::size(posts); ++i) {
    page += "<div class='post'><div class='message'>";
    if (i > 0)
      page += std::string("<blockquote class='quote'><div class='quote-content'>") + posts[i - 1] +
              "</div></blockquote>";
    page += std::string("<p>") + posts[i] + "</p>";
    if (i == 1)
      page += "<blockquote>The manual says: replace the feet every five years of use.</blockquote>";
    page += "</div></div>";
  }
  page += "</main></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "forum") << body.explanation;
  for (const char* post : posts) {
    const size_t first = body.text.find(post);
    ASSERT_NE(first, std::string::npos) << post << "\n" << body.explanation;
    EXPECT_EQ(body.text.find(post, first + 1), std::string::npos) << post << "\n"
                                                                  << body.explanation;
  }
  EXPECT_NE(body.text.find("replace the feet every five years"), std::string::npos)
      << body.explanation;
}

TEST(Article, APairOfNamedBoxesHoldingMostOfTheProseIsText) {
  // An editor sets an article's sections in two grids its widgets name: the
  // name reads as a sidebar's, but the two hold most of the page's prose.
  const std::string intro =
      "As the year begins our rooms seem dark, and the light that passes the windows now is "
      "weaker and shorter than in summer, yet a few plants are happy with very little of it.";
  std::string grids;
  for (int g = 0; g < 2; ++g) {
    grids += "<div class='ck-widget grid'><div class='ck-widget row'>";
    for (int c = 0; c < 3; ++c)
      grids += "<div class='col'><h6>Plant " + std::to_string(g * 3 + c) +
               "</h6><p>This plant number " + std::to_string(g * 3 + c) +
               " grows slowly in a dim corner, asks for water only when its soil is dry, and "
               "forgives the gardener who forgets it for a month or two in the winter.</p></div>";
    grids += "</div></div>";
  }
  const std::string page =
      "<html><head><meta property='og:type' content='article'><meta "
      "property='article:published_time' content='2024-01-09T08:00:00Z'></head><body><nav><a "
      "href='/'>Home</a> <a href='/garden'>Garden</a></nav><article><h1>Plants for dark "
      "rooms</h1><p>" +
      intro + "</p>" + grids +
      "</article><footer><a href='/terms'>Terms</a></footer></body></html>";
  Body body = extract(page);
  EXPECT_NE(body.text.find(intro), std::string::npos) << body.explanation;
  for (int i = 0; i < 6; ++i)
    EXPECT_NE(body.text.find("This plant number " + std::to_string(i)), std::string::npos)
        << i << "\n" << body.explanation;
}

TEST(Article, ATableSetInAFigureIsText) {
  // The block editor wraps every table in <figure class="wp-block-table">,
  // as it wraps a photo; the table's rows are the text.
  const std::string para =
      "Home prices rose again this year in most of the markets we follow, even as mortgage "
      "rates stayed high, and sales picked up in the spring after two slow years.";
  const std::string page =
      "<html><head><meta property='og:type' content='article'><meta "
      "property='article:published_time' content='2025-03-01T08:00:00Z'></head><body><article>"
      "<h1>Home prices</h1><p>" +
      para +
      "</p><figure class='wp-block-table'><table><thead><tr><th>Month</th><th>Change</th>"
      "</tr></thead><tbody><tr><td>January 2025</td><td>+4.1%</td></tr><tr><td>February "
      "2025</td><td>+3.7%</td></tr><tr><td>March 2025</td><td>+3.9%</td></tr></tbody></table>"
      "<figcaption>Median sale price, change on a year before</figcaption></figure><p>" +
      para + " The rise was steepest in the Northeast.</p></article></body></html>";
  Body body = extract(page);
  EXPECT_NE(body.text.find("February 2025"), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find("+3.7%"), std::string::npos) << body.explanation;
}

// A reference site's page up to its title, inside <main>: a documentation
// generator, a canonical address under /docs/ and a sidebar.
std::string docs_page_open(const std::string& title, const std::string& path) {
  return "<html><head><title>" + title +
         " - Docs</title><meta name='generator' content='Sphinx'><link rel='canonical' "
         "href='https://example.org/docs/" +
         path +
         "'></head><body><nav class='docs-sidebar'><a href='/docs'>Docs</a> <a "
         "href='/docs/topics'>Topics</a></nav><main class='docs-content'><h1>" +
         title + "</h1>";
}

TEST(Documentation, AnIndexOfLinkedTopicsIsText) {
  // A reference site's index page: each topic a linked title over a line
  // that says what it covers. On a news page such cards are teasers for other
  // stories; here they are the page.
  const char* topics[][2] = {
      {"Using templates", "Start from a template for your language, then change it to fit."},
      {"Choosing when a job runs", "Run a job on a schedule or when something in the project "
                                   "changes."},
      {"Choosing where a job runs", "Pick the machines a job runs on, or bring your own."},
      {"Choosing what a job does", "Build, test and publish the project, or tend its issues."}};
  std::string cards;
  for (const auto& t : topics)
    cards += std::string("<div class='card'><h2><a href='/docs/jobs/") + t[0] + "'>" + t[0] +
             "</a></h2><p>" + t[1] + "</p></div>";
  const std::string page =
      docs_page_open("Writing jobs", "jobs/write") +
      "<p>Jobs automate the chores of a project: here is where to start.</p><div "
      "class='topics'>" +
      cards + "</div></main><footer><a href='/terms'>Terms</a></footer></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "documentation") << body.explanation;
  for (const auto& t : topics) {
    EXPECT_NE(body.text.find(t[0]), std::string::npos) << t[0] << "\n" << body.explanation;
    EXPECT_NE(body.text.find(t[1]), std::string::npos) << t[1] << "\n" << body.explanation;
  }
}

TEST(Documentation, TheLinkedLinesOfAReferencesListsAreText) {
  // A module's reference lists the settings it reads, each a link to where
  // it is described: on a reference page those names are text.
  const std::string para =
      "The security middleware sets the headers a browser reads before it shows a page, and "
      "each of them can be turned off or tuned with the settings below.";
  std::string page = docs_page_open("Middleware", "ref/middleware") + "<p>" + para + "</p><ul>";
  for (const char* setting : {"SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD", "SECURE_SSL_HOST"})
    page +=
        std::string("<li><a href='/docs/ref/settings/") + setting + "'>" + setting + "</a></li>";
  page +=
      "</ul><p>" + para + "</p></main><footer><a href='/terms'>Terms</a></footer></body></html>";
  expect_lines(extract(page), "documentation", {"SECURE_HSTS_PRELOAD"}, {"Terms"});
}

TEST(Documentation, ThePagesChromeInsideItsMainIsNotText) {
  // A wiki's reference page: inside <main>, the sections, a callout (weak by
  // its name alone and the page's all the same), and the wiki's own lines
  // named for its navigation, its related pages and its print footer.
  const std::string tip =
      "Run the vacuum before you change a table's storage settings, or the change waits for "
      "the next one that the scheduler starts on its own.";
  std::string page =
      "<html><head><title>Tuning storage - Wiki</title><meta name='generator' "
      "content='MediaWiki 1.39'><link rel='canonical' href='https://example.org/wiki/Tuning'>"
      "</head><body><nav class='sidebar'><a href='/wiki'>Main page</a></nav>"
      "<main id='content'><h1>Tuning storage</h1><div id='jump-to-nav'>Jump to navigation "
      "Jump to search</div><div class='mw-body-content'>";
  for (const char* section : {"Page size", "Fill factor", "Vacuum"})
    page += std::string("<h2>") + section + "</h2><p>" + section +
            " changes how the server lays out a table's rows on disk, and with them how "
            "much a query reads to find the ones it wants.</p>";
  page += "</div><div class='callout'><p>" + tip +
          "</p></div><div class='related-pages'><p>Indexes, on the next page, explain how the "
          "planner chooses among the ways to read a table.</p></div><div "
          "class='printfooter'>Retrieved from "
          "https://example.org/wiki/Tuning</div></main><footer><a href='/terms'>Terms</a>"
          "</footer></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "documentation") << body.explanation;
  EXPECT_NE(body.text.find(tip), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Retrieved from"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Jump to"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("planner chooses"), std::string::npos) << body.explanation;
}

TEST(Article, StreamedSegmentsAreTheTextWhenTheShellHoldsOnlyAPromotion) {
  // The shell of a streamed page shows a promotion bar, a sentence or two;
  // the article comes later in hidden segments its script moves in place.
  const std::string promotion = "Up to 20% off every mattress this week! Shop the sale now.";
  std::string story;
  for (int i = 0; i < 5; ++i)
    story += "<p>Side sleepers need a mattress that lets the shoulder and the hip sink in a "
             "little while it holds the waist up, so the spine stays straight all night; "
             "point " + std::to_string(i) + " of what to look for in a shop.</p>";
  const std::string page =
      "<html><head><meta property='og:type' content='article'></head><body><div "
      "class='promo'><p>" + promotion + "</p></div><main><template id='B:0'></template></main>"
      "<footer><a href='/terms'>Terms</a></footer><div hidden id='S:0'><article><h1>The best "
      "mattress for side sleepers</h1>" + story + "</article></div><script>$RC('B:0','S:0')"
      "</script></body></html>";
  Body body = extract(page);
  EXPECT_NE(body.text.find("point 3 of what to look for"), std::string::npos)
      << body.explanation;
  EXPECT_EQ(body.text.find(promotion), std::string::npos) << body.explanation;
}

TEST(Article, PopoverIsNotTheText) {
  // An element with the popover attribute is shown on demand, as a dialog is.
  const std::string story =
      "The council voted on Tuesday to close the old bridge to cars from next spring, when "
      "work on its replacement begins.";
  Body body = extract(
      "<html><body><div popover id='install'><p>Install the app on your phone: tap the share "
      "icon, scroll the menu and tap Add to Home Screen, then confirm.</p><ol><li>Tap the "
      "share icon in the browser's toolbar at the bottom.</li><li>Scroll the menu and tap Add "
      "to Home Screen.</li></ol></div><div class='story'><p>" +
      story + "</p></div></body></html>");
  EXPECT_NE(body.text.find(story), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Home Screen"), std::string::npos) << body.explanation;
}

TEST(Article, RowsOfATableOfDataAreText) {
  // A ranking: two paragraphs, each in an element of its own, then a table of
  // forty short rows under a long header. The rows end no sentence, yet they
  // are the text: the element holding all of it is the body, not the header.
  const std::string intro =
      "Rankings in aggregate help an applicant see how schools compare year on year and decide "
      "which of them are a reach and which a reasonable choice, so we gather the figures here.";
  const std::string method =
      "The table below lists this year's top forty programmes with last year's place and the "
      "share of applicants admitted; ties share a place, and the next place is skipped.";
  std::string rows =
      "<tr><th>Ranking in this year's survey</th><th>Business school and its university</th>"
      "<th>Ranking in last year's survey</th><th>International students and women enrolled"
      "</th><th>Full-time applicants admitted</th><th>Admitted applicants who enrolled</th>"
      "</tr>";
  for (int i = 1; i <= 40; ++i)
    rows += "<tr><td>" + std::to_string(i) + "</td><td>Northfield School of Business " +
            std::to_string(i) + "</td><td>" + std::to_string(i + 2) + "</td><td>40%</td><td>" +
            std::to_string(10 + i) + "%</td><td>50%</td></tr>";
  const std::string page =
      "<html><head><meta property='og:type' content='article'><meta "
      "property='article:published_time' content='2024-04-09T08:00:00Z'><script "
      "type='application/ld+json'>{\"@type\":\"BlogPosting\",\"headline\":\"Business school "
      "rankings\"}</script></head><body><nav><a href='/'>Home</a> <a "
      "href='/rankings'>Rankings</a></nav><h1>Business school rankings</h1><p class='byline'>By "
      "Ann Lee</p><div class='wrap'><div class='block'><p>" +
      intro + "</p></div><div class='block'><p>" + method + "</p></div><div class='block'><table>" +
      rows + "</table></div></div><footer><a href='/terms'>Terms</a></footer></body></html>";
  Body body = extract(page);
  EXPECT_NE(body.text.find(intro), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(method), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find("Northfield School of Business 17"), std::string::npos)
      << body.explanation;
}

TEST(Article, RowsOfARankingWhoseNamesLinkOutAreText) {
  // The story's first text panel holds its intro and a ranking whose firms'
  // names link to their sites, each row with its revenue; the second panel
  // goes on. The rows are the story's: they neither split it nor are left out
  // as links. A table of links, each after a bullet's cell, stays out.
  const std::string intro =
      "We compared the two best-known rankings of electrical contractors and kept the firms that "
      "made both lists, each of them earning more than two hundred million dollars a year.";
  const std::string outro =
      "Most of the firms on the list work across several states, and a few of them build the "
      "grid itself: substations, transmission lines and the wiring of whole new towns.";
  std::string rows = "<tr><th>Company</th><th>Revenue</th></tr>";
  for (int i = 1; i <= 20; ++i)
    rows += "<tr><td><a href='https://firm" + std::to_string(i) +
            ".example.com/'>Northfield Electric Company " + std::to_string(i) + "</a></td><td>$" +
            std::to_string(90 - i) + "0M</td></tr>";
  std::string more = "<table class='more'>";
  for (int i = 0; i < 6; ++i)
    more += "<tr><td>&#183;</td><td><a href='/q" + std::to_string(i) +
            "'>How can I become an electrician in my state?</a></td></tr>";
  more += "</table>";
  std::string rest;
  for (int i = 0; i < 6; ++i) rest += "<p>" + outro + "</p>";
  const std::string page =
      "<html><head><meta property='og:type' content='article'><meta "
      "property='article:published_time' content='2024-04-09T08:00:00Z'></head><body><nav><a "
      "href='/'>Home</a></nav><h1>The largest contractors</h1><div class='post'><div "
      "class='rich-text'><p>" +
      intro + "</p><table>" + rows + "</table></div><div class='rich-text'>" + rest +
      "</div></div>" + more + "</body></html>";
  Body body = extract(page);
  EXPECT_NE(body.text.find(intro), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find("Northfield Electric Company 7\t$830M"), std::string::npos)
      << body.explanation;
  EXPECT_NE(body.text.find(outro), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("How can I become"), std::string::npos) << body.explanation;
}

TEST(Article, BuyingGuideEntriesWithABuyButtonAreText) {
  // Each lamp stands in a repeated card with its name, price, a long
  // description and a shop's button: entries of the guide, not teasers.
  const std::string intro =
      "Smart lamps have moved from the bedside table to every corner of the house, and the "
      "best of them cost less than a dinner out. We tried a dozen over the autumn.";
  const std::string entry =
      "It lights a whole room with a warm, even glow, takes orders from any of the voice "
      "assistants, and keeps the colours it was given after a power cut, which few of the "
      "lamps we tried managed; the stand is heavy enough that a cat cannot knock it over, "
      "and the switch on its cord works when the network is down. ";
  std::string page = article_page_open("Reviews", "The best smart lamps") + "<p>" + intro +
                     "</p><p>" + intro + "</p><div class='picks'>";
  for (int i = 0; i < 4; ++i)
    page += "<div class='pick-card'><h2>Lamp number " + std::to_string(i) +
            "</h2><p class='price'>$" + std::to_string(30 + i) + ".99</p><p>" + entry +
            "</p><div class='buttons'><a href='https://shop.example/lamp" + std::to_string(i) +
            "'>Buy at the shop</a></div></div>";
  page += "</div><p>" + intro + "</p></div></article><div class='more'>";
  for (int i = 0; i < 4; ++i)
    page += "<div class='card'><h3><a href='/story" + std::to_string(i) +
            "'>Another story about lamps, number " + std::to_string(i) + "</a></h3><p>" + entry +
            "</p></div>";
  page += "</div></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "article") << body.explanation;
  EXPECT_NE(body.text.find("Lamp number 3"), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(entry.substr(0, 60)), std::string::npos) << body.explanation;
  // A card whose title links elsewhere is another story's, however long its summary.
  EXPECT_EQ(body.text.find("Another story about lamps"), std::string::npos) << body.explanation;
}

TEST(Article, RepeatedCalloutsInTheTextAreText) {
  // A guide sets a tip after each step in a box named as a callout, which
  // alone reads as boilerplate; three such boxes holding prose are the
  // guide's own. Boxes of related stories stay out however many there are.
  const std::string step =
      "Loosen the wheel nuts a quarter turn before you raise the car, while the tyre still "
      "grips the road, or the wheel will spin on the hub when you turn the wrench. ";
  const std::string tip =
      "Keep the spare tyre's pressure checked once a month: a flat spare is the most common "
      "reason a roadside change fails, and the pressure it needs is printed on its side wall.";
  const std::string related =
      "Our earlier guide explained how to choose winter tyres for a small car, and which of "
      "the cheaper brands held up in the snow tests that we ran last year in the mountains.";
  std::string page = article_page_open("Guides", "How to change a tyre");
  for (int i = 0; i < 3; ++i)
    page += "<h2>Step " + std::to_string(i + 1) + "</h2><p>" + step + step +
            "</p><div class='callout tip'><p>Tip " + std::to_string(i + 1) + ": " + tip +
            "</p></div>";
  for (int i = 0; i < 3; ++i)
    page += "<div class='related-story'><p>Story " + std::to_string(i + 1) + ": " + related +
            "</p></div>";
  page += "</div></article></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "article") << body.explanation;
  EXPECT_NE(body.text.find("Tip 3: " + tip), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Story 1"), std::string::npos) << body.explanation;
}

TEST(Article, RepeatedCalloutsOfShortLinesAreTextWhenOneHoldsProse) {
  // A list of houseplants gives each its care in a box named as a callout:
  // a heading and lines of a few words, with prose in one box only. The
  // boxes repeat one tag and class, so all of them are the list's own.
  const std::string plant =
      "It grows slowly in a dim corner of a room and forgives a missed watering now and then, "
      "which makes it a good first plant for anyone who travels for work. ";
  const std::string note =
      "Its leaves fold up at night, so a plant that looks limp in the evening is only resting "
      "and will open again by the morning, as long as the soil stays barely damp.";
  std::string page = article_page_open("Garden", "Plants for a dark room");
  for (int i = 0; i < 4; ++i) {
    page += "<h2>Plant " + std::to_string(i + 1) + "</h2><p>" + plant + plant +
            "</p><div class='callout care'><h3>Care tips</h3><ul><li>Light: low</li>"
            "<li>Water: every " +
            std::to_string(i + 5) + " days</li></ul>";
    if (i == 0) page += "<p>" + note + "</p>";
    page += "</div>";
  }
  page += "</div></article></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "article") << body.explanation;
  EXPECT_NE(body.text.find(note), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find("Water: every 8 days"), std::string::npos) << body.explanation;
}

TEST(Article, ReferencesWithLinkedTitlesAreText) {
  // Each reference links its long title; the authors and the journal around
  // the link make it a sentence of the text, not a line of navigation.
  const std::string para =
      "Sleep researchers have long suspected that a short walk after dinner helps people fall "
      "asleep sooner, and two new trials now measure how much sooner it is for most adults. ";
  std::string page = article_page_open("Health", "Walking and sleep");
  for (int i = 0; i < 4; ++i) page += "<p>" + para + para + "</p>";
  page += "<h2>References</h2><ol>";
  for (int i = 0; i < 3; ++i)
    page += "<li>Moss K, Lane T, et al. <a href='https://journal.example/" + std::to_string(i) +
            "'>The effect of an evening walk on the time it takes to fall asleep, trial " +
            std::to_string(i + 1) + "</a>. J Sleep Res. 2021;30:e1.</li>";
  page += "</ol></div></article></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "article") << body.explanation;
  EXPECT_NE(body.text.find("fall asleep, trial 3"), std::string::npos) << body.explanation;
}

TEST(Article, LinkedHeadingsThatLeadToAnotherSiteAreText) {
  // A guide names each tool it recommends in a heading that links to the
  // maker; a heading linking to another page of the same site (or of one of
  // its subdomains) stays out.
  const std::string para =
      "A good meter reads voltage, current and resistance, and one with automatic ranging "
      "saves a step on every reading when you work on a live panel in poor light. ";
  std::string page = article_page_open("Guides", "Tools for electricians") + "<p>" + para + para +
                     "</p><h4>Our picks:</h4>";
  page +=
      "<h2><a href='https://shop.example/fluke'>Fluke 117</a></h2><h2><a "
      "href='https://news.example/meters'>Our meter buying guide</a></h2><h2><a "
      "href='https://deals.news.example/week'>Deals of the week</a></h2><h2><a "
      "href='https://shop.example/klein'>Klein MM400</a></h2><p>" +
      para + "</p></div></article></body></html>";
  const Body body = extract_as(page, kSureArticle, "news.example");
  ASSERT_EQ(body.page_type, "article") << body.explanation;
  EXPECT_NE(body.text.find("Fluke 117"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("meter buying guide"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("Deals of the week"), std::string::npos) << body.explanation;
}

TEST(Article, ASentenceMostlyLinkedIsText) {
  // A sentence of the text whose link runs over most of it is prose; a line
  // of a link box ("Related: ...") is not, whatever its end.
  const std::string para =
      "The trail shoe grips wet rock better than any we tried this year, and its upper dried "
      "overnight after a day of river crossings in the rain. ";
  const std::string page =
      "<html><head><meta property='og:type' content='article'></head><body><article>"
      "<h1>Trail shoes</h1><p>" +
      para + para +
      "</p><p>You can read our full <a "
      "href='/reviews/peregrine'>review of the Peregrine trail shoe and its wide cousin</a>."
      "</p><p>" +
      para +
      "</p><p>Related: <a href='/best-boots'>Which hiking boots held up "
      "through a wet winter?</a></p><p>" +
      para + "</p></article></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "article") << body.explanation;
  EXPECT_NE(body.text.find("You can read our full review"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("held up through"), std::string::npos) << body.explanation;
}

TEST(Article, ListItemsWithALinkAmongTheirWordsAreText) {
  // A case study lists its results, each linking to the client's study with
  // its year beside the link; a list of other stories, each wholly a link,
  // stays out where little of the text follows it.
  const std::string para =
      "We rebuilt the blogs of three software companies last year, each with the same plan: "
      "fewer posts, written for the buyers the sales team already talks to every week. ";
  std::string page = article_page_open("Work", "What a smaller blog did");
  for (int i = 0; i < 3; ++i) page += "<p>" + para + para + "</p>";
  page += "<ul>";
  for (const char* client : {"Picflow", "Mentorly", "Ledgerly"})
    page += std::string("<li><a href='/work/") + client +
            "'>Raised sign-ups from the blog fourfold for " + client + "</a> (2024)</li>";
  page += "</ul><p>" + para + "</p><ul>";
  for (const char* story :
       {"Why we stopped writing for search engines", "How to brief a freelance writer well",
        "The posts our readers shared most in 2024"})
    page += std::string("<li><a href='/blog/") + story + "'>" + story + "</a></li>";
  page += "</ul><p>" + para + "</p></div></article></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "article") << body.explanation;
  EXPECT_NE(body.text.find("fourfold for Ledgerly"), std::string::npos) << body.explanation;
  EXPECT_EQ(body.text.find("brief a freelance writer"), std::string::npos) << body.explanation;
}

TEST(Article, WhollyLinkedItemsWithinTheTextAreText) {
  // A story walks through the patches of a release, each line wholly a link
  // to the patch, with its text before and after the list: the list is the
  // story's. A table of contents (links to places in the page) and a line
  // the page repeats under every entry ("Compare deals ...") stay out.
  const std::string para =
      "The compiler's embedding library gained a dozen patches this cycle, most of them "
      "small, and together they let a language runtime generate faster code for numbers. ";
  std::string page = article_page_open("News", "What the new release brings") + "<p>" + para +
                     para +
                     "</p><ul><li><a href='#patches'>The patches of the release in order</a></li>"
                     "<li><a href='#testing'>How the patches were tested on the farm</a></li>"
                     "</ul><p>" +
                     para + para + "</p><ul>";
  for (const char* patch :
       {"Allow casts between integers and pointers", "Add support for the weak variable attribute",
        "Make type comparison support floating point types"})
    page += std::string("<li><a href='https://lists.example/patch/") + patch + "'>" + patch +
            "</a></li>";
  page += "</ul><p>" + para + "</p>";
  for (int i = 0; i < 2; ++i)
    page +=
        "<ul><li><a href='https://deals.example/'>Compare new car deals with deals.example</a>"
        "</li></ul><p>" +
        para + para + "</p>";
  page += "</div></article></body></html>";
  expect_lines(extract(page), "article",
               {"Allow casts between integers", "floating point types"},
               {"tested on the farm", "Compare new car deals"});
}

TEST(Article, ABodyNamedForEmbedsIsNoEmbeddedPost) {
  // A blog's theme names its <body> "wp-embed-responsive": the line of links
  // between its paragraphs is still a line of links, while the links of a
  // post embedded in the story (a tweet's author and day) are the post's.
  const std::string ferry =
      "<p>The ferry to the island will run every hour from May, the operator said on Tuesday, "
      "after a winter of two crossings a day that left commuters stranded on the pier.</p>";
  std::string page = article_page_open("Travel", "Hourly ferries", "post wp-embed-responsive");
  page += ferry + ferry +
          "<p><a href='/tag/ferries'>Ferries</a> | <a href='/tag/islands'>Islands</a> | <a "
          "href='/tag/commuting'>Commuting</a></p>" +
          ferry +
          "<blockquote class='twitter-tweet'><p>Hourly boats at last!</p>&mdash; <a "
          "href='https://social.example/ann'>Ann Lee (@annlee)</a> <a "
          "href='https://social.example/ann/1'>April 2, 2024</a></blockquote>" +
          ferry + "</div></article></body></html>";
  expect_lines(extract(page), "article", {"Ann Lee (@annlee)"}, {"Islands"});
}

TEST(Article, LinkedEntriesInsideTheArticleAreText) {
  // A list of brands inside the article: each card's name links to the shop
  // above a long description. Inside <article>, such cards are the list's
  // entries, not other stories.
  const std::string intro =
      "Buying from small makers close to home cuts the miles a shirt travels, and these "
      "brands publish where each of their garments is sewn and what it is made of.";
  const std::string entry =
      "This maker sews its shirts and trousers in a small workshop outside the city from "
      "organic cotton grown on two farms it names, pays the sewers a wage it publishes, and "
      "takes back worn clothes to mend them or to turn them into new cloth for the next year. ";
  std::string page = article_page_open("Brands", "Brands made close to home") + "<p>" + intro +
                     "</p><p>" + intro + "</p><div class='brands'>";
  for (int i = 0; i < 4; ++i)
    page += "<div class='brand-card'><h2><a href='https://shop.example/brand" + std::to_string(i) +
            "'>Brand number " + std::to_string(i) + "</a></h2><p>" + entry + "</p></div>";
  page += "</div></div></article></body></html>";
  Body body = extract(page);
  ASSERT_EQ(body.page_type, "article") << body.explanation;
  EXPECT_NE(body.text.find("Brand number 3"), std::string::npos) << body.explanation;
  EXPECT_NE(body.text.find(entry.substr(0, 60)), std::string::npos) << body.explanation;
}

// A subject's page of a library catalogue: a few lines about the subject
// above a list of its books, each a linked title with its author; `head`
// goes in <head>.
std::string book_list_page(int paragraphs, int books, const std::string& head) {
  static const std::array<const char*, 6> kIntro = {
      "This page lists the books on the subject that readers have sent us over the years.",
      "Each entry gives the title, the author and the year the book first came out in print.",
      "Some of the older catalogues were scanned by libraries and can be read in full online.",
      "We add new titles every month, and we correct the entries when readers write to us.",
      "If you know of a book that belongs here, the address to write to is at the foot of the page.",
      "The catalogues were printed for the trade, and most of them show prices as well as drawings."};
  std::string page = "<html><head><title>Books on hardware</title>" + head +
                     "</head><body><nav><a href='/'>Home</a> <a href='/subjects'>Subjects</a> "
                     "<a href='/new'>New books</a></nav><div><h1>Hardware: catalogs</h1>"
                     "<div class='intro'>";
  for (int i = 0; i < paragraphs; ++i) page += std::string("<p>") + kIntro[i] + "</p>";
  page += "</div></div><ul>";
  for (int i = 1; i <= books; ++i) {
    const std::string year = std::to_string(1800 + i);
    page += "<li><a href='/book/" + std::to_string(i) + "'>The Hardware Catalogue of Year " +
            year + "</a> by Edward Smith (" + year + ")</li>";
  }
  return page + "</ul><footer><a href='/about'>About</a></footer></body></html>";
}

TEST(PageType, AnUnsureReadingThatFindsLittleGivesWayToTheSecondChoice) {
  // Read as an article (the model's first choice, by little), the page gives
  // its four lines about the subject; read as a listing, its thirty books.
  const std::string og_article = "<meta property='og:type' content='article'>";
  const PageTypeDecision unsure{PageType::kArticle, 0, PageType::kListing, 1.0f};
  Body body = extract_as(book_list_page(4, 30, og_article), unsure);
  expect_lines(body, "listing",
               {"The Hardware Catalogue of Year 1801", "The Hardware Catalogue of Year 1830"}, {});
  EXPECT_TRUE(body.method.ends_with("+second-choice")) << body.method;
  EXPECT_NE(body.explanation.find("second choice (listing) was close"), std::string::npos)
      << body.explanation;
  // Twelve books are not far more than the four lines: the article stands.
  body = extract_as(book_list_page(4, 12, og_article), unsure);
  expect_lines(body, "article", {"Some of the older catalogues", "Each entry gives"},
               {"The Hardware Catalogue of Year 1801"});
  // Nor is the second choice read where the model was sure of the first.
  const PageTypeDecision sure{PageType::kArticle, 0, PageType::kListing, 2.5f};
  body = extract_as(
      book_list_page(6, 45, "<script type='application/ld+json'>{\"@type\":\"Article\"}</script>"),
      sure);
  expect_lines(body, "article", {"Each entry gives"}, {"The Hardware Catalogue of Year 1801"});
}

// A short post above its readers' comments, in a blog's markup; `list`
// true sets the comments in a WordPress comment list, false in <div>s with
// avatars.
std::string post_with_comments(int comments, bool list) {
  static const std::array<const char*, 5> kNames = {"Pat", "Sam", "Lee", "Kim", "Max"};
  std::string page =
      "<html><head><title>Sunday 121111</title></head><body><nav><a href='/'>Home</a> "
      "<a href='/faq'>FAQ</a></nav><div class='post'><h1>Sunday 121111</h1><p>Run ten miles "
      "and do one hundred and fifty pull-ups, split as you need. Post your time to the comments "
      "below.</p><p>Today we remember a soldier who fell in Kunar province in March, survived "
      "by his wife and son.</p><p class='byline'>Posted by Pukie at November 11, 2012 5:00 "
      "PM</p></div><div id='comments'><h2>Comments</h2>";
  page += list ? "<ol class='comment-list'>" : "";
  for (int i = 0; i < comments; ++i) {
    const std::string name = kNames[i % kNames.size()];
    const std::string day = std::to_string(i % 28 + 1);
    const std::string text = "<p>Comment number " + std::to_string(i) +
                             ": that was a hard one, finished in " + std::to_string(40 + i) +
                             " minutes and my legs are gone for the week.</p>";
    page += list ? "<li class='comment'><article class='comment-body'><footer "
                   "class='comment-meta'><b class='fn'>" +
                       name + "</b> <time>November " + day +
                       ", 2012</time> says:</footer><div class='comment-content'>" + text +
                       "</div><div class='reply'><a class='comment-reply-link' "
                       "href='#r'>Reply</a></div></article></li>"
                 : "<div class='comment'><div class='comment-author'><img class='avatar' "
                   "src='/a.png'> " +
                       name + " said on November " + day + ", 2012:</div>" + text +
                       "<a class='reply' href='#r'>Reply</a></div>";
  }
  page += list ? "</ol>" : "";
  return page + "</div><footer><a href='/about'>About</a></footer></body></html>";
}

// The page read with the page-type decision given, not the model's.
// A link shared on a board: its title, then `comments` comments, and beside
// them a column of the board's other threads, each a linked title over its
// count of comments.
std::string shared_link_thread(int comments) {
  std::string page =
      "<html><head><title>Hair follicles grown in the lab</title></head><body><nav><a "
      "href='/'>Home</a> <a href='/r/science'>science</a></nav><div class='entry'><p "
      "class='title'><a href='https://example.org/study'>Hair follicles grown in the "
      "lab</a></p><p class='tagline'>submitted 5 hours ago by ann</p></div><div class='side'>";
  for (int i = 0; i < 8; ++i)
    page += "<div class='link'><a href='/r/science/" + std::to_string(i) + "'>Another study, " +
            "number " + std::to_string(i) + "</a><p>" + std::to_string(10 + i) +
            " comments</p></div>";
  page += "</div><div class='commentarea'>";
  for (int i = 0; i < comments; ++i)
    page += "<div class='comment'><p class='author'><a href='/u/" + std::to_string(i) +
            "'>reader" + std::to_string(i) + "</a> " + std::to_string(i + 2) +
            " points</p><div class='md'><p>Comment " + std::to_string(i) +
            ": the follicles grew for three weeks in the dish, and the hair they made was as "
            "thick as the hair of the donor's own scalp.</p></div></div>";
  return page + "</div><footer><a href='/about'>About</a></footer></body></html>";
}

TEST(PageType, AThreadReadAsCardsGivesWayToTheThread) {
  // The model takes the page for an article, and for a thread by little
  // less. Read as an article, it finds no article but the column of other
  // threads, which outweighs it: read as a listing, those few cards. Its
  // second choice, a thread, then reads the comments, which are its text.
  const PageTypeDecision unsure{PageType::kArticle, 0, PageType::kForum, 1.3f};
  Body body = extract_as(shared_link_thread(16), unsure);
  expect_lines(body, "forum", {"Comment 0: the follicles", "Comment 15: the follicles"}, {});
  EXPECT_TRUE(body.method.ends_with("+second-choice")) << body.method;
  // Where the article's reading ends as an article, a short post above its
  // comments, the comments stay out (AnArticlesCommentsAreNoSecondReading).
  for (const bool list : {true, false}) {
    body = extract_as(post_with_comments(30, list), unsure);
    expect_lines(body, "article", {"Run ten miles", "Today we remember"}, {"Comment number"});
  }
}

TEST(PageType, AnArticlesCommentsAreNoSecondReading) {
  // The post is short and the model unsure; read as a thread or a listing
  // (its second choice), the comments would be the text. They are not an
  // article's text: neither reading is tried for a thread, and a page's
  // comments are no listing's items.
  for (const PageType second : {PageType::kForum, PageType::kListing}) {
    const PageTypeDecision unsure{PageType::kArticle, 0, second, 1.3f};
    for (const bool list : {true, false}) {
      const Body body = extract_as(post_with_comments(30, list), unsure);
      expect_lines(body, "article", {"Run ten miles", "Today we remember"}, {"Comment number"});
    }
  }
}

// A builder's page: a hero with its button, four cards of what it builds,
// its story in `paragraphs` paragraphs, and a call to action; `head` goes in
// <head>, and `byline` sets a byline under the headline.
std::string renovation_page(const std::string& head, bool byline, int paragraphs) {
  static const std::array<const char*, 5> kStory = {
      "We have renovated homes in Austin since 1998, and most of our work comes from the "
      "neighbours of people we built for.",
      "A foreman runs each site, and the same crew stays with the job from the first wall to "
      "the last coat of paint.",
      "We come back a month after the work to check the finish, and every job carries our "
      "five-year guarantee on labour.",
      "Last spring we opened a second workshop in Round Rock, where our cabinet makers build "
      "every kitchen we fit.",
      "This year three of our foremen marked twenty years with us, and we asked them what has "
      "changed in the trade."};
  static const std::array<std::array<const char*, 2>, 4> kCards = {{
      {"Kitchens", "New cabinets, counters and floors, planned around how you cook."},
      {"Bathrooms", "Walk-in showers, heated floors and storage that fits the room."},
      {"Basements", "Dry, warm rooms for guests, games or work, with their own light."},
      {"Additions", "A second storey or a sunroom, drawn, permitted and built by us."},
  }};
  std::string page = "<html><head><title>Home renovation in Austin</title>" + head +
                     "</head><body><nav><a href='/'>Home</a> <a href='/services'>Services</a> "
                     "<a href='/contact'>Contact</a></nav><main><div class='hero'><h1>Home "
                     "renovation in Austin</h1>";
  if (byline)
    page += "<p class='byline'>By <a rel='author' href='/ann'>Ann Lee</a>, <time "
            "datetime='2024-03-01'>March 1, 2024</time></p>";
  page += "<p>Kitchens, bathrooms and basements, designed and built by one team.</p><a "
          "class='btn' href='/quote'>Get a free quote</a></div><div class='features'>";
  for (const auto& [title, line] : kCards)
    page += std::string("<div class='card'><h3>") + title + "</h3><p>" + line +
            "</p><a href='/s'>Learn more</a></div>";
  page += "</div><div class='about'><h2>Who we are</h2>";
  for (int i = 0; i < paragraphs; ++i) page += std::string("<p>") + kStory[i] + "</p>";
  return page +
         "</div><div class='cta'><h2>Ready to start?</h2><a class='btn' href='/contact'>Contact "
         "us</a></div></main><footer><a href='/about'>About</a></footer></body></html>";
}

TEST(PageType, AnArticleNearlyAServicePageKeepsItsSections) {
  // The model takes the page for an article, and for a service page by
  // little less: read with a service page's weights, its cards and its
  // hero's line are text beside its story, and it stays an article.
  const PageTypeDecision nearly_service{PageType::kArticle, 0, PageType::kService, 1.0f};
  Body body = extract_as(renovation_page("<meta property='og:type' content='article'><meta "
                                         "property='article:published_time' content='2024-03-01'>",
                                         false, 3),
                         nearly_service);
  expect_lines(body, "article",
               {"designed and built by one team", "New cabinets, counters and floors",
                "A second storey or a sunroom", "We have renovated homes", "five-year guarantee"},
               {"Get a free quote"});
  EXPECT_NE(body.explanation.find("read with a service page's weights"), std::string::npos)
      << body.explanation;
  // A post with its author, its date and a longer story, an article the
  // model is sure of: its story alone.
  body = extract_as(renovation_page(
      "<script type='application/ld+json'>{\"@type\":\"BlogPosting\",\"headline\":\"Home "
      "renovation\",\"datePublished\":\"2024-03-01\"}</script><meta "
      "property='article:published_time' content='2024-03-01'>",
      true, 5), kSureArticle);
  expect_lines(body, "article", {"We have renovated homes", "changed in the trade"},
               {"New cabinets, counters and floors"});
}

TEST(Article, ALongParagraphAmongShortOnesIsNotTheStory) {
  // A blog post set straight in its column beside the column's lists of
  // related posts: four short paragraphs, then one long one. The column
  // holds less than twice the long paragraph's prose, but the story is all
  // five paragraphs.
  const std::string related =
      "<h4 class='widgettitle'>Related Posts</h4><ul><li><a href='/1'>Time has two covers this "
      "week, and one of them is a photo</a></li><li><a href='/2'>Newsweek covers, we will miss "
      "writing about you</a></li><li><a href='/3'>How provocative covers sell magazines</a></li>"
      "<li><a href='/4'>A publisher named for the weekly</a></li></ul><h4 "
      "class='widgettitle'>Related Training</h4><ul><li><a href='/t1'>Beyond the election: "
      "covering the topics of next year</a></li><li><a href='/t2'>A new curriculum for a new "
      "journalism</a></li><li><a href='/t3'>Help for writers, an application for phones</a></li>"
      "<li><a href='/t4'>Covering faith in America</a></li><li><a href='/t5'>Math for "
      "journalists: help with numbers</a></li></ul>";
  const std::string page =
      "<html><head><meta property='og:type' content='article'></head><body><div class='column'>"
      "<h1>The weekly covers an older president</h1><p>Bloomberg Businessweek</p><p>The next "
      "issue of the weekly will feature a photo of the president's face weathered by time and "
      "worry, whatever the outcome of the vote.</p><p>The magazine also sent out the cover it "
      "would have run had the challenger won.</p><p>For no reason other than a short night, I "
      "animated the covers.</p><p>Last June, another weekly aged a photo of a princess to "
      "imagine her at fifty, and its readers wrote in by the hundred to say what they thought "
      "of it; most of them did not like it, and a few of them cancelled their subscriptions "
      "over it, as the editor wrote in the next issue. The covers of this week are milder, and "
      "the magazine says they were drawn by one of its regular illustrators, who made the "
      "lines of the face deeper and the hair whiter, and left the rest alone.</p>" +
      related + "</div></body></html>";
  const Body body = extract(page);
  expect_lines(body, "article",
               {"will feature a photo", "also sent out the cover", "animated the covers",
                "Last June, another weekly"},
               {"Newsweek covers, we will miss"});
}

TEST(Article, AQuotationIsNotTheTextThatQuotesIt) {
  // A blog post quotes two paragraphs of another article, set straight in
  // its column beside the column's long list of other posts: the quotation
  // weighs more than the column, but the post is all of it.
  std::string others = "<h2>Related Posts</h2><ul>";
  for (int i = 0; i < 30; ++i)
    others += "<li><a href='/p/" + std::to_string(i) + "'>How to change the world with your "
              "blog, part " + std::to_string(i) + "</a></li>";
  others += "</ul>";
  const std::string page =
      "<html><head><meta property='og:type' content='article'></head><body><div "
      "id='contentleft'><h1>The next decade of the internet</h1><p>I still remember when I got "
      "my first modem, a dial-up one that screamed down the telephone line every evening, and "
      "how slowly the first pages came in.</p><p>The internet turned out to be not only "
      "fascinating but also useful, and it changed how most of us work and read.</p><p>There "
      "is an interesting article on a network maker's blog about what comes next, and this "
      "is its answer:</p><blockquote><p>From the internet of things, where we are today, we "
      "are moving to an internet of everything, which brings together people, processes, data "
      "and things to make connections more relevant and valuable than ever before.</p><p>It "
      "turns information into actions that create new capabilities, richer experiences and "
      "economic opportunity for businesses, individuals and countries, and it will grow "
      "faster than anything the network has seen so far.</p></blockquote><p>The only point I "
      "do not agree with is that we are already there: in my opinion we still need five to "
      "ten years before most of the things around us are connected.</p>" +
      others + "</div></body></html>";
  const Body body = extract(page);
  expect_lines(body, "article",
               {"I still remember", "turned out to be not only", "From the internet of things",
                "The only point I"},
               {"How to change the world"});
}

}  // namespace
}  // namespace lede::extraction
