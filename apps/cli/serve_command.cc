#include "serve_command.h"

#include <fcntl.h>
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>
#include <thread>
#include <vector>

#include "lede/lede.h"
#include "lede/output.h"
#include "lede/store.h"
#include "web_files.h"

extern char** environ;

namespace lede::cli {
namespace {

// The corpus file when neither --db nor $LEDE_DB names one (as ingest and search).
constexpr const char* kDefaultDb = "lede.db";
// Results one request may ask for: a page of a browser, not a dump of the corpus.
constexpr uint32_t kMaxLimit = 100;
// Deeper pages than this are not browsed by people and cost the corpus a scan.
constexpr uint32_t kMaxOffset = 10'000;
// A query longer than this is not typed by a person.
constexpr size_t kMaxQueryBytes = 2'000;
// How often a stop signal looks again whether the server runs.
constexpr std::chrono::milliseconds kStopPoll{10};
// Seconds a client may take to send a request or read a response.
constexpr time_t kSocketTimeoutSeconds = 5;

// Scripts, styles and requests from this server only; no inline script, no
// plugins, no framing, no images from the pages' hosts (the page names them).
constexpr const char* kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

std::string db_path(const std::string& db) {
  if (!db.empty()) return db;
  const char* env = std::getenv("LEDE_DB");
  return env && *env ? env : kDefaultDb;
}

// Read-only Stores, one per request at a time (a Store is used by one thread).
class StorePool {
 public:
  StorePool(std::string path, uint32_t max_query_millis)
      : path_(std::move(path)), max_query_millis_(max_query_millis) {}

  // Runs `use` with a Store of its own; an error when none can be opened.
  template <typename F>
  auto with(F&& use) -> decltype(use(std::declval<Store&>())) {
    std::unique_ptr<Store> store;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!free_.empty()) {
        store = std::move(free_.back());
        free_.pop_back();
      }
    }
    if (!store) {
      StoreOptions options;
      options.read_only = true;
      options.create = false;
      options.max_query_millis = max_query_millis_;
      Result<Store> opened = Store::open(path_, options);
      if (!opened) return tl::unexpected<Error>(opened.error());
      store = std::make_unique<Store>(std::move(*opened));
    }
    auto result = use(*store);
    std::lock_guard<std::mutex> lock(mutex_);
    free_.push_back(std::move(store));
    return result;
  }

 private:
  std::string path_;
  uint32_t max_query_millis_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<Store>> free_;
};

const char* mime_type(std::string_view path) {
  if (path.ends_with(".html")) return "text/html; charset=utf-8";
  if (path.ends_with(".js")) return "text/javascript; charset=utf-8";
  if (path.ends_with(".css")) return "text/css; charset=utf-8";
  if (path.ends_with(".svg")) return "image/svg+xml";
  if (path.ends_with(".png")) return "image/png";
  if (path.ends_with("/LICENSE")) return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

const WebFile* find_web_file(std::string_view path) {
  if (path == "/") path = "/index.html";
  for (const WebFile* f = kWebFiles; f->path; ++f)
    if (path == f->path) return f;
  return nullptr;
}

void send_json(httplib::Response& res, int status, const std::string& body) {
  res.status = status;
  res.set_content(body, "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, std::string_view code,
                const std::string& message) {
  nlohmann::json e = {{"error", {{"code", code}, {"message", message}}}};
  send_json(res, status, e.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void send_error(httplib::Response& res, const Error& error) {
  int status = error.code == ErrorCode::kUsage     ? 400
               : error.code == ErrorCode::kTimeout ? 503
                                                   : 500;
  send_error(res, status, error_code_name(error.code), error.message);
}

// A whole non-negative number no larger than `max`, or nullopt.
std::optional<uint64_t> parse_count(const std::string& text, uint64_t max) {
  uint64_t value = 0;
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, value);
  if (text.empty() || ec != std::errc() || ptr != end || value > max) return std::nullopt;
  return value;
}

// The query, limit and offset of a search request, or false after answering 400.
bool parse_search(const httplib::Request& req, httplib::Response& res, SearchOptions& options) {
  options.query = req.get_param_value("q");
  if (options.query.size() > kMaxQueryBytes) {
    send_error(res, 400, "usage",
               "the query is longer than " + std::to_string(kMaxQueryBytes) + " bytes");
    return false;
  }
  if (req.has_param("limit")) {
    std::optional<uint64_t> limit = parse_count(req.get_param_value("limit"), kMaxLimit);
    if (!limit || *limit == 0) {
      send_error(res, 400, "usage",
                 "limit must be a whole number from 1 to " + std::to_string(kMaxLimit));
      return false;
    }
    options.limit = static_cast<uint32_t>(*limit);
  }
  if (req.has_param("offset")) {
    std::optional<uint64_t> offset = parse_count(req.get_param_value("offset"), kMaxOffset);
    if (!offset) {
      send_error(res, 400, "usage",
                 "offset must be a whole number from 0 to " + std::to_string(kMaxOffset));
      return false;
    }
    options.offset = static_cast<uint32_t>(*offset);
  }
  std::string all = req.get_param_value("all_copies");
  options.all_copies = all == "1" || all == "true";
  return true;
}

// {"query", "limit", "offset", "total", "results": [...]} around records
// that are already JSON.
std::string page_json(const SearchOptions& options, uint64_t total,
                      const std::vector<const std::string*>& records) {
  nlohmann::json head = {{"query", options.query},
                         {"limit", options.limit},
                         {"offset", options.offset},
                         {"total", total}};
  std::string out = head.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  out.pop_back();  // the closing brace
  out += ",\"results\":[";
  for (size_t i = 0; i < records.size(); ++i) {
    if (i) out += ',';
    out += *records[i];
  }
  out += "]}";
  return out;
}

void add_routes(httplib::Server& server, StorePool& pool, uint64_t max_body) {
  server.Get("/healthz", [](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, "{\"ok\":true}");
  });

  server.Get("/api/stats", [&pool](const httplib::Request&, httplib::Response& res) {
    Result<StoreStats> stats = pool.with([](Store& s) { return s.stats(); });
    if (!stats) return send_error(res, stats.error());
    send_json(res, 200, stats->to_json());
  });

  server.Get("/api/search", [&pool](const httplib::Request& req, httplib::Response& res) {
    SearchOptions options;
    if (!parse_search(req, res, options)) return;
    Result<std::string> page = pool.with([&](Store& s) -> Result<std::string> {
      uint64_t total = 0;
      Result<std::vector<ArticleHit>> hits = s.search(options, &total);
      if (!hits) return tl::unexpected<Error>(hits.error());
      std::vector<const std::string*> records;
      for (const ArticleHit& h : *hits) records.push_back(&h.json);
      return page_json(options, total, records);
    });
    if (!page) return send_error(res, page.error());
    send_json(res, 200, *page);
  });

  server.Get("/api/quotes", [&pool](const httplib::Request& req, httplib::Response& res) {
    SearchOptions options;
    if (!parse_search(req, res, options)) return;
    Result<std::string> page = pool.with([&](Store& s) -> Result<std::string> {
      Result<uint64_t> total = s.count_quotes(options);
      if (!total) return tl::unexpected<Error>(total.error());
      Result<std::vector<QuoteHit>> hits = s.quotes(options);
      if (!hits) return tl::unexpected<Error>(hits.error());
      std::vector<const std::string*> records;
      for (const QuoteHit& h : *hits) records.push_back(&h.json);
      return page_json(options, *total, records);
    });
    if (!page) return send_error(res, page.error());
    send_json(res, 200, *page);
  });

  server.Get("/api/timeline", [&pool](const httplib::Request& req, httplib::Response& res) {
    SearchOptions options;
    if (!parse_search(req, res, options)) return;
    Result<Timeline> timeline = pool.with([&](Store& s) { return s.timeline(options); });
    if (!timeline) return send_error(res, timeline.error());
    nlohmann::json head = {{"query", options.query}};
    std::string out = head.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out.pop_back();
    std::string body = timeline->to_json();
    out += "," + body.substr(1);  // the timeline's fields after the query
    send_json(res, 200, out);
  });

  server.Get("/api/people", [&pool](const httplib::Request& req, httplib::Response& res) {
    SearchOptions options;
    if (!parse_search(req, res, options)) return;
    Result<std::vector<PersonCount>> people =
        pool.with([&](Store& s) { return s.people(options); });
    if (!people) return send_error(res, people.error());
    std::vector<std::string> lines;
    for (const PersonCount& p : *people) lines.push_back(p.to_json());
    nlohmann::json head = {
        {"query", options.query}, {"limit", options.limit}, {"offset", options.offset}};
    std::string out = head.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    out.pop_back();
    out += ",\"results\":[";
    for (size_t i = 0; i < lines.size(); ++i) out += (i ? "," : "") + lines[i];
    out += "]}";
    send_json(res, 200, out);
  });

  server.Get(R"(/api/article/([^/]*))",
             [&pool](const httplib::Request& req, httplib::Response& res) {
               std::string text = req.matches[1].str();
               std::optional<uint64_t> id = parse_count(text, INT64_MAX);
               if (!id || *id == 0) {
                 return send_error(res, 400, "usage", "an article id is a whole number above 0");
               }
               Result<std::string> record =
                   pool.with([&](Store& s) { return s.article_json(static_cast<int64_t>(*id)); });
               if (!record) {
                 // The store says kUsage when no article has the id.
                 if (record.error().code == ErrorCode::kUsage) {
                   return send_error(res, 404, "not_found", record.error().message);
                 }
                 return send_error(res, record.error());
               }
               send_json(res, 200, *record);
             });

  server.Post("/api/extract", [max_body](const httplib::Request& req, httplib::Response& res) {
    // The server's payload limit refuses larger bodies before they are read;
    // this holds for chunked bodies as well.
    if (req.body.size() > max_body) {
      return send_error(res, 413, "too_large",
                        "the page is larger than " + std::to_string(max_body) + " bytes");
    }
    Options options;
    options.url = req.get_param_value("url");
    options.path = "-";
    options.analyze = true;
    options.page_type = req.get_param_value("page_type");  // empty: lede's model decides
    options.limits.max_input_bytes = max_body;
    Result<Article> article = extract(req.body, options);
    if (!article) {
      if (article.error().code == ErrorCode::kUsage) return send_error(res, article.error());
      return send_error(res, 422, error_code_name(article.error().code), article.error().message);
    }
    send_json(res, 200, to_json(*article));
  });

  server.Get(R"(/api/.*)", [](const httplib::Request& req, httplib::Response& res) {
    send_error(res, 404, "not_found", "no API endpoint at " + req.path);
  });

  server.Get(R"(/.*)", [](const httplib::Request& req, httplib::Response& res) {
    const WebFile* file = find_web_file(req.path);
    if (!file) {
      res.status = 404;
      res.set_content("Not found\n", "text/plain; charset=utf-8");
      return;
    }
    res.set_content(reinterpret_cast<const char*>(file->data), file->size, mime_type(file->path));
  });
}

// The address a browser on this machine goes to: a wildcard host listens on every
// address but is none to go to, so loopback stands in for it.
std::string browser_address(const std::string& host, int port) {
  std::string shown = host == "0.0.0.0" ? "127.0.0.1" : host == "::" ? "::1" : host;
  if (shown.find(':') != std::string::npos) shown = "[" + shown + "]";
  return "http://" + shown + ":" + std::to_string(port) + "/";
}

// Asks xdg-open to show `url` in the user's browser, without waiting for it: the
// server goes on whatever happens, and says on stderr when no browser could be
// asked. xdg-open runs in a process group of its own with no signal blocked, so a
// Ctrl-C that stops the server leaves the browser it started alone.
void open_in_browser(const std::string& url) {
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setpgroup(&attr, 0);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);
  // Its chatter stays off stdout, whose first line scripts read for the address.
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::string program = "xdg-open";
  std::string arg = url;
  char* argv[] = {program.data(), arg.data(), nullptr};
  pid_t pid = -1;
  int rc = posix_spawnp(&pid, "xdg-open", &actions, &attr, argv, environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  if (rc != 0) {
    std::fprintf(stderr, "lede serve: cannot open a browser (%s: %s); open %s yourself\n",
                 "xdg-open", rc == ENOENT ? "not installed" : std::strerror(rc), url.c_str());
    return;
  }
  // Reaped by a thread of its own, which tells when xdg-open found no browser.
  std::thread([pid, url] {
    int status = 0;
    if (::waitpid(pid, &status, 0) == pid && !(WIFEXITED(status) && WEXITSTATUS(status) == 0)) {
      std::fprintf(stderr, "lede serve: xdg-open could not open a browser; open %s yourself\n",
                   url.c_str());
    }
  }).detach();
}

}  // namespace

ServeCommand::ServeCommand(CLI::App& app) {
  max_body_ = Limits{}.max_input_bytes;
  command_ = app.add_subcommand("serve", "Show the corpus in a browser: a web page and a JSON API");
  command_->add_option("--db", db_, "The corpus file (default: $LEDE_DB, else ./lede.db)");
  command_->add_option("--host", host_, "The address to listen on")->capture_default_str();
  command_->add_option("--port", port_, "The port to listen on (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  command_
      ->add_option("--max-body", max_body_,
                   "Largest request body in bytes (a page for /api/extract)")
      ->check(CLI::Range(uint64_t{1}, Limits{}.max_input_bytes))
      ->capture_default_str();
  command_
      ->add_option("--max-query-ms", max_query_millis_,
                   "Milliseconds one corpus query may run (0: no limit)")
      ->capture_default_str();
  command_->add_option("--threads", threads_, "Requests served at once")
      ->check(CLI::Range(1u, 256u))
      ->capture_default_str();
  command_->add_flag("--open", open_, "Open the page in the browser (xdg-open) once listening");
  command_->footer(
      "\nThe corpus is opened read-only; the page and its files are built into lede.\n"
      "It listens on 127.0.0.1 unless --host says otherwise and prints the address to open.\n"
      "API: GET /api/search?q=&limit=&offset=, /api/quotes?q=, /api/article/ID,\n"
      "/api/timeline?q=, /api/people?q=, /api/stats,\n"
      "/healthz; POST /api/extract?url=&page_type= with a page's HTML as the body (not\n"
      "stored; page_type, when given, is the kind of page to read it as, as extract\n"
      "--page-type).\n"
      "\nExamples:\n"
      "  lede serve --db news.db\n"
      "  lede serve --db news.db --port 0        # any free port\n"
      "  lede serve --db news.db --open          # and show it in the browser\n"
      "\n--open asks xdg-open to show the address; where there is none (or it finds no\n"
      "browser) lede says so on stderr and serves all the same.\n");
}

int ServeCommand::run() {
  std::string path = db_path(db_);
  StorePool pool(path, max_query_millis_);
  // Open once before listening, so a missing or foreign file is said at once.
  Result<StoreStats> stats = pool.with([](Store& s) { return s.stats(); });
  if (!stats) {
    std::fprintf(stderr, "lede: %s\n", stats.error().message.c_str());
    return 2;
  }

  // SIGINT and SIGTERM go to one thread that stops the server: blocked here,
  // before the server's threads start, so they inherit the mask.
  sigset_t stop_signals;
  sigemptyset(&stop_signals);
  sigaddset(&stop_signals, SIGINT);
  sigaddset(&stop_signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &stop_signals, nullptr);

  httplib::Server server;
  unsigned threads = threads_;
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_payload_max_length(max_body_);
  server.set_read_timeout(kSocketTimeoutSeconds, 0);
  server.set_write_timeout(kSocketTimeoutSeconds, 0);
  server.set_keep_alive_timeout(kSocketTimeoutSeconds);
  // A response goes out as headers and then body: without TCP_NODELAY the
  // body waits for the client's delayed ACK of the headers (40 ms on
  // Linux) on a kept-alive connection.
  server.set_tcp_nodelay(true);
  server.set_default_headers({
      {"Content-Security-Policy", kContentSecurityPolicy},
      {"X-Content-Type-Options", "nosniff"},
      {"Referrer-Policy", "no-referrer"},
      {"Cache-Control", "no-store"},
  });
  server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413) {
      send_error(res, 413, "too_large", "the request body is larger than the server accepts");
    } else if (res.status >= 400) {
      send_error(res, res.status, "http", "HTTP status " + std::to_string(res.status));
    }
  });
  add_routes(server, pool, max_body_);

  int port = port_;
  if (port == 0) {
    port = server.bind_to_any_port(host_);
  } else if (!server.bind_to_port(host_, port)) {
    port = -1;
  }
  if (port <= 0) {
    std::fprintf(stderr, "lede: cannot listen on %s port %d\n", host_.c_str(), port_);
    return 2;
  }
  std::string shown = host_.find(':') != std::string::npos ? "[" + host_ + "]" : host_;
  std::printf("lede serve: %s (%llu articles) at http://%s:%d/\n", path.c_str(),
              static_cast<unsigned long long>(stats->articles), shown.c_str(), port);
  std::fflush(stdout);
  // The socket already listens: the browser's first request waits for the loop below.
  if (open_) open_in_browser(browser_address(host_, port));

  std::atomic<bool> done{false};
  std::atomic<bool> signalled{false};
  std::thread stopper([&server, &done, &signalled, stop_signals] {
    int signal = 0;
    sigwait(&stop_signals, &signal);
    if (done) return;  // woken by the main thread: the server has stopped
    signalled = true;
    // A signal that comes before the accept loop runs finds nothing to stop
    // yet: stop again until the loop has ended.
    while (!done) {
      server.stop();
      std::this_thread::sleep_for(kStopPoll);
    }
  });
  bool ok = server.listen_after_bind();
  done = true;
  // When the server stopped by itself (an accept failure), wake the stopper.
  if (!signalled) pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  if (signalled) return 0;
  std::fprintf(stderr, "lede: the server stopped: %s\n", ok ? "no reason given" : "accept failed");
  return 2;
}

}  // namespace lede::cli
