// Charset sniffing and decoding: any bytes, with or without an outside
// declaration, decode to valid UTF-8 or fail with kNotHtml.
#include <string>

#include "fuzz_support.h"
#include "input/decode.h"

namespace {

// Declarations a server may send; the first input byte picks one.
constexpr std::string_view kDeclared[] = {
    "",          "utf-8",     "windows-1252", "iso-8859-1", "shift_jis", "euc-jp",
    "gb18030",   "big5",      "utf-16le",     "utf-16be",   "koi8-r",    "iso-2022-jp",
    "x-unknown", "utf-7",     "euc-kr",       "windows-1251"};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace lede;
  std::string_view bytes = fuzz::as_view(data, size);
  std::string_view declared = kDeclared[size ? data[0] % std::size(kDeclared) : 0];
  bool sniff_markup = size && (data[0] & 0x80) == 0;

  input::sniff_meta_charset(bytes);
  input::charset_from_content_type(bytes);
  input::looks_binary(bytes);
  input::is_valid_utf8(bytes);

  auto decoded = input::decode_to_utf8(bytes, declared, sniff_markup);
  if (decoded) {
    fuzz::check(input::is_valid_utf8(decoded->utf8), "decode_to_utf8 returned invalid UTF-8");
    fuzz::check(fuzz::to_valid_utf8(decoded->utf8) == decoded->utf8,
                "decode_to_utf8 output is not strict UTF-8");
  } else {
    fuzz::check(decoded.error().code == ErrorCode::kNotHtml, "decode failed with another code");
  }
  return 0;
}
