// Helpers shared by the fuzz targets: turning arbitrary bytes into the
// preconditions a parser states (valid UTF-8), and invariant checks that
// abort, so that libFuzzer records the input as a crash.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace lede::fuzz {

inline std::string_view as_view(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// `bytes` with every invalid UTF-8 sequence replaced by U+FFFD, so that a
// target can hand any input to a function that requires UTF-8.
std::string to_valid_utf8(std::string_view bytes);

// Aborts with `what` on stderr when `ok` is false.
void check(bool ok, const char* what);

}  // namespace lede::fuzz
