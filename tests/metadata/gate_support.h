// Comparisons shared by the metadata gates: how two titles, days, bylines,
// languages and names are judged the same, tallies, and the list of pages
// where lede is right and the reference is not.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace lede::metadata_gate {

// Lower-case letters and digits only (ASCII and Latin-1 case folded; other
// scripts kept as they are); punctuation, quotes, dashes and spaces dropped.
std::string key(std::string_view s);

// Same headline, ignoring case, punctuation and spacing.
bool same_title(std::string_view ours, std::string_view theirs);
// "2023-06-13" from any value that starts with an ISO date; "" otherwise.
std::string day_of(std::string_view value);
// Authors against a free-text byline: both empty, or every author appears in it.
bool same_byline(const std::vector<std::string>& ours, std::string_view theirs);
// Authors against annotated authors: the same names in any order.
bool same_authors(const std::vector<std::string>& ours, const std::vector<std::string>& theirs);
// Same primary language subtag ("en" and "en-US" agree).
bool same_language(std::string_view ours, std::string_view theirs);
// Same site name, ignoring case, punctuation and a leading "the".
bool same_name(std::string_view ours, std::string_view theirs);

std::string join(const std::vector<std::string>& names);

struct Tally {
  size_t pages = 0;   // pages where the field was judged
  size_t agree = 0;   // including listed disagreements
  size_t listed = 0;  // disagreements where lede is right (from the list)
  std::vector<std::string> misses;
  double share() const { return pages == 0 ? 1.0 : static_cast<double>(agree) / pages; }
};

std::string report_line(std::string_view field, const Tally& t);

// One row of READABILITY_DISAGREEMENTS.md: | page | field | lede's value | reason |
struct Disagreement {
  std::string page, field, lede_value, reason;
};

std::vector<Disagreement> read_disagreements(const std::filesystem::path& path);

// The entry for this page and field, if lede still gives the value it lists.
const Disagreement* find_disagreement(const std::vector<Disagreement>& list,
                                      std::string_view page, std::string_view field,
                                      std::string_view ours);

}  // namespace lede::metadata_gate
