#include "fields/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include "core/text.h"

// cld2's name lookup lives in an internal header; its declaration is stable.
namespace CLD2 {
const char* LanguageCode(Language lang);
}

namespace lede::fields {
namespace {

// Deprecated ISO 639 codes that cld2 and old pages still write.
struct Rename {
  std::string_view from, to;
};
constexpr Rename kRenamed[] = {{"iw", "he"}, {"in", "id"}, {"ji", "yi"},
                               {"jw", "jv"}, {"nb", "no"}, {"fil", "tl"}};

// Groups whose members cld2 mixes up on short or mixed news text.
constexpr std::string_view kConfusable[][3] = {
    {"bs", "hr", "sr"}, {"ms", "id", ""}, {"no", "da", "nn"}, {"gl", "pt", ""}};

std::string modernise(std::string code) {
  for (const Rename& r : kRenamed)
    if (code == r.from) return std::string(r.to);
  return code;
}

// Keeps the detector from reading past a cut code point.
size_t utf8_boundary(std::string_view text, size_t n) {
  if (n >= text.size()) return text.size();
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return n;
}

}  // namespace

std::string language_code(std::string_view declared) {
  declared = core::trim(declared);
  size_t end = declared.find_first_of("-_ ,;");
  std::string_view primary = declared.substr(0, end);
  if (primary.size() < 2 || primary.size() > 3) return "";
  for (char c : primary)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return "";
  return modernise(core::ascii_lower(primary));
}

DetectedLanguage detect_language(std::string_view text) {
  DetectedLanguage out;
  size_t n = utf8_boundary(text, kMaxDetectBytes);
  if (n == 0) return out;
  bool reliable = false;
  int valid_prefix = 0;
  CLD2::Language lang =
      CLD2::DetectLanguageCheckUTF8(text.data(), static_cast<int>(n),
                                    /*is_plain_text=*/true, &reliable, &valid_prefix);
  if (lang == CLD2::UNKNOWN_LANGUAGE) return out;
  out.code = language_code(CLD2::LanguageCode(lang));
  out.reliable = reliable && !out.code.empty();
  return out;
}

bool are_confusable(std::string_view a, std::string_view b) {
  if (a == b) return true;
  for (const auto& group : kConfusable) {
    bool has_a = false, has_b = false;
    for (std::string_view g : group) {
      if (g.empty()) continue;
      has_a |= g == a;
      has_b |= g == b;
    }
    if (has_a && has_b) return true;
  }
  return false;
}

}  // namespace lede::fields
