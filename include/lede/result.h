// Errors as values. No exception crosses lede's public API: every fallible call
// returns Result<T>, which holds either a T or an Error.
//
//   lede::Result<lede::Article> r = lede::extract(html);
//   if (!r) std::cerr << r.error().message << "\n";
#pragma once

#include <string>
#include <string_view>
#include <tl/expected.hpp>

namespace lede {

enum class ErrorCode {
  kIo,             // the input could not be read
  kEmptyInput,     // zero bytes, or nothing but whitespace
  kNotHtml,        // binary data or a format lede does not read
  kTooLarge,       // input or inflated bytes over Limits::max_input_bytes
  kLimitExceeded,  // a structural limit (nodes, depth, time) made the page unusable
  kNoContent,      // parsed, but no article body was found
  kBadArchive,     // a WARC or gzip stream is malformed
  kUsage,          // the caller asked for something impossible
  kInternal,       // a bug in lede; please report it with the input
  // Fetching (`lede fetch`):
  kHttpStatus,  // the server answered with an error status (or redirected too often)
  kTimeout,     // no complete answer within the time limit
  kRobots,      // robots.txt disallows the address for lede
  kDns,         // the host name could not be resolved
  kTls,         // the TLS handshake or the certificate check failed
  kNetwork,     // connection refused, reset, or another transport failure
};

// Stable lower-case name of a code, as written in error records ("no_content").
std::string_view error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;  // for a person: what went wrong and, where possible, what to do
};

template <typename T>
using Result = tl::expected<T, Error>;

inline tl::unexpected<Error> make_error(ErrorCode code, std::string message) {
  return tl::unexpected<Error>(Error{code, std::move(message)});
}

}  // namespace lede
