#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "daemon/pipeline/sync_report.hpp"

namespace crmsync::app {

// When each instance runs next: its schedule after a success, the delay a
// connector asked for, or an exponential back-off after a failure (capped at
// the schedule, so a broken source never runs more often than a healthy one).
class SyncSchedule {
 public:
  using Clock = std::chrono::steady_clock;

  void add(const std::string& instance, Clock::time_point due);
  void remove(const std::string& instance);
  [[nodiscard]] bool contains(const std::string& instance) const { return entries_.contains(instance); }
  void record(const std::string& instance, const pipeline::SyncReport& report, std::chrono::seconds interval,
              Clock::time_point now);
  // The instance due earliest and when; nullopt when nothing is scheduled.
  [[nodiscard]] std::optional<std::pair<std::string, Clock::time_point>> next() const;

 private:
  struct Entry {
    Clock::time_point due;
    int consecutive_failures = 0;
  };
  std::map<std::string, Entry> entries_;
};

}  // namespace crmsync::app
