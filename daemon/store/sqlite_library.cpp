#include "daemon/store/sqlite_library.hpp"

#include <mutex>

#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

namespace crmsync::store {

bool configure_sqlite_library() {
  static std::once_flag once;
  static bool configured = false;
  std::call_once(once, [] {
    const int threading = sqlite_api::sqlite3_config(SQLITE_CONFIG_MULTITHREAD);
    const int statistics = sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    configured = threading == SQLITE_OK && statistics == SQLITE_OK;
    if (!configured) {
      spdlog::debug("SQLite was initialised before crmsync configured it: its serialized mode and memory "
                    "statistics stay on (sqlite3_config: {}, {})",
                    threading, statistics);
    }
  });
  return configured;
}

}  // namespace crmsync::store
