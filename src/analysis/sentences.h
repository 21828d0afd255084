// Paragraphs, sentences and word tokens of article text, with byte offsets.
//
//   lede::analysis::Document doc = lede::analysis::segment(article.text);
//   for (const auto& s : doc.sentences)
//     for (uint32_t i = s.first_token; i < s.last_token; ++i) doc.word(i);
//
// Sentences come from ICU's sentence rules, then news abbreviations that ICU
// ends a sentence at ("Mr. Smith", "the U.S. Army", "Jan. 5", "No. 2") are
// joined again. Paragraphs are separated by a blank line (lede's `text`
// convention); a sentence never crosses a paragraph. Tokens are words
// (letters, digits and the marks inside them: "U.S.", "O'Leary", "11:06",
// "Secretary-General", "It's"), numbers and single punctuation marks.
// Thread safe: each thread keeps its own ICU break iterator.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/deadline.h"

namespace lede::analysis {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t start = 0, end = 0;  // [start, end) in Document::text
  TokenKind kind = TokenKind::kPunct;
  bool upper = false;  // starts with an upper-case letter
};

struct Sentence {
  uint32_t start = 0, end = 0;               // trimmed of surrounding white space
  uint32_t first_token = 0, last_token = 0;  // [first, last) in Document::tokens
  uint32_t paragraph = 0;
};

struct Paragraph {
  uint32_t start = 0, end = 0;
  uint32_t first_sentence = 0, last_sentence = 0;
};

struct Document {
  std::string_view text;
  std::string lower;  // `text` with ASCII letters lower-cased; same offsets
  std::vector<Paragraph> paragraphs;
  std::vector<Sentence> sentences;
  std::vector<Token> tokens;

  std::string_view word(uint32_t i) const {
    return text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
  }
  std::string_view lower_word(uint32_t i) const {
    return std::string_view(lower).substr(tokens[i].start, tokens[i].end - tokens[i].start);
  }
  // The sentence holding token i.
  uint32_t sentence_of(uint32_t token) const;
};

// Splits `text` into paragraphs, sentences and tokens. `text` must outlive the
// Document (it is viewed, not copied). Stops after the paragraph in which
// `deadline` (if any) expires, leaving the rest out.
Document segment(std::string_view text, core::Deadline* deadline = nullptr);

// Sentence spans alone, for callers that need no tokens.
std::vector<std::pair<uint32_t, uint32_t>> split_sentences(std::string_view text);

// True for abbreviations that end with a period but rarely end a sentence:
// titles ("Mr.", "Sen.", "Gov."), months ("Jan."), "No.", "St." (lower-case
// input without the trailing period).
bool is_news_abbreviation(std::string_view lower_without_period);

}  // namespace lede::analysis
