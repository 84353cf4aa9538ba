// identity_key_count stays the number of records carrying each value key as
// records arrive, change and repeat within a batch, on every engine: matching
// weighs values by these counts. Blocking keys are counted from identity_key
// itself, at most as far as max_block_size.
#include "daemon/store/identity_key_store.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include <gtest/gtest.h>
#include <soci/soci.h>

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

  // The counts as kept, and as counted from the keys themselves (value keys
  // in identity_value_keys; every key in identity_key of a record stored
  // before value keys had their own table): equal when in step.
  std::string kept_counts() {
    return probe().rows("SELECT key_hash, holders FROM identity_key_count ORDER BY key_hash");
  }
  std::string true_counts() {
    std::map<std::string, long long> holders;
    std::istringstream older(probe().rows(
        "SELECT key_hash FROM identity_key k WHERE NOT EXISTS (SELECT 1 FROM identity_value_keys v"
        " WHERE v.source_record_id = k.source_record_id)"));
    for (std::string key; std::getline(older, key);) ++holders[key];
    std::istringstream values(probe().rows("SELECT value_keys FROM identity_value_keys"));
    for (std::string line; std::getline(values, line);) {
      std::istringstream keys(line);
      for (std::string key; keys >> key;) ++holders[key];
    }
    // identity_key_count orders by number, not text.
    std::map<long long, long long> by_number;
    for (const auto& [key, count] : holders) by_number[std::stoll(key)] = count;
    std::string out;
    for (const auto& [key, count] : by_number)
      out += std::to_string(key) + "|" + std::to_string(count) + "\n";
    return out;
  }
  DatabaseProbe probe() { return DatabaseProbe(*database_); }
  // Two stored customers' source record ids.
  std::pair<long long, long long> two_records() {
    store({source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.com"}}),
           source_customer("C2", {{"name", "Jonas Wolf"}, {"email", "jonas@example.com"}})});
    return {std::stoll(probe().text("SELECT id FROM source_record WHERE external_id = 'C1'")),
            std::stoll(probe().text("SELECT id FROM source_record WHERE external_id = 'C2'"))};
  }

  // Three stored customers: all three hold blocking key 21, the first 22 too.
  std::tuple<long long, long long, long long> three_holders_of_21(IdentityKeyStore& keys) {
    const auto [c1, c2] = two_records();
    store({source_customer("C3", {{"name", "Lena Kraus"}})});
    const long long c3 = std::stoll(probe().text("SELECT id FROM source_record WHERE external_id = 'C3'"));
    keys.replace({{c1, {21, 22}, {}, true}, {c2, {21}, {}, true}, {c3, {21}, {}, true}});
    return {c1, c2, c3};
  }

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
  EXPECT_EQ(probe().count("identity_key_count"), before + 1)
      << "the new address's value key; its blocking key is not counted";
  EXPECT_EQ(probe().count("identity_value_keys"), 2) << "one row of value keys per record";
  EXPECT_EQ(probe().count("identity_key_count", "holders <= 0"), 0) << "no key is kept at zero holders";
}

TEST_P(IdentityKeyStoreTest, RecordRepeatedInOneBatchKeepsItsLastKeys) {
  store({source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.com"}}),
         source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.org"}}, "v2")});
  EXPECT_EQ(kept_counts(), true_counts());
  EXPECT_EQ(probe().text("SELECT MAX(holders) FROM identity_key_count"), "1");
}

TEST_P(IdentityKeyStoreTest, RecordStoredBeforeValueKeysHadTheirOwnTableGivesThemBackWhenItChanges) {
  store({source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.com"}, {"city", "Berlin"}}),
         source_customer("C2", {{"name", "Jonas Wolf"}, {"city", "Berlin"}})});
  // How a database written before migration 5 holds C1's keys: all in
  // identity_key, and all counted.
  const std::string c1_id = probe().text("SELECT id FROM source_record WHERE external_id = 'C1'");
  std::istringstream blocking(
      probe().rows("SELECT key_hash FROM identity_key WHERE source_record_id = " + c1_id));
  for (std::string key; std::getline(blocking, key);) {
    database_->session() << "INSERT INTO identity_key_count (key_hash, holders) VALUES (" + key + ", 1)";
  }
  std::istringstream keys(
      probe().text("SELECT value_keys FROM identity_value_keys WHERE source_record_id = " + c1_id));
  for (std::string key; keys >> key;) {
    database_->session() << "INSERT INTO identity_key (key_hash, source_record_id) VALUES (" + key + ", " +
                                c1_id + ")";
  }
  database_->session() << "DELETE FROM identity_value_keys WHERE source_record_id = " + c1_id;
  ASSERT_EQ(kept_counts(), true_counts());

  store({source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.com"}, {"city", "Hamburg"}},
                         "v2")});
  EXPECT_EQ(kept_counts(), true_counts());
  EXPECT_EQ(probe().text("SELECT MAX(holders) FROM identity_key_count"), "1") << "Berlin lost C1";
  EXPECT_EQ(probe().count("identity_value_keys"), 2);
}

TEST_P(IdentityKeyStoreTest, CountsJustWrittenAgreeWithTheTable) {
  const auto [c1, c2] = two_records();
  std::vector<std::uint64_t> asked{11, 12, 13, 99};
  std::istringstream stored(probe().rows("SELECT key_hash FROM identity_key_count"));
  for (std::string key; std::getline(stored, key);) asked.push_back(std::stoull(key));

  IdentityKeyStore keys(*database_);
  keys.replace({{c1, {11}, {12, 13}, true}, {c2, {11}, {12}, true}});
  const auto answered = keys.counts(asked);
  EXPECT_EQ(answered, IdentityKeyStore(*database_).counts(asked))
      << "as a store that wrote nothing reads them";
  EXPECT_EQ(answered, (std::unordered_map<std::uint64_t, long long>{{12, 2}, {13, 1}}))
      << "the keys both records gave up are held by nobody; blocking key 11 is not counted";
  EXPECT_EQ(kept_counts(), true_counts());

  // Keys that stay as they were change no count, and are read from the table.
  IdentityKeyStore again(*database_);
  again.replace({{c2, {11}, {12}, true}});
  EXPECT_EQ(again.counts({12}).at(12), 2);
}

TEST_P(IdentityKeyStoreTest, BlockIsReadOnlyAsFarAsTheLimit) {
  IdentityKeyStore keys(*database_);
  const auto [c1, c2, c3] = three_holders_of_21(keys);

  std::map<std::uint64_t, std::vector<long long>> seen;
  const auto read = [&](std::size_t limit) {
    seen.clear();
    keys.visit_blocks({22, 21, 23, 21}, limit, [&](std::uint64_t key, const std::vector<long long>& holders) {
      EXPECT_FALSE(seen.contains(key)) << "key " << key << " visited twice";
      seen[key] = holders;
      std::sort(seen[key].begin(), seen[key].end());
    });
  };
  read(5);
  EXPECT_EQ(seen, (std::map<std::uint64_t, std::vector<long long>>{{21, {c1, c2, c3}}, {22, {c1}}}))
      << "every holder of a key within the limit; a key nobody holds is not visited";
  read(2);
  ASSERT_EQ(seen.size(), 2U);
  EXPECT_EQ(seen.at(21).size(), 3U) << "limit + 1 holders: the key has more than the limit";
  read(1);
  EXPECT_EQ(seen.at(21).size(), 2U);
  EXPECT_EQ(seen.at(22), std::vector<long long>{c1});
}

TEST_P(IdentityKeyStoreTest, ExcludedRecordsAreNoHoldersAndDoNotUseUpTheLimit) {
  IdentityKeyStore keys(*database_);
  const auto [c1, c2, c3] = three_holders_of_21(keys);

  std::map<std::uint64_t, std::vector<long long>> seen;
  keys.visit_blocks({21, 22}, 1,
                    [&](std::uint64_t key, const std::vector<long long>& holders) {
                      seen[key] = holders;
                      std::sort(seen[key].begin(), seen[key].end());
                    },
                    {c1, c2});
  EXPECT_EQ(seen, (std::map<std::uint64_t, std::vector<long long>>{{21, {c3}}}))
      << "key 21 has one holder besides the excluded records, within the limit of 1; nobody else holds 22";
}

TEST_P(IdentityKeyStoreTest, BlockingKeysAreNotCounted) {
  store({source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.com"}}),
         source_customer("C2", {{"name", "Anna Berg"}, {"email", "anna@example.com"}})});
  ASSERT_GT(probe().count("identity_key"), 0);
  EXPECT_EQ(probe().count("identity_key_count", "key_hash IN (SELECT key_hash FROM identity_key)"), 0);
  EXPECT_EQ(kept_counts(), true_counts());
}

TEST_P(IdentityKeyStoreTest, MigrationDropsTheCountsOfBlockingKeys) {
  store({source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.com"}, {"city", "Berlin"}}),
         source_customer("C2", {{"name", "Anna Berg"}, {"city", "Berlin"}})});
  const auto counts = kept_counts();
  // Counted as the daemon did before migration 8.
  database_->session() << "INSERT INTO identity_key_count (key_hash, holders)"
                          " SELECT key_hash, COUNT(*) FROM identity_key GROUP BY key_hash";
  ASSERT_NE(kept_counts(), counts);
  database_->session() << "DELETE FROM schema_migrations WHERE version = 8";
  EXPECT_EQ(MigrationRunner(*database_).run(), std::vector<int>{8});
  EXPECT_EQ(kept_counts(), counts);
  EXPECT_EQ(kept_counts(), true_counts());
}

// Migration 6 rebuilds SQLite tables only.
using SqliteKeyTablesTest = IdentityKeyStoreTest;

TEST_P(SqliteKeyTablesTest, RebuildKeepsEveryRow) {
  store({source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna@example.com"}, {"city", "Berlin"}}),
         source_customer("C2", {{"name", "Jonas Wolf"}, {"city", "Berlin"}})});
  const auto keys = probe().rows("SELECT key_hash, source_record_id FROM identity_key ORDER BY 1, 2");
  const auto counts = kept_counts();
  // Applied again on a store holding keys, as after an upgrade.
  database_->session() << "DELETE FROM schema_migrations WHERE version = 6";
  EXPECT_EQ(MigrationRunner(*database_).run(), std::vector<int>{6});
  EXPECT_EQ(probe().rows("SELECT key_hash, source_record_id FROM identity_key ORDER BY 1, 2"), keys);
  EXPECT_EQ(kept_counts(), counts);
  for (const char* table : {"identity_key", "identity_key_count", "identity_value_keys"}) {
    EXPECT_NE(probe()
                  .text(std::string("SELECT sql FROM sqlite_master WHERE name = '") + table + "'")
                  .find("WITHOUT ROWID"),
              std::string::npos)
        << table;
  }
  EXPECT_EQ(probe().count("sqlite_master", "name = 'ix_identity_key_record'"), 1);
  store({source_customer("C3", {{"name", "Lena Kraus"}, {"city", "Berlin"}})});
  EXPECT_EQ(kept_counts(), true_counts());
}

INSTANTIATE_TEST_SUITE_P(Engines, SqliteKeyTablesTest, ::testing::Values(Backend::sqlite), BackendName());
INSTANTIATE_TEST_SUITE_P(Engines, IdentityKeyStoreTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql, Backend::mysql),
                         BackendName());

}  // namespace
}  // namespace crmsync::store::testing
