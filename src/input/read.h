// Reading inputs: files, stdin, gzip-compressed data.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lede/result.h"

namespace lede::input {

// True when `bytes` starts with the gzip magic number.
bool is_gzip(std::string_view bytes);

// Inflates compressed data with zlib's window_bits convention (16 + 15 gzip,
// 15 zlib, -15 raw deflate); gzip members concatenated are read in turn.
// Fails with kTooLarge once the output passes max_bytes, so a small bomb
// cannot exhaust memory, and kBadArchive on corrupt data. `complete` says
// whether the data reached its end (false: truncated).
Result<std::string> inflate_stream(std::string_view in, int window_bits, uint64_t max_bytes,
                                   bool& complete);

// Inflates a gzip stream (all members); truncated data gives what it holds.
Result<std::string> gunzip(std::string_view bytes, uint64_t max_bytes);

// Reads a whole file ("-" is stdin), failing with kTooLarge past max_bytes.
Result<std::string> read_file(const std::string& path, uint64_t max_bytes);

}  // namespace lede::input
