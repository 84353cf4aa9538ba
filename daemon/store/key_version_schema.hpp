#pragma once

#include <string>

#include "daemon/store/migration_catalog.hpp"

namespace crmsync::store {

// Migration 10: `identity_key_version`, one row: which derivation of
// matching keys (identity::BlockingKeys::kDerivationVersion) the stored
// keys were built with, and when `crmsyncd resolve` last rebuilt them. A
// build that derives keys differently cannot tell old keys from new ones
// by looking at them. Existing stores start at 1, the version of every
// store keyed before versions were recorded; a store without customer
// records takes the current version when the daemon starts
// (KeyVersionStore).
Migration key_version_migration(Dialect dialect, const std::string& mysql_collation);

}  // namespace crmsync::store
