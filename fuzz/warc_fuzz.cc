// The WARC reader: any bytes, plain or gzip, give records (some carrying an
// error) and end; pages come out of records within the limits.
#include <fcntl.h>
#include <unistd.h>

#include <string>

#include "fuzz_support.h"
#include "lede/warc.h"

namespace {

// Small caps so that libFuzzer reaches them with short inputs.
constexpr uint64_t kMaxInput = 1 << 20;
// Each record consumes at least one byte, so more records than this is a loop.
constexpr size_t kRecordsPerByte = 1;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lede;
  // The whole input is the reader's head; the descriptor behind it is empty.
  static int empty_fd = ::open("/dev/null", O_RDONLY);
  fuzz::check(empty_fd >= 0, "cannot open /dev/null");
  std::string_view bytes = fuzz::as_view(data, size);
  looks_like_warc(bytes);
  Limits limits;
  limits.max_input_bytes = kMaxInput;
  WarcReader reader = WarcReader::from_fd(empty_fd, std::string(bytes), limits);
  size_t records = 0;
  while (std::optional<WarcRecord> record = reader.next()) {
    ++records;
    fuzz::check(records <= size * kRecordsPerByte + 1, "reader yields records without reading");
    fuzz::check(record->block.size() <= kMaxInput, "record block over the input cap");
    Result<WarcPage> page = page_from_record(*record, limits);
    if (page) fuzz::check(page->body.size() <= kMaxInput, "page body over the input cap");
  }
  return 0;
}
