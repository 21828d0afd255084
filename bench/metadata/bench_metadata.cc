// bench_metadata [AEB_DIR]: what the metadata step adds to extraction time.
// Loads the AEB pages (LEDE_DATA_DIR/aeb/html/*.html.gz) into memory as UTF-8,
// then times on one thread, best of several passes, by thread CPU time:
//   base:     parse + body extraction (given the hints metadata would give it)
//   metadata: parse + read_metadata + body extraction + assemble::from_page
// and reports the ratio metadata/base.
#include <algorithm>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "assemble/assemble.h"
#include "core/url.h"
#include "extraction/extractor.h"
#include "html/parse.h"
#include "input/read.h"
#include "lede/article.h"
#include "metadata/metadata.h"

namespace {

constexpr int kPasses = 9;  // best of several passes, to damp noise from a shared machine

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

std::vector<std::string> load(const std::filesystem::path& dir) {
  std::vector<std::string> pages;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string bytes = ss.str();
    if (lede::input::is_gzip(bytes)) {
      auto r = lede::input::gunzip(bytes, 64u << 20);
      if (!r) continue;
      bytes = std::move(*r);
    }
    pages.push_back(std::move(bytes));
  }
  return pages;
}

template <typename F>
double best_of(F&& pass) {
  double best = 1e30;
  for (int i = 0; i < kPasses; ++i) {
    double t0 = thread_cpu_seconds();
    pass();
    best = std::min(best, thread_cpu_seconds() - t0);
  }
  return best;
}

}  // namespace

int main(int argc, char** argv) {
  std::filesystem::path dir =
      argc > 1 ? std::filesystem::path(argv[1]) : std::filesystem::path(LEDE_DATA_DIR) / "aeb/html";
  std::vector<std::string> pages = load(dir);
  if (pages.empty()) {
    std::fprintf(stderr, "no pages under %s\n", dir.c_str());
    return 2;
  }
  lede::html::Document doc;
  lede::extraction::BodyExtractor body;
  size_t sink = 0;
  const lede::html::DomLimits limits;

  // The body step takes the headline and JSON-LD body as hints; the base pass gets the same
  // hints, computed beforehand, so the difference is the metadata step's own cost.
  std::vector<lede::metadata::PageMetadata> metas;
  for (const std::string& page : pages) {
    lede::html::parse(page, doc, limits);
    metas.push_back(lede::metadata::read_metadata(doc, ""));
  }
  // The two variants alternate pass by pass, so a busy spell on a shared machine hits both.
  auto base_pass = [&] {
    for (size_t i = 0; i < pages.size(); ++i) {
      lede::html::parse(pages[i], doc, limits);
      lede::extraction::Body b = body.extract(
          doc, lede::extraction::BodyHints{metas[i].title, metas[i].json_ld.article_body,
                                           lede::core::domain_of(metas[i].canonical_url)});
      sink += b.text.size();
    }
  };
  auto metadata_pass = [&] {
    for (const std::string& page : pages) {
      lede::html::parse(page, doc, limits);
      lede::metadata::PageMetadata meta = lede::metadata::read_metadata(doc, "");
      lede::extraction::Body b =
          body.extract(doc, lede::extraction::BodyHints{meta.title, meta.json_ld.article_body,
                                                        lede::core::domain_of(meta.canonical_url)});
      lede::Article article = lede::assemble::from_page(meta, std::move(b), {});
      sink += article.text.size() + article.title.size();
    }
  };
  std::vector<std::string> bodies;
  for (size_t i = 0; i < pages.size(); ++i) {
    lede::html::parse(pages[i], doc, limits);
    bodies.push_back(
        body.extract(doc,
                     lede::extraction::BodyHints{metas[i].title, metas[i].json_ld.article_body,
                                                 lede::core::domain_of(metas[i].canonical_url)})
            .text);
  }
  double base = 1e30, with_metadata = 1e30;
  for (int i = 0; i < kPasses; ++i) {
    double t0 = thread_cpu_seconds();
    base_pass();
    double t1 = thread_cpu_seconds();
    metadata_pass();
    double t2 = thread_cpu_seconds();
    base = std::min(base, t1 - t0);
    with_metadata = std::min(with_metadata, t2 - t1);
  }
  double metadata_only = best_of([&] {
    for (const std::string& page : pages) {
      lede::html::parse(page, doc, limits);
      lede::metadata::PageMetadata meta = lede::metadata::read_metadata(doc, "");
      sink += meta.title.size();
    }
  });
  double fill_only = best_of([&] {
    for (size_t i = 0; i < pages.size(); ++i) {
      lede::extraction::Body b;
      b.text = bodies[i];
      lede::Article article = lede::assemble::from_page(metas[i], std::move(b), {});
      sink += article.language.size();
    }
  });
  double parse_only = best_of([&] {
    for (const std::string& page : pages) {
      lede::html::parse(page, doc, limits);
      sink += doc.node_count();
    }
  });
  std::printf("pages: %zu (best of %d passes, thread CPU time)\n", pages.size(), kPasses);
  std::printf("parse + body:                        %.3f s\n", base);
  std::printf("parse + metadata + body + fill:      %.3f s\n", with_metadata);
  std::printf("read_metadata alone (parse - parse): %.3f s\n", metadata_only - parse_only);
  std::printf("assemble::from_page alone (copy included):  %.3f s\n", fill_only);
  std::printf("metadata adds:                       %.1f%% to extraction time\n",
              100.0 * (with_metadata - base) / base);
  return sink == 0 ? 1 : 0;
}
