#include "core/text.h"

namespace lede::core {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i)
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  return true;
}

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && iequals(s.substr(0, prefix.size()), prefix);
}

bool icontains(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return true;
  if (haystack.size() < needle.size()) return false;
  const char first = ascii_lower(needle[0]);
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (ascii_lower(haystack[i]) != first) continue;
    if (iequals(haystack.substr(i, needle.size()), needle)) return true;
  }
  return false;
}

std::string_view trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_ascii_space(s[b])) ++b;
  while (e > b && is_ascii_space(s[e - 1])) --e;
  return s.substr(b, e - b);
}

char32_t next_code_point(std::string_view s, size_t& i) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const size_t n = s.size();
  unsigned char c = p[i];
  if (c < 0x80) {
    ++i;
    return c;
  }
  // 0xF8-0xFF start no sequence (RFC 3629); decoding them as four-byte leads
  // would let invalid bytes through as code points.
  int len = c >= 0xF8 ? 0 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || i + len > n) {
    ++i;
    return 0xFFFD;
  }
  char32_t cp = c & (0x7F >> len);
  for (int k = 1; k < len; ++k) {
    if ((p[i + k] & 0xC0) != 0x80) {
      ++i;
      return 0xFFFD;
    }
    cp = (cp << 6) | (p[i + k] & 0x3F);
  }
  i += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

bool is_unicode_space(char32_t cp) {
  switch (cp) {
    case ' ':
    case '\t':
    case '\n':
    case '\r':
    case '\f':
    case '\v':
    case 0x85:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0x200B:
    case 0xFEFF:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

void append_collapsed(std::string& out, std::string_view s, bool& pending_space) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (is_ascii_space(static_cast<char>(c))) {
        pending_space = true;
      } else {
        if (pending_space && !out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
        pending_space = false;
        out += static_cast<char>(c);
      }
      ++i;
      continue;
    }
    size_t start = i;
    char32_t cp = next_code_point(s, i);
    if (is_unicode_space(cp)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
    pending_space = false;
    if (cp == 0xFFFD && !(i - start == 3 && static_cast<unsigned char>(s[start]) == 0xEF))
      append_utf8(out, 0xFFFD);
    else
      out.append(s, start, i - start);
  }
}

std::string collapse_space(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending = false;
  append_collapsed(out, s, pending);
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

size_t cjk_length(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0xE3 || b > 0xE9) continue;  // three-byte sequences from U+3000 to U+9FFF
    size_t j = i;
    const char32_t cp = next_code_point(s, j);
    n += cp >= 0x3040 && cp <= 0x9FFF;
    i = j - 1;
  }
  return n;
}

}  // namespace lede::core
