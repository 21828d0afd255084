// lede-aeb-score: scores extracted article bodies against the AEB ground truth.
//
//   lede extract --quiet ../shared/data/aeb/html > aeb.jsonl
//   lede-aeb-score --truth ../shared/data/aeb/ground-truth.json aeb.jsonl --min-f1 0.96
//
// Exit codes: 0 all floors met, 1 a figure is below its floor, 2 usage or
// unreadable input.
#include <fmt/core.h>
#include <fmt/ostream.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include "aeb_score.h"

namespace {

using lede::quality::PageScore;

// Ids listed when pages have no prediction; the count is always printed.
constexpr size_t kMaxListedMissing = 20;

struct Options {
  std::string truth_path;
  std::string predictions_path;
  std::optional<double> min_f1;
  std::optional<double> min_accuracy;
  size_t worst = 10;
  std::string per_page_path;
};

std::string format_optional(const std::optional<double>& x) {
  return x ? fmt::format("{:.4f}", *x) : std::string("-");
}

bool write_per_page(const std::string& path, const std::vector<PageScore>& pages,
                    const lede::quality::Predictions& predictions) {
  std::ofstream out(path);
  if (!out) return false;
  out << "id\tstatus\ttp\tfp\tfn\tprecision\trecall\tf1\texact\n";
  for (const PageScore& page : pages) {
    const char* status = "ok";
    if (!predictions.text_by_id.contains(page.id)) {
      status = "missing";
    } else if (std::find(predictions.error_ids.begin(), predictions.error_ids.end(), page.id) !=
               predictions.error_ids.end()) {
      status = "error";
    }
    fmt::print(out, "{}\t{}\t{:.4f}\t{:.4f}\t{:.4f}\t{}\t{}\t{:.4f}\t{}\n", page.id, status,
               page.tp, page.fp, page.fn, format_optional(page.precision()),
               format_optional(page.recall()), page.f1(), page.exact ? 1 : 0);
  }
  return static_cast<bool>(out);
}

int run(const Options& options) {
  auto truth = lede::quality::load_truth(options.truth_path);
  if (!truth) {
    fmt::print(stderr, "lede-aeb-score: {}\n", truth.error().message);
    return 2;
  }
  auto predictions = lede::quality::load_predictions(options.predictions_path);
  if (!predictions) {
    fmt::print(stderr, "lede-aeb-score: {}\n", predictions.error().message);
    return 2;
  }

  std::vector<PageScore> pages;
  std::vector<std::string> missing;
  for (const auto& [id, body] : *truth) {
    auto it = predictions->text_by_id.find(id);
    if (it == predictions->text_by_id.end()) missing.push_back(id);
    PageScore page =
        lede::quality::score_page(body, it == predictions->text_by_id.end() ? "" : it->second);
    page.id = id;
    pages.push_back(std::move(page));
  }
  size_t unknown = 0;
  for (const auto& [id, text] : predictions->text_by_id) unknown += truth->contains(id) ? 0 : 1;

  if (!missing.empty()) {
    fmt::print(stderr,
               "lede-aeb-score: {} page(s) have no prediction, scored as empty:", missing.size());
    for (size_t i = 0; i < std::min(missing.size(), kMaxListedMissing); ++i) {
      fmt::print(stderr, " {}", missing[i]);
    }
    fmt::print(stderr, "{}\n", missing.size() > kMaxListedMissing ? " ..." : "");
  }
  if (unknown > 0) {
    fmt::print(stderr, "lede-aeb-score: {} prediction(s) for pages not in the truth, ignored\n",
               unknown);
  }

  const lede::quality::Summary s = lede::quality::summarize(pages);
  fmt::print("pages      {} ({} error records, {} without a prediction)\n", s.pages,
             predictions->error_ids.size(), missing.size());
  fmt::print("F1         {:.4f} ± {:.4f}\n", s.f1.value, s.f1.std);
  fmt::print("precision  {:.4f} ± {:.4f}\n", s.precision.value, s.precision.std);
  fmt::print("recall     {:.4f} ± {:.4f}\n", s.recall.value, s.recall.std);
  fmt::print("accuracy   {:.4f} ± {:.4f}\n", s.accuracy.value, s.accuracy.std);

  if (options.worst > 0 && !pages.empty()) {
    std::vector<const PageScore*> order;
    for (const PageScore& page : pages) order.push_back(&page);
    std::stable_sort(order.begin(), order.end(),
                     [](const PageScore* a, const PageScore* b) { return a->f1() < b->f1(); });
    const size_t n = std::min(options.worst, order.size());
    fmt::print("\nworst {} page(s) by F1:\n{:<66} {:>6} {:>6} {:>6}\n", n, "id", "F1", "P", "R");
    for (size_t i = 0; i < n; ++i) {
      const PageScore& page = *order[i];
      fmt::print("{:<66} {:>6.3f} {:>6} {:>6}\n", page.id, page.f1(),
                 format_optional(page.precision()).substr(0, 5),
                 format_optional(page.recall()).substr(0, 5));
    }
  }

  if (!options.per_page_path.empty() &&
      !write_per_page(options.per_page_path, pages, *predictions)) {
    fmt::print(stderr, "lede-aeb-score: cannot write {}\n", options.per_page_path);
    return 2;
  }

  bool pass = true;
  if (options.min_f1 && s.f1.value < *options.min_f1) {
    fmt::print(stderr, "FAIL: F1 {:.4f} is below the floor {:.4f}\n", s.f1.value, *options.min_f1);
    pass = false;
  }
  if (options.min_accuracy && s.accuracy.value < *options.min_accuracy) {
    fmt::print(stderr, "FAIL: accuracy {:.4f} is below the floor {:.4f}\n", s.accuracy.value,
               *options.min_accuracy);
    pass = false;
  }
  return pass ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Scores article bodies against the article extraction benchmark's ground truth."};
  Options options;
  app.add_option("--truth", options.truth_path, "ground-truth.json of the benchmark")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("predictions", options.predictions_path,
                 "JSON Lines as `lede extract` writes them")
      ->required()
      ->check(CLI::ExistingFile);
  app.add_option("--min-f1", options.min_f1, "exit 1 when F1 is below this floor");
  app.add_option("--min-accuracy", options.min_accuracy,
                 "exit 1 when accuracy is below this floor");
  app.add_option("--worst", options.worst, "list this many lowest-F1 pages (default 10)");
  app.add_option("--per-page", options.per_page_path, "write per-page scores to this TSV file");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  return run(options);
}
