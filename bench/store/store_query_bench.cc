// Query latency over a corpus: each query of a list run once (after one
// warm-up pass over the whole list), wall time per query, p50/p95/max per
// kind, and the p95 of the thread's CPU time (what the query costs when
// other processes share the machine). The list is bench/store/make_queries.py's:
// KIND<TAB>MODE<TAB>QUERY.
//
//   store_query_bench CORPUS.db QUERIES.tsv [LIMIT]
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "lede/store.h"

namespace {

double thread_cpu_ms() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: store_query_bench CORPUS.db QUERIES.tsv [LIMIT]\n");
    return 2;
  }
  lede::StoreOptions options;
  options.read_only = true;
  auto store = lede::Store::open(argv[1], options);
  if (!store) {
    std::fprintf(stderr, "%s\n", store.error().message.c_str());
    return 2;
  }
  struct Q {
    std::string kind, mode, query;
  };
  std::vector<Q> queries;
  std::ifstream in(argv[2]);
  for (std::string line; std::getline(in, line);) {
    size_t a = line.find('\t'), b = line.find('\t', a + 1);
    if (a == std::string::npos || b == std::string::npos) continue;
    queries.push_back({line.substr(0, a), line.substr(a + 1, b - a - 1), line.substr(b + 1)});
  }
  uint32_t limit = argc > 3 ? static_cast<uint32_t>(std::stoul(argv[3])) : 10;
  std::map<std::string, std::vector<double>> ms, cpu_ms;
  std::map<std::string, uint64_t> results;
  std::vector<std::string> order;
  for (int pass = 0; pass < 2; ++pass) {
    for (const Q& q : queries) {
      lede::SearchOptions o;
      o.query = q.query;
      o.limit = limit;
      auto t0 = std::chrono::steady_clock::now();
      double c0 = thread_cpu_ms();
      uint64_t n = 0;
      bool ok = true;
      if (q.mode == "count") {
        auto r = store->count(o);
        ok = static_cast<bool>(r);
        if (r) n = *r;
      } else if (q.mode == "quotes") {
        auto r = store->quotes(o);
        ok = static_cast<bool>(r);
        if (r) n = r->size();
      } else {
        auto r = store->search(o);
        ok = static_cast<bool>(r);
        if (r) n = r->size();
      }
      double t =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
      double c = thread_cpu_ms() - c0;
      if (!ok) {
        std::fprintf(stderr, "query failed: %s\n", q.query.c_str());
        return 1;
      }
      if (pass == 0) continue;
      if (!ms.count(q.kind)) order.push_back(q.kind);
      ms[q.kind].push_back(t);
      cpu_ms[q.kind].push_back(c);
      results[q.kind] += n;
    }
  }
  std::printf("%-22s %7s %8s %8s %8s %12s %10s\n", "query kind", "queries", "p50 ms", "p95 ms",
              "max ms", "p95 cpu ms", "results");
  double worst = 0, worst_cpu = 0;
  for (const std::string& k : order) {
    std::vector<double>& v = ms[k];
    std::vector<double>& c = cpu_ms[k];
    std::sort(v.begin(), v.end());
    std::sort(c.begin(), c.end());
    auto pct = [](const std::vector<double>& x, double p) {
      return x[std::min(x.size() - 1, static_cast<size_t>(p * x.size()))];
    };
    worst = std::max(worst, pct(v, 0.95));
    worst_cpu = std::max(worst_cpu, pct(c, 0.95));
    std::printf("%-22s %7zu %8.2f %8.2f %8.2f %12.2f %10.1f\n", k.c_str(), v.size(), pct(v, 0.5),
                pct(v, 0.95), v.back(), pct(c, 0.95), static_cast<double>(results[k]) / v.size());
  }
  std::printf("worst p95: %.2f ms wall, %.2f ms cpu\n", worst, worst_cpu);
  return 0;
}
