#include "sync_position.hpp"

#include <utility>

namespace crmsync::zoho_crm {

SyncPosition::SyncPosition(std::int64_t time, std::set<std::string> ids_at_time)
    : time_(time), ids_at_time_(std::move(ids_at_time)) {}

bool SyncPosition::covers(std::int64_t time, const std::string& id) const {
  if (!time_) return false;
  if (time < *time_) return true;
  return time == *time_ && ids_at_time_.count(id) > 0;
}

void SyncPosition::advance(std::int64_t time, const std::string& id) {
  if (!time_ || time > *time_) {
    time_ = time;
    ids_at_time_.clear();
  }
  if (time == *time_) ids_at_time_.insert(id);
}

}  // namespace crmsync::zoho_crm
