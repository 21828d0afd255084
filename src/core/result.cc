#include "lede/result.h"

namespace lede {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::kIo:
      return "io";
    case ErrorCode::kEmptyInput:
      return "empty_input";
    case ErrorCode::kNotHtml:
      return "not_html";
    case ErrorCode::kTooLarge:
      return "too_large";
    case ErrorCode::kLimitExceeded:
      return "limit_exceeded";
    case ErrorCode::kNoContent:
      return "no_content";
    case ErrorCode::kBadArchive:
      return "bad_archive";
    case ErrorCode::kUsage:
      return "usage";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

}  // namespace lede
