// News analysis: any UTF-8 text gives quotes, people and times whose offsets
// lie inside the text, each quote's parts inside its span and in order, and no
// speaker that is a bare pronoun.
#include <string>
#include <string_view>

#include "analysis/analyze.h"
#include "fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lede;
  Article a;
  a.text = fuzz::to_valid_utf8(fuzz::as_view(data, size));
  a.published = "2016-09-12";
  analysis::analyze(a);
  const size_t n = a.text.size();
  for (const Quote& q : a.quotes) {
    fuzz::check(q.start <= q.end && q.end <= n, "quote outside the text");
    fuzz::check(q.text.size() <= n, "quote text longer than the text");
    uint32_t at = q.start;
    for (const auto& [b, e] : q.parts) {
      fuzz::check(at <= b && b <= e && e <= q.end, "quote part outside its quote or out of order");
      at = e;
    }
    if (q.speaker_mention)
      fuzz::check(
          q.speaker_mention->first <= q.speaker_mention->second && q.speaker_mention->second <= n,
          "speaker mention outside the text");
    const std::string_view sp = q.speaker;
    fuzz::check(
        sp != "he" && sp != "she" && sp != "He" && sp != "She" && sp != "they" && sp != "They",
        "speaker is a bare pronoun");
    fuzz::check(fuzz::to_valid_utf8(q.text) == q.text, "quote text is not UTF-8");
    fuzz::check(fuzz::to_valid_utf8(q.speaker) == q.speaker, "speaker is not UTF-8");
  }
  for (const Entity& e : a.entities)
    for (const auto& [b, end] : e.mentions)
      fuzz::check(b <= end && end <= n, "mention outside the text");
  return 0;
}
