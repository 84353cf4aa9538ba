#include "daemon/store/migration_catalog.hpp"

#include <utility>

#include "daemon/store/block_sizes_schema.hpp"
#include "daemon/store/clustered_keys_schema.hpp"
#include "daemon/store/core_schema.hpp"
#include "daemon/store/derived_rows_schema.hpp"
#include "daemon/store/field_sources_schema.hpp"
#include "daemon/store/identity_keys_schema.hpp"
#include "daemon/store/identity_schema.hpp"
#include "daemon/store/journey_schema.hpp"
#include "daemon/store/key_version_schema.hpp"
#include "daemon/store/schema_table.hpp"
#include "daemon/store/value_keys_schema.hpp"

namespace crmsync::store {

MigrationCatalog::MigrationCatalog(Dialect dialect, std::string mysql_collation)
    : dialect_(dialect), mysql_collation_(std::move(mysql_collation)) {
  migrations_.push_back(core_migration(dialect_, mysql_collation_));
  migrations_.push_back(identity_migration(dialect_, mysql_collation_));
  migrations_.push_back(journey_migration(dialect_, mysql_collation_));
  migrations_.push_back(identity_keys_migration(dialect_, mysql_collation_));
  migrations_.push_back(value_keys_migration(dialect_, mysql_collation_));
  migrations_.push_back(clustered_keys_migration(dialect_, mysql_collation_));
  migrations_.push_back(derived_rows_migration(dialect_));
  migrations_.push_back(block_sizes_migration());
  migrations_.push_back(field_sources_migration(dialect_));
  migrations_.push_back(key_version_migration(dialect_, mysql_collation_));
}

int MigrationCatalog::latest_version() const {
  return migrations_.empty() ? 0 : migrations_.back().version;
}

std::string MigrationCatalog::schema_migrations_table() const {
  return render_table({"schema_migrations",
                       {"version INTEGER NOT NULL PRIMARY KEY", "name VARCHAR(200) NOT NULL",
                        "applied_at {timestamp} NOT NULL"},
                       {}},
                      dialect_, mysql_collation_)
      .front();
}

}  // namespace crmsync::store
