// Photo captions split into the caption proper and the credit.
//
//   auto c = lede::fields::split_credit(
//       "Biden meets Stoltenberg in the Oval Office. (AP Photo/Manuel Balce Ceneta)");
//   c.caption == "Biden meets Stoltenberg in the Oval Office."
//   c.credit == "AP Photo/Manuel Balce Ceneta"
//
// Recognised: a trailing parenthesised credit, labels ("Photo:", "Foto:",
// "Credit:", "Image:", "Photograph:", "Bild:", "Crédit :", "Photo by"), a "|"
// separator, "©", and a trailing agency phrase ("Jane Doe / AFP via Getty
// Images"). The credit comes back without parentheses, label or "©".
#pragma once

#include <string>
#include <string_view>

namespace lede::fields {

struct CaptionCredit {
  std::string caption;
  std::string credit;  // empty when the caption names none
};

CaptionCredit split_credit(std::string_view caption);

// True when `text` (a whole line or a parenthesised group) reads like a photo
// credit: "AP Photo/...", "Getty Images", "Reuters", "Foto: dpa".
bool looks_like_credit(std::string_view text);

// True for a news agency or photo agency name as written in credits and
// bylines: "AP", "Associated Press", "Reuters", "AFP", "dpa", "Getty Images".
bool is_agency_name(std::string_view name);

}  // namespace lede::fields
