#pragma once

#include <string>

#include "daemon/store/migration_catalog.hpp"

namespace crmsync::store {

// Migration 6: on SQLite, `identity_key`, `identity_key_count` and
// `customer_field_source` rebuilt WITHOUT ROWID. Their small rows are found
// and written by their primary key, and every batch writes about forty of
// them per customer: as rowid tables each write went into the table and
// again into its key's index. The rebuild
// copies the rows, so existing stores keep their keys and counts. Other
// engines have nothing to do (InnoDB stores rows by primary key already).
Migration clustered_keys_migration(Dialect dialect, const std::string& mysql_collation);

}  // namespace crmsync::store
