// Scores time expressions on TimeBank and AQUAINT (TempEval-3 training data), each
// half apart and together, for tuning by hand:
//   analysis_tbaq_eval [TimeBank|AQUAINT] [-v]
// -v lists the misses (MISS), wrong values (VALUE) and spurious expressions (EXTRA).
#include <cstdio>
#include <cstring>
#include <iostream>
#include <string>

#include "tbaq.h"

using namespace lede::analysis_test;

namespace {

void print(const char* name, const TimexScores& s) {
  std::printf(
      "%-9s gold %4zu pred %4zu  span F1 relaxed %.4f strict %.4f  value F1 %.4f  type acc %.4f\n",
      name, s.relaxed.gold, s.relaxed.predicted, s.relaxed.f1(), s.strict.f1(), s.value.f1(),
      s.type_accuracy());
}

}  // namespace

int main(int argc, char** argv) {
  const std::string only = argc > 1 && argv[1][0] != '-' ? argv[1] : "";
  const bool verbose = argc > 1 && !std::strcmp(argv[argc - 1], "-v");
  if (tbaq_dir().empty()) {
    std::cerr << "TBAQ not found (set LEDE_DATA_DIR)\n";
    return 2;
  }
  TimexScores all;
  for (const char* half : {"TimeBank", "AQUAINT"}) {
    if (!only.empty() && only != half) continue;
    std::string report;
    const TimexScores s = score_times(read_tbaq_half(half), verbose ? &report : nullptr);
    std::cout << report;
    print(half, s);
    all.relaxed.add(s.relaxed);
    all.strict.add(s.strict);
    all.value.add(s.value);
    all.type.add(s.type);
  }
  if (only.empty()) print("all", all);
}
