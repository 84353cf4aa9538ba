#include "daemon/app/sync_schedule.hpp"

#include <algorithm>

namespace crmsync::app {

void SyncSchedule::add(const std::string& instance, Clock::time_point due) {
  entries_[instance] = Entry{due, 0};
}

void SyncSchedule::remove(const std::string& instance) {
  entries_.erase(instance);
}

void SyncSchedule::record(const std::string& instance, const pipeline::SyncReport& report,
                          std::chrono::seconds interval, Clock::time_point now) {
  auto it = entries_.find(instance);
  if (it == entries_.end()) return;
  Entry& entry = it->second;
  if (report.ok()) {
    entry.consecutive_failures = 0;
    entry.due = now + interval;
    return;
  }
  ++entry.consecutive_failures;
  if (auto asked = report.retry_after()) {
    entry.due = now + std::max<Clock::duration>(*asked, std::chrono::seconds(1));
    return;
  }
  const int exponent = std::min(entry.consecutive_failures - 1, 10);
  const auto backoff = std::chrono::seconds(5) * (1 << exponent);
  entry.due = now + std::min<Clock::duration>(backoff, interval);
}

std::optional<std::pair<std::string, SyncSchedule::Clock::time_point>> SyncSchedule::next() const {
  std::optional<std::pair<std::string, Clock::time_point>> earliest;
  for (const auto& [name, entry] : entries_) {
    if (!earliest || entry.due < earliest->second) earliest = std::make_pair(name, entry.due);
  }
  return earliest;
}

}  // namespace crmsync::app
