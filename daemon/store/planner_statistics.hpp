#pragma once

#include <cstddef>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// Keeps PostgreSQL's planner statistics in step with a store that grows fast.
// The store's tables are created empty and a backfill fills them within
// minutes, before autovacuum gets to them: planned on the statistics of an
// empty table, the batch's lookups of a few hundred keys read whole tables
// (a sequential scan of identity_key instead of its primary key). After each
// committed batch this counts the records written (the tables grow with
// them) and runs ANALYZE on the store's growing tables whenever they may
// have doubled since the last one: a handful of times per backfill, never
// during steady syncs.
// SQLite and MariaDB need nothing: SQLite plans by its indexes without
// statistics, and InnoDB recalculates its own as tables change.
class PlannerStatistics {
 public:
  explicit PlannerStatistics(Database& database, std::size_t first_analyze_at = kFirstAnalyzeAt)
      : database_(database), first_analyze_at_(first_analyze_at) {}

  // After a batch's transaction committed, with the records it inserted or changed.
  void after_commit(std::size_t records_written);

  // Records written since the last ANALYZE that call for the next one: at least
  // this many, and at least as many as were written before it.
  static constexpr std::size_t kFirstAnalyzeAt = 5000;

 private:
  Database& database_;
  std::size_t first_analyze_at_;
  std::size_t written_ = 0;          // since the daemon started
  std::size_t written_at_last_ = 0;  // `written_` when ANALYZE last ran
  bool given_up_ = false;            // ANALYZE failed once (say, not the tables' owner)
};

}  // namespace crmsync::store
