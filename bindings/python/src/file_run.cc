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
      window_(std::max(1u, jobs) * kItemsAheadPerJob) {
  reader_ = std::thread([this] { read_all(); });
  for (unsigned i = 0; i < std::max(1u, jobs); ++i) workers_.emplace_back([this] { work(); });
}

FileRun::~FileRun() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  work_cv_.notify_all();
  room_cv_.notify_all();
  done_cv_.notify_all();
  reader_.join();
  for (auto& w : workers_) w.join();
}

bool FileRun::push(Item item) {
  std::unique_lock lock(mu_);
  room_cv_.wait(lock, [&] {
    return stop_ ||
           (pushed_ - taken_ < window_ && (bytes_ahead_ < kBytesAhead || pushed_ == taken_));
  });
  if (stop_) return false;
  uint64_t seq = pushed_++;
  bytes_ahead_ += item.size();
  queue_.emplace_back(seq, std::move(item));
  work_cv_.notify_one();
  return true;
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
    {
      std::lock_guard lock(mu_);
      if (stop_) break;
    }
    cli::read_input(*input, settings, *this);
  }
  std::lock_guard lock(mu_);
  reader_done_ = true;
  work_cv_.notify_all();
  done_cv_.notify_all();
}

FileRun::Done FileRun::process(Extractor& extractor, const Item& item) const {
  cli::ItemResult result = cli::process_item(extractor, item, options_, from_);
  Done done;
  done.size = item.size();
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

void FileRun::work() {
  Extractor extractor;
  while (true) {
    std::unique_lock lock(mu_);
    work_cv_.wait(lock, [&] { return stop_ || !queue_.empty() || reader_done_; });
    if (stop_ || queue_.empty()) return;
    auto [seq, item] = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    Done done = process(extractor, item);
    item = Item{};  // free the input before waiting on the lock
    lock.lock();
    bool next_in_order = seq == taken_;
    done_.emplace(seq, std::move(done));
    if (next_in_order) done_cv_.notify_one();
  }
}

std::optional<RunRecord> FileRun::next() {
  std::unique_lock lock(mu_);
  while (true) {
    done_cv_.wait(
        lock, [&] { return stop_ || done_.count(taken_) || (reader_done_ && taken_ == pushed_); });
    auto it = done_.find(taken_);
    if (it == done_.end()) return std::nullopt;
    Done done = std::move(it->second);
    done_.erase(it);
    ++taken_;
    bytes_ahead_ -= done.size;
    room_cv_.notify_one();
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
