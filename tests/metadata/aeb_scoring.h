// Scores records (lede's JSON shape: title, published, authors, site.name,
// language) against aeb_annotations.json. Shared by the AEB gate and by the
// side-by-side comparison with Readability.js.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "gate_support.h"

namespace lede::metadata_gate {

// Field name -> tally. "authors" is strict (the same set of names); "byline" is
// the looser test a free-text byline can pass (every annotated name in it,
// nothing much else), so a peer that reports one string is judged fairly.
std::map<std::string, Tally> score_aeb(const nlohmann::json& annotations,
                                       const std::map<std::string, nlohmann::json>& records);

}  // namespace lede::metadata_gate
