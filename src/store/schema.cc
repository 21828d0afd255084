#include "store/schema.h"

#include <string>
#include <utility>
#include <vector>

#include "store/db.h"
#include "store/facets.h"
#include "store/stories.h"

namespace lede::store {

Result<Stmt*> StmtCache::get(const std::string& sql) {
  auto it = cache_.find(sql);
  if (it != cache_.end()) {
    it->second->reset();
    return it->second.get();
  }
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v3(db_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &s, nullptr) != SQLITE_OK)
    return tl::unexpected(error("preparing a query"));
  auto [pos, _] = cache_.emplace(sql, std::make_unique<Stmt>(s));
  return pos->second.get();
}

Error StmtCache::error(std::string_view what) const {
  const char* file = sqlite3_db_filename(db_, "main");
  return Error{ErrorCode::kIo, std::string(file && *file ? file : "the corpus") + ": " +
                                   std::string(what) + ": " + sqlite3_errmsg(db_)};
}

Result<void> exec(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message) != SQLITE_OK) {
    std::string m = message ? message : sqlite3_errmsg(db);
    sqlite3_free(message);
    const char* file = sqlite3_db_filename(db, "main");
    return make_error(ErrorCode::kIo, std::string(file && *file ? file : "the corpus") + ": " + m);
  }
  return {};
}

namespace {

// Version 1: articles and what analysis finds in them. Each article row is
// small (what filters and result lines need); its body and whole record
// sit in `bodies`, read only for the rows shown. The text index reads
// title and body through a view, so the text is stored once.
constexpr const char* kSchema1 = R"sql(
CREATE TABLE articles(
  id INTEGER PRIMARY KEY,
  doc_key TEXT NOT NULL,       -- canonical URL, else URL, else source path and offset
  content_hash TEXT NOT NULL,  -- of title and text: a change makes a new version
  version INTEGER NOT NULL,    -- 1, 2, ... per doc_key
  latest INTEGER NOT NULL,     -- 1 for the newest version of its doc_key
  url TEXT NOT NULL,
  site TEXT NOT NULL,          -- domain, lower case, without www.
  language TEXT NOT NULL,      -- primary subtag, lower case
  day TEXT NOT NULL,           -- published day YYYY-MM-DD, '' when unknown
  title TEXT NOT NULL,
  authors TEXT NOT NULL,       -- one a line
  people TEXT NOT NULL,        -- names of the people named, one a line
  speakers TEXT NOT NULL,      -- speakers of its quotes, one a line
  added TEXT NOT NULL,         -- when ingested, UTC ISO 8601
  UNIQUE(doc_key, content_hash));
CREATE INDEX articles_latest_day ON articles(latest, day);
CREATE INDEX articles_site_day ON articles(site, day);
CREATE INDEX articles_language_day ON articles(language, day);
CREATE TABLE bodies(
  id INTEGER PRIMARY KEY,      -- articles.id
  body TEXT NOT NULL,
  record TEXT NOT NULL);       -- the record as lede extract wrote it (JSON)
CREATE VIEW article_text AS
  SELECT a.id AS id, a.title AS title, b.body AS body, a.authors AS authors,
         a.people AS people, a.speakers AS speakers
  FROM articles a JOIN bodies b ON b.id = a.id;
CREATE VIRTUAL TABLE article_fts USING fts5(
  title, body, authors, people, speakers,
  content='article_text', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
INSERT INTO article_fts(article_fts, rank) VALUES('rank', 'bm25(4.0, 1.0, 1.0, 1.0, 1.0)');
CREATE TABLE sources(
  article_id INTEGER PRIMARY KEY,
  path TEXT NOT NULL,          -- the input as given ('-' for stdin)
  kind TEXT NOT NULL,          -- html, text, warc
  offset INTEGER,              -- of the record in its WARC file
  target_uri TEXT NOT NULL,
  warc_date TEXT NOT NULL,
  bytes INTEGER NOT NULL);
CREATE TABLE quotes(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  text TEXT NOT NULL,
  speaker TEXT NOT NULL,
  cue TEXT NOT NULL,
  kind TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE VIRTUAL TABLE quote_fts USING fts5(
  text, speaker, content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE TABLE entities(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  type TEXT NOT NULL,          -- person, organization, place
  titles TEXT NOT NULL,        -- one a line ('Secretary of State')
  mentions INTEGER NOT NULL);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_name ON entities(name);
CREATE TABLE times(
  id INTEGER PRIMARY KEY,
  article_id INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,          -- TIMEX3: DATE, TIME, DURATION, SET
  value TEXT NOT NULL,
  mod TEXT NOT NULL,
  start INTEGER NOT NULL,
  end INTEGER NOT NULL);
CREATE INDEX times_article ON times(article_id);
)sql";

// Version 2: story clusters. `story` is the id of the story's first
// article; `lsh` holds each body's MinHash band keys (near_duplicates.h).
constexpr const char* kSchema2 = R"sql(
ALTER TABLE articles ADD COLUMN story INTEGER;
CREATE INDEX articles_story ON articles(story) WHERE latest = 1;
CREATE TABLE lsh(
  key INTEGER NOT NULL,
  article_id INTEGER NOT NULL,
  PRIMARY KEY(key, article_id)) WITHOUT ROWID;
)sql";

// Version 3: the record's text is kept once (bodies.record holds
// "text": null, bodies.body the text); `shared` marks the articles whose
// story has (or had) another newest version, so that counting stories
// needs DISTINCT only for those; the filter indexes cover what counts and
// result lists read (latest, shared, story), so that no article row is read
// for them; `articles_exceptions` lists the few articles a count of text
// matches without filters must look at (old versions and shared stories).
constexpr const char* kSchema3 = R"sql(
ALTER TABLE articles ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
UPDATE articles SET shared = 1 WHERE latest = 1 AND story IN
  (SELECT story FROM articles WHERE latest = 1 GROUP BY story HAVING count(*) > 1);
UPDATE bodies SET record = json_replace(record, '$.text', NULL)
  WHERE json_valid(record) AND json_type(record, '$.text') = 'text';
DROP INDEX articles_latest_day;
DROP INDEX articles_site_day;
DROP INDEX articles_language_day;
CREATE INDEX articles_latest_day ON articles(latest, day, shared, story);
CREATE INDEX articles_site_day ON articles(site, day, latest, shared, story);
CREATE INDEX articles_language_day ON articles(language, day, latest, shared, story);
CREATE INDEX articles_exceptions ON articles(id, latest, story) WHERE latest = 0 OR shared = 1;
)sql";

// Version 4: the facets of every article (site, day, language, newest
// version, shared, story) packed by id for queries to read at once
// (facets.h); built from `articles` by the migration. The text indexes
// merge eight segments of a level instead of FTS5's four: each entry is
// rewritten on fewer levels, 12-14% less ingest CPU on 200,000 articles,
// with query times level (BENCHMARKS.md, "The corpus").
constexpr const char* kSchema4 = R"sql(
INSERT INTO article_fts(article_fts, rank) VALUES('automerge', 8);
INSERT INTO quote_fts(quote_fts, rank) VALUES('automerge', 8);
CREATE TABLE facet_names(
  kind INTEGER NOT NULL,       -- 0 site, 1 day, 2 language
  id INTEGER NOT NULL,         -- 0, 1, ... per kind, as first seen
  name TEXT NOT NULL,
  PRIMARY KEY(kind, id)) WITHOUT ROWID;
CREATE TABLE facet_chunks(
  chunk INTEGER PRIMARY KEY,   -- ids chunk * 512 to chunk * 512 + 511
  rows BLOB NOT NULL);         -- 24 bytes an id (facets.cc)
)sql";

// Bodies read per round, so that memory stays flat on a large corpus.
constexpr int kClusterChunk = 1000;

Result<void> cluster_existing(sqlite3* db) {
  StmtCache cache(db);
  int64_t after = 0;
  while (true) {
    std::vector<std::pair<int64_t, std::string>> rows;
    auto chunk = cache.get("SELECT id, body FROM bodies WHERE id > ?1 ORDER BY id LIMIT ?2");
    if (!chunk) return tl::unexpected(chunk.error());
    (*chunk)->bind(1, after).bind(2, kClusterChunk);
    while ((*chunk)->step() == SQLITE_ROW) rows.emplace_back((*chunk)->int64(0), (*chunk)->text(1));
    (*chunk)->reset();
    if (rows.empty()) return {};
    for (auto& [id, body] : rows) {
      auto story = assign_story(cache, id, body);
      if (!story) return tl::unexpected(story.error());
      auto set = cache.get("UPDATE articles SET story = ?1 WHERE id = ?2");
      if (!set) return tl::unexpected(set.error());
      if ((*set)->bind(1, *story).bind(2, id).step() != SQLITE_DONE)
        return tl::unexpected(cache.error("clustering the articles held"));
      after = id;
    }
  }
}

}  // namespace

Result<void> migrate(sqlite3* db, int from, int to) {
  for (int v = from + 1; v <= to; ++v) {
    static const char* const kSteps[] = {kSchema1, kSchema2, kSchema3, kSchema4};
    Result<void> step = exec(db, kSteps[v - 1]);
    if (!step) return step;
    if (v == 2) {
      step = cluster_existing(db);
      if (!step) return step;
    }
    if (v == 4) {
      StmtCache cache(db);
      FacetWriter facets;
      step = facets.touch_all(cache);
      if (step) step = facets.flush(cache);
      if (!step) return step;
    }
    step = exec(db, "PRAGMA user_version = " + std::to_string(v));
    if (!step) return step;
  }
  return {};
}

}  // namespace lede::store
