// Small UTF-8 text helpers shared by every stage.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace lede::core {

// ASCII-only case folding; non-ASCII bytes pass through unchanged.
inline char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }
std::string ascii_lower(std::string_view s);
bool iequals(std::string_view a, std::string_view b);
bool icontains(std::string_view haystack, std::string_view needle);
bool starts_with_icase(std::string_view s, std::string_view prefix);

inline bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
std::string_view trim(std::string_view s);

// Decodes one code point at s[i], advancing i; malformed bytes give U+FFFD.
char32_t next_code_point(std::string_view s, size_t& i);
void append_utf8(std::string& out, char32_t cp);

// True for Unicode white space, including no-break and zero-width spaces
// that pages use as padding.
bool is_unicode_space(char32_t cp);

// Appends `s` to `out` with every run of white space (Unicode included)
// folded to one ASCII space. `pending_space` carries a space across calls so
// that text split over several nodes folds the same as if it were one.
void append_collapsed(std::string& out, std::string_view s, bool& pending_space);

// Collapses white space and trims both ends.
std::string collapse_space(std::string_view s);

// Number of code points (not bytes).
size_t utf8_length(std::string_view s);

// Number of Chinese and Japanese code points (kana and Han ideographs,
// U+3040 to U+9FFF); each carries about as much as a word of English, and
// these scripts do not space their words.
size_t cjk_length(std::string_view s);

}  // namespace lede::core
