// Quality gates on data: time expressions and people on MEANTIME (tuned on
// airbus, apple and gm; gated on corpus_stock), quotes on the hand-annotated set
// in tests/analysis/quotes/.
#include <gtest/gtest.h>

#include "meantime.h"
#include "quote_set.h"
#include "tbaq.h"

namespace lede::analysis_test {
namespace {

// Floors from issue 8. HeidelTime, the best rule-based tagger, reached value F1 0.776
// on TempEval-3; these floors only go up.
constexpr double kMinTimexSpanF1 = 0.89;  // relaxed span match on corpus_stock (0.895)
// Relaxed span match with the same value; issue 8 asks 0.75, the held-out topic
// measures 0.789 since the TimeML rules of issue 17.
constexpr double kMinTimexValueF1 = 0.78;
constexpr double kMinPeopleF1 = 0.80;         // named person mentions, all four topics
constexpr double kMinQuoteF1 = 0.90;          // a match overlaps at least half of the true quote
constexpr double kMinSpeakerAccuracy = 0.90;  // of matched quotes
constexpr size_t kMinQuoteArticles = 40;      // the size issue 8 asks of the set
constexpr size_t kMinQuotes = 200;

TEST(Meantime, TimeExpressionsOnTheHeldOutTopic) {
  auto articles = read_meantime_topic("corpus_stock");
  if (articles.empty()) GTEST_SKIP() << "MEANTIME not found under LEDE_DATA_DIR/meantime";
  TimexScores s = score_times(articles);
  std::printf("corpus_stock: span F1 %.3f (strict %.3f), value F1 %.3f over %zu gold\n",
              s.relaxed.f1(), s.strict.f1(), s.value.f1(), s.relaxed.gold);
  EXPECT_GE(s.relaxed.f1(), kMinTimexSpanF1);
  EXPECT_GE(s.value.f1(), kMinTimexValueF1);
}

// TempEval-3's training corpus (issue 17). Rules are tuned on TimeBank; AQUAINT is
// checked alongside it. Floors sit at the measured figures, rounded down to the
// third decimal (0.9385, 0.8875, 0.8365, 0.9617 over both halves; the scorer is
// deterministic); issue 17 asks 0.85 of the value F1.
constexpr double kMinTbaqRelaxedF1 = 0.938;     // span overlaps a gold span
constexpr double kMinTbaqStrictF1 = 0.887;      // span equals a gold span
constexpr double kMinTbaqValueF1 = 0.836;       // overlap and the same value
constexpr double kMinTbaqTypeAccuracy = 0.961;  // of the overlaps, the same type

TEST(Tbaq, TimeExpressionsOnTimeBankAndAquaint) {
  TimexScores all;
  for (const char* half : {"TimeBank", "AQUAINT"}) {
    const TimexScores s = score_times(read_tbaq_half(half));
    std::printf("%s: span F1 %.3f (strict %.3f), value F1 %.3f, type %.3f over %zu gold\n", half,
                s.relaxed.f1(), s.strict.f1(), s.value.f1(), s.type_accuracy(), s.relaxed.gold);
    all.relaxed.add(s.relaxed);
    all.strict.add(s.strict);
    all.value.add(s.value);
    all.type.add(s.type);
  }
  if (all.relaxed.gold == 0) GTEST_SKIP() << "TBAQ not found under LEDE_DATA_DIR/tbaq";
  EXPECT_GE(all.relaxed.f1(), kMinTbaqRelaxedF1);
  EXPECT_GE(all.strict.f1(), kMinTbaqStrictF1);
  EXPECT_GE(all.value.f1(), kMinTbaqValueF1);
  EXPECT_GE(all.type_accuracy(), kMinTbaqTypeAccuracy);
}

TEST(Meantime, PersonMentions) {
  Score total;
  for (const char* topic : {"corpus_airbus", "corpus_apple", "corpus_gm", "corpus_stock"})
    total.add(score_people(read_meantime_topic(topic)));
  if (total.gold == 0) GTEST_SKIP() << "MEANTIME not found under LEDE_DATA_DIR/meantime";
  std::printf("people: P %.3f R %.3f F1 %.3f over %zu gold mentions\n", total.precision(),
              total.recall(), total.f1(), total.gold);
  EXPECT_GE(total.f1(), kMinPeopleF1);
}

TEST(QuoteSet, QuotesAndSpeakers) {
  std::string errors;
  auto set = read_quote_set(LEDE_QUOTES_DIR, &errors);
  EXPECT_EQ(errors, "");  // every annotation points at its text
  if (meantime_dir().empty()) GTEST_SKIP() << "MEANTIME not found: the set is incomplete";
  size_t quotes = 0;
  for (const auto& a : set) quotes += a.quotes.size();
  EXPECT_GE(set.size(), kMinQuoteArticles);
  EXPECT_GE(quotes, kMinQuotes);
  QuoteScores s = score_quotes(set);
  std::printf("quotes: %zu articles, %zu quotes: P %.3f R %.3f F1 %.3f, speaker accuracy %.3f\n",
              set.size(), quotes, s.quotes.precision(), s.quotes.recall(), s.quotes.f1(),
              s.speaker_accuracy());
  EXPECT_GE(s.quotes.f1(), kMinQuoteF1);
  EXPECT_GE(s.speaker_accuracy(), kMinSpeakerAccuracy);
}

TEST(QuoteSet, SpeakerMatching) {
  EXPECT_TRUE(same_speaker("General Motors", "GM"));
  EXPECT_TRUE(same_speaker("Jens Stoltenberg", "Stoltenberg"));
  EXPECT_FALSE(same_speaker("Joe Biden", "Jill"));
  EXPECT_FALSE(same_speaker("Joe Biden", ""));
}

}  // namespace
}  // namespace lede::analysis_test
