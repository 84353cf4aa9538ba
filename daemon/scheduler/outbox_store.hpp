#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "daemon/scheduler/outbox_row.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::scheduler {

// The outbox table. A row moves pending -> leased -> sent | retry | failed |
// suppressed | skipped; retry goes back to leased when due. Every change of a
// leased row names its lease owner, so a worker whose lease ran out cannot
// overwrite what the next one recorded.
class OutboxStore {
 public:
  explicit OutboxStore(store::Database& database);

  // Inside the caller's transaction. False when the idempotency key is
  // already planned: the same event never plans twice.
  bool plan(const PlannedMessage& message, const std::string& now);

  // Leases up to `limit` due rows to `owner` in a transaction of its own:
  // FOR UPDATE SKIP LOCKED on PostgreSQL and MariaDB, the single writer lock
  // (BEGIN IMMEDIATE) on SQLite. A leased row whose lease ran out is due again.
  std::vector<long long> claim_due(std::chrono::sys_seconds now, const std::string& owner,
                                   std::chrono::seconds lease, int limit);
  [[nodiscard]] std::optional<OutboxRow> load(long long id);

  // Each in a transaction of its own; false when the lease was lost.
  bool start_attempt(long long id, const std::string& owner, std::chrono::sys_seconds now);
  bool mark_sent(long long id, const std::string& owner, const std::string& message_id,
                 std::chrono::sys_seconds now);
  bool mark_retry(long long id, const std::string& owner, std::chrono::sys_seconds due_at,
                  const std::string& error, std::chrono::sys_seconds now);
  // status: failed | suppressed | skipped, kept with its reason.
  bool close(long long id, const std::string& owner, const std::string& status, const std::string& reason,
             std::chrono::sys_seconds now);
  // Back to pending at a later time (quiet hours): not an attempt, not an error.
  bool postpone(long long id, const std::string& owner, std::chrono::sys_seconds due_at,
                const std::string& reason, std::chrono::sys_seconds now);

  // The last survey sent to this golden customer other than row `except`.
  [[nodiscard]] std::optional<std::string> last_survey_sent(long long customer_id, long long except);
  // The customer's own id in a connector instance (a CRM that takes tasks);
  // nullopt when no record of that instance belongs to the golden customer.
  [[nodiscard]] std::optional<std::string> external_id_in(long long customer_id, const std::string& instance);
  // When the next row falls due (or a lease runs out); nullopt when none is waiting.
  [[nodiscard]] std::optional<std::chrono::sys_seconds> next_due();

 private:
  bool holds_lease(long long id, const std::string& owner);

  store::Database& database_;
};

}  // namespace crmsync::scheduler
