#include "analysis/people.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace lede::analysis {
namespace {

// Longest name we accept: "Jusman Syafii Djamal", "Martin Luther King Jr."
constexpr size_t kMaxNameTokens = 4;
// Longest title we read before a name: "U.K. Defense Minister", "Apple Inc. co-founder".
constexpr size_t kMaxTitleTokens = 5;
// Longest apposition between a name that opens its sentence and the speech verb
// that makes it a person: ", of Springfield, Va., said" is 7 tokens.
constexpr uint32_t kMaxAppositionTokens = 12;
// How far after a name that opens its sentence a pronoun shows it is a person's.
constexpr uint32_t kMaxPronounDistance = 16;
// How many persons sharing a surname a bare surname is compared with; a list of
// thousands of one family would otherwise cost the square of its length.
constexpr size_t kMaxSurnameHolders = 8;
// A person's gender read from the pronouns after their name needs this share of the votes.
constexpr double kGenderVoteShare = 2.0 / 3.0;

struct Candidate {
  uint32_t name_first = 0, name_last = 0;  // tokens
  uint32_t start = 0, end = 0;             // bytes of the name
  std::string name;
  std::string title;
  Gender gender = Gender::kUnknown;
  bool titled = false;    // a title or honorific stands before it
  bool evidence = false;  // enough to make a new person
  bool speaks = false;    // a speech verb right before or after it ("DuVernay explained")
};

// "Stoltenberg’s" -> length of "Stoltenberg".
size_t without_possessive(std::string_view w) {
  if (w.size() > 2 && (w.ends_with("'s") || w.ends_with("'S"))) return w.size() - 2;
  if (w.size() > 4 && w.ends_with("\u2019s")) return w.size() - 4;
  return w.size();
}

std::string_view base_lower(const Document& doc, uint32_t i) {
  std::string_view w = doc.lower_word(i);
  return w.substr(0, without_possessive(w));
}

bool is_word(const Document& doc, uint32_t i) { return doc.tokens[i].kind == TokenKind::kWord; }

bool is_acronym(std::string_view w) {
  if (w.size() < 2) return false;
  for (char c : w)
    if (!(c >= 'A' && c <= 'Z') && c != '&') return false;
  return true;
}

// A month's name right after a known given name is a surname: "Theresa May",
// "Brian June".
bool is_surname_month(const Document& doc, uint32_t i) {
  std::string_view lw = base_lower(doc, i);
  return i > 0 && doc.tokens[i].upper && doc.tokens[i - 1].kind == TokenKind::kWord &&
         doc.tokens[i - 1].upper &&
         (lw == "may" || lw == "june" || lw == "april" || lw == "august") &&
         given_name(doc.lower_word(i - 1)) != Gender::kUnknown;
}

// May token i be part of a capitalised run?
bool is_run_token(const Document& doc, uint32_t i) {
  const Token& t = doc.tokens[i];
  if (t.kind != TokenKind::kWord || !t.upper) return false;
  std::string_view lw = base_lower(doc, i);
  if (is_title_head(lw) || is_title_modifier(lw)) return true;
  return !is_name_stop_word(lw) || is_surname_month(doc, i);
}

bool is_name_token(const Document& doc, uint32_t i) {
  const Token& t = doc.tokens[i];
  if (t.kind != TokenKind::kWord) return false;
  std::string_view lw = base_lower(doc, i);
  if (!t.upper) return false;
  if (is_organisation_word(lw) || (is_name_stop_word(lw) && !is_surname_month(doc, i)))
    return false;
  std::string_view w = doc.word(i);
  w = w.substr(0, without_possessive(w));
  if (is_acronym(w)) return false;
  for (char c : w)
    if (c >= '0' && c <= '9') return false;
  return true;
}

bool ends_possessive(const Document& doc, uint32_t i) {
  std::string_view w = doc.word(i);
  return without_possessive(w) != w.size();
}

// 1. The run of capitalised words (with particles inside) that starts at
// token b: its end.
uint32_t run_end(const Document& doc, const Sentence& s, uint32_t b) {
  uint32_t e = b;
  while (e < s.last_token) {
    if (is_run_token(doc, e)) {
      if (ends_possessive(doc, e++)) break;
      continue;
    }
    if (e > b && e + 1 < s.last_token && is_word(doc, e) && is_name_particle(doc.lower_word(e)) &&
        is_run_token(doc, e + 1)) {
      ++e;
      continue;
    }
    break;
  }
  return e;
}

// How a capitalised run [b, e) divides into a title and a name.
struct RunSplit {
  uint32_t title_b = 0;  // the title's first token (a lower-case title may start before b)
  uint32_t name_b = 0;   // the name's first token
  bool titled = false;   // a title or honorific stands before the name
};

// The title inside the run ends at its last title head; an organisation
// before the name joins the title ("Chrysler LLC | Jim Press").
RunSplit split_run(const Document& doc, uint32_t b, uint32_t e) {
  RunSplit split;
  split.title_b = b;
  split.name_b = b;
  for (uint32_t k = b; k < e; ++k)
    if (is_title_head(base_lower(doc, k))) split.name_b = k + 1;
  if (split.name_b == e && e - b >= 3 && given_name(base_lower(doc, b)) != Gender::kUnknown &&
      is_name_token(doc, b + 1))
    split.name_b = b;  // "Martin Luther King": a name that ends like a title
  bool org_before = false;
  for (uint32_t k = split.name_b; k + 1 < e; ++k) {
    if (!is_name_token(doc, k) && !is_name_particle(doc.lower_word(k))) {
      split.name_b = k + 1;
      org_before = true;
    }
  }
  split.titled = split.name_b > b && !org_before;
  for (uint32_t k = b; k < split.name_b && !split.titled; ++k)
    split.titled = is_title_head(base_lower(doc, k));
  return split;
}

// A lower-case title before the run that starts at b ("first lady", "chief
// executive", "former"): it joins the title when it reaches a head, or when the
// run holds a title of its own ("Airbus chief executive", "former President").
void take_title_before(const Document& doc, const Sentence& s, uint32_t b, RunSplit& split) {
  uint32_t left = b;
  bool left_head = false;
  while (left > s.first_token && b - (left - 1) <= kMaxTitleTokens) {
    const uint32_t k = left - 1;
    if (!is_word(doc, k)) break;
    std::string_view lw = doc.lower_word(k);
    if (!doc.tokens[k].upper) {
      if (is_title_head(lw))
        left_head = true;
      else if (!is_title_modifier(lw))
        break;
    } else if (is_name_stop_word(lw) && !is_title_head(lw) && !is_title_modifier(lw)) {
      break;
    }
    left = k;
  }
  if (left_head || (split.titled && left < b)) {
    split.title_b = left;
    split.titled = true;
  }
}

// 2. The name: the capitalised name words from name_b, up to the run's end e.
uint32_t name_end(const Document& doc, uint32_t name_b, uint32_t e) {
  uint32_t name_e = name_b;
  while (name_e < e && (is_name_token(doc, name_e) || (name_e > name_b && name_e + 1 < e &&
                                                       is_name_particle(doc.lower_word(name_e)))))
    ++name_e;
  return name_e;
}

// Is the name [name_b, name_e) of the run ending at e a person's? Not when an
// organisation or place word ends the run ("Jim Press Airlines"), unless the
// name ends in a possessive ("Stoltenberg's NATO").
bool is_person_name(const Document& doc, uint32_t name_b, uint32_t name_e, uint32_t e) {
  if (name_e == name_b) return false;
  if (name_e < e && !ends_possessive(doc, name_e - 1)) return false;
  return name_e - name_b <= kMaxNameTokens;
}

// A title in apposition after the name: "Jusman Syafii Djamal, minister of
// transport", "Steve Jobs, the Apple Chief Executive".
bool has_appositive_title(const Document& doc, const Sentence& s, uint32_t name_e) {
  if (name_e + 1 >= s.last_token || doc.word(name_e) != ",") return false;
  for (uint32_t k = name_e + 1; k < s.last_token && k <= name_e + kMaxTitleTokens; ++k) {
    if (!is_word(doc, k)) break;
    if (is_title_head(doc.lower_word(k))) return true;
  }
  return false;
}

// A sentence that opens with a name and its apposition, then a speech verb:
// "Tobin Marsh, of Springfield, Va., said".
bool speaks_after_apposition(const Document& doc, const Sentence& s, uint32_t name_e) {
  if (name_e + 1 >= s.last_token || doc.word(name_e) != ",") return false;
  for (uint32_t k = name_e + 1; k + 1 < s.last_token && k <= name_e + kMaxAppositionTokens; ++k)
    if (doc.word(k) == "," && is_word(doc, k + 1) && is_speech_verb(doc.lower_word(k + 1)))
      return true;
  return false;
}

// A sentence that opens with a name goes on to call it "he" or "she" before any
// other capitalised word: "Tobin Marsh sold the farm after his son left".
bool pronoun_follows(const Document& doc, const Sentence& s, uint32_t name_e) {
  for (uint32_t k = name_e; k < s.last_token && k < name_e + kMaxPronounDistance; ++k) {
    if (!is_word(doc, k)) continue;
    if (doc.tokens[k].upper) return false;
    if (referring_pronoun_gender(doc.lower_word(k)) != Gender::kUnknown) return true;
  }
  return false;
}

// The candidate for the name [split.name_b, name_e) with its title, gender,
// and whether the sentence gives enough to make it a new person.
Candidate make_candidate(const Document& doc, const Sentence& s, const RunSplit& split,
                         uint32_t name_e) {
  const uint32_t name_b = split.name_b;
  Candidate c;
  c.name_first = name_b;
  c.name_last = name_e;
  c.start = doc.tokens[name_b].start;
  std::string_view last = doc.word(name_e - 1);
  c.end = doc.tokens[name_e - 1].start + static_cast<uint32_t>(without_possessive(last));
  c.name.assign(doc.text.substr(c.start, c.end - c.start));
  if (split.titled && split.title_b < name_b) {
    const uint32_t tb = doc.tokens[split.title_b].start, te = doc.tokens[name_b - 1].end;
    c.title.assign(doc.text.substr(tb, te - tb));
  }
  c.titled = split.titled;
  std::string_view title_lower = split.titled ? doc.lower_word(name_b - 1) : std::string_view();
  c.gender = title_gender(title_lower);
  const Gender g = given_name(doc.lower_word(name_b));
  if (c.gender == Gender::kUnknown) c.gender = g;
  const size_t n = name_e - name_b;
  const bool speech_after = name_e < s.last_token && is_speech_verb(doc.lower_word(name_e));
  // "said Dante Chinni", "noted NBC's Dante Chinni", "wrote Morning Consult's Cameron Easley".
  uint32_t verb = name_b;
  if (verb > s.first_token && ends_possessive(doc, verb - 1)) {
    --verb;
    while (verb > s.first_token && name_b - verb < kMaxTitleTokens && is_word(doc, verb - 1) &&
           doc.tokens[verb - 1].upper)
      --verb;
  }
  const bool speech_before = verb > s.first_token && is_speech_verb(doc.lower_word(verb - 1));
  c.speaks = speech_after || speech_before;
  c.evidence = split.titled || (n >= 2 && g != Gender::kUnknown) ||
               (n >= 2 && n <= 3 &&
                (c.speaks || has_appositive_title(doc, s, name_e) ||
                 (name_b == s.first_token && speaks_after_apposition(doc, s, name_e)))) ||
               (n >= 2 && name_b == s.first_token && pronoun_follows(doc, s, name_e));
  if (split.titled && is_honorific(title_lower) && c.title == doc.word(name_b - 1)) c.title.clear();
  return c;
}

// The person candidates of sentence s, in order.
void read_sentence(const Document& doc, const Sentence& s, std::vector<Candidate>& out) {
  uint32_t i = s.first_token;
  while (i < s.last_token) {
    if (!is_run_token(doc, i)) {
      ++i;
      continue;
    }
    const uint32_t b = i, e = run_end(doc, s, b);
    i = e;
    RunSplit split = split_run(doc, b, e);
    take_title_before(doc, s, b, split);
    const uint32_t name_e = name_end(doc, split.name_b, e);
    if (is_person_name(doc, split.name_b, name_e, e))
      out.push_back(make_candidate(doc, s, split, name_e));
  }
}

std::string_view first_word(std::string_view name) { return name.substr(0, name.find(' ')); }
std::string_view last_word(std::string_view name) {
  size_t p = name.rfind(' ');
  return p == std::string_view::npos ? name : name.substr(p + 1);
}
bool single_word(std::string_view name) { return name.find(' ') == std::string_view::npos; }

void add_title(lede::Entity& e, const std::string& title) {
  if (title.empty()) return;
  if (std::find(e.titles.begin(), e.titles.end(), title) == e.titles.end())
    e.titles.push_back(title);
}

// 4. A person whose name and titles tell no gender takes the one that the
// pronouns after their name tell, in sentences that name no one else
// ("Tobin Marsh, of Springfield, Va., said he had served"), when most of
// them agree.
void learn_genders(const Document& doc, People& people) {
  std::vector<uint32_t> male(people.persons.size(), 0), female(people.persons.size(), 0);
  size_t m = 0;
  for (const Sentence& s : doc.sentences) {
    while (m < people.mentions.size() && people.mentions[m].first_token < s.first_token) ++m;
    size_t e = m;
    bool one_person = true;
    while (e < people.mentions.size() && people.mentions[e].first_token < s.last_token) {
      one_person &= people.mentions[e].person == people.mentions[m].person;
      ++e;
    }
    if (e == m || !one_person) continue;
    const uint32_t p = people.mentions[m].person;
    if (people.genders[p] != Gender::kUnknown) continue;
    for (uint32_t k = people.mentions[m].last_token; k < s.last_token; ++k) {
      if (!is_word(doc, k)) continue;
      const Gender g = referring_pronoun_gender(doc.lower_word(k));
      male[p] += g == Gender::kMale;
      female[p] += g == Gender::kFemale;
    }
  }
  for (size_t p = 0; p < people.persons.size(); ++p) {
    if (people.genders[p] != Gender::kUnknown) continue;
    const double votes = male[p] + female[p];
    if (votes == 0) continue;
    if (male[p] >= kGenderVoteShare * votes) people.genders[p] = Gender::kMale;
    if (female[p] >= kGenderVoteShare * votes) people.genders[p] = Gender::kFemale;
  }
}

}  // namespace

const PersonMention* People::mention_at(uint32_t token) const {
  auto it = std::upper_bound(mentions.begin(), mentions.end(), token,
                             [](uint32_t t, const PersonMention& m) { return t < m.first_token; });
  if (it == mentions.begin()) return nullptr;
  --it;
  return token < it->last_token ? &*it : nullptr;
}

const PersonMention* People::mention_before(uint32_t token) const {
  auto it = std::lower_bound(mentions.begin(), mentions.end(), token,
                             [](const PersonMention& m, uint32_t t) { return m.first_token < t; });
  if (it == mentions.begin()) return nullptr;
  return &*(it - 1);
}

People find_people(const Document& doc, core::Deadline* deadline) {
  People people;
  std::vector<Candidate> candidates;
  for (const Sentence& s : doc.sentences) {
    read_sentence(doc, s, candidates);
    if (deadline != nullptr && deadline->expired()) break;
  }

  // 3. Full names with evidence make persons, in order of first mention. Names
  // and surnames are looked up in maps, so a story naming many people costs no
  // more per name than one naming few.
  std::vector<int> owner(candidates.size(), -1);
  std::unordered_map<std::string_view, int> by_name;  // full name -> person
  // last word -> the multi-word persons with it, in order of first mention
  std::unordered_map<std::string_view, std::vector<int>> by_surname;
  // A name is a person when any of its mentions gives evidence, or when its
  // surname alone speaks ("Ava DuVernay" ... "DuVernay explained").
  std::unordered_set<std::string_view> named_with_evidence, speaking_surnames;
  for (const Candidate& cand : candidates) {
    if (cand.evidence) named_with_evidence.insert(cand.name);
    if (cand.speaks && single_word(cand.name)) speaking_surnames.insert(cand.name);
  }
  // The last words of a longer name stand for its person: "Garcia Marquez" for
  // "Gabriel Garcia Marquez". Keys view the candidates' names, as below.
  std::unordered_map<std::string_view, int> by_tail;
  auto add_person = [&](const Candidate& cand) {
    std::string_view name = cand.name;
    for (size_t i = name.find(' '); i != std::string_view::npos; i = name.find(' ', i + 1)) {
      std::string_view tail = name.substr(i + 1);
      if (!single_word(tail)) by_tail.emplace(tail, static_cast<int>(people.persons.size()));
    }
    lede::Entity e;
    e.name = cand.name;
    e.type = "person";
    people.persons.push_back(std::move(e));
    people.genders.push_back(cand.gender);
    return static_cast<int>(people.persons.size() - 1);
  };
  for (size_t c = 0; c < candidates.size(); ++c) {
    const Candidate& cand = candidates[c];
    if (single_word(cand.name)) continue;
    auto found = by_name.find(cand.name);
    int p = found == by_name.end() ? -1 : found->second;
    if (auto tail = by_tail.find(cand.name); p < 0 && tail != by_tail.end()) p = tail->second;
    const bool evidence =
        cand.evidence || named_with_evidence.contains(cand.name) ||
        (cand.name_last - cand.name_first <= 3 && speaking_surnames.contains(last_word(cand.name)));
    if (p < 0 && (evidence || by_surname.contains(last_word(cand.name)))) {
      p = add_person(cand);
      by_name.emplace(cand.name, p);  // keys view the candidates, which outlive the maps
      by_surname[last_word(cand.name)].push_back(p);
    }
    owner[c] = p;
  }
  // The last words of a longer name found later stand for its person.
  for (size_t c = 0; c < candidates.size(); ++c) {
    const Candidate& cand = candidates[c];
    if (owner[c] >= 0 || single_word(cand.name)) continue;
    if (auto found = by_tail.find(cand.name); found != by_tail.end()) owner[c] = found->second;
  }
  // Single names: the first person with that surname (or given name), else a
  // titled single name stands for a person of its own ("President Obama").
  for (size_t c = 0; c < candidates.size(); ++c) {
    const Candidate& cand = candidates[c];
    if (owner[c] >= 0 || !single_word(cand.name)) continue;
    // "Mr. Obama" is not "Michelle Obama": the first of that surname whose
    // gender does not contradict the title's.
    int match = -1;
    if (auto surname = by_surname.find(cand.name); surname != by_surname.end()) {
      const std::vector<int>& same = surname->second;
      for (size_t i = 0; i < same.size() && i < kMaxSurnameHolders; ++i) {
        const int p = same[i];
        const Gender g = people.genders[p];
        if (cand.gender == Gender::kUnknown || g == Gender::kUnknown || g == cand.gender) {
          match = p;
          break;
        }
      }
    }
    // "Obama said" after "President Obama": the person the titled name made.
    if (match < 0) {
      auto found = by_name.find(cand.name);
      match = found == by_name.end() ? -1 : found->second;
    }
    if (match < 0 && cand.titled) {
      match = add_person(cand);
      by_name.emplace(cand.name, match);
    }
    owner[c] = match;
  }
  for (size_t c = 0; c < candidates.size(); ++c) {
    if (owner[c] < 0) continue;
    const Candidate& cand = candidates[c];
    const auto p = static_cast<uint32_t>(owner[c]);
    people.mentions.push_back({cand.start, cand.end, cand.name_first, cand.name_last, p});
    lede::Entity& e = people.persons[p];
    e.mentions.emplace_back(cand.start, cand.end);
    add_title(e, cand.title);
    if (people.genders[p] == Gender::kUnknown) people.genders[p] = cand.gender;
  }
  learn_genders(doc, people);
  (void)first_word;
  return people;
}

}  // namespace lede::analysis
