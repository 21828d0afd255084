#include "assemble/assemble.h"

#include <gtest/gtest.h>

namespace lede::assemble {
namespace {

TEST(FromPage, DetectsTheLanguageWhenNoneIsDeclared) {
  metadata::PageMetadata m;
  extraction::Body body;
  body.text =
      "Le conseil municipal a voté mardi la création de nouvelles pistes cyclables le long des "
      "quais du Rhône, une décision attendue depuis des années par les associations d'usagers.";
  Article a = from_page(m, std::move(body), {});
  EXPECT_EQ(a.language, "fr");
  ASSERT_FALSE(a.warnings.empty());
}

TEST(FromPage, OverridesADeclarationTheTextContradicts) {
  metadata::PageMetadata m;
  m.declared_language = "en";
  extraction::Body body;
  body.text =
      "Die Stadt will im Sommer mehr Trinkbrunnen aufstellen. Nach Angaben der Verwaltung sollen "
      "bis Ende des Jahres zwanzig neue Brunnen in den Bezirken entstehen.";
  Article a = from_page(m, std::move(body), {});
  EXPECT_EQ(a.language, "de");
  ASSERT_EQ(a.warnings.size(), 1u);
  EXPECT_NE(a.warnings[0].find("differs"), std::string::npos);
}

TEST(FromPage, ReadsTheDatelineOfTheFirstParagraph) {
  metadata::PageMetadata m;
  extraction::Body body;
  body.text = "WASHINGTON (AP) — NATO Secretary-General Jens Stoltenberg told President Joe Biden.";
  body.blocks.push_back(
      Block{BlockType::kParagraph, 0, 0, static_cast<uint32_t>(body.text.size())});
  Article a = from_page(m, std::move(body), {});
  EXPECT_EQ(a.dateline.place, "WASHINGTON");
  EXPECT_EQ(a.dateline.agency, "AP");
}

TEST(FromPage, AddsTheShareImageOnlyWhenTheBodyHasNone) {
  metadata::PageMetadata m;
  m.image_url = "https://x.com/lead.jpg";
  Article without = from_page(m, {}, {});
  ASSERT_EQ(without.images.size(), 1u);
  EXPECT_EQ(without.images[0].url, "https://x.com/lead.jpg");
  extraction::Body body;
  body.images.push_back(Image{"https://x.com/body.jpg", "Caption", ""});
  Article with = from_page(m, std::move(body), {});
  ASSERT_EQ(with.images.size(), 1u);
  EXPECT_EQ(with.images[0].url, "https://x.com/body.jpg");
}

TEST(FromPage, TakesTheBodyAndHowItWasFound) {
  metadata::PageMetadata m;
  m.title = "Ferry delayed";
  extraction::Body body;
  body.text = "The ferry is late.";
  body.method = "article";
  Article a = from_page(m, std::move(body), {});
  EXPECT_EQ(a.title, "Ferry delayed");
  EXPECT_EQ(a.text, "The ferry is late.");
  EXPECT_EQ(a.source.method, "article");
}

TEST(FromText, DetectsTheLanguageWithoutWarningThatTextDeclaresNone) {
  textmode::TextArticle t;
  t.text =
      "Die Stadt will im Sommer mehr Trinkbrunnen aufstellen. Nach Angaben der Verwaltung sollen "
      "bis Ende des Jahres zwanzig neue Brunnen in den Bezirken entstehen.";
  Article a = from_text(std::move(t), {});
  EXPECT_EQ(a.language, "de");
  EXPECT_TRUE(a.warnings.empty());
}

TEST(FromText, TakesTheDatelineAgencyBeforeTheBylineAgency) {
  textmode::TextArticle t;
  t.text = "LONDON (Reuters) - The ferry is late again, the operator said on Tuesday.";
  t.blocks.push_back(Block{BlockType::kParagraph, 0, 0, static_cast<uint32_t>(t.text.size())});
  t.agencies = {"Associated Press"};
  Article a = from_text(std::move(t), {});
  EXPECT_EQ(a.dateline.place, "LONDON");
  EXPECT_EQ(a.dateline.agency, "Reuters");
}

TEST(FromText, TakesOnlyAnAgencyNameFromTheByline) {
  textmode::TextArticle t;
  t.text = "The ferry is late again, the operator said on Tuesday.";
  t.agencies = {"Harbour Desk", "AP"};
  Article a = from_text(std::move(t), {});
  EXPECT_EQ(a.dateline.agency, "AP");
}

}  // namespace
}  // namespace lede::assemble
