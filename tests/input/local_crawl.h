// Real WARC archives for tests: a local HTTP server (serve.py) on
// 127.0.0.1 and Debian's wget crawling it with --warc-file. No network
// beyond the loopback interface.
#pragma once

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

extern char** environ;

namespace lede::testing {

class LocalServer {
 public:
  // Serves `root` with tests/input/serve.py; port() is 0 when it failed.
  LocalServer(const std::string& script, const std::string& root) {
    int out[2];
    if (pipe(out) != 0) return;
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_addclose(&actions, out[0]);
    std::string python = "python3";
    std::vector<char*> argv = {python.data(), const_cast<char*>(script.c_str()),
                               const_cast<char*>(root.c_str()), nullptr};
    if (posix_spawnp(&pid_, "python3", &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    close(out[1]);
    FILE* f = fdopen(out[0], "r");
    if (f && pid_ > 0 && std::fscanf(f, "%d", &port_) != 1) port_ = 0;
    if (f) std::fclose(f);
  }
  ~LocalServer() {
    if (pid_ > 0) {
      kill(pid_, SIGTERM);
      waitpid(pid_, nullptr, 0);
    }
  }
  int port() const { return port_; }
  std::string url(const std::string& path) const {
    return "http://127.0.0.1:" + std::to_string(port_) + "/" + path;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

inline bool have_wget() { return std::system("wget --version >/dev/null 2>&1") == 0; }

// Fetches `urls` with wget into `warc_base`.warc(.gz) and its .cdx; returns
// the archive's path, or "" when wget did not write one. wget exits 8 when
// a URL answers 404, which some tests want; the archive is what counts.
inline std::string wget_archive(const std::vector<std::string>& urls,
                                const std::filesystem::path& warc_base, bool compress = true) {
  std::filesystem::path list = warc_base.string() + ".urls";
  {
    std::ofstream out(list);
    for (const std::string& u : urls) out << u << "\n";
  }
  std::string cmd = "wget -q --no-proxy --tries=1 --timeout=20 -i '" + list.string() + "' -P '" +
                    warc_base.string() + ".files' --warc-cdx --warc-file='" + warc_base.string() +
                    "'" + (compress ? "" : " --no-warc-compression") + " >/dev/null 2>&1";
  std::system(cmd.c_str());
  std::string path = warc_base.string() + (compress ? ".warc.gz" : ".warc");
  return std::filesystem::exists(path) ? path : "";
}

// (target URI, offset) of the records wget's CDX lists.
inline std::vector<std::pair<std::string, uint64_t>> read_cdx(const std::string& path) {
  std::vector<std::pair<std::string, uint64_t>> rows;
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);  // " CDX a b a m s k r M V g u"
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    size_t pos = 0;
    while (pos <= line.size()) {
      size_t sp = line.find(' ', pos);
      if (sp == std::string::npos) sp = line.size();
      f.push_back(line.substr(pos, sp - pos));
      pos = sp + 1;
    }
    if (f.size() >= 9) rows.emplace_back(f[0], std::stoull(f[8]));
  }
  return rows;
}

}  // namespace lede::testing
