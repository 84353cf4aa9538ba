#pragma once

namespace crmsync::store {
class Database;
}

namespace crmsync::app {

// When `run` or `once` starts, on the migrated database: a store without
// customer records takes this build's key derivation version (it has no
// stale keys, and every key from now on is this build's); a store whose
// records were keyed by an older derivation gets one warning naming both
// versions and `crmsyncd resolve`, which rebuilds the keys. Syncing goes on
// meanwhile, with the keys as stored.
void check_key_version(store::Database& database);

}  // namespace crmsync::app
