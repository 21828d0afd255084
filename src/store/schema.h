// The corpus schema and its migrations (docs/DESIGN.md, "The corpus").
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <string>

#include "lede/result.h"

namespace lede::store {

// PRAGMA application_id of every lede corpus: "lede" in ASCII, so that
// `file` and lede itself tell a corpus from any other SQLite file.
inline constexpr int32_t kApplicationId = 0x6c656465;
// The schema version this code writes (PRAGMA user_version).
inline constexpr int kSchemaVersion = 4;

// Brings `db` from schema `from` to `to` (from < to <= kSchemaVersion),
// inside the caller's transaction, and sets user_version. Step 1 creates
// the articles, their text index, sources, quotes, entities and times;
// step 2 adds story clusters and clusters the articles already held; step 3
// keeps each text once and adds `shared`; step 4 packs the facets (facets.h).
Result<void> migrate(sqlite3* db, int from, int to);

// Runs `sql` (any number of statements); kIo naming the failure otherwise.
Result<void> exec(sqlite3* db, const std::string& sql);

}  // namespace lede::store
