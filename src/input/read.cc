#include "input/read.h"

#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace lede::input {

bool is_gzip(std::string_view bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

namespace {

std::string format_name(int window_bits) {
  return window_bits > MAX_WBITS ? "gzip" : window_bits > 0 ? "zlib" : "deflate";
}

}  // namespace

Result<std::string> inflate_stream(std::string_view in, int window_bits, uint64_t max_bytes,
                                   bool& complete, std::string* truncated) {
  const bool gzip = window_bits > MAX_WBITS;
  z_stream z{};
  if (inflateInit2(&z, window_bits) != Z_OK)
    return make_error(ErrorCode::kInternal, "zlib failed to initialise");
  std::string out;
  out.resize(std::min<uint64_t>(std::max<uint64_t>(in.size() * 4, 1 << 16), max_bytes + 1));
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  size_t produced = 0;
  int rc = Z_OK;
  while (true) {
    if (produced == out.size()) {
      if (out.size() > max_bytes) break;
      out.resize(std::min<uint64_t>(out.size() * 2, max_bytes + 1));
    }
    z.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    z.avail_out = static_cast<uInt>(out.size() - produced);
    rc = inflate(&z, Z_NO_FLUSH);
    produced = out.size() - z.avail_out;
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members: go on while input remains and looks like gzip.
      std::string_view rest(reinterpret_cast<const char*>(z.next_in), z.avail_in);
      if (!gzip || !is_gzip(rest)) break;
      inflateReset(&z);
      continue;
    }
    if (rc != Z_OK && !(rc == Z_BUF_ERROR && z.avail_out == 0)) break;
    if (z.avail_in == 0 && z.avail_out != 0) break;  // input ran out: truncated
  }
  std::string message = z.msg ? z.msg : "inflate failed";
  size_t used = static_cast<size_t>(reinterpret_cast<const char*>(z.next_in) - in.data());
  inflateEnd(&z);
  if (produced > max_bytes)
    return make_error(ErrorCode::kTooLarge, "compressed data inflates past the input limit of " +
                                                std::to_string(max_bytes) +
                                                " bytes (max_input_bytes)");
  complete = rc == Z_STREAM_END;
  bool corrupt = rc != Z_STREAM_END && rc != Z_OK && rc != Z_BUF_ERROR;
  if (corrupt && (!truncated || produced == 0))
    return make_error(ErrorCode::kBadArchive, "corrupt compressed data: " + message);
  if (truncated) {
    truncated->clear();
    if (corrupt)
      *truncated = "the " + format_name(window_bits) + " data is corrupt (" + message + ") after " +
                   std::to_string(used) + " of its " + std::to_string(in.size()) + " bytes; the " +
                   std::to_string(produced) + " bytes inflated before were kept";
    else if (!complete)
      *truncated = "the " + format_name(window_bits) + " data ends early: its " +
                   std::to_string(in.size()) + " bytes inflated to " + std::to_string(produced) +
                   " before they ran out";
  }
  out.resize(produced);
  return out;
}

Result<std::string> gunzip(std::string_view bytes, uint64_t max_bytes, std::string* truncated) {
  bool complete = false;
  auto out = inflate_stream(bytes, 16 + MAX_WBITS, max_bytes, complete, truncated);
  if (out && !complete && out->empty())
    return make_error(ErrorCode::kBadArchive, "truncated gzip data: nothing could be inflated");
  return out;
}

Result<std::string> read_file(const std::string& path, uint64_t max_bytes) {
  FILE* f = path == "-" ? stdin : std::fopen(path.c_str(), "rb");
  if (!f) return make_error(ErrorCode::kIo, "cannot open " + path + ": " + std::strerror(errno));
  std::unique_ptr<FILE, int (*)(FILE*)> closer(
      f, path == "-" ? [](FILE*) { return 0; } : &std::fclose);
  std::string data;
  char buf[1 << 16];
  while (true) {
    size_t n = std::fread(buf, 1, sizeof buf, f);
    data.append(buf, n);
    if (data.size() > max_bytes)
      return make_error(ErrorCode::kTooLarge, path + " is larger than the input limit of " +
                                                  std::to_string(max_bytes) +
                                                  " bytes (raise it with --max-bytes)");
    if (n < sizeof buf) break;
  }
  if (std::ferror(f))
    return make_error(ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(errno));
  return data;
}

}  // namespace lede::input
