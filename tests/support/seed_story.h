// The seed story (../shared/seeds/000_0c70c244627f000f.txt, an AP story as a
// scraper left it) run through the whole pipeline as `lede extract --from
// text` runs it. Tests that read it skip when the shared data is absent.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "lede/lede.h"

namespace lede::testing {

inline std::filesystem::path seed_story_path() {
  const char* env = std::getenv("LEDE_DATA_DIR");
  std::filesystem::path data = env && *env ? env : LEDE_DEFAULT_DATA_DIR;
  return data / ".." / "seeds" / "000_0c70c244627f000f.txt";
}

// The seed's bytes, or nullopt when the shared data is not there.
inline std::optional<std::string> read_seed_story() {
  std::ifstream in(seed_story_path(), std::ios::binary);
  if (!in) return std::nullopt;
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// The seed's record; `analyze` adds quotes, people and times.
inline Result<Article> extract_seed_story(const std::string& text, bool analyze) {
  Options options;
  options.from = InputFormat::kText;
  options.path = seed_story_path().string();
  options.analyze = analyze;
  return lede::extract(text, options);
}

}  // namespace lede::testing
