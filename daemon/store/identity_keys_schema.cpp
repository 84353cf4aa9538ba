#include "daemon/store/identity_keys_schema.hpp"

#include "daemon/store/schema_table.hpp"

namespace crmsync::store {

Migration identity_keys_migration(Dialect dialect, const std::string& mysql_collation) {
  Migration migration{4, "identity key counts and same-record references", {}};
  const SchemaTable counts{
      "identity_key_count", {"key_hash BIGINT NOT NULL PRIMARY KEY", "holders BIGINT NOT NULL"}, {}};
  migration.statements = render_table(counts, dialect, mysql_collation);
  // Emptied first, so that running the migration again counts again.
  migration.statements.emplace_back("DELETE FROM identity_key_count");
  migration.statements.emplace_back(
      "INSERT INTO identity_key_count (key_hash, holders)"
      " SELECT key_hash, COUNT(*) FROM identity_key GROUP BY key_hash");
  // SQLite runs the migration in one transaction, so it never sees the
  // column half-added; MariaDB commits DDL at once and may run it again.
  switch (dialect) {
    case Dialect::sqlite:
      migration.statements.emplace_back("ALTER TABLE source_customer ADD COLUMN same_as TEXT");
      break;
    case Dialect::postgresql:
      migration.statements.emplace_back("ALTER TABLE source_customer ADD COLUMN IF NOT EXISTS same_as TEXT");
      break;
    case Dialect::mysql:
      migration.statements.emplace_back(
          "ALTER TABLE source_customer ADD COLUMN IF NOT EXISTS same_as MEDIUMTEXT");
      break;
  }
  return migration;
}

}  // namespace crmsync::store
