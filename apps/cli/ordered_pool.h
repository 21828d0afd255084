// The scheduling of a run, shared by `lede extract` (extract_command.cc) and
// the Python module's file runner (bindings/python/src/file_run.cc): one
// reader pushes items, `jobs` workers (each with its own Extractor) make a
// result of each, and one taker takes the results in the order the items
// were pushed.
//
// Memory stays flat however long the input and however slowly the taker
// goes: the reader may run at most `window` items and `bytes_ahead` input
// bytes ahead of the taker (one item is always allowed). Wake-ups go in
// batches, so that neither side pays a wake-up per item: a full reader
// sleeps until half the window has been taken, and a worker wakes the taker
// once the next result in order is ready and nothing more is queued, the
// reader is done, or `batch` results are ready to take.
//
// Thread safety: push and spare_record from the reader thread, take from the
// taker thread, stop_reading and stop from any thread.
#pragma once

#include <pthread.h>

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "lede/lede.h"
#include "lede/warc.h"
#include "run_items.h"

namespace lede::cli {

template <class Result>
class OrderedPool {
 public:
  // Makes an item's result; runs on a worker thread.
  using Process = std::function<Result(Extractor&, const Item&)>;

  OrderedPool(size_t window, uint64_t bytes_ahead, size_t batch)
      : window_(std::max<size_t>(window, 1)),
        bytes_ahead_limit_(bytes_ahead),
        batch_(std::max<size_t>(batch, 1)),
        slots_(window_) {}
  ~OrderedPool() { stop(); }
  OrderedPool(const OrderedPool&) = delete;
  OrderedPool& operator=(const OrderedPool&) = delete;

  // Starts the workers, named "lede-worker" (top -H and /proc show their
  // CPU). They take the signal mask of the calling thread.
  void start(unsigned jobs, Process process) {
    process_ = std::move(process);
    for (unsigned i = 0; i < std::max(jobs, 1u); ++i)
      workers_.emplace_back([this] {
        pthread_setname_np(pthread_self(), "lede-worker");
        work();
      });
  }

  // Reader: queues the next item; blocks while the window is full. False
  // once the run has stopped or stopped reading (the item is dropped).
  bool push(Item item) {
    std::unique_lock lock(mu_);
    if (!stop_ && !has_room(window_)) {
      reader_waiting_ = true;
      room_cv_.wait(lock, [&] { return stop_ || reader_may_go(); });
      reader_waiting_ = false;
    }
    if (stop_ || stop_reading_) return false;
    uint64_t seq = pushed_++;
    bytes_ahead_ += item.size();
    slots_[seq % window_] = Slot{};
    queue_.emplace_back(seq, std::move(item));
    work_cv_.notify_one();
    return true;
  }

  // Reader: a record whose storage a finished item left, or a new one.
  WarcRecord spare_record() {
    std::lock_guard lock(mu_);
    if (spare_records_.empty()) return WarcRecord{};
    WarcRecord record = std::move(spare_records_.back());
    spare_records_.pop_back();
    return record;
  }

  // Reader: nothing more will be pushed.
  void reader_done() {
    std::lock_guard lock(mu_);
    reader_done_ = true;
    work_cv_.notify_all();
    done_cv_.notify_all();
  }

  // Any thread: push refuses from now on; what was pushed is still made
  // and taken.
  void stop_reading() {
    std::lock_guard lock(mu_);
    stop_reading_ = true;
    room_cv_.notify_all();
    done_cv_.notify_all();
  }

  // Whether push refuses from now on (stop_reading or stop was called).
  bool reading_stopped() {
    std::lock_guard lock(mu_);
    return stop_reading_ || stop_;
  }

  // Taker: waits until the next result in order is ready, every pushed
  // item is taken and no more will come, or `tick` passes (no tick: no
  // limit), then appends the ready results to `out` in order. True when
  // every item pushed has been taken and none will follow.
  bool take(std::vector<Result>& out, std::optional<std::chrono::milliseconds> tick) {
    std::unique_lock lock(mu_);
    auto can_go = [&] {
      return slots_[taken_ % window_].ready ||
             ((reader_done_ || stop_reading_ || stop_) && taken_ == pushed_);
    };
    if (tick)
      done_cv_.wait_for(lock, *tick, can_go);
    else
      done_cv_.wait(lock, can_go);
    size_t before = out.size();
    while (taken_ < pushed_ && slots_[taken_ % window_].ready) {
      Slot& slot = slots_[taken_ % window_];
      bytes_ahead_ -= slot.size;
      out.push_back(std::move(slot.result));
      slot.ready = false;
      ++taken_;
    }
    if (out.size() > before && reader_waiting_ && reader_may_go()) room_cv_.notify_one();
    return (reader_done_ || stop_reading_ || stop_) && taken_ == pushed_;
  }

  // Any thread: ends the workers (items still queued are not made) and
  // wakes a waiting reader, whose push returns false; joins the workers
  // unless called from one.
  void stop() {
    {
      std::lock_guard lock(mu_);
      stop_ = true;
    }
    work_cv_.notify_all();
    room_cv_.notify_all();
    done_cv_.notify_all();
    for (auto& w : workers_)
      if (w.joinable() && w.get_id() != std::this_thread::get_id()) w.join();
  }

 private:
  // Records up to this size are kept for reuse (a web page is well under
  // it), at most half a window of them: at most 9 x 2 MB with two workers.
  static constexpr size_t kSpareBlockBytes = 2 << 20;

  struct Slot {
    Result result{};
    uint64_t size = 0;
    bool ready = false;
  };

  // Under mu_: whether the reader may push with fewer than `items` waiting
  // for the taker; whether a waiting reader may go on; how many results the
  // taker could take now.
  bool has_room(uint64_t items) const {
    return pushed_ - taken_ < items && (bytes_ahead_ < bytes_ahead_limit_ || pushed_ == taken_);
  }
  bool reader_may_go() const { return has_room(window_ - window_ / 2 + 1); }
  size_t ready_to_take() const {
    size_t n = 0;
    while (taken_ + n < pushed_ && slots_[(taken_ + n) % window_].ready) ++n;
    return n;
  }

  void work() {
    Extractor extractor;
    while (true) {
      std::unique_lock lock(mu_);
      work_cv_.wait(lock, [&] { return stop_ || !queue_.empty() || reader_done_; });
      if (stop_ || queue_.empty()) return;
      auto [seq, item] = std::move(queue_.front());
      queue_.pop_front();
      lock.unlock();
      Result result = process_(extractor, item);
      uint64_t size = item.size();
      WarcRecord spare;
      if (item.kind == Item::Kind::kRecord && item.record.block.capacity() <= kSpareBlockBytes)
        spare = std::move(item.record);
      item = Item{};  // free the input before waiting on the lock
      lock.lock();
      if (spare.block.capacity() > 0 && spare_records_.size() < window_ / 2 + 1)
        spare_records_.push_back(std::move(spare));
      Slot& slot = slots_[seq % window_];
      slot.result = std::move(result);
      slot.size = size;
      slot.ready = true;
      // The taker is woken for a batch that lets the reader go on, or at
      // once when the input trickles (nothing queued) or has ended;
      // otherwise its tick (or the next batch) collects what is ready.
      size_t ready = ready_to_take();
      if (ready > 0 && (queue_.empty() || reader_done_ || ready >= batch_)) done_cv_.notify_one();
    }
  }

  const size_t window_;
  const uint64_t bytes_ahead_limit_;
  const size_t batch_;
  Process process_;
  std::mutex mu_;
  std::condition_variable work_cv_, room_cv_, done_cv_;
  std::deque<std::pair<uint64_t, Item>> queue_;
  std::vector<Slot> slots_;  // item n waits in slots_[n % window_]
  uint64_t pushed_ = 0, taken_ = 0;
  uint64_t bytes_ahead_ = 0;
  bool reader_done_ = false;
  bool reader_waiting_ = false;  // the reader sleeps on room_cv_
  bool stop_reading_ = false;
  bool stop_ = false;
  // Records done with, kept for their storage: the reader reads into them
  // rather than allocate (and fault in) fresh memory for every block.
  std::vector<WarcRecord> spare_records_;
  std::vector<std::thread> workers_;
};

}  // namespace lede::cli
