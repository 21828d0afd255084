#include "store/query.h"

#include <cctype>
#include <optional>

namespace lede::store {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// A term worth matching holds a letter or a digit (bytes of UTF-8 sequences
// count as letters); "&" or "--" alone would match nothing.
bool has_word(std::string_view s) {
  for (unsigned char c : s)
    if (std::isalnum(c) || c >= 0x80) return true;
  return false;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

Result<Query> fail(size_t pos, const std::string& what) {
  return make_error(ErrorCode::kUsage, "query: column " + std::to_string(pos + 1) + ": " + what);
}

bool is_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
  return true;
}

// YYYY, YYYY-MM or YYYY-MM-DD as the first (since) or last (until) day it
// covers; nullopt when malformed.
std::optional<std::string> day_bound(std::string_view v, bool last) {
  std::string_view y = v.substr(0, 4);
  if (v.size() < 4 || !is_digits(y)) return std::nullopt;
  if (v.size() == 4) return std::string(y) + (last ? "-12-31" : "-01-01");
  if (v.size() < 7 || v[4] != '-' || !is_digits(v.substr(5, 2))) return std::nullopt;
  int month = std::stoi(std::string(v.substr(5, 2)));
  if (month < 1 || month > 12) return std::nullopt;
  if (v.size() == 7) return std::string(v) + (last ? "-31" : "-01");
  if (v.size() != 10 || v[7] != '-' || !is_digits(v.substr(8, 2))) return std::nullopt;
  int day = std::stoi(std::string(v.substr(8, 2)));
  if (day < 1 || day > 31) return std::nullopt;
  return std::string(v);
}

struct Token {
  size_t pos = 0;
  bool negated = false;
  bool is_or = false;
  std::string field;  // "" for plain words and phrases
  std::string value;
};

constexpr std::string_view kFilters[] = {"site", "author", "speaker", "person",
                                         "lang", "since",  "until",   "title"};

bool known_filter(std::string_view name) {
  for (std::string_view f : kFilters)
    if (f == name) return true;
  return false;
}

}  // namespace

std::string normalize_site(std::string_view domain) {
  std::string d = lower(domain);
  while (!d.empty() && d.back() == '.') d.pop_back();
  if (d.rfind("www.", 0) == 0) d.erase(0, 4);
  return d;
}

std::string fts_phrase(const Term& term, std::string_view column_filter) {
  std::string out(column_filter);
  out += " : \"";
  for (char c : term.text) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

Result<Query> parse_query(std::string_view q) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < q.size()) {
    if (is_space(q[i])) {
      ++i;
      continue;
    }
    Token t;
    t.pos = i;
    if (q[i] == '-') {
      t.negated = true;
      ++i;
      if (i == q.size() || is_space(q[i])) return fail(t.pos, "'-' must be followed by a word");
    }
    // A field name: letters then ':' directly.
    size_t j = i;
    while (j < q.size() && std::isalpha(static_cast<unsigned char>(q[j]))) ++j;
    if (j > i && j < q.size() && q[j] == ':' &&
        !(j + 2 < q.size() && q[j + 1] == '/' && q[j + 2] == '/')) {
      std::string name = lower(q.substr(i, j - i));
      if (!known_filter(name))
        return fail(i, "unknown filter '" + name +
                           ":' (filters: site: author: speaker: person: lang: since: until: "
                           "title:)");
      t.field = name;
      i = j + 1;
      if (i == q.size() || is_space(q[i])) return fail(t.pos, "'" + name + ":' needs a value");
    }
    if (q[i] == '"') {
      size_t close = q.find('"', i + 1);
      if (close == std::string_view::npos) return fail(i, "unterminated quote");
      t.value = std::string(q.substr(i + 1, close - i - 1));
      i = close + 1;
      if (i < q.size() && !is_space(q[i]))
        return fail(i, "a closing quote must be followed by a space");
    } else {
      size_t start = i;
      while (i < q.size() && !is_space(q[i])) {
        if (q[i] == '"') return fail(i, "a quote must start a word");
        ++i;
      }
      t.value = std::string(q.substr(start, i - start));
      if (t.field.empty() && !t.negated && t.value == "OR") t.is_or = true;
    }
    tokens.push_back(std::move(t));
  }

  Query query;
  bool pending_or = false;
  size_t or_pos = 0;
  // Whether the last positive term may start an OR group (it was a term
  // that goes into query.all).
  bool last_joinable = false;
  for (const Token& t : tokens) {
    if (t.is_or) {
      if (!last_joinable) return fail(t.pos, "OR needs a word before it");
      if (pending_or) return fail(t.pos, "OR follows OR");
      pending_or = true;
      or_pos = t.pos;
      continue;
    }
    const std::string& f = t.field;
    if (f == "site" || f == "lang") {
      if (pending_or) return fail(t.pos, "OR joins words, not " + f + ": filters");
      std::string v = f == "site" ? normalize_site(t.value) : lower(t.value);
      if (v.empty()) return fail(t.pos, "'" + f + ":' needs a value");
      auto& list = f == "site" ? (t.negated ? query.not_sites : query.sites)
                               : (t.negated ? query.not_langs : query.langs);
      list.push_back(v);
      last_joinable = false;
      continue;
    }
    if (f == "since" || f == "until") {
      if (pending_or) return fail(t.pos, "OR joins words, not " + f + ": filters");
      if (t.negated) return fail(t.pos, "'-" + f + ":' is not a filter; use since: or until:");
      std::optional<std::string> day = day_bound(t.value, f == "until");
      if (!day) return fail(t.pos, "'" + t.value + "' is not a date (YYYY-MM-DD, YYYY-MM or YYYY)");
      (f == "since" ? query.since : query.until) = *day;
      last_joinable = false;
      continue;
    }
    Term term;
    term.field = f == "title"     ? Field::kTitle
                 : f == "author"  ? Field::kAuthor
                 : f == "person"  ? Field::kPerson
                 : f == "speaker" ? Field::kSpeaker
                                  : Field::kText;
    term.text = t.value;
    if (!has_word(term.text)) {
      if (pending_or) return fail(t.pos, "OR needs a word after it");
      if (!t.field.empty()) return fail(t.pos, "'" + f + ":' needs a word");
      last_joinable = false;
      continue;  // punctuation alone matches nothing: dropped
    }
    if (t.negated) {
      if (pending_or) return fail(t.pos, "OR cannot join a -word");
      query.none.push_back(std::move(term));
      last_joinable = false;
      continue;
    }
    if (pending_or) {
      query.all.back().push_back(std::move(term));
      pending_or = false;
    } else {
      query.all.push_back({std::move(term)});
    }
    last_joinable = true;
  }
  if (pending_or) return fail(or_pos, "OR needs a word after it");
  if (!query.since.empty() && !query.until.empty() && query.since > query.until)
    return make_error(ErrorCode::kUsage, "query: since: " + query.since + " is after until: " +
                                             query.until + "; nothing can match");
  return query;
}

}  // namespace lede::store
