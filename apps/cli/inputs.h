// Turning the command line's inputs into a stream of paths: INPUT
// arguments, then the lines of --files-from; directories are walked
// recursively, each level in sorted order, so runs are repeatable and a
// tree of millions of files is never listed all at once.
//
// A walk does not enter symbolic links to directories unless told to
// (`follow`); either way each directory is walked at most once (by device
// and inode), so a link loop ends, with a warning. One file, the run's own
// output, can be left out of every walk.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace lede::cli {

struct Input {
  std::string path;   // as given, or found under a directory; "-" is stdin
  std::string error;  // set when the input cannot even be listed or read
};

// A file's identity: device and inode.
struct FileId {
  dev_t dev = 0;
  ino_t ino = 0;
  bool operator<(const FileId& o) const { return dev != o.dev ? dev < o.dev : ino < o.ino; }
  bool operator==(const FileId& o) const { return dev == o.dev && ino == o.ino; }
};

// True when the name ends in .warc or .warc.gz (any case).
bool has_warc_name(const std::string& path);

// Reads until `out` holds `limit` bytes or the input ends; false on a read
// error. The buffer grows as data arrives, never to `limit` up front.
bool read_some(int fd, std::string& out, size_t limit);

// The identity of the file at `path` (symbolic links followed), if it exists.
std::optional<FileId> file_id(const std::string& path);

struct WalkOptions {
  bool follow = false;             // enter symbolic links to directories
  std::optional<FileId> excluded;  // a file never given as an input from a walk
};

class InputWalker {
 public:
  // `files_from` is a file of paths, one a line ("-": stdin), or "".
  InputWalker(std::vector<std::string> args, std::string files_from, WalkOptions options = {});
  ~InputWalker();
  InputWalker(const InputWalker&) = delete;
  InputWalker& operator=(const InputWalker&) = delete;

  std::optional<Input> next();

  // Symbolic links to directories passed over (without `follow`).
  uint64_t links_not_followed() const { return links_not_followed_; }
  // Directories met again and not walked twice (link loops), as
  // "PATH: ..." lines for a warning; taken by the caller as it goes.
  std::vector<std::string> take_warnings() { return std::exchange(warnings_, {}); }

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
  WalkOptions options_;
  FILE* list_ = nullptr;  // open --files-from file
  bool list_done_ = false;
  std::vector<Level> levels_;    // the directory walk under way
  std::vector<Input> problems_;  // directories that could not be read, to report next
  std::set<FileId> visited_;     // directories walked so far
  uint64_t links_not_followed_ = 0;
  std::vector<std::string> warnings_;
};

// The summed size of the inputs when all are regular files named on the
// command line (what an ETA needs), or 0 when unknown.
uint64_t total_input_bytes(const std::vector<std::string>& args, const std::string& files_from);

}  // namespace lede::cli
