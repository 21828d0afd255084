// The few columns of every article that filters, story counts and timelines
// read (site, language, published day, newest version, story), held in
// memory by row id.
//
//   Facets f;
//   f.load(cache);                         // one scan of the articles table
//   Facets::Filter keep = f.filter(query);  // site:, lang:, since:, until:
//   if (const Facets::Article* a = f.find(rowid); a && keep(*a)) ...
//
// A text match of a common word is a fifth of a large corpus; reading its
// article row to test a filter or find its story costs a B-tree descent,
// a few microseconds a match, where this is an array index. The store
// reloads the facets when the file has changed (PRAGMA data_version) or it
// wrote to it itself. Not thread-safe: one per connection.
#pragma once

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "lede/result.h"
#include "store/db.h"
#include "store/query.h"

namespace lede::store {

// Strings (days, sites, languages) as small numbers, in the order first seen.
class Names {
 public:
  uint32_t id(std::string_view name);
  // The id of `name`, or size() when it has none.
  uint32_t find(std::string_view name) const;
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

  // Reads every article's facets; replaces what was held.
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

}  // namespace lede::store
