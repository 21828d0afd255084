#include "store/facets.h"

#include <algorithm>

namespace lede::store {
namespace {

// facet_names.kind
enum Kind : int { kSite = 0, kDay = 1, kLanguage = 2 };

// One article in a chunk: story (8 bytes), site, day, language and flags
// (4 bytes each), little-endian.
constexpr size_t kSlotBytes = 24;
constexpr uint32_t kPresent = 1, kLatest = 2, kShared = 4;
// How much sparser than its rows a file's chunk numbers may be before the
// facets are taken as damaged (see Facets::load).
constexpr int64_t kMaxChunksPerChunkHeld = 2;
constexpr int64_t kChunkSlack = 256;

void put(std::string& out, uint64_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>(v >> (8 * i)));
}
uint64_t get(const unsigned char* p, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v |= uint64_t{p[i]} << (8 * i);
  return v;
}

std::string_view column_text(const Stmt& s, int col) {
  const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s.get(), col));
  return p ? std::string_view(p, static_cast<size_t>(sqlite3_column_bytes(s.get(), col)))
           : std::string_view();
}

// Reads facet_names into `names` by kind; false when an id is not the next
// of its kind (the names then stop there).
Result<bool> read_names(StmtCache& db, Names* const (&names)[3]) {
  auto s = db.get("SELECT kind, id, name FROM facet_names ORDER BY kind, id");
  if (!s) return tl::unexpected(s.error());
  int rc;
  bool ordered = true;
  while (ordered && (rc = (*s)->step()) == SQLITE_ROW) {
    const int64_t kind = (*s)->int64(0);
    if (kind < kSite || kind > kLanguage) continue;
    Names& n = *names[kind];
    const uint32_t expected = n.size();
    ordered = (*s)->int64(1) == expected && n.id(column_text(**s, 2)) == expected;
  }
  (*s)->reset();
  if (ordered && rc != SQLITE_DONE) return tl::unexpected(db.error("reading the facets' names"));
  return ordered;
}

}  // namespace

uint32_t Names::id(std::string_view name) {
  auto it = ids_.find(name);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(names_.size());
  names_.emplace_back(name);
  ids_.emplace(names_.back(), id);
  return id;
}

Result<void> Facets::load(StmtCache& db) {
  loaded_ = false;
  rows_.clear();
  Names* names[3] = {&sites_, &days_, &languages_};
  for (Names* n : names) *n = Names();
  auto damaged = [&](const std::string& what) {
    return make_error(ErrorCode::kUsage,
                      "the corpus's facets are damaged (" + what +
                          "); open it for writing once (lede stats --db FILE) to rebuild them");
  };
  auto ordered = read_names(db, names);
  if (!ordered) return tl::unexpected(ordered.error());
  if (!*ordered) return damaged("a name out of order");
  int rc;
  // Chunks are as dense as article ids, which SQLite gives in order; a
  // file whose chunks are far sparser would ask for an array it cannot fill.
  auto extent = db.get("SELECT coalesce(max(chunk), -1), count(*) FROM facet_chunks");
  if (!extent) return tl::unexpected(extent.error());
  if ((*extent)->step() != SQLITE_ROW) return tl::unexpected(db.error("reading the facets"));
  const int64_t last = (*extent)->int64(0), chunks = (*extent)->int64(1);
  (*extent)->reset();
  if (last >= kMaxChunksPerChunkHeld * chunks + kChunkSlack)
    return damaged("chunk " + std::to_string(last) + " of " + std::to_string(chunks));
  rows_.reserve(static_cast<size_t>(last + 1) * kChunkArticles);
  auto c = db.get("SELECT chunk, rows FROM facet_chunks ORDER BY chunk");
  if (!c) return tl::unexpected(c.error());
  while ((rc = (*c)->step()) == SQLITE_ROW) {
    const int64_t chunk = (*c)->int64(0);
    const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob((*c)->get(), 1));
    const auto bytes = static_cast<size_t>(sqlite3_column_bytes((*c)->get(), 1));
    if (chunk < 0 || chunk > last || bytes > kSlotBytes * kChunkArticles ||
        bytes % kSlotBytes != 0 || (bytes && !p)) {
      (*c)->reset();
      return damaged("chunk " + std::to_string(chunk));
    }
    const size_t first = static_cast<size_t>(chunk * kChunkArticles);
    const size_t slots = bytes / kSlotBytes;
    if (rows_.size() < first + slots) rows_.resize(first + slots);
    for (size_t i = 0; i < slots; ++i, p += kSlotBytes) {
      const auto flags = static_cast<uint32_t>(get(p + 20, 4));
      if (!(flags & kPresent)) continue;
      Article& a = rows_[first + i];
      a.story = static_cast<int64_t>(get(p, 8));
      a.site = static_cast<uint32_t>(get(p + 8, 4));
      a.day = static_cast<uint32_t>(get(p + 12, 4));
      a.language = static_cast<uint32_t>(get(p + 16, 4));
      if (a.site >= sites_.size() || a.day >= days_.size() || a.language >= languages_.size()) {
        (*c)->reset();
        return damaged("a name the chunks number is missing");
      }
      a.present = true;
      a.latest = flags & kLatest;
      a.shared = flags & kShared;
    }
  }
  (*c)->reset();
  if (rc != SQLITE_DONE) return tl::unexpected(db.error("reading the facets"));
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

Result<void> FacetWriter::touch_all(StmtCache& db) {
  auto s = db.get("SELECT coalesce(max(id), 0) FROM articles");
  if (!s) return tl::unexpected(s.error());
  if ((*s)->step() != SQLITE_ROW) return tl::unexpected(db.error("reading the largest id"));
  const int64_t largest = (*s)->int64(0);
  (*s)->reset();
  for (int64_t chunk = 0; chunk <= largest / kChunkArticles; ++chunk) dirty_.insert(chunk);
  return {};
}

Result<uint32_t> FacetWriter::name_id(StmtCache& db, int kind, std::string_view name) {
  if (!names_read_) {
    Names* all[3] = {&names_[kSite], &names_[kDay], &names_[kLanguage]};
    auto read = read_names(db, all);  // a damaged order was rebuilt at open
    if (!read) return tl::unexpected(read.error());
    names_read_ = true;
  }
  Names& n = names_[kind];
  const uint32_t before = n.size();
  const uint32_t id = n.id(name);
  if (id == before) {
    auto add = db.get("INSERT INTO facet_names(kind, id, name) VALUES(?1, ?2, ?3)");
    if (!add) return tl::unexpected(add.error());
    if ((*add)->bind(1, kind).bind(2, id).bind(3, name).step() != SQLITE_DONE) {
      (*add)->reset();
      names_read_ = false;  // read them again: this one is not in the file
      names_[kind] = Names();
      return tl::unexpected(db.error("naming a facet"));
    }
    (*add)->reset();
  }
  return id;
}

Result<void> FacetWriter::flush(StmtCache& db) {
  for (int64_t chunk : dirty_) {
    auto s = db.get(
        "SELECT id, site, day, language, latest, shared, coalesce(story, id) FROM articles "
        "WHERE id >= ?1 AND id < ?2 ORDER BY id");
    if (!s) return tl::unexpected(s.error());
    const int64_t first = chunk * kChunkArticles;
    std::string rows;
    int rc;
    (*s)->bind(1, first).bind(2, first + kChunkArticles);
    while ((rc = (*s)->step()) == SQLITE_ROW) {
      const int64_t id = (*s)->int64(0);
      rows.resize(static_cast<size_t>(id - first) * kSlotBytes, '\0');  // absent ids: zeros
      uint32_t ids[3];
      for (int kind : {kSite, kDay, kLanguage}) {
        auto n = name_id(db, kind, column_text(**s, 1 + kind));
        if (!n) {
          (*s)->reset();
          return tl::unexpected(n.error());
        }
        ids[kind] = *n;
      }
      put(rows, static_cast<uint64_t>((*s)->int64(6)), 8);
      for (uint32_t v : ids) put(rows, v, 4);
      put(rows, kPresent | ((*s)->int64(4) ? kLatest : 0) | ((*s)->int64(5) ? kShared : 0), 4);
    }
    (*s)->reset();
    if (rc != SQLITE_DONE) return tl::unexpected(db.error("reading articles for their facets"));
    auto w = db.get("INSERT OR REPLACE INTO facet_chunks(chunk, rows) VALUES(?1, ?2)");
    if (!w) return tl::unexpected(w.error());
    sqlite3_bind_int64((*w)->get(), 1, chunk);
    sqlite3_bind_blob((*w)->get(), 2, rows.data(), static_cast<int>(rows.size()), SQLITE_TRANSIENT);
    const int done = (*w)->step();
    (*w)->reset();
    if (done != SQLITE_DONE) return tl::unexpected(db.error("writing the facets"));
  }
  dirty_.clear();
  return {};
}

}  // namespace lede::store
