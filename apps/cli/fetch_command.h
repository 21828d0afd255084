// `lede fetch`: the subcommand's flags (see src/fetch/run.h for the run).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "fetch/feeds.h"
#include "fetch/run.h"

namespace lede::cli {

class FetchCommand {
 public:
  // Adds the `fetch` subcommand to `app`.
  explicit FetchCommand(CLI::App& app);
  bool chosen() const { return command_->parsed(); }
  std::string help() const { return command_->help(); }
  // Runs the parsed command; returns the exit code.
  int run();

 private:
  CLI::App* command_ = nullptr;
  fetch::FetchConfig config_;
  double delay_ = -1;
};

}  // namespace lede::cli
