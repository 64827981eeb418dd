#include "sim/telemetry/stream_queue.hpp"

#include <nlohmann/json.hpp>

namespace st::telemetry {

Text make_text(std::string line) {
  line += '\n';
  return std::make_shared<const std::string>(std::move(line));
}

Text gap_text(std::uint64_t skipped) {
  return make_text(R"({"type":"gap","events_skipped":)" + std::to_string(skipped) + "}");
}

std::string type_of(std::string_view line) {
  constexpr std::string_view prefix = R"({"type":")";
  if (line.substr(0, prefix.size()) == prefix) {
    const auto end = line.find('"', prefix.size());
    if (end != std::string_view::npos) return std::string(line.substr(prefix.size(), end - prefix.size()));
  }
  const auto j = nlohmann::json::parse(line, nullptr, false);
  if (j.is_object()) {
    const auto it = j.find("type");
    if (it != j.end() && it->is_string()) return it->get<std::string>();
  }
  return {};
}

void StreamQueue::push(Item item) {
  const std::size_t size = item.size();
  if (item.event && bytes_ - event_bytes_ + size > limit_) {
    // Even without any queued event it would be too far behind: drop this one too.
    drop_events(1);
    return;
  }
  queue_.push_back(std::move(item));
  bytes_ += size;
  if (queue_.back().event) {
    ++events_;
    event_bytes_ += size;
  }
  if (bytes_ > limit_ && events_ > 0) drop_events(0);
}

void StreamQueue::drop_events(std::uint64_t extra) {
  std::uint64_t dropped = extra;
  if (events_ > 0) {
    std::deque<Item> kept;
    for (auto& it : queue_) {
      if (it.event) {
        ++dropped;
        bytes_ -= it.size();
      } else {
        kept.push_back(std::move(it));
      }
    }
    queue_.swap(kept);
    events_ = 0;
    event_bytes_ = 0;
  }
  add_gap(dropped);
}

void StreamQueue::add_gap(std::uint64_t n) {
  if (n == 0) return;
  if (!queue_.empty() && queue_.back().gap > 0) {
    queue_.back().gap += n;
    return;
  }
  queue_.push_back(Item{nullptr, false, n});
  bytes_ += queue_.back().size();
}

std::vector<Text> StreamQueue::take(std::size_t max_items, std::size_t max_bytes) {
  std::vector<Text> out;
  std::size_t bytes = 0;
  while (!queue_.empty() && out.size() < max_items && (bytes == 0 || bytes < max_bytes)) {
    Item it = std::move(queue_.front());
    queue_.pop_front();
    bytes_ -= it.size();
    if (it.event) {
      --events_;
      event_bytes_ -= it.size();
    }
    if (!it.text) it.text = gap_text(it.gap);
    bytes += it.text->size();
    out.push_back(std::move(it.text));
  }
  return out;
}

void StreamHistory::add(const Text& text, bool event) {
  if (event) {
    events_.push_back(Line{text, seq_++});
    if (events_.size() > event_limit_) {
      events_.pop_front();
      ++events_skipped_;
    }
  } else {
    records_.push_back(Line{text, seq_++});
  }
}

void StreamHistory::replay(StreamQueue& q) const {
  std::size_t r = 0;
  std::size_t e = 0;
  bool gap_sent = events_skipped_ == 0;
  while (r < records_.size() || e < events_.size()) {
    if (e < events_.size() && (r == records_.size() || events_[e].seq < records_[r].seq)) {
      if (!gap_sent) {
        q.add_gap(events_skipped_);
        gap_sent = true;
      }
      q.push(StreamQueue::Item{events_[e++].text, true, 0});
    } else {
      q.push(StreamQueue::Item{records_[r++].text, false, 0});
    }
  }
  if (!gap_sent) q.add_gap(events_skipped_);
}

}  // namespace st::telemetry
