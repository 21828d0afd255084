// HTML parsing with lede's parser, then streamed segments placed: any UTF-8
// builds a well-formed tree within DomLimits.
#include "fuzz_support.h"
#include "html/parse.h"
#include "html_check.h"

namespace {

// Small caps so that libFuzzer reaches them with short inputs.
constexpr lede::html::DomLimits kLimits{20'000, 64};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lede;
  std::string utf8 = fuzz::to_valid_utf8(fuzz::as_view(data, size));
  static html::Document doc;  // reused, as the pipeline does
  html::parse(utf8, doc, kLimits, html::ParserKind::kLede);
  fuzz::check_document(doc, kLimits);
  // What the pipeline does next keeps the tree whole and within its depth.
  html::place_streamed_segments(doc, kLimits.max_depth);
  fuzz::check_document(doc, kLimits);
  return 0;
}
