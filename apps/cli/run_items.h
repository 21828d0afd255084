// The steps of an extract run that do not depend on how the run is scheduled
// or where its records go: reading one input into items (a page, the pages of
// an archive, or a failure), and making the record of one item. `lede extract`
// (extract_command.cc) and the Python module's file runner
// (bindings/python/src/file_run.cc, which compiles this file) both run these,
// so a file gives the same record, warnings and counts through either.
//
// Thread safety: read_input runs on one thread per sink; process_item on any
// number of threads, each with its own Extractor.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "inputs.h"
#include "lede/lede.h"
#include "lede/warc.h"

namespace lede::cli {

// What the inputs are: sniffed per input (auto), or all one kind.
enum class From { kAuto, kHtml, kText, kWarc };

// One unit of work, in input order.
struct Item {
  enum class Kind { kPage, kRecord, kFailure };
  Kind kind = Kind::kPage;
  std::string path;
  std::string bytes;         // kPage
  WarcRecord record;         // kRecord
  Error error;               // kFailure
  uint64_t bytes_read = 0;   // kFailure: what was read of the input before it failed
  bool resume_drop = false;  // its output may already be in the resumed file (lede extract)
  uint64_t size() const { return bytes.size() + record.block.size(); }
};

// Where read_input puts what it reads.
class ItemSink {
 public:
  // Takes the next item in input order; false when the run stops reading.
  virtual bool push(Item item) = 0;
  // An archive record that never holds a page (a request, metadata), by reason.
  virtual void count_skip(const std::string& reason) = 0;
  // A record whose storage may be reused, or a new one.
  virtual WarcRecord spare_record() { return WarcRecord{}; }
  // Input bytes read (for a progress line).
  virtual void count_read(uint64_t bytes) {}

 protected:
  ~ItemSink() = default;
};

struct ReadSettings {
  From from = From::kAuto;
  Limits limits;
  bool dash_is_stdin = false;         // the path "-" reads standard input
  std::optional<FileId> output_id;    // the run's output file, refused as an input
  std::string_view raise_limit_hint;  // how the caller raises the input limit, for its message
};

// Reads one input into `sink`: a page, each page-holding record of an
// archive, or a failure item saying why it could not be read. With
// `resume_offset`, the input is an archive a resumed run goes on in, after
// its record at that offset.
void read_input(const Input& input, const ReadSettings& settings, ItemSink& sink,
                std::optional<uint64_t> resume_offset = std::nullopt);

// What one item gave: an article, an error (with the source its error record
// names), or nothing (an archive record passed over).
struct ItemResult {
  std::optional<Article> article;
  std::optional<Error> error;
  Source source;            // the error record's source
  std::string where;        // the path, with the record offset in an archive
  std::string skipped;      // why the record was passed over; nothing is written
  std::string explanation;  // how the body was found, when asked for
  bool truncated = false;   // made from an input that ends early
  bool no_content = false;  // an article without a body
};

// The record of one item, as `lede extract` makes it: the options are the
// run's (`from` overrides their input format), each item adds its path, and
// an archive record its address, charset and source; a payload the crawler
// cut (WARC-Truncated) is said in the warnings, or in the error message when
// it gave no article. With `explain`, how the body was found.
ItemResult process_item(Extractor& extractor, const Item& item, const Options& run_options,
                        From from, bool explain = false);

}  // namespace lede::cli
