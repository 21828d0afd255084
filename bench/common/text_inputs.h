// What the text benchmarks share: reading a set of text dumps into memory and
// timing by the CPU time of the measuring thread.
#pragma once

#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace lede::bench {

// The directories named on the command line, or the AEB w3m and lynx dumps.
inline std::vector<std::string> text_dirs(int argc, char** argv, const std::string& data_dir) {
  std::vector<std::string> dirs(argv + 1, argv + argc);
  if (dirs.empty()) dirs = {data_dir + "/aeb-text/w3m", data_dir + "/aeb-text/lynx"};
  return dirs;
}

// Every regular file of the directories (missing ones are passed over), whole.
inline std::vector<std::string> read_files(const std::vector<std::string>& dirs) {
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
inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

}  // namespace lede::bench
