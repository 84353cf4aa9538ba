#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "daemon/identity/identity_settings.hpp"
#include "daemon/model/normalized_record.hpp"
#include "daemon/store/batch_observer.hpp"
#include "daemon/store/planner_statistics.hpp"

namespace crmsync::store {

class Database;
class CustomerResolver;

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
  // Identity resolution of the batch's customer records.
  std::size_t new_customers = 0;
  std::size_t merged_into_existing = 0;
  std::size_t review_pairs = 0;
};

// Writes a batch in one transaction: source records (upsert by instance,
// stream, external id; skipped when the payload hash is unchanged), the
// canonical rows they describe, dead letters and the new checkpoint. Either
// all of it commits or none of it does; replaying a batch changes nothing.
class BatchWriter {
 public:
  explicit BatchWriter(Database& database, identity::IdentitySettings identity = {});
  ~BatchWriter();
  BatchWriter(const BatchWriter&) = delete;
  BatchWriter& operator=(const BatchWriter&) = delete;

  BatchOutcome write(const BatchWrite& batch);
  // Observers run inside each batch's transaction, in the order added; not owned.
  void add_observer(BatchObserver* observer) { observers_.push_back(observer); }

 private:
  Database& database_;
  identity::IdentitySettings identity_;
  std::unique_ptr<CustomerResolver> resolver_;  // keeps its weight estimate from batch to batch
  // A second connection (none for in-memory SQLite) on which a batch's
  // neighbourhood is read while this one writes the batch (opened with the
  // first customer batch, dropped after a failure and opened again).
  std::unique_ptr<Database> reader_;
  PlannerStatistics statistics_;
  std::vector<BatchObserver*> observers_;
};

}  // namespace crmsync::store
