// Running a program as a black box in a test: its exit code, what it wrote to
// standard output and error, and its JSON Lines parsed. The tests of the
// lede binary (tests/cli, tests/hostile) share these.
//
//   CommandOutcome r = run_command(std::string(LEDE_BINARY) + " extract " + page, dir / "err");
//   EXPECT_EQ(r.status, 0) << r.err;
//   std::vector<nlohmann::json> records = json_lines(r.out);
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

namespace lede::testing {

struct CommandOutcome {
  int status = -1;  // exit code, or 128 + the signal that ended it
  std::string out;
  std::string err;  // empty when standard error was not kept
};

// The whole file at `path` ("" when it cannot be read).
inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Each non-empty line of `out` parsed as JSON.
inline std::vector<nlohmann::json> json_lines(const std::string& out) {
  std::vector<nlohmann::json> v;
  std::istringstream in(out);
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) v.push_back(nlohmann::json::parse(line));
  return v;
}

// A wait status as a shell gives it: the exit code, or 128 + the signal.
inline int exit_code(int wait_status) {
  if (WIFEXITED(wait_status)) return WEXITSTATUS(wait_status);
  if (WIFSIGNALED(wait_status)) return 128 + WTERMSIG(wait_status);
  return -1;
}

// Runs `command` through the shell and collects its standard output; its
// standard error goes to `err_file` and is read back, or is thrown away when
// `err_file` is empty. `command` may hold redirections of its own.
inline CommandOutcome run_command(const std::string& command,
                                  const std::filesystem::path& err_file = {}) {
  const std::string cmd =
      command + " 2>" + (err_file.empty() ? std::string("/dev/null") : err_file.string());
  CommandOutcome r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  r.status = exit_code(pclose(p));
  if (!err_file.empty()) r.err = read_file(err_file);
  return r;
}

}  // namespace lede::testing
