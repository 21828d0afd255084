#include "aeb_score.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace lede::quality {
namespace {

using Tokens = std::vector<std::string>;

TEST(Tokenize, SplitsOnPunctuationAndSpaceAndKeepsCase) {
  EXPECT_EQ(tokenize("Hello, World_1 -- 2024!"), (Tokens{"Hello", "World_1", "2024"}));
  EXPECT_EQ(tokenize("ab_c-d"), (Tokens{"ab_c", "d"}));
}

TEST(Tokenize, EmptyOrPunctuationOnlyTextHasNoTokens) {
  EXPECT_TRUE(tokenize("").empty());
  EXPECT_TRUE(tokenize(" ... -- !? \n").empty());
}

TEST(Tokenize, KeepsLettersOfEveryScript) {
  EXPECT_EQ(tokenize("Grüße aus Köln"), (Tokens{"Grüße", "aus", "Köln"}));
  EXPECT_EQ(tokenize("日本語 テキスト"), (Tokens{"日本語", "テキスト"}));
  EXPECT_EQ(tokenize("Привет, мир"), (Tokens{"Привет", "мир"}));
}

TEST(Tokenize, CountsEveryNumberCategoryAsWord) {
  // ½ and ² are No, Ⅻ is Nl: all \w in Python.
  EXPECT_EQ(tokenize("½ ² Ⅻ x²"), (Tokens{"½", "²", "Ⅻ", "x²"}));
}

TEST(Tokenize, CombiningMarksSplitTokensAsInPython) {
  // "nai" + U+0308 COMBINING DIAERESIS + "ve": Python's re gives ['nai', 've'].
  EXPECT_EQ(tokenize("nai\u0308ve"), (Tokens{"nai", "ve"}));
  // Devanagari vowel signs (Mc) and virama (Mn) are not \w: ['ह', 'न', 'द'].
  EXPECT_EQ(tokenize("हिन्दी"), (Tokens{"ह", "न", "द"}));
}

TEST(Tokenize, MalformedBytesSeparateTokens) {
  EXPECT_EQ(tokenize(std::string("ab") + '\xff' + "cd"), (Tokens{"ab", "cd"}));
  EXPECT_EQ(tokenize("ab\xc3"), (Tokens{"ab"}));  // truncated sequence at the end
}

TEST(ScorePage, IdenticalTextsArePerfectAndExact) {
  const PageScore page = score_page("a b c d e", "a, b. c d e");
  EXPECT_DOUBLE_EQ(page.tp, 1.0);
  EXPECT_DOUBLE_EQ(page.fp, 0.0);
  EXPECT_DOUBLE_EQ(page.fn, 0.0);
  EXPECT_TRUE(page.exact);
  EXPECT_DOUBLE_EQ(page.f1(), 1.0);
}

TEST(ScorePage, CountsSharedAndExcessShinglesNormalised) {
  // Truth shingles: abcd bcde cdef. Prediction: abcd bcde cdex dexy.
  // tp = 2, fp = 2, fn = 1, normalised by 5.
  const PageScore page = score_page("a b c d e f", "a b c d e x y");
  EXPECT_DOUBLE_EQ(page.tp, 0.4);
  EXPECT_DOUBLE_EQ(page.fp, 0.4);
  EXPECT_DOUBLE_EQ(page.fn, 0.2);
  EXPECT_FALSE(page.exact);
  EXPECT_DOUBLE_EQ(*page.precision(), 0.5);
  EXPECT_DOUBLE_EQ(*page.recall(), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(page.f1(), 4.0 / 7.0);
}

TEST(ScorePage, ShinglesAreAMultiset) {
  // Truth shingles: abcd x2, bcda, cdab, dabc. Prediction: abcd once.
  const PageScore page = score_page("a b c d a b c d", "a b c d");
  EXPECT_DOUBLE_EQ(*page.precision(), 1.0);
  EXPECT_DOUBLE_EQ(*page.recall(), 0.2);
  // A prediction repeating a shingle more often than the truth gets fp for the excess.
  const PageScore repeated = score_page("a b c d", "a b c d a b c d");
  EXPECT_DOUBLE_EQ(*repeated.precision(), 0.2);
  EXPECT_DOUBLE_EQ(*repeated.recall(), 1.0);
}

TEST(ScorePage, CaseMatters) {
  const PageScore page = score_page("The cat sat down", "the cat sat down");
  EXPECT_FALSE(page.exact);
  EXPECT_DOUBLE_EQ(page.f1(), 0.0);
}

TEST(ScorePage, ShortTextIsOneShingleOfAllItsTokens) {
  const PageScore same = score_page("hello world", "hello, world");
  EXPECT_DOUBLE_EQ(same.tp, 1.0);
  EXPECT_TRUE(same.exact);

  const PageScore shorter = score_page("hello world", "hello");
  EXPECT_DOUBLE_EQ(shorter.tp, 0.0);
  EXPECT_DOUBLE_EQ(shorter.fp, 0.5);
  EXPECT_DOUBLE_EQ(shorter.fn, 0.5);

  // The 3-token shingle does not match the first 3 tokens of a 4-token one.
  const PageScore prefix = score_page("a b c", "a b c d");
  EXPECT_DOUBLE_EQ(prefix.tp, 0.0);
  EXPECT_DOUBLE_EQ(prefix.f1(), 0.0);
}

TEST(ScorePage, EmptyPredictionHasRecallZeroAndNoPrecision) {
  const PageScore page = score_page("a b c d e", "");
  EXPECT_DOUBLE_EQ(page.fn, 1.0);
  EXPECT_FALSE(page.precision().has_value());
  EXPECT_DOUBLE_EQ(*page.recall(), 0.0);
  EXPECT_DOUBLE_EQ(page.f1(), 0.0);
  EXPECT_FALSE(page.exact);
}

TEST(ScorePage, BothEmptyIsExactAndCountsInNeitherMean) {
  const PageScore page = score_page("", "--");
  EXPECT_DOUBLE_EQ(page.tp + page.fp + page.fn, 0.0);
  EXPECT_FALSE(page.precision().has_value());
  EXPECT_FALSE(page.recall().has_value());
  EXPECT_TRUE(page.exact);
  EXPECT_DOUBLE_EQ(page.f1(), 1.0);
}

std::vector<PageScore> three_pages() {
  return {
      score_page("a b c d e", "a b c d e"),        // P 1, R 1, exact
      score_page("a b c d e f", "a b c d e x y"),  // P 1/2, R 2/3
      score_page("a b c d e", ""),                 // no P, R 0
  };
}

TEST(Summarize, AveragesPerPageFiguresOverTheirOwnPages) {
  const std::vector<PageScore> pages = three_pages();
  const Summary s = summarize(pages, 0);
  EXPECT_EQ(s.pages, 3u);
  EXPECT_DOUBLE_EQ(s.precision.value, 0.75);    // (1 + 1/2) / 2
  EXPECT_DOUBLE_EQ(s.recall.value, 5.0 / 9.0);  // (1 + 2/3 + 0) / 3
  EXPECT_NEAR(s.f1.value, 30.0 / 47.0, 1e-12);  // harmonic mean of 3/4 and 5/9
  EXPECT_DOUBLE_EQ(s.accuracy.value, 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(s.f1.std, 0.0);
}

TEST(Summarize, BootstrapIsRepeatableAndNonZeroOnMixedPages) {
  const std::vector<PageScore> pages = three_pages();
  const Summary a = summarize(pages);
  const Summary b = summarize(pages);
  EXPECT_GT(a.f1.std, 0.0);
  EXPECT_GT(a.accuracy.std, 0.0);
  EXPECT_DOUBLE_EQ(a.f1.std, b.f1.std);
  EXPECT_DOUBLE_EQ(a.recall.std, b.recall.std);
  // Resampling does not move the point estimates.
  EXPECT_DOUBLE_EQ(a.precision.value, 0.75);
  // Accuracy of a 1-in-3 page share: the bootstrap std is near sqrt(p(1-p)/n) = 0.272.
  EXPECT_NEAR(a.accuracy.std, 0.272, 0.03);
}

TEST(Summarize, IdenticalPagesHaveZeroSpread) {
  const std::vector<PageScore> pages(5, score_page("a b c d e f", "a b c d e x y"));
  const Summary s = summarize(pages);
  EXPECT_DOUBLE_EQ(s.f1.value, 4.0 / 7.0);
  EXPECT_NEAR(s.f1.std, 0.0, 1e-12);
}

TEST(Summarize, NoPagesGivesZeros) {
  const Summary s = summarize({});
  EXPECT_EQ(s.pages, 0u);
  EXPECT_DOUBLE_EQ(s.f1.value, 0.0);
  EXPECT_DOUBLE_EQ(s.accuracy.value, 0.0);
}

TEST(PageId, StripsDirectoriesAndKnownExtensions) {
  EXPECT_EQ(page_id_from_path("/data/aeb/html/0a1b.html.gz"), "0a1b");
  EXPECT_EQ(page_id_from_path("aeb-text/w3m/0a1b.txt"), "0a1b");
  EXPECT_EQ(page_id_from_path("0a1b.html"), "0a1b");
  EXPECT_EQ(page_id_from_path("x/0a1b.gz"), "0a1b");
  EXPECT_EQ(page_id_from_path("0a1b"), "0a1b");
  EXPECT_EQ(page_id_from_path("dir/page.htm"), "page.htm");
}

class TempFile {
 public:
  explicit TempFile(const std::string& content) {
    path_ = (std::filesystem::temp_directory_path() /
             ("aeb_score_test_" + std::to_string(reinterpret_cast<uintptr_t>(this)) + "_" +
              ::testing::UnitTest::GetInstance()->current_test_info()->name()))
                .string();
    std::ofstream(path_, std::ios::binary) << content;
  }
  ~TempFile() { std::filesystem::remove(path_); }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

TEST(LoadPredictions, ReadsTextAndErrorRecordsByPageId) {
  TempFile file(
      R"({"text": "Body one.", "title": "x", "source": {"path": "aeb/html/p1.html.gz"}})"
      "\n\n"
      R"({"error": {"code": "no_content", "message": "m"}, "source": {"path": "aeb/html/p2.html.gz"}})"
      "\n"
      R"({"text": null, "source": {"path": "p3.txt"}})"
      "\n");
  auto predictions = load_predictions(file.path());
  ASSERT_TRUE(predictions) << predictions.error().message;
  EXPECT_EQ(predictions->text_by_id.size(), 3u);
  EXPECT_EQ(predictions->text_by_id.at("p1"), "Body one.");
  EXPECT_EQ(predictions->text_by_id.at("p2"), "");
  EXPECT_EQ(predictions->text_by_id.at("p3"), "");
  EXPECT_EQ(predictions->error_ids, (std::vector<std::string>{"p2"}));
}

TEST(LoadPredictions, RejectsTwoRecordsForOnePage) {
  TempFile file(R"({"text": "a", "source": {"path": "d/p1.html"}})"
                "\n"
                R"({"text": "b", "source": {"path": "e/p1.html.gz"}})"
                "\n");
  auto predictions = load_predictions(file.path());
  ASSERT_FALSE(predictions);
  EXPECT_NE(predictions.error().message.find("p1"), std::string::npos);
}

TEST(LoadPredictions, RejectsLinesThatAreNotRecords) {
  TempFile no_json("not json\n");
  EXPECT_FALSE(load_predictions(no_json.path()));
  TempFile no_source(R"({"text": "a"})"
                     "\n");
  EXPECT_FALSE(load_predictions(no_source.path()));
  EXPECT_FALSE(load_predictions("/nonexistent/predictions.jsonl"));
}

TEST(LoadTruth, ReadsArticleBodiesById) {
  TempFile file(R"({"p1": {"articleBody": "One two.", "url": "u"}, "p2": {"articleBody": ""}})");
  auto truth = load_truth(file.path());
  ASSERT_TRUE(truth) << truth.error().message;
  EXPECT_EQ(truth->size(), 2u);
  EXPECT_EQ(truth->at("p1"), "One two.");
  EXPECT_EQ(truth->at("p2"), "");
}

TEST(LoadTruth, RejectsPagesWithoutABody) {
  TempFile file(R"({"p1": {"url": "u"}})");
  EXPECT_FALSE(load_truth(file.path()));
}

}  // namespace
}  // namespace lede::quality
