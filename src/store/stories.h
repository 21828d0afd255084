// Story clusters: each article joins the story of the earlier article its
// body nearly copies, or starts its own (near_duplicates.h has the measure).
#pragma once

#include <cstdint>
#include <string_view>

#include "lede/result.h"
#include "store/db.h"

namespace lede::store {

// The story article `id` (already inserted) belongs to: the story of the
// earlier article whose body it most nearly copies, else its own id. Also
// records the body's band keys, so that later copies find it.
Result<int64_t> assign_story(StmtCache& db, int64_t id, std::string_view body);

}  // namespace lede::store
