// A run over files for Python's extract_file: the same inputs the CLI reads
// (pages, gzip, directories walked in sorted order, WARC archives), the same
// records, in input order. One reader thread walks and reads the inputs,
// `jobs` workers each with their own Extractor make the records, and the
// caller takes them one at a time with next(), which blocks until the next
// record in input order is ready.
//
// Reading an input and making an item's record are the CLI's own steps
// (apps/cli/run_items.h), so records, warnings and counts are the CLI's.
//
// The reader runs at most a fixed number of items (and bytes) ahead of the
// caller, so memory stays flat however long the crawl and however slowly the
// caller consumes. close(), or destroying the run, stops the threads and joins
// them.
//
// Thread safety: next() and close() are called by one thread at a time.
#pragma once

#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "lede/lede.h"
#include "lede/warc.h"
#include "ordered_pool.h"  // the CLI's scheduling of a run
#include "run_items.h"     // the CLI's steps of a run

namespace lede::python {

using cli::From;

// One input's outcome: a record (JSON, as the CLI writes it without the
// newline) or an error record with its code and message.
struct RunRecord {
  std::string json;
  std::string error_code;  // "" for an article record
  std::string error_message;
};

class FileRun : private cli::ItemSink {
 public:
  FileRun(std::vector<std::string> paths, Options options, From from, unsigned jobs);
  ~FileRun();
  FileRun(const FileRun&) = delete;
  FileRun& operator=(const FileRun&) = delete;

  // The next record in input order, or nothing at the end. Blocks.
  std::optional<RunRecord> next();
  // Stops the reader and the workers and joins them; next() then gives
  // nothing. Idempotent; the destructor calls it.
  void close();
  // Records passed over so far (WARC requests, non-200 responses, non-HTML
  // payloads), by reason, as the CLI's summary counts them.
  std::map<std::string, uint64_t> skipped();
  // Of the records taken so far: articles without a body, and records made
  // from input that ends early, as the CLI's summary counts them.
  uint64_t no_content();
  uint64_t truncated();

 private:
  using Item = cli::Item;
  struct Done {
    std::optional<RunRecord> record;  // nothing when the item was skipped
    std::string skipped;
    bool no_content = false;
    bool truncated = false;
  };

  void read_all();
  // cli::ItemSink: where the reader puts what it reads.
  bool push(Item item) override { return pool_.push(std::move(item)); }
  WarcRecord spare_record() override { return pool_.spare_record(); }
  void count_skip(const std::string& reason) override;
  Done process(Extractor& extractor, const Item& item) const;

  std::vector<std::string> paths_;
  Options options_;
  From from_;
  cli::OrderedPool<Done> pool_;  // the reader, the workers and the order of records
  std::vector<Done> ready_;      // taken from the pool; next() returns them from next_ready_
  size_t next_ready_ = 0;
  // close() was called (next() and close() are the caller's, one at a time).
  bool closed_ = false;
  std::mutex mu_;  // guards the counts below
  std::map<std::string, uint64_t> skipped_;
  uint64_t no_content_ = 0, truncated_ = 0;
  std::thread reader_;
};

}  // namespace lede::python
