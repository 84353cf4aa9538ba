#include "daemon/store/key_version_schema.hpp"

#include "daemon/store/schema_table.hpp"

namespace crmsync::store {

Migration key_version_migration(Dialect dialect, const std::string& mysql_collation) {
  Migration migration{10, "version of the matching keys", {}};
  const SchemaTable version{"identity_key_version",
                            {"id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1)", "version INTEGER NOT NULL",
                             "rebuilt_at {timestamp}"},  // NULL: never rebuilt by `crmsyncd resolve`
                            {}};
  migration.statements = render_table(version, dialect, mysql_collation);
  // Emptied first: MariaDB commits the CREATE at once, so the migration may
  // run again, and nothing has changed the row before it is recorded.
  migration.statements.emplace_back("DELETE FROM identity_key_version");
  migration.statements.emplace_back(
      "INSERT INTO identity_key_version (id, version, rebuilt_at) SELECT 1, 1, NULL");
  return migration;
}

}  // namespace crmsync::store
