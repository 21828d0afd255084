// What a run reports on stderr: one updating progress line while it runs
// (only on a terminal) and a summary at the end.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <string>

namespace lede::cli {

// Counts over a run, kept by the thread that writes the output.
struct Tally {
  uint64_t articles = 0;
  uint64_t no_content = 0;  // of the articles, records of pages without a body
  uint64_t errors = 0;
  std::map<std::string, uint64_t> errors_by_code;
  uint64_t skipped = 0;
  std::map<std::string, uint64_t> skipped_by_reason;
  uint64_t truncated = 0;           // records made from inputs that end early
  uint64_t links_not_followed = 0;  // symbolic links to directories not walked
  uint64_t records() const { return articles + errors; }
};

class Progress {
 public:
  // `total_bytes` is 0 when the input size is unknown (no ETA then).
  Progress(bool enabled, uint64_t total_bytes);
  // Redraws the line at most every kInterval unless `force`.
  void update(const Tally& tally, uint64_t bytes_read, bool force = false);
  // Clears the line so that what follows starts on a clean one.
  void finish();
  double seconds() const;

 private:
  using Clock = std::chrono::steady_clock;
  bool enabled_;
  uint64_t total_bytes_;
  Clock::time_point start_, last_;
  bool drawn_ = false;
};

// "lede: 181 records (179 articles, 3 without a body, 2 errors: too_large=2); skipped 362
// (request=181, warcinfo=1); 6.3 MB in 1.23 s", with "1 record", "1 error" in the
// singular, and the truncated inputs and links not followed when any.
std::string summary(const Tally& tally, uint64_t bytes_read, double seconds);

}  // namespace lede::cli
