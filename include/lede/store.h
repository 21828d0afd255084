// The corpus: article records kept in one SQLite file, searchable.
//
//   lede::Result<lede::Store> store = lede::Store::open("lede.db");
//   if (!store) return fail(store.error());
//   store->add(lede::to_json(article));      // batched; commit() ends a batch
//   store->commit();
//   lede::SearchOptions q;
//   q.query = "\"interest rates\" site:apnews.com since:2023-06-01";
//   for (const lede::ArticleHit& hit : *store->search(q)) std::cout << hit.json << "\n";
//
// This is the one place lede's SQL lives: the CLI (ingest, search, stats),
// the web server and the Python bindings all go through it. The schema and
// its versions are described in docs/DESIGN.md ("The corpus").
//
// Records: add() takes a record as `lede extract` writes it (JSON), keeps it
// whole (fields added to the record later survive) and indexes its title,
// text, authors, quotes, people, time expressions, source and site. An
// article is the same article when its key (canonical URL, else URL, else
// source path and archive offset) and its content (title and text) are the
// same: adding it again changes nothing. Same key, new content: a new
// version, and searches show the newest. Articles whose bodies are near
// copies (a wire story on twenty sites) share a story cluster.
//
// Crash safety: additions are grouped into transactions of
// StoreOptions::batch_articles; a process killed mid-batch loses that batch
// only, and adding the same input again completes the corpus.
//
// Thread safety: a Store is used by one thread at a time. Any number of
// processes may read while one writes (WAL): readers never wait for it.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lede/result.h"

namespace lede {

struct StoreOptions {
  // Queries only: the file is opened read-only and never migrated (an older
  // schema is then an error that says how to upgrade it).
  bool read_only = false;
  // Create the file when it does not exist (otherwise that is a kIo error).
  bool create = true;
  // Articles per transaction: more is more lost to a crash and faster (each
  // random index page a batch touches is written once per commit; 2,000,
  // with the writer's larger checkpoint interval, took 12% less CPU than
  // 500 into a 200,000-article corpus).
  uint32_t batch_articles = 2000;
  // Milliseconds one query (search, count, quotes, count_quotes, timeline,
  // people) may run before it stops with a kTimeout error; 0 for no limit. For servers, where one
  // broad query must not hold a worker.
  uint32_t max_query_millis = 0;
  // A query with words ranks (bm25) only its newest matches, this many or
  // four per result asked for (offset + limit) when a page goes deeper;
  // 0 for the default (2,000). Older matches are counted (count()) but not
  // listed, unless a page goes that deep: see query_language_help().
  uint32_t rank_candidates = 0;
};

enum class AddOutcome {
  kAdded,       // a new article
  kNewVersion,  // a new version of an article the corpus held (same key, new content)
  kDuplicate,   // the corpus held it already; nothing changed
};

struct SearchOptions {
  std::string query;  // the query language: see query_language_help()
  uint32_t limit = 10;
  uint32_t offset = 0;
  bool all_copies = false;  // every copy of a story, not one per story
};

struct ArticleHit {
  int64_t id = 0;
  double score = 0;     // bm25, lower is better; 0 when the query has no words
  std::string snippet;  // text around the matching words, each marked as **word**
  uint64_t copies = 1;  // articles in its story cluster (itself included)
  std::string title, site, day, url;
  // One line of JSON: the record without `blocks`, plus id, score, snippet
  // and copies.
  std::string json;
};

struct QuoteHit {
  int64_t id = 0;  // the quote's
  int64_t article_id = 0;
  std::string text, speaker, cue, url, day, site;
  std::string json;  // one line: text, speaker, cue, kind, article_id, url, site, day
};

struct StoreStats {
  uint64_t articles = 0;  // newest versions
  uint64_t versions = 0;  // all versions
  uint64_t stories = 0;   // story clusters among the newest versions
  uint64_t quotes = 0, people = 0, sites = 0, languages = 0;
  std::string first_day, last_day;  // published days, "" when none
  int schema_version = 0;
  std::string to_json() const;  // one line
};

struct DayCount {
  std::string day;  // YYYY-MM-DD
  uint64_t count = 0;
};

struct SiteTimeline {
  std::string site;
  uint64_t count = 0;          // over all its days
  std::vector<DayCount> days;  // oldest first
};

// How coverage of a query rose and fell: matching stories (articles with
// all_copies) per published day.
struct Timeline {
  std::vector<DayCount> days;       // oldest first; days with none are left out
  std::vector<SiteTimeline> sites;  // the sites with most, most first (ten at most)
  uint64_t undated = 0;             // matches without a published day
  std::string to_json() const;      // one line
};

struct PersonCount {
  std::string name;
  uint64_t articles = 0;            // matching articles that name the person
  std::vector<std::string> titles;  // as the articles give them, most frequent first
  std::string to_json() const;      // one line
};

class Store {
 public:
  // Opens or creates the corpus at `path`. A file that is not a lede
  // corpus, or one written by a newer lede (a newer schema), is a kUsage
  // error naming it, and the file is left as it was. An older schema is
  // migrated in one transaction (unless read_only).
  static Result<Store> open(const std::string& path, const StoreOptions& options = {});

  Store(Store&&) noexcept;
  Store& operator=(Store&&) noexcept;
  // Commits the open batch.
  ~Store();

  // Adds one record (JSON as `lede extract` writes it). Errors: kUsage for
  // JSON that is not an article record, kIo for the database.
  Result<AddOutcome> add(std::string_view record_json);
  // Ends the open batch (a no-op when none is open).
  Result<void> commit();

  // Articles matching `options.query`, best first (newest first for a query
  // of filters only). A query that cannot be parsed is a kUsage error
  // saying where.
  Result<std::vector<ArticleHit>> search(const SearchOptions& options);
  // The same, and what count() gives in `*total`: a result page and its
  // total at the cost of one walk of the matches when the ranked walk reads
  // them all (a narrow filter or a rare word), else of two.
  Result<std::vector<ArticleHit>> search(const SearchOptions& options, uint64_t* total);
  // How many results search() would page through: stories, or articles with
  // all_copies.
  Result<uint64_t> count(const SearchOptions& options);
  // Quotes matching: the query's words match the quote's text, speaker: its
  // speaker; other filters apply to its article. One per story unless
  // all_copies.
  Result<std::vector<QuoteHit>> quotes(const SearchOptions& options);
  Result<uint64_t> count_quotes(const SearchOptions& options);
  // Matching stories per published day, and per day for the ten sites
  // with most (limit and offset do not apply).
  Result<Timeline> timeline(const SearchOptions& options);
  // People named in the matching articles, most articles first; limit and
  // offset page through them.
  Result<std::vector<PersonCount>> people(const SearchOptions& options);
  // The full record of article `id` with id, copies and version added, or
  // kUsage when there is none.
  Result<std::string> article_json(int64_t id);
  Result<StoreStats> stats();

  const std::string& path() const;

 private:
  struct Impl;
  explicit Store(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The schema version this lede writes and reads.
int store_schema_version();
// The query language, for `lede help search`.
std::string_view query_language_help();

}  // namespace lede
