// Headlines: comparing them, and taking a site name off them.
//
//   strip_site_name("Ferry deal signed | Eastport Daily Herald", "Eastport Daily Herald", "")
//       == "Ferry deal signed"
//
// Pure functions, thread safe.
#pragma once

#include <string>
#include <string_view>

namespace lede::metadata {

// A key for comparing headlines and names: lower-case ASCII letters and
// digits and every non-ASCII byte, nothing else ("The N.Y. Times" -> "thenytimes").
std::string comparison_key(std::string_view s);

// `title` without a site name written before or after it and split off by a
// separator (" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " : "). A part is
// a site name when it matches `site_name` or the first label of `domain`
// ("nytimes" for nytimes.com), or looks like a domain itself ("Example.com").
// The title is returned whole when nothing matches or nothing would be left.
std::string strip_site_name(std::string_view title, std::string_view site_name,
                            std::string_view domain);

// For pages that do not name their site: `title` without a short last part
// (at most kMaxUnnamedSiteWords words) after the last separator, when at least
// as many words stand before it ("Lorem ipsum dolor sit amet – My website").
std::string strip_unnamed_site(std::string_view title);

// True when `title` is only short parts between separators, like
// "Gazette Online - Local News": a site and section, not a headline.
bool looks_like_site_and_section(std::string_view title);

// True when `headline` opens `title` and what follows is a separator and a
// short tail ("Headline | Section | Site"): the title is the headline plus
// site furniture.
bool is_headline_with_tail(std::string_view title, std::string_view headline);

}  // namespace lede::metadata
