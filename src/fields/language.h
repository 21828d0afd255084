// Language codes: what a page declares, and what its text is (cld2).
//
//   language_code("en_US") == "en";  detect_language(body).code == "de"
//
// Thread safe: cld2's tables are read-only.
#pragma once

#include <string>
#include <string_view>

namespace lede::fields {

// The ISO 639-1 primary subtag of a declared language ("en-US", "en_GB",
// "EN" -> "en"); old codes are modernised ("iw" -> "he", "in" -> "id").
// "" for values that are not a language tag ("", "x-default", "*").
std::string language_code(std::string_view declared);

struct DetectedLanguage {
  std::string code;  // ISO 639-1 ("en", "zh"); "" when cld2 cannot tell
  bool reliable = false;
};

// cld2 on plain UTF-8 text; reads at most kMaxDetectBytes of it.
DetectedLanguage detect_language(std::string_view text);

// Enough text for cld2 to be sure; more only costs time.
inline constexpr size_t kMaxDetectBytes = 1024;

// True when two codes name languages cld2 cannot tell apart reliably on
// news text (Bosnian, Croatian and Serbian; Malay and Indonesian; Norwegian
// Bokmål and Danish), so a declaration of one is not contradicted by the other.
bool are_confusable(std::string_view a, std::string_view b);

}  // namespace lede::fields
