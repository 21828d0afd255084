#include "fields/dates.h"

#include <array>
#include <cstdint>
#include <cstdio>
#include <unordered_map>
#include <vector>

#include "core/text.h"

namespace lede::fields {
namespace {

// Month names and abbreviations in English, German, French, Spanish, Italian,
// Portuguese and Dutch, lower case. Shared spellings appear once.
constexpr std::pair<std::string_view, int> kMonthNames[] = {
    {"january", 1},   {"jan", 1},        {"januar", 1},     {"jänner", 1},    {"jän", 1},
    {"janvier", 1},   {"janv", 1},       {"enero", 1},      {"ene", 1},       {"gennaio", 1},
    {"gen", 1},       {"janeiro", 1},    {"januari", 1},    {"february", 2},  {"feb", 2},
    {"febr", 2},      {"februar", 2},    {"février", 2},    {"fevrier", 2},   {"févr", 2},
    {"fév", 2},       {"fev", 2},        {"febrero", 2},    {"febbraio", 2},  {"fevereiro", 2},
    {"februari", 2},  {"march", 3},      {"mar", 3},        {"märz", 3},      {"mär", 3},
    {"mrz", 3},       {"mars", 3},       {"marzo", 3},      {"março", 3},     {"marco", 3},
    {"maart", 3},     {"mrt", 3},        {"april", 4},      {"apr", 4},       {"avril", 4},
    {"avr", 4},       {"abril", 4},      {"abr", 4},        {"aprile", 4},    {"may", 5},
    {"mai", 5},       {"mayo", 5},       {"maggio", 5},     {"mag", 5},       {"maio", 5},
    {"mei", 5},       {"june", 6},       {"jun", 6},        {"juni", 6},      {"juin", 6},
    {"junio", 6},     {"giugno", 6},     {"giu", 6},        {"junho", 6},     {"july", 7},
    {"jul", 7},       {"juli", 7},       {"juillet", 7},    {"juil", 7},      {"julio", 7},
    {"luglio", 7},    {"lug", 7},        {"julho", 7},      {"august", 8},    {"aug", 8},
    {"août", 8},      {"aout", 8},       {"agosto", 8},     {"ago", 8},       {"augustus", 8},
    {"september", 9}, {"sep", 9},        {"sept", 9},       {"septembre", 9}, {"septiembre", 9},
    {"setiembre", 9}, {"settembre", 9},  {"set", 9},        {"setembro", 9},  {"october", 10},
    {"oct", 10},      {"oktober", 10},   {"okt", 10},       {"octobre", 10},  {"octubre", 10},
    {"ottobre", 10},  {"ott", 10},       {"outubro", 10},   {"out", 10},      {"november", 11},
    {"nov", 11},      {"novembre", 11},  {"noviembre", 11}, {"novembro", 11}, {"december", 12},
    {"dec", 12},      {"dezember", 12},  {"dez", 12},       {"décembre", 12}, {"decembre", 12},
    {"déc", 12},      {"diciembre", 12}, {"dic", 12},       {"dicembre", 12}, {"dezembro", 12},
};

constexpr std::string_view kWeekdayNames[] = {
    "monday",    "tuesday",  "wednesday", "thursday",  "friday",    "saturday", "sunday",
    "mon",       "tue",      "tues",      "wed",       "thu",       "thur",     "thurs",
    "fri",       "sat",      "sun",       "montag",    "dienstag",  "mittwoch", "donnerstag",
    "freitag",   "samstag",  "sonnabend", "sonntag",   "lundi",     "mardi",    "mercredi",
    "jeudi",     "vendredi", "samedi",    "dimanche",  "lunes",     "martes",   "miércoles",
    "miercoles", "jueves",   "viernes",   "sábado",    "sabado",    "domingo",  "lunedì",
    "lunedi",    "martedì",  "martedi",   "mercoledì", "mercoledi", "giovedì",  "giovedi",
    "venerdì",   "venerdi",  "sabato",    "domenica",  "segunda",   "terça",    "terca",
    "quarta",    "quinta",   "sexta",     "maandag",   "dinsdag",   "woensdag", "donderdag",
    "vrijdag",   "zaterdag", "zondag",
};

// Zone abbreviations with a fixed offset, in minutes east of UTC.
constexpr std::pair<std::string_view, int> kZones[] = {
    {"utc", 0},     {"gmt", 0},    {"z", 0},      {"est", -300}, {"edt", -240}, {"cst", -360},
    {"cdt", -300},  {"mst", -420}, {"mdt", -360}, {"pst", -480}, {"pdt", -420}, {"akst", -540},
    {"akdt", -480}, {"hst", -600}, {"bst", 60},   {"wet", 0},    {"west", 60},  {"cet", 60},
    {"cest", 120},  {"mez", 60},   {"mesz", 120}, {"eet", 120},  {"eest", 180}, {"msk", 180},
    {"ist", 330},   {"jst", 540},  {"kst", 540},  {"hkt", 480},  {"sgt", 480},  {"aest", 600},
    {"aedt", 660},  {"acst", 570}, {"awst", 480}, {"nzst", 720}, {"nzdt", 780},
};

// US zones written without S/D ("ET"): standard offset; daylight time is applied by date.
constexpr std::pair<std::string_view, int> kUsGenericZones[] = {
    {"et", -300}, {"ct", -360}, {"mt", -420}, {"pt", -480}};

// Words that may sit between a date and its time: "at", "um", "à", "a las", "alle", "às", "om".
constexpr std::string_view kTimeFillers[] = {"at", "um", "à",  "a",  "las", "alle", "ore",
                                             "às", "om", "kl", "le", "de",  "h",    "the"};

// Two-digit years up to this are 20yy, later ones 19yy: news pages reach back to the 1990s.
constexpr int kTwoDigitYearPivot = 69;

enum class Kind : uint8_t { kNum, kWord, kPunct };

struct Token {
  Kind kind;
  uint32_t begin, end;
  int value = 0;   // numbers
  int digits = 0;  // numbers
};

bool is_word_byte_start(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Latin letters outside ASCII (accented month and day names).
bool is_latin_letter(char32_t cp) {
  return (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (core::is_ascii_space(static_cast<char>(c))) {
      ++i;
      continue;
    }
    const size_t b = i;
    if (c >= '0' && c <= '9') {
      int v = 0, d = 0;
      while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
        if (d < 9) v = v * 10 + (s[i] - '0');
        ++d;
        ++i;
      }
      out.push_back({Kind::kNum, uint32_t(b), uint32_t(i), v, d});
      continue;
    }
    size_t j = i;
    char32_t cp = core::next_code_point(s, j);
    if (is_word_byte_start(c) || is_latin_letter(cp)) {
      i = j;
      while (i < s.size()) {
        size_t k = i;
        char32_t q = core::next_code_point(s, k);
        if ((q < 0x80 && is_word_byte_start(static_cast<unsigned char>(q))) || is_latin_letter(q)) {
          i = k;
        } else {
          break;
        }
      }
      out.push_back({Kind::kWord, uint32_t(b), uint32_t(i)});
      continue;
    }
    i = j;
    if (cp == 0xA0 || cp == 0x202F || cp == 0x2009) continue;  // no-break and thin spaces
    out.push_back({Kind::kPunct, uint32_t(b), uint32_t(i)});
  }
  return out;
}

std::string lower_word(std::string_view w) {
  std::string out(w);
  for (char& c : out) c = core::ascii_lower(c);
  // Capital accented letters that open a month or weekday name are not in the
  // tables; the common ones start with ASCII letters.
  return out;
}

const std::unordered_map<std::string_view, int>& month_table() {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, int>();
    for (const auto& [name, m] : kMonthNames) t->emplace(name, m);
    return t;
  }();
  return *table;
}

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && ((year % 4 == 0 && year % 100 != 0) || year % 400 == 0)) return 29;
  return kDays[month - 1];
}

// 0 = Sunday.
int day_of_week(int y, int m, int d) {
  static constexpr int kT[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + kT[m - 1] + d) % 7;
}

// US daylight saving time (since 2007): second Sunday of March to first Sunday of November.
bool us_daylight_time(int y, int m, int d) {
  if (m < 3 || m > 11) return false;
  if (m > 3 && m < 11) return true;
  const int first_sunday = 1 + (7 - day_of_week(y, m, 1)) % 7;
  if (m == 3) return d >= first_sunday + 7;
  return d < first_sunday;
}

class Parser {
 public:
  Parser(std::string_view s, const std::vector<Token>& t, const DateOptions& o)
      : s_(s), t_(t), options_(o) {}

  // Parses a date (with optional weekday before and time after) starting at token i.
  // On success sets `end_token` to one past the last token used.
  std::optional<ParsedDate> parse_at(size_t i, size_t& end_token) const {
    size_t j = i;
    skip_weekday(j);
    ParsedDate d;
    if (!parse_day(j, d)) return std::nullopt;
    if (!is_valid_date(d.year, d.month, d.day, options_)) return std::nullopt;
    size_t k = j;
    if (parse_time_after(k, d)) j = k;
    end_token = j;
    return d;
  }

  // A time at token i: "11:06", "11:06:30.123", "11h06", "11.06 Uhr", "11 AM", with am/pm and zone.
  bool parse_time(size_t& i, ParsedDate& d) const {
    size_t j = i;
    if (!is_num(j) || t_[j].digits > 2 || t_[j].value > 23) return false;
    int hour = t_[j].value, minute = 0, second = 0;
    ++j;
    bool explicit_clock = false;
    if ((is_punct(j, ":") || is_word_ci(j, "h")) && is_num(j + 1) && t_[j + 1].digits == 2 &&
        adjacent(j - 1, j) && adjacent(j, j + 1)) {
      minute = t_[j + 1].value;
      j += 2;
      explicit_clock = true;
      if (is_punct(j, ":") && is_num(j + 1) && t_[j + 1].digits == 2 && adjacent(j, j + 1)) {
        second = t_[j + 1].value;
        j += 2;
        if ((is_punct(j, ".") || is_punct(j, ",")) && is_num(j + 1) && adjacent(j, j + 1)) j += 2;
      }
    } else if (is_punct(j, ".") && is_num(j + 1) && t_[j + 1].digits == 2 && adjacent(j - 1, j) &&
               adjacent(j, j + 1)) {
      // "11.06" is a time only with "Uhr", "h" or am/pm after it.
      size_t k = j + 2;
      if (!(is_word_ci(k, "uhr") || is_word_ci(k, "h") || meridiem_len(k) > 0)) return false;
      minute = t_[j + 1].value;
      j += 2;
      explicit_clock = true;
    }
    if (minute > 59 || second > 60) return false;
    if (int n = meridiem_len(j); n > 0) {
      const bool pm = core::ascii_lower(s_[t_[j].begin]) == 'p';
      if (hour < 1 || hour > 12) return false;
      hour = (hour % 12) + (pm ? 12 : 0);
      j += n;
    } else if (!explicit_clock) {
      return false;
    }
    if (is_word_ci(j, "uhr") || is_word_ci(j, "h")) ++j;
    d.has_time = true;
    d.hour = hour;
    d.minute = minute;
    d.second = second;
    parse_zone(j, d);
    i = j;
    return true;
  }

  bool is_num(size_t i) const { return i < t_.size() && t_[i].kind == Kind::kNum; }
  bool is_word(size_t i) const { return i < t_.size() && t_[i].kind == Kind::kWord; }
  bool is_punct(size_t i, std::string_view p) const {
    return i < t_.size() && t_[i].kind == Kind::kPunct && text(i) == p;
  }
  bool is_punct(size_t i) const { return i < t_.size() && t_[i].kind == Kind::kPunct; }
  bool is_word_ci(size_t i, std::string_view w) const {
    return is_word(i) && core::iequals(text(i), w);
  }
  std::string_view text(size_t i) const { return s_.substr(t_[i].begin, t_[i].end - t_[i].begin); }
  int month_at(size_t i) const {
    if (!is_word(i)) return 0;
    return month_from_name(text(i));
  }

 private:
  bool adjacent(size_t a, size_t b) const { return t_[a].end == t_[b].begin; }

  void skip_weekday(size_t& j) const {
    if (!is_word(j) || !is_weekday_name(text(j))) return;
    ++j;
    if (is_punct(j, "-") && is_word_ci(j + 1, "feira")) j += 2;  // Portuguese "terça-feira"
    if (is_punct(j, ".")) ++j;
    if (is_punct(j, ",")) ++j;
  }

  bool set_ymd(ParsedDate& d, int y, int m, int day) const {
    d.year = y;
    d.month = m;
    d.day = day;
    return true;
  }

  // The date part; advances j past it.
  bool parse_day(size_t& j, ParsedDate& d) const {
    if (is_num(j)) {
      const Token& a = t_[j];
      // 2023-06-13, 2023/06/13, 2023.06.13, 2023年6月13日
      if (a.digits == 4 && is_punct(j + 1) && is_num(j + 2) && t_[j + 2].digits <= 2 &&
          is_punct(j + 3) && is_num(j + 4) && t_[j + 4].digits <= 2) {
        std::string_view s1 = text(j + 1), s2 = text(j + 3);
        bool cjk = s1 == "年" && s2 == "月";
        if ((s1 == s2 && (s1 == "-" || s1 == "/" || s1 == ".")) || cjk) {
          set_ymd(d, a.value, t_[j + 2].value, t_[j + 4].value);
          j += 5;
          if (cjk && is_punct(j, "日")) ++j;
          return true;
        }
      }
      // 2023 Jan 7, 2023 January 7: the order of citations ("Cureus. 2023 Jan 7;15(1)").
      // Not before a colon: "2023 Jan 7:30" is no citation; nor before a year: in "Guide 2026
      // Dec 26, 2025" the year ends a headline and the date is "Dec 26, 2025".
      if (a.digits == 4) {
        if (int m = month_at(j + 1); m > 0) {
          size_t k = j + 2;
          if (is_punct(k, ".")) ++k;
          size_t after = k + 1;
          if (is_punct(after, ",") || is_punct(after, ".")) ++after;
          if (is_num(k) && t_[k].digits <= 2 && !is_punct(k + 1, ":") &&
              !(is_num(after) && t_[after].digits == 4)) {
            set_ymd(d, a.value, m, t_[k].value);
            j = k + 1;
            return true;
          }
        }
      }
      // 13.06.2023, 13/06/2023, 13-06-2023
      if (a.digits <= 2 && is_punct(j + 1) && is_num(j + 2) && t_[j + 2].digits <= 2 &&
          is_punct(j + 3) && is_num(j + 4) && t_[j + 4].digits == 4 && text(j + 1) == text(j + 3) &&
          adjacent(j, j + 1) && adjacent(j + 1, j + 2)) {
        std::string_view sep = text(j + 1);
        int x = a.value, y = t_[j + 2].value;
        // Month-first, US style, when the second number cannot be a month: "06/13/2023", and
        // forum software's "11-29-2024".
        if ((sep == "/" || sep == "-") && x <= 12 && (y > 12 || options_.month_first))
          std::swap(x, y);
        if (sep == "." || sep == "/" || sep == "-") {
          set_ymd(d, t_[j + 4].value, y, x);
          j += 5;
          return true;
        }
      }
      // 30.10.23: a two-digit year only with dots and two digits each, nothing numeric after.
      if (a.digits == 2 && is_punct(j + 1, ".") && is_num(j + 2) && t_[j + 2].digits == 2 &&
          is_punct(j + 3, ".") && is_num(j + 4) && t_[j + 4].digits == 2 && adjacent(j, j + 1) &&
          adjacent(j + 1, j + 2) && adjacent(j + 2, j + 3) && adjacent(j + 3, j + 4) &&
          !(is_punct(j + 5, ".") && is_num(j + 6) && adjacent(j + 4, j + 5))) {
        const int yy = t_[j + 4].value;
        set_ymd(d, yy <= kTwoDigitYearPivot ? 2000 + yy : 1900 + yy, t_[j + 2].value, a.value);
        j += 5;
        return true;
      }
      // 06/13/23: month first with a two-digit year, where the page's language writes so.
      if (options_.month_first && a.digits <= 2 && is_punct(j + 1, "/") && is_num(j + 2) &&
          t_[j + 2].digits <= 2 && is_punct(j + 3, "/") && is_num(j + 4) && t_[j + 4].digits == 2 &&
          adjacent(j, j + 1) && adjacent(j + 1, j + 2) && adjacent(j + 2, j + 3) &&
          adjacent(j + 3, j + 4) &&
          !(is_punct(j + 5, "/") && is_num(j + 6) && adjacent(j + 4, j + 5))) {
        const int yy = t_[j + 4].value;
        set_ymd(d, yy <= kTwoDigitYearPivot ? 2000 + yy : 1900 + yy, a.value, t_[j + 2].value);
        j += 5;
        return true;
      }
      // 13 June 2023, 13. Juni 2023, 13 de junio de 2023, 13-Jun-2023, 13/Jun/2023, 13th June, 2023
      if (a.digits <= 2) {
        size_t k = j + 1;
        if (is_punct(k, ".") || is_punct(k, "-") || is_punct(k, "/")) ++k;
        if (is_word(k) && is_ordinal_suffix(text(k)) && adjacent(j, k)) ++k;
        if (is_word_ci(k, "de") || is_word_ci(k, "of")) ++k;
        if (int m = month_at(k); m > 0) {
          ++k;
          if (is_punct(k, ".")) ++k;
          if (is_punct(k, "-") || is_punct(k, ",") || is_punct(k, "/")) ++k;
          if (is_word_ci(k, "de") || is_word_ci(k, "del")) ++k;
          if (is_num(k) && t_[k].digits == 4) {
            set_ymd(d, t_[k].value, m, a.value);
            j = k + 1;
            return true;
          }
        }
      }
      return false;
    }
    // June 13, 2023; Nov. 19, 2019; Jun 13 2023; June 13th, 2023
    if (int m = month_at(j); m > 0) {
      size_t k = j + 1;
      if (is_punct(k, ".")) ++k;
      if (is_num(k) && t_[k].digits <= 2) {
        const int day = t_[k].value;
        ++k;
        if (is_word(k) && is_ordinal_suffix(text(k)) && adjacent(k - 1, k)) ++k;
        if (is_punct(k, ",") || is_punct(k, ".")) ++k;
        if (is_num(k) && t_[k].digits == 4) {
          set_ymd(d, t_[k].value, m, day);
          j = k + 1;
          return true;
        }
      }
    }
    return false;
  }

  static bool is_ordinal_suffix(std::string_view w) {
    return core::iequals(w, "st") || core::iequals(w, "nd") || core::iequals(w, "rd") ||
           core::iequals(w, "th") || core::iequals(w, "er");
  }

  bool is_filler(size_t i) const {
    if (is_punct(i)) {
      std::string_view p = text(i);
      return p == "," || p == "-" || p == "|" || p == "–" || p == "—" || p == "/" || p == "·" ||
             p == "•" || p == "(" || p == "T" || p == "@";
    }
    if (!is_word(i)) return false;
    if (text(i) == "T") return true;
    for (std::string_view f : kTimeFillers)
      if (core::iequals(text(i), f)) return true;
    return false;
  }

  bool parse_time_after(size_t& j, ParsedDate& d) const {
    size_t k = j;
    for (int n = 0; n < 3 && is_filler(k); ++n) ++k;
    if (!parse_time(k, d)) {
      // A zone right after the date ("2023-06-13 UTC") is not a time; ignore it.
      return false;
    }
    if (is_punct(k, ")") && k > 0) ++k;
    j = k;
    return true;
  }

  // Length in tokens of "am", "pm", "a.m.", "p.m." at i (0 when absent).
  int meridiem_len(size_t i) const {
    if (!is_word(i)) return 0;
    std::string_view w = text(i);
    if (core::iequals(w, "am") || core::iequals(w, "pm")) return 1;
    if ((core::iequals(w, "a") || core::iequals(w, "p")) && is_punct(i + 1, ".") &&
        is_word_ci(i + 2, "m") && adjacent(i, i + 1) && adjacent(i + 1, i + 2))
      return is_punct(i + 3, ".") ? 4 : 3;
    return 0;
  }

  void parse_zone(size_t& j, ParsedDate& d) const {
    size_t k = j;
    if (is_punct(k, "(")) ++k;
    if (is_word(k)) {
      const std::string w = lower_word(text(k));
      for (const auto& [name, off] : kZones) {
        if (w == name) {
          d.offset_minutes = off;
          ++k;
          parse_numeric_offset(k, d);  // "GMT+2"
          if (is_punct(k, ")")) ++k;
          j = k;
          return;
        }
      }
      for (const auto& [name, off] : kUsGenericZones) {
        if (w == name) {
          d.offset_minutes = off + (us_daylight_time(d.year, d.month, d.day) ? 60 : 0);
          ++k;
          if (is_punct(k, ")")) ++k;
          j = k;
          return;
        }
      }
      return;
    }
    if (parse_numeric_offset(k, d)) j = k;
  }

  // "+02:00", "-0400", "+02".
  bool parse_numeric_offset(size_t& k, ParsedDate& d) const {
    if (!(is_punct(k, "+") || is_punct(k, "-") || is_punct(k, "−")) || !is_num(k + 1) ||
        !adjacent(k, k + 1))
      return false;
    const int sign = text(k) == "+" ? 1 : -1;
    const Token& n = t_[k + 1];
    int h = 0, m = 0;
    size_t used = 2;
    if (n.digits == 4) {
      h = n.value / 100;
      m = n.value % 100;
    } else if (n.digits <= 2) {
      h = n.value;
      if (is_punct(k + 2, ":") && is_num(k + 3) && t_[k + 3].digits == 2) {
        m = t_[k + 3].value;
        used = 4;
      }
    } else {
      return false;
    }
    if (h > 14 || m > 59) return false;
    d.offset_minutes = sign * (h * 60 + m);
    k += used;
    return true;
  }

  std::string_view s_;
  const std::vector<Token>& t_;
  const DateOptions& options_;
};

bool is_ignorable_edge(const Parser& p, size_t i) {
  if (!p.is_punct(i)) return false;
  std::string_view t = p.text(i);
  return t == "," || t == "." || t == "|" || t == "(" || t == ")" || t == "-" || t == "–" ||
         t == "—" || t == "[" || t == "]" || t == ":" || t == "·";
}

ParsedDate make_ymd(int y, int m, int d) {
  ParsedDate out;
  out.year = y;
  out.month = m;
  out.day = d;
  return out;
}

}  // namespace

std::string ParsedDate::iso() const {
  char buf[40];
  int n = std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  std::string out(buf, n);
  if (!has_time) return out;
  n = std::snprintf(buf, sizeof buf, "T%02d:%02d:%02d", hour, minute, second);
  out.append(buf, n);
  if (offset_minutes) {
    const int off = *offset_minutes;
    const int a = off < 0 ? -off : off;
    n = std::snprintf(buf, sizeof buf, "%c%02d:%02d", off < 0 ? '-' : '+', a / 60, a % 60);
    out.append(buf, n);
  }
  return out;
}

int month_from_name(std::string_view word) {
  if (word.size() < 3 || word.size() > 12) return 0;
  if (word.back() == '.') word.remove_suffix(1);
  const std::string w = lower_word(word);
  const auto& t = month_table();
  auto it = t.find(w);
  return it == t.end() ? 0 : it->second;
}

bool is_weekday_name(std::string_view word) {
  if (word.size() < 3 || word.size() > 12) return false;
  if (word.back() == '.') word.remove_suffix(1);
  const std::string w = lower_word(word);
  for (std::string_view d : kWeekdayNames)
    if (w == d) return true;
  return false;
}

bool is_valid_date(int year, int month, int day, const DateOptions& options) {
  if (year < options.min_year || year > options.max_year) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= days_in_month(year, month);
}

std::optional<ParsedDate> parse_date(std::string_view text, const DateOptions& options) {
  const std::vector<Token> tokens = tokenize(text);
  Parser p(text, tokens, options);
  size_t b = 0, e = tokens.size();
  while (b < e && is_ignorable_edge(p, b)) ++b;
  while (e > b && is_ignorable_edge(p, e - 1)) --e;
  if (b == e) return std::nullopt;
  size_t end = 0;
  auto d = p.parse_at(b, end);
  if (!d || end != e) return std::nullopt;
  return d;
}

std::optional<DateMatch> find_date(std::string_view text, const DateOptions& options) {
  const std::vector<Token> tokens = tokenize(text);
  Parser p(text, tokens, options);
  for (size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind == Kind::kPunct) continue;
    if (t.kind == Kind::kWord && !is_weekday_name(p.text(i)) && p.month_at(i) == 0) continue;
    size_t end = 0;
    if (auto d = p.parse_at(i, end)) {
      DateMatch m{*d, tokens[i].begin, tokens[end - 1].end};
      // A time written before the date: "Updated 8:03 AM ET, Tue June 13, 2023".
      if (!m.date.has_time) {
        for (size_t k = i >= 6 ? i - 6 : 0; k < i; ++k) {
          ParsedDate t2 = m.date;
          size_t kk = k;
          if (tokens[k].kind == Kind::kNum && p.parse_time(kk, t2) && kk <= i) {
            bool only_fillers = true;
            for (size_t q = kk; q < i; ++q)
              if (!is_ignorable_edge(p, q)) only_fillers = false;
            if (only_fillers) {
              m.date = t2;
              m.begin = tokens[k].begin;
              break;
            }
          }
        }
      }
      return m;
    }
  }
  return std::nullopt;
}

std::optional<ParsedDate> parse_time_of_day(std::string_view text) {
  const std::vector<Token> tokens = tokenize(text);
  DateOptions options;
  Parser p(text, tokens, options);
  size_t b = 0, e = tokens.size();
  while (b < e && is_ignorable_edge(p, b)) ++b;
  while (e > b && is_ignorable_edge(p, e - 1)) --e;
  ParsedDate d;
  size_t i = b;
  if (b == e || !p.parse_time(i, d) || i != e) return std::nullopt;
  return d;
}

std::optional<ParsedDate> date_from_url(std::string_view url, const DateOptions& options) {
  // Work on the path: skip scheme and host.
  size_t start = url.find("://");
  start = start == std::string_view::npos ? 0 : url.find('/', start + 3);
  if (start == std::string_view::npos) return std::nullopt;
  std::string_view path = url.substr(start);
  const size_t q = path.find_first_of("?#");
  if (q != std::string_view::npos) path = path.substr(0, q);
  auto digits_at = [&](size_t i, size_t n, int& v) {
    if (i + n > path.size()) return false;
    v = 0;
    for (size_t k = i; k < i + n; ++k) {
      if (path[k] < '0' || path[k] > '9') return false;
      v = v * 10 + (path[k] - '0');
    }
    return true;
  };
  auto is_boundary = [&](size_t i) {
    return i >= path.size() || path[i] == '/' || path[i] == '-' || path[i] == '_' || path[i] == '.';
  };
  for (size_t i = 0; i < path.size(); ++i) {
    if (path[i] != '/') continue;
    int y = 0, m = 0, d = 0;
    if (!digits_at(i + 1, 4, y)) continue;
    const size_t a = i + 5;
    if (a < path.size() && (path[a] == '/' || path[a] == '-') && digits_at(a + 1, 2, m) &&
        a + 3 < path.size() && path[a + 3] == path[a] && digits_at(a + 4, 2, d) &&
        is_boundary(a + 6) && is_valid_date(y, m, d, options)) {
      return make_ymd(y, m, d);
    }
    if (digits_at(i + 5, 2, m) && digits_at(i + 7, 2, d) && is_boundary(i + 9) &&
        is_valid_date(y, m, d, options)) {
      return make_ymd(y, m, d);
    }
    // /2023/october/03/, /2023/oct/3/: the month by name.
    if (a < path.size() && path[a] == '/') {
      const size_t name_end = path.find('/', a + 1);
      if (name_end == std::string_view::npos) continue;
      m = month_from_name(path.substr(a + 1, name_end - a - 1));
      const size_t day_at = name_end + 1;
      const size_t day_digits = digits_at(day_at, 2, d) ? 2 : digits_at(day_at, 1, d) ? 1 : 0;
      if (m > 0 && day_digits > 0 && is_boundary(day_at + day_digits) &&
          is_valid_date(y, m, d, options))
        return make_ymd(y, m, d);
    }
  }
  return std::nullopt;
}

}  // namespace lede::fields
