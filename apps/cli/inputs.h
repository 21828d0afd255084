// Turning the command line's inputs into a stream of paths: INPUT
// arguments, then the lines of --files-from; directories are walked
// recursively, each level in sorted order, so runs are repeatable and a
// tree of millions of files is never listed all at once.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

namespace lede::cli {

struct Input {
  std::string path;   // as given, or found under a directory; "-" is stdin
  std::string error;  // set when the input cannot even be listed or read
};

class InputWalker {
 public:
  // `files_from` is a file of paths, one a line ("-": stdin), or "".
  InputWalker(std::vector<std::string> args, std::string files_from);
  ~InputWalker();
  InputWalker(const InputWalker&) = delete;
  InputWalker& operator=(const InputWalker&) = delete;

  std::optional<Input> next();

 private:
  struct Level {
    std::vector<std::pair<std::string, bool>> entries;  // path, is a directory; sorted
    size_t next = 0;
  };
  std::optional<std::string> next_argument();
  void push_directory(const std::string& dir);

  std::vector<std::string> args_;
  size_t arg_ = 0;
  std::string files_from_;
  FILE* list_ = nullptr;  // open --files-from file
  bool list_done_ = false;
  std::vector<Level> levels_;    // the directory walk under way
  std::vector<Input> problems_;  // directories that could not be read, to report next
};

// The summed size of the inputs when all are regular files named on the
// command line (what an ETA needs), or 0 when unknown.
uint64_t total_input_bytes(const std::vector<std::string>& args, const std::string& files_from);

}  // namespace lede::cli
