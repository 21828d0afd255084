#include "input/archive_stream.h"

#include <libdeflate.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace lede::input {
namespace {

// After a corrupt member the search for the next one starts just after the
// bad member's header, if its compressed bytes are still this close;
// inflation can read past the damage into the next member.
constexpr size_t kKeepMemberBytes = 4 << 20;
// Compressed bytes kept buffered ahead of the reader when they can be had
// without waiting: dozens of crawl records (a page is 10 to 100 kB
// compressed), so a member rarely straddles the buffer's end and has to be
// tried twice.
constexpr size_t kWholeInputAhead = 2 << 20;
// Members larger than these (compressed, inflated) are inflated in steps:
// a whole member is held in memory, and records this large are rare and
// over or near Limits::max_input_bytes anyway.
constexpr size_t kMaxWholeInput = 4 << 20;
constexpr size_t kMaxWholeOutput = 32 << 20;
// Bytes of NULs and line ends tolerated between members as padding; a
// longer run is a damaged stretch (zeroed by a disk or a copy), never a
// member: the smallest WARC record compresses to more than this.
constexpr size_t kMaxPadding = 64;

bool is_member_header(const char* p) {
  const auto* u = reinterpret_cast<const unsigned char*>(p);
  // Magic, deflate method, no reserved flag bits (RFC 1952).
  return u[0] == 0x1f && u[1] == 0x8b && u[2] == 8 && (u[3] & 0xe0) == 0;
}

}  // namespace

void ArchiveStream::FreeDecompressor::operator()(libdeflate_decompressor* d) const {
  libdeflate_free_decompressor(d);
}

ArchiveStream::ArchiveStream(int fd, std::string head, uint64_t start_offset)
    : fd_(fd),
      head_(std::move(head)),
      file_pos_(start_offset),
      base_(start_offset),
      in_base_(start_offset) {
  struct stat st;
  regular_file_ = fstat(fd_, &st) == 0 && S_ISREG(st.st_mode);
}

ArchiveStream::~ArchiveStream() {
  if (z_ready_) inflateEnd(&z_);
}

uint64_t ArchiveStream::file_offset(uint64_t pos) const {
  if (!gzip_) return pos;
  uint64_t offset = 0;
  for (const auto& [start, file] : members_) {
    if (start > pos) break;
    offset = file;
  }
  return offset;
}

void ArchiveStream::consume(size_t n) {
  begin_ += std::min(n, end_ - begin_);
  uint64_t pos = position();
  // Keep only the member holding the window's start and those after it.
  while (members_.size() > 1 && members_[1].first <= pos) members_.pop_front();
}

void ArchiveStream::resume() {
  consume(end_ - begin_);
  break_ = false;
}

size_t ArchiveStream::fill(size_t want) {
  if (!sniffed_) {
    sniffed_ = true;
    // Two bytes tell gzip from anything else.
    while (head_.size() < 2) {
      char c[2];
      ssize_t n = ::read(fd_, c, 2 - head_.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      head_.append(c, static_cast<size_t>(n));
    }
    gzip_ = head_.size() >= 2 && static_cast<unsigned char>(head_[0]) == 0x1f &&
            static_cast<unsigned char>(head_[1]) == 0x8b;
    if (gzip_) base_ = 0;  // inflated positions count from where reading began
  }
  if (end_ - begin_ < want && !break_ && !end_of_file_) {
    if (gzip_)
      pump_gzip(want);
    else
      pump_plain(want);
  }
  return end_ - begin_;
}

void ArchiveStream::make_room(size_t want) {
  if (buf_.size() - end_ >= kChunk && buf_.size() - begin_ >= want) return;
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    base_ += begin_;
    end_ -= begin_;
    begin_ = 0;
  }
  size_t need = std::max(want, end_) + kChunk;
  if (buf_.size() < need) buf_.resize(std::max(need, buf_.size() + buf_.size() / 2));
}

void ArchiveStream::make_output_room(size_t room) {
  if (buf_.size() - end_ >= room) return;
  if (begin_ > 0) {
    std::memmove(buf_.data(), buf_.data() + begin_, end_ - begin_);
    base_ += begin_;
    end_ -= begin_;
    begin_ = 0;
  }
  if (buf_.size() - end_ < room) buf_.resize(end_ + room);
}

void ArchiveStream::pump_plain(size_t want) {
  while (end_ - begin_ < want) {
    make_room(want);
    size_t room = buf_.size() - end_;
    size_t got = 0;
    if (head_pos_ < head_.size()) {
      got = std::min(room, head_.size() - head_pos_);
      std::memcpy(buf_.data() + end_, head_.data() + head_pos_, got);
      head_pos_ += got;
    } else {
      ssize_t n = ::read(fd_, buf_.data() + end_, room);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        end_of_file_ = true;
        return;
      }
      got = static_cast<size_t>(n);
    }
    end_ += got;
    file_pos_ += got;
  }
}

bool ArchiveStream::refill_input(size_t room) {
  if (input_ended_) return false;
  if (in_.size() - in_end_ < room) {
    size_t keep_from = in_pos_;
    if (in_member_ && member_offset_ >= in_base_ &&
        in_base_ + in_pos_ - member_offset_ < kKeepMemberBytes)
      keep_from = static_cast<size_t>(member_offset_ - in_base_);
    if (keep_from > 0) {
      std::memmove(in_.data(), in_.data() + keep_from, in_end_ - keep_from);
      in_base_ += keep_from;
      in_pos_ -= keep_from;
      in_end_ -= keep_from;
    }
    if (in_.size() - in_end_ < room) in_.resize(in_end_ + room);
  }
  while (true) {
    size_t room = in_.size() - in_end_;
    if (head_pos_ < head_.size()) {
      size_t got = std::min(room, head_.size() - head_pos_);
      std::memcpy(in_.data() + in_end_, head_.data() + head_pos_, got);
      head_pos_ += got;
      in_end_ += got;
      file_pos_ += got;
      return true;
    }
    ssize_t n = ::read(fd_, in_.data() + in_end_, room);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      input_ended_ = true;
      return false;
    }
    in_end_ += static_cast<size_t>(n);
    file_pos_ += static_cast<uint64_t>(n);
    return true;
  }
}

void ArchiveStream::buffer_input(size_t want, bool wait) {
  while (in_end_ - in_pos_ < want && (wait || input_ready()) &&
         refill_input(std::min(want - (in_end_ - in_pos_), kChunk))) {
  }
}

bool ArchiveStream::input_ready() const {
  if (regular_file_ || head_pos_ < head_.size()) return true;
  pollfd p{fd_, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0;
}

bool ArchiveStream::start_member() {
  uint64_t gap_start = in_base_ + in_pos_;  // where the bytes after the last member begin
  size_t padding = 0;
  while (true) {
    while (in_end_ - in_pos_ < 4) {
      if (!refill_input()) {
        in_pos_ = in_end_;  // a few stray bytes at the end: nothing to inflate
        if (!resyncing_ && padding > kMaxPadding) {
          note_break(gap_start, 0,
                     std::to_string(padding) +
                         " bytes of NULs or line ends where a gzip "
                         "member should be");
          resyncing_ = true;
        }
        return false;
      }
    }
    const char* p = in_.data() + in_pos_;
    if (is_member_header(p)) {
      if (!resyncing_ && padding > kMaxPadding) {
        // A zeroed stretch that ends where a member starts: members were
        // there. Reported before the member is read.
        note_break(gap_start, 0,
                   std::to_string(padding) +
                       " bytes of NULs or line ends where gzip "
                       "members should be");
        padding = 0;
        return false;
      }
      member_offset_ = in_base_ + in_pos_;
      in_member_ = true;
      member_output_ = 0;
      members_.emplace_back(base_ + end_, member_offset_);
      return true;
    }
    if (!resyncing_) {
      // Padding after a member (NULs, line ends) is harmless; anything
      // else is damage.
      if (*p == 0 || *p == '\n' || *p == '\r') {
        ++in_pos_;
        ++padding;
        continue;
      }
      note_break(gap_start, 0, "bytes that are not gzip data between members");
      resyncing_ = true;
      return false;
    }
    // Look for the next member header.
    const char* found = nullptr;
    for (const char* q = p + 1; q + 4 <= in_.data() + in_end_; ++q) {
      q = static_cast<const char*>(std::memchr(q, 0x1f, in_.data() + in_end_ - q));
      if (!q || q + 4 > in_.data() + in_end_) break;
      if (is_member_header(q)) {
        found = q;
        break;
      }
    }
    in_pos_ = found ? static_cast<size_t>(found - in_.data()) : in_end_ - 3;
  }
}

ArchiveStream::Whole ArchiveStream::inflate_whole_member() {
  if (!whole_) whole_.reset(libdeflate_alloc_decompressor());
  if (!whole_) return Whole::kTooLarge;
  size_t out_room = whole_room_;
  // Topped up by half the look-ahead at a time, so that the bytes moved to
  // the buffer's front stay fewer than those read.
  if (in_end_ - in_pos_ < kWholeInputAhead / 2) buffer_input(kWholeInputAhead, false);
  while (true) {
    make_output_room(out_room);
    size_t in_used = 0, out_used = 0;
    libdeflate_result rc =
        libdeflate_gzip_decompress_ex(whole_.get(), in_.data() + in_pos_, in_end_ - in_pos_,
                                      buf_.data() + end_, buf_.size() - end_, &in_used, &out_used);
    if (rc == LIBDEFLATE_SUCCESS) {
      whole_room_ = out_room;
      in_pos_ += in_used;
      end_ += out_used;
      member_output_ = out_used;
      in_member_ = false;
      resyncing_ = false;
      return Whole::kDone;
    }
    if (rc == LIBDEFLATE_INSUFFICIENT_SPACE) {
      if (out_room >= kMaxWholeOutput) return Whole::kTooLarge;
      out_room = std::min(out_room * 4, kMaxWholeOutput);
      continue;
    }
    // Bad data: damage, or a member that goes on past the buffered input.
    // Wait only for the next bytes, not for a full look-ahead: a pipe from
    // a live crawl may pause just after this member.
    size_t have = in_end_ - in_pos_;
    if (have >= kMaxWholeInput) return Whole::kTooLarge;
    if (input_ended_) return Whole::kBad;
    if (!refill_input(std::max(kChunk, have))) return Whole::kBad;
    buffer_input(2 * have, false);
  }
}

bool ArchiveStream::start_steps() {
  if (!z_ready_) {
    if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) return false;
    z_ready_ = true;
  } else {
    inflateReset(&z_);
  }
  member_output_ = 0;
  return true;
}

void ArchiveStream::fail_member(const char* what) {
  in_member_ = false;
  // Start the search just after this member's header if it is still held.
  size_t from =
      member_offset_ >= in_base_ ? static_cast<size_t>(member_offset_ - in_base_) + 1 : in_pos_;
  in_pos_ = std::min(from, in_end_);
  bool was_resyncing = resyncing_;
  resyncing_ = true;
  // A false header found while searching that yields nothing is passed over
  // silently.
  if (was_resyncing && member_output_ == 0) return;
  note_break(member_offset_, member_output_,
             std::string("corrupt gzip member (") + (what ? what : "inflate failed") + ")");
}

void ArchiveStream::note_break(uint64_t offset, uint64_t output, std::string message) {
  break_ = true;
  break_offset_ = offset;
  break_output_ = output;
  break_message_ = std::move(message);
}

void ArchiveStream::finish_member() {
  if (gzip_ && in_member_ && !break_) pump_gzip(0, true);
}

void ArchiveStream::pump_gzip(size_t want, bool member_only) {
  while (!break_ && (member_only ? in_member_ : end_ - begin_ < want)) {
    if (!in_member_) {
      if (!start_member()) {
        if (!break_) end_of_file_ = true;
        return;
      }
      Whole whole = inflate_whole_member();
      if (whole == Whole::kDone) continue;
      if (whole == Whole::kBad && resyncing_) {
        // What looked like a member header in damaged data does not start
        // a whole member: search on from the byte after it. Only a member
        // that inflates whole, checksum and all, ends the search.
        in_member_ = false;
        members_.pop_back();
        in_pos_ = std::min(static_cast<size_t>(member_offset_ - in_base_) + 1, in_end_);
        continue;
      }
      if (!start_steps()) {
        fail_member("zlib failed to initialise");
        continue;
      }
    }
    if (in_pos_ == in_end_ && !refill_input()) {
      // The file ends inside a member: what was inflated stays visible and
      // the reader finds its record cut short.
      in_member_ = false;
      end_of_file_ = true;
      return;
    }
    make_room(member_only ? end_ - begin_ + 1 : want);
    z_.next_in = reinterpret_cast<Bytef*>(in_.data() + in_pos_);
    z_.avail_in = static_cast<uInt>(in_end_ - in_pos_);
    z_.next_out = reinterpret_cast<Bytef*>(buf_.data() + end_);
    z_.avail_out = static_cast<uInt>(std::min<size_t>(buf_.size() - end_, 1u << 30));
    int rc = inflate(&z_, Z_NO_FLUSH);
    size_t produced = reinterpret_cast<char*>(z_.next_out) - (buf_.data() + end_);
    in_pos_ = reinterpret_cast<char*>(z_.next_in) - in_.data();
    end_ += produced;
    member_output_ += produced;
    if (rc == Z_STREAM_END) {
      in_member_ = false;
      resyncing_ = false;
      continue;
    }
    if (rc == Z_OK || rc == Z_BUF_ERROR) continue;
    fail_member(z_.msg);
  }
}

}  // namespace lede::input
