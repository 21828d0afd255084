#include "store_commands.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>

#include "lede/store.h"
#include "progress.h"

namespace lede::cli {
namespace {

// The corpus file when neither --db nor $LEDE_DB names one.
constexpr const char* kDefaultDb = "lede.db";
// Bytes read from stdin to tell JSON Lines from a page or an archive.
constexpr size_t kSniffBytes = 64 << 10;

constexpr const char* kIngestDescription =
    "Add article records to a corpus (an SQLite file; see lede help search).\n"
    "\n"
    "INPUT is anything lede extract reads (pages, directories, WARC archives, '-' for stdin)\n"
    "or JSON Lines written by lede extract (recognised by content). Pages are extracted and\n"
    "analysed (quotes, people, time expressions) unless --no-analyze.\n"
    "\n"
    "Ingesting the same input again adds nothing; a page whose content changed at the same\n"
    "URL becomes a new version. A run that is killed loses at most its open batch: run the\n"
    "same command again to complete the corpus.\n"
    "\n"
    "Exit status: 0 all inputs gave records, 1 some failed, 2 usage or fatal error.\n"
    "\n"
    "Examples:\n"
    "  lede ingest pages/ --db news.db\n"
    "  lede extract --analyze crawl.warc.gz -o news.jsonl && lede ingest news.jsonl\n";

constexpr const char* kStatsDescription =
    "Counts over a corpus: articles, distinct stories, quotes, people, sites, languages,\n"
    "the range of published days and the schema version.";

std::string db_path(const StoreCommands& c) {
  if (!c.db.empty()) return c.db;
  const char* env = std::getenv("LEDE_DB");
  return env && *env ? env : kDefaultDb;
}

int report(const Error& e) {
  std::fprintf(stderr, "lede: %s\n", e.message.c_str());
  return 2;
}

// Article counts over one ingest run.
struct Added {
  uint64_t added = 0, versions = 0, duplicates = 0;
};

class Ingest {
 public:
  Ingest(Store& store, bool quiet) : store_(store), quiet_(quiet) {}

  // Adds one record; false on a fatal error (reported). Lines that are not
  // article records count as failed inputs.
  bool add(std::string_view line, const std::string& where, Tally* tally) {
    Result<AddOutcome> r = store_.add(line);
    if (!r) {
      if (r.error().code != ErrorCode::kUsage) {
        report(r.error());
        return false;
      }
      if (tally) {
        ++tally->errors;
        ++tally->errors_by_code["not_an_article"];
      }
      if (!quiet_ && line.find("\"error\"") == std::string_view::npos)
        std::fprintf(stderr, "lede: %s: %s\n", where.c_str(), r.error().message.c_str());
      return true;
    }
    if (tally) ++tally->articles;
    if (*r == AddOutcome::kAdded) ++added_.added;
    if (*r == AddOutcome::kNewVersion) ++added_.versions;
    if (*r == AddOutcome::kDuplicate) ++added_.duplicates;
    return true;
  }

  // Reads JSON Lines from `fd` after `head`; false on a fatal error.
  bool jsonl(int fd, std::string head, const std::string& name, Tally& tally, uint64_t& bytes,
             Progress& progress) {
    std::string buf = std::move(head);
    uint64_t line_no = 0;
    size_t start = 0;
    char chunk[1 << 16];
    bool eof = false;
    while (true) {
      size_t nl = buf.find('\n', start);
      if (nl == std::string::npos) {
        if (eof) {
          if (start < buf.size() &&
              !add_line(std::string_view(buf).substr(start), name, ++line_no, tally))
            return false;
          return true;
        }
        buf.erase(0, start);
        start = 0;
        ssize_t n = ::read(fd, chunk, sizeof chunk);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
          std::fprintf(stderr, "lede: cannot read %s: %s\n", name.c_str(), std::strerror(errno));
          ++tally.errors;
          ++tally.errors_by_code["io"];
          return true;
        }
        if (n == 0) eof = true;
        bytes += static_cast<uint64_t>(n);
        buf.append(chunk, static_cast<size_t>(n));
        continue;
      }
      if (!add_line(std::string_view(buf).substr(start, nl - start), name, ++line_no, tally))
        return false;
      start = nl + 1;
      progress.update(tally, bytes);
    }
  }

  const Added& added() const { return added_; }

 private:
  bool add_line(std::string_view line, const std::string& name, uint64_t n, Tally& tally) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) return true;
    return add(line, name + ":" + std::to_string(n), &tally);
  }

  Store& store_;
  bool quiet_;
  Added added_;
};

// Whether the regular file `path` holds JSON Lines: its first byte after
// white space opens an object.
bool looks_like_jsonl(std::string_view head) {
  for (char c : head) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    return c == '{';
  }
  return false;
}

std::string read_head(int fd) {
  std::string head(kSniffBytes, '\0');
  size_t have = 0;
  while (have < head.size()) {
    ssize_t n = ::read(fd, head.data() + have, head.size() - have);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    have += static_cast<size_t>(n);
  }
  head.resize(have);
  return head;
}

int run_ingest(StoreCommands& c) {
  std::string db = db_path(c);
  StoreOptions options;
  options.batch_articles = c.batch;
  Result<Store> store = Store::open(db, options);
  if (!store) return report(store.error());
  ExtractConfig config = c.extract;
  config.options.analyze = !c.no_analyze;
  config.format = Format::kJsonl;
  if (config.inputs.empty() && config.files_from.empty()) config.inputs.push_back("-");

  Ingest ingest(*store, config.quiet);
  Tally tally;
  uint64_t bytes = 0;
  Progress progress(!config.quiet && isatty(STDERR_FILENO), 0);
  std::vector<std::string> pages;
  std::string spool;  // stdin that is not JSON Lines, kept in a file for the extract run
  bool ran_jsonl = false;
  for (const std::string& input : config.inputs) {
    struct stat st {};
    bool is_stdin = input == "-";
    if (!is_stdin && (::stat(input.c_str(), &st) != 0 || !S_ISREG(st.st_mode))) {
      pages.push_back(input);  // directories, and errors extract reports
      continue;
    }
    int fd = is_stdin ? STDIN_FILENO : ::open(input.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      pages.push_back(input);
      continue;
    }
    std::string head = read_head(fd);
    if (looks_like_jsonl(head)) {
      ran_jsonl = true;
      bytes += head.size();
      bool ok = ingest.jsonl(fd, std::move(head), input, tally, bytes, progress);
      if (!is_stdin) ::close(fd);
      if (!ok) return 2;
      continue;
    }
    if (!is_stdin) {
      ::close(fd);
      pages.push_back(input);
      continue;
    }
    // A page or an archive on stdin: the extract run reads it from a file.
    const char* tmp = std::getenv("TMPDIR");
    spool = std::string(tmp && *tmp ? tmp : "/tmp") + "/lede-ingest-XXXXXX";
    int out = ::mkstemp(spool.data());
    if (out < 0) {
      std::fprintf(stderr, "lede: cannot keep stdin in %s: %s\n", spool.c_str(),
                   std::strerror(errno));
      return 2;
    }
    std::string data = std::move(head);
    char chunk[1 << 16];
    bool ok = true;
    while (true) {
      if (!data.empty() &&
          ::write(out, data.data(), data.size()) != static_cast<ssize_t>(data.size()))
        ok = false;
      ssize_t n = ::read(STDIN_FILENO, chunk, sizeof chunk);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      data.assign(chunk, static_cast<size_t>(n));
    }
    ::close(out);
    if (!ok) {
      std::fprintf(stderr, "lede: cannot keep stdin in %s\n", spool.c_str());
      ::unlink(spool.c_str());
      return 2;
    }
    pages.push_back(spool);
  }
  progress.update(tally, bytes, true);
  progress.finish();
  if (ran_jsonl && !config.quiet)
    std::fprintf(stderr, "%s\n", summary(tally, bytes, progress.seconds()).c_str());

  int rc = tally.errors > 0 ? 1 : 0;
  if (!pages.empty() || !config.files_from.empty()) {
    config.inputs = pages;
    config.sink = [&](std::string_view record) {
      if (!spool.empty() && record.find(spool) != std::string_view::npos) {
        // Records of stdin name it "-", as extract's do.
        std::string fixed(record);
        std::string from = "\"path\":\"" + spool + "\"";
        size_t at = fixed.find(from);
        if (at != std::string::npos) fixed.replace(at, from.size(), "\"path\":\"-\"");
        return ingest.add(fixed, "-", nullptr);
      }
      return ingest.add(record, "", nullptr);
    };
    int extract_rc = run_extract(std::move(config));
    if (!spool.empty()) ::unlink(spool.c_str());
    if (extract_rc == 2) return 2;
    rc = std::max(rc, extract_rc);
  }
  Result<void> committed = store->commit();
  if (!committed) return report(committed.error());
  if (!c.extract.quiet) {
    const Added& a = ingest.added();
    std::fprintf(stderr, "lede: %s: %llu articles added, %llu new versions, %llu already held\n",
                 db.c_str(), static_cast<unsigned long long>(a.added),
                 static_cast<unsigned long long>(a.versions),
                 static_cast<unsigned long long>(a.duplicates));
  }
  return rc;
}

void print_hit_text(const ArticleHit& h, uint64_t n) {
  std::printf("%llu. %s\n", static_cast<unsigned long long>(n),
              h.title.empty() ? "(untitled)" : h.title.c_str());
  std::string meta = h.site.empty() ? std::string("(no site)") : h.site;
  meta += "  " + (h.day.empty() ? std::string("(no date)") : h.day);
  if (h.copies > 1) meta += "  " + std::to_string(h.copies) + " copies";
  meta += "  id " + std::to_string(h.id);
  std::printf("   %s\n", meta.c_str());
  std::string snippet = h.snippet;
  for (char& ch : snippet)
    if (ch == '\n') ch = ' ';
  std::printf("   %s\n\n", snippet.c_str());
}

int run_search(StoreCommands& c) {
  StoreOptions options;
  options.read_only = true;
  Result<Store> store = Store::open(db_path(c), options);
  if (!store) return report(store.error());
  SearchOptions q;
  q.query = c.query;
  q.limit = c.limit;
  q.offset = c.offset;
  q.all_copies = c.all_copies;
  if (c.count) {
    Result<uint64_t> n = c.quotes ? store->count_quotes(q) : store->count(q);
    if (!n) return report(n.error());
    std::printf("%llu\n", static_cast<unsigned long long>(*n));
    return 0;
  }
  bool text = c.format == "text";
  if (c.quotes) {
    auto hits = store->quotes(q);
    if (!hits) return report(hits.error());
    for (const QuoteHit& h : *hits) {
      if (text)
        std::printf("\"%s\"\n   %s%s  %s  %s  article %lld\n\n", h.text.c_str(),
                    h.speaker.empty() ? "(no speaker)" : h.speaker.c_str(),
                    h.cue.empty() ? "" : (" (" + h.cue + ")").c_str(), h.site.c_str(),
                    h.day.c_str(), static_cast<long long>(h.article_id));
      else
        std::printf("%s\n", h.json.c_str());
    }
    return 0;
  }
  auto hits = store->search(q);
  if (!hits) return report(hits.error());
  uint64_t n = q.offset;
  for (const ArticleHit& h : *hits) {
    if (text)
      print_hit_text(h, ++n);
    else
      std::printf("%s\n", h.json.c_str());
  }
  return 0;
}

int run_stats(StoreCommands& c) {
  StoreOptions options;
  options.create = false;
  Result<Store> store = Store::open(db_path(c), options);
  if (!store) return report(store.error());
  Result<StoreStats> st = store->stats();
  if (!st) return report(st.error());
  if (c.format == "json") {
    std::printf("%s\n", st->to_json().c_str());
    return 0;
  }
  auto line = [](const char* name, uint64_t v) {
    std::printf("%-16s %llu\n", name, static_cast<unsigned long long>(v));
  };
  std::printf("%-16s %s\n", "corpus", store->path().c_str());
  line("articles", st->articles);
  line("versions", st->versions);
  line("stories", st->stories);
  line("quotes", st->quotes);
  line("people", st->people);
  line("sites", st->sites);
  line("languages", st->languages);
  std::printf(
      "%-16s %s\n", "published",
      st->first_day.empty() ? "(no dates)" : (st->first_day + " to " + st->last_day).c_str());
  std::printf("%-16s %d\n", "schema version", st->schema_version);
  return 0;
}

void add_db_option(CLI::App* app, StoreCommands& c) {
  app->add_option("--db", c.db, "The corpus file (default: $LEDE_DB, else ./lede.db)");
}

}  // namespace

void add_store_commands(CLI::App& app, StoreCommands& c) {
  c.ingest = app.add_subcommand("ingest", kIngestDescription);
  CLI::App* in = c.ingest;
  in->add_option("INPUT", c.extract.inputs,
                 "Files, directories, archives, JSON Lines, or '-' for stdin");
  in->add_option("--files-from", c.extract.files_from,
                 "Read more input paths from FILE, one a line ('-' for stdin)");
  add_db_option(in, c);
  in->add_flag("--no-analyze", c.no_analyze,
               "Skip quotes, people and time expressions (about twice as fast)");
  in->add_option("-j,--jobs", c.extract.jobs, "Worker threads for extraction (default: all cores)")
      ->check(CLI::Range(1u, 1024u));
  in->add_flag("-q,--quiet", c.extract.quiet, "No progress line and no summary");
  in->add_option("--batch", c.batch,
                 "Articles per transaction: what a killed run loses at most, and how often "
                 "readers see new articles")
      ->capture_default_str()
      ->check(CLI::Range(1u, 1'000'000u));

  c.search = app.add_subcommand("search", "Search a corpus (lede help search explains QUERY)");
  CLI::App* s = c.search;
  s->add_option("QUERY", c.query, "Words and filters: lede help search")->required();
  add_db_option(s, c);
  c.format = "";
  s->add_option("--format", c.format, "jsonl (one result a line, the default) or text")
      ->check(CLI::IsMember({"jsonl", "text"}));
  s->add_option("--limit", c.limit, "Results to show")->capture_default_str();
  s->add_option("--offset", c.offset, "Results to skip first (for the next page)");
  s->add_flag("--count", c.count, "Print only the number of results");
  s->add_flag("--quotes", c.quotes, "Return quotes (text, speaker, cue, article) instead");
  s->add_flag("--all-copies", c.all_copies,
              "Every copy of a story published by several sites, not one per story");

  c.stats = app.add_subcommand("stats", kStatsDescription);
  add_db_option(c.stats, c);
  c.stats->add_option("--format", c.format, "text (the default) or json")
      ->check(CLI::IsMember({"json", "text"}));
}

std::optional<int> run_store_command(StoreCommands& c) {
  if (c.ingest && *c.ingest) {
    if (c.extract.files_from == "-")
      for (const std::string& input : c.extract.inputs)
        if (input == "-") {
          std::fputs("lede: stdin cannot be both an input and the --files-from list\n", stderr);
          return 2;
        }
    return run_ingest(c);
  }
  if (c.search && *c.search) return run_search(c);
  if (c.stats && *c.stats) return run_stats(c);
  return std::nullopt;
}

std::string store_command_help(const StoreCommands& c, const std::string& topic) {
  if (topic == "search") return c.search->help() + "\n" + std::string(query_language_help());
  if (topic == "ingest") return c.ingest->help();
  if (topic == "stats") return c.stats->help();
  return "";
}

}  // namespace lede::cli
