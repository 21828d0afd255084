// HTML parsing throughput on the 181 AEB pages, held in memory decompressed:
// lede's parser, gumbo (through html::parse with ParserKind::kGumbo, i.e.
// gumbo's tree plus the copy into lede's Document) and libxml2's HTML parser
// (htmlReadMemory). Each parse is followed by a full walk of the tree it
// built, so lazy work cannot hide. Single-threaded.
//
//   bench_parse [DATA_DIR] [ROUNDS]
//
// DATA_DIR defaults to LEDE_DATA_DIR at configure time; ROUNDS to 5 (the
// best round counts).
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <zlib.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "core/text.h"
#include "html/parse.h"

namespace {

namespace fs = std::filesystem;
using lede::html::Document;
using lede::html::NodeId;

std::string read_gzip(const fs::path &p) {
  std::string out;
  gzFile f = gzopen(p.c_str(), "rb");
  if (f == nullptr) return out;
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out.append(buf, static_cast<size_t>(n));
  gzclose(f);
  return out;
}

// The parsers take UTF-8; the few malformed bytes in the corpus become U+FFFD.
std::string to_valid_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    size_t start = i;
    char32_t cp = lede::core::next_code_point(s, i);
    bool real =
        !(cp == 0xFFFD && !(i - start == 3 && static_cast<unsigned char>(s[start]) == 0xEF));
    if (real && !(cp >= 0xD800 && cp <= 0xDFFF))
      out.append(s, start, i - start);
    else
      lede::core::append_utf8(out, 0xFFFD);
  }
  return out;
}

// Visits every node; returns nodes + text bytes so the walk is not optimized
// away.
size_t walk(const Document &doc) {
  size_t sum = 0;
  for (NodeId n = doc.root(); n != lede::html::kNoNode; n = doc.next_in(n, doc.root())) {
    ++sum;
    if (doc.is_text(n)) sum += doc.text(n).size();
    sum += doc.attributes(n).size();
  }
  return sum;
}

size_t walk_libxml(xmlNode *root) {
  size_t sum = 0;
  xmlNode *n = root;
  while (n != nullptr) {
    ++sum;
    if (n->type == XML_TEXT_NODE && n->content != nullptr) sum += xmlStrlen(n->content);
    for (xmlAttr *a = n->type == XML_ELEMENT_NODE ? n->properties : nullptr; a; a = a->next) ++sum;
    if (n->children != nullptr && n->type == XML_ELEMENT_NODE) {
      n = n->children;
      continue;
    }
    while (n != nullptr && n->next == nullptr) {
      n = n->parent;
      if (n == nullptr || n->type != XML_ELEMENT_NODE) n = nullptr;
    }
    if (n != nullptr) n = n->next;
  }
  return sum;
}

struct Result {
  const char *name;
  double seconds = 1e30;      // wall
  double cpu_seconds = 1e30;  // this thread's CPU time: steadier on a shared machine
  size_t checksum = 0;
};

double thread_cpu_seconds() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

Result measure(const char *name, const std::vector<std::string> &pages, int rounds,
               const std::function<size_t(const std::string &)> &parse_and_walk) {
  Result r{name};
  for (int round = 0; round < rounds; ++round) {
    size_t sum = 0;
    auto start = std::chrono::steady_clock::now();
    double cpu_start = thread_cpu_seconds();
    for (const std::string &page : pages) sum += parse_and_walk(page);
    double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.seconds = std::min(r.seconds, s);
    r.cpu_seconds = std::min(r.cpu_seconds, thread_cpu_seconds() - cpu_start);
    r.checksum = sum;
  }
  return r;
}

}  // namespace

int main(int argc, char **argv) {
  fs::path dir = argc > 1 ? fs::path(argv[1]) : fs::path(LEDE_DATA_DIR);
  int rounds = argc > 2 ? std::atoi(argv[2]) : 5;
  std::vector<std::string> pages;
  size_t bytes = 0;
  std::vector<fs::path> files;
  for (const auto &e : fs::directory_iterator(dir / "aeb" / "html"))
    if (e.path().string().ends_with(".html.gz")) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const fs::path &f : files) {
    pages.push_back(to_valid_utf8(read_gzip(f)));
    bytes += pages.back().size();
  }
  if (pages.empty()) {
    std::fprintf(stderr, "no pages under %s/aeb/html\n", dir.c_str());
    return 2;
  }
  std::printf("%zu pages, %.1f MB, best of %d rounds, single thread\n", pages.size(), bytes / 1e6,
              rounds);

  Document doc;
  lede::html::DomLimits limits;
  xmlInitParser();
  std::vector<Result> results;
  results.push_back(measure("lede", pages, rounds, [&](const std::string &p) {
    lede::html::parse(p, doc, limits, lede::html::ParserKind::kLede);
    return walk(doc);
  }));
  results.push_back(measure("gumbo", pages, rounds, [&](const std::string &p) {
    lede::html::parse(p, doc, limits, lede::html::ParserKind::kGumbo);
    return walk(doc);
  }));
  results.push_back(measure("libxml2", pages, rounds, [&](const std::string &p) {
    htmlDocPtr x = htmlReadMemory(p.data(), static_cast<int>(p.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_COMPACT);
    size_t sum = x != nullptr ? walk_libxml(xmlDocGetRootElement(x)) : 0;
    xmlFreeDoc(x);
    return sum;
  }));
  xmlCleanupParser();

  const double gumbo_cpu = results[1].cpu_seconds;
  std::printf("%-8s %12s %12s %10s %10s %14s\n", "parser", "CPU MB/s", "CPU pages/s", "vs gumbo",
              "wall MB/s", "walk checksum");
  for (const Result &r : results) {
    std::printf("%-8s %12.1f %12.0f %9.2fx %10.1f %14zu\n", r.name, bytes / 1e6 / r.cpu_seconds,
                pages.size() / r.cpu_seconds, gumbo_cpu / r.cpu_seconds, bytes / 1e6 / r.seconds,
                r.checksum);
  }
  return 0;
}
