// Dumps the page-type model's features of each page, for training it.
//
//   page_features DIR > features.tsv
//
// One line of column names, then one line a page: the file's name without
// .html or .html.gz, the hand rules' page type, and the features of
// extraction::page_features in page_feature_names() order, and last the
// page's distinct words (extraction::page_words), space-separated, those of its
// title and first <h1> (extraction::page_title_words) and those of its class and
// id names (extraction::page_class_words). Pages are read,
// decoded and parsed as `lede extract` reads them.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "extraction/page_type.h"
#include "html/parse.h"
#include "input/decode.h"
#include "input/read.h"

namespace {

// Larger pages than this are not read (lede's own default input cap).
constexpr uint64_t kMaxPageBytes = 1ull << 30;

std::string page_id(const std::filesystem::path& p) {
  std::string name = p.filename().string();
  for (std::string_view suffix : {".gz", ".html", ".htm"})
    if (name.ends_with(suffix)) name.resize(name.size() - suffix.size());
  return name;
}

}  // namespace

int main(int argc, char** argv) {
  namespace ex = lede::extraction;
  if (argc != 2) {
    std::fprintf(stderr, "usage: page_features DIR > features.tsv\n");
    return 2;
  }
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (const auto& e : std::filesystem::directory_iterator(argv[1], ec))
    if (e.is_regular_file()) files.push_back(e.path());
  if (ec || files.empty()) {
    std::fprintf(stderr, "page_features: no pages in %s\n", argv[1]);
    return 2;
  }
  std::sort(files.begin(), files.end());
  std::printf("id\trules");
  for (std::string_view name : ex::page_feature_names())
    std::printf("\t%.*s", static_cast<int>(name.size()), name.data());
  std::printf("\twords\ttitle_words\tclass_words\n");
  lede::html::Document doc;
  for (const auto& f : files) {
    auto raw = lede::input::read_file(f.string(), kMaxPageBytes);
    if (!raw) continue;
    auto page = lede::input::is_gzip(*raw) ? lede::input::gunzip(*raw, kMaxPageBytes) : raw;
    if (!page) continue;
    auto utf8 = lede::input::decode_to_utf8(*page, "");
    if (!utf8) continue;
    lede::html::parse(utf8->utf8, doc, lede::html::DomLimits{});
    const ex::PageEvidence e = ex::gather_page_evidence(doc);
    const std::string_view rules = ex::page_type_name(ex::decide_page_type_by_rules(e));
    std::printf("%s\t%.*s", page_id(f).c_str(), static_cast<int>(rules.size()), rules.data());
    for (float x : ex::page_features(e)) std::printf("\t%.5g", x);
    for (const auto& words : {ex::page_words(doc), ex::page_title_words(doc),
                              ex::page_class_words(doc)}) {
      const char* separator = "\t";
      for (const std::string& w : words) {
        std::printf("%s%s", separator, w.c_str());
        separator = " ";
      }
      if (words.empty()) std::printf("\t");
    }
    std::printf("\n");
  }
  return 0;
}
