#pragma once

#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <thread>

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
//
// ANALYZE runs on a connection and a thread of its own, so the next batch
// is written meanwhile: on the commit thread it held every batch up for
// about half a second each time (5 % of a backfill's time at 300,000
// records). It reads only committed rows, which is all it needs.
//
// SQLite and MariaDB need nothing: SQLite plans by its indexes without
// statistics, and InnoDB recalculates its own as tables change.
class PlannerStatistics {
 public:
  explicit PlannerStatistics(Database& database, std::size_t first_analyze_at = kFirstAnalyzeAt)
      : database_(database), first_analyze_at_(first_analyze_at) {}
  // Waits for an ANALYZE under way or asked for.
  ~PlannerStatistics();
  PlannerStatistics(const PlannerStatistics&) = delete;
  PlannerStatistics& operator=(const PlannerStatistics&) = delete;

  // After a batch's transaction committed, with the records it inserted or
  // changed. Starts an ANALYZE when one is due and returns without waiting.
  void after_commit(std::size_t records_written);
  // Returns once no ANALYZE is under way or due.
  void wait();

  // Records written since the last ANALYZE that call for the next one: at least
  // this many, and at least as many as were written before it.
  static constexpr std::size_t kFirstAnalyzeAt = 5000;

 private:
  void analyze_loop();
  // One ANALYZE on a connection opened for it; false when it failed.
  bool analyze_once(std::size_t written);

  Database& database_;
  const std::size_t first_analyze_at_;
  std::size_t written_ = 0;          // since the daemon started
  std::size_t written_at_last_ = 0;  // `written_` when ANALYZE was last asked for

  std::mutex mutex_;
  std::condition_variable changed_;
  bool due_ = false;        // asked for and not yet started
  std::size_t due_at_ = 0;  // `written_` when it was asked for
  bool running_ = false;    // under way on the worker
  bool closing_ = false;
  bool given_up_ = false;  // ANALYZE failed once (say, not the tables' owner)
  std::thread worker_;     // started by the first ANALYZE: none for other engines
};

}  // namespace crmsync::store
