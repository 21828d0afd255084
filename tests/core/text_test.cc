#include "core/text.h"

#include <gtest/gtest.h>

namespace lede::core {
namespace {

TEST(Text, CollapseSpaceFoldsUnicodeSpaceAndTrims) {
  EXPECT_EQ(collapse_space("  a\u00a0\u00a0b \n\t c  "), "a b c");
}

TEST(Text, Utf8LengthCountsCodePoints) {
  EXPECT_EQ(utf8_length("naïve"), 5u);
  EXPECT_EQ(utf8_length("楓葉"), 2u);
}

TEST(Text, CjkLengthCountsKanaAndHanOnly) {
  EXPECT_EQ(cjk_length("落葉鋪成的地毯"), 7u);
  EXPECT_EQ(cjk_length("ソフト KeePass の"), 4u);
  EXPECT_EQ(cjk_length("기사입력"), 0u);  // Hangul spaces its words: not counted
  EXPECT_EQ(cjk_length("café。"), 0u);    // CJK punctuation is not a character of text
  EXPECT_EQ(cjk_length("\xE4\xB8"), 0u);  // a cut sequence is not counted
}

}  // namespace
}  // namespace lede::core
