#pragma once

#include "daemon/store/migration_catalog.hpp"

namespace crmsync::store {

// Migration 8: how many records hold a blocking key is read from
// `identity_key` itself (the holders, at most `max_block_size` + 1 of them,
// are fetched anyway to find the candidates), so `identity_key_count` keeps
// only the value keys' counts. Blocking keys were about half of its rows and
// of its upserts: a backfill of 300,000 records wrote 553,000 count rows
// that nothing needed. The rows for blocking keys are dropped: those of keys
// held in `identity_key` by records that have a row of value keys. Records
// stored before migration 5 hold both kinds in `identity_key`; their counts
// stay, and their next change takes them back as before.
Migration block_sizes_migration();

}  // namespace crmsync::store
