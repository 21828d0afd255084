// Text mode: the article in text that a scraper or a text-mode browser left.
//
//   lede::textmode::TextArticle t = lede::textmode::read_text(utf8);
//   // t.title, t.published, t.authors, t.agencies, t.images, t.text, t.blocks
//   lede::Article a = lede::assemble::from_text(std::move(t), started);  // + dateline, language
//
// Steps (repeated as // 1., // 2. in text_mode.cc):
//   1. Split into lines; note indentation, list markers and display width.
//   2. Find the renderer's wrap width and rejoin lines it wrapped into paragraphs.
//   3. Describe each paragraph: length, sentence shape, list and link markers,
//      page-control words, dates, bylines, captions.
//   4. Take the densest run of prose as the body (a maximum-sum run of scores).
//   5. Read the header above the body: headline, date and time, byline, captions.
//   6. Gather what was found: header fields, captions as images, the body text.
// Evidence only; no rule names a site. Thread safe; no state between calls.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "lede/article.h"
#include "fields/dates.h"

namespace lede::textmode {

struct TextModeOptions {
  fields::DateOptions dates;  // plausibility range for dates read from the text
  int wrap_width = 0;         // columns the renderer wrapped at; 0 detects it from the text
};

// What the text says about its article; the fields an Article has, by the same names.
struct TextArticle {
  std::string title;
  std::string published;  // "2023-06-13" or "2023-06-13T11:06:00", as the text states it
  std::vector<std::string> authors;
  std::vector<std::string> agencies;  // agencies named in the bylines, in order
  std::vector<lede::Image> images;    // captions and credits (no URL in text)
  std::string text;                   // paragraphs separated by one blank line
  std::vector<lede::Block> blocks;
  std::vector<std::string> warnings;
  std::string method = "text-lines";  // Article::source.method
};

// Never fails: text without a recognisable article gives a TextArticle whose
// `text` holds whatever prose there is (possibly empty). The caller decides
// whether an empty body is an error. `utf8` must be UTF-8 (decode first).
TextArticle read_text(std::string_view utf8, const TextModeOptions& options = {});

// For tuning and bug reports: one line per paragraph with its first line
// number, quality (G good, S short, B bad), score, whether the body took it
// (*) and its first characters.
std::string explain_text_mode(std::string_view utf8, const TextModeOptions& options = {});

}  // namespace lede::textmode
