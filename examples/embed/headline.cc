// headline PAGE.html: prints the page's headline and the first line of its body.
#include <fstream>
#include <iostream>
#include <sstream>

#include <lede/lede.h>

int main(int argc, char** argv) {
  if (argc != 2) return std::cerr << "usage: headline PAGE.html\n", 2;
  std::stringstream page;
  page << std::ifstream(argv[1], std::ios::binary).rdbuf();
  lede::Result<lede::Article> article = lede::extract(page.str());
  if (!article) return std::cerr << article.error().message << "\n", 1;
  std::cout << article->title << "\n" << article->text.substr(0, article->text.find('\n')) << "\n";
}
