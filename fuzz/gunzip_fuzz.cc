// gzip input: any bytes inflate within the cap or fail with an error.
#include <string>

#include "fuzz_support.h"
#include "input/read.h"

namespace {

// Small enough that libFuzzer finds bombs quickly and each run stays fast.
constexpr uint64_t kMaxInflated = 1 << 20;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lede;
  std::string_view bytes = fuzz::as_view(data, size);
  input::is_gzip(bytes);
  auto inflated = input::gunzip(bytes, kMaxInflated);
  if (inflated)
    fuzz::check(inflated->size() <= kMaxInflated, "gunzip passed its cap");
  else
    fuzz::check(inflated.error().code == ErrorCode::kTooLarge ||
                    inflated.error().code == ErrorCode::kBadArchive,
                "gunzip failed with an unexpected code");
  return 0;
}
