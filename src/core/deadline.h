// A time budget for one page, cheap enough to poll from inner loops.
//
// Time is the calling thread's CPU time, not wall time: what a page costs is
// the same on an idle machine and on one where other work takes turns on the
// cores, so a budget does not cut pages short because the machine is busy.
//
//   core::Deadline deadline = core::Deadline::after_millis(limits.max_millis);
//   for (...) {
//     if (deadline.expired()) return cut_short();  // reads the clock every kStride calls
//   }
//
// A default-constructed Deadline never expires. Not thread-safe: one per page,
// made and polled by the thread that works on the page.
#pragma once

#include <time.h>

#include <cstdint>

namespace lede::core {

class Deadline {
 public:
  // Reading the thread's CPU clock costs well under a microsecond; once per
  // this many polls keeps the cost out of profiles while a loop of cheap steps
  // still stops within a millisecond of the deadline.
  static constexpr uint32_t kStride = 1024;

  Deadline() = default;
  // A deadline `millis` from now; 0 means none.
  static Deadline after_millis(uint32_t millis) {
    Deadline d;
    if (millis != 0) {
      d.limited_ = true;
      d.at_nanos_ = now_nanos() + static_cast<int64_t>(millis) * 1'000'000;
    }
    return d;
  }

  // True once the budget is spent; reads the clock on every kStride-th call.
  bool expired() {
    if (!limited_) return false;
    if (expired_) return true;
    if (++polls_ % kStride != 0) return false;
    return expired_now();
  }
  // Reads the clock now; for stage boundaries.
  bool expired_now() {
    if (!limited_) return false;
    if (!expired_ && now_nanos() >= at_nanos_) expired_ = true;
    return expired_;
  }

  // CPU time of the calling thread, in nanoseconds.
  static int64_t now_nanos() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<int64_t>(ts.tv_sec) * 1'000'000'000 + ts.tv_nsec;
  }

 private:
  bool limited_ = false;
  bool expired_ = false;
  uint32_t polls_ = 0;
  int64_t at_nanos_ = 0;
};

}  // namespace lede::core
