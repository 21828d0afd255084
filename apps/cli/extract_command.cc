#include "extract_command.h"

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <thread>

#include "inputs.h"
#include "lede/output.h"
#include "lede/warc.h"
#include "ordered_pool.h"
#include "progress.h"

namespace lede::cli {
namespace {

// Items the reader may run ahead of the writer, per worker: enough that no
// worker waits while the writer waits on one slow page.
constexpr size_t kItemsAheadPerJob = 8;
// Input bytes the reader may hold ahead of the writer, so a run of very
// large pages cannot multiply memory (one item is always allowed).
constexpr uint64_t kBytesAhead = 256ull << 20;
// How often the writer wakes to redraw the progress line, and the longest a
// result waits for it while the reader is ahead (results are otherwise
// written in batches of half the window).
constexpr auto kTick = std::chrono::milliseconds(250);
// Bytes read at a time when looking back through an output file for its
// last lines (--resume).
constexpr size_t kTailStep = 64 << 10;
// Lines looked back over for records of the same archive member (WARC
// writers put one record in a member; a few put several).
constexpr int kMaxSameMemberLines = 10'000;

// The signal that asked the run to stop (SIGINT, SIGTERM), 0 while none.
std::atomic<int> g_signal{0};

extern "C" void on_stop_signal(int sig) { g_signal.store(sig); }

// A second Ctrl-C ends the process at once (SA_RESETHAND).
void install_stop_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESETHAND;
  // A signal ignored when lede started (nohup, a background job) stays ignored.
  for (int sig : {SIGINT, SIGTERM}) {
    struct sigaction old {};
    if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
    sigaction(sig, &sa, nullptr);
  }
}

// Where a resumed run goes on: after the input `path` (and, in an archive,
// after the record at `offset`, whose last `same` outputs are already
// written).
struct ResumePoint {
  std::string path;
  std::optional<uint64_t> offset;
  uint64_t same = 1;
};

// What the writer does with an item.
struct Done {
  std::string rendered;     // the record or error record, "" when nothing is written
  std::string error_code;   // "" unless the item failed
  bool no_content = false;  // a record of a page without an article body
  std::string error_message;
  std::string where;         // path, with the record offset for archives
  std::string skipped;       // a skip reason; nothing is written
  bool truncated = false;    // the record was made from a truncated input
  bool resume_drop = false;  // see Item::resume_drop
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

class Run : private ItemSink {
 public:
  Run(const ExtractConfig& config, unsigned jobs, Output& output, std::optional<FileId> output_id,
      std::optional<ResumePoint> resume)
      : config_(config),
        jobs_(jobs),
        output_id_(output_id),
        resume_(std::move(resume)),
        drop_left_(resume_ ? resume_->same : 0),
        pool_(jobs * kItemsAheadPerJob, kBytesAhead, jobs * kItemsAheadPerJob / 2),
        output_(output),
        progress_(!config.quiet && isatty(STDERR_FILENO),
                  total_input_bytes(config.inputs, config.files_from)) {}

  int execute();

 private:
  void read_all();
  // The reading settings of inputs: the run's, refusing its output file.
  ReadSettings read_settings() const;
  void warn(std::string message);
  [[noreturn]] void end_interrupted(int signal);
  // ItemSink: where read_input puts what the reader reads.
  bool push(Item item) override { return pool_.push(std::move(item)); }
  WarcRecord spare_record() override { return pool_.spare_record(); }
  void count_skip(const std::string& reason) override;
  void count_read(uint64_t bytes) override { bytes_read_ += bytes; }
  Done process(Extractor& extractor, const Item& item) const;
  std::string render(const Article& article) const;
  std::string render_error(const Error& error, const Source& source) const;
  void write(Done& done);
  [[noreturn]] void end_on_closed_output();

  const ExtractConfig& config_;
  unsigned jobs_;
  std::optional<FileId> output_id_;  // the output file, never read as an input
  std::optional<ResumePoint> resume_;
  uint64_t drop_left_;  // outputs of the resume record still to pass over

  OrderedPool<Done> pool_;             // the reader, the workers and the order of results
  std::mutex mu_;                      // guards the reader's notes below
  std::vector<std::string> warnings_;  // for the writer to print
  uint64_t links_not_followed_ = 0;
  bool resume_found_ = true;                      // the resume point was among the inputs
  std::map<std::string, uint64_t> reader_skips_;  // records the reader passed over
  std::atomic<uint64_t> bytes_read_{0};

  Output& output_;
  Progress progress_;
  Tally tally_;
  bool first_ = true;
};

void Run::count_skip(const std::string& reason) {
  std::lock_guard lock(mu_);
  ++reader_skips_[reason];
}

void Run::warn(std::string message) {
  std::lock_guard lock(mu_);
  warnings_.push_back(std::move(message));
}

ReadSettings Run::read_settings() const {
  ReadSettings settings;
  settings.from = config_.from;
  settings.limits = config_.options.limits;
  settings.dash_is_stdin = true;
  settings.output_id = output_id_;
  settings.raise_limit_hint = "raise it with --max-bytes";
  return settings;
}

void Run::read_all() {
  WalkOptions walk;
  walk.follow = config_.follow;
  walk.excluded = output_id_;
  InputWalker walker(config_.inputs, config_.files_from, walk);
  // While set, inputs are passed over up to the one the resumed output ends with.
  bool seeking = resume_.has_value();
  const ReadSettings settings = read_settings();
  while (std::optional<Input> input = walker.next()) {
    for (std::string& w : walker.take_warnings()) warn(std::move(w));
    if (pool_.reading_stopped()) break;
    if (seeking) {
      if (input->path != resume_->path) continue;
      seeking = false;
      if (resume_->offset && input->error.empty())
        read_input(*input, settings, *this, resume_->offset);
      continue;
    }
    read_input(*input, settings, *this);
  }
  for (std::string& w : walker.take_warnings()) warn(std::move(w));
  {
    std::lock_guard lock(mu_);
    links_not_followed_ = walker.links_not_followed();
    if (seeking) resume_found_ = false;
  }
  pool_.reader_done();
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

Done Run::process(Extractor& extractor, const Item& item) const {
  ItemResult result = process_item(extractor, item, config_.options, config_.from,
                                   config_.explain && item.kind == Item::Kind::kPage);
  Done done;
  done.where = std::move(result.where);
  done.resume_drop = item.resume_drop;
  done.skipped = std::move(result.skipped);
  done.truncated = result.truncated;
  done.no_content = result.no_content;
  if (result.article) {
    done.rendered = render(*result.article);
  } else if (result.error) {
    done.error_code = error_code_name(result.error->code);
    done.error_message = result.error->message;
    done.rendered = render_error(*result.error, result.source);
  }
  if (config_.explain && item.kind == Item::Kind::kPage)
    done.rendered = "# " + item.path + "\n" + result.explanation + done.rendered;
  return done;
}

void Run::end_on_closed_output() {
  // The reader may sit in a read() on stdin that nothing will end; leave
  // without waiting for it, as `| head` expects.
  progress_.finish();
  std::fflush(stderr);
  std::_Exit(0);
}

void Run::write(Done& done) {
  if (done.resume_drop && drop_left_ > 0 && done.skipped.empty() && !done.rendered.empty()) {
    --drop_left_;  // written by the run this one resumes
    return;
  }
  if (done.truncated) ++tally_.truncated;
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
    if (config_.format == Format::kText || config_.format == Format::kMarkdown || config_.sink)
      std::fprintf(stderr, "lede: %s: %s\n", done.where.c_str(), done.error_message.c_str());
  }
  if (done.rendered.empty()) return;
  if (config_.sink) {
    if (!done.error_code.empty()) return;
    std::string_view line = done.rendered;
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (!config_.sink(line)) {
      progress_.finish();
      std::fflush(stderr);
      std::_Exit(2);  // the reader may be blocked on input; do not wait for it
    }
    return;
  }
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

void Run::end_interrupted(int signal) {
  // Every record pushed before the reader stopped has been written whole.
  if (config_.format == Format::kJson) output_.write(first_ ? "]\n" : "\n]\n");
  output_.flush();
  progress_.update(tally_, bytes_read_, true);
  progress_.finish();
  if (output_.failed()) {
    std::fprintf(stderr, "lede: writing the output failed: %s\n", std::strerror(output_.error()));
    std::fflush(stderr);
    std::_Exit(2);
  }
  if (!config_.quiet) {
    std::string how =
        config_.output.empty() || config_.format != Format::kJsonl ? "" : "; go on with --resume";
    std::fprintf(stderr, "%s; interrupted by %s: the output ends with a whole record%s\n",
                 summary(tally_, bytes_read_, progress_.seconds()).c_str(),
                 signal == SIGINT ? "SIGINT" : "SIGTERM", how.c_str());
  }
  std::fflush(stderr);
  // The reader may sit in a read() that nothing will end; the output is
  // flushed and the process ends without waiting for it.
  std::_Exit(128 + signal);
}

int Run::execute() {
  if (config_.format == Format::kJson && !resume_) output_.write("[\n");
  // Named so that per-thread CPU shows in top -H and /proc/PID/task
  // (bench/warc/run_bench.py reads it there). The threads do not take
  // SIGINT or SIGTERM: the writer (this thread) handles them.
  sigset_t stop_signals, old_mask;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, &old_mask);
  std::thread reader([this] {
    pthread_setname_np(pthread_self(), "lede-reader");
    read_all();
  });
  pool_.start(jobs_,
              [this](Extractor& extractor, const Item& item) { return process(extractor, item); });
  pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);

  std::vector<Done> batch;
  std::vector<std::string> warnings;
  int signal = 0;
  while (true) {
    if (!signal && (signal = g_signal.load()) != 0) {
      // Stop reading; what was pushed is still extracted and written.
      pool_.stop_reading();
    }
    bool finished = pool_.take(batch, kTick);
    {
      std::lock_guard lock(mu_);
      for (auto& [reason, n] : reader_skips_) {
        tally_.skipped += n;
        tally_.skipped_by_reason[reason] += n;
      }
      reader_skips_.clear();
      warnings.swap(warnings_);
    }
    if (!warnings.empty()) {
      progress_.finish();
      for (const std::string& w : warnings) std::fprintf(stderr, "lede: warning: %s\n", w.c_str());
      warnings.clear();
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
  if (signal) {
    tally_.links_not_followed = links_not_followed_;
    end_interrupted(signal);
  }
  reader.join();
  pool_.stop();
  tally_.links_not_followed = links_not_followed_;
  if (!resume_found_) {
    std::fprintf(stderr,
                 "lede: --resume: %s, the input %s ends with, is not among the inputs; nothing "
                 "was added to it\n",
                 config_.output.c_str(), resume_->path.c_str());
    return 2;
  }
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

// Whether a named input is the file at `output`: compared by device and
// inode, so a symbolic or hard link to it counts. Lines of a --files-from
// file are checked too when it is a file (a list on stdin is checked as it
// is read: such an input gets an error record).
std::optional<std::string> input_that_is(const FileId& output, const ExtractConfig& config) {
  auto same = [&](const std::string& path) {
    std::optional<FileId> id;
    if (path == "-") {
      struct stat st;
      if (::fstat(STDIN_FILENO, &st) == 0) id = FileId{st.st_dev, st.st_ino};
    } else {
      id = file_id(path);
    }
    return id && *id == output;
  };
  for (const std::string& input : config.inputs)
    if (same(input)) return input;
  if (!config.files_from.empty()) {
    if (same(config.files_from)) return config.files_from;
    if (config.files_from != "-") {
      FILE* list = std::fopen(config.files_from.c_str(), "r");
      if (list) {
        std::string line;
        int c;
        std::optional<std::string> found;
        do {
          c = std::fgetc(list);
          if (c != EOF && c != '\n') {
            line.push_back(static_cast<char>(c));
            continue;
          }
          if (!line.empty() && line.back() == '\r') line.pop_back();
          if (!line.empty() && same(line)) found = line;
          line.clear();
        } while (c != EOF && !found);
        std::fclose(list);
        if (found) return found;
      }
    }
  }
  return std::nullopt;
}

// The source of one output line: its path and archive offset; false when
// the line is not a lede record.
bool line_source(const std::string& line, std::string& path, std::optional<uint64_t>& offset) {
  nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return false;
  auto src = j.find("source");
  if (src == j.end() || !src->is_object()) return false;
  auto p = src->find("path");
  if (p == src->end() || !p->is_string()) return false;
  path = p->get<std::string>();
  offset.reset();
  auto o = src->find("offset");
  if (o != src->end() && o->is_number_unsigned()) offset = o->get<uint64_t>();
  return true;
}

// Reads the resume point from the end of `output`, after cutting off a last
// line left partial by a killed run. nullopt with `error` empty: nothing
// was written yet, start from the first input.
std::optional<ResumePoint> find_resume_point(const std::string& output, std::string& error) {
  int fd = ::open(output.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) {
    if (errno != ENOENT) error = "cannot open " + output + ": " + std::strerror(errno);
    return std::nullopt;
  }
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    error = output + " is not a regular file";
    ::close(fd);
    return std::nullopt;
  }
  // Lines are read backwards, a block at a time: `tail` holds the file's
  // bytes from `tail_at` to `end`.
  uint64_t end = static_cast<uint64_t>(st.st_size);
  uint64_t tail_at = end;
  std::string tail;
  auto read_back = [&]() {
    size_t n = static_cast<size_t>(std::min<uint64_t>(kTailStep, tail_at));
    std::string block(n, '\0');
    ssize_t got = ::pread(fd, block.data(), n, static_cast<off_t>(tail_at - n));
    if (got != static_cast<ssize_t>(n)) return false;
    tail_at -= n;
    tail.insert(0, block);
    return true;
  };
  // The last line end: anything after it is a partial line.
  size_t nl = std::string::npos;
  while (tail_at > 0 && (nl = tail.rfind('\n')) == std::string::npos)
    if (!read_back()) break;
  nl = tail.rfind('\n');
  uint64_t whole = nl == std::string::npos ? 0 : tail_at + nl + 1;
  if (whole < end && ::ftruncate(fd, static_cast<off_t>(whole)) != 0) {
    error = "cannot cut the partial last line of " + output + ": " + std::strerror(errno);
    ::close(fd);
    return std::nullopt;
  }
  if (whole == 0) {
    ::close(fd);
    return std::nullopt;
  }
  tail.resize(static_cast<size_t>(whole - tail_at));
  // Whole lines from the end, newest first.
  std::optional<ResumePoint> point;
  for (int lines = 0; lines < kMaxSameMemberLines; ++lines) {
    if (tail.empty()) break;
    size_t start;
    while ((start = tail.rfind('\n', tail.size() - 2)) == std::string::npos && tail_at > 0)
      if (!read_back()) break;
    start = tail.size() < 2 ? std::string::npos : tail.rfind('\n', tail.size() - 2);
    start = start == std::string::npos ? 0 : start + 1;
    if (start == 0 && tail_at > 0) break;  // could not read further back
    std::string line = tail.substr(start, tail.size() - 1 - start);
    tail.resize(start);
    std::string path;
    std::optional<uint64_t> offset;
    if (!line_source(line, path, offset)) {
      if (!point)
        error = output + " does not end with a lede record; --resume cannot go on from it";
      break;
    }
    if (!point) {
      point = ResumePoint{path, offset, 1};
      if (!offset) break;
      continue;
    }
    if (path != point->path || offset != point->offset) break;
    ++point->same;
  }
  ::close(fd);
  if (!error.empty()) return std::nullopt;
  return point;
}

}  // namespace

int run_extract(ExtractConfig config) {
  if (config.inputs.empty() && config.files_from.empty()) config.inputs.push_back("-");
  unsigned jobs = config.jobs ? config.jobs : std::max(1u, std::thread::hardware_concurrency());
  FILE* out_file = stdout;
  std::optional<FileId> output_id;
  std::optional<ResumePoint> resume;
  if (!config.output.empty()) {
    // Opening the output truncates it: first make sure it is no input.
    if (std::optional<FileId> existing = file_id(config.output)) {
      if (std::optional<std::string> input = input_that_is(*existing, config)) {
        std::fprintf(stderr,
                     "lede: the output %s is the input %s; refusing to overwrite an input "
                     "(choose another -o)\n",
                     config.output.c_str(), input->c_str());
        return 2;
      }
    }
    if (config.resume) {
      std::string error;
      resume = find_resume_point(config.output, error);
      if (!error.empty()) {
        std::fprintf(stderr, "lede: --resume: %s\n", error.c_str());
        return 2;
      }
    }
    out_file = std::fopen(config.output.c_str(), config.resume ? "ab" : "wb");
    if (!out_file) {
      std::fprintf(stderr, "lede: cannot write %s: %s\n", config.output.c_str(),
                   std::strerror(errno));
      return 2;
    }
  }
  struct stat st;
  if (::fstat(fileno(out_file), &st) == 0 && S_ISREG(st.st_mode))
    output_id = FileId{st.st_dev, st.st_ino};
  install_stop_handlers();
  int rc;
  {
    Output output(out_file);
    Run run(config, jobs, output, output_id, std::move(resume));
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
