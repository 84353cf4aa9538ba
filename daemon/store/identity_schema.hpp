#pragma once

#include <string>

#include "daemon/store/migration_catalog.hpp"

namespace crmsync::store {

// Migration 2: what identity resolution keeps (each source record's own
// customer data, its matching keys, people's match decisions, the review
// queue, where a merged record came from) and the views sales ops read:
// customer_360 and duplicate_candidates.
Migration identity_migration(Dialect dialect, const std::string& mysql_collation);

}  // namespace crmsync::store
