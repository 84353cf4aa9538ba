#pragma once

#include <string>
#include <vector>

#include "daemon/model/normalized_record.hpp"

namespace crmsync::store {

class Database;
struct BatchWrite;

// One record of a batch that was written (not skipped as unchanged).
struct StoredRecord {
  const model::NormalizedRecord* record = nullptr;  // owned by the BatchWrite
  long long source_record_id = 0;
  bool inserted = false;  // false: an update of a record seen before
};

// Told about every batch inside its write transaction, after the records are
// stored and before the commit, so what it writes (planned surveys, tier
// changes) commits or rolls back together with the data that caused it. An
// exception rolls the whole batch back.
class BatchObserver {
 public:
  virtual ~BatchObserver() = default;
  virtual void on_batch_stored(Database& database, const BatchWrite& batch,
                               const std::vector<StoredRecord>& stored, const std::string& now) = 0;
};

}  // namespace crmsync::store
