// news_text_dump DIR OUT.jsonl: runs text mode over every file in DIR and
// writes one record a line ({"text", "title", "published", ..., "source": {"path"}}),
// the input the AEB scorer reads.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "news/text_mode.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: news_text_dump DIR OUT.jsonl\n";
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(argv[1]))
    if (e.is_regular_file()) files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::ofstream out(argv[2]);
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    lede::news::TextModeOptions options;
    options.path = f.string();
    const lede::Article a = lede::news::article_from_text(ss.str(), options);
    nlohmann::json j;
    j["text"] = a.text;
    j["title"] = a.title;
    j["published"] = a.published;
    j["authors"] = a.authors;
    j["dateline"] = {{"place", a.dateline.place}, {"agency", a.dateline.agency}};
    j["images"] = nlohmann::json::array();
    for (const auto& img : a.images)
      j["images"].push_back({{"caption", img.caption}, {"credit", img.credit}});
    j["warnings"] = a.warnings;
    j["source"] = {{"path", a.source.path}, {"kind", a.source.kind}};
    out << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  }
  return 0;
}
