// Bylines cleaned into person names.
//
//   auto b = lede::fields::parse_byline("By Jane Doe and John Roe, Staff Writers | Updated June 13");
//   b.names == {"Jane Doe", "John Roe"}
//
// Strips the "By" label in English, German, French, Spanish, Italian and Dutch
// ("Von", "Par", "Por", "Di", "Door"), roles ("Staff Writer", "Correspondent"),
// e-mail addresses, "| Updated ..." tails and dates, and splits on "and", "&",
// commas and their translations. Agency and site names posing as authors
// ("AP", "Reuters", "Associated Press", "Staff") go to `agencies`.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace lede::fields {

struct Byline {
  std::vector<std::string> names;     // people, in byline order, without duplicates
  std::vector<std::string> agencies;  // "AP", "Reuters", "Staff"
  bool labelled = false;  // the text opened with a byline label ("By", "Von", ...)
  // A byline label with no name after it ("BY" alone): the caller warns "byline has no name".
  bool missing_name() const { return labelled && names.empty() && agencies.empty(); }
};

Byline parse_byline(std::string_view text);

// True when `line` opens with a byline label: "By Jane Doe", "BY", "Von Max Muster".
bool starts_with_byline_label(std::string_view line);

// True when `s` has the shape of a person's name: 1-5 capitalised words,
// particles allowed ("van", "de", "bin"), no digits.
bool looks_like_person_name(std::string_view s);

}  // namespace lede::fields
