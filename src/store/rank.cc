#include "store/rank.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>

namespace lede::store {
namespace {

// bm25's constants as FTS5 fixes them: term-frequency saturation and the
// weight of a row's length against the average.
constexpr double kK1 = 1.2;
constexpr double kB = 0.75;
// The smallest IDF, FTS5's own floor for a phrase in over half the rows.
constexpr double kMinIdf = 1e-6;

// What one query's ranking computes once: per phrase its IDF, and the
// average row length.
struct RankData {
  std::vector<double> idf;
  std::vector<double> freq;  // scratch: the current row's weighted counts
  double average_length = 0;
};

int count_row(const Fts5ExtensionApi*, Fts5Context*, void* user) {
  ++*static_cast<sqlite3_int64*>(user);
  return SQLITE_OK;
}

// The HINTS entry of phrase `i` ("" when absent).
std::string_view hint(std::string_view hints, int i) {
  for (int k = 0; k < i; ++k) {
    size_t comma = hints.find(',');
    if (comma == std::string_view::npos) return {};
    hints.remove_prefix(comma + 1);
  }
  return hints.substr(0, hints.find(','));
}

int rank_data(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_value* hints_value,
              RankData** out) {
  auto* d = static_cast<RankData*>(api->xGetAuxdata(fts, 0));
  if (d) {
    *out = d;
    return SQLITE_OK;
  }
  auto data = std::make_unique<RankData>();
  const int phrases = api->xPhraseCount(fts);
  data->idf.assign(static_cast<size_t>(phrases), 0.0);
  data->freq.assign(static_cast<size_t>(phrases), 0.0);
  sqlite3_int64 rows = 0, tokens = 0;
  int rc = api->xRowCount(fts, &rows);
  if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
  if (rc != SQLITE_OK) return rc;
  data->average_length = rows ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
  const unsigned char* h = hints_value ? sqlite3_value_text(hints_value) : nullptr;
  std::string_view hints = h ? reinterpret_cast<const char*>(h) : "";
  for (int i = 0; i < phrases; ++i) {
    std::string_view given = hint(hints, i);
    if (given == "-") continue;  // never in a matching row: its IDF weighs nothing
    sqlite3_int64 hits = 0;
    if (given.empty()) {
      rc = api->xQueryPhrase(fts, i, &hits, count_row);
      if (rc != SQLITE_OK) return rc;
    } else {
      // Counted on the same index, so never above its rows; clamped all the
      // same, since the IDF's logarithm takes rows - hits.
      hits =
          std::clamp<sqlite3_int64>(std::strtoll(std::string(given).c_str(), nullptr, 10), 0, rows);
    }
    double idf =
        std::log((static_cast<double>(rows - hits) + 0.5) / (static_cast<double>(hits) + 0.5));
    data->idf[static_cast<size_t>(i)] = idf <= 0.0 ? kMinIdf : idf;
  }
  d = data.release();
  rc = api->xSetAuxdata(fts, d, [](void* p) { delete static_cast<RankData*>(p); });
  if (rc != SQLITE_OK) return rc;  // xSetAuxdata deleted it
  *out = d;
  return SQLITE_OK;
}

void rank_function(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* ctx, int n,
                   sqlite3_value** args) {
  RankData* d = nullptr;
  int rc = rank_data(api, fts, n > 0 ? args[0] : nullptr, &d);
  int instances = 0;
  if (rc == SQLITE_OK) rc = api->xInstCount(fts, &instances);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  std::fill(d->freq.begin(), d->freq.end(), 0.0);
  const int weights = n - 1;
  for (int i = 0; i < instances; ++i) {
    int phrase = 0, column = 0, offset = 0;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc != SQLITE_OK) {
      sqlite3_result_error_code(ctx, rc);
      return;
    }
    d->freq[static_cast<size_t>(phrase)] +=
        column < weights ? sqlite3_value_double(args[1 + column]) : 1.0;
  }
  int length = 0;
  rc = api->xColumnSize(fts, -1, &length);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(ctx, rc);
    return;
  }
  double score = 0;
  const double norm = kK1 * (1 - kB + kB * static_cast<double>(length) / d->average_length);
  for (size_t i = 0; i < d->idf.size(); ++i)
    score += d->idf[i] * ((d->freq[i] * (kK1 + 1.0)) / (d->freq[i] + norm));
  sqlite3_result_double(ctx, -score);
}

Result<fts5_api*> fts5(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &s, nullptr) != SQLITE_OK)
    return make_error(ErrorCode::kIo, std::string("no FTS5: ") + sqlite3_errmsg(db));
  sqlite3_bind_pointer(s, 1, &api, "fts5_api_ptr", nullptr);
  sqlite3_step(s);
  sqlite3_finalize(s);
  if (!api) return make_error(ErrorCode::kIo, "no FTS5 API in this SQLite");
  return api;
}

}  // namespace

Result<void> register_rank(sqlite3* db) {
  auto api = fts5(db);
  if (!api) return tl::unexpected(api.error());
  if ((*api)->xCreateFunction(*api, "lede_rank", nullptr, rank_function, nullptr) != SQLITE_OK)
    return make_error(ErrorCode::kIo, "cannot register lede_rank");
  return {};
}

Result<std::vector<std::string>> index_tokens(sqlite3* db, std::string_view text) {
  auto api = fts5(db);
  if (!api) return tl::unexpected(api.error());
  void* user = nullptr;
  fts5_tokenizer methods{};
  if ((*api)->xFindTokenizer(*api, "unicode61", &user, &methods) != SQLITE_OK)
    return make_error(ErrorCode::kIo, "no unicode61 tokenizer");
  const char* arguments[] = {"remove_diacritics", "2"};
  Fts5Tokenizer* tokenizer = nullptr;
  if (methods.xCreate(user, arguments, 2, &tokenizer) != SQLITE_OK)
    return make_error(ErrorCode::kIo, "cannot make a unicode61 tokenizer");
  std::vector<std::string> tokens;
  auto add = [](void* out, int flags, const char* token, int size, int, int) {
    if (!(flags & FTS5_TOKEN_COLOCATED))
      static_cast<std::vector<std::string>*>(out)->emplace_back(token, static_cast<size_t>(size));
    return SQLITE_OK;
  };
  int rc = methods.xTokenize(tokenizer, &tokens, FTS5_TOKENIZE_QUERY, text.data(),
                             static_cast<int>(text.size()), add);
  methods.xDelete(tokenizer);
  if (rc != SQLITE_OK) return make_error(ErrorCode::kIo, "cannot split a phrase into tokens");
  return tokens;
}

}  // namespace lede::store
