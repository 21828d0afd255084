#include "extract_command.h"

#include <fcntl.h>
#include <pthread.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <mutex>
#include <thread>

#include "inputs.h"
#include "lede/output.h"
#include "lede/warc.h"
#include "progress.h"

namespace lede::cli {
namespace {

// Items the reader may run ahead of the writer, per worker: enough that no
// worker waits while the writer waits on one slow page.
constexpr size_t kItemsAheadPerJob = 8;
// Input bytes the reader may hold ahead of the writer, so a run of very
// large pages cannot multiply memory (one item is always allowed).
constexpr uint64_t kBytesAhead = 256ull << 20;
// Blocks up to this size are kept for reuse (a web page is well under it),
// at most half a window of them: at most 9 x 2 MB with -j 2.
constexpr size_t kSpareBlockBytes = 2 << 20;
// First read of every input: enough to tell a WARC archive from a page.
constexpr size_t kHeadBytes = 64 << 10;
// How often the writer wakes to redraw the progress line, and the longest a
// result waits for it while the reader is ahead (results are otherwise
// written in batches of half the window).
constexpr auto kTick = std::chrono::milliseconds(250);

// One unit of work, in input order.
struct Item {
  enum class Kind { kPage, kRecord, kFailure };
  Kind kind = Kind::kPage;
  std::string path;
  std::string bytes;  // kPage
  WarcRecord record;  // kRecord
  Error error;        // kFailure
  uint64_t size() const { return bytes.size() + record.block.size(); }
};

// What the writer does with an item.
struct Done {
  bool ready = false;
  std::string rendered;    // the record or error record, "" when nothing is written
  std::string error_code;  // "" unless the item failed
  bool no_content = false;  // a record of a page without an article body
  std::string error_message;
  std::string where;    // path, with the record offset for archives
  std::string skipped;  // a skip reason; nothing is written
  uint64_t size = 0;
};

class Output {
 public:
  explicit Output(FILE* f) : f_(f) {}
  bool write(std::string_view s) {
    if (closed_ || failed_) return false;
    if (std::fwrite(s.data(), 1, s.size(), f_) != s.size()) note_error();
    return !closed_ && !failed_;
  }
  bool flush() {
    if (!closed_ && !failed_ && std::fflush(f_) != 0) note_error();
    return !closed_ && !failed_;
  }
  bool closed() const { return closed_; }
  bool failed() const { return failed_; }
  int error() const { return errno_; }

 private:
  void note_error() {
    errno_ = errno;
    if (errno == EPIPE)
      closed_ = true;
    else
      failed_ = true;
  }
  FILE* f_;
  bool closed_ = false;
  bool failed_ = false;
  int errno_ = 0;
};

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

// Reads until `out` holds `limit` bytes or the input ends; false on a read
// error. The buffer grows as data arrives, never to `limit` up front.
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

class Run {
 public:
  Run(const ExtractConfig& config, unsigned jobs, Output& output)
      : config_(config),
        jobs_(jobs),
        window_(jobs * kItemsAheadPerJob),
        slots_(window_),
        output_(output),
        progress_(!config.quiet && isatty(STDERR_FILENO),
                  total_input_bytes(config.inputs, config.files_from)) {}

  int execute();

 private:
  void read_all();
  void read_input(const Input& input);
  void read_archive(const std::string& path, int fd, std::string head);
  bool push(Item item);
  // A record whose storage a worker gave back, or a new one.
  WarcRecord spare_record();
  // Under mu_: whether the reader may push with fewer than `items` waiting
  // for the writer; whether a waiting reader may go on; how many results
  // the writer could write now.
  bool has_room(uint64_t items) const;
  bool reader_may_go() const;
  size_t ready_to_write() const;
  void count_skip(const std::string& reason);
  void work();
  Done process(Extractor& extractor, Item& item) const;
  std::string render(const Article& article) const;
  std::string render_error(const Error& error, const Source& source) const;
  void write(Done& done);
  [[noreturn]] void end_on_closed_output();

  const ExtractConfig& config_;
  unsigned jobs_;
  size_t window_;

  std::mutex mu_;
  std::condition_variable work_cv_, room_cv_, done_cv_;
  std::deque<std::pair<uint64_t, Item>> queue_;
  std::vector<Done> slots_;  // item n waits in slots_[n % window_]
  uint64_t pushed_ = 0, written_ = 0;
  uint64_t bytes_ahead_ = 0;
  bool reader_done_ = false;
  bool reader_waiting_ = false;  // the reader sleeps on room_cv_
  bool stop_ = false;
  std::map<std::string, uint64_t> reader_skips_;  // records the reader passed over
  // Records done with, kept for their storage: the reader reads into them
  // rather than allocate (and fault in) fresh memory for every block.
  std::vector<WarcRecord> spare_records_;
  std::atomic<uint64_t> bytes_read_{0};

  Output& output_;
  Progress progress_;
  Tally tally_;
  bool first_ = true;
};

bool Run::has_room(uint64_t items) const {
  return pushed_ - written_ < items && (bytes_ahead_ < kBytesAhead || pushed_ == written_);
}

bool Run::reader_may_go() const { return has_room(window_ - window_ / 2 + 1); }

size_t Run::ready_to_write() const {
  size_t n = 0;
  while (written_ + n < pushed_ && slots_[(written_ + n) % window_].ready) ++n;
  return n;
}

bool Run::push(Item item) {
  std::unique_lock lock(mu_);
  if (!stop_ && !has_room(window_)) {
    // Full: sleep until the writer has drained half the window, so that the
    // reader (and the writer) wake once per batch, not once per item.
    reader_waiting_ = true;
    room_cv_.wait(lock, [&] { return stop_ || reader_may_go(); });
    reader_waiting_ = false;
  }
  if (stop_) return false;
  uint64_t seq = pushed_++;
  bytes_ahead_ += item.size();
  slots_[seq % window_] = Done{};
  queue_.emplace_back(seq, std::move(item));
  work_cv_.notify_one();
  return true;
}

WarcRecord Run::spare_record() {
  std::lock_guard lock(mu_);
  if (spare_records_.empty()) return WarcRecord{};
  WarcRecord record = std::move(spare_records_.back());
  spare_records_.pop_back();
  return record;
}

void Run::count_skip(const std::string& reason) {
  std::lock_guard lock(mu_);
  ++reader_skips_[reason];
}

void Run::read_archive(const std::string& path, int fd, std::string head) {
  WarcReader reader = WarcReader::from_fd(fd, std::move(head), config_.options.limits);
  uint64_t counted = 0;
  bool any = false;
  WarcRecord record = spare_record();
  while (reader.next(record)) {
    any = true;
    bytes_read_ += reader.bytes_read() - counted;
    counted = reader.bytes_read();
    // Records that never hold a page are counted here and go no further.
    if (!record.error && record.type != "response" && record.type != "resource") {
      count_skip(page_from_record(record)->skipped);
      continue;
    }
    Item item;
    item.kind = Item::Kind::kRecord;
    item.path = path;
    item.record = std::move(record);
    if (!push(std::move(item))) return;
    record = spare_record();
  }
  bytes_read_ += reader.bytes_read() - counted;
  if (!any) {
    Item item;
    item.kind = Item::Kind::kFailure;
    item.path = path;
    item.error = Error{ErrorCode::kEmptyInput, "the archive holds no records"};
    push(std::move(item));
  }
}

void Run::read_input(const Input& input) {
  Item item;
  item.path = input.path;
  item.kind = Item::Kind::kFailure;
  if (!input.error.empty()) {
    item.error = Error{ErrorCode::kIo, input.error};
    push(std::move(item));
    return;
  }
  bool is_stdin = input.path == "-";
  int fd = is_stdin ? STDIN_FILENO : ::open(input.path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    item.error = Error{ErrorCode::kIo, "cannot open " + input.path + ": " + std::strerror(errno)};
    push(std::move(item));
    return;
  }
  auto close_fd = [&] {
    if (!is_stdin) ::close(fd);
  };
  std::string head;
  if (!read_some(fd, head, kHeadBytes)) {
    item.error = Error{ErrorCode::kIo, "cannot read " + input.path + ": " + std::strerror(errno)};
    close_fd();
    push(std::move(item));
    return;
  }
  bool archive =
      config_.from == From::kWarc ||
      (config_.from == From::kAuto && (has_warc_name(input.path) || looks_like_warc(head)));
  if (archive) {
    read_archive(input.path, fd, std::move(head));
    close_fd();
    return;
  }
  uint64_t limit = config_.options.limits.max_input_bytes;
  std::string& bytes = item.bytes;
  bytes = std::move(head);
  bool ok = bytes.size() < kHeadBytes ||
            read_some(fd, bytes, static_cast<size_t>(std::min<uint64_t>(limit + 1, SIZE_MAX / 2)));
  int saved = errno;
  close_fd();
  bytes_read_ += bytes.size();
  if (!ok) {
    item.error = Error{ErrorCode::kIo, "cannot read " + input.path + ": " + std::strerror(saved)};
  } else if (bytes.size() > limit) {
    item.bytes.clear();
    item.error = Error{ErrorCode::kTooLarge,
                       input.path + " is larger than the input limit of " + std::to_string(limit) +
                           " bytes (max_input_bytes; raise it with --max-bytes)"};
  } else {
    item.kind = Item::Kind::kPage;
  }
  push(std::move(item));
}

void Run::read_all() {
  InputWalker walker(config_.inputs, config_.files_from);
  while (std::optional<Input> input = walker.next()) {
    {
      std::lock_guard lock(mu_);
      if (stop_) break;
    }
    read_input(*input);
  }
  std::lock_guard lock(mu_);
  reader_done_ = true;
  work_cv_.notify_all();
  done_cv_.notify_all();
}

std::string Run::render(const Article& article) const {
  switch (config_.format) {
    case Format::kJsonl:
      return to_json(article) + "\n";
    case Format::kJson:
      return to_json(article, 2);
    case Format::kText:
      return to_text(article);
    case Format::kMarkdown:
      return to_markdown(article);
  }
  return "";
}

std::string Run::render_error(const Error& error, const Source& source) const {
  if (config_.format == Format::kJsonl) return error_to_json(error, source) + "\n";
  if (config_.format == Format::kJson) return error_to_json(error, source, 2);
  return "";  // text and Markdown report errors on stderr
}

Done Run::process(Extractor& extractor, Item& item) const {
  Done done;
  done.size = item.size();
  done.where = item.path;
  Source source;
  source.path = item.path;
  Options options = config_.options;
  options.path = item.path;
  if (config_.from == From::kHtml) options.from = InputFormat::kHtml;
  if (config_.from == From::kText) options.from = InputFormat::kText;
  auto fail = [&](const Error& error) {
    done.error_code = error_code_name(error.code);
    done.error_message = error.message;
    done.rendered = render_error(error, source);
  };

  switch (item.kind) {
    case Item::Kind::kFailure:
      fail(item.error);
      return done;
    case Item::Kind::kPage: {
      source.bytes = item.bytes.size();
      Result<Article> article = extractor.extract(item.bytes, options);
      if (article) {
        done.rendered = render(*article);
        done.no_content = article->text.empty();
      } else
        fail(article.error());
      return done;
    }
    case Item::Kind::kRecord: {
      const WarcRecord& record = item.record;
      source.kind = "warc";
      source.offset = record.offset;
      source.target_uri = record.target_uri;
      source.warc_date = record.date;
      done.where += " at offset " + std::to_string(record.offset);
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
      done.rendered = render(*article);
      return done;
    }
  }
  return done;
}

void Run::work() {
  Extractor extractor;
  while (true) {
    std::unique_lock lock(mu_);
    work_cv_.wait(lock, [&] { return stop_ || !queue_.empty() || reader_done_; });
    if (stop_ || queue_.empty()) return;
    auto [seq, item] = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    Done done = process(extractor, item);
    WarcRecord spare;
    if (item.kind == Item::Kind::kRecord && item.record.block.capacity() <= kSpareBlockBytes)
      spare = std::move(item.record);
    item = Item{};  // free the input before waiting on the lock
    lock.lock();
    if (spare.block.capacity() > 0 && spare_records_.size() < window_ / 2 + 1)
      spare_records_.push_back(std::move(spare));
    Done& slot = slots_[seq % window_];
    slot = std::move(done);
    slot.ready = true;
    // The writer is woken for a batch that lets the reader go on, or at
    // once when the input trickles (nothing queued) or has ended; otherwise
    // its tick collects what is ready.
    size_t ready = ready_to_write();
    if (ready > 0 && (queue_.empty() || reader_done_ || ready >= window_ / 2))
      done_cv_.notify_one();
  }
}

void Run::end_on_closed_output() {
  // The reader may sit in a read() on stdin that nothing will end; leave
  // without waiting for it, as `| head` expects.
  progress_.finish();
  std::fflush(stderr);
  std::_Exit(0);
}

void Run::write(Done& done) {
  if (!done.skipped.empty()) {
    ++tally_.skipped;
    ++tally_.skipped_by_reason[done.skipped];
    return;
  }
  if (done.error_code.empty()) {
    ++tally_.articles;
    if (done.no_content) ++tally_.no_content;
  } else {
    ++tally_.errors;
    ++tally_.errors_by_code[done.error_code];
    if (config_.format == Format::kText || config_.format == Format::kMarkdown)
      std::fprintf(stderr, "lede: %s: %s\n", done.where.c_str(), done.error_message.c_str());
  }
  if (done.rendered.empty()) return;
  if (!first_) {
    if (config_.format == Format::kJson)
      output_.write(",\n");
    else if (config_.format == Format::kText)
      output_.write("\n* * *\n\n");
    else if (config_.format == Format::kMarkdown)
      output_.write("\n---\n\n");
  }
  first_ = false;
  output_.write(done.rendered);
}

int Run::execute() {
  if (config_.format == Format::kJson) output_.write("[\n");
  // Named so that per-thread CPU shows in top -H and /proc/PID/task
  // (bench/warc/run_bench.py reads it there).
  std::thread reader([this] {
    pthread_setname_np(pthread_self(), "lede-reader");
    read_all();
  });
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < jobs_; ++i)
    workers.emplace_back([this] {
      pthread_setname_np(pthread_self(), "lede-worker");
      work();
    });

  std::vector<Done> batch;
  while (true) {
    bool finished = false;
    {
      std::unique_lock lock(mu_);
      done_cv_.wait_for(lock, kTick, [&] {
        return slots_[written_ % window_].ready || (reader_done_ && written_ == pushed_);
      });
      while (written_ < pushed_ && slots_[written_ % window_].ready) {
        Done& slot = slots_[written_ % window_];
        bytes_ahead_ -= slot.size;
        batch.push_back(std::move(slot));
        slot.ready = false;
        ++written_;
      }
      for (auto& [reason, n] : reader_skips_) {
        tally_.skipped += n;
        tally_.skipped_by_reason[reason] += n;
      }
      reader_skips_.clear();
      finished = reader_done_ && written_ == pushed_;
      if (!batch.empty() && reader_waiting_ && reader_may_go()) room_cv_.notify_one();
    }
    for (Done& done : batch) write(done);
    batch.clear();
    if (output_.closed()) end_on_closed_output();
    if (output_.failed()) break;
    progress_.update(tally_, bytes_read_);
    if (finished) break;
  }
  if (output_.failed()) {
    progress_.finish();
    std::fprintf(stderr, "lede: writing the output failed: %s\n", std::strerror(output_.error()));
    std::fflush(stderr);
    std::_Exit(2);  // the reader may be blocked on input; do not wait for it
  }
  reader.join();
  for (auto& w : workers) w.join();
  if (config_.format == Format::kJson) output_.write(first_ ? "]\n" : "\n]\n");
  output_.flush();
  if (output_.closed()) end_on_closed_output();
  progress_.update(tally_, bytes_read_, true);
  progress_.finish();
  if (output_.failed()) {
    std::fprintf(stderr, "lede: writing the output failed: %s\n", std::strerror(output_.error()));
    return 2;
  }
  if (!config_.quiet)
    std::fprintf(stderr, "%s\n", summary(tally_, bytes_read_, progress_.seconds()).c_str());
  return tally_.errors > 0 ? 1 : 0;
}

}  // namespace

int run_extract(ExtractConfig config) {
  if (config.inputs.empty() && config.files_from.empty()) config.inputs.push_back("-");
  unsigned jobs = config.jobs ? config.jobs : std::max(1u, std::thread::hardware_concurrency());
  FILE* out_file = stdout;
  if (!config.output.empty()) {
    out_file = std::fopen(config.output.c_str(), "wb");
    if (!out_file) {
      std::fprintf(stderr, "lede: cannot write %s: %s\n", config.output.c_str(),
                   std::strerror(errno));
      return 2;
    }
  }
  int rc;
  {
    Output output(out_file);
    Run run(config, jobs, output);
    rc = run.execute();
  }
  if (out_file != stdout && std::fclose(out_file) != 0) {
    std::fprintf(stderr, "lede: writing %s failed: %s\n", config.output.c_str(),
                 std::strerror(errno));
    return 2;
  }
  return rc;
}

}  // namespace lede::cli
