// Word lists that the news analysis reads (people, quotes, time expressions):
// speech verbs, person titles, given names, words that never start a name.
// Lookups take lower-case words (Document::lower_word); all are thread safe.
#pragma once

#include <string_view>

namespace lede::analysis {

// "said", "told", "added", "claimed", ... in any tense news uses.
bool is_speech_verb(std::string_view lower);
// The "-s"/present forms, for telling "says" from "said".
bool is_present_speech_verb(std::string_view lower);

// The head of a person's title: "president", "minister", "secretary-general",
// "ceo", "spokesman", "lady" (first lady), "mr.", "sen.".
bool is_title_head(std::string_view lower);
// Words that sit inside a title before its head: "prime", "first", "former", "chief".
bool is_title_modifier(std::string_view lower);
// "Mr.", "Mrs.", "Ms.", "Dr.": titles that are never shown as the person's title.
bool is_honorific(std::string_view lower);

enum class Gender : unsigned char { kUnknown, kMale, kFemale };
// Common given names in English-language news, with their usual gender.
Gender given_name(std::string_view lower);

// Capitalised words that never start or form a person's name: "The", "However",
// "Monday", "He", "According".
bool is_name_stop_word(std::string_view lower);
// Words that make a capitalised run an organisation or a place: "Inc.", "Bank",
// "House", "Airlines", "University", "City".
bool is_organisation_word(std::string_view lower);
// Lower-case particles inside names: "van", "de", "bin".
bool is_name_particle(std::string_view lower);

}  // namespace lede::analysis
