#pragma once

#include <string>

#include "daemon/store/migration_catalog.hpp"

namespace crmsync::store {

// Migration 7: on PostgreSQL and MariaDB, the rows the daemon derives from
// source records lose their foreign keys: `customer_field_source` (lineage,
// rewritten whenever a golden record is), `identity_key` and
// `identity_value_keys` (keys, rewritten whenever a record changes). A
// backfill writes about fourteen of them per customer, and a server checks
// each foreign key with a trigger that looks the parent row up: on
// PostgreSQL, copying 394,000 lineage rows took 7.0 s with the checks and
// 1.5 s without. Only the daemon writes these rows, from records it has just
// written, and source records and customers are never deleted, so the checks
// could never fail. Their indexes stay, for BI joins. SQLite keeps the
// constraints: it checks them in-process, by a primary-key probe.
Migration derived_rows_migration(Dialect dialect);

}  // namespace crmsync::store
