// The planner statistics of a growing PostgreSQL store are refreshed once the
// store may have doubled, not after every batch; other engines are left alone.
#include "daemon/store/planner_statistics.hpp"

#include <string>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/migrated_database_test.hpp"

namespace crmsync::store::testing {
namespace {

class PlannerStatisticsTest : public MigratedDatabaseTest {
 protected:
  // How often a table has been analyzed by hand.
  long long analyze_count(const std::string& table = "identity_key") {
    database_->session() << "SELECT pg_stat_clear_snapshot()";
    return std::stoll(
        DatabaseProbe(*database_)
            .text("SELECT analyze_count FROM pg_stat_user_tables WHERE relid = '" + table + "'::regclass"));
  }
};

TEST_P(PlannerStatisticsTest, AnalyzesWhenTheRowsWrittenReachTheThresholdThenWhenTheyDouble) {
  PlannerStatistics statistics(*database_, 100);
  statistics.after_commit(60);
  EXPECT_EQ(analyze_count(), 0) << "60 rows: below the first threshold";
  statistics.after_commit(60);
  EXPECT_EQ(analyze_count(), 1) << "120 rows: past it";
  statistics.after_commit(100);
  EXPECT_EQ(analyze_count(), 1) << "100 more rows after 120: the store has not doubled";
  statistics.after_commit(30);
  EXPECT_EQ(analyze_count(), 2) << "130 more rows after 120: it may have";
  statistics.after_commit(0);
  EXPECT_EQ(analyze_count(), 2);
}

// A refreshed golden customer's lineage is deleted by customer id, a re-sent
// record's value keys and an updated order's lines likewise: planned on an
// empty table's statistics, each such DELETE read the whole table.
TEST_P(PlannerStatisticsTest, AnalyzesEveryTableABatchLooksUpOrDeletesByKey) {
  PlannerStatistics statistics(*database_, 10);
  statistics.after_commit(10);
  for (const std::string table :
       {"source_record", "source_customer", "identity_key", "identity_key_count", "identity_value_keys",
        "customer_link", "customer", "customer_field_source", "sales_order", "order_line", "feedback"}) {
    EXPECT_EQ(analyze_count(table), 1) << table;
  }
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
