#include "sim/kernel/event_calendar.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace st {
namespace {

bool later_in_time(const CalendarEntry& x, const CalendarEntry& y) { return x.time > y.time; }

const CalendarShape& checked(const CalendarShape& shape) {
  if (shape.bucket_width_log2 + shape.buckets_log2 > 62 || shape.min_width_log2 > shape.bucket_width_log2 ||
      shape.buckets_log2 > 24)
    throw std::invalid_argument("event calendar: the ring must span less than 2^62 ns, in at most 2^24 buckets, "
                                "and the narrowest bucket cannot be wider than the first");
  return shape;
}

}  // namespace

EventCalendar::EventCalendar(const CalendarShape& shape)
    : shape_(checked(shape)),
      width_log2_(shape_.bucket_width_log2),
      ring_(std::size_t{1} << shape_.buckets_log2),
      crowd_limit_(near_room()) {}

void EventCalendar::reserve(std::size_t n) { near_.reserve(std::min(n, shape_.split_above * 2)); }

SimTime EventCalendar::ring_end() const {
  const SimTime span = SimTime{ring_.buckets()} << width_log2_;
  const SimTime max = std::numeric_limits<SimTime>::max();
  return near_end_ > max - span ? max : near_end_ + span;
}

void EventCalendar::schedule(SimTime time, std::uint8_t target, std::uint16_t kind, std::uint32_t device,
                             std::uint32_t arg) {
  CalendarEntry e;
  e.time = time;
  e.seq = next_seq_++;
  e.device = device;
  e.arg = arg;
  e.kind = kind;
  e.target = target;
  if (all_near_) {
    near_.push(e);
    return;
  }
  if (time < near_end_) {
    near_.push(e);
    near_latest_ = std::max(near_latest_, time);
    if (near_.size() > crowd_limit_) relieve_near();
    return;
  }
  place(e);
  if (near_.empty()) refill();  // keep the earliest entry in the heap, where top() finds it
}

void EventCalendar::place(const CalendarEntry& e) {
  if (e.time < ring_end()) {
    ring_.append(bucket_of(e.time), e);
  } else {
    overflow_.push_back(e);
    std::push_heap(overflow_.begin(), overflow_.end(), later_in_time);
  }
}

CalendarEntry EventCalendar::pop() {
  const CalendarEntry out = near_.pop();
  if (near_.empty()) refill();
  return out;
}

void EventCalendar::pull_overflow() {
  const SimTime end = ring_end();
  while (!overflow_.empty() && overflow_.front().time < end) {
    std::pop_heap(overflow_.begin(), overflow_.end(), later_in_time);
    ring_.append(bucket_of(overflow_.back().time), overflow_.back());
    overflow_.pop_back();
  }
}

void EventCalendar::refill() {
  // The heap is empty: if a burst of simultaneous events (a timeline action for every device) made it large, its
  // memory goes back now rather than stay beside the ring's blocks for the rest of the run.
  near_.release_above(near_room());
  near_latest_ = 0;  // nothing in the heap: no latest time (set again below, or by the next direct push)
  const SimTime width = bucket_width();
  const SimTime last_start = std::numeric_limits<SimTime>::max() - width;
  while (ring_.size() + overflow_.size() > 0) {
    if (ring_.size() == 0) {
      // Nothing in the ring's span: jump to the bucket of the earliest overflow entry.
      near_end_ = std::max(near_end_, overflow_.front().time & ~(width - 1));
      pull_overflow();
    }
    if (near_end_ > last_start) {
      // The end of representable time: the rest goes into the heap, which from now on takes everything.
      ring_.drain_each([this](const CalendarEntry& e) { near_.append(e); });
      for (const CalendarEntry& e : overflow_) near_.append(e);
      overflow_.clear();
      near_.make_heap();
      all_near_ = true;
      return;
    }
    SimTime earliest = 0;
    SimTime latest = 0;
    const std::size_t n = ring_.drain(bucket_of(near_end_), near_, earliest, latest);
    near_end_ += width;
    pull_overflow();  // the ring's span moved on by one bucket
    if (n == 0) continue;
    near_.make_heap();
    near_latest_ = latest;
    crowd_limit_ = near_room();
    // A bucket that brought many entries spread over its width: narrower buckets from here on.
    if (n > shape_.split_above && width_log2_ > shape_.min_width_log2 && latest - earliest > width / 2)
      halve_width();
    return;
  }
}

void EventCalendar::relieve_near() {
  // Entries scheduled inside the current bucket go straight into the heap (a million wake-ups spread over the
  // first second of a run, say), where no refill counts them. All in the current bucket and spread over more than
  // half its width, they get the treatment of a busy bucket: the width halves and the heap's later half goes back
  // to the ring (the near future ends a new width earlier). Anything else (simultaneous entries, or entries before
  // the current bucket, after a jump over empty time) is not a dense bucket: look again when the heap has doubled.
  const SimTime width = bucket_width();
  const SimTime half = width / 2;
  const SimTime earliest = near_.top().time;
  if (width_log2_ <= shape_.min_width_log2 || earliest < near_end_ - width || near_latest_ - earliest <= half) {
    crowd_limit_ = 2 * near_.size();
    return;
  }
  // The heap's earliest entry is more than half a width before its latest, which is before near_end_: the
  // earliest stays in the heap.
  near_end_ -= half;  // a multiple of the new width
  halve_width();      // the ring's span now starts at the new near_end_
  near_latest_ = 0;
  near_.remove_if([this](const CalendarEntry& e) {
    if (e.time < near_end_) {
      near_latest_ = std::max(near_latest_, e.time);
      return false;
    }
    place(e);
    return true;
  });
}

void EventCalendar::halve_width() {
  --width_log2_;  // near_end_ stays a multiple of the (smaller) width; the ring's span halves
  ring_.drain_each([this](const CalendarEntry& e) { place(e); });  // in place: no copy of the ring
}

}  // namespace st
