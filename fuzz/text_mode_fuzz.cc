// Text mode: any UTF-8 text gives a TextArticle whose offsets lie inside its text.
#include <string>

#include "fuzz_support.h"
#include "textmode/text_mode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lede;
  std::string text = fuzz::to_valid_utf8(fuzz::as_view(data, size));
  textmode::TextArticle a = textmode::read_text(text);
  for (const auto& block : a.blocks)
    fuzz::check(block.start <= block.end && block.end <= a.text.size(), "block outside the text");
  fuzz::check(fuzz::to_valid_utf8(a.text) == a.text, "body text is not UTF-8");
  fuzz::check(fuzz::to_valid_utf8(a.title) == a.title, "title is not UTF-8");
  return 0;
}
