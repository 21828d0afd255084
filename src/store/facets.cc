#include "store/facets.h"

#include <algorithm>

namespace lede::store {
namespace {

// Article ids are SQLite row ids given in order (largest + 1) and never
// removed, so they are dense; a file whose ids are far sparser than this
// was not written by lede, and an array by id would not fit in memory.
constexpr int64_t kMaxIdsPerArticle = 8;
constexpr int64_t kIdSlack = 1'000'000;

}  // namespace

uint32_t Names::id(std::string_view name) {
  auto it = ids_.find(name);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(names_.size());
  names_.emplace_back(name);
  ids_.emplace(names_.back(), id);
  return id;
}

uint32_t Names::find(std::string_view name) const {
  auto it = ids_.find(name);
  return it == ids_.end() ? size() : it->second;
}

Result<void> Facets::load(StmtCache& db) {
  loaded_ = false;
  rows_.clear();
  days_ = Names();
  sites_ = Names();
  languages_ = Names();
  auto bounds = db.get("SELECT count(*), coalesce(max(id), 0) FROM articles");
  if (!bounds) return tl::unexpected(bounds.error());
  if ((*bounds)->step() != SQLITE_ROW) return tl::unexpected(db.error("reading the article count"));
  const int64_t count = (*bounds)->int64(0), largest = (*bounds)->int64(1);
  (*bounds)->reset();
  if (largest > kMaxIdsPerArticle * count + kIdSlack)
    return make_error(ErrorCode::kUsage,
                      "the corpus's article ids are not dense (largest " + std::to_string(largest) +
                          " for " + std::to_string(count) + " articles): not a corpus lede wrote");
  rows_.resize(static_cast<size_t>(largest) + 1);
  auto s =
      db.get("SELECT id, site, language, day, latest, shared, coalesce(story, id) FROM articles");
  if (!s) return tl::unexpected(s.error());
  // Consecutive rows often share a site or day: skip the map then.
  std::string last_site, last_day;
  uint32_t site = sites_.id(""), day = days_.id("");
  int rc;
  while ((rc = (*s)->step()) == SQLITE_ROW) {
    const int64_t id = (*s)->int64(0);
    if (id < 0 || id > largest) continue;  // added since the count: the next load has it
    auto text = [&](int col) {
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text((*s)->get(), col));
      return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes((*s)->get(), col)))
               : std::string_view();
    };
    if (std::string_view v = text(1); v != last_site) site = sites_.id(last_site = v);
    if (std::string_view v = text(3); v != last_day) day = days_.id(last_day = v);
    Article& a = rows_[static_cast<size_t>(id)];
    a.site = site;
    a.day = day;
    a.language = languages_.id(text(2));
    a.latest = (*s)->int64(4) != 0;
    a.shared = (*s)->int64(5) != 0;
    a.story = (*s)->int64(6);
    a.present = true;
  }
  (*s)->reset();
  if (rc != SQLITE_DONE) return tl::unexpected(db.error("reading the articles' facets"));
  loaded_ = true;
  return {};
}

Facets::Filter Facets::filter(const Query& q) const {
  auto in = [](const std::vector<std::string>& list, const std::string& v) {
    return std::find(list.begin(), list.end(), v) != list.end();
  };
  // A name passes when the query's list names it (or has no list) and its
  // list of exclusions does not.
  auto passing = [&](const Names& names, const std::vector<std::string>& wanted,
                     const std::vector<std::string>& unwanted) {
    std::vector<bool> ok(names.size());
    for (uint32_t i = 0; i < names.size(); ++i)
      ok[i] = (wanted.empty() || in(wanted, names.name(i))) && !in(unwanted, names.name(i));
    return ok;
  };
  Filter f;
  f.sites_ = passing(sites_, q.sites, q.not_sites);
  f.languages_ = passing(languages_, q.langs, q.not_langs);
  f.days_.resize(days_.size());
  for (uint32_t i = 0; i < days_.size(); ++i) {
    const std::string& d = days_.name(i);
    f.days_[i] =
        (q.since.empty() || d >= q.since) && (q.until.empty() || (!d.empty() && d <= q.until));
  }
  return f;
}

}  // namespace lede::store
