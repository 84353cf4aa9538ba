// identity_key_count stays the number of records carrying each matching key
// as records arrive, change and repeat within a batch, on every engine:
// matching weighs values by these counts.
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "daemon/identity/identity_settings.hpp"
#include "daemon/store/batch_writer.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/migration_runner.hpp"
#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/migrated_database_test.hpp"
#include "tests/integration/store/test_database.hpp"
#include "tests/integration/store/test_records.hpp"

namespace crmsync::store::testing {
namespace {

class IdentityKeyStoreTest : public MigratedDatabaseTest {
 protected:
  void store(std::vector<model::NormalizedRecord> records) {
    auto b = batch("crm", "customers", std::to_string(++cursor_));
    b.records = std::move(records);
    BatchWriter(*database_, identity::IdentitySettings{}).write(b);
  }

  // The counts as kept, and as counted from identity_key itself: equal when in step.
  std::string kept_counts() {
    return probe().rows("SELECT key_hash, holders FROM identity_key_count ORDER BY key_hash");
  }
  std::string true_counts() {
    return probe().rows("SELECT key_hash, COUNT(*) FROM identity_key GROUP BY key_hash ORDER BY key_hash");
  }
  DatabaseProbe probe() { return DatabaseProbe(*database_); }

  int cursor_ = 0;
};

TEST_P(IdentityKeyStoreTest, SharedValueIsCountedOncePerRecord) {
  store(
      {source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.com"}, {"city", "Berlin"}}),
       source_customer("C2", {{"name", "Jonas Wolf"}, {"email", "jonas@example.com"}, {"city", "Berlin"}})});
  store({source_customer("C3", {{"name", "Lena Kraus"}, {"city", "Berlin"}})});
  EXPECT_EQ(kept_counts(), true_counts());
  EXPECT_EQ(probe().text("SELECT MAX(holders) FROM identity_key_count"), "3");  // the city
}

TEST_P(IdentityKeyStoreTest, ChangedRecordMovesItsCountsToItsNewValues) {
  store({source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.com"}}),
         source_customer("C2", {{"name", "Anna Berg"}, {"email", "anna@example.com"}})});
  const auto before = probe().count("identity_key_count");
  store({source_customer("C2", {{"name", "Anna Berg"}, {"email", "anna.berg@example.org"}}, "v2")});
  EXPECT_EQ(kept_counts(), true_counts());
  EXPECT_EQ(probe().count("identity_key_count"), before + 2)
      << "the new address: one value key, one blocking key";
  EXPECT_EQ(probe().count("identity_key_count", "holders <= 0"), 0) << "no key is kept at zero holders";
}

TEST_P(IdentityKeyStoreTest, RecordRepeatedInOneBatchKeepsItsLastKeys) {
  store({source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.com"}}),
         source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.org"}}, "v2")});
  EXPECT_EQ(kept_counts(), true_counts());
  EXPECT_EQ(probe().text("SELECT MAX(holders) FROM identity_key_count"), "1");
}

INSTANTIATE_TEST_SUITE_P(Engines, IdentityKeyStoreTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql, Backend::mysql),
                         BackendName());

}  // namespace
}  // namespace crmsync::store::testing
