#include "file_run.h"

#include <algorithm>

#include "inputs.h"  // the CLI's input walker: directories in the same order
#include "lede/output.h"

namespace lede::python {
namespace {

// Items the reader may run ahead of the caller, per worker: enough that no
// worker waits while the caller handles one record.
constexpr size_t kItemsAheadPerJob = 8;
// Input bytes the reader may hold ahead of the caller, so a run of very large
// pages cannot multiply memory (one item is always allowed).
constexpr uint64_t kBytesAhead = 256ull << 20;

}  // namespace

FileRun::FileRun(std::vector<std::string> paths, Options options, From from, unsigned jobs)
    : paths_(std::move(paths)),
      options_(std::move(options)),
      from_(from),
      // The caller takes one record at a time: a worker wakes it for each.
      pool_(std::max(1u, jobs) * kItemsAheadPerJob, kBytesAhead, 1) {
  pool_.start(std::max(1u, jobs),
              [this](Extractor& extractor, const Item& item) { return process(extractor, item); });
  reader_ = std::thread([this] { read_all(); });
}

FileRun::~FileRun() { close(); }

void FileRun::close() {
  closed_ = true;
  pool_.stop();
  if (reader_.joinable()) reader_.join();
  ready_.clear();
  next_ready_ = 0;
}

void FileRun::count_skip(const std::string& reason) {
  std::lock_guard lock(mu_);
  ++skipped_[reason];
}

void FileRun::read_all() {
  // Paths are files or directories; "-" has no meaning here and reads as a
  // file of that name. The walker's stdin list is not used.
  cli::InputWalker walker(paths_, "");
  cli::ReadSettings settings;
  settings.from = from_;
  settings.limits = options_.limits;
  settings.raise_limit_hint = "raise max_bytes";
  while (std::optional<cli::Input> input = walker.next()) {
    if (pool_.reading_stopped()) break;
    cli::read_input(*input, settings, *this);
  }
  pool_.reader_done();
}

FileRun::Done FileRun::process(Extractor& extractor, const Item& item) const {
  cli::ItemResult result = cli::process_item(extractor, item, options_, from_);
  Done done;
  done.skipped = std::move(result.skipped);
  done.no_content = result.no_content;
  done.truncated = result.truncated;
  if (result.article) {
    done.record = RunRecord{to_json(*result.article), "", ""};
  } else if (result.error) {
    done.record =
        RunRecord{error_to_json(*result.error, result.source),
                  std::string(error_code_name(result.error->code)), result.error->message};
  }
  return done;
}

std::optional<RunRecord> FileRun::next() {
  // Once stopped, the pool may hold items no worker will make.
  if (closed_) return std::nullopt;
  while (true) {
    if (next_ready_ == ready_.size()) {
      ready_.clear();
      next_ready_ = 0;
      if (pool_.take(ready_, std::nullopt) && ready_.empty()) return std::nullopt;
      continue;
    }
    Done done = std::move(ready_[next_ready_++]);
    std::lock_guard lock(mu_);
    truncated_ += done.truncated;
    if (!done.skipped.empty()) {
      ++skipped_[done.skipped];
      continue;
    }
    no_content_ += done.no_content;
    return std::move(done.record);
  }
}

std::map<std::string, uint64_t> FileRun::skipped() {
  std::lock_guard lock(mu_);
  return skipped_;
}

uint64_t FileRun::no_content() {
  std::lock_guard lock(mu_);
  return no_content_;
}

uint64_t FileRun::truncated() {
  std::lock_guard lock(mu_);
  return truncated_;
}

}  // namespace lede::python
