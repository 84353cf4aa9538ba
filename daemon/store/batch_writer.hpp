#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "daemon/model/normalized_record.hpp"

namespace crmsync::store {

class Database;

// A record that could not be taken in, with why.
struct DeadLetter {
  std::string external_id;  // may be empty
  std::string location;     // "partners_a.csv:17"
  std::string reason;
  std::string payload;
};

// One batch from one stream of one connector instance.
struct BatchWrite {
  std::string instance;
  std::string stream;
  std::vector<model::NormalizedRecord> records;
  std::vector<DeadLetter> dead_letters;
  std::string cursor;  // the stream's position after this batch
};

struct BatchOutcome {
  std::size_t inserted = 0;
  std::size_t updated = 0;
  std::size_t unchanged = 0;  // payload hash equal to the stored one: nothing written
  // Dead letters newly stored: the batch's own, plus records whose values the
  // schema cannot hold (ColumnLimits). A replayed letter is not stored twice.
  std::size_t dead_lettered = 0;
};

// Writes a batch in one transaction: source records (upsert by instance,
// stream, external id; skipped when the payload hash is unchanged), the
// canonical rows they describe, dead letters and the new checkpoint. Either
// all of it commits or none of it does; replaying a batch changes nothing.
class BatchWriter {
 public:
  explicit BatchWriter(Database& database);
  BatchOutcome write(const BatchWrite& batch);

 private:
  Database& database_;
};

}  // namespace crmsync::store
