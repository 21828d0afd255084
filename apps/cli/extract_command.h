// `lede extract`: the streaming run over all inputs.
//
// One reader thread walks the inputs, reads files and splits archives into
// records; N workers, each with its own Extractor, turn them into records;
// the calling thread writes the results in input order. The reader may run
// at most a fixed number of items (and bytes) ahead of the writer, so memory
// stays flat on an endless stream.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "lede/lede.h"
#include "run_items.h"

namespace lede::cli {

enum class Format { kJsonl, kJson, kText, kMarkdown };

struct ExtractConfig {
  std::vector<std::string> inputs;  // files, directories, "-"
  std::string files_from;           // a file of paths, one a line; "-" is stdin
  From from = From::kAuto;
  Options options;  // url, limits; path is set per input
  Format format = Format::kJsonl;
  std::string output;    // "" is stdout
  unsigned jobs = 0;     // 0: all cores
  bool quiet = false;    // no progress line, no summary
  bool follow = false;   // walks enter symbolic links to directories
  bool resume = false;   // go on with the run whose output is `output`
  bool explain = false;  // write how each body was found before its record
  // When set (lede ingest), each article record goes here as one line of
  // JSON instead of to the output, on the writing thread, and failed inputs
  // are reported on stderr. Returning false ends the run with status 2 (the
  // sink has said why).
  std::function<bool(std::string_view record)> sink;
};

// Runs the command; returns the exit code (0 all good, 1 some input failed,
// 2 fatal). A closed output pipe ends the process at once with 0; SIGINT and
// SIGTERM end it, once the records under way are written, with 130 or 143.
// The output is never an input: an output file that is one of the named
// inputs is refused (2), and walks pass over it.
int run_extract(ExtractConfig config);

}  // namespace lede::cli
