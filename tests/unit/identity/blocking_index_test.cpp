#include "daemon/identity/blocking_index.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "daemon/identity/shared_key_evidence.hpp"

namespace crmsync::identity {
namespace {

IdentityRecord born(std::string dob, std::string family) {
  IdentityRecord r;
  r.date_of_birth = std::move(dob);
  r.family_name = std::move(family);
  return r;
}

TEST(BlockingIndex, RecordsSharingAKeyBecomeOneUniquePair) {
  // Same dob and same name sounds: two keys, still one pair.
  const std::vector<IdentityRecord> records = {born("19800101", "smith"), born("19900101", "jones"),
                                               born("19800101", "smith")};
  const auto result = BlockingIndex(BlockingLimits{}).candidate_pairs(records);
  ASSERT_EQ(result.pairs.size(), 1U);
  EXPECT_EQ(result.pairs[0], std::make_pair(0U, 2U));
}

TEST(BlockingIndex, OversizedBlockGivesNoPairs) {
  std::vector<IdentityRecord> records(5, born("19000101", ""));
  const auto result = BlockingIndex(BlockingLimits{3}).candidate_pairs(records);
  EXPECT_TRUE(result.pairs.empty());
  EXPECT_EQ(result.oversized_blocks, 1U);
}

// Twelve different people who share a common name and nothing else.
std::vector<IdentityRecord> common_name_holders() {
  std::vector<IdentityRecord> records(12);
  for (std::size_t i = 0; i < records.size(); ++i) {
    records[i].name_key = "wang wei";
    records[i].postcode = std::to_string(100000 + i);
  }
  return records;
}

TEST(BlockingIndex, ACommonNameAloneGivesNoPairs) {
  const auto result = BlockingIndex(BlockingLimits{100, 10}).candidate_pairs(common_name_holders());
  EXPECT_TRUE(result.pairs.empty());
}

TEST(BlockingIndex, ACommonNameWithAnIdentifierOrASecondKindOfKeyGivesAPair) {
  auto records = common_name_holders();
  records[1].email = records[7].email = "wei.wang@example.com";
  records[2].family_name = records[9].family_name = "wang";
  records[9].postcode = records[2].postcode;  // same family sound and postcode
  const auto result = BlockingIndex(BlockingLimits{100, 10}).candidate_pairs(records);
  EXPECT_EQ(result.pairs, (std::vector<std::pair<std::uint32_t, std::uint32_t>>{{1, 7}, {2, 9}}));
}

TEST(BlockingIndex, ARareNameIsReasonEnough) {
  auto records = common_name_holders();
  records.resize(3);
  const auto result = BlockingIndex(BlockingLimits{100, 10}).candidate_pairs(records);
  EXPECT_EQ(result.pairs, (std::vector<std::pair<std::uint32_t, std::uint32_t>>{{0, 1}, {0, 2}, {1, 2}}));
}

TEST(BlockingIndex, ARareBlockSizeAtTheMaximumComparesEveryUsableBlock) {
  const auto result = BlockingIndex(BlockingLimits{100, 100}).candidate_pairs(common_name_holders());
  EXPECT_EQ(result.pairs.size(), 12U * 11U / 2U);
}

TEST(SharedKeyEvidence, NamesAloneAreNotEnoughButAnIdentifierOrTwoKindsAre) {
  SharedKeyEvidence names;
  names.add(KeyGroup::name, false);
  names.add(KeyGroup::name, false);  // name key and name sounds: one kind
  EXPECT_FALSE(names.worth_comparing());
  SharedKeyEvidence with_birthday = names;
  with_birthday.add(KeyGroup::date_of_birth, false);
  EXPECT_TRUE(with_birthday.worth_comparing());
  SharedKeyEvidence email;
  email.add(KeyGroup::identifier, false);
  EXPECT_TRUE(email.worth_comparing());
  SharedKeyEvidence rare;
  rare.add(KeyGroup::name, true);
  EXPECT_TRUE(rare.worth_comparing());
}

}  // namespace
}  // namespace crmsync::identity
