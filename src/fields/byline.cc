#include "fields/byline.h"

#include <cctype>

#include "core/text.h"
#include "fields/credit.h"
#include "fields/dates.h"

namespace lede::fields {
namespace {

constexpr size_t kMaxNameBytes = 60;  // longer "names" are sentences or titles
constexpr int kMaxNameWords = 5;

// Byline labels, matched case-insensitively at the start and followed by a space or the end.
constexpr std::string_view kLabels[] = {
    "written by", "reported by", "reporting by", "words by", "story by", "text by", "posted by",
    "by", "von", "par", "por", "di", "door", "de", "texto:", "text:", "autor:", "autorin:",
    "author:", "auteur:", "auteurs:", "autore:", "autores:", "redactie:", "text von",
};

// Labels that need a following name to count (they are also ordinary words).
bool label_needs_name(std::string_view label) {
  return label == "de" || label == "di" || label == "door" || label == "par" || label == "por";
}

// Roles that follow or precede a name.
constexpr std::string_view kRoles[] = {
    "staff writer", "staff writers", "staff reporter", "staff reporters", "senior writer",
    "senior reporter", "senior correspondent", "chief correspondent", "foreign correspondent",
    "special correspondent", "correspondent", "correspondents", "reporter", "reporters",
    "contributor", "contributing writer", "contributing editor", "senior editor",
    "managing editor", "editor-in-chief", "editor at large", "editor", "editors", "columnist",
    "writer", "journalist", "redakteur", "redakteurin", "korrespondent", "korrespondentin",
    "journaliste", "envoyé spécial", "envoyée spéciale", "corresponsal", "redactor",
    "redactora", "giornalista", "inviato", "redacteur", "verslaggever", "analyst",
    "political editor", "political correspondent", "business reporter", "opinion columnist",
    "news editor", "social media editor", "deputy editor", "associate editor", "photographer",
};

// Organisational bylines that are not people.
constexpr std::string_view kNotPeople[] = {
    "staff", "staff reports", "staff report", "wire services", "wire reports", "editorial board",
    "the editorial board", "news desk", "web desk", "online desk", "desk", "our correspondent",
    "our reporter", "news service", "news services", "agencies", "agency", "redaktion",
    "rédaction", "redacción", "redazione", "redação", "redactie", "admin", "administrator",
    "guest", "guest author", "team", "newsroom", "the newsroom", "bbc news", "cnn",
    "our foreign staff", "our staff", "our political staff", "our reporters",
};

// Words that split a list of names.
constexpr std::string_view kJoiners[] = {" and ", " und ", " et ", " y ", " e ", " en ",
                                         " & ", " with ", " mit ", " avec ", " con ", " com "};

// Tails that end a byline: "| Updated ...", "Published ...".
constexpr std::string_view kTails[] = {"updated", "published", "posted", "aktualisiert",
                                       "veröffentlicht", "publié", "mis à jour", "actualizado",
                                       "publicado", "pubblicato", "aggiornato", "bijgewerkt",
                                       "gepubliceerd", "last modified", "modified"};

// Particles allowed in lower case inside names.
constexpr std::string_view kParticles[] = {"van", "von", "de", "der", "den", "da", "di", "del",
                                           "della", "du", "la", "le", "bin", "bint", "al", "ter",
                                           "ten", "dos", "das", "do", "y", "zu", "af", "st."};

bool is_space_or_end(std::string_view s, size_t i) {
  return i >= s.size() || core::is_ascii_space(s[i]) || s[i] == ':' ||
         static_cast<unsigned char>(s[i]) == 0xC2;  // U+00A0
}

// Length of a byline label at the start of s (0 when none).
size_t label_length(std::string_view s, std::string_view* which = nullptr) {
  for (std::string_view l : kLabels) {
    if (core::starts_with_icase(s, l) && (l.back() == ':' || is_space_or_end(s, l.size()))) {
      if (which) *which = l;
      return l.size();
    }
  }
  return 0;
}

std::string lower(std::string_view s) { return core::ascii_lower(s); }

// Removes e-mail addresses, handles and URLs.
std::string drop_contacts(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    size_t e = i;
    while (e < s.size() && !core::is_ascii_space(s[e])) ++e;
    std::string_view word = s.substr(i, e - i);
    const bool contact = word.find('@') != std::string_view::npos ||
                         core::starts_with_icase(word, "http") ||
                         core::starts_with_icase(word, "www.");
    if (!contact) out.append(word);
    out.append(s.substr(e, 1));
    i = e + 1;
  }
  return out;
}

std::string_view trim_punct(std::string_view s) {
  s = core::trim(s);
  auto junk = [](unsigned char c) {
    return c == ',' || c == ';' || c == ':' || c == '|' || c == '-' || c == '.' || c == '/' ||
           c == '(' || c == ')' || c == '*' || c == '"' || c == '\'';
  };
  while (!s.empty() && junk(s.front())) s = core::trim(s.substr(1));
  while (!s.empty() && junk(s.back()) && !(s.size() >= 2 && std::isupper(s[s.size() - 2]) &&
                                           s.back() == '.' && (s.size() < 3 || s[s.size() - 3] == ' ')))
    s = core::trim(s.substr(0, s.size() - 1));
  for (std::string_view dash : {"—", "–", "·"}) {
    while (s.size() >= dash.size() && s.substr(s.size() - dash.size()) == dash)
      s = core::trim(s.substr(0, s.size() - dash.size()));
    while (s.size() >= dash.size() && s.substr(0, dash.size()) == dash)
      s = core::trim(s.substr(dash.size()));
  }
  return s;
}

// Strips a role from the end or start of a part: "Jane Doe Staff Writer", "Correspondent Jane Doe".
std::string_view strip_roles(std::string_view part) {
  for (bool changed = true; changed;) {
    changed = false;
    part = trim_punct(part);
    const std::string l = lower(part);
    for (std::string_view r : kRoles) {
      if (l.size() > r.size() && l.compare(l.size() - r.size(), r.size(), r) == 0 &&
          l[l.size() - r.size() - 1] == ' ') {
        part = part.substr(0, part.size() - r.size());
        changed = true;
        break;
      }
      if (l.size() > r.size() && l.compare(0, r.size(), r) == 0 && l[r.size()] == ' ') {
        part = part.substr(r.size());
        changed = true;
        break;
      }
    }
  }
  return part;
}

bool is_role(std::string_view s) {
  const std::string l = lower(trim_punct(s));
  for (std::string_view r : kRoles)
    if (l == r) return true;
  return false;
}

// Words that make a listed part a job title, not a name: "Senior Staff Technologist".
constexpr std::string_view kRoleWords[] = {
    "staff", "senior", "chief", "editor", "writer", "reporter", "correspondent", "columnist",
    "contributor", "analyst", "director", "manager", "producer", "technologist", "fellow",
    "professor", "president", "founder", "officer", "researcher", "specialist", "strategist"};

bool has_role_word(std::string_view s) {
  const std::string l = " " + lower(s) + " ";
  for (std::string_view w : kRoleWords) {
    const size_t p = l.find(w);
    if (p != std::string::npos && l[p - 1] == ' ' &&
        (l[p + w.size()] == ' ' || l[p + w.size()] == 's'))
      return true;
  }
  return false;
}

bool is_not_person(std::string_view s) {
  const std::string l = lower(trim_punct(s));
  for (std::string_view r : kNotPeople)
    if (l == r) return true;
  return false;
}

std::string title_case_if_shouting(std::string_view s) {
  bool has_lower = false, has_upper = false;
  for (unsigned char c : s) {
    if (std::islower(c)) has_lower = true;
    if (std::isupper(c)) has_upper = true;
  }
  std::string out(s);
  if (has_lower || !has_upper) return out;
  bool start = true;
  for (char& c : out) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      if (!start) c = core::ascii_lower(c);
      start = false;
    } else {
      start = c == ' ' || c == '-' || c == '\'';
    }
  }
  return out;
}

// Words a byline element holds that are not names, though capitalised like one: labels,
// German verbs and nouns that open a sentence, and the cities datelines name.
constexpr std::string_view kNotNames[] = {
    "sagt",      "sagte",     "stand",   "text",      "texte",      "texto",    "testo",
    "tekst",     "foto",      "fotos",   "bild",      "bilder",     "quelle",   "source",
    "mehr",      "more",      "update",  "updated",   "home",       "news",     "admin",
    "redaktion", "anzeige",   "werbung", "kommentar", "kommentare", "teilen",   "share",
    "follow",    "london",    "paris",   "berlin",    "washington", "new york", "brussels",
    "brüssel",   "bruxelles", "madrid",  "rome",      "rom",        "roma",     "wien",
    "vienna",    "amsterdam", "lisbon",  "lisboa",    "moscow",     "moskau",   "beijing",
    "peking",    "tokyo",     "hamburg", "münchen",   "munich",     "zürich",   "zurich",
    "frankfurt", "köln",      "cologne", "barcelona", "milano",     "milan",    "mailand",
    "genf",      "geneva",    "genève",  "bern",      "basel",      "kyiv",     "kiew",
    "jerusalem", "istanbul",  "athens",  "athen",
};
// A one-word "name" this short is an abbreviation ("Fr", "Mo"), not a person.
constexpr size_t kMinOneWordName = 3;

// Words that make a capitalised phrase an organisation: "Sputnik International".
constexpr std::string_view kOrganisationWords[] = {
    "international", "news",       "media",       "press",      "magazine",
    "network",       "group",      "inc",         "ltd",        "llc",
    "corp",          "company",    "agency",      "times",      "journal",
    "daily",         "online",     "digital",     "tv",         "radio",
    "channel",       "studios",    "foundation",  "institute",  "university",
    "ministry",      "ministries", "association", "council",    "department",
    "bureau",        "committee",  "society",     "publishing", "newsroom",
    "zeitung",       "verlag",     "gmbh",        "ag",         "sa",
    "srl",           "bv"};

bool is_not_a_name(std::string_view s) {
  s = trim_punct(s);
  const std::string l = lower(s);
  for (std::string_view w : kNotNames)
    if (l == w) return true;
  const size_t space = l.find(' ');
  if (space == std::string::npos) {
    if (l.size() < kMinOneWordName) return true;
    // One shouted word is a call sign or a brand ("KWCHCIK"), not a person.
    bool has_upper = false, has_lower = false;
    for (char c : s) {
      has_upper |= std::isupper(static_cast<unsigned char>(c)) != 0;
      has_lower |= std::islower(static_cast<unsigned char>(c)) != 0 || (c & 0x80) != 0;
    }
    if (has_upper && !has_lower) return true;
  }
  // "The Russian", "The Water Coolest": a name does not open with an article.
  if (l.compare(0, 4, "the ") == 0) return true;
  size_t b = 0;
  while (b < l.size()) {
    size_t e = l.find(' ', b);
    if (e == std::string::npos) e = l.size();
    std::string_view word = std::string_view(l).substr(b, e - b);
    while (!word.empty() && (word.back() == '.' || word.back() == ',')) word.remove_suffix(1);
    for (std::string_view w : kOrganisationWords)
      if (word == w) return true;
    b = e + 1;
  }
  return false;
}

// Agencies written after a name in one byline element, often with no space between:
// "ERIC TUCKERAssociated Press", "Tom Davies Associated Press". Longest first.
constexpr std::string_view kTrailingAgencies[] = {"The Associated Press",
                                                  "Associated Press",
                                                  "Agence France-Presse",
                                                  "The Canadian Press",
                                                  "Canadian Press",
                                                  "Press Association",
                                                  "Bloomberg News",
                                                  "Reuters",
                                                  "AFP",
                                                  "dpa",
                                                  "AP"};

// Splits a trailing agency off a name part; returns the agency ("" when none).
std::string_view split_trailing_agency(std::string_view& part) {
  for (std::string_view a : kTrailingAgencies) {
    if (part.size() <= a.size() + 2 || part.substr(part.size() - a.size()) != a) continue;
    std::string_view name = part.substr(0, part.size() - a.size());
    const unsigned char before = static_cast<unsigned char>(name.back());
    // A short agency must stand apart ("Jane Doe AP"); a long one may be glued on.
    const bool apart = before == ' ';
    const bool glued = a.size() > 3 && (std::isupper(before) || std::islower(before)) &&
                       std::isupper(static_cast<unsigned char>(a.front()));
    if (!apart && !glued) continue;
    name = core::trim(name);
    if (name.empty()) continue;
    part = name;
    return a;
  }
  return {};
}

// "Jong, Michiel de", "Kooman, F.": a surname, a comma, the given names; as the name is
// said ("Michiel de Jong"). Empty when `s` is not of that shape.
std::string surname_first(std::string_view s) {
  const size_t comma = s.find(',');
  if (comma == std::string_view::npos || s.find(',', comma + 1) != std::string_view::npos)
    return "";
  std::string_view surname = core::trim(s.substr(0, comma));
  std::string_view given = core::trim(s.substr(comma + 1));
  if (surname.empty() || surname.find(' ') != std::string_view::npos || given.empty()) return "";
  // Initials alone ("Kooman, F.") or names ending in a particle ("Jong, Michiel de"): a
  // surname first, never a name and a place ("Jane Doe, Washington").
  const bool initials = given.size() <= 6 && given.back() == '.' &&
                        std::isupper(static_cast<unsigned char>(given.front()));
  const size_t last_space = given.rfind(' ');
  bool ends_in_particle = false;
  if (last_space != std::string_view::npos)
    for (std::string_view p : kParticles) ends_in_particle |= given.substr(last_space + 1) == p;
  if (!initials && !ends_in_particle) return "";
  return std::string(given) + " " + std::string(surname);
}

void add_unique(std::vector<std::string>& v, std::string s) {
  for (const auto& x : v)
    if (core::iequals(x, s)) return;
  v.push_back(std::move(s));
}

}  // namespace

bool starts_with_byline_label(std::string_view line) {
  line = core::trim(line);
  std::string_view which;
  const size_t n = label_length(line, &which);
  if (n == 0) return false;
  if (label_needs_name(which) || which == "von") {
    // "de", "par", "di": also ordinary words; count them only before a name.
    return looks_like_person_name(core::trim(line.substr(n)).substr(
        0, std::min<size_t>(kMaxNameBytes, core::trim(line.substr(n)).size())));
  }
  return true;
}

bool looks_like_person_name(std::string_view s) {
  s = trim_punct(s);
  if (s.empty() || s.size() > kMaxNameBytes) return false;
  int words = 0, capitalised = 0;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && s[i] == ' ') ++i;
    const size_t b = i;
    while (i < s.size() && s[i] != ' ') ++i;
    if (i == b) break;
    std::string_view w = s.substr(b, i - b);
    ++words;
    for (char c : w)
      if (std::isdigit(static_cast<unsigned char>(c)) || c == '@' || c == '|' || c == ':')
        return false;
    const auto c0 = static_cast<unsigned char>(w[0]);
    if (std::isupper(c0) || c0 >= 0x80) {
      ++capitalised;
      continue;
    }
    bool particle = false;
    for (std::string_view p : kParticles)
      if (w == p) particle = true;
    if (!particle) return false;
  }
  return words >= 1 && words <= kMaxNameWords && capitalised >= 1;
}

Byline parse_byline(std::string_view text) {
  Byline out;
  std::string s = core::collapse_space(text);
  // 1. The label.
  std::string_view view = s;
  std::string_view which;
  if (size_t n = label_length(view, &which); n > 0) {
    std::string_view rest = core::trim(view.substr(n));
    if (!rest.empty() && rest.front() == ':') rest = core::trim(rest.substr(1));
    if (!label_needs_name(which) || rest.empty() || looks_like_person_name(rest.substr(
            0, std::min(rest.size(), rest.find_first_of(",&|") == std::string_view::npos
                                          ? rest.size()
                                          : rest.find_first_of(",&|"))))) {
      out.labelled = true;
      s = std::string(rest);
    }
  }
  // 2. Tails: "| Updated ...", a date, contacts.
  {
    const size_t bar = s.find('|');
    if (bar != std::string::npos) s.resize(bar);
    const std::string l = lower(s);
    for (std::string_view t : kTails) {
      size_t p = l.find(t);
      if (p != std::string::npos && (p == 0 || l[p - 1] == ' ')) s.resize(std::min(s.size(), p));
    }
    if (auto d = find_date(s)) s.resize(d->begin);
    s = drop_contacts(s);
    if (std::string reordered = surname_first(trim_punct(s)); !reordered.empty()) s = reordered;
    // "Martin Untersinger (avec Damien Leloup et Morgane Tual)": a parenthesis sets names apart
    // as a space does.
    for (char& c : s)
      if (c == '(' || c == ')') c = ' ';
    s = core::collapse_space(s);
    // "Finian Cunningham. Sputnik International": a full stop after a word (not an initial)
    // ends the name.
    for (size_t p = s.find(". "); p != std::string::npos; p = s.find(". ", p + 1)) {
      size_t w = p;
      while (w > 0 && std::isalpha(static_cast<unsigned char>(s[w - 1]))) --w;
      if (p - w >= 3) s[p] = ',';
    }
  }
  // 3. Split into parts on joiners and commas.
  std::vector<std::string> parts;
  std::vector<bool> joined;  // the part follows "and", "&", ";" rather than a comma
  {
    std::string work = " " + s + " ";
    for (std::string_view j : kJoiners) {
      size_t p = 0;
      const std::string lw = lower(work);
      std::string rebuilt;
      size_t last = 0;
      while ((p = lw.find(j, p)) != std::string::npos) {
        rebuilt.append(work, last, p - last);
        rebuilt += ";";  // a joiner, told apart from a listing comma below
        last = p + j.size() - 1;  // keep the trailing space
        p += j.size() - 1;
      }
      rebuilt.append(work, last, std::string::npos);
      work = rebuilt;
    }
    size_t b = 0;
    while (b <= work.size()) {
      size_t e = work.find_first_of(",;", b);
      if (e == std::string::npos) e = work.size();
      parts.emplace_back(work.substr(b, e - b));
      joined.push_back(b > 0 && work[b - 1] == ';');
      b = e + 1;
    }
  }
  // 4. Each part is a role, an agency, a person or noise. After a role, further comma parts
  // are the writer's affiliation ("Jane Doe, Senior Analyst, Example Project"), and a single word
  // listed after a name is a place or a surname alone ("Jane Doe, Washington").
  bool after_role = false;
  bool in_affiliation = false;  // the previous part was left out as affiliation
  for (size_t i = 0; i < parts.size(); ++i) {
    std::string_view p = trim_punct(parts[i]);
    if (size_t n = label_length(p); n > 0 && n < p.size()) p = trim_punct(p.substr(n));
    if (p.empty()) continue;
    const bool listed = (!joined[i] || in_affiliation) && !out.names.empty();
    if (is_role(p) || (listed && has_role_word(p))) {
      after_role = true;
      continue;
    }
    in_affiliation = listed && (after_role || p.find(' ') == std::string_view::npos);
    if (in_affiliation) continue;
    if (is_agency_name(p) || is_not_person(p)) {
      add_unique(out.agencies, std::string(p));
      continue;
    }
    const size_t before_roles = p.size();
    p = strip_roles(p);
    if (p.empty()) continue;
    if (p.size() != before_roles) after_role = true;
    if (std::string_view agency = split_trailing_agency(p); !agency.empty())
      add_unique(out.agencies, std::string(agency));
    if (is_agency_name(p) || is_not_person(p)) {
      add_unique(out.agencies, std::string(p));
      continue;
    }
    if (looks_like_person_name(p) && !is_not_a_name(p)) {
      add_unique(out.names, title_case_if_shouting(p));
    } else if (joined[i] && !out.names.empty() && p.find(' ') == std::string_view::npos) {
      // "Mac & i": what "&" joins is one name of a thing, not two people.
      out.names.pop_back();
    }
  }
  return out;
}

}  // namespace lede::fields
