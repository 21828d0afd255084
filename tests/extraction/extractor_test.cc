#include "extraction/extractor.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "html/parse.h"

namespace lede::extraction {
namespace {

Body extract(const std::string& page) {
  html::Document doc;
  html::parse(page, doc, html::DomLimits{});
  BodyExtractor extractor;
  return extractor.extract(doc, BodyHints{"", "", true});
}

// A product page the model reads as one: schema.org Product, a price, a cart.
std::string product_head() {
  return R"(<html><head><meta property="og:type" content="product">
    <link rel="canonical" href="https://example.org/products/blue-kettle">
    <script type="application/ld+json">{"@type":"Product","name":"Blue kettle",
    "offers":{"@type":"Offer","price":"19.99"}}</script></head><body>)";
}

TEST(Product, ReviewsAndCarouselsInTheMainAreLeftOut) {
  const std::string description =
      "The blue kettle boils a litre of water in three minutes and switches itself off when "
      "the water boils, so it is safe to leave on the counter.";
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

}  // namespace
}  // namespace lede::extraction
