#include "analysis/sentences.h"

#include <gtest/gtest.h>

namespace lede::analysis {
namespace {

std::vector<std::string> sentences(std::string_view text) {
  std::vector<std::string> out;
  for (auto [b, e] : split_sentences(text)) out.emplace_back(text.substr(b, e - b));
  return out;
}

TEST(Sentences, TitleAbbreviationsDoNotEndASentence) {
  auto s = sentences("Mr. Smith met Sen. Jones and Gov. Lee. They talked.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "Mr. Smith met Sen. Jones and Gov. Lee.");
}

TEST(Sentences, InitialsContinueBeforeANameButEndBeforeTheNextSentence) {
  auto s = sentences("The U.S. Army said so. It left the U.S. The troops came home.");
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(s[0], "The U.S. Army said so.");
  EXPECT_EQ(s[1], "It left the U.S.");
}

TEST(Sentences, MonthsAndNumbersContinueBeforeDigits) {
  auto s = sentences("It opened Jan. 5 in room No. 2 downtown. Then it closed.");
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(s[0], "It opened Jan. 5 in room No. 2 downtown.");
}

TEST(Sentences, MiddleInitialStaysWithTheName) {
  auto s = sentences("President George W. Bush spoke. Then he left.");
  ASSERT_EQ(s.size(), 2u);
}

TEST(Sentences, ParagraphsNeverShareASentenceAndOffsetsPointIntoText) {
  const std::string text = "First line without a stop\n\nSecond paragraph. Two sentences.";
  Document doc = segment(text);
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.sentences[0].paragraph, 0u);
  EXPECT_EQ(doc.sentences[1].paragraph, 1u);
  const Sentence& s = doc.sentences[2];
  EXPECT_EQ(text.substr(s.start, s.end - s.start), "Two sentences.");
}

TEST(Tokens, KeepInnerMarksOfWords) {
  const std::string text = "U.S. Secretary-General O'Leary’s 11:06 a.m. talk cost $1,000.";
  Document doc = segment(text);
  std::vector<std::string> words;
  for (uint32_t i = 0; i < doc.tokens.size(); ++i) words.emplace_back(doc.word(i));
  const std::vector<std::string> want = {
      "U.S.", "Secretary-General", "O'Leary’s", "11:06", "a.m.", "talk", "cost", "$", "1,000", "."};
  EXPECT_EQ(words, want);
  EXPECT_EQ(doc.tokens[3].kind, TokenKind::kNumber);
  EXPECT_TRUE(doc.tokens[2].upper);
}

}  // namespace
}  // namespace lede::analysis
