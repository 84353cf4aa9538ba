#pragma once

#include <string>

#include <soci/soci.h>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// Upserts a stream's cursor inside the batch transaction. An unchanged
// cursor leaves the row as it is (updated_at included).
class CheckpointWriter {
 public:
  CheckpointWriter(Database& database, std::string instance, std::string stream);
  CheckpointWriter(const CheckpointWriter&) = delete;
  CheckpointWriter& operator=(const CheckpointWriter&) = delete;

  void save(const std::string& cursor, const std::string& now);

 private:
  std::string instance_;
  std::string stream_;
  std::string cursor_;
  std::string now_;
  soci::statement upsert_;
};

}  // namespace crmsync::store
