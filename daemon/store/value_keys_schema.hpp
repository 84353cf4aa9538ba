#pragma once

#include <string>

#include "daemon/store/migration_catalog.hpp"

namespace crmsync::store {

// Migration 5: a record's value keys in one row (`identity_value_keys`).
// Value keys are only ever counted (`identity_key_count`), never looked up
// one by one, so they need no index row each: one row per record holds them,
// which is what replacing the record reads to take its old counts back.
// `identity_key` keeps the blocking keys, which are looked up. Rows written
// before this migration keep their value keys in `identity_key`; a record's
// next change takes them back from there, so no data has to move.
Migration value_keys_migration(Dialect dialect, const std::string& mysql_collation);

}  // namespace crmsync::store
