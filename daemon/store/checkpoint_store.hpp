#pragma once

#include <string>

namespace crmsync::store {

class Database;

// Reads the committed cursor of a stream. Cursors are written only by
// BatchWriter, in the same transaction as the records they follow.
class CheckpointStore {
 public:
  explicit CheckpointStore(Database& database);
  // "" when the stream has never committed a batch.
  [[nodiscard]] std::string load(const std::string& instance, const std::string& stream);

 private:
  Database& database_;
};

}  // namespace crmsync::store
