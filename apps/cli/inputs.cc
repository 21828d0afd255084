#include "inputs.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

namespace lede::cli {

namespace fs = std::filesystem;

InputWalker::InputWalker(std::vector<std::string> args) : args_(std::move(args)) {}

void InputWalker::expand_directory(const fs::path& dir) {
  std::vector<Input> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    pending_.push_back({dir.string(), "cannot read directory: " + ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      found.push_back({it->path().string(), "cannot read directory: " + ec.message()});
      ec.clear();
      continue;
    }
    std::error_code type_ec;
    if (it->is_regular_file(type_ec)) found.push_back({it->path().string(), ""});
  }
  std::sort(found.begin(), found.end(),
            [](const Input& a, const Input& b) { return a.path > b.path; });
  pending_ = std::move(found);
}

std::optional<Input> InputWalker::next() {
  while (true) {
    if (!pending_.empty()) {
      Input in = std::move(pending_.back());
      pending_.pop_back();
      return in;
    }
    if (arg_ >= args_.size()) return std::nullopt;
    const std::string& arg = args_[arg_++];
    std::error_code ec;
    if (arg != "-" && fs::is_directory(arg, ec)) {
      expand_directory(arg);
      continue;
    }
    return Input{arg, ""};
  }
}

std::optional<std::string> read_input(const std::string& path, uint64_t max_bytes,
                                      std::string& error) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) {
    error = std::string("cannot open: ") + std::strerror(errno);
    return std::nullopt;
  }
  std::string data;
  char buf[1 << 16];
  bool failed = false;
  while (true) {
    size_t n = std::fread(buf, 1, sizeof buf, f);
    data.append(buf, n);
    if (data.size() > max_bytes) break;  // the extractor reports kTooLarge
    if (n < sizeof buf) {
      failed = std::ferror(f);
      break;
    }
  }
  int saved = errno;
  if (f != stdin) std::fclose(f);
  if (failed) {
    error = std::string("cannot read: ") + std::strerror(saved);
    return std::nullopt;
  }
  return data;
}

}  // namespace lede::cli
