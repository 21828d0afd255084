// The dateline that opens a wire-style lead paragraph.
//
//   auto d = lede::fields::find_dateline("WASHINGTON (AP) — NATO Secretary-General ...");
//   d->place == "WASHINGTON"; d->agency == "AP"; text.substr(d->end) starts "NATO".
//
// Recognised shapes: "PLACE —", "PLACE, Region —", "PLACE (AGENCY) —",
// "PLACE, June 13 (Reuters) -", "BERLIN, 13. Juni (dpa) -", "Sevilla, 5 jul (EFE).-",
// "Place (AGENCY)Text".
// A place in capitals needs a dash or colon after it; a place in title case
// needs the agency in parentheses. Ordinary sentences do not match.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace lede::fields {

struct DatelineMatch {
  std::string place;      // "WASHINGTON", "KYIV, Ukraine"
  std::string agency;     // "AP", "Reuters", "dpa"; empty when none is named
  std::string date_text;  // "June 13", "13. Juni"; empty when none is written
  size_t end = 0;         // byte offset where the story proper begins
};

std::optional<DatelineMatch> find_dateline(std::string_view paragraph);

}  // namespace lede::fields
