#include "daemon/app/key_version_check.hpp"

#include <spdlog/spdlog.h>

#include "daemon/identity/blocking_keys.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/key_version_store.hpp"

namespace crmsync::app {

void check_key_version(store::Database& database) {
  constexpr int current = identity::BlockingKeys::kDerivationVersion;
  store::KeyVersionStore versions(database);
  if (versions.adopt_when_empty(current) || !versions.stale(current)) return;
  spdlog::warn(
      "database {}: the stored customer records' matching keys were built with key derivation version {},"
      " this crmsyncd derives version {}; run `crmsyncd resolve` to rebuild them (until then new records"
      " may miss stored ones that only the new keys would find)",
      database.display_url(), versions.version(), current);
}

}  // namespace crmsync::app
