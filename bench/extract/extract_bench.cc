// Speed of body extraction against the parse it starts from.
//
// Holds the 181 AEB pages in memory and, single-threaded and in one run,
// times: gumbo's parse alone (gumbo_parse + gumbo_destroy_output); lede's
// whole extraction (decode, parse, metadata, body, JSON record) on gumbo and
// on lede's own parser; and lede's decode and parse alone.
// Each figure is the best of several passes, so a busy machine slows it
// less. Usage: bench_extract [AEB_HTML_DIR] [PASSES]
#include <gumbo.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "html/parse.h"
#include "input/decode.h"
#include "input/read.h"
#include "lede/lede.h"
#include "lede/output.h"

namespace {

using Clock = std::chrono::steady_clock;

double best_seconds(int passes, const std::function<void()>& pass) {
  double best = 1e30;
  for (int i = 0; i < passes; ++i) {
    auto start = Clock::now();
    pass();
    best = std::min(best, std::chrono::duration<double>(Clock::now() - start).count());
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::string dir = argc > 1 ? argv[1] : std::string(LEDE_DATA_DIR) + "/aeb/html";
  int passes = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<std::string> pages;
  size_t bytes = 0;
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(dir, ec)) files.push_back(e.path());
  if (ec || files.empty()) {
    std::fprintf(stderr, "bench_extract: no pages in %s (set the AEB html folder)\n", dir.c_str());
    return 2;
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    auto raw = lede::input::read_file(f.string(), 1ull << 30);
    if (!raw) continue;
    auto page = lede::input::is_gzip(*raw) ? lede::input::gunzip(*raw, 1ull << 30) : raw;
    if (!page) continue;
    bytes += page->size();
    pages.push_back(std::move(*page));
  }

  size_t sink = 0;  // keeps the optimiser from dropping work
  double gumbo = best_seconds(passes, [&] {
    for (const std::string& p : pages) {
      GumboOptions options = kGumboDefaultOptions;
      options.max_errors = 0;
      GumboOutput* out = gumbo_parse_with_options(&options, p.data(), p.size());
      sink += out->root->v.element.children.length;
      gumbo_destroy_output(&options, out);
    }
  });
  lede::html::Document doc;
  double lede_parse = best_seconds(passes, [&] {
    for (const std::string& p : pages) {
      auto utf8 = lede::input::decode_to_utf8(p, "");
      if (!utf8) continue;
      lede::html::parse(utf8->utf8, doc, lede::html::DomLimits{});
      sink += doc.node_count();
    }
  });
  lede::Extractor extractor;
  size_t records = 0;
  auto extract_all = [&](lede::Parser parser) {
    lede::Options options;
    options.parser = parser;
    return best_seconds(passes, [&] {
      records = 0;
      for (const std::string& p : pages) {
        auto article = extractor.extract(p, options);
        if (article) {
          sink += lede::to_json(*article).size();
          ++records;
        }
      }
    });
  };
  double lede_on_gumbo = extract_all(lede::Parser::kGumbo);
  double lede_full = extract_all(lede::Parser::kLede);

  const double mb = static_cast<double>(bytes) / 1e6;
  const double n = static_cast<double>(pages.size());
  std::printf("%zu pages, %.1f MB, best of %d passes, one thread\n", pages.size(), mb, passes);
  std::printf("| step | pages/s | MB/s | time per page |\n|---|---|---|---|\n");
  std::printf("| gumbo parse alone | %.0f | %.1f | %.2f ms |\n", n / gumbo, mb / gumbo,
              1e3 * gumbo / n);
  std::printf(
      "| lede extract on gumbo (decode, parse, metadata, body, JSON) | %.0f | %.1f | %.2f ms |\n",
      n / lede_on_gumbo, mb / lede_on_gumbo, 1e3 * lede_on_gumbo / n);
  std::printf("| lede parse alone (decode, lede's parser) | %.0f | %.1f | %.2f ms |\n",
              n / lede_parse, mb / lede_parse, 1e3 * lede_parse / n);
  std::printf("| lede extract (decode, parse, metadata, body, JSON) | %.0f | %.1f | %.2f ms |\n",
              n / lede_full, mb / lede_full, 1e3 * lede_full / n);
  std::printf("on gumbo, extraction adds %.0f%% to gumbo's parse time\n",
              100.0 * (lede_on_gumbo - gumbo) / gumbo);
  std::printf("on lede's parser, extraction adds %.0f%% to the parse time\n",
              100.0 * (lede_full - lede_parse) / lede_parse);
  std::printf("lede extract is %.1fx gumbo's parse alone (%zu records)\n", gumbo / lede_full,
              records);
  return sink == 0;
}
