// The page `lede serve` shows (web/ in the source tree), built into the
// binary by cmake/embed_files.cmake.
#pragma once

#include <cstddef>

namespace lede::cli {

struct WebFile {
  const char* path;  // "/index.html": the request path that serves it
  const unsigned char* data;
  size_t size;
};

// Every file of web/, ended by an entry whose path is null.
extern const WebFile kWebFiles[];

}  // namespace lede::cli
