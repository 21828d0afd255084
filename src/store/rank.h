// lede_rank: the search ranking, bm25 with a cheap document frequency for
// phrases of several words (docs/DESIGN.md, "The corpus").
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

#include "lede/result.h"

namespace lede::store {

// Registers the FTS5 auxiliary function lede_rank on `db`:
//
//   lede_rank(TABLE, HINTS, W0, W1, ...)
//
// is FTS5's bm25(TABLE, W0, W1, ...) (k1 = 1.2, b = 0.75, column weights
// W0...), lower for better, except in how a phrase's document frequency is
// found. HINTS has one comma-separated entry per phrase of the MATCH
// expression, in its order: empty, a phrase whose frequency FTS5 counts as
// bm25 does (one pass over its matches: cheap for a single word); a number,
// that frequency, given by the caller (for a phrase of several words, whose
// count would check every match's positions across the corpus); "-", a
// phrase that cannot occur in a matching row (under NOT), which is not
// counted at all. A NULL or empty HINTS is bm25 itself.
Result<void> register_rank(sqlite3* db);

// `text` split into tokens as the text indexes' tokenizer (unicode61,
// remove_diacritics 2) splits a query.
Result<std::vector<std::string>> index_tokens(sqlite3* db, std::string_view text);

}  // namespace lede::store
