#include "file_run.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "inputs.h"  // the CLI's input walker: directories in the same order
#include "lede/output.h"

namespace lede::python {
namespace {

using lede::cli::has_warc_name;
using lede::cli::read_some;

// Items the reader may run ahead of the caller, per worker: enough that no
// worker waits while the caller handles one record.
constexpr size_t kItemsAheadPerJob = 8;
// Input bytes the reader may hold ahead of the caller, so a run of very large
// pages cannot multiply memory (one item is always allowed).
constexpr uint64_t kBytesAhead = 256ull << 20;
// First read of every input: enough to tell a WARC archive from a page.
constexpr size_t kHeadBytes = 64 << 10;

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
    return stop_ || (pushed_ - taken_ < window_ && (bytes_ahead_ < kBytesAhead || pushed_ == taken_));
  });
  if (stop_) return false;
  uint64_t seq = pushed_++;
  bytes_ahead_ += item.size();
  queue_.emplace_back(seq, std::move(item));
  work_cv_.notify_one();
  return true;
}

void FileRun::read_archive(const std::string& path, int fd, std::string head) {
  WarcReader reader = WarcReader::from_fd(fd, std::move(head), options_.limits);
  bool any = false;
  WarcRecord record;
  while (reader.next(record)) {
    any = true;
    // Records that never hold a page are counted here and go no further.
    if (!record.error && record.type != "response" && record.type != "resource") {
      std::string reason = page_from_record(record)->skipped;
      std::lock_guard lock(mu_);
      ++skipped_[reason];
      continue;
    }
    Item item;
    item.kind = Item::Kind::kRecord;
    item.path = path;
    item.record = std::move(record);
    if (!push(std::move(item))) return;
    record = WarcRecord{};
  }
  if (!any) {
    Item item;
    item.kind = Item::Kind::kFailure;
    item.path = path;
    item.error = Error{ErrorCode::kEmptyInput, "the archive holds no records"};
    push(std::move(item));
  }
}

void FileRun::read_input(const std::string& path, const std::string& listing_error) {
  Item item;
  item.path = path;
  item.kind = Item::Kind::kFailure;
  if (!listing_error.empty()) {
    item.error = Error{ErrorCode::kIo, listing_error};
    push(std::move(item));
    return;
  }
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    item.error = Error{ErrorCode::kIo, "cannot open " + path + ": " + std::strerror(errno)};
    push(std::move(item));
    return;
  }
  std::string head;
  if (!read_some(fd, head, kHeadBytes)) {
    item.error = Error{ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(errno)};
    ::close(fd);
    push(std::move(item));
    return;
  }
  bool archive = from_ == From::kWarc ||
                 (from_ == From::kAuto && (has_warc_name(path) || looks_like_warc(head)));
  if (archive) {
    read_archive(path, fd, std::move(head));
    ::close(fd);
    return;
  }
  uint64_t limit = options_.limits.max_input_bytes;
  std::string& bytes = item.bytes;
  bytes = std::move(head);
  bool ok = bytes.size() < kHeadBytes ||
            read_some(fd, bytes, static_cast<size_t>(std::min<uint64_t>(limit + 1, SIZE_MAX / 2)));
  int saved = errno;
  ::close(fd);
  if (!ok) {
    item.error = Error{ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(saved)};
  } else if (bytes.size() > limit) {
    item.bytes.clear();
    item.error = Error{ErrorCode::kTooLarge, path + " is larger than the input limit of " +
                                                 std::to_string(limit) +
                                                 " bytes (max_input_bytes; raise max_bytes)"};
  } else {
    item.kind = Item::Kind::kPage;
  }
  push(std::move(item));
}

void FileRun::read_all() {
  // Paths are files or directories; "-" has no meaning here and reads as a
  // file of that name. The walker's stdin list is not used.
  cli::InputWalker walker(paths_, "");
  while (std::optional<cli::Input> input = walker.next()) {
    {
      std::lock_guard lock(mu_);
      if (stop_) break;
    }
    read_input(input->path, input->error);
  }
  std::lock_guard lock(mu_);
  reader_done_ = true;
  work_cv_.notify_all();
  done_cv_.notify_all();
}

// As the CLI's worker makes a record of an item (apps/cli/extract_command.cc).
FileRun::Done FileRun::process(Extractor& extractor, const Item& item) const {
  Done done;
  done.size = item.size();
  Source source;
  source.path = item.path;
  Options options = options_;
  options.path = item.path;
  if (from_ == From::kHtml) options.from = InputFormat::kHtml;
  if (from_ == From::kText) options.from = InputFormat::kText;
  auto fail = [&](const Error& error) {
    done.record = RunRecord{error_to_json(error, source), std::string(error_code_name(error.code)),
                            error.message};
  };
  switch (item.kind) {
    case Item::Kind::kFailure:
      fail(item.error);
      return done;
    case Item::Kind::kPage: {
      source.bytes = item.bytes.size();
      Result<Article> article = extractor.extract(item.bytes, options);
      if (article)
        done.record = RunRecord{to_json(*article), "", ""};
      else
        fail(article.error());
      return done;
    }
    case Item::Kind::kRecord: {
      const WarcRecord& record = item.record;
      source.kind = "warc";
      source.offset = record.offset;
      source.target_uri = record.target_uri;
      source.warc_date = record.date;
      Result<WarcPage> page = page_from_record(record, options.limits);
      if (!page) {
        fail(page.error());
        return done;
      }
      if (!page->skipped.empty()) {
        done.skipped = page->skipped;
        return done;
      }
      options.url = record.target_uri;
      options.http_charset = page->charset;
      if (options.from == InputFormat::kAuto) options.from = InputFormat::kHtml;
      source.bytes = page->body.size();
      Result<Article> article = extractor.extract(page->body, options);
      if (!article) {
        fail(article.error());
        return done;
      }
      article->source.kind = "warc";
      article->source.offset = record.offset;
      article->source.target_uri = record.target_uri;
      article->source.warc_date = record.date;
      done.record = RunRecord{to_json(*article), "", ""};
      return done;
    }
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
    done_cv_.wait(lock, [&] {
      return stop_ || done_.count(taken_) || (reader_done_ && taken_ == pushed_);
    });
    auto it = done_.find(taken_);
    if (it == done_.end()) return std::nullopt;
    Done done = std::move(it->second);
    done_.erase(it);
    ++taken_;
    bytes_ahead_ -= done.size;
    room_cv_.notify_one();
    if (!done.skipped.empty()) {
      ++skipped_[done.skipped];
      continue;
    }
    return std::move(done.record);
  }
}

std::map<std::string, uint64_t> FileRun::skipped() {
  std::lock_guard lock(mu_);
  return skipped_;
}

}  // namespace lede::python
