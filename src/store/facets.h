// The few columns of every article that filters, story counts and timelines
// read (site, language, published day, newest version, story), kept in the
// corpus as packed chunks and held in memory by row id.
//
//   Facets f;
//   f.load(cache);                         // a few milliseconds for 200,000 articles
//   Facets::Filter keep = f.filter(query);  // site:, lang:, since:, until:
//   if (const Facets::Article* a = f.find(rowid); a && keep(*a)) ...
//
// A text match of a common word is a fifth of a large corpus; reading its
// article row to test a filter or find its story costs a B-tree descent,
// a few microseconds a match, where this is an array index. Reading those
// columns of every row out of `articles` costs about a microsecond a row,
// too slow for a one-shot `lede search`, so the writer keeps them packed:
// `facet_chunks` holds kChunkArticles articles a row, 24 bytes each, and
// `facet_names` the sites, days and languages they number. The chunks are
// a cache of `articles`: the writer rebuilds the chunks a batch touched
// from the table before it commits (FacetWriter), in the same transaction.
// Not thread-safe: one per connection.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "lede/result.h"
#include "store/db.h"
#include "store/query.h"

namespace lede::store {

// Article ids per facet_chunks row. A batch touches the chunks of its new
// articles and, scattered, those of the old versions and story members it
// changed, each rebuilt whole from `articles`: a smaller chunk is less to
// rewrite for one changed flag (at 4,096 a chunk was 100 KB of blob), and
// 400 chunks for 200,000 articles still load in a few milliseconds. With
// 512, rebuilding took 0.2% of ingest's instructions (callgrind, 2,000
// articles into that corpus).
inline constexpr int64_t kChunkArticles = 512;

// Strings (days, sites, languages) as small numbers, in the order first seen.
class Names {
 public:
  uint32_t id(std::string_view name);
  const std::string& name(uint32_t id) const { return names_[id]; }
  uint32_t size() const { return static_cast<uint32_t>(names_.size()); }

 private:
  std::deque<std::string> names_;  // stable addresses for the map's keys
  std::map<std::string_view, uint32_t, std::less<>> ids_;
};

class Facets {
 public:
  struct Article {
    int64_t story = 0;  // coalesce(story, id)
    uint32_t site = 0, day = 0, language = 0;
    bool present = false, latest = false, shared = false;
  };

  // Which articles a query's filters keep: the newest versions whose site,
  // language and day pass (the same test as the SQL of store.cc's
  // article_filters, decided once per name rather than per article).
  class Filter {
   public:
    bool operator()(const Article& a) const {
      return a.latest && sites_[a.site] && languages_[a.language] && days_[a.day];
    }

   private:
    friend class Facets;
    std::vector<bool> sites_, languages_, days_;
  };

  // Reads the corpus's facet chunks; replaces what was held. A chunk that
  // does not decode is a kUsage error naming the file as damaged.
  Result<void> load(StmtCache& db);
  bool loaded() const { return loaded_; }

  const Article* find(int64_t id) const {
    if (id < 0 || static_cast<uint64_t>(id) >= rows_.size() || !rows_[id].present) return nullptr;
    return &rows_[id];
  }
  Filter filter(const Query& q) const;
  const Names& days() const { return days_; }
  const Names& sites() const { return sites_; }
  // Calls f(id, article) on every article, in id order.
  template <typename F>
  void for_each(F&& f) const {
    for (size_t id = 0; id < rows_.size(); ++id)
      if (rows_[id].present) f(static_cast<int64_t>(id), rows_[id]);
  }

 private:
  bool loaded_ = false;
  std::vector<Article> rows_;  // by id
  Names days_, sites_, languages_;
};

// The writer's side: remembers which chunks a batch changed and rewrites
// them from `articles` before the batch commits.
class FacetWriter {
 public:
  void touch(int64_t id) { dirty_.insert(id / kChunkArticles); }
  // Every chunk the articles table spans (building the facets of a corpus
  // written before they existed).
  Result<void> touch_all(StmtCache& db);
  // Rewrites the touched chunks and the names they add; nothing is left
  // touched after success.
  Result<void> flush(StmtCache& db);
  bool pending() const { return !dirty_.empty(); }

 private:
  Result<uint32_t> name_id(StmtCache& db, int kind, std::string_view name);
  bool names_read_ = false;
  Names names_[3];  // by kind: site, day, language
  std::set<int64_t> dirty_;
};

}  // namespace lede::store
