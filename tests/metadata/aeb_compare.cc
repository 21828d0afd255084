// Scores a JSON Lines file of records against aeb_annotations.json and prints
// one line per field; records are matched by source.path's AEB id.
//
//   metadata_aeb_compare tests/metadata/aeb_annotations.json records.jsonl
#include <fstream>
#include <iostream>

#include "aeb_scoring.h"

int main(int argc, char** argv) {
  using nlohmann::json;
  if (argc != 3) {
    std::cerr << "usage: metadata_aeb_compare ANNOTATIONS.json RECORDS.jsonl\n";
    return 2;
  }
  std::ifstream ann_in(argv[1]);
  json annotations = json::parse(ann_in);
  std::map<std::string, json> records;
  std::ifstream rec_in(argv[2]);
  std::string line;
  while (std::getline(rec_in, line)) {
    json r = json::parse(line, nullptr, false);
    if (r.is_discarded()) continue;
    std::string path = r["source"].value("path", "");
    size_t slash = path.find_last_of('/');
    std::string id = path.substr(slash == std::string::npos ? 0 : slash + 1);
    id = id.substr(0, id.find('.'));
    records[id] = r;
  }
  for (const auto& [field, tally] : lede::metadata_gate::score_aeb(annotations, records)) {
    std::cout << lede::metadata_gate::report_line(field, tally) << "\n";
  }
  return 0;
}
