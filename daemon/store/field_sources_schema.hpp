#pragma once

#include "daemon/store/migration_catalog.hpp"

namespace crmsync::store {

// Migration 9: a golden customer's lineage (which source record and rule won
// each field) is kept in its own row, `customer.field_sources`, as JSON
// `[["name", 17, "most_recent"], ...]`, and `customer_field_source` becomes
// a view with the table's columns (customer_id, field, source_record_id,
// rule), so queries and BI tools read it as before. As a table it held
// about ten rows per customer, each with two index entries, rewritten
// whenever the customer was: at 300,000 records into PostgreSQL 1.3 million
// rows and a fifth of all the WAL. The view has no index on
// source_record_id; nothing in the daemon looks lineage up that way.
// Existing lineage is carried over before the table goes.
Migration field_sources_migration(Dialect dialect);

}  // namespace crmsync::store
