#include "daemon/store/id_list.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace crmsync::store {
namespace {

std::vector<long long> ids_from(long long first, std::size_t count) {
  std::vector<long long> ids;
  for (std::size_t i = 0; i < count; ++i) ids.push_back(first + static_cast<long long>(i));
  return ids;
}

TEST(IdListTest, PostgresqlMatchesAllIdsInOneArray) {
  const auto conditions = IdList::matching(Dialect::postgresql, "source_record_id", {17, -4, 9000000000LL});
  ASSERT_EQ(conditions.size(), 1U);
  EXPECT_EQ(conditions[0], "source_record_id = ANY('{17,-4,9000000000}'::BIGINT[])");
  // However many: one statement per lookup.
  EXPECT_EQ(IdList::matching(Dialect::postgresql, "key_hash", ids_from(1, 1201)).size(), 1U);
}

TEST(IdListTest, OtherEnginesMatchThemInListsOfAChunk) {
  for (const auto dialect : {Dialect::sqlite, Dialect::mysql}) {
    const auto conditions = IdList::matching(dialect, "id", ids_from(1, 2 * IdList::kChunk + 1));
    ASSERT_EQ(conditions.size(), 3U);
    EXPECT_EQ(conditions[0].rfind("id IN (1,2,3,", 0), 0U);
    EXPECT_EQ(conditions[2], "id IN (" + std::to_string(2 * IdList::kChunk + 1) + ")");
  }
}

TEST(IdListTest, NoIdsNoStatement) {
  for (const auto dialect : {Dialect::postgresql, Dialect::sqlite, Dialect::mysql}) {
    EXPECT_TRUE(IdList::matching(dialect, "id", {}).empty());
  }
}

}  // namespace
}  // namespace crmsync::store
