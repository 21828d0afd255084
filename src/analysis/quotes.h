// Who said what: direct, partial and indirect quotes with their speakers.
//
//   Document doc = segment(article.text);
//   People people = find_people(doc);
//   std::vector<lede::Quote> quotes = find_quotes(doc, people);
//   // {"The support that we are providing ...", speaker "Jens Stoltenberg",
//   //  cue "said", kind "direct"}
//
// Steps (repeated as // 1., // 2. in quotes.cc):
//   1. Pair quotation marks per paragraph: “…”, "…", «…», „…“, ‘…’ when no
//      double quote is open. A paragraph that ends inside a quote continues
//      it when the next paragraph opens with a mark (news style for quotes
//      running over several paragraphs).
//   2. Classify: a quote that is a sentence or a clause ("…,” she said) is
//      direct; words quoted inside the writer's own sentence are partial;
//      a single quoted word is a scare quote and dropped.
//   3. Attribute: a speech verb and its subject after the quote
//      ("…,” Stoltenberg said / said Stoltenberg, who …) or before it
//      ("He added, “…”"); else the speaker of the paragraph's other quote,
//      or of the quote that the paragraph continues (then the quote is that
//      record's next part), or of a report just before it in the paragraph.
//      Words quoted twice in one report are one record with two parts.
//   4. Indirect speech: "X said (that) …", "X told Y that …", "according to X",
//      "asked whether …", "called for …"; a reported clause that a direct quote
//      closes takes the quote in.
//      A subject's owner or modifier ("Trump's campaign", "the Trump
//      campaign") is not the speaker; the phrase is.
//   5. Speakers: a name is the person's full name as first given. "he" and
//      "she" follow a chain of names and pronouns outside quotation marks to
//      the person they refer to (the first compatible one in the sentence, else
//      in the nearest sentence before), unless the last speaker spoke since;
//      "the senator", "the former president" are the person given that title;
//      a quote nothing attributes is the person's who opens the sentence before
//      it. Other subjects ("the company", "a spokesman") are kept as written;
//      a pronoun left unresolved gives no speaker, never the pronoun.
// Offsets: [start, end) is the quoted text without its marks. Thread safe.
#pragma once

#include <vector>

#include "analysis/people.h"
#include "analysis/sentences.h"
#include "lede/article.h"

namespace lede::analysis {

// Stops after the sentence in which `deadline` (if any) expires.
std::vector<lede::Quote> find_quotes(const Document& doc, const People& people,
                                     core::Deadline* deadline = nullptr);

}  // namespace lede::analysis
