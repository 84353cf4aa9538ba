#include "daemon/store/checkpoint_writer.hpp"

#include <utility>

namespace crmsync::store {
namespace {

std::string upsert_text(Dialect dialect) {
  const std::string insert =
      "INSERT INTO checkpoint (instance, stream, stream_cursor, updated_at)"
      " VALUES (:instance, :stream, :cursor, :updated_at)";
  if (dialect == Dialect::mysql) {
    // Assignments run left to right: compare before the cursor changes.
    return insert +
           " ON DUPLICATE KEY UPDATE"
           " updated_at = IF(stream_cursor = VALUES(stream_cursor), updated_at, VALUES(updated_at)),"
           " stream_cursor = VALUES(stream_cursor)";
  }
  return insert +
         " ON CONFLICT (instance, stream) DO UPDATE SET stream_cursor = excluded.stream_cursor,"
         " updated_at = excluded.updated_at WHERE checkpoint.stream_cursor <> excluded.stream_cursor";
}

}  // namespace

CheckpointWriter::CheckpointWriter(Database& database, std::string instance, std::string stream)
    : instance_(std::move(instance)),
      stream_(std::move(stream)),
      upsert_((database.session().prepare << upsert_text(database.dialect()), soci::use(instance_),
               soci::use(stream_), soci::use(cursor_), soci::use(now_))) {}

void CheckpointWriter::save(const std::string& cursor, const std::string& now) {
  cursor_ = cursor;
  now_ = now;
  upsert_.execute(true);
}

}  // namespace crmsync::store
