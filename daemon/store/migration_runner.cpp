#include "daemon/store/migration_runner.hpp"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <string>

#include <soci/soci.h>

#include "daemon/store/database.hpp"
#include "daemon/store/migration_catalog.hpp"
#include "daemon/store/utc_timestamp.hpp"

namespace crmsync::store {
namespace {

// Daemons sharing one server may start together; only one migrates at a
// time. SQLite serialises writers by itself.
class MigrationLock {
 public:
  explicit MigrationLock(Database& database) : database_(database) {
    auto& sql = database_.session();
    if (database_.dialect() == Dialect::postgresql) {
      int locked = 0;
      sql << "SELECT 1 FROM (SELECT pg_advisory_lock(7243566172)) AS taken", soci::into(locked);
    } else if (database_.dialect() == Dialect::mysql) {
      int locked = 0;
      sql << "SELECT GET_LOCK('crmsync_migrations', 120)", soci::into(locked);
      if (locked != 1) throw std::runtime_error("timed out waiting for another crmsyncd to finish migrating");
    }
  }
  ~MigrationLock() {
    try {
      auto& sql = database_.session();
      int released = 0;
      if (database_.dialect() == Dialect::postgresql) {
        sql << "SELECT 1 FROM (SELECT pg_advisory_unlock(7243566172)) AS released", soci::into(released);
      } else if (database_.dialect() == Dialect::mysql) {
        sql << "SELECT RELEASE_LOCK('crmsync_migrations')", soci::into(released);
      }
    } catch (...) {  // NOLINT(bugprone-empty-catch): the lock ends with the session anyway
    }
  }
  MigrationLock(const MigrationLock&) = delete;
  MigrationLock& operator=(const MigrationLock&) = delete;

 private:
  Database& database_;
};

// Binary and NO PAD, so that keys compare like on the other engines
// ("a" and "a " differ). MariaDB and MySQL 8 name it differently.
std::string mysql_binary_collation(soci::session& sql) {
  for (const char* candidate : {"utf8mb4_nopad_bin", "utf8mb4_0900_bin"}) {
    std::string name = candidate;
    int found = 0;
    sql << "SELECT COUNT(*) FROM information_schema.COLLATIONS WHERE COLLATION_NAME = :name", soci::use(name),
        soci::into(found);
    if (found > 0) return name;
  }
  return "utf8mb4_bin";
}

bool schema_migrations_exists(Database& database) {
  auto& sql = database.session();
  int found = 0;
  switch (database.dialect()) {
    case Dialect::sqlite:
      sql << "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'",
          soci::into(found);
      break;
    case Dialect::postgresql:
      sql << "SELECT COUNT(*) FROM information_schema.tables"
             " WHERE table_schema = current_schema() AND table_name = 'schema_migrations'",
          soci::into(found);
      break;
    case Dialect::mysql:
      sql << "SELECT COUNT(*) FROM information_schema.tables"
             " WHERE table_schema = DATABASE() AND table_name = 'schema_migrations'",
          soci::into(found);
      break;
  }
  return found > 0;
}

std::set<int> applied_versions(soci::session& sql) {
  std::set<int> versions;
  const soci::rowset<int> rows = (sql.prepare << "SELECT version FROM schema_migrations");
  versions.insert(rows.begin(), rows.end());
  return versions;
}

}  // namespace

MigrationRunner::MigrationRunner(Database& database) : database_(database) {}

std::vector<int> MigrationRunner::run() {
  auto& sql = database_.session();
  const MigrationLock lock(database_);
  const MigrationCatalog catalog(database_.dialect(),
                                 database_.dialect() == Dialect::mysql ? mysql_binary_collation(sql) : "");
  sql << catalog.schema_migrations_table();
  const std::set<int> applied = applied_versions(sql);
  if (!applied.empty() && *applied.rbegin() > catalog.latest_version()) {
    throw std::runtime_error("database schema is at version " + std::to_string(*applied.rbegin()) +
                             ", newer than this crmsyncd knows (" + std::to_string(catalog.latest_version()) +
                             "); upgrade crmsyncd");
  }
  std::vector<int> newly_applied;
  for (const auto& migration : catalog.migrations()) {
    if (applied.contains(migration.version)) continue;
    soci::transaction transaction(sql);
    for (const auto& statement : migration.statements) sql << statement;
    const std::string applied_at = UtcTimestamp::now();
    sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (:version, :name, :applied_at)",
        soci::use(migration.version), soci::use(migration.name), soci::use(applied_at);
    transaction.commit();
    newly_applied.push_back(migration.version);
  }
  return newly_applied;
}

int MigrationRunner::current_version() {
  if (!schema_migrations_exists(database_)) return 0;
  int version = 0;
  soci::indicator present = soci::i_null;
  database_.session() << "SELECT MAX(version) FROM schema_migrations", soci::into(version, present);
  return present == soci::i_ok ? version : 0;
}

}  // namespace crmsync::store
