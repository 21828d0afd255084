// `lede ingest`, `lede search` and `lede stats`: the corpus commands, over
// include/lede/store.h. main.cc registers them with add_store_commands()
// and, after parsing, hands over to run_store_command().
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "extract_command.h"
#include "lede/store.h"

namespace lede::cli {

struct StoreCommands {
  CLI::App* ingest = nullptr;
  CLI::App* search = nullptr;
  CLI::App* stats = nullptr;
  std::string db;  // --db; "" means $LEDE_DB or ./lede.db
  // ingest
  ExtractConfig extract;
  bool no_analyze = false;
  uint32_t batch = lede::StoreOptions().batch_articles;  // --batch
  // search
  std::string query;
  std::string format;  // search: jsonl or text; stats: json or text
  uint32_t limit = 10;
  uint32_t offset = 0;
  bool count = false;
  bool quotes = false;
  bool all_copies = false;
};

void add_store_commands(CLI::App& app, StoreCommands& commands);

// The exit status when one of the corpus commands ran, nullopt otherwise.
std::optional<int> run_store_command(StoreCommands& commands);

// The help text of `lede help TOPIC` for a corpus command, "" for others.
std::string store_command_help(const StoreCommands& commands, const std::string& topic);

}  // namespace lede::cli
