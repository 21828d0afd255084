// Runs the news analysis over a folder of plain-text articles (PolNeAR's
// `text/NAME.txt`, paragraphs separated by blank lines) and writes one JSON
// line per article for tests/analysis/polnear_score.py:
//   polnear_dump DIR/text [NAME...] > quotes.jsonl
//   {"doc": NAME, "bytes": N, "quotes": [{"start", "end", "kind", "speaker", "cue", "parts"}]}
// Offsets are UTF-8 byte offsets into the file; the scorer turns them into characters.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analyze.h"

namespace {

void put_string(std::string& out, std::string_view s) {
  out += '"';
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  out += '"';
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: polnear_dump TEXT_DIR [NAME...]\n";
    return 2;
  }
  namespace fs = std::filesystem;
  std::vector<std::string> names;
  for (int i = 2; i < argc; ++i) names.push_back(argv[i]);
  if (names.empty()) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(argv[1], ec))
      if (e.path().extension() == ".txt") names.push_back(e.path().stem().string());
    if (ec) {
      std::cerr << "cannot read " << argv[1] << ": " << ec.message() << "\n";
      return 1;
    }
  }
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) {
    std::ifstream in(fs::path(argv[1]) / (name + ".txt"), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    lede::Article a;
    a.text = ss.str();
    lede::analysis::AnalyzeOptions options;
    options.times = false;
    lede::analysis::analyze(a, options);
    std::string out = "{\"doc\": ";
    put_string(out, name);
    out += ", \"quotes\": [";
    bool first = true;
    for (const auto& q : a.quotes) {
      if (!first) out += ", ";
      first = false;
      out += "{\"start\": " + std::to_string(q.start) + ", \"end\": " + std::to_string(q.end) +
             ", \"kind\": ";
      put_string(out, q.kind);
      out += ", \"speaker\": ";
      put_string(out, q.speaker);
      out += ", \"cue\": ";
      put_string(out, q.cue);
      out += ", \"parts\": [";
      for (size_t i = 0; i < q.parts.size(); ++i)
        out += (i ? ", [" : "[") + std::to_string(q.parts[i].first) + ", " +
               std::to_string(q.parts[i].second) + "]";
      out += "]}";
    }
    out += "]}\n";
    std::cout << out;
  }
}
