// Runs the public API over pages and prints one JSON record a line, with the
// page's URL when given as PATH=URL; for checking metadata by hand.
//
//   metadata_dump page.html [page2.html.gz=https://example.com/a] ...
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

#include "lede/lede.h"
#include "lede/output.h"

int main(int argc, char** argv) {
  lede::Extractor extractor;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    lede::Options options;
    size_t eq = arg.find('=');
    std::string path = arg.substr(0, eq);
    if (eq != std::string::npos) options.url = arg.substr(eq + 1);
    options.path = path;
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    lede::Result<lede::Article> article = extractor.extract(bytes, options);
    if (article) {
      std::cout << lede::to_json(*article) << "\n";
    } else {
      lede::Source where;
      where.path = path;
      std::cout << lede::error_to_json(article.error(), where) << "\n";
    }
  }
  return 0;
}
