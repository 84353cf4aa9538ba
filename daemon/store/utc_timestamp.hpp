#pragma once

#include <chrono>
#include <string>

namespace crmsync::store {

// Every timestamp column holds ISO 8601 UTC text, "2024-05-01T09:30:00Z": the
// same representation on SQLite, PostgreSQL and MySQL, exact to the second,
// and its text order is its time order. Views cast it for BI tools.
class UtcTimestamp {
 public:
  static constexpr std::size_t kLength = 20;  // the column width

  // Years outside 0000-9999 do not fit the column; callers check fits().
  [[nodiscard]] static std::string format(std::chrono::sys_seconds time);
  [[nodiscard]] static bool fits(std::chrono::sys_seconds time);
  [[nodiscard]] static std::string now();
};

}  // namespace crmsync::store
