// Compares `lede extract` records of the Readability.js test pages with the
// content Readability.js itself extracts (each page's expected.html), by the
// AEB metric. Readability's output is a reference, not the truth: this is a
// regression floor that catches a page losing its article altogether.
//
//   lede-readability-compare PAGES_DIR RECORDS_JSONL [--min-f1 F] [--worst N]
//
// Exit status: 0 when the mean F1 holds the floor, 1 below it, 2 on bad input.
#include <fmt/core.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "aeb_score.h"
#include "html/dom.h"
#include "html/parse.h"

namespace fs = std::filesystem;
using lede::html::NodeId;

namespace {

// The text of an HTML fragment, one line per text node: enough for a token metric.
std::string text_of_html(const std::string& html) {
  lede::html::Document doc;
  lede::html::parse(html, doc, lede::html::DomLimits{});
  std::string out;
  for (NodeId n = doc.root(); n != lede::html::kNoNode; n = doc.next_in(n, doc.root())) {
    if (!doc.is_text(n)) continue;
    out += doc.text(n);
    out += '\n';
  }
  return out;
}

std::string read_file(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Scores lede's records of the Readability.js test pages against Readability.js"};
  std::string pages_dir, records;
  double min_f1 = 0;
  size_t worst = 10;
  app.add_option("pages", pages_dir, "readability-pages folder (<slug>/expected.html)")->required();
  app.add_option("records", records, "JSON Lines from `lede extract <slug>/source.html ...`")
      ->required();
  app.add_option("--min-f1", min_f1, "exit 1 when the mean F1 is below this floor");
  app.add_option("--worst", worst, "list this many lowest-F1 pages");
  CLI11_PARSE(app, argc, argv);

  std::ifstream in(records);
  if (!in) {
    std::cerr << "cannot read " << records << "\n";
    return 2;
  }
  std::vector<std::pair<double, std::string>> scores;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.contains("source")) {
      std::cerr << "not a lede record: " << line.substr(0, 80) << "\n";
      return 2;
    }
    const fs::path source = j["source"].value("path", "");
    const std::string slug = source.parent_path().filename().string();
    const fs::path expected = fs::path(pages_dir) / slug / "expected.html";
    if (!fs::exists(expected)) continue;
    const std::string text =
        j.contains("text") && j["text"].is_string() ? j["text"].get<std::string>() : "";
    auto page = lede::quality::score_page(text_of_html(read_file(expected)), text);
    scores.emplace_back(page.f1(), slug);
  }
  if (scores.empty()) {
    std::cerr << "no record matched a page with expected.html under " << pages_dir << "\n";
    return 2;
  }
  double sum = 0;
  for (const auto& s : scores) sum += s.first;
  const double mean = sum / static_cast<double>(scores.size());
  fmt::print("pages {}  mean F1 against Readability.js {:.4f}\n", scores.size(), mean);
  std::sort(scores.begin(), scores.end());
  for (size_t i = 0; i < std::min(worst, scores.size()); ++i)
    fmt::print("  {:.3f}  {}\n", scores[i].first, scores[i].second);
  if (mean < min_f1) {
    fmt::print("FAIL: mean F1 {:.4f} is below the floor {:.4f}\n", mean, min_f1);
    return 1;
  }
  return 0;
}
