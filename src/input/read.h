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
// cannot exhaust memory. `complete` says whether the data reached its end.
// Data that ends early gives what it holds, with `truncated` (when given)
// saying how much there was; corrupt data fails with kBadArchive, unless
// `truncated` is given and something inflated before the damage: then that
// is the result and `truncated` says where the damage was. `truncated` is
// left "" for whole data.
Result<std::string> inflate_stream(std::string_view in, int window_bits, uint64_t max_bytes,
                                   bool& complete, std::string* truncated = nullptr);

// Inflates a gzip stream (all members); data cut short or corrupt part way
// gives what inflated before, and `truncated` (when given) says so, as
// inflate_stream does. Fails with kBadArchive when nothing inflates.
Result<std::string> gunzip(std::string_view bytes, uint64_t max_bytes,
                           std::string* truncated = nullptr);

// Reads a whole file ("-" is stdin), failing with kTooLarge past max_bytes.
Result<std::string> read_file(const std::string& path, uint64_t max_bytes);

}  // namespace lede::input
