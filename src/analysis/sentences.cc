#include "analysis/sentences.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>

#include "core/text.h"

namespace lede::analysis {
namespace {

// Abbreviations after which ICU ends a sentence but news text goes on:
// titles before a name, months before a day, "No." before a number.
constexpr std::string_view kTitleAbbreviations[] = {
    "mr",   "mrs",  "ms",   "dr",  "prof", "sen",  "rep",    "gov",  "lt",     "gen",  "col",
    "capt", "cpl",  "sgt",  "adm", "maj",  "cmdr", "rev",    "fr",   "hon",    "pres", "supt",
    "det",  "insp", "st",   "mt",  "ft",   "atty", "messrs", "sens", "reps",   "vs",   "v",
    "ave",  "blvd", "jr",   "sr",  "no",   "nos",  "vol",    "fig",  "approx", "est",  "dept",
    "univ", "assn", "bros", "inc", "corp", "co",   "ltd",    "jan",  "feb",    "mar",  "apr",
    "jun",  "jul",  "aug",  "sep", "sept", "oct",  "nov",    "dec"};

// Abbreviations that do end sentences when the next word starts one: "in the U.S. The".
constexpr std::string_view kSentenceStarters[] = {
    "the",  "a",       "an",        "he",    "she",  "it",    "they",   "we",    "i",     "but",
    "and",  "in",      "on",        "at",    "this", "that",  "these",  "those", "there", "his",
    "her",  "its",     "their",     "our",   "as",   "after", "before", "when",  "while", "if",
    "for",  "however", "meanwhile", "still", "yet",  "so",    "also",   "some",  "many",  "most",
    "last", "earlier", "later",     "since", "what", "why"};

// Of the abbreviations above, those that only continue before a number: "Jan. 5", "No. 2".
constexpr std::string_view kBeforeNumber[] = {"no",   "nos", "vol", "fig", "jan", "feb",
                                              "mar",  "apr", "jun", "jul", "aug", "sep",
                                              "sept", "oct", "nov", "dec"};

template <size_t N>
bool in(const std::string_view (&table)[N], std::string_view w) {
  return std::find(std::begin(table), std::end(table), w) != std::end(table);
}

bool is_ascii_alnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 32) >= 'a' && (c | 32) <= 'z');
}

bool is_space_cp(char32_t cp) { return core::is_unicode_space(cp); }

// Letters and digits, in any script; marks inside words are handled by the tokenizer.
bool is_letter_cp(char32_t cp) {
  if (cp < 0x80) return is_ascii_alnum(static_cast<unsigned char>(cp));
  return u_isalnum(static_cast<UChar32>(cp)) ||
         u_getIntPropertyValue(cp, UCHAR_GENERAL_CATEGORY_MASK) & U_GC_M_MASK;
}

char32_t cp_at(std::string_view s, size_t i, size_t* next = nullptr) {
  size_t j = i;
  char32_t cp = core::next_code_point(s, j);
  if (next) *next = j;
  return cp;
}

bool letter_at(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  unsigned char c = s[i];
  if (c < 0x80) return is_ascii_alnum(c);
  return is_letter_cp(cp_at(s, i));
}

bool digit_at(std::string_view s, size_t i) { return i < s.size() && s[i] >= '0' && s[i] <= '9'; }

bool is_apostrophe_at(std::string_view s, size_t i, size_t* len) {
  if (s[i] == '\'') {
    *len = 1;
    return true;
  }
  if (s.compare(i, 3, "\u2019") == 0) {
    *len = 3;
    return true;
  }
  return false;
}

icu::BreakIterator* sentence_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it;
  if (!it) {
    UErrorCode status = U_ZERO_ERROR;
    it.reset(icu::BreakIterator::createSentenceInstance(icu::Locale::getEnglish(), status));
    if (U_FAILURE(status)) it.reset();
  }
  return it.get();
}

// The last white-space separated chunk of s, without closing quotes or brackets.
std::string_view last_chunk(std::string_view s) {
  size_t e = s.size();
  while (e > 0 && core::is_ascii_space(s[e - 1])) --e;
  size_t b = e;
  while (b > 0 && !core::is_ascii_space(s[b - 1])) --b;
  return s.substr(b, e - b);
}

std::string_view first_chunk(std::string_view s) {
  size_t b = 0;
  while (b < s.size() && core::is_ascii_space(s[b])) ++b;
  size_t e = b;
  while (e < s.size() && !core::is_ascii_space(s[e])) ++e;
  return s.substr(b, e - b);
}

// "U.S.", "a.m.", "W.": letters of one or two each, with periods between.
bool is_initials(std::string_view w) {
  if (w.size() < 2 || w.back() != '.') return false;
  size_t run = 0;
  for (char c : w) {
    if (c == '.') {
      if (run == 0 || run > 2) return false;
      run = 0;
    } else if (is_ascii_alnum(static_cast<unsigned char>(c)) && !(c >= '0' && c <= '9')) {
      ++run;
    } else {
      return false;
    }
  }
  return true;
}

// Should the break between `before` and `after` be undone?
bool joins_across(std::string_view before, std::string_view after) {
  std::string_view last = last_chunk(before);
  if (last.empty() || last.back() != '.') return false;
  // Strip an opening bracket or quote glued to the word: "(Sen." -> "Sen."
  while (!last.empty() && !is_ascii_alnum(static_cast<unsigned char>(last.front())) &&
         static_cast<unsigned char>(last.front()) < 0x80)
    last.remove_prefix(1);
  std::string_view next = first_chunk(after);
  if (next.empty()) return false;
  const unsigned char n0 = next.front();
  const bool next_lower = n0 >= 'a' && n0 <= 'z';
  const bool next_digit = n0 >= '0' && n0 <= '9';
  const std::string lw = core::ascii_lower(last.substr(0, last.size() - 1));
  if (in(kTitleAbbreviations, lw)) {
    if (in(kBeforeNumber, lw)) return next_digit;
    return true;
  }
  if (!is_initials(last)) return false;
  if (next_lower || next_digit) return true;
  if (last.size() == 2 && last[0] >= 'A' && last[0] <= 'Z') return true;  // "George W. Bush"
  std::string nw = core::ascii_lower(next);
  while (!nw.empty() && !is_ascii_alnum(static_cast<unsigned char>(nw.back()))) nw.pop_back();
  return !in(kSentenceStarters, nw);
}

void add_tokens(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>& out) {
  size_t i = begin;
  while (i < end) {
    const unsigned char c = text[i];
    size_t next = i + 1;
    char32_t cp = c;
    if (c >= 0x80) cp = cp_at(text, i, &next);
    if (c < 0x80 ? core::is_ascii_space(c) : is_space_cp(cp)) {
      i = next;
      continue;
    }
    if (!(c < 0x80 ? is_ascii_alnum(c) : is_letter_cp(cp))) {
      out.push_back(
          {static_cast<uint32_t>(i), static_cast<uint32_t>(next), TokenKind::kPunct, false});
      i = next;
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.upper = c < 0x80 ? (c >= 'A' && c <= 'Z') : u_isupper(static_cast<UChar32>(cp));
    bool numeric = true, has_period = false;
    size_t j = i;
    while (j < end) {
      const unsigned char d = text[j];
      if (d < 0x80 ? is_ascii_alnum(d) : is_letter_cp(cp_at(text, j))) {
        if (!(d >= '0' && d <= '9')) numeric = false;
        size_t nj = j + 1;
        if (d >= 0x80) cp_at(text, j, &nj);
        j = nj;
        continue;
      }
      size_t alen = 0;
      if ((d == '.' || d == ',' || d == ':') && j + 1 < end) {
        // "344.65", "1,000", "11:06", "U.S", "a.m"
        if (digit_at(text, j - 1) && digit_at(text, j + 1) &&
            (d != ',' || (j + 4 <= end && digit_at(text, j + 3) && !digit_at(text, j + 4)))) {
          j += 1;
          continue;
        }
        if (d == '.' && letter_at(text, j + 1) && !digit_at(text, j + 1)) {
          has_period = true;
          j += 1;
          continue;
        }
        break;
      }
      if ((d == '-' || d == '&') && j + 1 < end && letter_at(text, j + 1)) {
        numeric = false;
        j += 1;
        continue;
      }
      if (is_apostrophe_at(text, j, &alen) && j + alen < end && letter_at(text, j + alen) &&
          !digit_at(text, j + alen)) {
        numeric = false;
        j += alen;
        continue;
      }
      break;
    }
    // A trailing period belongs to initials and abbreviations: "U.S.", "W.", "Mr.".
    if (j < end && text[j] == '.' && !numeric) {
      std::string_view w = text.substr(i, j - i);
      const bool initial = w.size() == 1 && t.upper;
      if (initial || (has_period && is_initials(text.substr(i, j + 1 - i))) ||
          is_news_abbreviation(core::ascii_lower(w))) {
        ++j;
      }
    }
    t.end = static_cast<uint32_t>(j);
    t.kind = numeric ? TokenKind::kNumber : TokenKind::kWord;
    out.push_back(t);
    i = j;
  }
}

uint32_t trim_start(std::string_view text, uint32_t b, uint32_t e) {
  while (b < e && core::is_ascii_space(text[b])) ++b;
  return b;
}
uint32_t trim_end(std::string_view text, uint32_t b, uint32_t e) {
  while (e > b && core::is_ascii_space(text[e - 1])) --e;
  return e;
}

// Sentence spans of one paragraph [b, e).
void paragraph_sentences(std::string_view text, uint32_t b, uint32_t e,
                         std::vector<std::pair<uint32_t, uint32_t>>& out) {
  const size_t first = out.size();
  icu::BreakIterator* it = sentence_iterator();
  if (it == nullptr) {
    out.emplace_back(b, e);
    return;
  }
  UErrorCode status = U_ZERO_ERROR;
  UText ut = UTEXT_INITIALIZER;
  utext_openUTF8(&ut, text.data() + b, e - b, &status);
  it->setText(&ut, status);
  if (U_FAILURE(status)) {
    utext_close(&ut);
    out.emplace_back(b, e);
    return;
  }
  int32_t p = it->first();
  for (int32_t q = it->next(); q != icu::BreakIterator::DONE; p = q, q = it->next()) {
    const uint32_t sb = trim_start(text, b + p, b + q), se = trim_end(text, b + p, b + q);
    if (sb >= se) continue;
    if (out.size() > first &&
        joins_across(text.substr(out.back().first, out.back().second - out.back().first),
                     text.substr(sb, se - sb))) {
      out.back().second = se;
    } else {
      out.emplace_back(sb, se);
    }
  }
  utext_close(&ut);
}

// Paragraph spans: separated by a line holding only white space.
std::vector<std::pair<uint32_t, uint32_t>> paragraph_spans(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  const uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t start = 0;
  uint32_t i = 0;
  while (i < n) {
    if (text[i] != '\n') {
      ++i;
      continue;
    }
    // Is the next line blank?
    uint32_t j = i + 1;
    while (j < n && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
    if (j < n && text[j] != '\n') {
      i = j;
      continue;
    }
    const uint32_t b = trim_start(text, start, i), e = trim_end(text, start, i);
    if (b < e) out.emplace_back(b, e);
    while (j < n && core::is_ascii_space(text[j])) ++j;
    start = i = j;
  }
  const uint32_t b = trim_start(text, start, n), e = trim_end(text, start, n);
  if (b < e) out.emplace_back(b, e);
  return out;
}

}  // namespace

bool is_news_abbreviation(std::string_view lower_without_period) {
  return in(kTitleAbbreviations, lower_without_period);
}

uint32_t Document::sentence_of(uint32_t token) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), token,
                             [](uint32_t t, const Sentence& s) { return t < s.last_token; });
  return static_cast<uint32_t>(it - sentences.begin());
}

std::vector<std::pair<uint32_t, uint32_t>> split_sentences(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (auto [b, e] : paragraph_spans(text)) paragraph_sentences(text, b, e, out);
  return out;
}

Document segment(std::string_view text, core::Deadline* deadline) {
  Document doc;
  doc.text = text;
  doc.lower.assign(text);
  for (char& c : doc.lower) c = core::ascii_lower(c);
  doc.tokens.reserve(text.size() / 5);
  std::vector<std::pair<uint32_t, uint32_t>> spans;
  for (auto [pb, pe] : paragraph_spans(text)) {
    Paragraph para{pb, pe, static_cast<uint32_t>(doc.sentences.size()), 0};
    spans.clear();
    paragraph_sentences(text, pb, pe, spans);
    for (auto [sb, se] : spans) {
      Sentence s{sb, se, static_cast<uint32_t>(doc.tokens.size()), 0,
                 static_cast<uint32_t>(doc.paragraphs.size())};
      add_tokens(text, sb, se, doc.tokens);
      s.last_token = static_cast<uint32_t>(doc.tokens.size());
      doc.sentences.push_back(s);
    }
    para.last_sentence = static_cast<uint32_t>(doc.sentences.size());
    doc.paragraphs.push_back(para);
    if (deadline != nullptr && deadline->expired()) break;
  }
  return doc;
}

}  // namespace lede::analysis
