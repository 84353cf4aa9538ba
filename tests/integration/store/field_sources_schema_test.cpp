// Migration 9 moves a store's lineage into the customers' rows: what
// customer_field_source said as a table, it says as a view, on every engine.
#include "daemon/store/field_sources_schema.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "daemon/identity/identity_settings.hpp"
#include "daemon/store/batch_writer.hpp"
#include "daemon/store/migration_runner.hpp"
#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/migrated_database_test.hpp"
#include "tests/integration/store/test_records.hpp"

namespace crmsync::store::testing {
namespace {

class FieldSourcesSchemaTest : public MigratedDatabaseTest {
 protected:
  void store(std::vector<model::NormalizedRecord> records) {
    auto b = batch("crm", "customers", std::to_string(++cursor_));
    b.records = std::move(records);
    BatchWriter(*database_, identity::IdentitySettings{}).write(b);
  }
  std::string lineage() {
    return probe().rows(
        "SELECT customer_id, field, source_record_id, rule FROM customer_field_source ORDER BY customer_id, "
        "field");
  }
  // The store as migration 8 left it: lineage in a table of its own, none in
  // the customers' rows.
  void back_to_version_8() {
    auto& sql = database_->session();
    sql << "CREATE TABLE lineage_before (customer_id BIGINT NOT NULL, field VARCHAR(64) NOT NULL,"
           " source_record_id BIGINT NOT NULL, rule VARCHAR(64) NOT NULL)";
    sql << "INSERT INTO lineage_before SELECT customer_id, field, source_record_id, rule FROM "
           "customer_field_source";
    sql << "DROP VIEW customer_field_source";
    sql << "CREATE TABLE customer_field_source (customer_id BIGINT NOT NULL, field VARCHAR(64) NOT NULL,"
           " source_record_id BIGINT NOT NULL, rule VARCHAR(64) NOT NULL, PRIMARY KEY (customer_id, field))";
    sql << "INSERT INTO customer_field_source SELECT * FROM lineage_before";
    sql << "DROP TABLE lineage_before";
    sql << "ALTER TABLE customer DROP COLUMN field_sources";
    sql << "DELETE FROM schema_migrations WHERE version = 9";
  }
  DatabaseProbe probe() { return DatabaseProbe(*database_); }

  int cursor_ = 0;
};

TEST_P(FieldSourcesSchemaTest, LineageWrittenBeforeTheMigrationIsReadAsBefore) {
  store({source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.com"}, {"city", "Berlin"}}),
         source_customer("C2",
                         {{"name", "Anna Berg"}, {"email", "anna@example.com"}, {"phone", "030 1234567"}}),
         source_customer("C3", {{"name", "Jonas Wolf"}})});
  const auto before = lineage();
  ASSERT_GE(probe().count("customer_field_source"), 5);
  back_to_version_8();
  ASSERT_EQ(lineage(), before);

  EXPECT_EQ(MigrationRunner(*database_).run(), std::vector<int>{9});
  EXPECT_EQ(lineage(), before);
  EXPECT_EQ(probe().count("customer", "field_sources IS NULL"), 0);

  // Later batches keep writing it, through the customers' rows.
  store({source_customer("C4", {{"name", "Lena Kraus"}, {"city", "Bonn"}})});
  EXPECT_EQ(probe().count("customer_field_source", "field = 'city'"), 2);
}

// MariaDB commits DDL at once, so a migration cut short runs again from the
// start; PostgreSQL's runs in a transaction, but is written the same way.
// (SQLite runs each migration in one transaction and adds the column plainly.)
using ServerFieldSourcesSchemaTest = FieldSourcesSchemaTest;

TEST_P(ServerFieldSourcesSchemaTest, RunningTheMigrationAgainChangesNothing) {
  store({source_customer("C1", {{"name", "Anna Berg"}, {"city", "Berlin"}}),
         source_customer("C2", {{"name", "Jonas Wolf"}})});
  const auto before = lineage();
  ASSERT_FALSE(before.empty());
  database_->session() << "DELETE FROM schema_migrations WHERE version = 9";
  EXPECT_EQ(MigrationRunner(*database_).run(), std::vector<int>{9});
  EXPECT_EQ(lineage(), before);
}

INSTANTIATE_TEST_SUITE_P(Engines, FieldSourcesSchemaTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql, Backend::mysql),
                         BackendName());
INSTANTIATE_TEST_SUITE_P(Engines, ServerFieldSourcesSchemaTest,
                         ::testing::Values(Backend::postgresql, Backend::mysql), BackendName());

}  // namespace
}  // namespace crmsync::store::testing
