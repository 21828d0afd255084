#include "fields/dateline.h"

#include <cctype>
#include <vector>

#include "core/text.h"
#include "fields/dates.h"

namespace lede::fields {
namespace {

constexpr size_t kMaxPlaceBytes = 48;   // "RIO DE JANEIRO", "SALT LAKE CITY", with accents
constexpr size_t kMaxSegmentBytes = 32;  // ", Ukraine", ", Calif.", ", June 13"
constexpr size_t kMaxAgencyBytes = 40;   // "(Reuters Breakingviews)"
constexpr int kMaxPlaceWords = 5;
constexpr int kMaxExtraSegments = 2;  // "SPRINGFIELD, Ill., June 13 (AP) —"

// Capitalised lead words that open a paragraph like a dateline but are labels.
constexpr std::string_view kNotPlaces[] = {
    "BREAKING", "UPDATE", "UPDATED", "EXCLUSIVE", "WATCH", "LIVE", "VIDEO", "PHOTOS", "OPINION",
    "ANALYSIS", "EDITORIAL", "NOTE", "BY", "EDITOR'S NOTE", "CORRECTION", "FILE", "READ MORE"};

struct Cursor {
  std::string_view s;
  size_t i = 0;
  void skip_spaces() {
    while (i < s.size()) {
      if (core::is_ascii_space(s[i])) {
        ++i;
        continue;
      }
      size_t j = i;
      char32_t cp = core::next_code_point(s, j);
      if (cp == 0xA0 || cp == 0x2009 || cp == 0x202F) {
        i = j;
        continue;
      }
      break;
    }
  }
  // Length of a dash or colon separator at i, 0 when none.
  size_t dash_len() const {
    if (i >= s.size()) return 0;
    if (s.compare(i, 2, "--") == 0) return 2;
    if (s[i] == '-' || s[i] == ':') return 1;
    size_t j = i;
    char32_t cp = core::next_code_point(s, j);
    if (cp == 0x2014 || cp == 0x2013 || cp == 0x2015 || cp == 0x2012) return j - i;
    return 0;
  }
};

bool is_upper_cp(char32_t cp) {
  return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) ||
         (cp >= 0x391 && cp <= 0x3A9) || (cp >= 0x410 && cp <= 0x42F);
}
bool is_lower_cp(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 0xDF && cp <= 0xFF && cp != 0xF7) ||
         (cp >= 0x3B1 && cp <= 0x3C9) || (cp >= 0x430 && cp <= 0x44F);
}
bool is_letter_cp(char32_t cp) { return is_upper_cp(cp) || is_lower_cp(cp) || cp >= 0x100; }

struct Shape {
  int words = 0;
  int upper = 0;
  int lower = 0;
  bool title_case = true;  // every word opens with a capital
  bool has_digit = false;
  bool bad_char = false;
};

// Describes a short span of words; separators allowed inside are space, '.', '-', '\''.
Shape shape_of(std::string_view span) {
  Shape sh;
  bool at_word_start = true;
  size_t i = 0;
  while (i < span.size()) {
    char32_t cp = core::next_code_point(span, i);
    if (cp == ' ' || cp == 0xA0) {
      at_word_start = true;
      continue;
    }
    if (cp >= '0' && cp <= '9') {
      sh.has_digit = true;
      if (at_word_start) ++sh.words;
      at_word_start = false;
      continue;
    }
    if (cp == '.' || cp == '-' || cp == '\'' || cp == 0x2019) continue;
    if (!is_letter_cp(cp)) {
      sh.bad_char = true;
      continue;
    }
    if (is_upper_cp(cp)) ++sh.upper;
    if (is_lower_cp(cp)) ++sh.lower;
    if (at_word_start) {
      ++sh.words;
      if (!is_upper_cp(cp)) {
        // Particles inside place names: "RIO de Janeiro", "Port-au-Prince", "la".
        sh.title_case = sh.title_case && sh.words > 1 && (cp == 'd' || cp == 'l' || cp == 'a');
      }
    }
    at_word_start = false;
  }
  return sh;
}

bool segment_has_month(std::string_view seg) {
  size_t i = 0;
  while (i < seg.size()) {
    while (i < seg.size() && !(std::isalpha(static_cast<unsigned char>(seg[i])) ||
                               static_cast<unsigned char>(seg[i]) >= 0x80))
      ++i;
    size_t b = i;
    while (i < seg.size() && (std::isalpha(static_cast<unsigned char>(seg[i])) ||
                              static_cast<unsigned char>(seg[i]) >= 0x80))
      ++i;
    if (i > b && month_from_name(seg.substr(b, i - b)) > 0) return true;
  }
  return false;
}

// Reads until one of ",(" or a dash/colon preceded by a space (or a dash that is
// not inside a word); returns the trimmed span.
std::string_view read_segment(Cursor& c) {
  const size_t b = c.i;
  while (c.i < c.s.size()) {
    const char ch = c.s[c.i];
    if (ch == ',' || ch == '(') break;
    if (c.dash_len() > 0) {
      const bool hyphen = ch == '-' && c.s.compare(c.i, 2, "--") != 0;
      // "PORT-AU-PRINCE" keeps its hyphens; a hyphen dash stands apart: "PARIS -".
      const bool word_before = c.i > b && !core::is_ascii_space(c.s[c.i - 1]);
      const bool word_after = c.i + 1 < c.s.size() && !core::is_ascii_space(c.s[c.i + 1]);
      if (!(hyphen && word_before && word_after) && !(ch == ':' && word_after)) break;
    }
    if (ch == '.' && c.i + 1 < c.s.size() && c.s[c.i + 1] == ' ' && c.i - b > 4) {
      // A full stop after a long word ends a sentence; datelines have none.
      const Shape sh = shape_of(c.s.substr(b, c.i - b));
      if (sh.lower > 0) return {};
    }
    ++c.i;
    if (c.i - b > kMaxPlaceBytes) return {};
  }
  return core::trim(c.s.substr(b, c.i - b));
}

bool is_label(std::string_view place) {
  for (std::string_view w : kNotPlaces)
    if (place == w) return true;
  return false;
}

}  // namespace

std::optional<DatelineMatch> find_dateline(std::string_view paragraph) {
  Cursor c{paragraph};
  c.skip_spaces();
  const std::string_view first = read_segment(c);
  if (first.empty() || c.i >= paragraph.size()) return std::nullopt;
  const Shape first_shape = shape_of(first);
  if (first_shape.bad_char || first_shape.has_digit || first_shape.words == 0 ||
      first_shape.words > kMaxPlaceWords || first_shape.upper + first_shape.lower < 2)
    return std::nullopt;
  const bool all_caps = first_shape.lower == 0 && first_shape.upper >= 2;
  if (!all_caps && !first_shape.title_case) return std::nullopt;
  if (is_label(first)) return std::nullopt;

  DatelineMatch m;
  m.place = std::string(first);
  // ", Region" and ", June 13" segments.
  for (int n = 0; n < kMaxExtraSegments && c.i < paragraph.size() && paragraph[c.i] == ','; ++n) {
    Cursor probe = c;
    ++probe.i;
    probe.skip_spaces();
    const std::string_view seg = read_segment(probe);
    if (seg.empty() || seg.size() > kMaxSegmentBytes) break;
    const Shape sh = shape_of(seg);
    if (sh.bad_char || sh.words == 0 || sh.words > 4) break;
    if (segment_has_month(seg)) {
      m.date_text = std::string(seg);
    } else if (sh.title_case && !sh.has_digit) {
      m.place += ", ";
      m.place += seg;
    } else {
      break;
    }
    c = probe;
  }
  c.skip_spaces();
  // "(AGENCY)"
  if (c.i < paragraph.size() && paragraph[c.i] == '(') {
    const size_t close = paragraph.find(')', c.i);
    if (close == std::string_view::npos || close - c.i - 1 > kMaxAgencyBytes) return std::nullopt;
    const std::string_view agency = core::trim(paragraph.substr(c.i + 1, close - c.i - 1));
    const Shape sh = shape_of(agency);
    if (agency.empty() || sh.bad_char || sh.words > 4) return std::nullopt;
    m.agency = std::string(agency);
    c.i = close + 1;
  }
  const size_t before_dash = c.i;
  c.skip_spaces();
  // Spanish wire style puts a full stop before the dash: "Sevilla, 5 jul (EFE).- El ...".
  if (c.i + 1 < paragraph.size() && paragraph[c.i] == '.' && !m.agency.empty()) {
    Cursor after = c;
    ++after.i;
    if (after.dash_len() > 0) c = after;
  }
  if (const size_t d = c.dash_len(); d > 0) {
    c.i += d;
    c.skip_spaces();
  } else {
    // Without a dash only "Place (AGENCY)Text" counts, and the story must open like a sentence.
    if (m.agency.empty()) return std::nullopt;
    c.i = before_dash;
    c.skip_spaces();
    if (c.i >= paragraph.size()) return std::nullopt;
    size_t j = c.i;
    const char32_t cp = core::next_code_point(paragraph, j);
    const bool opens = is_upper_cp(cp) || cp == '"' || cp == 0x201C || cp == 0x201E || cp == 0xAB;
    if (!opens) return std::nullopt;
  }
  if (m.agency.empty() && !all_caps) return std::nullopt;
  if (c.i >= paragraph.size()) return std::nullopt;
  m.end = c.i;
  return m;
}

}  // namespace lede::fields
