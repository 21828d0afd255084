// JSON-LD reading: any text is read or ignored, never crashes.
#include <string>

#include "fuzz_support.h"
#include "metadata/json_ld.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lede;
  std::string_view json = fuzz::as_view(data, size);
  metadata::JsonLdArticle article = metadata::parse_json_ld(json);
  if (!article.found)
    fuzz::check(article.headline.empty() && article.article_body.empty(),
                "fields filled without an article");
  // Two blocks on one page: the merge must hold up as well.
  metadata::JsonLd ld;
  metadata::add_json_ld(json, ld);
  metadata::add_json_ld(json.substr(json.size() / 2), ld);
  return 0;
}
