// Text mode: an Article from text that a scraper or a text-mode browser left.
//
//   lede::news::TextModeOptions options;
//   options.path = "story.txt";
//   lede::Article a = lede::news::article_from_text(utf8, options);
//   // a.title, a.published, a.authors, a.dateline, a.images, a.text, a.blocks
//
// Steps (repeated as // 1., // 2. in text_mode.cc):
//   1. Split into lines; note indentation, list markers and display width.
//   2. Find the renderer's wrap width and rejoin lines it wrapped into paragraphs.
//   3. Describe each paragraph: length, sentence shape, list and link markers,
//      page-control words, dates, bylines, captions.
//   4. Take the densest run of prose as the body (a maximum-sum run of scores).
//   5. Read the header above the body: headline, date and time, byline, captions.
//   6. Assemble the Article: dateline from the lead, captions to images, body text.
// Evidence only; no rule names a site. Thread safe; no state between calls.
#pragma once

#include <string>
#include <string_view>

#include "lede/article.h"
#include "news/dates.h"

namespace lede::news {

struct TextModeOptions {
  std::string path;   // copied to Article::source.path ("-" for stdin)
  DateOptions dates;  // plausibility range for dates read from the text
  int wrap_width = 0;  // columns the renderer wrapped at; 0 detects it from the text
};

// Never fails: text without a recognisable article gives an Article whose
// `text` holds whatever prose there is (possibly empty). The caller decides
// whether an empty body is an error. `utf8` must be UTF-8 (decode first).
lede::Article article_from_text(std::string_view utf8, const TextModeOptions& options = {});

// For tuning and bug reports: one line per paragraph with its first line
// number, quality (G good, S short, B bad), score, whether the body took it
// (*) and its first characters.
std::string explain_text_mode(std::string_view utf8, const TextModeOptions& options = {});

}  // namespace lede::news
