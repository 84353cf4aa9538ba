#pragma once

#include <string>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

struct Migration {
  int version = 0;
  std::string name;
  std::vector<std::string> statements;  // in order; each is safe to run again
};

// The schema as versioned migrations, rendered for one dialect. Column types
// differ where the engines differ (ids, exact decimals, long text); names
// and meaning are the same everywhere.
class MigrationCatalog {
 public:
  // mysql_collation: the binary collation the MySQL server offers; unused
  // elsewhere. Binary so that external ids "abc" and "ABC" stay two records,
  // as they are on PostgreSQL and SQLite.
  MigrationCatalog(Dialect dialect, std::string mysql_collation);

  [[nodiscard]] const std::vector<Migration>& migrations() const { return migrations_; }
  [[nodiscard]] int latest_version() const;
  // The bookkeeping table itself, created before any migration runs.
  [[nodiscard]] std::string schema_migrations_table() const;

 private:
  Dialect dialect_;
  std::string mysql_collation_;
  std::vector<Migration> migrations_;
};

}  // namespace crmsync::store
