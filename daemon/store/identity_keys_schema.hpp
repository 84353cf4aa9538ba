#pragma once

#include <string>

#include "daemon/store/migration_catalog.hpp"

namespace crmsync::store {

// Migration 4: what fast and deterministic matching needs.
// - `identity_key_count`: how many source records carry each matching key.
//   Matching weighs every compared value by how common it is; counting the
//   holders of a common value (a city, a popular surname) in `identity_key`
//   took time in proportion to the count, on every batch. The count table
//   answers with one index lookup and is kept in step by the writer of
//   `identity_key`. Existing keys are counted when the migration is applied.
// - `source_customer.same_as`: the record's own "instance:external_id" and the
//   ids its source gives for the same record in other systems.
Migration identity_keys_migration(Dialect dialect, const std::string& mysql_collation);

}  // namespace crmsync::store
