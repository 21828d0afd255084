// Reading web archives: WARC 1.0 and 1.1, plain or gzip-compressed record by
// record (.warc.gz), as Common Crawl and CC-NEWS ship them.
//
//   auto reader = lede::WarcReader::open("CC-NEWS-2024.warc.gz");
//   if (!reader) return fail(reader.error());
//   lede::Extractor extractor;
//   while (std::optional<lede::WarcRecord> record = reader->next()) {
//     lede::Result<lede::WarcPage> page = lede::page_from_record(*record);
//     if (!page) { report(record->offset, page.error()); continue; }
//     if (!page->skipped.empty()) continue;    // a request, a 404, an image...
//     lede::Options options;
//     options.url = record->target_uri;
//     options.http_charset = page->charset;
//     auto article = extractor.extract(page->body, options);
//   }
//
// The reader streams: it holds one record at a time, however long the
// archive, and never more than Limits::max_input_bytes of a record's block.
// Damage does not stop it: a truncated archive, a corrupt gzip member or a
// Content-Length that lies yields a record carrying an error, and reading
// goes on with the next record that can be found.
//
// Thread safety: a WarcReader is used by one thread at a time;
// page_from_record() may be called from any thread.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "lede/lede.h"
#include "lede/result.h"

namespace lede {

// One WARC record: its named headers and its block (the bytes after the
// header, Content-Length of them).
struct WarcRecord {
  // Where the record starts in the archive file: the offset of its gzip
  // member for .warc.gz (the offset CDX indexes give), of its "WARC/" line
  // otherwise.
  uint64_t offset = 0;
  std::string type;             // WARC-Type, lower case: "response", "request", ...
  std::string target_uri;       // WARC-Target-URI
  std::string date;             // WARC-Date
  std::string record_id;        // WARC-Record-ID
  std::string content_type;     // Content-Type of the block, e.g.
                                // "application/http; msgtype=response"
  uint64_t content_length = 0;  // as the header says
  std::string truncated;        // WARC-Truncated: why the crawler cut the payload, or ""
  std::string block;            // the block; only its first bytes when `error` is kTooLarge
  // Set when the record could not be read whole: kBadArchive (truncated,
  // corrupt gzip member, lying Content-Length, not a WARC record) or
  // kTooLarge (block over Limits::max_input_bytes). The headers above are
  // filled as far as they could be read.
  std::optional<Error> error;
};

class WarcReader {
 public:
  // Opens `path` ("-" is stdin). Compression is recognised from the first
  // bytes, not the name. Fails with kIo when the file cannot be opened.
  static Result<WarcReader> open(const std::string& path, const Limits& limits = {});
  // Reads from the open descriptor `fd` (which the reader does not close),
  // after `head`: bytes already read from it, e.g. to sniff the format.
  // `start_offset` is the file offset `fd` was at before `head` was read
  // from it (a record offset sought to, to go on reading from there);
  // record offsets and bytes_read() count from the start of the file.
  static WarcReader from_fd(int fd, std::string head, const Limits& limits = {},
                            uint64_t start_offset = 0);

  WarcReader(WarcReader&&) noexcept;
  WarcReader& operator=(WarcReader&&) noexcept;
  ~WarcReader();

  // The next record, or std::nullopt at the end of the archive.
  std::optional<WarcRecord> next();
  // Reads the next record into `record`, reusing the storage of its strings
  // (a loop that hands records to other threads can recycle them rather
  // than allocate a block per record); false at the end of the archive.
  bool next(WarcRecord& record);

  // Bytes taken from the file so far (compressed bytes for .warc.gz).
  uint64_t bytes_read() const;
  // Bytes of WARC data so far (after decompression).
  uint64_t bytes_inflated() const;

 private:
  struct Impl;
  explicit WarcReader(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// What a record holds for extraction.
struct WarcPage {
  // Why the record has no page, or "" when it has one. Reasons: the record
  // type ("request", "metadata", "warcinfo", "revisit", "conversion",
  // "continuation", "other"), "http_<status>" for a response other than
  // 200, "not_html" for another media type.
  std::string skipped;
  int status = 0;          // HTTP status; 0 for resource records
  std::string media_type;  // lower case, without parameters; "" when not given
  std::string charset;     // from the HTTP Content-Type, "" when not given
  std::string body;        // the payload, de-chunked and inflated
  // Why the body is shorter than the payload sent, or "" when it is whole:
  // the compressed payload or the chunked transfer ends early or is corrupt
  // (the body is what came before), or the crawler cut the download
  // (WARC-Truncated). Says how many bytes there were.
  std::string truncated;
};

// Turns a response or resource record into its page: parses the HTTP
// header, undoes Transfer-Encoding: chunked and Content-Encoding gzip or
// deflate (inflating at most limits.max_input_bytes). Errors: the record's
// own error (unless the record would be skipped anyway), kBadArchive for a
// malformed HTTP message or payload encoding, kTooLarge.
Result<WarcPage> page_from_record(const WarcRecord& record, const Limits& limits = {});

// True when `head`, the first bytes of an input, starts a WARC archive:
// "WARC/1." or a gzip member whose data starts so.
bool looks_like_warc(std::string_view head);

}  // namespace lede
