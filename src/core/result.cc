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
    case ErrorCode::kHttpStatus:
      return "http_status";
    case ErrorCode::kTimeout:
      return "timeout";
    case ErrorCode::kRobots:
      return "robots";
    case ErrorCode::kDns:
      return "dns";
    case ErrorCode::kTls:
      return "tls";
    case ErrorCode::kNetwork:
      return "network";
  }
  return "internal";
}

}  // namespace lede
