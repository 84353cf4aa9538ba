#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace crmsync::store {

class Database;

struct StoredDeadLetter {
  long long id = 0;
  std::string stream;
  std::string external_id;
  std::string location;
  std::string reason;
  std::string payload;
  std::string created_at;  // ISO 8601 UTC
};

// Reads the dead letters of a connector instance, for the admin API and
// operators asking why records are missing. BatchWriter writes them.
class DeadLetterStore {
 public:
  explicit DeadLetterStore(Database& database);

  [[nodiscard]] std::size_t count(const std::string& instance);
  // Newest first.
  [[nodiscard]] std::vector<StoredDeadLetter> recent(const std::string& instance, std::size_t limit);

 private:
  Database& database_;
};

}  // namespace crmsync::store
