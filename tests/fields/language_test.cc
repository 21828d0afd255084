#include "fields/language.h"

#include <gtest/gtest.h>

namespace lede::fields {
namespace {

TEST(LanguageCode, KeepsThePrimarySubtag) {
  EXPECT_EQ(language_code("en-US"), "en");
  EXPECT_EQ(language_code("pt_BR"), "pt");
  EXPECT_EQ(language_code(" DE "), "de");
  EXPECT_EQ(language_code("iw"), "he");
  EXPECT_EQ(language_code("x-default"), "");
  EXPECT_EQ(language_code(""), "");
}

TEST(DetectLanguage, ReadsGermanAndEnglishProse) {
  DetectedLanguage de = detect_language(
      "Die Stadt will im Sommer mehr Trinkbrunnen aufstellen. Nach Angaben der Verwaltung sollen "
      "bis Ende des Jahres zwanzig neue Brunnen in den Bezirken entstehen, vor allem an Plätzen "
      "und in Parks, in denen sich viele Menschen aufhalten.");
  EXPECT_EQ(de.code, "de");
  EXPECT_TRUE(de.reliable);
  DetectedLanguage en = detect_language(
      "The city council voted on Tuesday to extend library opening hours on Sundays, reversing a "
      "decision taken during the pandemic, after hundreds of residents signed a petition.");
  EXPECT_EQ(en.code, "en");
}

TEST(DetectLanguage, IsUnsureAboutTooLittleText) {
  EXPECT_FALSE(detect_language("OK").reliable);
  EXPECT_FALSE(detect_language("").reliable);
}

TEST(Confusable, AcceptsCloseLanguagesOnly) {
  EXPECT_TRUE(are_confusable("hr", "sr"));
  EXPECT_TRUE(are_confusable("en", "en"));
  EXPECT_FALSE(are_confusable("en", "de"));
}

}  // namespace
}  // namespace lede::fields
