// Reads the TempEval-3 training corpus (TimeBank 1.2 and AQUAINT, "TBAQ-cleaned")
// from LEDE_DATA_DIR/tbaq: each article's <TEXT> with its tags removed (entities
// decoded, byte offsets into that text), its TIMEX3s as gold spans, and the value
// of its creation time (the CREATION_TIME TIMEX3 in <DCT>) as the reference date.
// Scored with score_times (meantime.h), as TempEval-3 scores: relaxed (overlap)
// and strict (equal) spans, value and type of relaxed matches.
#pragma once

#include <string>
#include <vector>

#include "meantime.h"

namespace lede::analysis_test {

std::string tbaq_dir();  // LEDE_DATA_DIR/tbaq, or "" when absent

// The articles of one half ("TimeBank" or "AQUAINT"), sorted by file name; empty
// when absent. Articles reuse MeantimeArticle: the whole text is annotated.
std::vector<MeantimeArticle> read_tbaq_half(const std::string& half);

// The article of one .tml file.
MeantimeArticle read_tbaq_article(const std::string& path);

}  // namespace lede::analysis_test
