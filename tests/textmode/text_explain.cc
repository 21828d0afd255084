// news_text_explain FILE: prints how text mode reads each paragraph of FILE.
#include <fstream>
#include <iostream>
#include <sstream>

#include "textmode/text_mode.h"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: news_text_explain FILE\n";
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  std::cout << lede::textmode::explain_text_mode(ss.str());
  return 0;
}
