// Writing what was fetched as a WARC 1.1 archive: for every exchange a
// request record and a response record, each its own gzip member (so CDX
// offsets and `lede extract` read them one by one).
//
// The response block is the HTTP message as lede received it, with two
// changes a reader needs: the payload is stored decoded (libcurl undoes
// Content-Encoding and chunking while downloading), so Content-Encoding
// is kept as X-Lede-Original-Content-Encoding, Transfer-Encoding is
// dropped and Content-Length is the stored payload's. A payload cut at the
// size limit is marked WARC-Truncated: length.
//
// Thread safety: one writer is used by one thread.
#pragma once

#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "lede/result.h"

namespace lede::fetch {

struct Exchange {
  std::string url;
  std::string date;           // WARC-Date, ISO 8601 UTC
  std::string ip;             // WARC-IP-Address, when known
  std::string request;        // the request header as sent
  std::string response_head;  // status line and header lines as received
  std::string_view payload;   // the decoded payload
  bool truncated = false;
};

class WarcWriter {
 public:
  // Opens `path` for writing (truncating it); kIo when it cannot.
  static Result<WarcWriter> open(const std::string& path);
  WarcWriter(WarcWriter&&) noexcept;
  WarcWriter& operator=(WarcWriter&&) noexcept;
  ~WarcWriter();

  // Appends the request and response records; false when writing failed.
  bool write(const Exchange& exchange);
  // Flushes and closes; false when a write failed at any point.
  bool close();

 private:
  WarcWriter() = default;
  bool write_record(const std::string& header, std::string_view block1, std::string_view block2);
  FILE* file_ = nullptr;
  bool failed_ = false;
  uint64_t serial_ = 0;
};

// The response header, rewritten as the class comment says.
std::string warc_response_head(std::string_view head, uint64_t payload_size);

}  // namespace lede::fetch
