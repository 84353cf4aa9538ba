#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>

namespace crmsync::zoho_crm {

// How far one ordered walk through a module has come: the latest modified
// (or deleted) time taken, in UTC seconds, and the ids already taken at
// exactly that time. Zoho's If-Modified-Since is inclusive and has one-second
// resolution, so the next query starts at `time` and skips these ids; a
// record sharing that second but not yet taken is never lost.
class SyncPosition {
 public:
  SyncPosition() = default;
  SyncPosition(std::int64_t time, std::set<std::string> ids_at_time);

  [[nodiscard]] bool started() const { return time_.has_value(); }
  [[nodiscard]] std::optional<std::int64_t> time() const { return time_; }
  [[nodiscard]] const std::set<std::string>& ids_at_time() const { return ids_at_time_; }

  // True when the record at `time` with `id` was taken before (or lies behind
  // the position, which an inclusive filter should not return).
  [[nodiscard]] bool covers(std::int64_t time, const std::string& id) const;
  // Takes the record; records must come in ascending time.
  void advance(std::int64_t time, const std::string& id);

 private:
  std::optional<std::int64_t> time_;
  std::set<std::string> ids_at_time_;
};

}  // namespace crmsync::zoho_crm
