#include "daemon/identity/blocking_index.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace crmsync::identity
