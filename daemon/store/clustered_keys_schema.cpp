#include "daemon/store/clustered_keys_schema.hpp"

#include <string>
#include <vector>

#include "daemon/store/schema_table.hpp"

namespace crmsync::store {
namespace {

// SQLite's way to change how a table is stored: a new table, the rows
// copied, the old one dropped and the new one renamed, inside the
// migration's transaction. The indexes are created once the name is final.
void rebuild(std::vector<std::string>& statements, SchemaTable table, const std::string& columns,
             const std::string& mysql_collation) {
  const std::string name = table.name;
  auto indexes = std::move(table.indexes);
  table.name = name + "_rebuilt";
  table.indexes.clear();
  table.clustered_by_primary_key = true;
  for (auto& statement : render_table(table, Dialect::sqlite, mysql_collation)) {
    statements.push_back(std::move(statement));
  }
  statements.push_back("DELETE FROM " + table.name);  // a rebuild run again copies the rows once
  statements.push_back("INSERT INTO " + table.name + " (" + columns + ") SELECT " + columns + " FROM " +
                       name);
  statements.push_back("DROP TABLE " + name);
  statements.push_back("ALTER TABLE " + table.name + " RENAME TO " + name);
  table.name = name;
  table.indexes = std::move(indexes);
  auto rendered = render_table(table, Dialect::sqlite, mysql_collation);
  statements.insert(statements.end(), rendered.begin() + 1, rendered.end());  // the indexes
}

}  // namespace

Migration clustered_keys_migration(Dialect dialect, const std::string& mysql_collation) {
  Migration migration{6, "key tables stored by their primary key", {}};
  if (dialect != Dialect::sqlite) return migration;
  rebuild(migration.statements,
          {"identity_key",
           {"key_hash BIGINT NOT NULL", "source_record_id BIGINT NOT NULL",
            "FOREIGN KEY (source_record_id) REFERENCES source_record (id)",
            "PRIMARY KEY (key_hash, source_record_id)"},
           {{"ix_identity_key_record", "source_record_id"}}},
          "key_hash, source_record_id", mysql_collation);
  rebuild(migration.statements,
          {"identity_key_count", {"key_hash BIGINT NOT NULL PRIMARY KEY", "holders BIGINT NOT NULL"}, {}},
          "key_hash, holders", mysql_collation);
  return migration;
}

}  // namespace crmsync::store
