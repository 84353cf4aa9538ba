#include "daemon/store/value_keys_schema.hpp"

#include "daemon/store/schema_table.hpp"

namespace crmsync::store {

Migration value_keys_migration(Dialect dialect, const std::string& mysql_collation) {
  Migration migration{5, "value keys one row per record", {}};
  const SchemaTable value_keys{"identity_value_keys",
                               {"source_record_id BIGINT NOT NULL PRIMARY KEY",
                                "FOREIGN KEY (source_record_id) REFERENCES source_record (id)",
                                // Decimal keys separated by spaces: readable in any SQL client.
                                "value_keys {text} NOT NULL"},
                               {},
                               true};
  migration.statements = render_table(value_keys, dialect, mysql_collation);
  return migration;
}

}  // namespace crmsync::store
