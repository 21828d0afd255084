// `lede extract`: the streaming run over all inputs.
//
// One reader thread walks the inputs, reads files and splits archives into
// records; N workers, each with its own Extractor, turn them into records;
// the calling thread writes the results in input order. The reader may run
// at most a fixed number of items (and bytes) ahead of the writer, so memory
// stays flat on an endless stream.
#pragma once

#include <string>
#include <vector>

#include "lede/lede.h"

namespace lede::cli {

enum class Format { kJsonl, kJson, kText, kMarkdown };
enum class From { kAuto, kHtml, kText, kWarc };

struct ExtractConfig {
  std::vector<std::string> inputs;  // files, directories, "-"
  std::string files_from;           // a file of paths, one a line; "-" is stdin
  From from = From::kAuto;
  Options options;  // url, limits; path is set per input
  Format format = Format::kJsonl;
  std::string output;    // "" is stdout
  unsigned jobs = 0;     // 0: all cores
  bool quiet = false;    // no progress line, no summary
  bool explain = false;  // write how each body was found before its record
};

// Runs the command; returns the exit code (0 all good, 1 some input failed,
// 2 fatal). A closed output pipe ends the process at once with 0.
int run_extract(ExtractConfig config);

}  // namespace lede::cli
