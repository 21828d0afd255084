#include "lede/store.h"

#include <sys/stat.h>
#include <xxhash.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "core/text.h"
#include "store/db.h"
#include "store/facets.h"
#include "store/query.h"
#include "store/rank.h"
#include "store/schema.h"
#include "store/stories.h"

namespace lede {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;
using store::Field;
using store::Query;
using store::Stmt;
using store::StmtCache;
using store::Term;

// How long a writer waits for another writer's transaction before giving
// up (readers never wait: WAL).
constexpr int kBusyMillis = 10'000;
// Page cache per connection, in KiB (SQLite's negative cache_size).
constexpr int kCacheKiB = 64 << 10;
// A writer's page cache, in KiB: adding an article touches random pages of
// the key, story-band and filter indexes, which outgrow 64 MiB at about
// 100,000 articles.
constexpr int kWriterCacheKiB = 512 << 10;
// Pages of write-ahead log between a writer's checkpoints (64 MiB): with
// batches of 2,000 articles, each touching tens of thousands of index pages.
constexpr int kWalCheckpointPages = 16384;
// Bytes of the file SQLite reads through a memory map rather than read()
// calls (it maps no more than the file holds).
constexpr int64_t kMmapBytes = int64_t{64} << 30;
// Words of context around the matching words in a snippet, and the
// characters of body shown when the query has no words.
constexpr int kSnippetWords = 24;
constexpr size_t kLeadChars = 200;
// The largest limit a search takes: a page of results, not a dump.
constexpr uint32_t kMaxLimit = 10'000;
// SQLite virtual-machine steps between looks at the clock under
// max_query_millis: a small fraction of a millisecond of work.
constexpr int kProgressSteps = 10'000;
// Sites a timeline breaks down: more lines than a plot can tell apart.
constexpr size_t kTimelineSites = 10;
// A query with words is ranked (bm25) among its newest matches only: the
// text index walks a word's matches in rowid order at little cost, while
// bm25 over every match of a common word (a fifth of a large corpus) costs
// hundreds of milliseconds. One walk, newest first, reads the candidates
// with their bm25 and stops; they are sorted by it in memory. The newest kRankCandidates matches,
// or kRankCandidatesPerResult per result asked for when a page goes deeper, are ranked; older
// matches are counted but not ranked (query_language_help and docs/DESIGN.md say so).
constexpr uint64_t kRankCandidates = 2000;  // StoreOptions::rank_candidates's default
constexpr uint64_t kRankCandidatesPerResult = 4;
// lede_rank's column weights, those of the rank the schema sets on each
// text index: a title match counts four body matches; a quote's text and
// speaker alike.
constexpr const char* kArticleRankWeights = "4.0, 1.0, 1.0, 1.0, 1.0";
constexpr const char* kQuoteRankWeights = "1.0, 1.0";
std::string str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string lines(const json& j, const char* key, const char* inner = nullptr) {
  std::string out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const json& v : *it) {
    std::string s =
        inner ? (v.is_object() ? str(v, inner) : "") : (v.is_string() ? v.get<std::string>() : "");
    if (s.empty()) continue;
    if (!out.empty()) out += '\n';
    out += s;
  }
  return out;
}

std::string hex128(const std::string& a, const std::string& b) {
  XXH3_state_t* st = XXH3_createState();
  XXH3_128bits_reset(st);
  XXH3_128bits_update(st, a.data(), a.size());
  XXH3_128bits_update(st, "\0", 1);
  XXH3_128bits_update(st, b.data(), b.size());
  XXH128_hash_t h = XXH3_128bits_digest(st);
  XXH3_freeState(st);
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}

std::string primary_language(std::string_view lang) {
  std::string out;
  for (char c : lang) {
    if (c == '-' || c == '_') break;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

// The published day when the record's date starts with one.
std::string day_of(const std::string& published) {
  if (published.size() < 10) return "";
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (!std::isdigit(static_cast<unsigned char>(published[i]))) return "";
  if (published[4] != '-' || published[7] != '-') return "";
  return published.substr(0, 10);
}

std::string now_iso() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// The byte span of a top-level member's value in a JSON object that has
// been parsed already (so it is valid); {npos, npos} when it has none.
std::pair<size_t, size_t> member_span(std::string_view json_text, std::string_view name) {
  constexpr size_t kNone = std::string_view::npos;
  int depth = 0;
  bool expect_key = false;
  size_t value_start = kNone;
  for (size_t i = 0; i < json_text.size(); ++i) {
    char c = json_text[i];
    if (c == '"') {
      size_t start = i++;
      while (i < json_text.size() && json_text[i] != '"') i += json_text[i] == '\\' ? 2 : 1;
      if (depth == 1 && expect_key) {
        std::string_view key = json_text.substr(start + 1, i - start - 1);
        size_t colon = json_text.find(':', i + 1);
        if (colon == kNone) return {kNone, kNone};
        if (key == name) {
          value_start = colon + 1;
          while (value_start < json_text.size() &&
                 std::isspace(static_cast<unsigned char>(json_text[value_start])))
            ++value_start;
        }
        i = colon;
        expect_key = false;
      }
      continue;
    }
    if (c == '{' || c == '[') {
      ++depth;
      if (depth == 1 && c == '{') expect_key = true;
    } else if (c == '}' || c == ']') {
      if (--depth == 0 && value_start != kNone) return {value_start, i};
    } else if (c == ',' && depth == 1) {
      if (value_start != kNone) return {value_start, i};
      expect_key = true;
    }
  }
  return {kNone, kNone};
}

// A JSON string literal (quotes included) decoded to UTF-8; nullopt when it
// is not one.
std::optional<std::string> json_string(std::string_view lit) {
  if (lit.size() < 2 || lit.front() != '"' || lit.back() != '"') return std::nullopt;
  std::string out;
  out.reserve(lit.size());
  auto hex4 = [&](size_t at) -> std::optional<uint32_t> {
    if (at + 4 > lit.size() - 1) return std::nullopt;
    uint32_t v = 0;
    for (size_t k = at; k < at + 4; ++k) {
      char c = lit[k];
      v <<= 4;
      if (c >= '0' && c <= '9')
        v |= static_cast<uint32_t>(c - '0');
      else if (c >= 'a' && c <= 'f')
        v |= static_cast<uint32_t>(c - 'a' + 10);
      else if (c >= 'A' && c <= 'F')
        v |= static_cast<uint32_t>(c - 'A' + 10);
      else
        return std::nullopt;
    }
    return v;
  };
  const size_t end = lit.size() - 1;
  size_t i = 1;
  while (i < end) {
    size_t run = i;
    while (run < end && lit[run] != '\\' && lit[run] != '"' &&
           static_cast<unsigned char>(lit[run]) >= 0x20)
      ++run;
    out.append(lit.data() + i, run - i);
    i = run;
    if (i == end) break;
    if (lit[i] != '\\' || i + 1 >= end) return std::nullopt;  // a bare quote or control byte
    char e = lit[i + 1];
    i += 2;
    switch (e) {
      case '"':
        out += '"';
        break;
      case '\\':
        out += '\\';
        break;
      case '/':
        out += '/';
        break;
      case 'b':
        out += '\b';
        break;
      case 'f':
        out += '\f';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case 't':
        out += '\t';
        break;
      case 'u': {
        auto cp = hex4(i);
        if (!cp) return std::nullopt;
        i += 4;
        uint32_t c = *cp;
        if (c >= 0xD800 && c <= 0xDBFF) {  // a surrogate pair
          if (i + 1 >= end || lit[i] != '\\' || lit[i + 1] != 'u') return std::nullopt;
          auto low = hex4(i + 2);
          if (!low || *low < 0xDC00 || *low > 0xDFFF) return std::nullopt;
          i += 6;
          c = 0x10000 + ((c - 0xD800) << 10) + (*low - 0xDC00);
        } else if (c >= 0xDC00 && c <= 0xDFFF) {
          return std::nullopt;
        }
        core::append_utf8(out, static_cast<char32_t>(c));
        break;
      }
      default:
        return std::nullopt;
    }
  }
  return out;
}

uint32_t be32(const unsigned char* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

// The FTS5 column filter a field matches in the article index.
std::string_view article_columns(Field f) {
  switch (f) {
    case Field::kText:
      return "{title body}";
    case Field::kTitle:
      return "{title}";
    case Field::kAuthor:
      return "{authors}";
    case Field::kPerson:
      return "{people}";
    case Field::kSpeaker:
      return "{speakers}";
  }
  return "{title body}";
}

std::string_view quote_columns(Field f) { return f == Field::kSpeaker ? "{speaker}" : "{text}"; }

// An FTS5 expression: every group (its terms OR-ed), none of `none`; ""
// when there are no positive terms.
// A phrase of an FTS5 expression (one term), in the expression's order;
// `scored` is false under NOT, where it never occurs in a matching row.
struct Phrase {
  std::string text;
  Field field = Field::kText;
  bool scored = true;
};

template <typename Columns>
std::string fts_expression(const std::vector<std::vector<Term>>& all, const std::vector<Term>& none,
                           Columns columns, std::vector<Phrase>* phrases = nullptr) {
  std::string out;
  std::vector<Phrase> listed;
  for (const auto& group : all) {
    if (!out.empty()) out += " AND ";
    out += '(';
    for (size_t i = 0; i < group.size(); ++i) {
      if (i) out += " OR ";
      out += store::fts_phrase(group[i], columns(group[i].field));
      listed.push_back({group[i].text, group[i].field, true});
    }
    out += ')';
  }
  if (out.empty()) return out;
  if (!none.empty()) {
    out = "(" + out + ") NOT (";
    for (size_t i = 0; i < none.size(); ++i) {
      if (i) out += " OR ";
      out += store::fts_phrase(none[i], columns(none[i].field));
      listed.push_back({none[i].text, none[i].field, false});
    }
    out += ')';
  }
  if (phrases) *phrases = std::move(listed);
  return out;
}

// An FTS5 expression matching any of `terms` (for NOT IN), "" when none.
template <typename Columns>
std::string any_of(const std::vector<Term>& terms, Columns columns) {
  std::string out;
  for (const Term& t : terms) {
    if (!out.empty()) out += " OR ";
    out += store::fts_phrase(t, columns(t.field));
  }
  return out;
}

// SQL conditions on `articles a` and the values they bind, in order.
struct Where {
  std::string sql;
  std::vector<std::string> values;
  void add(const std::string& condition) { sql += " AND " + condition; }
  void add_in(const std::string& column, const std::vector<std::string>& list, bool negate) {
    if (list.empty()) return;
    std::string c = column + (negate ? " NOT IN (" : " IN (");
    for (size_t i = 0; i < list.size(); ++i) {
      c += i ? ",?" : "?";
      values.push_back(list[i]);
    }
    add(c + ")");
  }
};

Where article_filters(const Query& q) {
  Where w;
  // Every row is a newest version but a few, so the (latest, day) index
  // narrows nothing when a site: or lang: index can: "+" keeps the planner
  // off it then.
  w.add(q.sites.empty() && q.langs.empty() ? "a.latest = 1" : "+a.latest = 1");
  w.add_in("a.site", q.sites, false);
  w.add_in("a.site", q.not_sites, true);
  // A site: filter is the narrow one: "+" keeps the planner, which has no
  // statistics, off the language index (lang:en is most of a corpus).
  w.add_in(q.sites.empty() ? "a.language" : "+a.language", q.langs, false);
  w.add_in("a.language", q.not_langs, true);
  if (!q.since.empty()) {
    w.add("a.day >= ?");
    w.values.push_back(q.since);
  }
  if (!q.until.empty()) {
    w.add("a.day <> '' AND a.day <= ?");
    w.values.push_back(q.until);
  }
  return w;
}

bool is_quote_field(Field f) { return f == Field::kText || f == Field::kSpeaker; }

// The rows a query selects: "FROM ... WHERE ..." and the values to bind in
// order. When the query has words, `fts` names the text index the rows come
// from (as `f`, its MATCH expression the first value), always as the outer
// loop (CROSS JOIN): walking its matches costs well under a microsecond
// each, while looking one article up in it (MATCH and rowid =) reads the
// terms' whole lists, about 150 microseconds on 10,000 articles, which the
// planner, without statistics, may still choose for a narrow filter.
struct Plan {
  std::string fts;
  std::vector<Phrase> phrases;  // of the MATCH expression, in its order
  std::string rank_weights;     // lede_rank's column weights, after its hints
  // The article filters are lede_keep(f.rowid), the facets' test (see
  // article_plan): the rows have no `a`.
  bool facets = false;
  std::string from;
  std::vector<std::string> values;
  // The article id and its story, as the rows name them.
  std::string id() const { return facets ? "f.rowid" : "a.id"; }
  std::string story() const { return facets ? "lede_story(f.rowid)" : "coalesce(a.story, a.id)"; }
};

// A plan with words tests each text match with lede_keep(f.rowid), the
// query's filters on the facets held in memory (facets.h), where a join
// read the article's row per match: a few microseconds each, for the fifth
// of a large corpus a common word matches. The caller installs the filter
// (Impl::Keeping). Without words, the rows come from the articles' indexes.
Plan article_plan(const Query& q) {
  Where w = article_filters(q);
  std::vector<Phrase> phrases;
  std::string match = fts_expression(q.all, q.none, article_columns, &phrases);
  std::string excluded = match.empty() ? any_of(q.none, article_columns) : "";
  if (!excluded.empty()) {
    w.add("a.id NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)");
    w.values.push_back(excluded);
  }
  Plan p;
  if (match.empty()) {
    p.from = "FROM articles a WHERE 1" + w.sql;
  } else {
    p.fts = "article_fts";
    p.phrases = std::move(phrases);
    p.rank_weights = kArticleRankWeights;
    p.facets = true;
    p.from = "FROM article_fts f WHERE article_fts MATCH ? AND lede_keep(f.rowid)";
    p.values.push_back(match);
    return p;
  }
  p.values.insert(p.values.end(), w.values.begin(), w.values.end());
  return p;
}

Result<Plan> quote_plan(const Query& q) {
  // Quote terms (words, speaker:) match the quote; title:, author: and
  // person: match its article.
  std::vector<std::vector<Term>> quote_all, article_all;
  std::vector<Term> quote_none, article_none;
  for (const auto& group : q.all) {
    bool quote_level = is_quote_field(group.front().field);
    for (const Term& t : group)
      if (is_quote_field(t.field) != quote_level)
        return make_error(ErrorCode::kUsage,
                          "query: with --quotes, OR cannot join a quote's words or speaker: "
                          "with title:, author: or person:");
    (quote_level ? quote_all : article_all).push_back(group);
  }
  for (const Term& t : q.none) (is_quote_field(t.field) ? quote_none : article_none).push_back(t);
  Where w = article_filters(q);
  std::vector<Phrase> phrases;
  std::string match = fts_expression(quote_all, quote_none, quote_columns, &phrases);
  std::string excluded = match.empty() ? any_of(quote_none, quote_columns) : "";
  if (!excluded.empty()) {
    w.add("q.id NOT IN (SELECT rowid FROM quote_fts WHERE quote_fts MATCH ?)");
    w.values.push_back(excluded);
  }
  std::string article_match = fts_expression(article_all, article_none, article_columns);
  std::string article_excluded = article_match.empty() ? any_of(article_none, article_columns) : "";
  if (!article_match.empty()) {
    w.add("a.id IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)");
    w.values.push_back(article_match);
  }
  if (!article_excluded.empty()) {
    w.add("a.id NOT IN (SELECT rowid FROM article_fts WHERE article_fts MATCH ?)");
    w.values.push_back(article_excluded);
  }
  Plan p;
  if (match.empty()) {
    p.from = "FROM quotes q JOIN articles a ON a.id = q.article_id WHERE 1" + w.sql;
  } else {
    p.fts = "quote_fts";
    p.phrases = std::move(phrases);
    p.rank_weights = kQuoteRankWeights;
    p.from =
        "FROM quote_fts f CROSS JOIN quotes q ON q.id = f.rowid "
        "CROSS JOIN articles a ON a.id = q.article_id "
        "WHERE quote_fts MATCH ?" +
        w.sql;
    p.values.push_back(match);
  }
  p.values.insert(p.values.end(), w.values.begin(), w.values.end());
  return p;
}

// One row of a query, read out of its statement.
class Row {
 public:
  void read(const Stmt& s, int columns) {
    cells_.resize(static_cast<size_t>(columns));
    for (int i = 0; i < columns; ++i) {
      Cell& c = cells_[static_cast<size_t>(i)];
      c.integer = 0;
      c.number = 0;
      c.text.clear();
      switch (sqlite3_column_type(s.get(), i)) {
        case SQLITE_INTEGER:
          c.number = static_cast<double>(c.integer = s.int64(i));
          break;
        case SQLITE_FLOAT:
          c.integer = static_cast<int64_t>(c.number = s.real(i));
          break;
        case SQLITE_NULL:
          break;
        default:
          c.text = s.text(i);
      }
    }
  }
  int64_t int64(int i) const { return cells_[static_cast<size_t>(i)].integer; }
  double real(int i) const { return cells_[static_cast<size_t>(i)].number; }
  const std::string& text(int i) const { return cells_[static_cast<size_t>(i)].text; }

 private:
  struct Cell {
    int64_t integer = 0;
    double number = 0;
    std::string text;
  };
  std::vector<Cell> cells_;
};

// Which rows one page of results shows: the first row of each story (every
// row with all_copies), after skipping `offset` of them.
template <typename Key>
class Page {
 public:
  explicit Page(const SearchOptions& o) : offset_(o.offset), all_(o.all_copies) {}
  // Whether the row with this story key is shown.
  bool take(const Key& key) {
    if (!all_ && !seen_.insert(key).second) return false;
    if (skipped_ < offset_) {
      ++skipped_;
      return false;
    }
    return true;
  }

 private:
  uint64_t offset_;
  bool all_;
  uint64_t skipped_ = 0;
  std::set<Key> seen_;
};

// The first characters of a body, cut at a character, for a result without
// matching words.
std::string lead(const std::string& body) {
  std::string out = body.substr(0, kLeadChars);
  if (out.size() >= kLeadChars) {
    size_t cut = out.size();
    while (cut > 0 && (static_cast<unsigned char>(out[cut - 1]) & 0xC0) == 0x80) --cut;
    out.resize(cut > 0 ? cut - 1 : 0);  // drop a cut UTF-8 sequence's lead byte
    out += "…";
  }
  return out;
}

// A stored record with its text put back: the corpus keeps a record's text
// once, in bodies.body, and the record with "text": null in its place.
ordered_json whole_record(const std::string& record, std::string body) {
  ordered_json rec = ordered_json::parse(record, nullptr, false);
  if (!rec.is_object()) return ordered_json::object();
  auto it = rec.find("text");
  if (it != rec.end() && it->is_null()) *it = std::move(body);
  return rec;
}

}  // namespace

struct Store::Impl {
  std::string path;
  StoreOptions options;
  sqlite3* db = nullptr;
  std::unique_ptr<StmtCache> cache;
  bool in_batch = false;
  uint32_t batch_count = 0;
  // Text-index rows of the open batch, written at its end (index_pending):
  // FTS5 writes its pending terms out as a new segment at every statement
  // savepoint, which SQLite opens for most inserts into indexed tables, so
  // indexing each article as it came made a segment (and merges) per
  // article.
  struct PendingArticle {
    int64_t id;
    std::string title, body, authors, people, speakers;
  };
  struct PendingQuote {
    int64_t id;
    std::string text, speaker;
  };
  std::vector<PendingArticle> pending_articles;
  std::vector<PendingQuote> pending_quotes;
  // The running query's end under options.max_query_millis, and whether the
  // progress handler stopped it.
  // Outside timed() there is none: other statements run to their end.
  std::chrono::steady_clock::time_point deadline = std::chrono::steady_clock::time_point::max();
  bool interrupted = false;
  // The articles' facets (facets.h), as of PRAGMA data_version
  // `facets_version`; `facets_stale` once this connection has written.
  store::Facets facets;
  store::FacetWriter facet_writer;  // the chunks this batch changed
  int64_t facets_version = -1;
  bool facets_stale = true;
  // lede_keep's filter while a query runs, else none (it keeps nothing).
  const store::Facets::Filter* keep = nullptr;

  // The facets as the running query's snapshot sees them, loaded when the
  // file changed since they were read.
  Result<const store::Facets*> current_facets() {
    auto v = scalar("PRAGMA data_version");
    if (!v) return tl::unexpected(v.error());
    if (facets_stale || !facets.loaded() || static_cast<int64_t>(*v) != facets_version) {
      auto loaded = facets.load(*cache);
      if (!loaded) return tl::unexpected(loaded.error());
      facets_version = static_cast<int64_t>(*v);
      facets_stale = false;
    }
    return &facets;
  }
  // Installs a query's filter as lede_keep's for the life of the object.
  class Keeping {
   public:
    Keeping(Impl& im, store::Facets::Filter f) : im_(im), filter_(std::move(f)) {
      im_.keep = &filter_;
    }
    ~Keeping() { im_.keep = nullptr; }
    Keeping(const Keeping&) = delete;
    Keeping& operator=(const Keeping&) = delete;

   private:
    Impl& im_;
    store::Facets::Filter filter_;
  };
  // lede_keep(id): 1 when the article passes the running query's filter.
  static void keep_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const auto* im = static_cast<const Impl*>(sqlite3_user_data(ctx));
    const store::Facets::Article* a = im->facets.find(sqlite3_value_int64(argv[0]));
    sqlite3_result_int(ctx, a && im->keep && (*im->keep)(*a) ? 1 : 0);
  }
  // lede_story(id): the story the article belongs to (its own id if none).
  static void story_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
    const auto* im = static_cast<const Impl*>(sqlite3_user_data(ctx));
    const int64_t id = sqlite3_value_int64(argv[0]);
    const store::Facets::Article* a = im->facets.find(id);
    sqlite3_result_int64(ctx, a ? a->story : id);
  }

  // Runs one query under options.max_query_millis: a query stopped by the
  // progress handler is a kTimeout error, whatever `run` made of the stop.
  // Outside a batch the query reads one snapshot (a read transaction), so
  // that the facets and its statements agree while another process writes.
  template <typename F>
  auto timed(F&& run) -> decltype(run()) {
    auto indexed = index_pending();  // a query reads the open batch too
    if (!indexed) return tl::unexpected(indexed.error());
    const bool snapshot = sqlite3_get_autocommit(db) != 0;
    if (snapshot) {
      auto begun = store::exec(db, "BEGIN");
      if (!begun) return tl::unexpected(begun.error());
    }
    interrupted = false;
    deadline =
        std::chrono::steady_clock::now() + std::chrono::milliseconds(options.max_query_millis);
    auto result = run();
    deadline = std::chrono::steady_clock::time_point::max();
    if (snapshot) {
      auto ended = store::exec(db, "COMMIT");
      if (!ended && result) return tl::unexpected(ended.error());
    }
    if (interrupted)
      return tl::unexpected(
          Error{ErrorCode::kTimeout, "the query ran longer than " +
                                         std::to_string(options.max_query_millis) +
                                         " ms; narrow it (a word, a site: or since: filter)"});
    return result;
  }
  // SQLite's progress handler under max_query_millis: stops the statement
  // (SQLITE_INTERRUPT) once the query's deadline has passed.
  static int stop_when_late(void* impl) {
    auto* im = static_cast<Impl*>(impl);
    if (std::chrono::steady_clock::now() < im->deadline) return 0;
    im->interrupted = true;
    return 1;
  }

  ~Impl() {
    if (db) {
      if (in_batch) (void)commit();
      cache.reset();
      sqlite3_close_v2(db);
    }
  }

  Error fail(std::string_view what) const { return cache->error(what); }

  Result<void> commit() {
    if (!in_batch) return {};
    auto indexed = index_pending();
    in_batch = false;
    batch_count = 0;
    if (!indexed) {
      (void)store::exec(db, "ROLLBACK");
      return indexed;
    }
    return store::exec(db, "COMMIT");
  }

  // Writes the open batch's text-index rows and facet chunks (before its
  // commit, and before a query reads the batch).
  Result<void> index_pending() {
    if (facet_writer.pending()) {
      auto written = facet_writer.flush(*cache);
      if (!written) return written;
    }
    if (!pending_articles.empty()) {
      auto f = stmt(
          "INSERT INTO article_fts(rowid, title, body, authors, people, speakers) "
          "VALUES(?1,?2,?3,?4,?5,?6)");
      if (!f) return tl::unexpected(f.error());
      for (const PendingArticle& a : pending_articles) {
        (*f)->reset().bind(1, a.id).bind(2, a.title).bind(3, a.body).bind(4, a.authors);
        (*f)->bind(5, a.people).bind(6, a.speakers);
        if ((*f)->step() != SQLITE_DONE) return tl::unexpected(fail("indexing an article"));
      }
      pending_articles.clear();
    }
    if (!pending_quotes.empty()) {
      auto qf = stmt("INSERT INTO quote_fts(rowid, text, speaker) VALUES(?1,?2,?3)");
      if (!qf) return tl::unexpected(qf.error());
      for (const PendingQuote& q : pending_quotes)
        if ((*qf)->reset().bind(1, q.id).bind(2, q.text).bind(3, q.speaker).step() != SQLITE_DONE)
          return tl::unexpected(fail("indexing a quote"));
      pending_quotes.clear();
    }
    return {};
  }

  Result<Stmt*> stmt(const std::string& sql) { return cache->get(sql); }

  // Runs an UPDATE ... RETURNING id with `value` bound to ?1, and marks the
  // facet chunks of the ids it changed for rewriting.
  template <typename V>
  Result<void> touching(const std::string& sql, const V& value) {
    auto s = stmt(sql);
    if (!s) return tl::unexpected(s.error());
    (*s)->bind(1, value);
    int rc;
    while ((rc = (*s)->step()) == SQLITE_ROW) facet_writer.touch((*s)->int64(0));
    (*s)->reset();
    if (rc != SQLITE_DONE) return tl::unexpected(fail("updating an article"));
    return {};
  }

  Result<void> run(const std::string& sql, std::initializer_list<std::string_view> texts = {}) {
    auto s = stmt(sql);
    if (!s) return tl::unexpected(s.error());
    int i = 1;
    for (std::string_view t : texts) (*s)->bind(i++, t);
    int rc = (*s)->step();
    if (rc != SQLITE_DONE && rc != SQLITE_ROW) return tl::unexpected(fail("writing"));
    return {};
  }

  Result<AddOutcome> add(std::string_view record_json);
  // With `total`, also what count() gives: from the ranked walk when it read
  // every match, else by a walk of its own.
  Result<std::vector<ArticleHit>> search(const SearchOptions& o, uint64_t* count_only,
                                         uint64_t* total = nullptr);
  Result<std::vector<QuoteHit>> quotes(const SearchOptions& o, uint64_t* count_only);
  // Fills a hit found by search (id, score, story id in `copies`) for showing.
  Result<void> show(ArticleHit& h, const Plan& p);
  Result<uint64_t> copies(int64_t story);
  Result<uint64_t> scalar(const std::string& sql);
  // The statement for `sql` with `values` bound from ?1 on.
  Result<Stmt*> bound(const std::string& sql, const std::vector<std::string>& values);
  // The number `select` (e.g. "SELECT count(*)") gives over the plan's rows;
  // `after` closes what `select` opened.
  Result<uint64_t> count_rows(const std::string& select, const Plan& p, const std::string& after);
  // The one query runner of search and quotes: `columns` of the plan's
  // rows, then the rank (0 without words). With words, the newest
  // candidates (kRankCandidates) are read in one walk of the text index,
  // newest first, and handed on best rank first; without, rows come in
  // `order`. Calls row(r) on each until it returns false; `wanted` is how
  // many rows the caller shows at most. With words, `whole` (when given)
  // says whether the walk read every match, fewer than the candidates it
  // may read, and walked(r) sees each row read.
  template <typename RowFn, typename WalkFn = void (*)(const Row&)>
  Result<void> ranked(
      const Plan& p, const std::string& columns, const std::string& order, uint64_t wanted,
      RowFn&& row, bool* whole = nullptr, WalkFn walked = [](const Row&) {}) {
    const bool words = !p.fts.empty();
    std::vector<std::string> values;
    if (words) {
      auto h = rank_hints(p);
      if (!h) return tl::unexpected(h.error());
      values.push_back(std::move(*h));  // the first "?", lede_rank's
    }
    values.insert(values.end(), p.values.begin(), p.values.end());
    std::string sql = "SELECT " + columns +
                      (words ? ", lede_rank(" + p.fts + ", ?, " + p.rank_weights + ") " : ", 0 ") +
                      p.from + (words ? " ORDER BY f.rowid DESC LIMIT ?" : " ORDER BY " + order);
    auto s = bound(sql, values);
    if (!s) return tl::unexpected(s.error());
    const int width = sqlite3_column_count((*s)->get());
    std::vector<Row> rows;
    const uint64_t n =
        std::max<uint64_t>(options.rank_candidates ? options.rank_candidates : kRankCandidates,
                           kRankCandidatesPerResult * wanted);
    if (words) (*s)->bind(static_cast<int>(values.size()) + 1, static_cast<int64_t>(n));
    int rc;
    Row r;
    while ((rc = (*s)->step()) == SQLITE_ROW) {
      r.read(**s, width);
      if (words) {
        walked(r);
        rows.push_back(std::move(r));
        r = Row();
      } else if (!row(r)) {
        break;
      }
    }
    (*s)->reset();
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return tl::unexpected(fail("searching"));
    if (whole) *whole = words && rows.size() < n;
    // bm25 is lower for better; ties keep the newer first.
    std::stable_sort(rows.begin(), rows.end(), [&](const Row& x, const Row& y) {
      return x.real(width - 1) < y.real(width - 1);
    });
    for (const Row& x : rows)
      if (!row(x)) break;
    return {};
  }
  // lede_rank's hints for the plan's phrases (rank.h): a phrase of several
  // words in the text (or title) takes the document frequency of its
  // rarest word, counted over the whole text index, in place of its own; a
  // phrase under NOT, none. A name (author:, person:, speaker:) is counted
  // as bm25 counts it: the articles holding all its words are few, so the
  // pass is cheaper than counting each word, "john" or "smith", alone.
  //
  // A word's count stops where it can no longer change the hint: at the
  // rarest count so far, and at half the rows an index can hold (its
  // largest row id), where bm25's IDF reaches its floor whatever the count
  // beyond. So the hint is exact while "of the" reads half of each list.
  Result<std::string> rank_hints(const Plan& p) {
    std::string hints;
    std::optional<int64_t> ceiling;  // half the largest row id, plus one
    for (size_t i = 0; i < p.phrases.size(); ++i) {
      if (i) hints += ',';
      if (!p.phrases[i].scored) {
        hints += '-';
        continue;
      }
      if (p.phrases[i].field != Field::kText && p.phrases[i].field != Field::kTitle) continue;
      auto tokens = store::index_tokens(db, p.phrases[i].text);
      if (!tokens) return tl::unexpected(tokens.error());
      if (tokens->size() < 2) continue;
      if (!ceiling) {
        auto largest = scalar(std::string("SELECT coalesce(max(id), 0) FROM ") +
                              (p.fts == "quote_fts" ? "quotes" : "articles"));
        if (!largest) return tl::unexpected(largest.error());
        ceiling = static_cast<int64_t>(*largest / 2 + 1);
      }
      // Longer words first: they are more often the rarest, which then
      // bounds the counts of the rest.
      std::stable_sort(
          tokens->begin(), tokens->end(),
          [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
      auto s = stmt("SELECT count(*) FROM (SELECT 1 FROM " + p.fts + " WHERE " + p.fts +
                    " MATCH ?1 LIMIT ?2)");
      if (!s) return tl::unexpected(s.error());
      int64_t rarest = *ceiling;
      for (const std::string& t : *tokens) {
        std::string quoted = "\"";
        for (char c : t) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        quoted += '"';
        if ((*s)->bind(1, quoted).bind(2, rarest).step() != SQLITE_ROW) {
          (*s)->reset();
          return tl::unexpected(fail("counting a word's articles"));
        }
        rarest = std::min(rarest, (*s)->int64(0));
        (*s)->reset();
      }
      hints += std::to_string(rarest);
    }
    return hints;
  }
  // Calls f(id, facets) on every newest article the query matches, in no
  // set order: with words, the text index's matches the filters keep;
  // without, every article they keep but those its -words exclude.
  template <typename F>
  Result<void> each_match(const Query& q, const Plan& p, F&& f) {
    auto current = current_facets();
    if (!current) return tl::unexpected(current.error());
    const store::Facets& fs = **current;
    const store::Facets::Filter keep = fs.filter(q);
    auto rowids = [&](const std::string& match, auto&& on) -> Result<void> {
      auto m = stmt("SELECT rowid FROM article_fts WHERE article_fts MATCH ?1");
      if (!m) return tl::unexpected(m.error());
      (*m)->bind(1, match);
      int rc;
      while ((rc = (*m)->step()) == SQLITE_ROW) on((*m)->int64(0));
      (*m)->reset();
      if (rc != SQLITE_DONE) return tl::unexpected(fail("reading the text index"));
      return {};
    };
    if (p.facets)
      return rowids(p.values.front(), [&](int64_t id) {
        const store::Facets::Article* a = fs.find(id);
        if (a && keep(*a)) f(id, *a);
      });
    std::unordered_set<int64_t> excluded;
    if (std::string none = any_of(q.none, article_columns); !none.empty()) {
      auto read = rowids(none, [&](int64_t id) { excluded.insert(id); });
      if (!read) return read;
    }
    fs.for_each([&](int64_t id, const store::Facets::Article& a) {
      if (keep(a) && !excluded.count(id)) f(id, a);
    });
    return {};
  }
  Result<Timeline> timeline(const SearchOptions& o);
  Result<std::vector<PersonCount>> people(const SearchOptions& o);
};

Result<uint64_t> Store::Impl::scalar(const std::string& sql) {
  auto s = stmt(sql);
  if (!s) return tl::unexpected(s.error());
  if ((*s)->step() != SQLITE_ROW) return tl::unexpected(fail("counting"));
  uint64_t v = static_cast<uint64_t>((*s)->int64(0));
  (*s)->reset();
  return v;
}

Result<uint64_t> Store::Impl::copies(int64_t story) {
  // Named: without statistics the planner prefers scanning the covering
  // (latest, day, shared, story) index, every article, to this one.
  auto s = stmt(
      "SELECT count(*) FROM articles INDEXED BY articles_story WHERE story = ?1 AND latest = 1");
  if (!s) return tl::unexpected(s.error());
  if ((*s)->bind(1, story).step() != SQLITE_ROW) return tl::unexpected(fail("counting copies"));
  uint64_t v = static_cast<uint64_t>((*s)->int64(0));
  (*s)->reset();
  return v;
}

Result<AddOutcome> Store::Impl::add(std::string_view record_json) {
  if (options.read_only)
    return make_error(ErrorCode::kUsage, path + " is open read-only; it takes no records");
  facets_stale = true;
  // The text, most of a record, is decoded here and the rest parsed as JSON
  // with "text": null in its place, as bodies.record keeps it (whole_record
  // puts the text back): nlohmann's parser would copy it a byte at a time.
  auto [text_from, text_to] = member_span(record_json, "text");
  std::string stored(record_json);
  std::optional<std::string> text;
  bool text_is_string = false;
  if (text_from != std::string_view::npos) {
    std::string_view literal = record_json.substr(text_from, text_to - text_from);
    while (!literal.empty() && std::isspace(static_cast<unsigned char>(literal.back())))
      literal.remove_suffix(1);
    text_is_string = !literal.empty() && literal.front() == '"';
    text = json_string(literal);
    stored.replace(text_from, text_to - text_from, "null");
  }
  json r = json::parse(stored, nullptr, false);
  if (r.is_discarded() || !r.is_object() || (text_is_string && !text))
    return make_error(ErrorCode::kUsage, "not a JSON object (a lede record)");
  if (r.contains("error")) return make_error(ErrorCode::kUsage, "an error record, not an article");
  if (!text) return make_error(ErrorCode::kUsage, "not a lede article record (no \"text\")");
  const std::string body = std::move(*text);
  const std::string title = str(r, "title");
  const json source =
      r.contains("source") && r["source"].is_object() ? r["source"] : json::object();
  std::string url = str(r, "url");
  if (url.empty()) url = str(source, "target_uri");
  std::string key = str(r, "canonical_url");
  if (key.empty()) key = url;
  if (key.empty()) {
    key = "source:" + str(source, "path");
    if (source.contains("offset") && source["offset"].is_number())
      key += "@" + std::to_string(source["offset"].get<uint64_t>());
  }
  const std::string hash = hex128(title, body);

  if (!in_batch) {
    auto begun = store::exec(db, "BEGIN IMMEDIATE");
    if (!begun) return tl::unexpected(begun.error());
    in_batch = true;
  }

  auto seen = stmt("SELECT id FROM articles WHERE doc_key = ?1 AND content_hash = ?2");
  if (!seen) return tl::unexpected(seen.error());
  bool held = (*seen)->bind(1, key).bind(2, hash).step() == SQLITE_ROW;
  (*seen)->reset();
  if (held) return AddOutcome::kDuplicate;
  auto versions = stmt("SELECT max(version) FROM articles WHERE doc_key = ?1");
  if (!versions) return tl::unexpected(versions.error());
  int64_t version = 1;
  if ((*versions)->bind(1, key).step() == SQLITE_ROW && !(*versions)->is_null(0))
    version = (*versions)->int64(0) + 1;
  (*versions)->reset();
  if (version > 1) {
    auto older = touching(
        "UPDATE articles SET latest = 0 WHERE doc_key = ?1 AND +latest = 1 "
        "RETURNING id",
        key);
    if (!older) return tl::unexpected(older.error());
  }

  std::string site;
  if (r.contains("site") && r["site"].is_object())
    site = store::normalize_site(str(r["site"], "domain"));
  std::string people, speakers;
  std::set<std::string> speaker_set;
  if (r.contains("entities") && r["entities"].is_array())
    for (const json& e : r["entities"])
      if (e.is_object() && str(e, "type") == "person") {
        if (!people.empty()) people += '\n';
        people += str(e, "name");
      }
  if (r.contains("quotes") && r["quotes"].is_array())
    for (const json& q : r["quotes"])
      if (q.is_object() && !str(q, "speaker").empty()) speaker_set.insert(str(q, "speaker"));
  for (const std::string& s : speaker_set) {
    if (!speakers.empty()) speakers += '\n';
    speakers += s;
  }
  const std::string authors = lines(r, "authors");

  auto ins = stmt(
      "INSERT INTO articles(doc_key, content_hash, version, latest, url, site, language, day, "
      "title, authors, people, speakers, added) VALUES(?1,?2,?3,1,?4,?5,?6,?7,?8,?9,?10,?11,?12)");
  if (!ins) return tl::unexpected(ins.error());
  (*ins)
      ->bind(1, key)
      .bind(2, hash)
      .bind(3, version)
      .bind(4, url)
      .bind(5, site)
      .bind(6, primary_language(str(r, "language")))
      .bind(7, day_of(str(r, "published")))
      .bind(8, title)
      .bind(9, authors)
      .bind(10, people)
      .bind(11, speakers)
      .bind(12, now_iso());
  if ((*ins)->step() != SQLITE_DONE) return tl::unexpected(fail("adding an article"));
  const int64_t id = sqlite3_last_insert_rowid(db);

  auto b = stmt("INSERT INTO bodies(id, body, record) VALUES(?1, ?2, ?3)");
  if (!b) return tl::unexpected(b.error());
  if ((*b)->bind(1, id).bind(2, body).bind(3, stored).step() != SQLITE_DONE)
    return tl::unexpected(fail("adding an article"));
  pending_articles.push_back({id, title, body, authors, people, speakers});

  auto src = stmt(
      "INSERT INTO sources(article_id, path, kind, offset, target_uri, warc_date, bytes) "
      "VALUES(?1,?2,?3,?4,?5,?6,?7)");
  if (!src) return tl::unexpected(src.error());
  (*src)->bind(1, id).bind(2, str(source, "path")).bind(3, str(source, "kind"));
  if (source.contains("offset") && source["offset"].is_number())
    (*src)->bind(4, static_cast<int64_t>(source["offset"].get<uint64_t>()));
  (*src)->bind(5, str(source, "target_uri")).bind(6, str(source, "warc_date"));
  (*src)->bind(7, source.contains("bytes") && source["bytes"].is_number()
                      ? source["bytes"].get<int64_t>()
                      : int64_t{0});
  if ((*src)->step() != SQLITE_DONE) return tl::unexpected(fail("adding a source"));

  auto span = [](const json& o, const char* k) -> int64_t {
    auto it = o.find(k);
    return it != o.end() && it->is_number() ? it->get<int64_t>() : 0;
  };
  if (r.contains("quotes") && r["quotes"].is_array()) {
    auto q = stmt(
        "INSERT INTO quotes(article_id, text, speaker, cue, kind, start, end) "
        "VALUES(?1,?2,?3,?4,?5,?6,?7)");
    if (!q) return tl::unexpected(q.error());
    for (const json& o : r["quotes"]) {
      if (!o.is_object()) continue;
      std::string text = str(o, "text"), speaker = str(o, "speaker");
      (*q)->reset().bind(1, id).bind(2, text).bind(3, speaker).bind(4, str(o, "cue"));
      (*q)->bind(5, str(o, "kind")).bind(6, span(o, "start")).bind(7, span(o, "end"));
      if ((*q)->step() != SQLITE_DONE) return tl::unexpected(fail("adding a quote"));
      pending_quotes.push_back(
          {sqlite3_last_insert_rowid(db), std::move(text), std::move(speaker)});
    }
  }
  if (r.contains("entities") && r["entities"].is_array()) {
    auto e = stmt(
        "INSERT INTO entities(article_id, name, type, titles, mentions) VALUES(?1,?2,?3,?4,?5)");
    if (!e) return tl::unexpected(e.error());
    for (const json& o : r["entities"]) {
      if (!o.is_object()) continue;
      int64_t mentions = o.contains("mentions") && o["mentions"].is_array()
                             ? static_cast<int64_t>(o["mentions"].size())
                             : 0;
      (*e)->reset().bind(1, id).bind(2, str(o, "name")).bind(3, str(o, "type"));
      (*e)->bind(4, lines(o, "titles")).bind(5, mentions);
      if ((*e)->step() != SQLITE_DONE) return tl::unexpected(fail("adding an entity"));
    }
  }
  if (r.contains("times") && r["times"].is_array()) {
    auto t = stmt(
        "INSERT INTO times(article_id, text, type, value, mod, start, end) "
        "VALUES(?1,?2,?3,?4,?5,?6,?7)");
    if (!t) return tl::unexpected(t.error());
    for (const json& o : r["times"]) {
      if (!o.is_object()) continue;
      (*t)->reset().bind(1, id).bind(2, str(o, "text")).bind(3, str(o, "type"));
      (*t)->bind(4, str(o, "value")).bind(5, str(o, "mod"));
      (*t)->bind(6, span(o, "start")).bind(7, span(o, "end"));
      if ((*t)->step() != SQLITE_DONE) return tl::unexpected(fail("adding a time expression"));
    }
  }

  auto story = store::assign_story(*cache, id, body);
  if (!story) return tl::unexpected(story.error());
  auto set = stmt("UPDATE articles SET story = ?1 WHERE id = ?2");
  if (!set) return tl::unexpected(set.error());
  if ((*set)->bind(1, *story).bind(2, id).step() != SQLITE_DONE)
    return tl::unexpected(fail("clustering"));
  facet_writer.touch(id);
  if (*story != id) {
    // Its story has two newest versions now: counts need DISTINCT for them.
    auto shared = touching(
        "UPDATE articles INDEXED BY articles_story SET shared = 1 WHERE story = ?1 AND latest = 1 "
        "AND shared = 0 "
        "RETURNING id",
        *story);
    if (!shared) return tl::unexpected(shared.error());
  }

  if (++batch_count >= options.batch_articles) {
    auto done = commit();
    if (!done) return tl::unexpected(done.error());
  }
  return version > 1 ? AddOutcome::kNewVersion : AddOutcome::kAdded;
}

Result<std::vector<ArticleHit>> Store::Impl::search(const SearchOptions& o, uint64_t* count_only,
                                                    uint64_t* total) {
  auto parsed = store::parse_query(o.query);
  if (!parsed) return tl::unexpected(parsed.error());
  Plan p = article_plan(*parsed);
  std::vector<ArticleHit> hits;
  // Stories: an article whose story no other newest version shares is a
  // story of its own; the few shared ones are counted once.
  uint64_t own = 0;
  std::unordered_set<int64_t> shared;
  auto tally = [&](const store::Facets::Article& a) {
    if (o.all_copies || !a.shared)
      ++own;
    else
      shared.insert(a.story);
  };
  auto count_all = [&]() -> Result<uint64_t> {
    own = 0;
    shared.clear();
    auto counted =
        each_match(*parsed, p, [&](int64_t, const store::Facets::Article& a) { tally(a); });
    if (!counted) return tl::unexpected(counted.error());
    return own + shared.size();
  };
  if (count_only) {
    auto n = count_all();
    if (!n) return tl::unexpected(n.error());
    *count_only = *n;
    return hits;
  }
  std::optional<Keeping> keeping;
  if (p.facets) {
    auto f = current_facets();
    if (!f) return tl::unexpected(f.error());
    keeping.emplace(*this, (*f)->filter(*parsed));
  }
  const uint32_t limit = std::min(o.limit, kMaxLimit);
  Page<int64_t> page(o);
  bool whole = false;  // the walk read every match
  auto walked = ranked(
      p, p.id() + ", " + p.story(), "a.day DESC, a.id DESC", uint64_t{o.offset} + limit,
      [&](const Row& s) {
        if (hits.size() >= limit) return false;
        int64_t story = s.int64(1);
        if (!page.take(story)) return true;
        ArticleHit h;
        h.id = s.int64(0);
        h.score = s.real(2);
        h.copies = static_cast<uint64_t>(story);  // the story id, for now
        hits.push_back(std::move(h));
        return hits.size() < limit;
      },
      &whole,
      [&](const Row& r) {
        if (const store::Facets::Article* a = facets.find(r.int64(0))) tally(*a);
      });
  if (!walked) return tl::unexpected(walked.error());
  if (total) {
    if (whole) {
      *total = own + shared.size();
    } else {
      auto n = count_all();
      if (!n) return tl::unexpected(n.error());
      *total = *n;
    }
  }
  for (ArticleHit& h : hits) {
    auto shown = show(h, p);
    if (!shown) return tl::unexpected(shown.error());
  }
  return hits;
}

Result<void> Store::Impl::show(ArticleHit& h, const Plan& p) {
  auto d = stmt(
      "SELECT a.title, a.site, a.day, a.url, b.record, b.body FROM articles a "
      "JOIN bodies b ON b.id = a.id WHERE a.id = ?1");
  if (!d) return tl::unexpected(d.error());
  if ((*d)->bind(1, h.id).step() != SQLITE_ROW) return tl::unexpected(fail("reading an article"));
  h.title = (*d)->text(0);
  h.site = (*d)->text(1);
  h.day = (*d)->text(2);
  h.url = (*d)->text(3);
  std::string record = (*d)->text(4), body = (*d)->text(5);
  (*d)->reset();
  if (p.fts.empty()) {
    h.snippet = lead(body);
  } else {
    auto sn =
        stmt("SELECT snippet(article_fts, -1, '**', '**', '…', " + std::to_string(kSnippetWords) +
             ") FROM article_fts WHERE article_fts MATCH ?1 AND rowid = ?2");
    if (!sn) return tl::unexpected(sn.error());
    if ((*sn)->bind(1, p.values.front()).bind(2, h.id).step() == SQLITE_ROW)
      h.snippet = (*sn)->text(0);
    (*sn)->reset();
  }
  auto n = copies(static_cast<int64_t>(h.copies));
  if (!n) return tl::unexpected(n.error());
  h.copies = std::max<uint64_t>(*n, 1);
  ordered_json rec = whole_record(record, std::move(body));
  rec.erase("blocks");
  ordered_json out = ordered_json::object();
  out["id"] = h.id;
  out["score"] = h.score;
  out["snippet"] = h.snippet;
  out["copies"] = h.copies;
  for (auto& [k, v] : rec.items())
    if (!out.contains(k)) out[k] = std::move(v);
  h.json = out.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  return {};
}

Result<std::vector<QuoteHit>> Store::Impl::quotes(const SearchOptions& o, uint64_t* count_only) {
  auto parsed = store::parse_query(o.query);
  if (!parsed) return tl::unexpected(parsed.error());
  auto p = quote_plan(*parsed);
  if (!p) return tl::unexpected(p.error());
  std::vector<QuoteHit> hits;
  if (count_only) {
    auto n = o.all_copies ? count_rows("SELECT count(*)", *p, "")
                          : count_rows(
                                "SELECT count(*) FROM (SELECT DISTINCT "
                                "coalesce(a.story, a.id), q.text",
                                *p, ")");
    if (!n) return tl::unexpected(n.error());
    *count_only = *n;
    return hits;
  }
  const uint32_t limit = std::min(o.limit, kMaxLimit);
  Page<std::pair<int64_t, std::string>> page(o);
  auto walked = ranked(
      *p,
      "q.id, q.article_id, coalesce(a.story, a.id), q.text, q.speaker, q.cue, q.kind, a.url, "
      "a.site, a.day",
      "a.day DESC, q.id", uint64_t{o.offset} + limit, [&](const Row& s) {
        if (hits.size() >= limit) return false;
        std::string text = s.text(3);
        if (!page.take({s.int64(2), text})) return true;
        QuoteHit h;
        h.id = s.int64(0);
        h.article_id = s.int64(1);
        h.text = std::move(text);
        h.speaker = s.text(4);
        h.cue = s.text(5);
        std::string kind = s.text(6);
        h.url = s.text(7);
        h.site = s.text(8);
        h.day = s.text(9);
        ordered_json j = ordered_json::object();
        j["text"] = h.text;
        j["speaker"] = h.speaker;
        j["cue"] = h.cue;
        j["kind"] = kind;
        j["article_id"] = h.article_id;
        j["url"] = h.url;
        j["site"] = h.site;
        j["day"] = h.day;
        h.json = j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
        hits.push_back(std::move(h));
        return hits.size() < limit;
      });
  if (!walked) return tl::unexpected(walked.error());
  return hits;
}

Result<Stmt*> Store::Impl::bound(const std::string& sql, const std::vector<std::string>& values) {
  auto s = stmt(sql);
  if (!s) return tl::unexpected(s.error());
  int i = 1;
  for (const std::string& v : values) (*s)->bind(i++, v);
  return s;
}

Result<uint64_t> Store::Impl::count_rows(const std::string& select, const Plan& p,
                                         const std::string& after) {
  auto s = bound(select + " " + p.from + after, p.values);
  if (!s) return tl::unexpected(s.error());
  if ((*s)->step() != SQLITE_ROW) return tl::unexpected(fail("counting"));
  uint64_t n = static_cast<uint64_t>((*s)->int64(0));
  (*s)->reset();
  return n;
}

namespace {

// A story on a day (site 0 for the count over all sites), counted once.
struct StoryDay {
  int64_t story;
  uint32_t day, site;
  bool operator==(const StoryDay&) const = default;
};
struct StoryDayHash {
  size_t operator()(const StoryDay& k) const {
    return std::hash<int64_t>()(k.story) * 0x9E3779B97F4A7C15ull ^ (uint64_t{k.day} << 32 | k.site);
  }
};

}  // namespace

Result<Timeline> Store::Impl::timeline(const SearchOptions& o) {
  auto parsed = store::parse_query(o.query);
  if (!parsed) return tl::unexpected(parsed.error());
  // One pass over the matches' facets counts stories per day and per site
  // in arrays by name id: a story counts once a day, and once a day for
  // each site that carries it (every article with all_copies). An article
  // whose story no other newest version shares is a story of its own, so
  // only shared ones are looked up in `seen`. The matches are kept (site,
  // day, and whether they counted for their site), and a second pass over
  // them counts the days of the few sites shown.
  struct Match {
    uint32_t site, day;
    bool counts_for_site;
  };
  std::vector<Match> matches;
  std::unordered_set<StoryDay, StoryDayHash> seen;
  auto current = current_facets();
  if (!current) return tl::unexpected(current.error());
  const store::Names& days = (*current)->days();
  const store::Names& sites = (*current)->sites();
  std::vector<uint64_t> per_day(days.size()), per_site(sites.size());
  auto walked =
      each_match(*parsed, article_plan(*parsed), [&](int64_t, const store::Facets::Article& a) {
        auto once = [&](uint32_t where) {
          return o.all_copies || !a.shared || seen.insert({a.story, a.day, where}).second;
        };
        if (once(0)) ++per_day[a.day];
        const bool for_site = once(a.site + 1);
        if (for_site) ++per_site[a.site];
        matches.push_back({a.site, a.day, for_site});
      });
  if (!walked) return tl::unexpected(walked.error());
  Timeline t;
  // Days in calendar order (an undated match has the empty day, first).
  std::vector<uint32_t> order;
  for (uint32_t d = 0; d < per_day.size(); ++d) order.push_back(d);
  std::sort(order.begin(), order.end(),
            [&](uint32_t x, uint32_t y) { return days.name(x) < days.name(y); });
  auto series = [&](const std::vector<uint64_t>& counts, std::vector<DayCount>& out) {
    for (uint32_t d : order)
      if (counts[d] > 0 && !days.name(d).empty()) out.push_back({days.name(d), counts[d]});
  };
  series(per_day, t.days);
  for (uint32_t d = 0; d < per_day.size(); ++d)
    if (days.name(d).empty()) t.undated += per_day[d];
  std::vector<uint32_t> shown;
  for (uint32_t site = 0; site < per_site.size(); ++site)
    if (per_site[site] > 0 && !sites.name(site).empty()) shown.push_back(site);
  auto before = [&](uint32_t a, uint32_t b) {
    return per_site[a] != per_site[b] ? per_site[a] > per_site[b] : sites.name(a) < sites.name(b);
  };
  if (shown.size() > kTimelineSites) {
    std::partial_sort(shown.begin(), shown.begin() + kTimelineSites, shown.end(), before);
    shown.resize(kTimelineSites);
  } else {
    std::sort(shown.begin(), shown.end(), before);
  }
  std::vector<std::vector<uint64_t>> site_days(shown.size(), std::vector<uint64_t>(per_day.size()));
  std::vector<int> line_of(per_site.size(), -1);
  for (size_t i = 0; i < shown.size(); ++i) line_of[shown[i]] = static_cast<int>(i);
  for (const Match& m : matches)
    if (m.counts_for_site && line_of[m.site] >= 0) ++site_days[line_of[m.site]][m.day];
  for (size_t i = 0; i < shown.size(); ++i) {
    SiteTimeline line;
    line.site = sites.name(shown[i]);
    line.count = per_site[shown[i]];
    series(site_days[i], line.days);
    t.sites.push_back(std::move(line));
  }
  return t;
}

Result<std::vector<PersonCount>> Store::Impl::people(const SearchOptions& o) {
  auto parsed = store::parse_query(o.query);
  if (!parsed) return tl::unexpected(parsed.error());
  Plan p = article_plan(*parsed);
  std::optional<Keeping> keeping;
  if (p.facets) {
    auto f = current_facets();
    if (!f) return tl::unexpected(f.error());
    keeping.emplace(*this, (*f)->filter(*parsed));
  }
  auto s = stmt(
      "SELECT e.name, count(DISTINCT e.article_id) AS n, group_concat(e.titles, char(10)) "
      "FROM entities e WHERE e.type = 'person' AND e.article_id IN (SELECT " +
      p.id() + " " + p.from + ") GROUP BY e.name ORDER BY n DESC, e.name LIMIT ? OFFSET ?");
  if (!s) return tl::unexpected(s.error());
  int i = 1;
  for (const std::string& v : p.values) (*s)->bind(i++, v);
  (*s)->bind(i, std::min(o.limit, kMaxLimit));
  (*s)->bind(i + 1, o.offset);
  std::vector<PersonCount> out;
  while ((*s)->step() == SQLITE_ROW) {
    PersonCount p;
    p.name = (*s)->text(0);
    p.articles = static_cast<uint64_t>((*s)->int64(1));
    std::map<std::string, uint64_t> seen;
    std::string titles = (*s)->text(2);
    size_t at = 0;
    while (at <= titles.size()) {
      size_t end = titles.find('\n', at);
      if (end == std::string::npos) end = titles.size();
      if (end > at) ++seen[titles.substr(at, end - at)];
      at = end + 1;
    }
    std::vector<std::pair<std::string, uint64_t>> ranked(seen.begin(), seen.end());
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    for (auto& [title, n] : ranked) p.titles.push_back(title);
    out.push_back(std::move(p));
  }
  (*s)->reset();
  return out;
}

std::string Timeline::to_json() const {
  // Written directly: a common word's timeline holds ten thousand day
  // counts, and building a JSON tree of them took longer than counting.
  auto literal = [](const std::string& text) {
    return ordered_json(text).dump(-1, ' ', false, ordered_json::error_handler_t::replace);
  };
  std::string out;
  auto days_json = [&](const std::vector<DayCount>& list) {
    out += '[';
    for (size_t i = 0; i < list.size(); ++i) {
      out += i ? ",{\"day\":" : "{\"day\":";
      out += literal(list[i].day);
      out += ",\"count\":" + std::to_string(list[i].count) + "}";
    }
    out += ']';
  };
  out += "{\"days\":";
  days_json(days);
  out += ",\"sites\":[";
  for (size_t i = 0; i < sites.size(); ++i) {
    out += i ? ",{\"site\":" : "{\"site\":";
    out += literal(sites[i].site);
    out += ",\"count\":" + std::to_string(sites[i].count) + ",\"days\":";
    days_json(sites[i].days);
    out += '}';
  }
  out += "],\"undated\":" + std::to_string(undated) + "}";
  return out;
}

std::string PersonCount::to_json() const {
  ordered_json j = ordered_json::object();
  j["name"] = name;
  j["articles"] = articles;
  j["titles"] = titles;
  return j.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

std::string StoreStats::to_json() const {
  ordered_json j = ordered_json::object();
  j["articles"] = articles;
  j["versions"] = versions;
  j["stories"] = stories;
  j["quotes"] = quotes;
  j["people"] = people;
  j["sites"] = sites;
  j["languages"] = languages;
  j["first_day"] = first_day;
  j["last_day"] = last_day;
  j["schema_version"] = schema_version;
  return j.dump();
}

Result<Store> Store::open(const std::string& path, const StoreOptions& options) {
  struct stat st {};
  bool exists = ::stat(path.c_str(), &st) == 0;
  bool fresh = !exists || st.st_size == 0;
  if (!exists && (options.read_only || !options.create))
    return make_error(ErrorCode::kIo,
                      "no corpus at " + path + " (lede ingest creates one; --db names another)");
  if (exists && !S_ISREG(st.st_mode))
    return make_error(ErrorCode::kUsage, path + " is not a lede corpus (not a regular file)");
  if (exists && fresh && options.read_only)
    return make_error(ErrorCode::kUsage, path + " is an empty file, not a lede corpus");
  if (!fresh) {
    // The header says what the file is, before SQLite touches it.
    unsigned char header[100] = {};
    std::ifstream in(path, std::ios::binary);
    in.read(reinterpret_cast<char*>(header), sizeof header);
    if (!in || std::memcmp(header, "SQLite format 3", 16) != 0)
      return make_error(ErrorCode::kUsage, path + " is not a lede corpus (not an SQLite database)");
    if (be32(header + 68) != static_cast<uint32_t>(store::kApplicationId))
      return make_error(ErrorCode::kUsage,
                        path +
                            " is an SQLite database but not a lede corpus; lede leaves it "
                            "as it is (--db names another file)");
    if (static_cast<int>(be32(header + 60)) > store::kSchemaVersion)
      return make_error(ErrorCode::kUsage,
                        path + " has corpus schema version " + std::to_string(be32(header + 60)) +
                            ", newer than this lede reads (" +
                            std::to_string(store::kSchemaVersion) + "); use a newer lede");
  }
  auto impl = std::make_unique<Impl>();
  impl->path = path;
  impl->options = options;
  int flags = options.read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  if (sqlite3_open_v2(path.c_str(), &impl->db, flags | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string m = impl->db ? sqlite3_errmsg(impl->db) : "out of memory";
    return make_error(ErrorCode::kIo, "cannot open " + path + ": " + m);
  }
  impl->cache = std::make_unique<StmtCache>(impl->db);
  sqlite3_busy_timeout(impl->db, kBusyMillis);
  if (options.max_query_millis > 0)
    sqlite3_progress_handler(impl->db, kProgressSteps, &Impl::stop_when_late, impl.get());
  Store store(std::move(impl));
  Impl& im = *store.impl_;
  auto pragma_int = [&](const char* sql) -> Result<int64_t> {
    auto v = im.scalar(sql);
    if (!v) return tl::unexpected(v.error());
    return static_cast<int64_t>(*v);
  };
  if (!fresh) {
    // The header may lag behind the write-ahead log; ask SQLite too.
    auto app = pragma_int("PRAGMA application_id");
    if (!app) return tl::unexpected(app.error());
    if (*app != store::kApplicationId)
      return make_error(ErrorCode::kUsage, path + " is an SQLite database but not a lede corpus");
  }
  auto version = pragma_int("PRAGMA user_version");
  if (!version) return tl::unexpected(version.error());
  if (*version > store::kSchemaVersion)
    return make_error(ErrorCode::kUsage,
                      path + " has corpus schema version " + std::to_string(*version) +
                          ", newer than this lede reads (" + std::to_string(store::kSchemaVersion) +
                          "); use a newer lede");
  if (fresh) {
    // Created in rollback-journal mode, so that the file's own header names
    // it a lede corpus from the first commit; WAL from then on.
    std::string create =
        "PRAGMA application_id = " + std::to_string(store::kApplicationId) + "; BEGIN IMMEDIATE;";
    auto begun = store::exec(im.db, create);
    if (!begun) return tl::unexpected(begun.error());
    auto made = store::migrate(im.db, 0, store::kSchemaVersion);
    if (!made) {
      (void)store::exec(im.db, "ROLLBACK");
      return tl::unexpected(made.error());
    }
    auto done = store::exec(im.db, "COMMIT; PRAGMA journal_mode = WAL;");
    if (!done) return tl::unexpected(done.error());
  } else if (*version < store::kSchemaVersion) {
    if (options.read_only)
      return make_error(ErrorCode::kUsage,
                        path + " has corpus schema version " + std::to_string(*version) +
                            "; open it once for writing (lede stats --db " + path +
                            ") to upgrade it to " + std::to_string(store::kSchemaVersion));
    auto begun = store::exec(im.db, "BEGIN IMMEDIATE");
    if (!begun) return tl::unexpected(begun.error());
    auto again = pragma_int("PRAGMA user_version");  // another process may have migrated it
    if (!again) return tl::unexpected(again.error());
    auto made = store::migrate(im.db, static_cast<int>(*again), store::kSchemaVersion);
    if (!made) {
      (void)store::exec(im.db, "ROLLBACK");
      return tl::unexpected(made.error());
    }
    auto done = store::exec(im.db, "COMMIT");
    if (!done) return tl::unexpected(done.error());
  }
  std::string tune =
      "PRAGMA cache_size = -" + std::to_string(options.read_only ? kCacheKiB : kWriterCacheKiB) +
      "; PRAGMA temp_store = MEMORY; PRAGMA mmap_size = " + std::to_string(kMmapBytes) + ";";
  // A writer checkpoints the log every kWalCheckpointPages pages, not
  // SQLite's 1,000: a page rewritten by several batches is copied into
  // the file once.
  if (!options.read_only)
    tune +=
        " PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = " +
        std::to_string(kWalCheckpointPages) + ";";
  auto tuned = store::exec(im.db, tune);
  if (!tuned) return tl::unexpected(tuned.error());
  auto rank = store::register_rank(im.db);
  if (!rank) return tl::unexpected(rank.error());
  if (sqlite3_create_function_v2(im.db, "lede_keep", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, &im,
                                 &Impl::keep_function, nullptr, nullptr, nullptr) != SQLITE_OK ||
      sqlite3_create_function_v2(im.db, "lede_story", 1, SQLITE_UTF8 | SQLITE_DIRECTONLY, &im,
                                 &Impl::story_function, nullptr, nullptr, nullptr) != SQLITE_OK)
    return make_error(ErrorCode::kIo, "cannot register the store's SQL functions");
  if (!options.read_only) {
    // The facet chunks are a cache of `articles`: a writer that cannot
    // read them rebuilds them (what the damaged-facets error tells a
    // reader to do).
    auto readable = im.facets.load(*im.cache);
    if (!readable && readable.error().code == ErrorCode::kUsage) {
      auto rebuilt = store::exec(im.db,
                                 "BEGIN IMMEDIATE; DELETE FROM facet_chunks; "
                                 "DELETE FROM facet_names;");
      store::FacetWriter all;
      if (rebuilt) rebuilt = all.touch_all(*im.cache);
      if (rebuilt) rebuilt = all.flush(*im.cache);
      if (rebuilt) rebuilt = store::exec(im.db, "COMMIT");
      if (!rebuilt) {
        (void)store::exec(im.db, "ROLLBACK");
        return tl::unexpected(rebuilt.error());
      }
    } else if (!readable) {
      return tl::unexpected(readable.error());
    }
  }
  return store;
}

Store::Store(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;
Store::~Store() = default;

Result<AddOutcome> Store::add(std::string_view record_json) { return impl_->add(record_json); }
Result<void> Store::commit() { return impl_->commit(); }

Result<std::vector<ArticleHit>> Store::search(const SearchOptions& options) {
  return impl_->timed([&] { return impl_->search(options, nullptr); });
}

Result<std::vector<ArticleHit>> Store::search(const SearchOptions& options, uint64_t* total) {
  return impl_->timed([&] { return impl_->search(options, nullptr, total); });
}

Result<uint64_t> Store::count(const SearchOptions& options) {
  uint64_t n = 0;
  auto r = impl_->timed([&] { return impl_->search(options, &n); });
  if (!r) return tl::unexpected(r.error());
  return n;
}

Result<std::vector<QuoteHit>> Store::quotes(const SearchOptions& options) {
  return impl_->timed([&] { return impl_->quotes(options, nullptr); });
}

Result<uint64_t> Store::count_quotes(const SearchOptions& options) {
  uint64_t n = 0;
  auto r = impl_->timed([&] { return impl_->quotes(options, &n); });
  if (!r) return tl::unexpected(r.error());
  return n;
}

Result<Timeline> Store::timeline(const SearchOptions& options) {
  return impl_->timed([&] { return impl_->timeline(options); });
}

Result<std::vector<PersonCount>> Store::people(const SearchOptions& options) {
  return impl_->timed([&] { return impl_->people(options); });
}

Result<std::string> Store::article_json(int64_t id) {
  auto indexed = impl_->index_pending();
  if (!indexed) return tl::unexpected(indexed.error());
  auto s = impl_->stmt(
      "SELECT b.record, a.story, a.version, a.latest, b.body FROM bodies b "
      "JOIN articles a ON a.id = b.id "
      "WHERE b.id = ?1");
  if (!s) return tl::unexpected(s.error());
  if ((*s)->bind(1, id).step() != SQLITE_ROW)
    return make_error(ErrorCode::kUsage, "no article " + std::to_string(id));
  std::string record = (*s)->text(0);
  int64_t story = (*s)->is_null(1) ? id : (*s)->int64(1);
  int64_t version = (*s)->int64(2);
  bool latest = (*s)->int64(3) != 0;
  std::string body = (*s)->text(4);
  (*s)->reset();
  auto n = impl_->copies(story);
  if (!n) return tl::unexpected(n.error());
  ordered_json rec = whole_record(record, std::move(body));
  ordered_json out = ordered_json::object();
  out["id"] = id;
  out["version"] = version;
  out["latest"] = latest;
  out["story"] = story;
  out["copies"] = std::max<uint64_t>(*n, 1);
  for (auto& [k, v] : rec.items())
    if (!out.contains(k)) out[k] = std::move(v);
  return out.dump(-1, ' ', false, ordered_json::error_handler_t::replace);
}

Result<StoreStats> Store::stats() {
  auto indexed = impl_->index_pending();
  if (!indexed) return tl::unexpected(indexed.error());
  StoreStats st;
  Impl& im = *impl_;
  struct Count {
    uint64_t* into;
    const char* sql;
  };
  const Count counts[] = {
      {&st.articles, "SELECT count(*) FROM articles WHERE latest = 1"},
      {&st.versions, "SELECT count(*) FROM articles"},
      {&st.stories, "SELECT count(DISTINCT story) FROM articles WHERE latest = 1"},
      {&st.quotes,
       "SELECT count(*) FROM quotes q JOIN articles a ON a.id = q.article_id WHERE a.latest = 1"},
      {&st.people,
       "SELECT count(DISTINCT e.name) FROM entities e JOIN articles a ON a.id = e.article_id "
       "WHERE a.latest = 1 AND e.type = 'person'"},
      {&st.sites, "SELECT count(DISTINCT site) FROM articles WHERE latest = 1 AND site <> ''"},
      {&st.languages,
       "SELECT count(DISTINCT language) FROM articles WHERE latest = 1 AND language <> ''"},
  };
  for (const Count& c : counts) {
    auto v = im.scalar(c.sql);
    if (!v) return tl::unexpected(v.error());
    *c.into = *v;
  }
  auto days = im.stmt("SELECT min(day), max(day) FROM articles WHERE latest = 1 AND day <> ''");
  if (!days) return tl::unexpected(days.error());
  if ((*days)->step() == SQLITE_ROW) {
    st.first_day = (*days)->text(0);
    st.last_day = (*days)->text(1);
  }
  (*days)->reset();
  auto v = im.scalar("PRAGMA user_version");
  if (!v) return tl::unexpected(v.error());
  st.schema_version = static_cast<int>(*v);
  return st;
}

const std::string& Store::path() const { return impl_->path; }

int store_schema_version() { return store::kSchemaVersion; }

std::string_view query_language_help() {
  return R"(Search the corpus that lede ingest built.

QUERY is words and filters, separated by spaces:

  word             articles holding the word (in the title or the body); all words
                   must match, and results are ranked by bm25, a title match above a
                   body match, among the 2,000 matches added last (or four per
                   result asked for, --offset plus --limit, when that is more):
                   a word found in a fifth of a large corpus would otherwise be
                   scored for every article that holds it. --count counts every
                   match. Case and accents do not matter.
  "exact phrase"   the words in this order; in the ranking a phrase weighs as much
                   as its rarest word (bm25 would count the articles holding the
                   whole phrase, a pass over the corpus per query), so a phrase of
                   common words counts less than its own rarity would give it
  a OR b           either (OR in capitals joins the words either side: x a OR b = x
                   and one of a, b)
  -word, -"a b"    leave out articles holding it (also -site:, -lang:, -author: ...)
  title:word       the word (or title:"a phrase") in the title
  author:NAME      by that author (author:"Jane Doe")
  person:NAME      naming that person (lede ingest analyses the pages unless --no-analyze)
  speaker:NAME     quoting that person; with --quotes, that person's quotes
  site:DOMAIN      from that site (site:apnews.com also matches www.apnews.com)
  lang:CODE        in that language (lang:de)
  since:DAY        published on or after DAY (2023-06-01, 2023-06 or 2023)
  until:DAY        published on or before DAY

A query of filters only lists the newest first. A story published by several
sites (near-identical bodies) is shown once, with its number of copies, unless
--all-copies. With --quotes the words match the quotes' own text.

A query that cannot be read is an error that says at which column; the exit
status is then 2.

Examples:
  lede search 'heat wave -sports since:2023-06-01'
  lede search '"interest rates" site:reuters.com site:apnews.com'   (either site)
  lede search --quotes 'speaker:Stoltenberg ukraine'
  lede search --count 'person:"Olaf Scholz" lang:de'
)";
}

}  // namespace lede
