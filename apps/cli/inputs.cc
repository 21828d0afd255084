#include "inputs.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace lede::cli {

bool has_warc_name(const std::string& path) {
  auto ends = [&](std::string_view suffix) {
    if (path.size() < suffix.size()) return false;
    for (size_t i = 0; i < suffix.size(); ++i)
      if (std::tolower(static_cast<unsigned char>(path[path.size() - suffix.size() + i])) !=
          suffix[i])
        return false;
    return true;
  };
  return ends(".warc") || ends(".warc.gz");
}

// Grows the buffer by half its size (at least 64 KiB) as data arrives.
bool read_some(int fd, std::string& out, size_t limit) {
  constexpr size_t kStep = 64 << 10;
  size_t have = out.size();
  while (have < limit) {
    if (out.size() == have) out.resize(std::min(limit, std::max(have + kStep, have + have / 2)));
    ssize_t n = ::read(fd, out.data() + have, out.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      out.resize(have);
      return false;
    }
    if (n == 0) break;
    have += static_cast<size_t>(n);
  }
  out.resize(have);
  return true;
}

namespace fs = std::filesystem;

std::optional<FileId> file_id(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::nullopt;
  return FileId{st.st_dev, st.st_ino};
}

InputWalker::InputWalker(std::vector<std::string> args, std::string files_from, WalkOptions options)
    : args_(std::move(args)), files_from_(std::move(files_from)), options_(options) {}

InputWalker::~InputWalker() {
  if (list_ && list_ != stdin) std::fclose(list_);
}

void InputWalker::push_directory(const std::string& dir) {
  if (std::optional<FileId> id = file_id(dir)) {
    if (!visited_.insert(*id).second) {
      warnings_.push_back(dir +
                          ": a directory already walked (a symbolic link loop); not walked "
                          "again");
      return;
    }
  }
  Level level;
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) {
    problems_.push_back({dir, "cannot read directory: " + ec.message()});
    return;
  }
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) {
      problems_.push_back({dir, "cannot read directory: " + ec.message()});
      break;
    }
    std::error_code type_ec;
    bool is_dir = it->is_directory(type_ec);  // follows a link
    if (is_dir && !options_.follow && it->is_symlink(type_ec)) {
      ++links_not_followed_;
      continue;
    }
    if (!is_dir && !it->is_regular_file(type_ec)) continue;
    if (!is_dir && options_.excluded) {
      // The run's own output is never read back as an input.
      std::optional<FileId> id = file_id(it->path().string());
      if (id && *id == *options_.excluded) continue;
    }
    level.entries.emplace_back(it->path().string(), is_dir);
  }
  std::sort(level.entries.begin(), level.entries.end());
  levels_.push_back(std::move(level));
}

std::optional<std::string> InputWalker::next_argument() {
  if (arg_ < args_.size()) return args_[arg_++];
  if (files_from_.empty() || list_done_) return std::nullopt;
  if (!list_) {
    list_ = files_from_ == "-" ? stdin : std::fopen(files_from_.c_str(), "r");
    if (!list_) {
      list_done_ = true;
      problems_.push_back(
          {files_from_, std::string("cannot open the file list: ") + std::strerror(errno)});
      return std::nullopt;
    }
  }
  std::string line;
  while (true) {
    line.clear();
    int c;
    while ((c = std::fgetc(list_)) != EOF && c != '\n') line.push_back(static_cast<char>(c));
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) return line;
    if (c == EOF) {
      list_done_ = true;
      return std::nullopt;
    }
  }
}

std::optional<Input> InputWalker::next() {
  while (true) {
    if (!problems_.empty()) {
      Input in = std::move(problems_.front());
      problems_.erase(problems_.begin());
      return in;
    }
    if (!levels_.empty()) {
      Level& level = levels_.back();
      if (level.next == level.entries.size()) {
        levels_.pop_back();
        continue;
      }
      auto [path, is_dir] = level.entries[level.next++];
      if (is_dir) {
        push_directory(path);
        continue;
      }
      return Input{path, ""};
    }
    std::optional<std::string> arg = next_argument();
    if (!arg) {
      if (!problems_.empty()) continue;
      return std::nullopt;
    }
    std::error_code ec;
    if (*arg != "-" && fs::is_directory(*arg, ec)) {
      push_directory(*arg);
      continue;
    }
    return Input{*arg, ""};
  }
}

uint64_t total_input_bytes(const std::vector<std::string>& args, const std::string& files_from) {
  if (!files_from.empty()) return 0;
  uint64_t total = 0;
  for (const std::string& arg : args) {
    std::error_code ec;
    if (arg == "-" || !fs::is_regular_file(arg, ec)) return 0;
    total += fs::file_size(arg, ec);
  }
  return total;
}

}  // namespace lede::cli
