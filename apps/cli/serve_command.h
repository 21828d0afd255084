// `lede serve`: the corpus behind a local web page and a JSON API.
//
//   GET  /api/search?q=&limit=&offset=   stories matching, as `lede search`
//   GET  /api/quotes?q=&limit=&offset=   quotes matching, as `lede search --quotes`
//   GET  /api/article/ID                 the full record
//   GET  /api/stats, /healthz
//   POST /api/extract?url=               the record of the page in the body (not stored)
//
// The corpus is opened read-only. Every response carries a
// Content-Security-Policy that allows scripts from the server only (no
// inline scripts) and no requests elsewhere. Static files are the ones built
// into the binary (web_files.h), looked up by exact path, so no request can
// reach the file system. --open asks xdg-open to show the address once the
// server listens, and serves on whether or not a browser came up.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <string>

namespace lede::cli {

class ServeCommand {
 public:
  // Adds the `serve` subcommand to `app`.
  explicit ServeCommand(CLI::App& app);
  bool chosen() const { return command_->parsed(); }
  std::string help() const { return command_->help(); }
  // Serves until SIGINT or SIGTERM; returns the exit code (2 when the
  // corpus cannot be opened or the address cannot be bound).
  int run();

 private:
  CLI::App* command_ = nullptr;
  std::string db_;  // "" means $LEDE_DB or ./lede.db
  std::string host_ = "127.0.0.1";
  int port_ = 8080;
  uint64_t max_body_ = 0;  // set from lede::Limits in the constructor
  unsigned threads_ = 8;
  bool open_ = false;  // --open: show the address in the user's browser
  // A query slower than this answers 503 rather than hold a worker: the
  // corpus answers narrow queries in milliseconds, broad ones within a second.
  uint32_t max_query_millis_ = 5'000;
};

}  // namespace lede::cli
