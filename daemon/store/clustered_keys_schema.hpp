#pragma once

#include <string>

#include "daemon/store/migration_catalog.hpp"

namespace crmsync::store {

// Migration 6: on SQLite, `identity_key` and `identity_key_count` rebuilt
// WITHOUT ROWID. Their small rows are found and written by their primary
// key, and every batch writes many of them per customer: as rowid tables
// each write went into the table and again into its key's index. The
// rebuild copies the rows, so existing stores keep their keys and counts.
// Other engines have nothing to do (InnoDB stores rows by primary key
// already). It rebuilt `customer_field_source` too until migration 9 made
// that a view; a store upgraded across both ends the same either way.
Migration clustered_keys_migration(Dialect dialect, const std::string& mysql_collation);

}  // namespace crmsync::store
