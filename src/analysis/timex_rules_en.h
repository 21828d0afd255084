// The English word tables of the time-expression scanner (timex.cc), one idiom
// throughout: a constexpr array, of words or of {word, what it means} rows, each
// table with an example of the expression it serves. The scanner's patterns
// read these tables; they hold no English words of their own beyond the grammar
// words a pattern is made of ("of", "the"). Another language gets a file like
// this one beside it.
#pragma once

#include <optional>
#include <string_view>

#include "analysis/time_value.h"
#include "core/calendar.h"

namespace lede::analysis::timex_en {

// Counts written as words: "three years" -> P3Y, "a year ago", "a couple of weeks".
struct NumberWord {
  std::string_view word;
  int value;
};
constexpr NumberWord kNumberWords[] = {
    {"a", 1},         {"an", 1},       {"one", 1},      {"two", 2},        {"three", 3},
    {"four", 4},      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},
    {"nine", 9},      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13},
    {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
    {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},
    {"sixty", 60},    {"seventy", 70}, {"eighty", 80},  {"ninety", 90},    {"hundred", 100},
    {"single", 1},    {"couple", 2},   {"dozen", 12}};

// Words that stand for an unknown count: "several years" -> PXY.
constexpr std::string_view kVagueCounts[] = {"several",  "few",      "many",   "some", "recent",
                                             "multiple", "numerous", "coming", "past"};

// Units of a length of time: "three weeks" -> P3W, "a decade" -> P10Y, "two hours" -> PT2H.
struct Unit {
  std::string_view word;  // singular, lower case
  std::string_view code;  // TIMEX3 duration unit
  bool time;              // written after "PT"
  int scale;              // "decade" is ten years
};
constexpr Unit kUnits[] = {
    {"second", "S", true, 1},   {"minute", "M", true, 1},    {"hour", "H", true, 1},
    {"day", "D", false, 1},     {"week", "W", false, 1},     {"month", "M", false, 1},
    {"year", "Y", false, 1},    {"decade", "Y", false, 10},  {"century", "Y", false, 100},
    {"quarter", "Q", false, 1}, {"fortnight", "W", false, 2}};

// Units that stay times when capitalized in running text: "Thanksgiving Day", "the
// 14th Century". The others make a name: "60 Minutes", ABC's "This Week", which
// TimeML leaves untagged.
constexpr std::string_view kCapitalizedUnits[] = {"day", "century"};

// Words between a count and its unit: "five trading days", "two more years".
constexpr std::string_view kUnitAdjectives[] = {"trading",  "straight",   "consecutive", "full",
                                                "business", "working",    "successive",  "calendar",
                                                "more",     "additional", "further"};

// Month abbreviations with a period: "Sept. 30", "Jan. 2" (not "Gen.", a general).
constexpr std::string_view kMonthAbbreviations[] = {"jan", "feb", "mar",  "apr", "jun", "jul",
                                                    "aug", "sep", "sept", "oct", "nov", "dec"};

// Words before "May" or "March" that make it the month: "in May", "since March".
constexpr std::string_view kMonthContextWords[] = {
    "in",   "of",  "last",   "next",  "early", "late",    "since",  "until", "by",
    "this", "mid", "before", "after", "from",  "through", "during", "to"};

// Weekdays, Monday first: "on Friday" -> the Friday the sentence's tense points to.
constexpr std::string_view kWeekdays[] = {"monday", "tuesday",  "wednesday", "thursday",
                                          "friday", "saturday", "sunday"};

// Ordinal quarters: "the third quarter" -> 2023-Q3; short forms "3Q".
constexpr std::string_view kQuarterOrdinals[] = {"first", "second", "third", "fourth"};
constexpr std::string_view kQuarterShort[] = {"1q", "2q", "3q", "4q"};

// Parts of the day: "Monday evening" -> 2023-06-12TEV, "this morning".
struct PartOfDay {
  std::string_view word;
  std::string_view code;
};
constexpr PartOfDay kPartsOfDay[] = {{"morning", "MO"},
                                     {"afternoon", "AF"},
                                     {"evening", "EV"},
                                     {"night", "NI"},
                                     {"overnight", "NI"}};

// Parts of the day that give an hour its half of the day: "4 in the morning" ->
// T04:00, "8 in the evening" -> T20:00, "11 at night" -> T23:00.
struct ClockPartOfDay {
  std::string_view preposition;
  std::string_view word;
  bool with_the;  // "in the morning", but "at night"
  int pm_from;    // the first hour read as p.m. ("2 at night" is 02:00); 13 for none
};
constexpr ClockPartOfDay kClockPartsOfDay[] = {{"in", "morning", true, 13},
                                               {"in", "afternoon", true, 1},
                                               {"in", "evening", true, 1},
                                               {"at", "night", false, 6}};

// Prefixes written onto a month or a year, with the TIMEX3 modifier they give:
// "mid-2010" -> 2010 MID, "late-November" -> 1999-11 END, "early-1990s" -> 199 START.
struct ModifierPrefix {
  std::string_view prefix;
  Mod mod;
};
constexpr ModifierPrefix kModifierPrefixes[] = {
    {"early-", Mod::kStart}, {"mid-", Mod::kMid}, {"late-", Mod::kEnd}};

// Prepositions that make a bare number before "in the morning" an hour: "at 4 in
// the morning", "until 11 at night" (not "the index fell 3 in the afternoon").
constexpr std::string_view kClockPrepositions[] = {"at",     "by",    "until",  "till", "from",
                                                   "before", "after", "around", "about"};

// Seasons: "this summer" -> 2023-SU, "the winter of 1994" -> 1994-WI.
struct Season {
  std::string_view word;
  std::string_view code;
  int first_month;  // of the northern season; winter starts in the December before
};
constexpr Season kSeasons[] = {{"spring", "SP", 3},
                               {"summer", "SU", 6},
                               {"fall", "FA", 9},
                               {"autumn", "FA", 9},
                               {"winter", "WI", 12}};

// Decades of the last century, spelled: "the nineties" -> 199.
struct SpelledDecade {
  std::string_view word;
  int decade;  // years after 1900
};
constexpr SpelledDecade kSpelledDecades[] = {{"twenties", 20}, {"thirties", 30}, {"forties", 40},
                                             {"fifties", 50},  {"sixties", 60},  {"seventies", 70},
                                             {"eighties", 80}, {"nineties", 90}};

// Words that alone are a time expression: "yesterday" -> the day before the
// reference, "recently" -> PAST_REF.
struct Adverb {
  std::string_view word;
  std::optional<Ref> ref;  // none: the day day_offset days from the reference date
  int day_offset;
};
constexpr Adverb kAdverbs[] = {{"today", std::nullopt, 0},      {"yesterday", std::nullopt, -1},
                               {"tomorrow", std::nullopt, 1},   {"now", Ref::kPresent, 0},
                               {"recently", Ref::kPast, 0},     {"nowadays", Ref::kPresent, 0},
                               {"lately", Ref::kPast, 0},       {"soon", Ref::kFuture, 0},
                               {"recent", Ref::kPast, 0},       {"currently", Ref::kPresent, 0},
                               {"presently", Ref::kPresent, 0}, {"current", Ref::kPresent, 0}};

// A word that stands for a length of time: "biannual" is 6 months (P6M).
struct SetWord {
  std::string_view word;
  std::string_view count;
  char unit;       // TIMEX3 duration unit
  bool time_unit;  // written after "PT"
};
// Adjectives of a length of time: "annual" sales (MEANTIME marks them as durations).
constexpr SetWord kDurationWords[] = {{"annual", "1", 'Y', false}, {"biannual", "6", 'M', false}};

// Words of a repeating time: "daily" -> SET P1D. Not "quarterly": TimeML leaves
// "quarterly dividend" untagged.
constexpr SetWord kSetWords[] = {{"daily", "1", 'D', false},    {"weekly", "1", 'W', false},
                                 {"monthly", "1", 'M', false},  {"yearly", "1", 'Y', false},
                                 {"annually", "1", 'Y', false}, {"nightly", "1", 'D', false},
                                 {"hourly", "1", 'H', true}};

// Words that point a sentence ahead: "will meet on Friday" -> the coming Friday.
constexpr std::string_view kFutureCues[] = {
    "will", "shall", "would", "should", "next", "upcoming", "coming", "scheduled", "tomorrow",
    "plans", "plan", "planned", "planning", "expected", "expects", "due", "set", "going", "intends",
    "aims", "expect", "intend", "aim", "supposed",
    // Dividends and rules that take effect: "payable Jan. 2", "effective Feb. 1".
    "payable", "effective"};
// Words that point a sentence back: "met on Friday" -> the Friday before.
constexpr std::string_view kPastCues[] = {
    "was", "were", "had", "did", "ago", "last", "yesterday", "earlier", "been", "said", "told",
    // Irregular past tenses news uses most.
    "fell", "rose", "lost", "won", "hit", "sank", "slid", "shrank", "grew", "began", "saw", "made",
    "took", "came", "went", "sold", "bought", "paid", "met", "left", "held", "led", "gave", "got",
    "brought", "thought", "spoke", "wrote", "knew", "found", "became", "ran", "stood", "felt",
    "kept", "spent", "struck", "swung", "soared", "broke", "chose", "drew", "flew", "froze", "hid",
    "shook", "sent", "built", "dealt", "meant", "heard", "taught"};
// Words after which a verb form is a noun or an adjective: "the plan", "the
// increased dividend", "its planned sale".
constexpr std::string_view kDeterminers[] = {"the",   "a",     "an",    "its",  "their", "his",
                                             "her",   "our",   "your",  "my",   "this",  "these",
                                             "those", "whose", "every", "each", "no"};
// Adverbs between a determiner and the participle it makes an adjective: "a
// still unspecified date", "the not yet finished bridge" (and any "-ly" adverb:
// "the hastily planned trip").
constexpr std::string_view kNounPhraseAdverbs[] = {"still", "yet", "not", "once", "so", "very"};
// Past forms of "be" before a word of a plan: "were planning to drive on Monday"
// takes its tense from the plan, not from "were".
constexpr std::string_view kPastOfBe[] = {"was", "were"};
// Modal verbs: the verb after one is in its plain form ("will succeed", "could lead").
constexpr std::string_view kModals[] = {"will",  "would", "shall", "should", "can",
                                        "could", "may",   "might", "must"};
// Present forms of "be": the participle after one is passive, not past ("when
// the case is heard in May" -> the coming May).
constexpr std::string_view kPresentAuxiliaries[] = {"is", "are", "am"};
// Words ending in "-eed" that are past tenses ("agreed"); the rest are not
// ("succeed", "proceed", "exceed").
constexpr std::string_view kPastEed[] = {"agreed", "disagreed", "freed", "guaranteed", "decreed"};
// "until Tuesday" after a verb looks ahead ("postponed until Tuesday morning",
// "gave them until 9 a.m. Tuesday"), unless these come before it ("not until
// Tuesday", "up until Thursday"); at the start of a sentence it looks back.
constexpr std::string_view kUntilWords[] = {"until", "till"};
constexpr std::string_view kBeforeUntilLookingBack[] = {"not", "up", "and", "but"};
// Words of a clock time between such a preposition and its weekday: "9 a.m. EST Tuesday".
constexpr std::string_view kClockWords[] = {"a.m.", "p.m.", "am",   "pm",      "a.m", "p.m",
                                            "est",  "edt",  "cst",  "cdt",     "pst", "pdt",
                                            "gmt",  "utc",  "noon", "midnight"};
// Quotation marks: a quotation keeps its own tense ("''He will leave at 4 a.m.
// Thursday,'' Castro said" -> the coming Thursday). "''" and "``" may also come
// as two tokens.
constexpr std::string_view kQuoteMarks[] = {"\"", "\u201c", "\u201d", "''", "``"};
// Prepositions that put a date before the reference: "since June".
constexpr std::string_view kPastPrepositions[] = {"since"};
// Prepositions of a deadline, not in the past even in a past-tense sentence:
// "agreed to pay by February", "holders of record Dec. 21", "until Friday",
// "extended loans through January" (written in October).
constexpr std::string_view kDeadlinePrepositions[] = {"by", "until", "till", "through", "record"};
// Prepositions that make a stretch of unknown length reaching to now a length,
// not a reference: "over the next several months" -> PXM.
constexpr std::string_view kLengthPrepositions[] = {"for", "over", "during", "throughout"};
// The same before "recent" alone, when the sentence is in the present perfect:
// "has suffered in recent years" -> PXY ("as the yen soared in recent years",
// "the boom of recent years" stay PAST_REF).
constexpr std::string_view kRecentLengthPrepositions[] = {"in"};
// Auxiliaries of the present perfect: "has moved", "have suffered", "we've seen".
constexpr std::string_view kPerfectAuxiliaries[] = {"has", "have", "'ve", "\u2019ve"};
// Prepositions before "the past" and "the future" when they are times: "in the
// future" -> FUTURE_REF, "decisions of the past" -> PAST_REF, but not "an approach
// to the future", "the future looks".
constexpr std::string_view kVagueReferencePrepositions[] = {"in", "into", "about", "for", "of"};
// Words that end a sum a rate is of: "$2 million a year".
constexpr std::string_view kLargeNumbers[] = {"hundred", "thousand", "million",
                                              "billion", "trillion", "percent"};
// Prepositions before "that day", "that year" that make it the date the story
// last named ("by that time", "later that year"); a sentence may also start with it.
constexpr std::string_view kAnaphoraPrepositions[] = {
    "by",  "at", "on",   "until",   "since",      "before", "after", "in",     "during",
    "for", "of", "from", "through", "throughout", "within", "later", "earlier"};
// Words ending in "-ed" that do not mark the past: "the scheduled vote", "a hundred".
constexpr std::string_view kNotPast[] = {"scheduled", "expected", "planned", "proposed", "united",
                                         "need",      "indeed",   "speed",   "based",    "limited",
                                         "red",       "hundred",  "bed",     "feed"};

// Nouns a four-digit count comes before, never a year: "1950 employees".
constexpr std::string_view kCountNouns[] = {
    "points",    "shares",   "jobs",   "employees",  "workers",     "people",    "units",
    "cars",      "vehicles", "stores", "dealers",    "dealerships", "barrels",   "tonnes",
    "tons",      "miles",    "km",     "metres",     "meters",      "feet",      "votes",
    "seats",     "copies",   "planes", "aircraft",   "companies",   "firms",     "plants",
    "positions", "staff",    "troops", "passengers", "flights",     "customers", "homes"};

// Words of approximation TimeML keeps inside the span, with the TIMEX3 modifier
// they give: "nearly two years" -> P2Y, mod LESS_THAN; "around Nov. 1". Only the
// words TBAQ keeps inside more often than not ("at least 30 days"): it leaves
// "about", "almost", "over" and "within" outside.
struct Approximation {
  std::string_view first, second;  // one or two words before the expression
  Mod mod;
  bool durations_only;  // lengths, clock times and "ago" dates only
};
constexpr Approximation kApproximations[] = {
    {"around", "", Mod::kApprox, false},     {"nearly", "", Mod::kLessThan, true},
    {"less", "than", Mod::kLessThan, true},  {"fewer", "than", Mod::kLessThan, true},
    {"up", "to", Mod::kEqualOrLess, true},   {"more", "than", Mod::kMoreThan, true},
    {"at", "least", Mod::kEqualOrMore, true}};

// The named days of market history, by weekday (Monday first; year 0 for none):
// "Black Monday" -> 1987-10-19 when the sentence recalls it.
constexpr core::CivilDate kBlackDays[] = {
    {1987, 10, 19}, {1929, 10, 29}, {1992, 9, 16}, {1929, 10, 24}, {}, {}, {}};

// Words a time expression may start with, besides numbers, month and weekday
// names and the words of the tables above: every other word skips the patterns.
constexpr std::string_view kTriggerWords[] = {
    "the",          "early",    "late",         "mid",       "by",         "at",
    "this",         "last",     "next",         "past",      "previous",   "coming",
    "current",      "earlier",  "later",        "every",     "each",       "per",
    "half",         "twice",    "once",         "today",     "yesterday",  "tomorrow",
    "tonight",      "noon",     "midday",       "midnight",  "years",      "months",
    "weeks",        "decades",  "first",        "second",    "third",      "fourth",
    "1q",           "2q",       "3q",           "4q",        "spring",     "summer",
    "fall",         "autumn",   "winter",       "future",    "morning",    "afternoon",
    "evening",      "night",    "from",         "between",   "near",       "distant",
    "present",      "these",    "its",          "their",     "fiscal",     "financial",
    "final",        "q1",       "q2",           "q3",        "q4",         "black",
    "christmas",    "new",      "thanksgiving", "labor",     "labour",     "memorial",
    "independence", "boxing",   "halloween",    "following", "year",       "year-end",
    "mondays",      "tuesdays", "wednesdays",   "thursdays", "fridays",    "saturdays",
    "sundays",      "that",     "history",      "martin",    "presidents", "president"};

}  // namespace lede::analysis::timex_en
