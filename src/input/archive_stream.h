// The bytes of an archive file, inflated when it is gzip-compressed, as one
// sliding window that a record parser looks into and consumes.
//
// A gzip file is read member by member (WARC writers compress each record
// as its own member); the stream remembers where in the file each member
// started, so a record can be located by its member's offset. A corrupt
// member is a *break*: the window stops where inflation failed, and after
// resume() continues with the next member that inflates, so the records
// after the damage are still read.
//
// A member is inflated in one call with libdeflate (about 2.5 times zlib's
// speed) when all of it is in the input buffer and its output fits the
// window's spare room; a member that does not (one over kMaxWholeInput or
// kMaxWholeOutput, damaged, or cut by the end of the file) is inflated
// again from its start with zlib in steps, which keeps what inflates
// before the damage. Both give the same bytes for a sound member.
//
// Memory is the window (as large as the largest look-ahead asked for, or
// one whole member) plus the compressed input (2 MB read ahead when it can
// be had without waiting; up to twice kMaxWholeInput while a large member
// is tried) and fixed zlib and libdeflate state.
#pragma once

#include <zlib.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <string_view>

struct libdeflate_decompressor;

namespace lede::input {

class ArchiveStream {
 public:
  // Bytes read from the file at a time (at least), and the least free room
  // the window keeps for inflating into: large enough that zlib and read()
  // run in long strides, small against a record.
  static constexpr size_t kChunk = 256 << 10;

  // Reads `fd` (not closed here) after the bytes in `head`; `start_offset`
  // is the file offset of head's first byte, from which offsets count.
  ArchiveStream(int fd, std::string head, uint64_t start_offset = 0);
  ~ArchiveStream();
  ArchiveStream(const ArchiveStream&) = delete;
  ArchiveStream& operator=(const ArchiveStream&) = delete;

  // Makes at least `want` bytes visible unless the file ends or a break
  // comes first; returns how many are visible.
  size_t fill(size_t want);
  std::string_view view() const { return {buf_.data() + begin_, end_ - begin_}; }
  void consume(size_t n);
  // Inflates the rest of the gzip member under way, if any, so that damage
  // in it (its checksum at the end included) shows now as a break; reads
  // nothing of the next member.
  void finish_member();

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
  // Bytes the bad member inflated to before the damage (they are in the
  // window, before the break); 0 when the break is a stretch of non-gzip
  // bytes.
  uint64_t break_output() const { return break_output_; }
  // Drops the window and continues after the break.
  void resume();

  uint64_t bytes_read() const { return file_pos_; }
  uint64_t bytes_inflated() const { return base_ + end_; }

 private:
  struct FreeDecompressor {
    void operator()(libdeflate_decompressor* d) const;
  };

  bool drained() const { return !gzip_ || (in_pos_ == in_end_ && !in_member_); }
  void make_room(size_t want);
  // Makes `room` bytes free after end_ for output, moving the window to the
  // front of buf_ first.
  void make_output_room(size_t room);
  // One read() into in_, with at least `room` bytes free for it; false at
  // the end of the file (or on a read error).
  bool refill_input(size_t room = kChunk);
  // Reads until `want` compressed bytes are buffered, the file ends or, unless
  // `wait`, a read would wait for a writer.
  void buffer_input(size_t want, bool wait);
  // A read() now would not wait for a writer: a regular file, or a pipe
  // with data (or its end) ready.
  bool input_ready() const;
  void pump_plain(size_t want);
  void pump_gzip(size_t want, bool member_only = false);
  bool start_member();  // finds the next member; false at the end
  // Inflates the member at in_pos_ in one call. kBad: it does not inflate
  // (damage, or the file ends inside it); kTooLarge: it is too large to try
  // whole. Nothing is consumed or produced unless kDone.
  enum class Whole { kDone, kBad, kTooLarge };
  Whole inflate_whole_member();
  bool start_steps();  // readies zlib for the member at in_pos_
  void fail_member(const char* what);
  // Stops the window at damage: the bad stretch's file offset, what its
  // member had inflated, and what is wrong.
  void note_break(uint64_t offset, uint64_t output, std::string message);

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
  bool regular_file_ = false;  // reads never wait for a writer
  bool input_ended_ = false;   // read() returned the end of the file
  std::unique_ptr<libdeflate_decompressor, FreeDecompressor> whole_;
  // Output room a member is first tried with: kChunk, grown to what the
  // largest member so far needed, so that small archives stay small and
  // large pages are not tried twice each.
  size_t whole_room_ = kChunk;
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
  std::string break_message_;
  uint64_t break_offset_ = 0;
  uint64_t break_output_ = 0;
};

}  // namespace lede::input
