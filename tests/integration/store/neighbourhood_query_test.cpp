// What a batch is resolved against, read as the store held it before the
// batch: the batch's own keys come from memory, and the stored keys of its
// records seen before (which the batch replaces) do not count, so the result
// is what the resolver would read after writing the batch.
#include "daemon/store/neighbourhood_query.hpp"

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <gtest/gtest.h>
#include <soci/soci.h>

#include "daemon/identity/blocking_keys.hpp"
#include "daemon/identity/identity_record_builder.hpp"
#include "daemon/identity/identity_settings.hpp"
#include "daemon/store/batch_writer.hpp"
#include "tests/integration/store/database_probe.hpp"
#include "tests/integration/store/migrated_database_test.hpp"
#include "tests/integration/store/test_database.hpp"
#include "tests/integration/store/test_records.hpp"

namespace crmsync::store::testing {
namespace {

constexpr std::uint64_t kKey = 21;
constexpr long long kNewRecord = 999999;  // a batch record not stored yet

class NeighbourhoodQueryTest : public MigratedDatabaseTest {
 protected:
  // Three stored customers; C1 and C2 hold kKey, C3 held it before the batch
  // being resolved, which re-sends C3.
  void SetUp() override {
    MigratedDatabaseTest::SetUp();
    auto b = batch("crm", "customers", "1");
    b.records = {source_customer("C1", {{"name", "Anna Berg"}, {"email", "anna.berg@example.de"}}),
                 source_customer("C2", {{"name", "Jonas Wolf"}, {"email", "jonas.wolf@example.de"}}),
                 source_customer("C3", {{"name", "Lena Kraus"}})};
    BatchWriter(*database_, identity::IdentitySettings{}).write(b);
    c1_ = id_of("C1");
    c2_ = id_of("C2");
    c3_ = id_of("C3");
    // kKey besides their own keys; their value keys and counts stay as stored.
    for (const auto id : {c1_, c2_, c3_}) {
      database_->session() << "INSERT INTO identity_key (key_hash, source_record_id) VALUES (" +
                                  std::to_string(kKey) + ", " + std::to_string(id) + ")";
    }
  }

  long long id_of(const std::string& external_id) {
    return std::stoll(DatabaseProbe(*database_)
                          .text("SELECT id FROM source_record WHERE external_id = '" + external_id + "'"));
  }

  // The batch: a new record holding kKey and C3 again, holding it again or not.
  NeighbourhoodQuery::Found read(std::size_t max_block_size, bool c3_keeps_the_key) {
    const std::vector<std::uint64_t> blocking{kKey};
    const std::vector<long long> batch_ids{kNewRecord, c3_};
    const std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> matched_holders{{kKey, {0}}};
    std::unordered_map<std::uint64_t, std::vector<long long>> batch_holders{{kKey, {kNewRecord}}};
    if (c3_keeps_the_key) batch_holders[kKey].push_back(c3_);
    const std::unordered_map<std::uint64_t, identity::KeyGroup> group_of_key{
        {kKey, identity::KeyGroup::identifier}};
    const std::vector<long long> replaced{c3_};
    const std::vector<long long> matched{kNewRecord};
    limits_.max_block_size = max_block_size;
    limits_.rare_block_size = 1;
    return NeighbourhoodQuery(*database_, limits_)
        .read({blocking, batch_ids, matched_holders, batch_holders, group_of_key, replaced, matched,
               batch_values_, builder_});
  }

  identity::BlockingLimits limits_;
  identity::IdentityRecordBuilder builder_;
  std::unordered_set<std::uint64_t> batch_values_;
  long long c1_ = 0;
  long long c2_ = 0;
  long long c3_ = 0;
};

TEST_P(NeighbourhoodQueryTest, ReplacedKeysDoNotCountAndTheBatchsOwnDo) {
  // After the batch the key has three holders: C1, C2 and the new record.
  const auto found = read(3, false);
  EXPECT_EQ(found.usable, std::vector<std::uint64_t>{kKey})
      << "C3's old key would make it four, over the limit";
  EXPECT_EQ(found.wanted, (std::set<long long>{kNewRecord, c1_, c2_}));
  std::set<long long> loaded;
  for (const auto& m : found.loaded) loaded.insert(m.source_record_id);
  EXPECT_EQ(loaded, (std::set<long long>{c1_, c2_})) << "stored neighbours are read, batch records are not";
  EXPECT_TRUE(found.rare.empty());

  EXPECT_TRUE(read(2, false).usable.empty()) << "three holders are over a limit of two";
}

TEST_P(NeighbourhoodQueryTest, ARecordKeepingItsKeyCountsOnce) {
  EXPECT_EQ(read(4, true).usable, std::vector<std::uint64_t>{kKey}) << "C1, C2, C3 and the new record";
  EXPECT_TRUE(read(3, true).usable.empty());
  const auto found = read(4, true);
  EXPECT_TRUE(found.wanted.contains(c3_)) << "the new record shares an identifier with C3's new version";
  for (const auto& m : found.loaded)
    EXPECT_NE(m.source_record_id, c3_) << "C3 comes from the batch, not the store";
}

TEST_P(NeighbourhoodQueryTest, NeighboursComeBuiltWithTheCountsOfTheirIdentifiers) {
  const auto found = read(3, false);
  ASSERT_EQ(found.loaded.size(), 2U);
  ASSERT_EQ(found.loaded_records.size(), 2U);
  ASSERT_EQ(found.loaded_blocking.size(), 2U);
  std::set<std::uint64_t> emails;
  std::set<std::uint64_t> names;
  for (std::size_t i = 0; i < found.loaded.size(); ++i) {
    const auto& record = found.loaded_records[i];
    EXPECT_EQ(record.id, std::to_string(found.loaded[i].source_record_id));
    EXPECT_FALSE(found.loaded_blocking[i].empty());
    emails.insert(identity::BlockingKeys::value_key(identity::MatchField::kEmail, record.email));
    names.insert(identity::BlockingKeys::value_key(identity::MatchField::kFamilyName, record.family_name));
  }
  // A neighbour is only ever a candidate: the scorer reads its identifiers'
  // counts (each email its own, counted once by the first batch), not its name's.
  EXPECT_EQ(std::set<std::uint64_t>(found.counted.begin(), found.counted.end()), emails);
  for (const auto key : emails) EXPECT_EQ(found.counts.at(key), 1) << "value key " << key;
  for (const auto key : names) EXPECT_FALSE(found.counted.contains(key)) << "value key " << key;

  // The batch's own values are counted after its writes, not here.
  batch_values_ = found.counted;
  EXPECT_TRUE(read(3, false).counted.empty());
}

INSTANTIATE_TEST_SUITE_P(Engines, NeighbourhoodQueryTest,
                         ::testing::Values(Backend::sqlite, Backend::postgresql, Backend::mysql),
                         BackendName());

}  // namespace
}  // namespace crmsync::store::testing
