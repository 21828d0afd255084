// Turning the command line's INPUT arguments into a stream of inputs.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace lede::cli {

struct Input {
  std::string path;   // as given, or found under a directory; "-" is stdin
  std::string error;  // set when the input cannot even be listed
};

// Walks the arguments in order; directories are walked recursively in
// sorted order so that runs are repeatable. Unreadable directories yield an
// Input carrying the error rather than stopping the walk.
class InputWalker {
 public:
  explicit InputWalker(std::vector<std::string> args);
  std::optional<Input> next();

 private:
  void expand_directory(const std::filesystem::path& dir);

  std::vector<std::string> args_;
  size_t arg_ = 0;
  std::vector<Input> pending_;  // files of the directory being walked, reversed
};

// Reads a whole file or stdin, up to max_bytes (+1 to detect overflow).
std::optional<std::string> read_input(const std::string& path, uint64_t max_bytes,
                                      std::string& error);

}  // namespace lede::cli
