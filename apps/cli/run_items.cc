#include "run_items.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>

namespace lede::cli {
namespace {

// First read of every input: enough to tell a WARC archive from a page.
constexpr size_t kHeadBytes = 64 << 10;

// The pipeline notes inputs whose compressed data ended early this way.
bool has_truncation_warning(const Article& article) {
  for (const std::string& w : article.warnings)
    if (w.rfind("truncated input", 0) == 0) return true;
  return false;
}

Item failure(const std::string& path, ErrorCode code, std::string message) {
  Item item;
  item.kind = Item::Kind::kFailure;
  item.path = path;
  item.error = Error{code, std::move(message)};
  return item;
}

void read_archive(const std::string& path, int fd, std::string head, uint64_t start_offset,
                  std::optional<uint64_t> resume_offset, const ReadSettings& settings,
                  ItemSink& sink) {
  WarcReader reader = WarcReader::from_fd(fd, std::move(head), settings.limits, start_offset);
  uint64_t counted = reader.bytes_read();
  bool any = false;
  WarcRecord record = sink.spare_record();
  while (reader.next(record)) {
    any = true;
    sink.count_read(reader.bytes_read() - counted);
    counted = reader.bytes_read();
    // Resuming where the archive could not be sought: records written already.
    if (resume_offset && record.offset < *resume_offset) continue;
    // Records that never hold a page are counted here and go no further.
    if (!record.error && record.type != "response" && record.type != "resource") {
      sink.count_skip(page_from_record(record)->skipped);
      continue;
    }
    Item item;
    item.kind = Item::Kind::kRecord;
    item.path = path;
    item.resume_drop = resume_offset && record.offset == *resume_offset;
    item.record = std::move(record);
    if (!sink.push(std::move(item))) return;
    record = sink.spare_record();
  }
  sink.count_read(reader.bytes_read() - counted);
  if (!any && !resume_offset)
    sink.push(failure(path, ErrorCode::kEmptyInput, "the archive holds no records"));
}

// Whether the archive at `path` is read from `head` on: by the run's
// setting, or (auto) by its name or its first bytes.
bool is_archive(const std::string& path, std::string_view head, From from) {
  return from == From::kWarc ||
         (from == From::kAuto && (has_warc_name(path) || looks_like_warc(head)));
}

}  // namespace

void read_input(const Input& input, const ReadSettings& settings, ItemSink& sink,
                std::optional<uint64_t> resume_offset) {
  const std::string& path = input.path;
  if (!input.error.empty()) {
    sink.push(failure(path, ErrorCode::kIo, input.error));
    return;
  }
  const bool is_stdin = settings.dash_is_stdin && path == "-";
  const int fd = is_stdin ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    sink.push(failure(path, ErrorCode::kIo, "cannot open " + path + ": " + std::strerror(errno)));
    return;
  }
  auto close_fd = [&] {
    if (!is_stdin) ::close(fd);
  };
  struct stat st {};
  const bool stated = ::fstat(fd, &st) == 0;
  if (settings.output_id && stated && FileId{st.st_dev, st.st_ino} == *settings.output_id) {
    close_fd();
    sink.push(failure(path, ErrorCode::kIo,
                      path + " is this run's output file; it is not read as an input"));
    return;
  }
  if (resume_offset) {
    // Archive offsets are file offsets: go straight to the record, or read
    // up to it where the input cannot be sought.
    uint64_t start = 0;
    if (stated && S_ISREG(st.st_mode) &&
        ::lseek(fd, static_cast<off_t>(*resume_offset), SEEK_SET) >= 0)
      start = *resume_offset;
    read_archive(path, fd, "", start, resume_offset, settings, sink);
    close_fd();
    return;
  }
  std::string head;
  if (!read_some(fd, head, kHeadBytes)) {
    const int saved = errno;
    close_fd();
    sink.push(failure(path, ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(saved)));
    return;
  }
  if (is_archive(path, head, settings.from)) {
    read_archive(path, fd, std::move(head), 0, std::nullopt, settings, sink);
    close_fd();
    return;
  }
  const uint64_t limit = settings.limits.max_input_bytes;
  Item item;
  item.path = path;
  item.bytes = std::move(head);
  const bool ok =
      item.bytes.size() < kHeadBytes ||
      read_some(fd, item.bytes, static_cast<size_t>(std::min<uint64_t>(limit + 1, SIZE_MAX / 2)));
  const int saved = errno;
  close_fd();
  sink.count_read(item.bytes.size());
  if (!ok) {
    item = failure(path, ErrorCode::kIo, "cannot read " + path + ": " + std::strerror(saved));
  } else if (item.bytes.size() > limit) {
    const uint64_t read = item.bytes.size();
    item = failure(path, ErrorCode::kTooLarge,
                   path + " is larger than the input limit of " + std::to_string(limit) +
                       " bytes (max_input_bytes; " + std::string(settings.raise_limit_hint) + ")");
    item.bytes_read = read;
  }
  sink.push(std::move(item));
}

ItemResult process_item(Extractor& extractor, const Item& item, const Options& run_options,
                        From from, bool explain) {
  ItemResult result;
  result.where = item.path;
  Source& source = result.source;
  source.path = item.path;
  Options options = run_options;
  options.path = item.path;
  if (from == From::kHtml) options.from = InputFormat::kHtml;
  if (from == From::kText) options.from = InputFormat::kText;
  auto take = [&](Result<Article> article) {
    if (!article) {
      result.error = article.error();
      return;
    }
    result.truncated = has_truncation_warning(*article);
    result.no_content = article->text.empty();
    result.article = std::move(*article);
  };

  switch (item.kind) {
    case Item::Kind::kFailure:
      source.bytes = item.bytes_read;
      result.error = item.error;
      return result;
    case Item::Kind::kPage:
      source.bytes = item.bytes.size();
      if (explain) options.explain = &result.explanation;
      take(extractor.extract(item.bytes, options));
      return result;
    case Item::Kind::kRecord: {
      const WarcRecord& record = item.record;
      source.kind = "warc";
      source.offset = record.offset;
      source.target_uri = record.target_uri;
      source.warc_date = record.date;
      result.where += " at offset " + std::to_string(record.offset);
      Result<WarcPage> page = page_from_record(record, options.limits);
      if (!page) {
        // What was read of the record: its block, or all it claimed when
        // that was over the limit and passed over.
        source.bytes =
            page.error().code == ErrorCode::kTooLarge ? record.content_length : record.block.size();
        result.error = page.error();
        return result;
      }
      if (!page->skipped.empty()) {
        result.skipped = page->skipped;
        return result;
      }
      options.url = record.target_uri;
      options.http_charset = page->charset;
      if (options.from == InputFormat::kAuto) options.from = InputFormat::kHtml;
      source.bytes = page->body.size();
      Result<Article> article = extractor.extract(page->body, options);
      if (!article) {
        // What was cut may be why there is no article: say so.
        result.error = article.error();
        if (!page->truncated.empty()) {
          result.error->message += "; truncated input: " + page->truncated;
          result.truncated = true;
        }
        return result;
      }
      article->source.kind = "warc";
      article->source.offset = record.offset;
      article->source.target_uri = record.target_uri;
      article->source.warc_date = record.date;
      if (!page->truncated.empty())
        article->warnings.push_back("truncated input: " + page->truncated);
      take(std::move(article));
      return result;
    }
  }
  return result;
}

}  // namespace lede::cli
