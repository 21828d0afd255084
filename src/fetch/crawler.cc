#include "fetch/crawler.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <deque>
#include <unordered_map>
#include <unordered_set>

#include "fetch/feeds.h"
#include "fetch/robots.h"
#include "lede/lede.h"

namespace lede::fetch {
namespace {

using Clock = std::chrono::steady_clock;
using Seconds = std::chrono::duration<double>;

// Politeness when neither --delay nor the host's Crawl-delay says otherwise.
constexpr double kDefaultDelay = 1.0;
// A Crawl-delay above this would stall a crawl for hours; it is capped.
constexpr double kMaxCrawlDelay = 30.0;
// A Retry-After further off than this is not waited for: the page fails.
constexpr double kMaxRetryAfter = 120.0;
// Jobs open at once (queued, waiting for robots.txt or in flight). Seeds are
// read only below it, so memory does not grow with the length of the list.
constexpr size_t kWindow = 4096;
// Longest wait in curl_multi_poll, so that seeds and delays are looked at.
constexpr int kPollMillis = 50;
// robots.txt is small; a larger answer is cut here (RFC 9309 asks for 500 KiB).
constexpr uint64_t kMaxRobotsBytes = 512 * 1024;
// RFC 9309 2.3.1.2: follow at least five redirects to robots.txt.
constexpr long kMaxRobotsRedirects = 5;

std::string now_iso() {
  using namespace std::chrono;
  auto now = system_clock::now();
  std::time_t t = system_clock::to_time_t(now);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// scheme://host:port of an http(s) address, and its path with the query;
// false when the address is not http(s).
bool split_url(const std::string& url, std::string& host_key, std::string& path) {
  CURLU* u = curl_url();
  bool ok = curl_url_set(u, CURLUPART_URL, url.c_str(), 0) == CURLUE_OK;
  char *scheme = nullptr, *host = nullptr, *port = nullptr, *p = nullptr, *query = nullptr;
  if (ok) {
    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0);
    curl_url_get(u, CURLUPART_HOST, &host, 0);
    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
    curl_url_get(u, CURLUPART_PATH, &p, 0);
    curl_url_get(u, CURLUPART_QUERY, &query, 0);
    std::string s = scheme ? lower(scheme) : "";
    ok = host && (s == "http" || s == "https");
    if (ok) {
      host_key = s + "://" + lower(host) + ":" + (port ? port : "");
      path = p ? p : "/";
      if (query) path += std::string("?") + query;
    }
  }
  for (char* c : {scheme, host, port, p, query}) curl_free(c);
  curl_url_cleanup(u);
  return ok;
}

std::string header_value(std::string_view head, std::string_view name) {
  size_t pos = 0;
  while (pos < head.size()) {
    size_t eol = head.find('\n', pos);
    if (eol == std::string_view::npos) eol = head.size();
    std::string_view line = head.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.size() > name.size() && line[name.size()] == ':' &&
        lower(line.substr(0, name.size())) == name) {
      std::string_view v = line.substr(name.size() + 1);
      while (!v.empty() && (v.front() == ' ' || v.front() == '\t')) v.remove_prefix(1);
      while (!v.empty() && (v.back() == '\r' || v.back() == ' ')) v.remove_suffix(1);
      return std::string(v);
    }
  }
  return "";
}

// Seconds a Retry-After header asks for (delta-seconds or an HTTP date).
std::optional<double> retry_after(const std::string& value) {
  if (value.empty()) return std::nullopt;
  if (std::all_of(value.begin(), value.end(),
                  [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
    return std::stod(value);
  time_t when = curl_getdate(value.c_str(), nullptr);
  if (when < 0) return std::nullopt;
  return std::max(0.0, std::difftime(when, std::time(nullptr)));
}

struct Job {
  JobKind kind = JobKind::kPage;
  std::string requested;
  std::string url;
  std::vector<std::string> redirects;
  unsigned attempt = 0;
  Clock::time_point not_before{};
  bool robots_probe = false;  // this job fetches the host's robots.txt
};

enum class RobotsState { kUnknown, kFetching, kReady };

struct Host {
  std::deque<Job> queue;
  unsigned in_flight = 0;
  Clock::time_point next_start{};
  RobotsState robots_state = RobotsState::kUnknown;
  Robots robots = Robots::allow_all();
  double delay = kDefaultDelay;
};

struct Transfer {
  CURL* easy = nullptr;
  Job job;
  std::string host_key;
  std::string head;
  std::string body;
  std::string request;
  bool too_large = false;
  uint64_t limit = 0;
};

size_t on_header(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  std::string_view line(data, size * n);
  if (line.substr(0, 5) == "HTTP/") t->head.clear();  // a new response (after 1xx)
  t->head.append(line);
  return size * n;
}

size_t on_body(char* data, size_t size, size_t n, void* user) {
  auto* t = static_cast<Transfer*>(user);
  size_t len = size * n;
  if (t->body.size() + len > t->limit) {
    t->body.append(data, t->limit - t->body.size());
    t->too_large = true;
    return 0;  // aborts the transfer: nothing past the limit is read
  }
  t->body.append(data, len);
  return len;
}

int on_debug(CURL*, curl_infotype type, char* data, size_t size, void* user) {
  if (type == CURLINFO_HEADER_OUT) static_cast<Transfer*>(user)->request.append(data, size);
  return 0;
}

}  // namespace

std::string default_user_agent() {
  return "lede/" + std::string(lede::version()) + " (news article extractor)";
}

struct Crawler::Impl {
  CrawlConfig config;
  std::function<std::optional<Seed>()> next_seed;
  std::function<void(Fetched&&)> deliver;
  std::function<bool()> has_room;
  WarcWriter* warc = nullptr;
  bool warc_ok = true;
  CrawlStats stats;

  CURLM* multi = nullptr;
  std::vector<CURL*> spare_handles;
  std::unordered_map<std::string, Host> hosts;
  std::unordered_set<std::string> waiting;     // hosts with queued jobs
  std::unordered_set<std::string> seen_found;  // pages found in feeds (deduplication)
  size_t open_jobs = 0;
  size_t in_flight = 0;
  bool seeds_done = false;
  uint64_t pages_found = 0;

  ~Impl() {
    for (CURL* e : spare_handles) curl_easy_cleanup(e);
    if (multi) curl_multi_cleanup(multi);
  }

  double host_delay(const Host& h) const {
    if (config.delay) return *config.delay;
    if (auto d = h.robots.crawl_delay()) return std::min(*d, kMaxCrawlDelay);
    return kDefaultDelay;
  }

  void fail(Job& job, ErrorCode code, std::string message, int status = 0) {
    Fetched f;
    f.kind = job.kind;
    f.requested = std::move(job.requested);
    f.url = std::move(job.url);
    f.redirects = std::move(job.redirects);
    f.status = status;
    f.fetched_at = now_iso();
    f.error = Error{code, std::move(message)};
    --open_jobs;
    deliver(std::move(f));
  }

  // Puts a job on its host's queue (at the front for a retry).
  void enqueue(Job job, bool front = false) {
    std::string host_key, path;
    if (!split_url(job.url, host_key, path)) {
      fail(job, ErrorCode::kUsage, "not an http or https address: " + job.url);
      return;
    }
    Host& h = hosts[host_key];
    if (h.robots_state == RobotsState::kUnknown) {
      h.delay = host_delay(h);  // until robots.txt tells the host's Crawl-delay
      if (!config.robots) {
        h.robots_state = RobotsState::kReady;
        h.delay = host_delay(h);
      } else {
        h.robots_state = RobotsState::kFetching;
        Job probe;
        probe.robots_probe = true;
        probe.url = probe.requested = host_key + "/robots.txt";
        h.queue.push_front(std::move(probe));
      }
    }
    if (front && !h.queue.empty() && h.queue.front().robots_probe)
      h.queue.insert(h.queue.begin() + 1, std::move(job));
    else if (front)
      h.queue.push_front(std::move(job));
    else
      h.queue.push_back(std::move(job));
    waiting.insert(host_key);
  }

  void admit_seeds() {
    while (!seeds_done && open_jobs < kWindow) {
      std::optional<Seed> seed = next_seed();
      if (!seed) {
        seeds_done = true;
        break;
      }
      Job job;
      job.kind = seed->kind;
      job.requested = job.url = seed->url;
      ++open_jobs;
      enqueue(std::move(job));
    }
  }

  CURL* handle() {
    if (!spare_handles.empty()) {
      CURL* e = spare_handles.back();
      spare_handles.pop_back();
      curl_easy_reset(e);
      return e;
    }
    return curl_easy_init();
  }

  void start(const std::string& host_key, Host& h, Job job) {
    auto* t = new Transfer;
    t->job = std::move(job);
    t->host_key = host_key;
    t->limit = t->job.robots_probe ? kMaxRobotsBytes : config.max_bytes;
    CURL* e = t->easy = handle();
    curl_easy_setopt(e, CURLOPT_URL, t->job.url.c_str());
    curl_easy_setopt(e, CURLOPT_PRIVATE, t);
    curl_easy_setopt(e, CURLOPT_USERAGENT, config.user_agent.c_str());
    curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");  // all libcurl decodes: gzip, deflate, br
    curl_easy_setopt(e, CURLOPT_HTTP_VERSION, CURL_HTTP_VERSION_2TLS);
    curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(config.timeout * 1000));
    curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(config.timeout * 1000));
    curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
    // Pages' redirects are followed by hand, hop by hop; robots.txt's by
    // libcurl, up to the five hops RFC 9309 (2.3.1.2) asks crawlers to follow.
    curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, t->job.robots_probe ? 1L : 0L);
    curl_easy_setopt(e, CURLOPT_MAXREDIRS, kMaxRobotsRedirects);
    curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(t->limit));
    curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
    curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
    if (warc) {
      curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, on_debug);
      curl_easy_setopt(e, CURLOPT_DEBUGDATA, t);
      curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
    }
    curl_multi_add_handle(multi, e);
    ++h.in_flight;
    ++in_flight;
    ++stats.requests;
    // robots.txt sets the host's delay; the first page waits it out from
    // the robots.txt answer (robots_done).
    if (!t->job.robots_probe)
      h.next_start = Clock::now() + std::chrono::duration_cast<Clock::duration>(Seconds(h.delay));
  }

  // Starts what the hosts' limits allow now; returns when the next waiting
  // job could start (or a far time when none waits on a clock).
  Clock::time_point start_ready() {
    Clock::time_point now = Clock::now();
    Clock::time_point wake = now + std::chrono::milliseconds(kPollMillis);
    std::vector<std::string> drained;
    for (const std::string& key : waiting) {
      Host& h = hosts[key];
      while (!h.queue.empty()) {
        Job& front = h.queue.front();
        if (!front.robots_probe && h.robots_state != RobotsState::kReady) break;
        if (!front.robots_probe) {
          std::string host_key, path;
          split_url(front.url, host_key, path);
          if (!h.robots.allowed(path)) {
            Job job = std::move(front);
            h.queue.pop_front();
            fail(job, ErrorCode::kRobots,
                 "robots.txt of " + key + " disallows " + path + " for lede");
            continue;
          }
        }
        if (h.in_flight >= config.per_host || in_flight >= config.max_connections) break;
        if (!front.robots_probe && !has_room()) break;
        Clock::time_point at = std::max(h.next_start, front.not_before);
        if (at > now) {
          wake = std::min(wake, at);
          break;
        }
        Job job = std::move(front);
        h.queue.pop_front();
        start(key, h, std::move(job));
      }
      if (h.queue.empty()) drained.push_back(key);
    }
    for (const std::string& key : drained) waiting.erase(key);
    return wake;
  }

  void write_warc(Transfer& t, CURL* e) {
    if (!warc || t.head.empty()) return;
    Exchange x;
    x.url = t.job.url;
    x.date = now_iso();
    char* ip = nullptr;
    if (curl_easy_getinfo(e, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip) x.ip = ip;
    x.request = t.request;
    x.response_head = t.head;
    x.payload = t.body;
    x.truncated = t.too_large;
    if (!warc->write(x)) warc_ok = false;
  }

  void robots_done(Transfer& t, Host& h, CURLcode rc, long status) {
    ++stats.robots_files;
    if (rc == CURLE_OK && status >= 200 && status < 300)
      h.robots = Robots::parse(t.body, "lede");
    else if (rc == CURLE_OK && status >= 500)
      h.robots = Robots::disallow_all();  // RFC 9309 2.3.1.4: unreachable means disallowed
    else
      h.robots = Robots::allow_all();  // 4xx, or no answer: the pages report their own error
    h.robots_state = RobotsState::kReady;
    h.delay = host_delay(h);
    h.next_start = std::max(
        h.next_start, Clock::now() + std::chrono::duration_cast<Clock::duration>(Seconds(h.delay)));
    if (!h.queue.empty()) waiting.insert(t.host_key);
  }

  void retry_or_fail(Transfer& t, Host& h, ErrorCode code, std::string message, int status,
                     std::optional<double> asked) {
    Job& job = t.job;
    if (job.attempt < config.retries && (!asked || *asked <= kMaxRetryAfter)) {
      double wait = asked ? *asked : config.retry_wait * std::pow(2.0, job.attempt);
      ++job.attempt;
      ++stats.retries;
      Clock::time_point at =
          Clock::now() + std::chrono::duration_cast<Clock::duration>(Seconds(wait));
      job.not_before = at;
      if (status == 429 || status == 503) h.next_start = std::max(h.next_start, at);
      enqueue(std::move(job), true);
      return;
    }
    if (asked && *asked > kMaxRetryAfter)
      message += "; Retry-After asks for " + std::to_string(static_cast<long>(*asked)) +
                 " s, more than lede waits";
    else if (job.attempt > 0)
      message += " after " + std::to_string(job.attempt + 1) + " attempts";
    fail(job, code, std::move(message), status);
  }

  void listing_done(Transfer& t, Fetched& f) {
    Result<Listing> listing = parse_listing(f.body, f.url, config.max_bytes);
    if (!listing) {
      Job job = std::move(t.job);
      job.url = f.url;
      fail(job, listing.error().code, listing.error().message, f.status);
      return;
    }
    ++stats.feeds;
    for (Entry& child : listing->sitemaps) {
      if (!config.since.empty() && !child.date.empty() && child.date < config.since) continue;
      if (!seen_found.insert(child.url).second) continue;
      Job job;
      job.kind = JobKind::kSitemap;
      job.requested = job.url = child.url;
      ++open_jobs;
      enqueue(std::move(job));
    }
    for (Entry& page : listing->pages) {
      if (!config.since.empty() && !page.date.empty() && page.date < config.since) {
        ++stats.left_by_since;
        continue;
      }
      if (!seen_found.insert(page.url).second) continue;
      if (config.max_pages && pages_found >= config.max_pages) {
        ++stats.left_by_max_pages;
        continue;
      }
      ++pages_found;
      ++stats.found;
      Job job;
      job.requested = job.url = page.url;
      ++open_jobs;
      enqueue(std::move(job));
    }
    --open_jobs;
  }

  void finished(CURLMsg* msg) {
    CURL* e = msg->easy_handle;
    CURLcode rc = msg->data.result;
    Transfer* tp = nullptr;
    curl_easy_getinfo(e, CURLINFO_PRIVATE, &tp);
    std::unique_ptr<Transfer> t(tp);
    curl_multi_remove_handle(multi, e);
    Host& h = hosts[t->host_key];
    --h.in_flight;
    --in_flight;
    if (config.per_host == 1 && !t->job.robots_probe)
      h.next_start =
          std::max(h.next_start,
                   Clock::now() + std::chrono::duration_cast<Clock::duration>(Seconds(h.delay)));
    if (!h.queue.empty()) waiting.insert(t->host_key);
    long status = 0;
    curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
    stats.bytes += t->body.size();
    if (rc == CURLE_FILESIZE_EXCEEDED) t->too_large = true;
    write_warc(*t, e);
    char* location = nullptr;
    std::string redirect;
    if (curl_easy_getinfo(e, CURLINFO_REDIRECT_URL, &location) == CURLE_OK && location)
      redirect = location;
    spare_handles.push_back(e);

    if (t->job.robots_probe) {
      robots_done(*t, h, t->too_large ? CURLE_OK : rc, status);
      return;
    }
    Job& job = t->job;
    if (t->too_large) {
      fail(job, ErrorCode::kTooLarge,
           "the response is larger than --max-bytes (" + std::to_string(config.max_bytes) +
               " bytes); it was cut there",
           static_cast<int>(status));
      return;
    }
    if (rc != CURLE_OK) {
      std::string why = std::string(curl_easy_strerror(rc));
      switch (rc) {
        case CURLE_COULDNT_RESOLVE_HOST:
          fail(job, ErrorCode::kDns, why);
          return;
        case CURLE_OPERATION_TIMEDOUT:
          fail(job, ErrorCode::kTimeout,
               "no complete answer within " + std::to_string(config.timeout) + " s");
          return;
        case CURLE_SSL_CONNECT_ERROR:
        case CURLE_PEER_FAILED_VERIFICATION:
        case CURLE_SSL_CERTPROBLEM:
        case CURLE_SSL_CIPHER:
        case CURLE_SSL_CACERT_BADFILE:
        case CURLE_SSL_ISSUER_ERROR:
        case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
        case CURLE_SSL_INVALIDCERTSTATUS:
          fail(job, ErrorCode::kTls, why);
          return;
        default:
          retry_or_fail(*t, h, ErrorCode::kNetwork, why, 0, std::nullopt);
          return;
      }
    }
    if (status >= 300 && status < 400 && !redirect.empty()) {
      ++stats.redirects;
      bool loop = redirect == job.url || std::find(job.redirects.begin(), job.redirects.end(),
                                                   redirect) != job.redirects.end();
      job.redirects.push_back(job.url);
      job.url = redirect;
      if (loop) {
        std::string chain;
        for (const std::string& r : job.redirects) chain += r + " -> ";
        fail(job, ErrorCode::kHttpStatus, "redirect loop: " + chain + redirect,
             static_cast<int>(status));
        return;
      }
      if (job.redirects.size() > config.max_redirects) {
        fail(job, ErrorCode::kHttpStatus,
             "more than " + std::to_string(config.max_redirects) + " redirects",
             static_cast<int>(status));
        return;
      }
      job.attempt = 0;
      job.not_before = {};
      enqueue(std::move(job));
      return;
    }
    if (status == 429 || status >= 500) {
      retry_or_fail(*t, h, ErrorCode::kHttpStatus, "HTTP " + std::to_string(status),
                    static_cast<int>(status), retry_after(header_value(t->head, "retry-after")));
      return;
    }
    if (status < 200 || status >= 300) {
      fail(job, ErrorCode::kHttpStatus, "HTTP " + std::to_string(status), static_cast<int>(status));
      return;
    }
    Fetched f;
    f.kind = job.kind;
    f.requested = std::move(job.requested);
    f.url = job.url;
    f.redirects = std::move(job.redirects);
    f.status = static_cast<int>(status);
    f.fetched_at = now_iso();
    f.content_type = header_value(t->head, "content-type");
    f.body = std::move(t->body);
    if (job.kind != JobKind::kPage) {
      listing_done(*t, f);
      return;
    }
    --open_jobs;
    deliver(std::move(f));
  }

  void run() {
    multi = curl_multi_init();
    while (true) {
      admit_seeds();
      Clock::time_point wake = start_ready();
      if (in_flight == 0 && waiting.empty() && seeds_done) break;
      int running = 0;
      curl_multi_perform(multi, &running);
      int left = 0;
      bool done_any = false;
      while (CURLMsg* msg = curl_multi_info_read(multi, &left)) {
        if (msg->msg != CURLMSG_DONE) continue;
        finished(msg);
        done_any = true;
      }
      if (in_flight == 0 && waiting.empty() && seeds_done) break;
      // A finished transfer frees a slot: start the next at once, not at
      // the next socket event.
      if (done_any) continue;
      auto millis = std::chrono::duration_cast<std::chrono::milliseconds>(wake - Clock::now());
      int timeout = static_cast<int>(std::clamp<long>(millis.count(), 0, kPollMillis));
      if (in_flight > 0 || timeout > 0) curl_multi_poll(multi, nullptr, 0, timeout, nullptr);
    }
  }
};

Crawler::Crawler(CrawlConfig config, std::function<std::optional<Seed>()> next_seed,
                 std::function<void(Fetched&&)> deliver, std::function<bool()> has_room,
                 WarcWriter* warc)
    : impl_(std::make_unique<Impl>()) {
  impl_->config = std::move(config);
  impl_->next_seed = std::move(next_seed);
  impl_->deliver = std::move(deliver);
  impl_->has_room = std::move(has_room);
  impl_->warc = warc;
}

Crawler::~Crawler() = default;

void Crawler::run() { impl_->run(); }
const CrawlStats& Crawler::stats() const { return impl_->stats; }
bool Crawler::warc_ok() const { return impl_->warc_ok; }

}  // namespace lede::fetch
