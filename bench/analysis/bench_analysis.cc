// bench_analysis [DIR...]: throughput of the news analysis (quotes, people, time
// expressions). Reads every file of the given directories (default: the AEB w3m
// and lynx dumps under LEDE_DATA_DIR), takes each article body with text mode
// (not timed), then runs lede::analysis::analyze over all bodies several times on one
// thread and reports the best pass in MB/s of body text, by thread CPU time and
// by wall time, with what it found as a check that the work was done.
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../common/text_inputs.h"
#include "analysis/analyze.h"
#include "lede/lede.h"

namespace {

constexpr int kPasses = 5;  // best of several passes, to damp noise from a shared machine

// Article bodies taken from the dumps by text mode (not timed).
std::vector<lede::Article> load(const std::vector<std::string>& dirs) {
  std::vector<lede::Article> out;
  for (const std::string& doc : lede::bench::read_files(dirs)) {
    lede::Options options;
    options.from = lede::InputFormat::kText;
    auto a = lede::extract(doc, options);
    if (a) out.push_back(std::move(*a));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> dirs = lede::bench::text_dirs(argc, argv, LEDE_DATA_DIR);
  std::vector<lede::Article> articles = load(dirs);
  if (articles.empty()) {
    std::fprintf(stderr, "bench_analysis: no input files (looked in %s ...)\n", dirs[0].c_str());
    return 2;
  }
  size_t bytes = 0;
  for (const auto& a : articles) bytes += a.text.size();
  lede::analysis::AnalyzeOptions options;
  options.reference_date = "2023-06-13";  // a fixed date: the pages give theirs unevenly
  double best_wall = 1e30, best_cpu = 1e30;
  size_t quotes = 0, people = 0, times = 0;
  for (int pass = 0; pass < kPasses; ++pass) {
    quotes = people = times = 0;
    const double cpu0 = lede::bench::thread_cpu_seconds();
    const auto wall0 = std::chrono::steady_clock::now();
    for (auto& a : articles) {
      lede::analysis::analyze(a, options);
      quotes += a.quotes.size();
      people += a.entities.size();
      times += a.times.size();
    }
    const double cpu = lede::bench::thread_cpu_seconds() - cpu0;
    const double wall =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    best_cpu = std::min(best_cpu, cpu);
    best_wall = std::min(best_wall, wall);
  }
  const double mb = bytes / 1e6;
  std::printf("%zu bodies, %.2f MB of text; found %zu quotes, %zu people, %zu time expressions\n",
              articles.size(), mb, quotes, people, times);
  std::printf("thread CPU: %.1f MB/s (%.3f s)   wall: %.1f MB/s (%.3f s)   best of %d\n",
              mb / best_cpu, best_cpu, mb / best_wall, best_wall, kPasses);
}
