#include "fetch/run.h"

#include <curl/curl.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <fstream>
#include <iostream>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "fetch/warc_writer.h"
#include "lede/output.h"
#include "lede/store.h"

namespace lede::fetch {
namespace {

// Fetched pages waiting for a worker; the crawler starts no request while
// this many wait, so a slow extraction slows the crawl instead of filling
// memory.
constexpr size_t kMaxWaiting = 256;

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return std::string(s);
}

// "text/html; charset=ISO-8859-1" -> media type and charset.
void split_content_type(std::string_view value, std::string& media, std::string& charset) {
  size_t semi = value.find(';');
  media = lower(trim(value.substr(0, semi)));
  charset.clear();
  while (semi != std::string_view::npos) {
    value = value.substr(semi + 1);
    semi = value.find(';');
    std::string param = trim(value.substr(0, semi));
    if (lower(param.substr(0, 8)) == "charset=") {
      charset = trim(param.substr(8));
      if (charset.size() >= 2 && charset.front() == '"' && charset.back() == '"')
        charset = charset.substr(1, charset.size() - 2);
    }
  }
}

// The media types `lede extract` takes from an archive as pages (WARC
// responses without a type included), so that a fetch and an extract of
// its archive agree on which responses are pages.
bool is_html_media_type(const std::string& type) {
  return type.empty() || type == "text/html" || type == "application/xhtml+xml" ||
         type == "application/vnd.wap.xhtml+xml";
}

Source source_of(const Fetched& f) {
  Source s;
  s.path = f.requested;
  s.kind = "http";
  s.bytes = f.body.size();
  s.fetched_at = f.fetched_at;
  s.status = f.status;
  s.redirects = f.redirects;
  return s;
}

class Output {
 public:
  explicit Output(FILE* f) : file_(f) {}
  // Writes one line; false when the output is gone.
  bool write(const std::string& line) {
    std::lock_guard lock(mu_);
    if (failed_) return false;
    if (std::fwrite(line.data(), 1, line.size(), file_) != line.size()) {
      failed_ = true;
      error_ = errno;
    }
    return !failed_;
  }
  bool flush() {
    std::lock_guard lock(mu_);
    if (std::fflush(file_) != 0 && !failed_) {
      failed_ = true;
      error_ = errno;
    }
    return !failed_;
  }
  int error() const { return error_; }

 private:
  std::mutex mu_;
  FILE* file_;
  bool failed_ = false;
  int error_ = 0;
};

struct Tally {
  uint64_t records = 0;
  uint64_t errors = 0;
  std::map<std::string, uint64_t> by_code;
};

// Fetched records per corpus transaction: pages come at the network's
// pace, so a commit costs nothing beside them, and a killed fetch loses
// (and readers wait for) no more than this.
constexpr uint32_t kFetchBatch = 50;

// The corpus of --db, shared by the workers (a Store is one thread's at a
// time). Records are added as they come; the store commits in its batches.
class Corpus {
 public:
  explicit Corpus(Store store) : store_(std::move(store)) {}

  // Adds one record line; false when the database failed (reported once).
  bool add(std::string_view line) {
    while (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    std::lock_guard lock(mu_);
    if (failed_) return false;
    Result<AddOutcome> r = store_.add(line);
    if (!r) {
      failed_ = true;
      std::fprintf(stderr, "lede: %s: %s\n", store_.path().c_str(), r.error().message.c_str());
      return false;
    }
    if (*r == AddOutcome::kAdded) ++added_;
    if (*r == AddOutcome::kNewVersion) ++versions_;
    if (*r == AddOutcome::kDuplicate) ++duplicates_;
    return true;
  }

  // Commits the open batch; false when that or an earlier addition failed.
  bool finish(bool quiet) {
    std::lock_guard lock(mu_);
    Result<void> committed = store_.commit();
    if (!committed) {
      std::fprintf(stderr, "lede: %s: %s\n", store_.path().c_str(),
                   committed.error().message.c_str());
      return false;
    }
    if (!quiet)
      std::fprintf(stderr, "lede: %s: %llu articles added, %llu new versions, %llu already held\n",
                   store_.path().c_str(), static_cast<unsigned long long>(added_),
                   static_cast<unsigned long long>(versions_),
                   static_cast<unsigned long long>(duplicates_));
    return !failed_;
  }

 private:
  std::mutex mu_;
  Store store_;
  bool failed_ = false;
  uint64_t added_ = 0, versions_ = 0, duplicates_ = 0;
};

}  // namespace

std::string render_fetched(Extractor& extractor, const Options& base, Fetched& f,
                           std::string* error_code) {
  Source source = source_of(f);
  auto fail = [&](const Error& error) {
    if (error_code) *error_code = std::string(error_code_name(error.code));
    return error_to_json(error, source) + "\n";
  };
  if (f.error) return fail(*f.error);
  std::string media, charset;
  split_content_type(f.content_type, media, charset);
  source.charset = charset;
  if (!is_html_media_type(media))
    return fail(Error{ErrorCode::kNotHtml, "served as " + media + ", not as a page"});
  Options options = base;
  options.url = f.url;
  options.path = f.requested;
  options.http_charset = charset;
  if (options.from == InputFormat::kAuto) options.from = InputFormat::kHtml;
  Result<Article> article = extractor.extract(f.body, options);
  if (!article) return fail(article.error());
  article->source.kind = "http";
  article->source.fetched_at = f.fetched_at;
  article->source.status = f.status;
  article->source.redirects = std::move(f.redirects);
  if (error_code) error_code->clear();
  return to_json(*article) + "\n";
}

int run_fetch(FetchConfig config) {
  auto started = std::chrono::steady_clock::now();
  curl_global_init(CURL_GLOBAL_DEFAULT);
  std::optional<Corpus> corpus;
  if (!config.db.empty()) {
    StoreOptions options;
    options.batch_articles = kFetchBatch;
    Result<Store> store = Store::open(config.db, options);
    if (!store) {
      std::fprintf(stderr, "lede: %s\n", store.error().message.c_str());
      return 2;
    }
    corpus.emplace(std::move(*store));
  }
  // With --db and no -o the records go only into the corpus.
  FILE* out_file = corpus && config.output.empty() ? nullptr : stdout;
  if (!config.output.empty()) {
    out_file = std::fopen(config.output.c_str(), "wb");
    if (!out_file) {
      std::fprintf(stderr, "lede: cannot write %s: %s\n", config.output.c_str(),
                   std::strerror(errno));
      return 2;
    }
  }
  std::optional<WarcWriter> warc;
  if (!config.warc.empty()) {
    auto w = WarcWriter::open(config.warc);
    if (!w) {
      std::fprintf(stderr, "lede: %s\n", w.error().message.c_str());
      return 2;
    }
    warc.emplace(std::move(*w));
  }

  // Seeds: pages, feeds and sitemaps given, then the input file line by line.
  std::deque<Seed> given;
  for (const std::string& u : config.feeds) given.push_back({u, JobKind::kFeed});
  for (const std::string& u : config.sitemaps) given.push_back({u, JobKind::kSitemap});
  for (const std::string& u : config.urls) given.push_back({u, JobKind::kPage});
  std::ifstream file;
  std::istream* list = nullptr;
  if (config.input_file == "-") {
    list = &std::cin;
  } else if (!config.input_file.empty()) {
    file.open(config.input_file);
    if (!file) {
      std::fprintf(stderr, "lede: cannot read %s: %s\n", config.input_file.c_str(),
                   std::strerror(errno));
      return 2;
    }
    list = &file;
  }
  auto next_seed = [&]() -> std::optional<Seed> {
    if (!given.empty()) {
      Seed s = std::move(given.front());
      given.pop_front();
      return s;
    }
    std::string line;
    while (list && std::getline(*list, line)) {
      std::string url = trim(line);
      if (url.empty() || url[0] == '#') continue;
      return Seed{url, JobKind::kPage};
    }
    return std::nullopt;
  };

  std::mutex mu;
  std::condition_variable work_cv;
  std::deque<Fetched> queue;
  bool crawl_done = false;
  std::atomic<size_t> waiting{0};
  Output output(out_file);
  Tally tally;
  bool store_failed = false;

  auto deliver = [&](Fetched&& f) {
    {
      std::lock_guard lock(mu);
      queue.push_back(std::move(f));
      ++waiting;
    }
    work_cv.notify_one();
  };
  auto has_room = [&] { return waiting.load() < kMaxWaiting; };

  unsigned jobs = config.jobs ? config.jobs : std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> workers;
  for (unsigned i = 0; i < jobs; ++i) {
    workers.emplace_back([&] {
      Extractor extractor;
      while (true) {
        Fetched f;
        {
          std::unique_lock lock(mu);
          work_cv.wait(lock, [&] { return !queue.empty() || crawl_done; });
          if (queue.empty()) return;
          f = std::move(queue.front());
          queue.pop_front();
        }
        std::string code;
        std::string line = render_fetched(extractor, config.options, f, &code);
        f = Fetched{};
        {
          std::lock_guard lock(mu);
          if (code.empty()) {
            ++tally.records;
          } else {
            ++tally.errors;
            ++tally.by_code[code];
          }
        }
        if (corpus && code.empty() && !corpus->add(line)) {
          std::lock_guard lock(mu);
          store_failed = true;
        }
        if (out_file && !output.write(line)) {
          if (output.error() == EPIPE) std::_Exit(0);  // `| head` has what it wanted
          std::fprintf(stderr, "lede: writing the output failed: %s\n",
                       std::strerror(output.error()));
          std::_Exit(2);
        }
        --waiting;
      }
    });
  }

  Crawler crawler(config.crawl, next_seed, deliver, has_room, warc ? &*warc : nullptr);
  crawler.run();
  {
    std::lock_guard lock(mu);
    crawl_done = true;
  }
  work_cv.notify_all();
  for (auto& w : workers) w.join();
  bool out_ok = !out_file || output.flush();
  if (out_file && out_file != stdout && std::fclose(out_file) != 0) out_ok = false;
  if (!out_ok) {
    if (output.error() == EPIPE) return 0;
    std::fprintf(stderr, "lede: writing the output failed\n");
    return 2;
  }
  bool warc_ok = crawler.warc_ok() && (!warc || warc->close());
  if (!warc_ok) std::fprintf(stderr, "lede: writing %s failed\n", config.warc.c_str());

  if (!config.quiet) {
    const CrawlStats& s = crawler.stats();
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    std::string errors;
    for (const auto& [code, n] : tally.by_code)
      errors += (errors.empty() ? " (" : ", ") + code + " " + std::to_string(n);
    if (!errors.empty()) errors += ")";
    std::fprintf(stderr,
                 "lede: %llu records, %llu errors%s from %llu requests in %.1f s; %llu feeds "
                 "and sitemaps read, %llu pages found in them, %llu left by --since, %llu by "
                 "--max-pages; %llu redirects, %llu retries, %llu robots.txt, %.1f MB\n",
                 static_cast<unsigned long long>(tally.records),
                 static_cast<unsigned long long>(tally.errors), errors.c_str(),
                 static_cast<unsigned long long>(s.requests), seconds,
                 static_cast<unsigned long long>(s.feeds), static_cast<unsigned long long>(s.found),
                 static_cast<unsigned long long>(s.left_by_since),
                 static_cast<unsigned long long>(s.left_by_max_pages),
                 static_cast<unsigned long long>(s.redirects),
                 static_cast<unsigned long long>(s.retries),
                 static_cast<unsigned long long>(s.robots_files), s.bytes / 1e6);
  }
  if (corpus && !corpus->finish(config.quiet)) store_failed = true;
  if (!warc_ok || store_failed) return 2;
  return tally.errors > 0 ? 1 : 0;
}

}  // namespace lede::fetch
