#pragma once

#include <string>
#include <vector>

namespace crmsync::store {

class Database;

// Applies the versioned schema migrations that schema_migrations does not
// list yet, each in its own transaction. Running it again does nothing.
class MigrationRunner {
 public:
  explicit MigrationRunner(Database& database);
  // Returns the versions applied by this call (empty when already current).
  std::vector<int> run();
  [[nodiscard]] int current_version();

 private:
  Database& database_;
};

}  // namespace crmsync::store
