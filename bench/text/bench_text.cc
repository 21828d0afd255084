// bench_text [DIR...]: throughput of text mode. Loads every file of the given
// directories (default: the AEB w3m and lynx dumps under LEDE_DATA_DIR) into
// memory, then runs article_from_text over all of them several times on one
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

#include "news/text_mode.h"

namespace {

constexpr int kPasses = 5;  // best of several passes, to damp noise from a shared machine

std::vector<std::string> load(const std::vector<std::string>& dirs) {
  std::vector<std::string> docs;
  for (const auto& dir : dirs) {
    if (!std::filesystem::is_directory(dir)) continue;
    for (const auto& e : std::filesystem::directory_iterator(dir)) {
      if (!e.is_regular_file()) continue;
      std::ifstream in(e.path(), std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      docs.push_back(ss.str());
    }
  }
  return docs;
}

// CPU time of this thread: on a shared machine wall time also counts other people's work.
double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> dirs(argv + 1, argv + argc);
  if (dirs.empty()) {
    dirs = {std::string(LEDE_DATA_DIR) + "/aeb-text/w3m",
            std::string(LEDE_DATA_DIR) + "/aeb-text/lynx"};
  }
  const std::vector<std::string> docs = load(dirs);
  if (docs.empty()) {
    std::fprintf(stderr, "bench_text: no input files (looked in %s ...)\n", dirs[0].c_str());
    return 2;
  }
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.size();
  double best_wall = 1e30, best_cpu = 1e30;
  size_t checksum = 0;
  for (int pass = 0; pass < kPasses; ++pass) {
    const double c0 = thread_cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    for (const auto& d : docs) checksum += lede::news::article_from_text(d).text.size();
    const auto t1 = std::chrono::steady_clock::now();
    best_cpu = std::min(best_cpu, thread_cpu_seconds() - c0);
    best_wall = std::min(best_wall, std::chrono::duration<double>(t1 - t0).count());
  }
  std::printf("text mode: %zu documents, %.2f MB, best of %d passes: %.1f MB/s of thread CPU "
              "time (%.3f s), %.1f MB/s wall (%.3f s); one thread; body bytes %zu\n",
              docs.size(), bytes / 1e6, kPasses, bytes / 1e6 / best_cpu, best_cpu,
              bytes / 1e6 / best_wall, best_wall, checksum / kPasses);
  return 0;
}
