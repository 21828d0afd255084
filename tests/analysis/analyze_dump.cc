// Prints what the news analysis finds in a story, for reading by hand:
//   analysis_dump story.txt [--date 2023-06-13] [--text]
// Input is scraped text (text mode) unless --text says it is already a body.
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>

#include "analysis/analyze.h"
#include "lede/lede.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: analysis_dump FILE [--date YYYY-MM-DD] [--text]\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  lede::analysis::AnalyzeOptions options;
  bool body = false;
  for (int i = 2; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--date") && i + 1 < argc) options.reference_date = argv[++i];
    if (!std::strcmp(argv[i], "--text")) body = true;
  }
  lede::Article a;
  if (body) {
    a.text = ss.str();
    lede::analysis::analyze(a, options);
  } else {
    lede::Options extract;
    extract.from = lede::InputFormat::kText;
    extract.analyze = true;
    extract.reference_date = options.reference_date;
    auto article = lede::extract(ss.str(), extract);
    if (!article) {
      std::cerr << article.error().message << "\n";
      return 1;
    }
    a = std::move(*article);
  }
  for (const auto& q : a.quotes)
    std::cout << "QUOTE " << q.kind << " [" << q.speaker << "] (" << q.cue << ") " << q.text
              << "\n";
  for (const auto& e : a.entities) {
    std::cout << "PERSON " << e.name << " |";
    for (const auto& t : e.titles) std::cout << " " << t << ";";
    std::cout << " x" << e.mentions.size() << "\n";
  }
  for (const auto& t : a.times)
    std::cout << "TIME " << t.type << " " << t.value << (t.modifier.empty() ? "" : " " + t.modifier)
              << " | " << t.text << "\n";
}
