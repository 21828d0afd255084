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
// The gender a title or honorific tells: "mr." and "king" male, "ms" and "dame" female.
Gender title_gender(std::string_view lower);
// The written abbreviation of a title head, lower case and without its dot:
// "senator" -> "sen"; empty when the head has none.
std::string_view title_abbreviation(std::string_view lower_head);

// Capitalised words that never start or form a person's name: "The", "However",
// "Monday", "He", "According".
bool is_name_stop_word(std::string_view lower);
// Words that make a capitalised run an organisation or a place: "Inc.", "Bank",
// "House", "Airlines", "University", "City".
bool is_organisation_word(std::string_view lower);
// Lower-case particles inside names: "van", "de", "bin".
bool is_name_particle(std::string_view lower);

// Quotes and speakers. All speech verbs live here: is_speech_verb above is
// every cue, the lists below say how a cue's clause is built.

// "he", "she", "they", "it", "we", "i".
bool is_subject_pronoun(std::string_view lower);
// Words between a subject and its speech verb: "has", "also", "later", "reportedly".
bool is_speech_auxiliary(std::string_view lower);
// Words that end a subject phrase walking left from a verb: "that", "who", "and", "however".
bool is_clause_boundary_word(std::string_view lower);
// Lower-case words inside an organisation's name: "of", "and" ("Bank of America").
bool joins_organisation_name(std::string_view lower);
// Nouns that stand for an organisation named before: "company", "firm", "automaker".
bool is_organisation_noun(std::string_view lower);
// "poll", "surveys": a poll that reports what those it asked said.
bool is_poll_noun(std::string_view lower);
// "campaign", "office", "allies": a body of people that speaks as one, or an organisation.
bool is_group_noun(std::string_view lower);
// Small words that stay lower case in a title-case phrase: "the", "of", "to".
bool is_title_case_minor_word(std::string_view lower);
// Speech verbs whose clause may follow without "that": "said", "argues", "warned".
bool takes_bare_clause(std::string_view lower);
// Speech verbs whose listener comes before the clause: "told", "assured", "reminded".
bool takes_listener(std::string_view lower);
// Words after a speech verb that do not start a reported clause: "in", "on", "yesterday".
bool blocks_bare_clause(std::string_view lower);
// Words a subject phrase never starts with: prepositions, "several", "not".
bool never_starts_subject(std::string_view lower);
// Any personal pronoun: "he", "him", "you", "them".
bool is_personal_pronoun(std::string_view lower);
// "has", "had", "been", "was": before a verb, it is perfect or passive.
bool is_perfect_or_passive_auxiliary(std::string_view lower);
// Speech verbs that name an act when perfect or passive: "has added", "was reported".
bool is_act_when_perfect(std::string_view lower);
// Adverbs between an auxiliary and its verb: "recently", "also", "just".
bool is_auxiliary_adverb(std::string_view lower);
// Words after which a speech verb's "-s" form is a plural noun: "the", "their",
// "five", "27", "twenty-seven" ("five states", "their claims").
bool is_noun_determiner(std::string_view lower);
// The gender a subject pronoun stands for: "he" male, "she" female, others unknown.
Gender pronoun_gender(std::string_view lower);
// The gender any form of "he" or "she" stands for: "him", "his", "her", "herself".
Gender referring_pronoun_gender(std::string_view lower);
// Pronouns that may stand for an organisation: "it", "they".
bool is_organisation_pronoun(std::string_view lower);
// "who", "which": a relative clause starts, the subject phrase before it ends.
bool is_relative_pronoun(std::string_view lower);
// Words that end a subject read after its verb: relative pronouns and "in", "on", "at".
bool ends_subject_after_verb(std::string_view lower);
// "is", "would", "has": a subject phrase holds none of these.
bool is_finite_verb(std::string_view lower);
// Speech verbs that report a question: "asked", "wondered".
bool takes_question(std::string_view lower);
// Speech verbs whose report follows "for" or "on": "called (for)".
bool takes_appeal(std::string_view lower);
// Words that open a reported question: "whether", "if", "how".
bool is_question_word(std::string_view lower);
// Adverbs that may follow a subject and are not part of it: "now", "similarly", "defiantly".
bool is_subject_adjunct(std::string_view lower);
// Nouns that close a time phrase: "Tuesday", "week", "time" ("at the time").
bool is_time_noun(std::string_view lower);
// Words that open a time phrase: "on", "last", "at", "the".
bool opens_time_phrase(std::string_view lower);
// Verbs that lead a speech verb after their subject: "went (on to say)", "took (aim at)".
bool leads_speech(std::string_view lower);

}  // namespace lede::analysis
