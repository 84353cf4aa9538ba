// Matching keys follow the build that derives them, on every engine: a
// re-resolve rebuilds every record's keys and value counts with the current
// derivation and records its version; a store whose records were keyed by
// an older one is stale until then, an empty one never.
#include "daemon/store/key_version_store.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "daemon/identity/blocking_keys.hpp"
#include "daemon/identity/identity_record_builder.hpp"
#include "daemon/identity/identity_settings.hpp"
#include "daemon/store/batch_writer.hpp"
#include "daemon/store/customer_reresolver.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/identity_key_store.hpp"
#include "daemon/store/migration_runner.hpp"
#include "daemon/store/source_customer_store.hpp"
#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/migrated_database_test.hpp"
#include "tests/integration/store/test_database.hpp"
#include "tests/integration/store/test_records.hpp"

namespace crmsync::store::testing {
namespace {

constexpr int kCurrent = identity::BlockingKeys::kDerivationVersion;

// The stored keys as text, in the shape of their tables' rows ordered by key.
struct KeyTables {
  std::string blocking;  // identity_key: "key|record" lines
  std::string values;    // identity_value_keys: "record|key key ..." lines
  std::string counts;    // identity_key_count: "key|holders" lines

  bool operator==(const KeyTables&) const = default;
};

void PrintTo(const KeyTables& tables, std::ostream* out) {
  *out << "\nidentity_key:\n"
       << tables.blocking << "identity_value_keys:\n"
       << tables.values << "identity_key_count:\n"
       << tables.counts;
}

class KeyVersionStoreTest : public MigratedDatabaseTest {
 protected:
  void store(std::vector<model::NormalizedRecord> records) {
    auto b = batch("crm", "customers", std::to_string(++cursor_));
    b.records = std::move(records);
    BatchWriter(*database_, settings_).write(b);
  }
  DatabaseProbe probe() { return DatabaseProbe(*database_); }
  KeyVersionStore versions() { return KeyVersionStore(*database_); }
  long long id_of(const std::string& external_id) {
    return std::stoll(probe().text("SELECT id FROM source_record WHERE external_id = '" + external_id + "'"));
  }

  KeyTables stored_keys() {
    return {probe().rows(
                "SELECT key_hash, source_record_id FROM identity_key ORDER BY key_hash, source_record_id"),
            probe().rows(
                "SELECT source_record_id, value_keys FROM identity_value_keys ORDER BY source_record_id"),
            probe().rows("SELECT key_hash, holders FROM identity_key_count ORDER BY key_hash")};
  }
  // The keys this build derives from the stored records, as stored_keys() would read them.
  KeyTables fresh_keys() {
    const identity::IdentityRecordBuilder builder;
    std::vector<std::pair<long long, long long>> blocking;
    std::map<long long, std::string> values;
    std::map<long long, long long> counts;
    for (const auto& m : SourceCustomerStore(*database_).all()) {
      const auto record = builder.from_customer(std::to_string(m.source_record_id), m.customer);
      for (const auto key : identity::BlockingKeys::blocking_keys(record))
        blocking.emplace_back(static_cast<long long>(key), m.source_record_id);
      std::string& joined = values[m.source_record_id];
      for (const auto key : identity::BlockingKeys::value_keys(record)) {
        if (!joined.empty()) joined += ' ';
        joined += std::to_string(static_cast<long long>(key));
        ++counts[static_cast<long long>(key)];
      }
    }
    std::sort(blocking.begin(), blocking.end());
    KeyTables out;
    for (const auto& [key, record] : blocking)
      out.blocking += std::to_string(key) + "|" + std::to_string(record) + "\n";
    for (const auto& [record, keys] : values) out.values += std::to_string(record) + "|" + keys + "\n";
    for (const auto& [key, holders] : counts)
      out.counts += std::to_string(key) + "|" + std::to_string(holders) + "\n";
    return out;
  }

  // Four customers sharing a city and a street, two of them one house.
  void store_four_customers() {
    store(
        {source_customer("C1", {{"name", "Anna Berg"},
                                {"email", "anna@example.com"},
                                {"address", "Hauptstraße 12"},
                                {"postcode", "10115"},
                                {"city", "Berlin"}}),
         source_customer("C2", {{"name", "Jonas Wolf"},
                                {"address", "Hauptstraße 12"},
                                {"postcode", "10115"},
                                {"city", "Berlin"}}),
         source_customer("C3", {{"name", "Lena Kraus"}, {"address", "Hauptstraße 3"}, {"city", "Berlin"}})});
    store({source_customer("C4",
                           {{"name", "Wang Fang"}, {"email", "wang.fang@example.cn"}, {"city", "Berlin"}})});
  }

  // Keys as an older derivation could have left them, in step with their
  // counts: C1 to C3 re-keyed through the store, C4 as a record stored
  // before value keys had their own table (every key in identity_key, and
  // counted).
  void key_as_an_older_derivation() {
    const long long c1 = id_of("C1");
    const long long c2 = id_of("C2");
    const long long c3 = id_of("C3");
    const long long c4 = id_of("C4");
    IdentityKeyStore(*database_)
        .replace({{c1, {101, 102}, {201, 202}, true}, {c2, {101}, {201, 203}, true}, {c3, {}, {201}, true}});
    IdentityKeyStore(*database_).replace({{c4, {301, 302}, {}, true}});
    auto& sql = database_->session();
    sql << "DELETE FROM identity_value_keys WHERE source_record_id = " + std::to_string(c4);
    sql << "INSERT INTO identity_key_count (key_hash, holders) VALUES (301, 1), (302, 1)";
    sql << "UPDATE identity_key_version SET version = 1";
  }

  identity::IdentitySettings settings_;
  int cursor_ = 0;
};

TEST_P(KeyVersionStoreTest, ReresolveRebuildsKeysAnOlderDerivationBuilt) {
  store_four_customers();
  ASSERT_EQ(stored_keys(), fresh_keys()) << "the batch writer and this test derive keys alike";
  key_as_an_older_derivation();
  ASSERT_NE(stored_keys(), fresh_keys());
  ASSERT_TRUE(versions().stale(kCurrent));

  const auto outcome = CustomerReresolver(*database_, settings_).run("test", "2026-11-01T11:00:00Z");
  EXPECT_EQ(outcome.keys_rebuilt, 4U);
  EXPECT_EQ(outcome.keys_rebuilt, static_cast<std::size_t>(probe().count("source_customer")));
  EXPECT_EQ(stored_keys(), fresh_keys()) << "old keys and their counts taken back, new ones written";
  EXPECT_EQ(probe().count("identity_key_count", "holders <= 0"), 0);
  EXPECT_EQ(versions().version(), kCurrent);
  EXPECT_EQ(probe().text("SELECT rebuilt_at FROM identity_key_version"), "2026-11-01T11:00:00Z");
  EXPECT_FALSE(versions().stale(kCurrent));

  // Keys in step stay so: a second rebuild and a new record change no count wrongly.
  CustomerReresolver(*database_, settings_).run("test", "2026-11-01T12:00:00Z");
  store({source_customer("C5", {{"name", "Jonas Wolf"}, {"city", "Berlin"}})});
  EXPECT_EQ(stored_keys(), fresh_keys());
}

TEST_P(KeyVersionStoreTest, NewRecordFindsAnOldOneOnlyItsRebuiltKeysReach) {
  store({source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna.berg@example.com"}})});
  // Keyed by a derivation that gave C1 no blocking key at all: nothing leads to it.
  database_->session() << "DELETE FROM identity_key";
  database_->session() << "UPDATE identity_key_version SET version = 1";
  const long long anna = std::stoll(probe().text("SELECT customer_id FROM customer_link"));

  CustomerReresolver(*database_, settings_).run("test", "2026-11-01T11:00:00Z");
  store({source_customer("C2", {{"name", "Anna Berg"}, {"email", "Anna.Berg@example.com"}})});
  EXPECT_EQ(probe().text("SELECT customer_id FROM customer_link l JOIN source_record s ON s.id = "
                         "l.source_record_id WHERE s.external_id = 'C2'"),
            std::to_string(anna));
  EXPECT_EQ(probe().count("customer_360"), 1);
}

TEST_P(KeyVersionStoreTest, EmptyStoreIsNeverStaleAndTakesTheCurrentVersion) {
  EXPECT_EQ(versions().version(), 1) << "the version of every store keyed before versions were recorded";
  EXPECT_FALSE(versions().stale(kCurrent)) << "no record has old keys";
  EXPECT_TRUE(versions().adopt_when_empty(kCurrent));
  EXPECT_EQ(versions().version(), kCurrent);
  EXPECT_EQ(probe().text("SELECT rebuilt_at FROM identity_key_version"), "NULL") << "nothing was rebuilt";
  EXPECT_FALSE(versions().adopt_when_empty(kCurrent)) << "already current";
  EXPECT_FALSE(versions().stale(kCurrent));
}

TEST_P(KeyVersionStoreTest, StoreWithRecordsKeyedByAnOlderVersionIsStaleUntilRebuilt) {
  store({source_customer("C1", {{"name", "Anna Berg"}})});
  ASSERT_EQ(versions().version(), 1);
  EXPECT_TRUE(versions().stale(kCurrent));
  EXPECT_FALSE(versions().stale(1));
  EXPECT_FALSE(versions().adopt_when_empty(kCurrent)) << "its records keep their old keys";
  EXPECT_EQ(versions().version(), 1);
  versions().set(kCurrent, "2026-11-01T11:00:00Z");
  EXPECT_FALSE(versions().stale(kCurrent));
}

TEST_P(KeyVersionStoreTest, MigrationStartsAStoreWithRecordsAtVersionOne) {
  store({source_customer("C1", {{"name", "Anna Berg"}})});
  versions().set(kCurrent, "2026-11-01T11:00:00Z");
  // The store as it was before migration 10, upgraded.
  database_->session() << "DROP TABLE identity_key_version";
  database_->session() << "DELETE FROM schema_migrations WHERE version = 10";
  EXPECT_EQ(MigrationRunner(*database_).run(), std::vector<int>{10});
  EXPECT_EQ(probe().count("identity_key_version"), 1);
  EXPECT_EQ(versions().version(), 1);
  EXPECT_TRUE(versions().stale(kCurrent));
  EXPECT_THROW(database_->session() << "INSERT INTO identity_key_version (id, version) VALUES (2, 1)",
               soci::soci_error)
      << "one row";
}

// More records than one replace() rewrites: counts stay right across chunks.
using SqliteKeyRebuildTest = KeyVersionStoreTest;

TEST_P(SqliteKeyRebuildTest, RebuildOfManyRecordsKeepsCountsAcrossChunks) {
  constexpr int kRecords = 2300;
  for (int first = 0; first < kRecords; first += 500) {
    std::vector<model::NormalizedRecord> records;
    for (int i = first; i < std::min(kRecords, first + 500); ++i) {
      records.push_back(source_customer(
          "C" + std::to_string(i),
          {{"name", "Person " + std::to_string(i % 700)}, {"city", i % 2 == 0 ? "Berlin" : "Hamburg"}}));
    }
    store(std::move(records));
  }
  ASSERT_EQ(probe().count("source_customer"), kRecords);
  // Every record holds one old value key: 2,300 holders, taken back over two chunks.
  database_->session() << "UPDATE identity_value_keys SET value_keys = '999'";
  database_->session() << "DELETE FROM identity_key_count";
  database_->session() << "INSERT INTO identity_key_count (key_hash, holders) VALUES (999, " +
                              std::to_string(kRecords) + ")";

  const auto outcome = CustomerReresolver(*database_, settings_).run("test", "2026-11-01T11:00:00Z");
  EXPECT_EQ(outcome.keys_rebuilt, static_cast<std::size_t>(kRecords));
  EXPECT_EQ(stored_keys(), fresh_keys());
}

INSTANTIATE_TEST_SUITE_P(Engines, SqliteKeyRebuildTest, ::testing::Values(Backend::sqlite), BackendName());
INSTANTIATE_TEST_SUITE_P(Engines, KeyVersionStoreTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql, Backend::mysql),
                         BackendName());

}  // namespace
}  // namespace crmsync::store::testing
