// People named in article text: one entry per person, with the titles the
// story gives them and every mention of their name.
//
//   Document doc = segment(article.text);
//   People people = find_people(doc);
//   people.persons[0].name;      // "Jens Stoltenberg"
//   people.persons[0].titles;    // {"NATO Secretary-General"}
//
// Steps (repeated as // 1., // 2. in people.cc):
//   1. Read runs of capitalised words per sentence; split a leading title off
//      ("U.K. Defense Minister | Ben Wallace"), also a lower-case one before
//      the run ("first lady | Jill Biden").
//   2. Keep runs that name a person: a title, a known given name, a speech
//      verb beside a two- or three-word name (or its apposition, or its surname
//      alone, anywhere in the story), or a "he"/"she" after a name that opens
//      its sentence; drop organisations and places.
//   3. Full names become persons (same name, same person); a longer name's last
//      words ("Garcia Marquez") are its person; bare surnames and titled single names
//      ("Biden", "Mr. Howard") go to the first person introduced with that
//      surname whose gender the title does not contradict, so "Jill Biden" stays
//      apart from "Joe Biden" and "Mr. Obama" from "Michelle Obama".
//   4. A person whose name and titles tell no gender takes the one the
//      pronouns after their name tell, when most agree.
// Thread safe; no state between calls.
#pragma once

#include <cstdint>
#include <vector>

#include "lede/article.h"
#include "analysis/lexicon.h"
#include "analysis/sentences.h"

namespace lede::analysis {

struct PersonMention {
  uint32_t start = 0, end = 0;               // the name, without title or "'s"
  uint32_t first_token = 0, last_token = 0;  // [first, last) tokens of the name
  uint32_t person = 0;                       // index into People::persons
};

struct People {
  std::vector<lede::Entity> persons;    // type "person"; mentions filled
  std::vector<Gender> genders;          // parallel to persons
  std::vector<PersonMention> mentions;  // in text order

  // The mention holding token i, or nullptr.
  const PersonMention* mention_at(uint32_t token) const;
  // The last mention that starts before token i, or nullptr.
  const PersonMention* mention_before(uint32_t token) const;
};

// Stops reading sentences once `deadline` (if any) expires.
People find_people(const Document& doc, core::Deadline* deadline = nullptr);

}  // namespace lede::analysis
