// The search query language, parsed into terms and filters (the grammar is
// query_language_help() in store.h; the SQL it becomes is store.cc's).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lede/result.h"

namespace lede::store {

// Where a term must match. kText is title or body (a quote's text when
// searching quotes).
enum class Field { kText, kTitle, kAuthor, kPerson, kSpeaker };

struct Term {
  Field field = Field::kText;
  std::string text;  // a word or a phrase; matched as a phrase of its words
};

struct Query {
  // All groups must match; a group matches when any of its terms does
  // (terms joined by OR).
  std::vector<std::vector<Term>> all;
  std::vector<Term> none;                     // -word: none may match
  std::vector<std::string> sites, not_sites;  // domains, lower case, without "www."
  std::vector<std::string> langs, not_langs;  // language codes, lower case
  std::string since, until;                   // published days, YYYY-MM-DD, inclusive
  bool has_terms() const { return !all.empty() || !none.empty(); }
};

// Errors are kUsage: "column N: what is wrong".
Result<Query> parse_query(std::string_view text);

// The FTS5 phrase matching `term` in the columns `column_filter` names
// ("{title body}"): its words, quoted, so that no FTS5 syntax gets through.
std::string fts_phrase(const Term& term, std::string_view column_filter);

// A domain as site: compares it: lower case, without a leading "www.".
std::string normalize_site(std::string_view domain);

}  // namespace lede::store
