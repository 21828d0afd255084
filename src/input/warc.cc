// The WARC reader (include/lede/warc.h): records parsed from an
// ArchiveStream, and the pages inside response and resource records.
//
// A record is read in three steps:
//   1. skip the line ends between records; a break with nothing pending is
//      reported as a record of its own;
//   2. read the header up to its blank line and take Content-Length;
//   3. read the block and check the CRLF CRLF after it. When that check
//      fails the Content-Length lied: the record ends where the next
//      "WARC/1." line starts, before or after where it claimed to.
#include "lede/warc.h"

#include <fcntl.h>
#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>

#include "core/text.h"
#include "input/archive_stream.h"
#include "input/decode.h"
#include "input/http.h"

namespace lede {
namespace {

// A WARC header is a few hundred bytes; one larger than this is not a header.
constexpr size_t kMaxHeaderBytes = 64 << 10;
// Of a block over the input limit, this much is kept so that its HTTP
// header can still tell whether the record would be skipped anyway.
constexpr size_t kTooLargePeekBytes = 64 << 10;
constexpr std::string_view kRecordEnd = "\r\n\r\n";

bool starts_record(std::string_view v, size_t at) { return v.compare(at, 7, "WARC/1.") == 0; }

// The first position at or after `from` where a line starts with "WARC/1.".
size_t find_record_start(std::string_view v, size_t from) {
  size_t p = v.find("\nWARC/1.", from == 0 ? 0 : from - 1);
  return p == std::string_view::npos ? p : p + 1;
}

uint64_t parse_decimal(std::string_view s, bool& ok) {
  s = core::trim(s);
  ok = !s.empty() && s.size() <= 18;
  uint64_t n = 0;
  for (char c : s) {
    if (c < '0' || c > '9') {
      ok = false;
      return 0;
    }
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  return n;
}

Error bad_archive(std::string message) { return Error{ErrorCode::kBadArchive, std::move(message)}; }

}  // namespace

struct WarcReader::Impl {
  Impl(int fd, bool owns_fd, std::string head, const Limits& limits, uint64_t start_offset = 0)
      : fd(fd), owns_fd(owns_fd), stream(fd, std::move(head), start_offset), limits(limits) {}
  ~Impl() {
    if (owns_fd) ::close(fd);
  }

  bool next(WarcRecord& record);
  bool read_record(WarcRecord& record);
  // Goes on after a break in the data; says how many bytes from `from` (the
  // damaged member) yielded nothing, up to the next intact member.
  std::string resume_after_break(uint64_t from);
  void skip_blank();
  void skip_blank_in_view();
  void skip_garbage(WarcRecord& record);
  bool parse_header(std::string_view header, WarcRecord& record, std::string& problem);
  void read_too_large(WarcRecord& record, size_t header_size);
  void cut_short(WarcRecord& record, size_t header_size);
  void lying_length(WarcRecord& record, size_t header_size);
  void skip_to_record(size_t from);

  int fd;
  bool owns_fd;
  input::ArchiveStream stream;
  Limits limits;
};

void WarcReader::Impl::skip_blank() {
  while (true) {
    std::string_view v = stream.view();
    size_t i = 0;
    while (i < v.size() && (v[i] == '\r' || v[i] == '\n' || v[i] == '\0')) ++i;
    stream.consume(i);
    if (i < v.size()) return;
    if (stream.fill(1) == 0) return;
  }
}

// Consumes up to the next line that starts a record, `from` bytes or more
// into the window, or to the end of what can be read.
void WarcReader::Impl::skip_to_record(size_t from) {
  while (true) {
    std::string_view v = stream.view();
    size_t p = find_record_start(v, from);
    if (p != std::string_view::npos) {
      stream.consume(p);
      return;
    }
    // Keep a tail so that a record start split by the refill is still seen.
    size_t keep = std::min<size_t>(v.size(), 8);
    stream.consume(v.size() - keep);
    from = 1;
    if (stream.fill(keep + 1) == keep) {
      stream.consume(keep);
      return;
    }
  }
}

void WarcReader::Impl::skip_garbage(WarcRecord& record) {
  uint64_t start = stream.position();
  record.offset = stream.file_offset(start);
  skip_to_record(1);
  uint64_t skipped = stream.position() - start;
  record.error = bad_archive("no WARC record here: " + std::to_string(skipped) +
                             " bytes skipped to the next record");
  if (stream.at_break() && stream.view().empty()) {
    uint64_t at = stream.break_offset();
    record.error->message +=
        "; then " + stream.break_message() + " at offset " + std::to_string(at);
    record.error->message += resume_after_break(at);
  }
}

bool WarcReader::Impl::parse_header(std::string_view header, WarcRecord& record,
                                    std::string& problem) {
  bool have_length = false;
  size_t pos = header.find('\n');
  while (pos != std::string_view::npos && pos + 1 < header.size()) {
    size_t start = pos + 1;
    pos = header.find('\n', start);
    std::string_view line =
        header.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start);
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view name = core::trim(line.substr(0, colon));
    std::string_view value = core::trim(line.substr(colon + 1));
    if (!value.empty() && value.back() == '\r') value.remove_suffix(1);
    if (core::iequals(name, "WARC-Type")) {
      record.type.assign(value);
      for (char& c : record.type) c = core::ascii_lower(c);
    } else if (core::iequals(name, "WARC-Target-URI")) {
      // WARC 1.0 examples wrap the URI in angle brackets.
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>')
        value = value.substr(1, value.size() - 2);
      record.target_uri.assign(value);
    } else if (core::iequals(name, "WARC-Date")) {
      record.date.assign(value);
    } else if (core::iequals(name, "WARC-Record-ID")) {
      record.record_id.assign(value);
    } else if (core::iequals(name, "WARC-Truncated")) {
      record.truncated.assign(value);
    } else if (core::iequals(name, "Content-Type")) {
      record.content_type.assign(value);
    } else if (core::iequals(name, "Content-Length")) {
      record.content_length = parse_decimal(value, have_length);
      if (!have_length) {
        problem = "Content-Length is not a number";
        return false;
      }
    }
  }
  if (!have_length) problem = "the record has no Content-Length";
  return have_length;
}

// The block is over the input limit: keep its first bytes, skip the rest.
void WarcReader::Impl::read_too_large(WarcRecord& record, size_t header_size) {
  size_t peek = static_cast<size_t>(std::min<uint64_t>(record.content_length, kTooLargePeekBytes));
  size_t got = stream.fill(header_size + peek);
  record.block.assign(
      stream.view().substr(header_size, std::min(peek, got - std::min(got, header_size))));
  uint64_t left = header_size + record.content_length;
  while (left > 0) {
    size_t n = stream.fill(1);
    if (n == 0) break;
    size_t take = static_cast<size_t>(std::min<uint64_t>(n, left));
    stream.consume(take);
    left -= take;
  }
  record.error = Error{ErrorCode::kTooLarge,
                       "the record's block of " + std::to_string(record.content_length) +
                           " bytes is over the input limit of " +
                           std::to_string(limits.max_input_bytes) + " bytes (max_input_bytes)"};
  if (left > 0 && !stream.at_break()) record.error->message += "; the archive ends inside it";
}

// The data ends (end of file or a corrupt member) before the block does.
void WarcReader::Impl::cut_short(WarcRecord& record, size_t header_size) {
  std::string_view v = stream.view();
  size_t next = find_record_start(v, header_size);
  if (next != std::string_view::npos) {
    lying_length(record, header_size);
    return;
  }
  size_t have = v.size() - std::min(v.size(), header_size);
  record.block.assign(v.substr(std::min(v.size(), header_size)));
  if (stream.at_break()) {
    uint64_t at = stream.break_offset();
    record.error = bad_archive("the record is cut by a " + stream.break_message() + " at offset " +
                               std::to_string(at) + " after " + std::to_string(have) + " of its " +
                               std::to_string(record.content_length) + " bytes");
    record.error->message += resume_after_break(at);
  } else {
    record.error =
        bad_archive("the archive ends inside this record, after " + std::to_string(have) +
                    " of its " + std::to_string(record.content_length) + " bytes (truncated file)");
    stream.consume(v.size());
  }
}

// The block does not end where Content-Length says: the record ends where
// the next one starts.
void WarcReader::Impl::lying_length(WarcRecord& record, size_t header_size) {
  std::string_view v = stream.view();
  size_t next = find_record_start(v, header_size);
  size_t claimed_end = header_size + static_cast<size_t>(record.content_length);
  if (next != std::string_view::npos && next < claimed_end) {
    size_t end = next;
    while (end > header_size && (v[end - 1] == '\r' || v[end - 1] == '\n')) --end;
    record.block.assign(v.substr(header_size, end - header_size));
    record.error =
        bad_archive("Content-Length says " + std::to_string(record.content_length) +
                    " bytes but the next record starts after " + std::to_string(end - header_size));
    stream.consume(next);
    return;
  }
  record.block.assign(v.substr(header_size, std::min(v.size(), claimed_end) - header_size));
  uint64_t start = stream.position();
  skip_to_record(claimed_end);
  uint64_t length = stream.position() - start - header_size;
  record.error = bad_archive("Content-Length says " + std::to_string(record.content_length) +
                             " bytes but the record runs on for about " + std::to_string(length));
}

std::string WarcReader::Impl::resume_after_break(uint64_t from) {
  stream.resume();
  stream.fill(1);
  uint64_t next;
  std::string where;
  if (!stream.view().empty()) {
    next = stream.file_offset(stream.position());
    where = "to the next intact member at offset " + std::to_string(next);
  } else if (stream.at_break()) {
    next = stream.break_offset();
    where = "to more damage at offset " + std::to_string(next);
  } else {
    next = stream.bytes_read();
    where = "to the end of the archive";
  }
  return "; " + std::to_string(next > from ? next - from : 0) + " bytes skipped " + where;
}

bool WarcReader::Impl::next(WarcRecord& record) {
  if (!read_record(record)) return false;
  // The rest of the record's gzip member is inflated now, so that its
  // checksum vouches for the record. When the member is damaged, the
  // record is reported with the damage, once (even when its bytes looked
  // whole: they cannot be trusted), and what else the member inflated to
  // is dropped with it.
  if (stream.compressed() && !record.error) {
    stream.finish_member();
    if (stream.at_break() && stream.break_offset() == record.offset) {
      stream.consume(stream.view().size());
      uint64_t at = stream.break_offset();
      record.error = bad_archive("the record's gzip member is damaged: " + stream.break_message() +
                                 " at offset " + std::to_string(at) + resume_after_break(at));
    }
  } else if (stream.compressed() && stream.at_break() && stream.break_offset() == record.offset) {
    // A record found faulty (a length that lies) because its member broke.
    stream.consume(stream.view().size());
    uint64_t at = stream.break_offset();
    record.error = bad_archive("the record's gzip member is damaged: " + stream.break_message() +
                               " at offset " + std::to_string(at) +
                               " (so: " + record.error->message + ")" + resume_after_break(at));
  }
  return true;
}

// Consumes the line ends visible in the window, without reading more.
void WarcReader::Impl::skip_blank_in_view() {
  std::string_view v = stream.view();
  size_t i = 0;
  while (i < v.size() && (v[i] == '\r' || v[i] == '\n' || v[i] == '\0')) ++i;
  stream.consume(i);
}

bool WarcReader::Impl::read_record(WarcRecord& record) {
  // Cleared, not replaced: the strings keep their storage for this record.
  record.offset = 0;
  for (std::string* s : {&record.type, &record.target_uri, &record.date, &record.record_id,
                         &record.content_type, &record.truncated, &record.block})
    s->clear();
  record.content_length = 0;
  record.error.reset();

  // 1. Between records.
  skip_blank();
  if (stream.view().empty()) {
    if (!stream.at_break()) return false;
    uint64_t at = stream.break_offset();
    record.offset = at;
    record.error = bad_archive(stream.break_message() + " at offset " + std::to_string(at) +
                               resume_after_break(at));
    return true;
  }
  if (stream.fill(8) < 7 || !starts_record(stream.view(), 0)) {
    skip_garbage(record);
    return true;
  }

  // 2. The header.
  record.offset = stream.file_offset(stream.position());
  size_t header_end = std::string_view::npos;
  for (size_t searched = 0;;) {
    std::string_view v = stream.view();
    size_t p = v.find(kRecordEnd, searched >= 3 ? searched - 3 : 0);
    if (p != std::string_view::npos) {
      header_end = p + kRecordEnd.size();
      break;
    }
    searched = v.size();
    if (searched > kMaxHeaderBytes) break;
    if (stream.fill(searched + 1) == searched) break;
  }
  if (header_end == std::string_view::npos) {
    std::string_view v = stream.view();
    if (v.size() > kMaxHeaderBytes) {
      record.error = bad_archive("the record header does not end within " +
                                 std::to_string(kMaxHeaderBytes) + " bytes");
      skip_to_record(1);
      return true;
    }
    std::string problem;
    parse_header(v, record, problem);
    cut_short(record, v.size());
    return true;
  }
  std::string problem;
  if (!parse_header(stream.view().substr(0, header_end), record, problem)) {
    record.error = bad_archive(problem);
    stream.consume(header_end);
    skip_to_record(0);
    return true;
  }

  // 3. The block and the record end.
  if (record.content_length > limits.max_input_bytes) {
    read_too_large(record, header_end);
    return true;
  }
  size_t block_end = header_end + static_cast<size_t>(record.content_length);
  size_t have = stream.fill(block_end + kRecordEnd.size());
  std::string_view v = stream.view();
  if (have < block_end) {
    cut_short(record, header_end);
    return true;
  }
  std::string_view tail = v.substr(block_end, kRecordEnd.size());
  bool ends_well = tail == kRecordEnd ||
                   (tail.size() < kRecordEnd.size() && kRecordEnd.substr(0, tail.size()) == tail &&
                    !stream.at_break()) ||
                   (tail.size() == kRecordEnd.size() && starts_record(v, block_end));
  if (!ends_well) {
    lying_length(record, header_end);
    return true;
  }
  record.block.assign(v.substr(header_end, block_end - header_end));
  stream.consume(block_end + (tail == kRecordEnd ? tail.size() : 0));
  return true;
}

WarcReader::WarcReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
WarcReader::WarcReader(WarcReader&&) noexcept = default;
WarcReader& WarcReader::operator=(WarcReader&&) noexcept = default;
WarcReader::~WarcReader() = default;

Result<WarcReader> WarcReader::open(const std::string& path, const Limits& limits) {
  if (path == "-") return from_fd(STDIN_FILENO, "", limits);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return make_error(ErrorCode::kIo, "cannot open " + path + ": " + std::strerror(errno));
  return WarcReader(std::make_unique<Impl>(fd, true, "", limits));
}

WarcReader WarcReader::from_fd(int fd, std::string head, const Limits& limits,
                               uint64_t start_offset) {
  return WarcReader(std::make_unique<Impl>(fd, false, std::move(head), limits, start_offset));
}

std::optional<WarcRecord> WarcReader::next() {
  WarcRecord record;
  if (!impl_->next(record)) return std::nullopt;
  return record;
}

bool WarcReader::next(WarcRecord& record) { return impl_->next(record); }
uint64_t WarcReader::bytes_read() const { return impl_->stream.bytes_read(); }
uint64_t WarcReader::bytes_inflated() const { return impl_->stream.bytes_inflated(); }

namespace {

bool is_html_media_type(std::string_view type) {
  return type.empty() || type == "text/html" || type == "application/xhtml+xml" ||
         type == "application/vnd.wap.xhtml+xml";
}

std::string skip_reason_for_type(std::string_view type) {
  for (std::string_view known :
       {"request", "metadata", "warcinfo", "revisit", "conversion", "continuation"})
    if (type == known) return std::string(known);
  return "other";
}

}  // namespace

Result<WarcPage> page_from_record(const WarcRecord& record, const Limits& limits) {
  WarcPage page;
  // Damage other than size is always reported, whatever the record held.
  if (record.error && record.error->code != ErrorCode::kTooLarge)
    return tl::unexpected(*record.error);
  std::string_view block = record.block;
  bool http = core::starts_with_icase(record.content_type, "application/http") ||
              (record.content_type.empty() && block.substr(0, 5) == "HTTP/");
  if (record.type == "resource" || (record.type == "response" && !http)) {
    page.media_type = input::media_type(record.content_type);
    page.charset = input::charset_from_content_type(record.content_type);
    if (!is_html_media_type(page.media_type)) {
      page.skipped = "not_html";
      return page;
    }
    if (record.error) return tl::unexpected(*record.error);
    page.body = std::string(block);
    if (!record.truncated.empty())
      page.truncated = "the crawler cut the download (WARC-Truncated: " + record.truncated + ")";
    return page;
  }
  if (record.type != "response") {
    page.skipped = skip_reason_for_type(record.type);
    return page;
  }
  auto head = input::parse_http_head(block);
  if (!head) return tl::unexpected(record.error ? *record.error : head.error());
  page.status = head->status;
  page.media_type = input::media_type(head->content_type);
  page.charset = input::charset_from_content_type(head->content_type);
  if (page.status != 200) {
    page.skipped = "http_" + std::to_string(page.status);
    return page;
  }
  if (!is_html_media_type(page.media_type)) {
    page.skipped = "not_html";
    return page;
  }
  if (record.error) return tl::unexpected(*record.error);
  std::string_view payload = block.substr(std::min(head->size, block.size()));
  std::string dechunked;
  std::string cut_chunks, cut_content;
  if (head->transfer_encoding.find("chunked") != std::string::npos) {
    auto r = input::dechunk(payload, limits.max_input_bytes, &cut_chunks);
    if (!r) return tl::unexpected(r.error());
    dechunked = std::move(*r);
    payload = dechunked;
  }
  auto body =
      input::decode_content(payload, head->content_encoding, limits.max_input_bytes, &cut_content);
  if (!body) return tl::unexpected(body.error());
  page.body = std::move(*body);
  // The first cause found: the crawler's cut explains the others.
  if (!record.truncated.empty())
    page.truncated = "the crawler cut the download (WARC-Truncated: " + record.truncated + ")";
  else if (!cut_chunks.empty())
    page.truncated = cut_chunks;
  else if (!cut_content.empty())
    page.truncated =
        "the payload (Content-Encoding: " + head->content_encoding + "): " + cut_content;
  return page;
}

bool looks_like_warc(std::string_view head) {
  if (head.substr(0, 7) == "WARC/1.") return true;
  if (head.size() < 10 || static_cast<unsigned char>(head[0]) != 0x1f ||
      static_cast<unsigned char>(head[1]) != 0x8b)
    return false;
  z_stream z{};
  if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) return false;
  char out[16];
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(head.data()));
  z.avail_in = static_cast<uInt>(head.size());
  z.next_out = reinterpret_cast<Bytef*>(out);
  z.avail_out = sizeof out;
  inflate(&z, Z_SYNC_FLUSH);
  size_t produced = sizeof out - z.avail_out;
  inflateEnd(&z);
  return std::string_view(out, produced).substr(0, 7) == "WARC/1.";
}

}  // namespace lede
