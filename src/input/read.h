// Reading inputs: files, stdin, gzip-compressed data.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "lede/result.h"

namespace lede::input {

// True when `bytes` starts with the gzip magic number.
bool is_gzip(std::string_view bytes);

// Inflates a gzip stream (all members), failing with kTooLarge once the
// output passes max_bytes, so a small bomb cannot exhaust memory.
Result<std::string> gunzip(std::string_view bytes, uint64_t max_bytes);

// Reads a whole file ("-" is stdin), failing with kTooLarge past max_bytes.
Result<std::string> read_file(const std::string& path, uint64_t max_bytes);

}  // namespace lede::input
