#include "input/decode.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>

#include <cctype>
#include <cstring>
#include <memory>

#include "core/text.h"

namespace lede::input {
namespace {

// How far into a page a charset declaration is looked for. The standard's
// prescan stops at 1024 bytes; real pages put long <head> material first.
constexpr size_t kMetaScanBytes = 8192;
// How much uchardet reads; more only adds time once the guess is settled.
constexpr size_t kDetectBytes = 64 * 1024;
// A page declared UTF-8 whose sample is more than this share invalid was
// declared wrongly; fewer invalid bytes are stray damage, replaced in place.
constexpr double kWrongDeclarationShare = 0.01;
// Multi-byte sequences in valid UTF-8 that overrule a legacy declaration.
constexpr size_t kUtf8Evidence = 8;

// WHATWG encoding labels that ICU reads differently (latin1 means windows-1252
// on the web) or does not know.
std::string canonical_charset(std::string name) {
  name = core::ascii_lower(core::trim(name));
  if (name.size() >= 2 && (name.front() == '"' || name.front() == '\''))
    name = name.substr(1, name.size() - 2);
  if (name == "utf8" || name == "unicode-1-1-utf-8") return "utf-8";
  if (name == "iso-8859-1" || name == "latin1" || name == "iso8859-1" || name == "ascii" ||
      name == "us-ascii" || name == "l1" || name == "cp1252" || name == "iso_8859-1" ||
      name == "windows-1252")
    return "windows-1252";
  if (name == "iso-8859-9" || name == "latin5") return "windows-1254";
  if (name == "gb2312" || name == "gbk" || name == "x-gbk") return "gb18030";
  if (name == "x-sjis" || name == "sjis" || name == "ms_kanji") return "shift_jis";
  if (name == "tis-620" || name == "iso-8859-11") return "windows-874";
  if (name == "ks_c_5601-1987" || name == "euc-kr") return "euc-kr";
  if (name == "utf-16") return "utf-16le";
  return name;
}

std::string_view attribute_value_after(std::string_view s, size_t pos) {
  // s[pos] is just past "charset"; skip spaces, '=', spaces, and read a value.
  while (pos < s.size() && core::is_ascii_space(s[pos])) ++pos;
  if (pos >= s.size() || s[pos] != '=') return {};
  ++pos;
  while (pos < s.size() && core::is_ascii_space(s[pos])) ++pos;
  if (pos < s.size() && (s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < s.size() && end - pos < 40 &&
         (std::isalnum(static_cast<unsigned char>(s[end])) || s[end] == '-' || s[end] == '_' ||
          s[end] == ':' || s[end] == '.'))
    ++end;
  return s.substr(pos, end - pos);
}

std::string detect(std::string_view bytes) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> d(uchardet_new(),
                                                                             uchardet_delete);
  std::string_view sample = bytes.substr(0, kDetectBytes);
  if (uchardet_handle_data(d.get(), sample.data(), sample.size()) != 0) return "";
  uchardet_data_end(d.get());
  return uchardet_get_charset(d.get());
}

size_t count_invalid_utf8(std::string_view s) {
  size_t invalid = 0, i = 0;
  while (i < s.size()) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t start = i;
    char32_t cp = core::next_code_point(s, i);
    if (cp == 0xFFFD && i - start == 1) ++invalid;
  }
  return invalid;
}

// Rewrites UTF-8 with every invalid sequence (including overlongs and
// surrogates, which next_code_point lets through) as U+FFFD.
std::string repair_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t start = i;
    char32_t cp = core::next_code_point(s, i);
    size_t len = i - start;
    bool bad = (cp == 0xFFFD && len == 1) || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF ||
               (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (bad)
      core::append_utf8(out, 0xFFFD);
    else
      out.append(s, start, len);
  }
  return out;
}

Result<std::string> convert(std::string_view bytes, const std::string& charset, bool& replaced) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* from = ucnv_open(charset.c_str(), &status);
  if (U_FAILURE(status)) return make_error(ErrorCode::kNotHtml, "unknown charset " + charset);
  std::unique_ptr<UConverter, void (*)(UConverter*)> from_guard(from, ucnv_close);
  status = U_ZERO_ERROR;
  UConverter* to = ucnv_open("utf-8", &status);
  std::unique_ptr<UConverter, void (*)(UConverter*)> to_guard(to, ucnv_close);
  // The default callbacks substitute U+FFFD for bytes the charset cannot map.
  std::string out;
  out.resize(bytes.size() * 3 + 16);
  char* target = out.data();
  const char* source = bytes.data();
  status = U_ZERO_ERROR;
  ucnv_convertEx(to, from, &target, out.data() + out.size(), &source, bytes.data() + bytes.size(),
                 nullptr, nullptr, nullptr, nullptr, true, true, &status);
  if (U_FAILURE(status))
    return make_error(ErrorCode::kNotHtml,
                      std::string("cannot convert from ") + charset + ": " + u_errorName(status));
  out.resize(target - out.data());
  // ICU writes U+FFFD (or U+001A for some single-byte tables) for unmappable bytes.
  replaced = out.find("\xEF\xBF\xBD") != std::string::npos;
  return out;
}

// Lead bytes of multi-byte UTF-8 sequences, counted up to `enough`.
size_t count_multibyte_sequences(std::string_view bytes, size_t enough) {
  size_t n = 0;
  for (char c : bytes) {
    const auto b = static_cast<unsigned char>(c);
    if (b >= 0xC2 && b <= 0xF4 && ++n >= enough) break;
  }
  return n;
}

}  // namespace

std::string charset_from_content_type(std::string_view content_type) {
  std::string lower = core::ascii_lower(content_type);
  size_t pos = lower.find("charset");
  if (pos == std::string::npos) return "";
  return canonical_charset(std::string(attribute_value_after(content_type, pos + 7)));
}

std::string sniff_meta_charset(std::string_view bytes) {
  std::string_view head = bytes.substr(0, kMetaScanBytes);
  size_t pos = 0;
  while ((pos = head.find("<meta", pos)) != std::string_view::npos ||
         (pos = head.find("<META", pos)) != std::string_view::npos) {
    size_t end = head.find('>', pos);
    if (end == std::string_view::npos) break;
    std::string_view tag = head.substr(pos, end - pos);
    std::string lower = core::ascii_lower(tag);
    size_t c = lower.find("charset");
    if (c != std::string::npos) {
      std::string_view value = attribute_value_after(tag, c + 7);
      if (!value.empty()) return canonical_charset(std::string(value));
    }
    pos = end;
  }
  return "";
}

bool is_valid_utf8(std::string_view bytes) {
  // ASCII runs are checked eight bytes at a time; they are most of any page.
  size_t i = 0;
  const size_t n = bytes.size();
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, p + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    unsigned char c = p[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    size_t len;
    char32_t min;
    if ((c & 0xE0) == 0xC0)
      len = 2, min = 0x80;
    else if ((c & 0xF0) == 0xE0)
      len = 3, min = 0x800;
    else if ((c & 0xF8) == 0xF0)
      len = 4, min = 0x10000;
    else
      return false;
    if (i + len > n) return false;
    char32_t cp = c & (0x7F >> len);
    for (size_t k = 1; k < len; ++k) {
      if ((p[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (p[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

bool looks_binary(std::string_view bytes) {
  std::string_view sample = bytes.substr(0, 4096);
  size_t control = 0;
  for (unsigned char c : sample)
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b) ++control;
  // Text has almost none; UTF-16 without a BOM has a NUL every other byte.
  return sample.size() > 0 && control * 10 > sample.size();
}

Result<Decoded> decode_to_utf8(std::string_view bytes, std::string_view declared,
                               bool sniff_markup) {
  Decoded d;
  auto starts = [&](std::string_view bom) { return bytes.substr(0, bom.size()) == bom; };
  std::string charset;
  if (starts("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    charset = "utf-8";
  } else if (starts("\xFF\xFE")) {
    bytes.remove_prefix(2);
    charset = "utf-16le";
  } else if (starts("\xFE\xFF")) {
    bytes.remove_prefix(2);
    charset = "utf-16be";
  }
  if (charset.empty() && looks_binary(bytes))
    return make_error(ErrorCode::kNotHtml,
                      "the input looks like binary data, not a page or text (control bytes in "
                      "its first 4 KB)");
  if (charset.empty()) charset = canonical_charset(std::string(declared));
  if (charset.empty() && sniff_markup) charset = sniff_meta_charset(bytes);
  // A page cannot really be UTF-16 if its declaration was readable as ASCII.
  if (charset.rfind("utf-16", 0) == 0 && !starts("\xFF\xFE") && !starts("\xFE\xFF"))
    charset = "utf-8";

  // A page saved again as UTF-8 often keeps its old declaration (gb2312,
  // windows-1252). Legacy text is almost never valid UTF-8 once it holds a
  // few non-ASCII characters, so valid UTF-8 with several multi-byte
  // sequences outweighs the declaration.
  if (!charset.empty() && charset != "utf-8" && charset.rfind("utf-16", 0) != 0 &&
      count_multibyte_sequences(bytes, kUtf8Evidence) >= kUtf8Evidence && is_valid_utf8(bytes)) {
    d.utf8.assign(bytes);
    d.charset = "utf-8";
    d.declared = charset;
    return d;
  }
  if (charset.empty() || charset == "utf-8") {
    if (is_valid_utf8(bytes)) {
      d.utf8.assign(bytes);
      d.charset = "utf-8";
      return d;
    }
    std::string_view sample = bytes.substr(0, kDetectBytes);
    bool declared_wrongly =
        charset == "utf-8" && count_invalid_utf8(sample) > sample.size() * kWrongDeclarationShare;
    if (charset.empty() || declared_wrongly) {
      std::string guess = canonical_charset(detect(bytes));
      if (!guess.empty() && guess != "utf-8") charset = guess;
    }
    if (charset.empty() || charset == "utf-8") {
      d.utf8 = repair_utf8(bytes);
      d.charset = "utf-8";
      d.replaced = true;
      return d;
    }
  }
  auto converted = convert(bytes, charset, d.replaced);
  if (!converted) {
    // An unknown declared charset: fall back to detection, then to repair.
    std::string guess = canonical_charset(detect(bytes));
    if (!guess.empty() && guess != charset) converted = convert(bytes, guess, d.replaced);
    if (!converted) {
      d.utf8 = repair_utf8(bytes);
      d.charset = "utf-8";
      d.replaced = true;
      return d;
    }
    charset = guess;
  }
  d.utf8 = std::move(*converted);
  d.charset = charset;
  return d;
}

}  // namespace lede::input
