#pragma once

#include <string>

#include "daemon/store/migration_catalog.hpp"

namespace crmsync::store {

// Migration 3: the customer journey. `outbox` holds every planned survey and
// reminder (one row per idempotency key, so an event can never plan twice),
// `suppression` who must get nothing, and the views sales ops read:
// orders_unified, feedback_unified and nps_by_segment.
Migration journey_migration(Dialect dialect, const std::string& mysql_collation);

}  // namespace crmsync::store
