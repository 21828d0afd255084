// bench_text [DIR...]: throughput of text mode. Loads every file of the given
// directories (default: the AEB w3m and lynx dumps under LEDE_DATA_DIR) into
// memory, then runs read_text over all of them several times on one
// thread and reports the best pass in MB/s, by thread CPU time and by wall time.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "../common/text_inputs.h"
#include "textmode/text_mode.h"

namespace {

constexpr int kPasses = 5;  // best of several passes, to damp noise from a shared machine

}  // namespace

int main(int argc, char** argv) {
  const std::vector<std::string> dirs = lede::bench::text_dirs(argc, argv, LEDE_DATA_DIR);
  const std::vector<std::string> docs = lede::bench::read_files(dirs);
  if (docs.empty()) {
    std::fprintf(stderr, "bench_text: no input files (looked in %s ...)\n", dirs[0].c_str());
    return 2;
  }
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  double best_wall = 1e30, best_cpu = 1e30;
  size_t checksum = 0;
  for (int pass = 0; pass < kPasses; ++pass) {
    const double c0 = lede::bench::thread_cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& d : docs) checksum += lede::textmode::read_text(d).text.size();
    const auto t1 = std::chrono::steady_clock::now();
    best_cpu = std::min(best_cpu, lede::bench::thread_cpu_seconds() - c0);
    best_wall = std::min(best_wall, std::chrono::duration<double>(t1 - t0).count());
  }
  std::printf(
      "text mode: %zu documents, %.2f MB, best of %d passes: %.1f MB/s of thread CPU "
      "time (%.3f s), %.1f MB/s wall (%.3f s); one thread; body bytes %zu\n",
      docs.size(), bytes / 1e6, kPasses, bytes / 1e6 / best_cpu, best_cpu, bytes / 1e6 / best_wall,
      best_wall, checksum / kPasses);
  return 0;
}
