#include "textmode/text_mode.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <unordered_set>
#include <vector>

#include "core/text.h"
#include "fields/byline.h"
#include "fields/credit.h"
#include "fields/dateline.h"

namespace lede::textmode {

using fields::Byline;
using fields::CaptionCredit;
using fields::DateMatch;
using fields::DateOptions;
using fields::ParsedDate;
using fields::find_date;
using fields::find_dateline;
using fields::looks_like_credit;
using fields::looks_like_person_name;
using fields::parse_byline;
using fields::split_credit;
using fields::starts_with_byline_label;
namespace {

// Tunables. Figures were set on the AEB text dumps (w3m and lynx); see
// tests/textmode/TEXT_MODE_WORST.md for the pages they were checked against.
constexpr int kProseMinWords = 12;          // a paragraph of prose has a dozen words or more
constexpr int kListedProseMinWords = 25;    // list items need more to count as prose, not links
constexpr int kCjkCharsPerWord = 2;         // scripts without spaces: about two characters a word
constexpr double kMinLowercaseShare = 0.3;  // menus and titles are Title Case; prose is not
constexpr double kShortPenalty = 25;        // a short non-prose line costs about one short sentence
constexpr double kBadPenalty = 70;          // a link-list or control line costs more
constexpr double kMaxParagraphGain = 1200;  // one huge block must not outweigh a whole article
constexpr double kBarrierPenalty = 400;     // "Comments", "Related": the article ends here
constexpr double kTimestampPenalty = 150;   // "2 days ago at 07:52 am": comment and feed headers
constexpr int kMaxBarrierWords = 6;
constexpr int kMinGap = 3;           // non-prose paragraphs in a row that split a run
constexpr double kWeakShare = 0.25;  // weaker than this share of the strongest part: not article
constexpr double kMinArticleScore = 250;  // about two sentences: less is not an article
constexpr int kMaxGapToComments = 8;      // paragraphs between an article's end and its comments
constexpr size_t kMaxFormBytes = 300;     // form rows and URLs are short lines
constexpr int kMaxFurnitureWords = 40;    // longer paragraphs need stronger furniture evidence
constexpr int kHeaderLookback = 40;       // paragraphs above the body searched for the header
constexpr int kMaxHeadlineWords = 30;
constexpr int kMinHeadlineWords = 2;
constexpr int kMaxDateLineWords = 14;  // "Published: Tuesday, June 13, 2023, 11:06 AM EDT"
constexpr int kMaxBylineWords = 16;
constexpr int kMaxCaptionWords = 90;      // captions are a few sentences at most
constexpr int kMinWrapLines = 3;          // a wrap width needs this many lines ending near it
constexpr int kWrapBand = 6;              // wrapped lines end within a short word of the width
constexpr int kWrapOverflowCost = 3;      // lines past a width are strong evidence against it
constexpr int kWrapMinShareInverse = 10;  // 1 long line in 10 ends near a real wrap width
constexpr int kLongLineCols = 40;         // lines shorter than this say nothing about wrapping

// Short lines that are page controls, not text (compared in lower case,
// after stripping punctuation and arrows).
constexpr std::string_view kControlWords[] = {
    "close",
    "share",
    "share this",
    "share this article",
    "share on facebook",
    "share on twitter",
    "tweet",
    "pin",
    "email",
    "e-mail",
    "mail",
    "print",
    "subscribe",
    "subscribe now",
    "sign in",
    "sign up",
    "log in",
    "login",
    "log out",
    "logout",
    "register",
    "menu",
    "search",
    "home",
    "advertisement",
    "advertising",
    "ad",
    "ads",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "publicidade",
    "advertentie",
    "sponsored",
    "comments",
    "comment",
    "reply",
    "read more",
    "more",
    "next",
    "previous",
    "prev",
    "back to top",
    "top",
    "skip to content",
    "skip to main content",
    "follow us",
    "newsletter",
    "related",
    "related articles",
    "related stories",
    "recommended",
    "most popular",
    "most read",
    "trending",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "instagram",
    "youtube",
    "reddit",
    "copy link",
    "link copied",
    "save",
    "bookmark",
    "listen",
    "play",
    "video",
    "photos",
    "gallery",
    "view gallery",
    "enlarge",
    "expand",
    "toggle",
    "open",
    "loading",
    "cancel",
    "ok",
    "accept",
    "privacy policy",
    "terms of use",
    "contact us",
    "about us",
    "teilen",
    "schließen",
    "anmelden",
    "abonnieren",
    "mehr",
    "weiterlesen",
    "partager",
    "fermer",
    "lire aussi",
    "compartir",
    "cerrar",
    "condividi",
    "chiudi",
    "compartilhar",
    "fechar",
    "delen",
    "sluiten",
    "lees meer",
    "text",
    "hide caption",
    "toggle caption",
    "show more",
    "show less",
    "see more",
    "view comments",
    "leer más",
    "continue reading",
    "click here",
    "skip",
    "skip ad",
    "image",
    "photo",
    "caption",
};

// Phrases that mark a whole line as page furniture wherever they appear.
constexpr std::string_view kFurniturePhrases[] = {
    "cookie",
    "all rights reserved",
    "alle rechte vorbehalten",
    "tous droits réservés",
    "todos los derechos reservados",
    "tutti i diritti riservati",
    "privacy policy",
    "terms of service",
    "terms of use",
    "javascript",
    "your browser",
};

// A short line ending in one of these heads a comment section.
constexpr std::string_view kCommentWords[] = {
    "comments",    "comment",     "kommentare", "kommentar",  "commentaires",
    "commentaire", "comentarios", "comentario", "commenti",   "commento",
    "comentários", "comentário",  "reacties",   "reactie",    "replies",
    "responses",   "reply",       "antworten",  "discussion",
};

// Short lines that head what follows an article (compared in lower case; a
// line must equal one, or start with one of the multi-word ones).
constexpr std::string_view kEndPhrases[] = {
    "related",
    "related posts",
    "related articles",
    "related stories",
    "related content",
    "related news",
    "related coverage",
    "recommended",
    "recommended for you",
    "you may also like",
    "you might also like",
    "more from",
    "more stories",
    "more news",
    "read next",
    "read more",
    "read also",
    "also read",
    "see also",
    "most popular",
    "most read",
    "popular",
    "trending",
    "recent posts",
    "popular posts",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "tags",
    "filed under",
    "about the author",
    "leave a comment",
    "leave a reply",
    "post a comment",
    "join the conversation",
    "join the discussion",
    "mehr zum thema",
    "weitere artikel",
    "das könnte sie auch interessieren",
    "lesen sie auch",
    "auch interessant",
    "lire aussi",
    "à lire aussi",
    "sur le même sujet",
    "ver también",
    "te puede interesar",
    "leia também",
    "veja também",
    "leggi anche",
    "potrebbe interessarti",
    "lees ook",
    "meer nieuws",
    "more on this story",
    "top stories",
    "latest stories",
    "editor's picks",
    "don't miss",
    "what to read next",
    "up next",
    "next story",
    "previous story",
    "post navigation",
    "trending now",
    "popular on",
};

enum class Quality : uint8_t { kBad, kShort, kGood };

struct Line {
  std::string_view content;  // without indentation or list marker
  int indent = 0;            // columns before the first visible character
  int end_col = 0;           // column after the last visible character
  bool marker = false;       // opened with a list marker ("•", "*", "1.")
  bool blank = true;
  bool has_space = false;
  int first_word_cols = 0;
};

struct Para {
  std::string text;  // lines joined, white space collapsed
  int first_line = 0, last_line = 0;
  int indent = 0;
  bool listed = false;
  bool flush_left = false;  // starts at column 0 while most text is indented (lynx headings)
  int block = 0;            // blank-line-separated block index
  int lines = 0;
  // Features.
  int chars = 0;  // code points
  int words = 0;  // space-separated words, or CJK characters / kCjkCharsPerWord
  int cjk = 0;
  int cased_words = 0, lower_words = 0;
  int sentence_marks = 0;
  bool sentence_end = false;
  bool control = false;    // page control or furniture
  bool barrier = false;    // heads comments or related links: the article ends before it
  bool comments = false;   // the barrier names comments
  bool timestamp = false;  // a short line with a clock time or "... ago"
  bool teaser = false;     // another story's headline run into its summary
  bool repeated = false;   // the same text appeared earlier in the page
  bool form = false;       // form field, image placeholder or bare URL
  Quality quality = Quality::kShort;
  double score = 0;
};

bool is_wide(char32_t cp) {
  return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
         (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
         (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
}

bool is_cjk(char32_t cp) {
  return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF);
}

int display_cols(std::string_view s) {
  int cols = 0;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      ++cols;
      continue;
    }
    const char32_t cp = core::next_code_point(s, i);
    cols += is_wide(cp) ? 2 : 1;
  }
  return cols;
}

// Width in bytes of a list marker at the start of s ("• ", "* ", "+ ", "1. "), 0 if none.
size_t marker_length(std::string_view s) {
  if (s.empty()) return 0;
  const auto c0 = static_cast<unsigned char>(s[0]);
  if (std::isalpha(c0) && c0 != 'o') return 0;  // the common case: text, not a bullet
  static constexpr std::string_view kBullets[] = {"•", "*", "+", "□", "◦", "▪", "■", "►",
                                                  "·", "o", "-", "–", "#", "@", "○", "●"};
  for (std::string_view b : kBullets) {
    if (s.size() > b.size() + 1 && s.compare(0, b.size(), b) == 0 && s[b.size()] == ' ')
      return b.size() + 1;
    if (s.size() == b.size() && s == b && b != "o") return b.size();
  }
  size_t i = 0;
  while (i < s.size() && i < 2 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i > 0 && i + 1 < s.size() && (s[i] == '.' || s[i] == ')') && s[i + 1] == ' ') return i + 2;
  return 0;
}

// 1. Lines.
std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  size_t b = 0;
  while (b <= text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view raw = text.substr(b, e - b);
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    Line line;
    size_t i = 0;
    int indent = 0;
    while (i < raw.size()) {
      if (raw[i] == ' ') {
        ++indent;
        ++i;
      } else if (raw[i] == '\t') {
        indent = (indent / 8 + 1) * 8;
        ++i;
      } else if (static_cast<unsigned char>(raw[i]) == 0xC2 && i + 1 < raw.size() &&
                 static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
        ++indent;
        i += 2;
      } else {
        break;
      }
    }
    std::string_view content = raw.substr(i);
    while (!content.empty() && core::is_ascii_space(content.back())) content.remove_suffix(1);
    if (!content.empty()) {
      line.blank = false;
      line.indent = indent;
      line.end_col = indent + display_cols(content);
      if (size_t m = marker_length(content); m > 0) {
        line.marker = true;
        content = core::trim(content.substr(m));
      }
      line.content = content;
      line.has_space = content.find(' ') != std::string_view::npos;
      size_t sp = content.find(' ');
      line.first_word_cols = display_cols(content.substr(0, sp));
      // Text without spaces (CJK) wraps anywhere: one character is enough to overflow.
      if (sp == std::string_view::npos || line.first_word_cols > 40) {
        size_t k = 0;
        const char32_t cp = core::next_code_point(content, k);
        if (is_wide(cp)) line.first_word_cols = 2;
      }
    }
    lines.push_back(line);
    if (e == text.size()) break;
    b = e + 1;
  }
  return lines;
}

// 2. The wrap width: the column where many lines end and few go past. Scored
// as lines ending within kWrapBand columns at or below it, minus
// kWrapOverflowCost for each line that ends beyond it (tables, long URLs).
int detect_wrap_width(const std::vector<Line>& lines) {
  constexpr int kMaxCols = 1024;
  std::vector<int> hist(kMaxCols + 1, 0);
  int total = 0, long_lines = 0;
  for (const Line& l : lines) {
    if (l.blank || !l.has_space) continue;
    ++hist[std::min(l.end_col, kMaxCols)];
    ++total;
    if (l.end_col >= kLongLineCols) ++long_lines;
  }
  if (total < kMinWrapLines) return 0;
  const int min_near = std::max(kMinWrapLines, long_lines / kWrapMinShareInverse);
  int best = 0, best_score = 0, near = 0, beyond = total;
  for (int c = 1; c <= kMaxCols; ++c) {
    near += hist[c];
    if (c - kWrapBand - 1 >= 0) near -= hist[c - kWrapBand - 1];
    beyond -= hist[c];
    const int score = near - kWrapOverflowCost * beyond;
    if (near >= min_near && score > best_score) {
      best_score = score;
      best = c;
    }
  }
  return best;
}

bool line_was_wrapped(const Line& cur, const Line& next, int wrap) {
  if (wrap <= 0 || next.blank || next.marker) return false;
  return cur.end_col + 1 + next.first_word_cols > wrap;
}

std::string_view strip_decoration(std::string_view s) {
  // Trailing arrows, chevrons and punctuation on controls: "Read more »", "Share →".
  static constexpr std::string_view kTrail[] = {"»", "›", "→", "«", "‹", "←", ">", "<", ":",
                                                ".", "!", "|", "…", "+", "-", "(", ")"};
  auto plain = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
  for (bool changed = true; changed;) {
    changed = false;
    s = core::trim(s);
    if (s.empty() || (plain(s.front()) && plain(s.back()))) break;
    for (std::string_view t : kTrail) {
      if (s.size() >= t.size() && s.substr(s.size() - t.size()) == t) {
        s.remove_suffix(t.size());
        changed = true;
      }
      if (s.size() >= t.size() && s.substr(0, t.size()) == t) {
        s.remove_prefix(t.size());
        changed = true;
      }
    }
  }
  return s;
}

bool is_control_text(std::string_view s) {
  static const auto* words = [] {
    auto* set = new std::unordered_set<std::string_view>();
    for (std::string_view w : kControlWords) set->insert(w);
    return set;
  }();
  s = strip_decoration(s);
  if (s.empty()) return true;
  if (s.size() > 40) return false;
  return words->count(core::ascii_lower(s)) > 0;
}

bool is_form_or_placeholder(std::string_view s) {
  if (s.size() >= 2 && s.front() == '[' && s.back() == ']') return true;  // [IMG], [image.jpg]
  if (s.size() > kMaxFormBytes) return false;
  if (core::starts_with_icase(s, "http://") || core::starts_with_icase(s, "https://") ||
      core::starts_with_icase(s, "www."))
    return s.find(' ') == std::string_view::npos;
  if (std::none_of(s.begin(), s.end(), [](char c) { return c == '(' || c == '[' || c == '_'; }))
    return false;
  return s.find("(BUTTON)") != std::string_view::npos || s.find("____") != std::string_view::npos ||
         s.find("[ ]") != std::string_view::npos || s.find("[X]") != std::string_view::npos;
}

// Lower-cased letters and single spaces only: "[ 167 comments ]" -> "comments".
std::string letters_only(std::string_view s) {
  std::string out;
  size_t i = 0;
  bool space = false;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      const size_t b = i;
      const char32_t cp = core::next_code_point(s, i);
      if (cp >= 0xC0 && !(cp >= 0x2000 && cp <= 0x2BFF)) {
        if (space && !out.empty()) out += ' ';
        space = false;
        out.append(s.substr(b, i - b));
      } else {
        space = true;
      }
      continue;
    }
    ++i;
    if (std::isalpha(c) || c == '\'') {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += core::ascii_lower(static_cast<char>(c));
    } else if (c == ' ' || c == '-' || c == '/' || c == ':' || c == '|') {
      space = true;
    }
  }
  return out;
}

// True when lower-cased `s` contains one of `phrases`; one pass over s, trying
// only the phrases that start with the byte at hand.
template <size_t N>
bool contains_any(std::string_view s, const std::string_view (&phrases)[N]) {
  static const auto first = [&] {
    std::array<bool, 256> t{};
    for (std::string_view p : phrases) t[static_cast<unsigned char>(p[0])] = true;
    return t;
  }();
  for (size_t i = 0; i < s.size(); ++i) {
    if (!first[static_cast<unsigned char>(s[i])]) continue;
    for (std::string_view p : phrases)
      if (p[0] == s[i] && i + p.size() <= s.size() && s[i + 1] == p[1] &&
          s.compare(i, p.size(), p) == 0)
        return true;
  }
  return false;
}

bool is_barrier_text(std::string_view s, bool* comments) {
  // "READ MORE: Some other story" is an inline link, not the end of the article.
  const size_t colon = s.find(':');
  if (colon != std::string_view::npos && core::trim(s.substr(colon + 1)).size() > 2) return false;
  const std::string norm = letters_only(s);
  if (norm.empty()) return false;
  // "WeWork declined to comment." is a sentence of the article, not a header.
  const bool sentence = s.back() == '.' && std::count(s.begin(), s.end(), ' ') >= 2;
  for (std::string_view w : kCommentWords) {
    if (sentence) break;
    if (norm.size() >= w.size() && norm.compare(norm.size() - w.size(), w.size(), w) == 0 &&
        (norm.size() == w.size() || norm[norm.size() - w.size() - 1] == ' ')) {
      *comments = true;
      return true;
    }
  }
  for (std::string_view e : kEndPhrases) {
    if (norm == e) return true;
    if (e.find(' ') != std::string_view::npos && norm.size() > e.size() &&
        norm.compare(0, e.size(), e) == 0 && norm[e.size()] == ' ')
      return true;
  }
  return norm.rfind("related ", 0) == 0;
}

// "2 days ago at 07:52 am", "11:54", "Vor 3 Stunden".
bool is_timestamp_text(std::string_view s) {
  for (size_t i = 1; i + 2 < s.size(); ++i) {
    if (s[i] == ':' && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
        std::isdigit(static_cast<unsigned char>(s[i + 1])) &&
        std::isdigit(static_cast<unsigned char>(s[i + 2])))
      return true;
  }
  const std::string lower = core::ascii_lower(s);
  return lower.find(" ago") != std::string::npos || lower.rfind("vor ", 0) == 0 ||
         lower.rfind("il y a ", 0) == 0 || lower.rfind("hace ", 0) == 0 ||
         lower.find(" fa") == lower.size() - 3;
}

// Joined line contents are trimmed; only runs of spaces, tabs or no-break
// spaces inside them need folding.
bool needs_collapse(std::string_view s) {
  for (size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' && i + 1 < s.size() && s[i + 1] == ' ') return true;
    if (c == '\t' || c == '\r' || c == '\f' || c == '\v' || c == 0xC2 || c == 0xE2 || c == 0xE3)
      return true;
  }
  return false;
}

// Words a title-case headline leaves in lower case ("Spots in Detroit's Rivertown").
constexpr std::string_view kHeadlineSmallWords[] = {"a",    "an",   "the", "and", "or",  "of",
                                                    "in",   "on",   "at",  "to",  "for", "by",
                                                    "with", "from", "as",  "vs",  "is",  "&"};
constexpr int kMinTeaserHeadlineWords = 4;  // fewer words are a name or a phrase, not a headline
constexpr int kMinTeaserSummaryWords = 5;   // the summary after the headline is a sentence
constexpr int kMinTeasers = 2;              // a page's teasers come in lists
constexpr int kMinTableRows = 5;            // fewer number-led lines are a list of links or scores
constexpr int kMinTableRowWords = 3;        // a rank and a name at least
constexpr int kMaxTableRowWords = 15;       // longer lines are sentences that open with a number
constexpr int kTableRowWordSpread = 3;      // the rows of one table have about as many cells
constexpr double kTableRowWeight = 1.0;     // a row counts as much as prose of its length
constexpr int kMinDigestWords = 60;         // a copy of several paragraphs is long
constexpr int kMinDigestHits = 2;           // one quoted opening is a coincidence, two a copy
constexpr size_t kDigestProbeBytes = 40;    // the opening of a paragraph searched for in a copy
// Months that open the rows of a list of dates, in the languages that write the month first.
constexpr std::string_view kRowMonths[] = {
    "january",   "february", "march",    "april",    "may",  "june", "july", "august",
    "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
    "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"};

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

// The offset of the capital where a word runs a headline's last word into the
// next sentence's first ("RunDenny", "Rise?Violence"), or npos. Handles and
// URLs ("@RobertMaguire_", "(HawaiiNewsNow)") are not fusions.
size_t fused_capital(std::string_view w) {
  if (w.find_first_of("@(/") != std::string_view::npos) return std::string_view::npos;
  for (size_t k = 2; k + 1 < w.size(); ++k) {
    if (!is_upper(w[k]) || !is_lower(w[k + 1])) continue;
    if (is_lower(w[k - 1]) && is_lower(w[k - 2])) return k;
    if ((w[k - 1] == '?' || w[k - 1] == '!' || w[k - 1] == '.') && is_lower(w[k - 2])) return k;
  }
  return std::string_view::npos;
}

// Most of a sentence's words after its first start in lower case; a run of
// names and titles does not. `strict` asks for two thirds rather than half,
// for a fusion that product names make too ("Pods & AirPods Pro on sale").
bool reads_as_sentence(std::string_view s, bool strict) {
  int words = 0, lower = 0;
  for (size_t i = s.find(' '); i != std::string_view::npos && words < 12; i = s.find(' ', i + 1)) {
    if (i + 1 >= s.size()) break;
    ++words;
    if (is_lower(s[i + 1])) ++lower;
  }
  if (words < kMinTeaserSummaryWords) return false;
  return strict ? lower * 3 >= words * 2 : lower * 2 >= words;
}

// An uppercase place name opening a dateline ("NEW", "KARACHI:").
bool is_caps_word(std::string_view w) {
  int letters = 0;
  for (char c : w) {
    if (is_upper(c)) {
      ++letters;
    } else if (is_lower(c)) {
      return false;
    }
  }
  return letters >= 3;
}

// A teaser for another story, as text browsers render a headline link
// followed by its summary: the headline runs into the summary with no space
// ("Tape Gaffe Ends Hamlin's Title RunDenny Hamlin's championship run ..."),
// or into the summary's dateline ("... return home from US NEW DELHI: Their
// American dream ..."). A headline has no sentence end; a title-case one
// leaves only small words in lower case.
bool opens_with_teaser_headline(std::string_view s) {
  if (s.empty() || !is_upper(s[0])) return false;  // a headline opens with a capital
  int words = 0, small = 0;
  bool title_case = true, unbroken = true;
  for (size_t i = 0; i < s.size() && (title_case || unbroken) && words < kMaxHeadlineWords;) {
    const size_t start = i;
    size_t e = s.find(' ', i);
    if (e == std::string_view::npos) e = s.size();
    const std::string_view w = s.substr(start, e - start);
    i = e + 1;
    if (w.empty()) continue;
    if (title_case && words + 1 >= kMinTeaserHeadlineWords && !is_lower(w[0])) {
      const size_t k = fused_capital(w);
      if (k != std::string_view::npos && small * 5 <= words + 1 &&
          reads_as_sentence(s.substr(start + k), true))
        return true;
    }
    if (unbroken && words >= kMinTeaserHeadlineWords && is_caps_word(w)) {
      const std::string_view rest = s.substr(start);
      // The story after a dateline opens with a capital ("NEW DELHI: Their"); an
      // acronym inside a sentence does not ("Fusion GPS — the font of ...").
      const auto d = find_dateline(rest);
      const std::string_view story = d ? rest.substr(std::min(d->end, rest.size())) : "";
      if (!story.empty() && is_upper(story[0]) && reads_as_sentence(story, false)) return true;
    }
    if (is_lower(w[0])) {
      const bool listed_small =
          std::find(std::begin(kHeadlineSmallWords), std::end(kHeadlineSmallWords), w) !=
          std::end(kHeadlineSmallWords);
      if (listed_small) {
        ++small;
      } else {
        title_case = false;
      }
    }
    const char last = w.back();
    if (last == '.' || last == '!' || last == '?') unbroken = false;
    ++words;
  }
  return false;
}

void describe(Para& p) {
  const std::string_view s = p.text;
  size_t i = 0;
  bool word_start = true;
  int space_words = 0;
  char32_t last = 0, prev_last = 0;
  while (i < s.size()) {
    const auto byte = static_cast<unsigned char>(s[i]);
    // ASCII inside a word needs no decoding and changes none of the counts.
    if (byte < 0x80 && !word_start && byte != ' ' && byte != '.' && byte != '!' && byte != '?') {
      ++i;
      ++p.chars;
      prev_last = last;
      last = byte;
      continue;
    }
    const char32_t cp = byte < 0x80 ? s[i++] : core::next_code_point(s, i);
    ++p.chars;
    if (cp == ' ') {
      word_start = true;
      continue;
    }
    if (cp >= 0x3040 && is_cjk(cp)) ++p.cjk;
    if (cp == '.' || cp == '!' || cp == '?' || cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F) {
      if (i < s.size() && s[i] == ' ') ++p.sentence_marks;
      if (cp >= 0x3000) ++p.sentence_marks;
    }
    if (word_start) {
      ++space_words;
      if (cp < 0x80 ? std::isalpha(static_cast<int>(cp)) : (cp >= 0xC0 && cp < 0x530)) {
        ++p.cased_words;
        const bool lower =
            cp < 0x80 ? std::islower(static_cast<int>(cp)) != 0
                      : ((cp >= 0xDF && cp <= 0xFF) || (cp >= 0x430 && cp <= 0x45F) ||
                         (cp >= 0x3AC && cp <= 0x3CE) || (cp >= 0x100 && cp < 0x180 && (cp & 1)));
        if (lower) ++p.lower_words;
      }
    }
    word_start = false;
    prev_last = last;
    last = cp;
  }
  p.words = std::max(space_words, p.cjk / kCjkCharsPerWord);
  char32_t end = last;
  if ((end == '"' || end == 0x201D || end == 0x2019 || end == '\'' || end == 0xBB || end == ')' ||
       end == 0x300D) &&
      prev_last != 0)
    end = prev_last;
  p.sentence_end = end == '.' || end == '!' || end == '?' || end == 0x2026 || end == 0x3002 ||
                   end == 0xFF01 || end == 0xFF1F || end == ':';
  p.form = is_form_or_placeholder(s);
  p.control = is_control_text(s);
  if (!p.control) {
    if (p.words <= kMaxFurnitureWords) {
      if (contains_any(core::ascii_lower(s), kFurniturePhrases)) p.control = true;
      if (s.find("©") != std::string_view::npos) p.control = true;
    } else {
      // A long paragraph about cookies twice over is a consent notice.
      // Anchored on the rare 'k' so that the scan skips most of the text.
      const auto find = [&](size_t from) {
        for (size_t k = s.find('k', from + 2); k != std::string_view::npos; k = s.find('k', k + 1))
          if (k >= 2 && s.compare(k - 2, 5, "ookie") == 0) return k - 2;
        return s.size();
      };
      const size_t first = find(0);
      if (first < s.size() && find(first + 5) < s.size()) p.control = true;
    }
  }
  if (p.words <= kMaxBarrierWords) p.barrier = is_barrier_text(s, &p.comments);
  if (p.words <= 8 && !p.barrier) p.timestamp = is_timestamp_text(s);
  if (p.words >= kProseMinWords) p.teaser = opens_with_teaser_headline(s);
}

void classify(Para& p) {
  if (p.barrier) {
    p.quality = Quality::kBad;
    p.score = -kBarrierPenalty;
    return;
  }
  if (p.timestamp) {
    p.quality = Quality::kBad;
    p.score = -kTimestampPenalty;
    return;
  }
  if (p.form || p.control || p.repeated || p.teaser) {
    p.quality = Quality::kBad;
    p.score = -kBadPenalty;
    return;
  }
  const bool uncased = p.cased_words * 2 < p.words;
  const bool prose_case =
      uncased || p.lower_words >= kMinLowercaseShare * std::max(1, p.cased_words);
  const int min_words = p.listed ? kListedProseMinWords : kProseMinWords;
  const bool prose_shape = p.sentence_end || p.sentence_marks >= 1;
  if (p.words >= min_words && prose_shape && prose_case) {
    p.quality = Quality::kGood;
    const double weight = p.cjk > p.chars / 2 ? 2.5 : 1.0;  // CJK packs more per character
    p.score = std::min(kMaxParagraphGain, weight * p.chars);
    return;
  }
  if (p.listed) {
    p.quality = Quality::kBad;
    p.score = -kBadPenalty;
    return;
  }
  p.quality = Quality::kShort;
  // Short sentences cost little; short fragments cost more.
  p.score = (prose_shape && prose_case && p.words >= 4) ? 0 : -kShortPenalty;
}

// A row of a table as text browsers print it: one line that opens with a
// number ("3 Kevin Harvick 5033 4 6 15 26", "3a etapa: 22 de abril").
bool looks_like_table_row(const Para& p) {
  if (p.listed || p.lines != 1 || p.quality == Quality::kGood) return false;
  if (p.control || p.form || p.barrier || p.teaser) return false;
  if (p.words < kMinTableRowWords || p.words > kMaxTableRowWords) return false;
  if (std::isdigit(static_cast<unsigned char>(p.text[0]))) return true;
  // A tour or event list opens each row with a month and a day ("June 9 – Tampa, FL").
  const size_t sp = p.text.find(' ');
  if (sp == std::string::npos || sp + 1 >= p.text.size() ||
      !std::isdigit(static_cast<unsigned char>(p.text[sp + 1])))
    return false;
  std::string_view month = std::string_view(p.text).substr(0, sp);
  if (!month.empty() && month.back() == '.') month.remove_suffix(1);
  for (std::string_view m : kRowMonths)
    if (core::iequals(month, m)) return true;
  return false;
}

// Rows of a table under a headline are the article when the article is the
// table (standings, a calendar): kMinTableRows or more rows in a row, of about
// the same number of words, count as prose. See TEXT_MODE_WORST.md, 11ea381a.
void mark_table_rows(std::vector<Para>& paras) {
  const size_t n = paras.size();
  for (size_t b = 0; b < n;) {
    if (!looks_like_table_row(paras[b])) {
      ++b;
      continue;
    }
    size_t e = b + 1;
    int lo = paras[b].words, hi = paras[b].words;
    while (e < n && looks_like_table_row(paras[e]) &&
           std::max(hi, paras[e].words) - std::min(lo, paras[e].words) <= kTableRowWordSpread) {
      lo = std::min(lo, paras[e].words);
      hi = std::max(hi, paras[e].words);
      ++e;
    }
    if (static_cast<int>(e - b) >= kMinTableRows) {
      for (size_t k = b; k < e; ++k) {
        paras[k].quality = Quality::kGood;
        paras[k].score = kTableRowWeight * paras[k].chars;
      }
    }
    b = e;
  }
}

// A page may print the whole article again as one block (a summary for
// feeds, a script's copy): a long paragraph holding the openings of
// kMinDigestHits earlier prose paragraphs repeats them. See
// TEXT_MODE_WORST.md, fde930b0.
void mark_digests(std::vector<Para>& paras) {
  for (size_t k = 0; k < paras.size(); ++k) {
    Para& p = paras[k];
    if (p.words < kMinDigestWords || p.repeated) continue;
    int hits = 0;
    for (size_t j = 0; j < k && hits < kMinDigestHits; ++j) {
      const Para& q = paras[j];
      if (q.quality != Quality::kGood || q.text.size() < kDigestProbeBytes) continue;
      if (p.text.find(std::string_view(q.text).substr(0, kDigestProbeBytes)) != std::string::npos)
        ++hits;
    }
    if (hits >= kMinDigestHits) {
      p.repeated = true;
      classify(p);
    }
  }
}

// 2. Paragraphs: lines of a block are joined while the renderer wrapped them.
std::vector<Para> build_paragraphs(const std::vector<Line>& lines, int wrap) {
  int common_indent = 1 << 20, text_lines = 0, indented_lines = 0;
  for (const Line& l : lines) {
    if (l.blank) continue;
    common_indent = std::min(common_indent, l.indent);
    ++text_lines;
    if (l.indent > 0) ++indented_lines;
  }
  const bool indented_doc = indented_lines * 4 > text_lines * 3;
  std::vector<Para> paras;
  paras.reserve(lines.size());
  std::unordered_set<std::string_view> seen;
  int block = 0, teasers = 0;
  bool in_block = false;
  for (size_t i = 0; i < lines.size();) {
    const Line& first = lines[i];
    if (first.blank) {
      if (in_block) ++block;
      in_block = false;
      ++i;
      continue;
    }
    in_block = true;
    Para p;
    p.first_line = static_cast<int>(i);
    p.indent = first.indent;
    p.listed = first.marker;
    p.block = block;
    p.flush_left = indented_doc && first.indent == 0;
    p.text.assign(first.content);
    size_t j = i;
    while (j + 1 < lines.size() && line_was_wrapped(lines[j], lines[j + 1], wrap)) {
      const Line& next = lines[j + 1];
      // Continuation lines keep the paragraph's indentation (a list item's text column).
      if (first.marker ? next.indent <= first.indent : next.indent != first.indent) break;
      p.text += ' ';
      p.text.append(next.content);
      ++j;
    }
    p.last_line = static_cast<int>(j);
    p.lines = static_cast<int>(j - i + 1);
    if (needs_collapse(p.text)) p.text = core::collapse_space(p.text);
    describe(p);
    paras.push_back(std::move(p));
    Para& added = paras.back();
    // `paras` never reallocates (reserved above), so views of its texts stay valid.
    if (added.words >= kProseMinWords && !seen.insert(added.text).second) added.repeated = true;
    classify(added);
    teasers += added.teaser ? 1 : 0;
    i = j + 1;
  }
  // Teasers come in lists; a lone paragraph of that shape is more likely a
  // sentence that opens with a name ("The New York Times' PolitiFact team").
  if (teasers > 0 && teasers < kMinTeasers) {
    for (Para& p : paras) {
      if (!p.teaser) continue;
      p.teaser = false;
      classify(p);
    }
  }
  mark_table_rows(paras);
  mark_digests(paras);
  // "Comments" among share buttons (Facebook, Print, Email) is a link, not a header.
  for (size_t k = 0; k < paras.size(); ++k) {
    Para& p = paras[k];
    if (!p.comments) continue;
    const bool control_before = k > 0 && paras[k - 1].control;
    const bool control_after = k + 1 < paras.size() && paras[k + 1].control;
    if (control_before || control_after) {
      p.comments = p.barrier = false;
      p.control = true;
      p.score = -kBadPenalty;
    }
  }
  return paras;
}

struct Run {
  int begin = 0, end = -1;  // inclusive; end < begin when empty
  double score = 0;
};

// The run of paragraphs in [from, to) with the largest total score.
Run densest_run(const std::vector<Para>& paras, int from, int to) {
  Run best, cur;
  cur.begin = from;
  for (int i = from; i < to; ++i) {
    if (cur.score <= 0) {
      cur.score = 0;
      cur.begin = i;
    }
    cur.score += paras[i].score;
    if (cur.score > best.score) {
      best.score = cur.score;
      best.begin = cur.begin;
      best.end = i;
    }
  }
  return best;
}

bool is_date_line(const Para& p, const DateOptions& options, std::optional<DateMatch>* out) {
  if (p.words > kMaxDateLineWords || p.chars > 160) return false;
  auto m = find_date(p.text, options);
  if (!m) return false;
  if (out) *out = m;
  return true;
}

// Evidence that an article's header stands here: a byline, a date or clock
// time, or page controls (the share bar under a headline).
bool is_header_debris(const Para& p, const DateOptions& dates) {
  if (p.timestamp || p.control) return true;
  if (p.words <= kMaxBylineWords && starts_with_byline_label(p.text)) return true;
  return is_date_line(p, dates, nullptr);
}

// Stretches of kMinGap or more non-prose paragraphs inside a run split it
// into segments. A weak segment at the end of the run is a teaser card or a
// promotion after the article; a weak one at its start is a summary or
// teaser above the article's header, when the stretch after it holds that
// header.
Run trim_weak_ends(const std::vector<Para>& paras, Run run, const DateOptions& dates) {
  struct Segment {
    int begin, end;
    double score;
  };
  std::vector<Segment> segs;
  int gap = 0;
  Segment cur{run.begin, run.begin - 1, 0};
  for (int i = run.begin; i <= run.end; ++i) {
    const Para& p = paras[i];
    if (p.score >= 0) {
      if (gap >= kMinGap && cur.end >= cur.begin) {
        segs.push_back(cur);
        cur = Segment{i, i - 1, 0};
      }
      gap = 0;
      if (cur.end < cur.begin) cur.begin = i;
      cur.end = i;
      cur.score += p.score;
    } else {
      // An article's own lists and short sentences do not split it.
      if (!p.listed && !p.sentence_end) ++gap;
      if (gap < kMinGap) cur.score += p.score;
    }
  }
  if (cur.end >= cur.begin) segs.push_back(cur);
  if (segs.size() < 2) return run;
  double strongest = 0;
  for (const Segment& s : segs) strongest = std::max(strongest, s.score);
  const auto weak = [&](const Segment& s) { return s.score < kWeakShare * strongest; };
  size_t b = 0, e = segs.size() - 1;
  while (b < e && weak(segs[e])) --e;
  const auto header_follows = [&](size_t k) {
    for (int i = segs[k].end + 1; i < segs[k + 1].begin; ++i)
      if (is_header_debris(paras[i], dates)) return true;
    return false;
  };
  while (b < e && weak(segs[b]) && header_follows(b)) ++b;
  run.begin = segs[b].begin;
  run.end = segs[e].end;
  return run;
}

// 4. The body: the densest run, but comments are not the article. When the
// densest run follows a comments header, the article is the run that ends
// just before that header; a run that crosses one ends there.
Run find_body(const std::vector<Para>& paras, const DateOptions& dates) {
  const int n = static_cast<int>(paras.size());
  Run run = densest_run(paras, 0, n);
  if (run.end < run.begin) return run;
  for (int c = run.begin - 1; c >= 0; --c) {
    if (!paras[c].comments) continue;
    const Run before = densest_run(paras, 0, c);
    if (before.end >= before.begin && before.score >= kMinArticleScore &&
        c - before.end <= kMaxGapToComments) {
      run = before;
      break;
    }
  }
  double sum = 0;
  for (int i = run.begin; i <= run.end; ++i) {
    if (paras[i].comments && sum >= kMinArticleScore) {
      const Run inner = densest_run(paras, run.begin, i);
      if (inner.end >= inner.begin) run = inner;
      break;
    }
    sum += std::max(0.0, paras[i].score);
  }
  return trim_weak_ends(paras, run, dates);
}

// A cheap test before split_credit: every photo credit text mode accepts names
// a photo, an image, a picture agency, a credit, a copyright or a slash.
bool has_photo_hint(std::string_view s) {
  static constexpr std::string_view kHints[] = {
      "photo", "foto", "image", "getty", "credit", "crédit", "shutterstock", "picture", "bild"};
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = core::ascii_lower(s[i]);
    if (c == '/') return true;
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < s.size() &&
        static_cast<unsigned char>(s[i + 1]) == 0xA9)
      return true;  // ©
    if (c != 'p' && c != 'f' && c != 'i' && c != 'g' && c != 'c' && c != 's' && c != 'b') continue;
    for (std::string_view h : kHints)
      if (h[0] == c && core::starts_with_icase(s.substr(i), h)) return true;
  }
  return false;
}

bool looks_like_caption(const Para& p, CaptionCredit* out) {
  if (p.words > kMaxCaptionWords || !has_photo_hint(p.text)) return false;
  if (p.words < 3 && !looks_like_credit(p.text)) return false;
  CaptionCredit c = split_credit(p.text);
  if (c.credit.empty()) return false;
  // A body paragraph ending "(Reuters)" is not a caption: require a photo credit.
  const std::string lower = core::ascii_lower(c.credit);
  const bool photo =
      lower.find("photo") != std::string::npos || lower.find("foto") != std::string::npos ||
      lower.find("image") != std::string::npos || lower.find("getty") != std::string::npos ||
      lower.find("shutterstock") != std::string::npos || lower.find('/') != std::string::npos ||
      lower.find("via ") != std::string::npos || core::icontains(p.text, "photo") ||
      core::icontains(p.text, "photo:") || core::icontains(p.text, "credit") ||
      p.text.find("©") != std::string::npos;
  if (!photo) return false;
  if (out) *out = std::move(c);
  return true;
}

bool looks_like_headline(const Para& p) {
  if (p.listed || p.form || p.control) return false;
  if (p.words < kMinHeadlineWords || p.words > kMaxHeadlineWords || p.chars > 250) return false;
  const char32_t last = static_cast<unsigned char>(p.text.back());
  if (last == '.' && !(p.text.size() > 3 && p.text.compare(p.text.size() - 3, 3, "...") == 0))
    return false;
  if (last == ':' || last == ',') return false;
  const auto c0 = static_cast<unsigned char>(p.text[0]);
  if (std::islower(c0)) return false;
  return true;
}

struct Header {
  int title = -1;
  std::optional<DateMatch> date;
  int date_para = -1;
  std::vector<int> bylines;
  std::vector<std::pair<int, CaptionCredit>> captions;
};

// What a single paragraph is, apart from its score: the roles step 3 notes.
struct Role {
  bool byline = false;
  bool caption = false;
  bool date = false;
  CaptionCredit credit;
  std::optional<DateMatch> date_match;
};

Role role_of(const Para& p, const DateOptions& dates) {
  Role r;
  r.byline = p.words <= kMaxBylineWords && starts_with_byline_label(p.text);
  r.date = is_date_line(p, dates, &r.date_match);
  r.caption = looks_like_caption(p, &r.credit);
  return r;
}

// Of two date lines for the same day, the one that also gives a time.
bool better_date(const std::optional<DateMatch>& have, const DateMatch& candidate) {
  if (!have) return true;
  const ParsedDate& a = have->date;
  const ParsedDate& b = candidate.date;
  return !a.has_time && b.has_time && a.year == b.year && a.month == b.month && a.day == b.day;
}

// 5. The header: walk up from the body to the headline, noting captions,
// bylines and the date on the way; then a date above the headline.
Header read_header(const std::vector<Para>& paras, const std::vector<Role>& roles, int body_b,
                   const DateOptions& dates) {
  Header h;
  const int header_b = std::max(0, body_b - kHeaderLookback);
  for (int i = body_b - 1; i >= header_b; --i) {
    const Para& p = paras[i];
    const Role& r = roles[i];
    if (r.caption) {
      h.captions.emplace_back(i, r.credit);
      continue;
    }
    if (r.byline) {
      h.bylines.push_back(i);
      continue;
    }
    if (r.date) {
      if (better_date(h.date, *r.date_match)) {
        h.date = r.date_match;
        h.date_para = i;
      }
      continue;
    }
    if (h.title < 0 && looks_like_headline(p)) {
      // A name on the line after a bare "By" belongs to the byline, not the headline.
      if (i >= 1 && roles[i - 1].byline && paras[i - 1].words <= 2 &&
          looks_like_person_name(p.text))
        continue;
      h.title = i;
      break;
    }
  }
  // Dates above the headline (a "date 2023-06-13" header) when none was found below it.
  if (!h.date) {
    const int from = h.title >= 0 ? h.title - 1 : body_b - 1;
    for (int i = from; i >= 0 && i >= from - kHeaderLookback; --i) {
      if (!roles[i].date && i >= header_b) continue;
      std::optional<DateMatch> m;
      if (is_date_line(paras[i], dates, &m)) {
        h.date = m;
        h.date_para = i;
        break;
      }
    }
  }
  return h;
}

// Which paragraphs of the body run [body_b, body_e] stay out of the text:
// page controls, captions, the byline and date at its top, the headline, and
// labels or fragments before the first prose. Captions, bylines and dates
// found here join the header.
std::vector<char> paragraphs_to_drop(const std::vector<Para>& paras, const std::vector<Role>& roles,
                                     int body_b, int body_e, Header& h) {
  std::vector<char> drop(paras.size(), 0);
  for (int i = body_b; i <= body_e; ++i) {
    // List items inside the run are the article's own lists; controls, form
    // fields, headers and timestamps are not.
    const Para& p = paras[i];
    const Role& r = roles[i];
    if (p.quality == Quality::kBad &&
        (!p.listed || p.control || p.form || p.barrier || p.timestamp || p.repeated))
      drop[i] = 1;
    if (r.caption) {
      h.captions.emplace_back(i, r.credit);
      drop[i] = 1;
    }
    if (i < body_b + 3 && p.quality != Quality::kGood) {
      if (r.byline) {
        h.bylines.push_back(i);
        drop[i] = 1;
      } else if (r.date) {
        if (!h.date) {
          h.date = r.date_match;
          h.date_para = i;
        }
        drop[i] = 1;
      }
    }
  }
  if (h.title >= body_b && h.title <= body_e) drop[h.title] = 1;
  // The body opens with prose: labels and fragments left at its top edge go.
  for (int i = body_b; i <= body_e; ++i) {
    if (drop[i]) continue;
    const Para& p = paras[i];
    if (p.quality == Quality::kGood || p.sentence_end) break;
    drop[i] = 1;
  }
  return drop;
}

// Authors and agencies from the header's bylines, in page order; a bare "By"
// takes the name on the next line.
void read_bylines(const std::vector<Para>& paras, std::vector<int> bylines, TextArticle& a) {
  const int n = static_cast<int>(paras.size());
  std::sort(bylines.begin(), bylines.end());
  bool byline_without_name = false;
  for (int i : bylines) {
    Byline b = parse_byline(paras[i].text);
    if (b.missing_name() && i + 1 < n && looks_like_person_name(paras[i + 1].text) &&
        paras[i + 1].words <= 5 && paras[i + 1].quality != Quality::kGood) {
      b = parse_byline(paras[i].text + " " + paras[i + 1].text);
    }
    if (b.missing_name()) byline_without_name = true;
    for (auto& name : b.names) {
      if (std::find(a.authors.begin(), a.authors.end(), name) == a.authors.end())
        a.authors.push_back(std::move(name));
    }
    for (auto& agency : b.agencies) a.agencies.push_back(std::move(agency));
  }
  if (a.authors.empty() && byline_without_name) a.warnings.push_back("byline has no name");
}

}  // namespace

TextArticle read_text(std::string_view utf8, const TextModeOptions& options) {
  TextArticle a;
  // 1. Lines.
  const std::vector<Line> lines = split_lines(utf8);
  // 2. Paragraphs, rejoined where the renderer wrapped them.
  const int wrap = options.wrap_width > 0 ? options.wrap_width : detect_wrap_width(lines);
  std::vector<Para> paras = build_paragraphs(lines, wrap);
  if (paras.empty()) return a;
  const int n = static_cast<int>(paras.size());

  // 4. The densest run of prose.
  const Run run = find_body(paras, options.dates);
  int body_b = run.begin, body_e = run.end;
  if (body_e < body_b) {
    body_b = n;
    body_e = n - 1;
  }
  // 3. Roles of single paragraphs that the score alone does not see, read
  // from the header's reach above the body to the body's end.
  std::vector<Role> roles(n);
  for (int i = std::max(0, body_b - kHeaderLookback); i <= body_e && i < n; ++i)
    roles[i] = role_of(paras[i], options.dates);

  // 5. The header, and what leaves the body.
  Header h = read_header(paras, roles, body_b, options.dates);
  const std::vector<char> drop = paragraphs_to_drop(paras, roles, body_b, body_e, h);

  // 6. What was found.
  if (h.title >= 0) a.title = paras[h.title].text;
  if (h.date) a.published = h.date->date.iso();
  read_bylines(paras, h.bylines, a);
  std::sort(h.captions.begin(), h.captions.end(),
            [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [i, c] : h.captions) {
    lede::Image img;
    img.caption = std::move(c.caption);
    img.credit = std::move(c.credit);
    a.images.push_back(std::move(img));
  }
  for (int i = body_b; i <= body_e; ++i) {
    if (drop[i]) continue;
    if (!a.text.empty()) a.text += "\n\n";
    lede::Block block;
    block.type = lede::BlockType::kParagraph;
    block.start = static_cast<uint32_t>(a.text.size());
    a.text += paras[i].text;
    block.end = static_cast<uint32_t>(a.text.size());
    a.blocks.push_back(block);
  }
  return a;
}

std::string explain_text_mode(std::string_view utf8, const TextModeOptions& options) {
  const std::vector<Line> lines = split_lines(utf8);
  const int wrap = options.wrap_width > 0 ? options.wrap_width : detect_wrap_width(lines);
  const std::vector<Para> paras = build_paragraphs(lines, wrap);
  const Run run = find_body(paras, options.dates);
  const int b = run.begin, e = run.end;
  std::string out = "wrap " + std::to_string(wrap) + "\n";
  for (int i = 0; i < static_cast<int>(paras.size()); ++i) {
    const Para& p = paras[i];
    char head[64];
    std::snprintf(head, sizeof head, "%5d %c %7.0f %c w%-4d ", p.first_line + 1,
                  "BSG"[static_cast<int>(p.quality)], p.score, (i >= b && i <= e) ? '*' : ' ',
                  p.words);
    out += head;
    size_t cut = 0, cps = 0;
    while (cut < p.text.size() && cps < 90) {
      core::next_code_point(p.text, cut);
      ++cps;
    }
    out.append(p.text, 0, cut);
    out += '\n';
  }
  return out;
}

}  // namespace lede::textmode
