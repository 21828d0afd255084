// A run over files for Python's extract_file: the same inputs the CLI reads
// (pages, gzip, directories walked in sorted order, WARC archives), the same
// records, in input order. One reader thread walks and reads the inputs,
// `jobs` workers each with their own Extractor make the records, and the
// caller takes them one at a time with next(), which blocks until the next
// record in input order is ready.
//
// The reader runs at most a fixed number of items (and bytes) ahead of the
// caller, so memory stays flat however long the crawl and however slowly the
// caller consumes. Destroying the run stops the threads and joins them.
//
// Thread safety: next() is called by one thread at a time.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "lede/lede.h"
#include "lede/warc.h"

namespace lede::python {

enum class From { kAuto, kHtml, kText, kWarc };

// One input's outcome: a record (JSON, as the CLI writes it without the
// newline) or an error record with its code and message.
struct RunRecord {
  std::string json;
  std::string error_code;  // "" for an article record
  std::string error_message;
};

class FileRun {
 public:
  FileRun(std::vector<std::string> paths, Options options, From from, unsigned jobs);
  ~FileRun();
  FileRun(const FileRun&) = delete;
  FileRun& operator=(const FileRun&) = delete;

  // The next record in input order, or nothing at the end. Blocks.
  std::optional<RunRecord> next();
  // Records passed over so far (WARC requests, non-200 responses, non-HTML
  // payloads), by reason, as the CLI's summary counts them.
  std::map<std::string, uint64_t> skipped();

 private:
  struct Item {
    enum class Kind { kPage, kRecord, kFailure };
    Kind kind = Kind::kPage;
    std::string path;
    std::string bytes;  // kPage
    WarcRecord record;  // kRecord
    Error error;        // kFailure
    uint64_t size() const { return bytes.size() + record.block.size(); }
  };
  struct Done {
    std::optional<RunRecord> record;  // nothing when the item was skipped
    std::string skipped;
    uint64_t size = 0;
  };

  void read_all();
  void read_input(const std::string& path, const std::string& listing_error);
  void read_archive(const std::string& path, int fd, std::string head);
  bool push(Item item);
  void work();
  Done process(Extractor& extractor, const Item& item) const;

  std::vector<std::string> paths_;
  Options options_;
  From from_;
  size_t window_;

  std::mutex mu_;
  std::condition_variable work_cv_, room_cv_, done_cv_;
  std::deque<std::pair<uint64_t, Item>> queue_;
  std::map<uint64_t, Done> done_;
  uint64_t pushed_ = 0, taken_ = 0;
  uint64_t bytes_ahead_ = 0;
  bool reader_done_ = false;
  bool stop_ = false;
  std::map<std::string, uint64_t> skipped_;

  std::thread reader_;
  std::vector<std::thread> workers_;
};

}  // namespace lede::python
