// Scores time expressions and people on MEANTIME, per topic, for tuning by hand:
//   analysis_meantime_eval [times|people|text] [TOPIC] [-v]
// `text` prints the rebuilt articles (for annotating quotes on them).
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "meantime.h"
#include "quote_set.h"

using namespace lede::analysis_test;

int main(int argc, char** argv) {
  const std::string what = argc > 1 ? argv[1] : "times";
  std::string only = argc > 2 && argv[2][0] != '-' ? argv[2] : "";
  const bool verbose = argc > 1 && !std::strcmp(argv[argc - 1], "-v");
  if (what == "quotes") {
    std::string errors, report;
    auto set = read_quote_set(LEDE_QUOTES_DIR, &errors);
    std::cout << errors;
    size_t n = 0;
    for (const auto& a : set) n += a.quotes.size();
    QuoteScores s = score_quotes(set, verbose ? &report : nullptr);
    std::cout << report;
    std::printf("quotes: %zu articles, %zu quotes; P %.3f R %.3f F1 %.3f; speaker accuracy %.3f\n",
                set.size(), n, s.quotes.precision(), s.quotes.recall(), s.quotes.f1(),
                s.speaker_accuracy());
    return 0;
  }
  if (meantime_dir().empty()) {
    std::cerr << "MEANTIME not found (set LEDE_DATA_DIR)\n";
    return 2;
  }
  for (const char* topic : {"corpus_airbus", "corpus_apple", "corpus_gm", "corpus_stock"}) {
    if (!only.empty() && only != topic) continue;
    auto articles = read_meantime_topic(topic);
    std::string report;
    if (what == "text") {
      for (const auto& a : articles)
        std::cout << "=== " << a.id << " " << a.creation_time << "\n" << a.text << "\n\n";
    } else if (what == "times") {
      TimexScores s = score_times(articles, verbose ? &report : nullptr);
      std::printf("%-14s gold %4zu pred %4zu  span F1 relaxed %.3f strict %.3f  value F1 %.3f\n",
                  topic, s.relaxed.gold, s.relaxed.predicted, s.relaxed.f1(), s.strict.f1(),
                  s.value.f1());
    } else {
      Score s = score_people(articles, verbose ? &report : nullptr);
      std::printf("%-14s gold %4zu pred %4zu  P %.3f R %.3f F1 %.3f\n", topic, s.gold, s.predicted,
                  s.precision(), s.recall(), s.f1());
    }
    std::cout << report;
  }
}
