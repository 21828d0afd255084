// Time bounds that hold on a busy machine: the same work at size n and at 4n,
// measured in this thread's CPU time, compared as a ratio. Linear work grows
// about 4x, quadratic work 16x; another process on the same cores slows both
// sizes alike, so the ratio holds where a wall-clock budget would not. A real
// budget belongs in a benchmark (bench/), never in a test.
//
//   Growth g = measure_growth([&](size_t n) { std::string in = make(n); return [in] { work(in); }; },
//                             100'000);
//   EXPECT_LINEAR(g);
#pragma once

#include <gtest/gtest.h>
#include <time.h>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <limits>
#include <string>

namespace lede::testing {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kSanitized = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kSanitized = true;
#else
inline constexpr bool kSanitized = false;
#endif
#else
inline constexpr bool kSanitized = false;
#endif

// Linear work grows 4x at 4n, n log n about 4.5x; quadratic work 16x. Linear
// work whose small size fits in the caches and whose large size does not was
// seen at up to 9x (a million attributes, with another process on the cores),
// so the limit sits between that and 16.
inline constexpr double kMaxLinearRatio = 11.0;
// Sanitizers add per-allocation costs that grow with the heap (quarantine).
inline constexpr double kMaxLinearRatioSanitized = 13.0;
// Each size is measured this many times, interleaved, and the fastest kept:
// interruptions only ever add time.
inline constexpr int kRepeats = 3;
// A measurement shorter than this is mostly clock and scheduler noise: the
// work is repeated within one measurement until the small size takes this long.
inline constexpr double kMinMeasureSeconds = 0.02;
inline constexpr int kMaxInnerRuns = 1000;

inline double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

// CPU seconds this thread spends in `work`.
inline double cpu_seconds(const std::function<void()>& work) {
  double start = thread_cpu_seconds();
  work();
  return thread_cpu_seconds() - start;
}

struct Growth {
  size_t n = 0;
  double small = 0;  // CPU seconds at n
  double large = 0;  // CPU seconds at 4n
  double ratio() const { return large / std::max(small, 1e-6); }
};

// `prepare(n)` builds the input of size n (not timed) and returns the work
// to time. Prints the figures so that a failing run shows them.
inline Growth measure_growth(const std::function<std::function<void()>(size_t)>& prepare,
                             size_t n, const char* what = "") {
  Growth g;
  g.n = n;
  g.small = g.large = std::numeric_limits<double>::infinity();
  std::function<void()> small = prepare(n);
  std::function<void()> large = prepare(4 * n);
  // Both sizes once before timing: the allocator then serves every timed run
  // from memory it already holds (glibc raises its mmap threshold after the
  // first large free), so first-touch page faults do not fall on one size only.
  large();
  double once = cpu_seconds(small);
  int runs = once >= kMinMeasureSeconds
                 ? 1
                 : std::min(kMaxInnerRuns, static_cast<int>(kMinMeasureSeconds / std::max(once, 1e-6)) + 1);
  auto timed = [runs](const std::function<void()>& work) {
    return cpu_seconds([&] {
             for (int r = 0; r < runs; ++r) work();
           }) /
           runs;
  };
  for (int i = 0; i < kRepeats; ++i) {
    g.small = std::min(g.small, timed(small));
    g.large = std::min(g.large, timed(large));
  }
  std::printf("[growth] %-40s n=%-9zu %8.4f s  4n: %8.4f s  ratio %.2f\n", what, n, g.small,
              g.large, g.ratio());
  std::fflush(stdout);
  return g;
}

inline double max_linear_ratio() {
  return kSanitized ? kMaxLinearRatioSanitized : kMaxLinearRatio;
}

// gtest predicate: the work grew at most linearly from n to 4n.
inline ::testing::AssertionResult grew_linearly(const char* expression, const Growth& g) {
  if (g.ratio() < max_linear_ratio()) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << expression << ": CPU time grew " << g.ratio() << "x from n=" << g.n << " to 4n ("
         << g.small << " s -> " << g.large << " s); linear work grows about 4x, the limit is "
         << max_linear_ratio() << "x";
}

}  // namespace lede::testing

// Fails when the work grew faster than linearly from n to 4n.
#define EXPECT_LINEAR(growth) EXPECT_PRED_FORMAT1(::lede::testing::grew_linearly, growth)
