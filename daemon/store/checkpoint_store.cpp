#include "daemon/store/checkpoint_store.hpp"

#include <soci/soci.h>

#include "daemon/store/database.hpp"

namespace crmsync::store {

CheckpointStore::CheckpointStore(Database& database) : database_(database) {}

std::string CheckpointStore::load(const std::string& instance, const std::string& stream) {
  auto& sql = database_.session();
  std::string cursor;
  sql << "SELECT stream_cursor FROM checkpoint WHERE instance = :instance AND stream = :stream",
      soci::use(instance), soci::use(stream), soci::into(cursor);
  return sql.got_data() ? cursor : "";
}

}  // namespace crmsync::store
