#include "fetch/warc_writer.h"

#include <unistd.h>
#include <zlib.h>

#include <cctype>
#include <chrono>
#include <cstring>
#include <random>

namespace lede::fetch {
namespace {

bool starts_with_icase(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(s[i])) !=
        std::tolower(static_cast<unsigned char>(prefix[i])))
      return false;
  return true;
}

// A random (version 4) UUID for WARC-Record-ID.
std::string uuid() {
  thread_local std::mt19937_64 rng(std::random_device{}() ^ static_cast<uint64_t>(getpid()) << 32);
  uint64_t a = rng(), b = rng();
  a = (a & 0xffffffffffff0fffULL) | 0x0000000000004000ULL;
  b = (b & 0x3fffffffffffffffULL) | 0x8000000000000000ULL;
  char buf[48];
  std::snprintf(buf, sizeof buf, "<urn:uuid:%08x-%04x-%04x-%04x-%012llx>",
                static_cast<unsigned>(a >> 32), static_cast<unsigned>((a >> 16) & 0xffff),
                static_cast<unsigned>(a & 0xffff), static_cast<unsigned>(b >> 48),
                static_cast<unsigned long long>(b & 0xffffffffffffULL));
  return buf;
}

}  // namespace

std::string warc_response_head(std::string_view head, uint64_t payload_size) {
  std::string out;
  bool first = true;
  size_t pos = 0;
  while (pos < head.size()) {
    size_t eol = head.find('\n', pos);
    if (eol == std::string_view::npos) eol = head.size();
    std::string_view line = head.substr(pos, eol - pos);
    pos = eol + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (first) {
      out.append(line).append("\r\n");
      first = false;
      continue;
    }
    if (starts_with_icase(line, "transfer-encoding:") || starts_with_icase(line, "content-length:"))
      continue;
    if (starts_with_icase(line, "content-encoding:")) {
      out.append("X-Lede-Original-Content-Encoding:").append(line.substr(17)).append("\r\n");
      continue;
    }
    out.append(line).append("\r\n");
  }
  out.append("Content-Length: ").append(std::to_string(payload_size)).append("\r\n\r\n");
  return out;
}

Result<WarcWriter> WarcWriter::open(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) return make_error(ErrorCode::kIo, "cannot write " + path + ": " + std::strerror(errno));
  WarcWriter w;
  w.file_ = f;
  return w;
}

WarcWriter::WarcWriter(WarcWriter&& o) noexcept
    : file_(o.file_), failed_(o.failed_), serial_(o.serial_) {
  o.file_ = nullptr;
}

WarcWriter& WarcWriter::operator=(WarcWriter&& o) noexcept {
  if (this != &o) {
    close();
    file_ = o.file_;
    failed_ = o.failed_;
    serial_ = o.serial_;
    o.file_ = nullptr;
  }
  return *this;
}

WarcWriter::~WarcWriter() { close(); }

bool WarcWriter::close() {
  if (file_) {
    if (std::fclose(file_) != 0) failed_ = true;
    file_ = nullptr;
  }
  return !failed_;
}

bool WarcWriter::write_record(const std::string& header, std::string_view block1,
                              std::string_view block2) {
  if (!file_) return false;
  z_stream z{};
  if (deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY) !=
      Z_OK)
    return !(failed_ = true);
  std::string out;
  auto feed = [&](std::string_view in, int flush) {
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    z.avail_in = static_cast<uInt>(in.size());
    char buf[64 * 1024];
    do {
      z.next_out = reinterpret_cast<Bytef*>(buf);
      z.avail_out = sizeof buf;
      deflate(&z, flush);
      out.append(buf, sizeof buf - z.avail_out);
    } while (z.avail_out == 0);
  };
  feed(header, Z_NO_FLUSH);
  feed(block1, Z_NO_FLUSH);
  feed(block2, Z_NO_FLUSH);
  feed("\r\n\r\n", Z_FINISH);
  deflateEnd(&z);
  if (std::fwrite(out.data(), 1, out.size(), file_) != out.size()) failed_ = true;
  return !failed_;
}

bool WarcWriter::write(const Exchange& x) {
  std::string request_id = uuid();
  std::string response_head = warc_response_head(x.response_head, x.payload.size());
  std::string h = "WARC/1.1\r\nWARC-Type: request\r\nWARC-Record-ID: " + request_id +
                  "\r\nWARC-Date: " + x.date + "\r\nWARC-Target-URI: " + x.url +
                  "\r\nContent-Type: application/http; msgtype=request\r\n";
  if (!x.ip.empty()) h += "WARC-IP-Address: " + x.ip + "\r\n";
  h += "Content-Length: " + std::to_string(x.request.size()) + "\r\n\r\n";
  if (!write_record(h, x.request, "")) return false;
  h = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: " + uuid() + "\r\nWARC-Date: " + x.date +
      "\r\nWARC-Target-URI: " + x.url + "\r\nWARC-Concurrent-To: " + request_id +
      "\r\nContent-Type: application/http; msgtype=response\r\n";
  if (!x.ip.empty()) h += "WARC-IP-Address: " + x.ip + "\r\n";
  if (x.truncated) h += "WARC-Truncated: length\r\n";
  h += "Content-Length: " + std::to_string(response_head.size() + x.payload.size()) + "\r\n\r\n";
  ++serial_;
  return write_record(h, response_head, x.payload);
}

}  // namespace lede::fetch
