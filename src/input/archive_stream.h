// The bytes of an archive file, inflated when it is gzip-compressed, as one
// sliding window that a record parser looks into and consumes.
//
// A gzip file is read member by member (WARC writers compress each record
// as its own member); the stream remembers where in the file each member
// started, so a record can be located by its member's offset. A corrupt
// member is a *break*: the window stops where inflation failed, and after
// resume() continues with the next member that inflates, so the records
// after the damage are still read. Memory is the window (as large as the
// largest look-ahead asked for) plus fixed zlib buffers.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>

namespace lede::input {

class ArchiveStream {
 public:
  // Reads `fd` (not closed here) after the bytes in `head`.
  ArchiveStream(int fd, std::string head);
  ~ArchiveStream();
  ArchiveStream(const ArchiveStream&) = delete;
  ArchiveStream& operator=(const ArchiveStream&) = delete;

  // Makes at least `want` bytes visible unless the file ends or a break
  // comes first; returns how many are visible.
  size_t fill(size_t want);
  std::string_view view() const { return {buf_.data() + begin_, end_ - begin_}; }
  void consume(size_t n);

  // Position of the window's first byte in the (inflated) data.
  uint64_t position() const { return base_ + begin_; }
  // The file offset of the data at inflated position `pos`: the offset of
  // the gzip member it lies in, or `pos` itself for an uncompressed file.
  uint64_t file_offset(uint64_t pos) const;

  bool compressed() const { return gzip_; }
  // The file ended (and everything before it was inflated).
  bool at_end() const { return end_of_file_ && !break_ && begin_ == end_ && drained(); }
  // A corrupt stretch stops the window; see break_message().
  bool at_break() const { return break_; }
  const std::string& break_message() const { return break_message_; }
  uint64_t break_offset() const { return break_offset_; }  // file offset of the bad member
  // Drops the window and continues after the break.
  void resume();

  uint64_t bytes_read() const { return file_pos_; }
  uint64_t bytes_inflated() const { return base_ + end_; }

 private:
  bool drained() const { return !gzip_ || (in_pos_ == in_end_ && !in_member_); }
  void make_room(size_t want);
  bool refill_input();  // false at the end of the file
  void pump_plain(size_t want);
  void pump_gzip(size_t want);
  bool start_member();  // finds and opens the next member; false at the end
  void fail_member(const char* what);

  int fd_;
  std::string head_;
  size_t head_pos_ = 0;
  bool end_of_file_ = false;
  uint64_t file_pos_ = 0;  // bytes taken from the file

  std::string buf_;  // the window: [begin_, end_)
  size_t begin_ = 0, end_ = 0;
  uint64_t base_ = 0;  // inflated position of buf_[0]

  bool gzip_ = false;
  bool sniffed_ = false;
  z_stream z_{};
  bool z_ready_ = false;
  std::string in_;  // compressed input: [in_pos_, in_end_) unread
  size_t in_pos_ = 0, in_end_ = 0;
  uint64_t in_base_ = 0;  // file offset of in_[0]
  bool in_member_ = false;
  uint64_t member_offset_ = 0;  // file offset of the current member
  uint64_t member_output_ = 0;  // bytes the current member has produced
  bool resyncing_ = false;      // looking for a good member after damage
  // (inflated position, file offset) of members starting inside or after the
  // window.
  std::deque<std::pair<uint64_t, uint64_t>> members_;

  bool break_ = false;
  bool break_pending_ = false;  // damage seen; the break starts once it is reported
  std::string break_message_;
  uint64_t break_offset_ = 0;
};

}  // namespace lede::input
