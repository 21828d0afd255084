// WARC reading and decompression alone: every record of an archive read
// with lede's WarcReader, and (with --pages) its HTTP payload decoded with
// page_from_record. Reports MB/s of inflated WARC data over wall time and
// over this thread's CPU time (the fairer figure on a shared machine).
//
//   warc_read_bench ARCHIVE.warc.gz [--pages] [--passes N]
#include <time.h>

#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>

#include "lede/warc.h"

namespace {

double thread_cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: warc_read_bench ARCHIVE [--pages] [--passes N]\n");
    return 2;
  }
  bool pages = false;
  int passes = 1;
  for (int i = 2; i < argc; ++i) {
    if (std::strcmp(argv[i], "--pages") == 0)
      pages = true;
    else if (std::strcmp(argv[i], "--passes") == 0 && i + 1 < argc)
      passes = std::atoi(argv[++i]);
  }
  double best_wall = 1e30, best_cpu = 1e30;
  uint64_t records = 0, errors = 0, page_count = 0, inflated = 0, compressed = 0, payload = 0;
  for (int pass = 0; pass < passes; ++pass) {
    records = errors = page_count = payload = 0;
    auto start = std::chrono::steady_clock::now();
    double cpu_start = thread_cpu_seconds();
    auto reader = lede::WarcReader::open(argv[1]);
    if (!reader) {
      std::fprintf(stderr, "%s\n", reader.error().message.c_str());
      return 1;
    }
    // Read into one record, as `lede extract` does, so its storage is reused.
    lede::WarcRecord record;
    while (reader->next(record)) {
      ++records;
      if (record.error) ++errors;
      if (pages) {
        auto page = lede::page_from_record(record);
        if (page && page->skipped.empty()) {
          ++page_count;
          payload += page->body.size();
        }
      }
    }
    double cpu = thread_cpu_seconds() - cpu_start;
    double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    inflated = reader->bytes_inflated();
    compressed = reader->bytes_read();
    if (wall < best_wall) best_wall = wall;
    if (cpu < best_cpu) best_cpu = cpu;
  }
  std::printf("%s: %llu records (%llu errors)%s, %.1f MB read, %.1f MB inflated\n", argv[1],
              static_cast<unsigned long long>(records), static_cast<unsigned long long>(errors),
              pages ? (", " + std::to_string(page_count) + " pages").c_str() : "", compressed / 1e6,
              inflated / 1e6);
  std::printf(
      "best of %d: %.2f s wall, %.2f s CPU; %.0f MB/s inflated (wall), "
      "%.0f MB/s (CPU)\n",
      passes, best_wall, best_cpu, inflated / 1e6 / best_wall, inflated / 1e6 / best_cpu);
  return 0;
}
