#pragma once

#include <string>

#include "daemon/store/migration_catalog.hpp"

namespace crmsync::store {

// Migration 1: records, golden customers, orders, feedback, checkpoints,
// dead letters and the audit log.
Migration core_migration(Dialect dialect, const std::string& mysql_collation);

}  // namespace crmsync::store
