// The whole extract path: any bytes give an Article or an Error, never a
// crash, and a record always serialises to JSON.
#include <string>

#include "fuzz_support.h"
#include "lede/lede.h"
#include "lede/output.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lede;
  static Extractor extractor;  // reused across inputs, as in a crawl
  std::string_view bytes = fuzz::as_view(data, size);
  Options options;
  options.url = "https://example.com/news/2023/06/13/story.html";
  options.path = "fuzz";
  // The last byte picks the input format and the parser, so both parsers and
  // text mode are fuzzed from one corpus.
  uint8_t mode = size ? data[size - 1] : 0;
  options.from = mode % 5 == 3 ? InputFormat::kText : InputFormat::kAuto;
  options.parser = mode % 7 == 5 ? Parser::kGumbo : Parser::kLede;
  options.limits.max_nodes = 50'000;
  options.limits.max_depth = 128;
  Result<Article> article = extractor.extract(bytes, options);
  if (article) {
    std::string json = to_json(*article);
    fuzz::check(!json.empty() && json.front() == '{', "record does not serialise");
    for (const auto& block : article->blocks)
      fuzz::check(block.start <= block.end && block.end <= article->text.size(),
                  "block outside the text");
    fuzz::check(fuzz::to_valid_utf8(json) == json, "record JSON is not UTF-8");
  } else {
    fuzz::check(article.error().code != ErrorCode::kInternal, article.error().message.c_str());
    error_to_json(article.error(), Source{});
  }
  return 0;
}
