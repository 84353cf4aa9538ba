// The planner statistics of a growing PostgreSQL store are refreshed once the
// store may have doubled, not after every batch, and without holding the
// batches up; other engines are left alone.
#include "daemon/store/planner_statistics.hpp"

#include <chrono>
#include <string>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/migrated_database_test.hpp"

namespace crmsync::store::testing {
namespace {

class PlannerStatisticsTest : public MigratedDatabaseTest {
 protected:
  // How often a table has been analyzed by hand, once the statistics' own work is done.
  long long analyze_count(PlannerStatistics& statistics, const std::string& table = "identity_key") {
    statistics.wait();
    database_->session() << "SELECT pg_stat_clear_snapshot()";
    return std::stoll(
        DatabaseProbe(*database_)
            .text("SELECT analyze_count FROM pg_stat_user_tables WHERE relid = '" + table + "'::regclass"));
  }
};

TEST_P(PlannerStatisticsTest, AnalyzesWhenTheRowsWrittenReachTheThresholdThenWhenTheyDouble) {
  PlannerStatistics statistics(*database_, 100);
  statistics.after_commit(60);
  EXPECT_EQ(analyze_count(statistics), 0) << "60 rows: below the first threshold";
  statistics.after_commit(60);
  EXPECT_EQ(analyze_count(statistics), 1) << "120 rows: past it";
  statistics.after_commit(100);
  EXPECT_EQ(analyze_count(statistics), 1) << "100 more rows after 120: the store has not doubled";
  statistics.after_commit(30);
  EXPECT_EQ(analyze_count(statistics), 2) << "130 more rows after 120: it may have";
  statistics.after_commit(0);
  EXPECT_EQ(analyze_count(statistics), 2);
}

// A re-sent record's value keys are deleted by source record id, an updated
// order's lines by order id: planned on an empty table's statistics, each
// such DELETE read the whole table.
TEST_P(PlannerStatisticsTest, AnalyzesEveryTableABatchLooksUpOrDeletesByKey) {
  PlannerStatistics statistics(*database_, 10);
  statistics.after_commit(10);
  for (const std::string table :
       {"source_record", "source_customer", "identity_key", "identity_key_count", "identity_value_keys",
        "customer_link", "customer", "sales_order", "order_line", "feedback"}) {
    EXPECT_EQ(analyze_count(statistics, table), 1) << table;
  }
}

// ANALYZE waits for a lock that, say, a VACUUM holds; the next batch does not
// wait for ANALYZE.
TEST_P(PlannerStatisticsTest, ABatchDoesNotWaitForTheStatistics) {
  const auto vacuum = database_->open_another();
  vacuum->session().begin();
  vacuum->session() << "LOCK TABLE identity_key IN SHARE UPDATE EXCLUSIVE MODE";
  // Were ANALYZE run on the batch's own connection, it would fail here instead of hanging.
  database_->session() << "SET lock_timeout = '10s'";
  PlannerStatistics statistics(*database_, 10);
  const auto started = std::chrono::steady_clock::now();
  statistics.after_commit(10);
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5))
      << "after_commit returned while ANALYZE waits for the lock";
  database_->session() << "SELECT pg_stat_clear_snapshot()";
  EXPECT_EQ(DatabaseProbe(*database_)
                .text("SELECT analyze_count FROM pg_stat_user_tables WHERE relid = 'identity_key'::regclass"),
            "0");
  vacuum->session().rollback();
  EXPECT_EQ(analyze_count(statistics), 1) << "it ran once the lock was released";
}

TEST_P(PlannerStatisticsTest, AFailedAnalyzeIsReportedAndNotTriedAgain) {
  PlannerStatistics statistics(*database_, 10);
  database_->session() << "ALTER TABLE order_line RENAME TO order_line_elsewhere";
  statistics.after_commit(10);
  EXPECT_EQ(analyze_count(statistics), 0) << "the one ANALYZE failed as a whole";
  database_->session() << "ALTER TABLE order_line_elsewhere RENAME TO order_line";
  statistics.after_commit(1000);
  EXPECT_EQ(analyze_count(statistics), 0) << "given up: autovacuum is left to it";
}

// SQLite and MariaDB keep their own statistics.
using PlannerStatisticsElsewhereTest = MigratedDatabaseTest;

TEST_P(PlannerStatisticsElsewhereTest, OtherEnginesAreLeftToTheirOwnStatistics) {
  PlannerStatistics statistics(*database_, 1);
  EXPECT_NO_THROW(statistics.after_commit(1000000));
  if (database_->dialect() == Dialect::sqlite) {
    EXPECT_EQ(DatabaseProbe(*database_).count("sqlite_master", "name = 'sqlite_stat1'"), 0)
        << "SQLite plans by its indexes; no statistics were gathered";
  }
}

INSTANTIATE_TEST_SUITE_P(Engines, PlannerStatisticsTest, ::testing::Values(Backend::postgresql),
                         BackendName());
INSTANTIATE_TEST_SUITE_P(Engines, PlannerStatisticsElsewhereTest,
                         ::testing::Values(Backend::sqlite, Backend::mysql), BackendName());

}  // namespace
}  // namespace crmsync::store::testing
