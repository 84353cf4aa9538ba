#include "order_start_index.hpp"

#include <string>

#include <gtest/gtest.h>

namespace crmsync::csv_drop {
namespace {

TEST(OrderStartIndex, SecondSightingOfAnOrderGivesTheLineItStartedAt) {
  OrderStartIndex index;
  EXPECT_FALSE(index.find_or_add("SO-1", 2).has_value());
  EXPECT_FALSE(index.find_or_add("SO-2", 5).has_value());
  EXPECT_EQ(index.find_or_add("SO-1", 9), 2U);
  EXPECT_EQ(index.find_or_add("SO-1", 12), 2U) << "the first start is kept, not the latest sighting";
}

TEST(OrderStartIndex, EveryOrderOfALargeFileIsFoundWithItsOwnLine) {
  // Enough orders for several merges of the newest ids into the sorted entries.
  constexpr int kOrders = 50'000;
  OrderStartIndex index;
  for (int i = 0; i < kOrders; ++i) {
    ASSERT_FALSE(index.find_or_add("SO-" + std::to_string(i), 10 + 3 * i).has_value()) << i;
  }
  EXPECT_EQ(index.size(), static_cast<std::size_t>(kOrders));
  for (int i = 0; i < kOrders; i += 7) {
    ASSERT_EQ(index.find_or_add("SO-" + std::to_string(i), 1'000'000), 10U + 3U * i) << i;
  }
  EXPECT_FALSE(index.find_or_add("SO-" + std::to_string(kOrders), 1'000'001).has_value());
  EXPECT_EQ(index.size(), static_cast<std::size_t>(kOrders) + 1);
}

TEST(OrderStartIndex, AMovedIndexKeepsItsOrders) {
  constexpr int kOrders = 20'000;  // past the first merge into the sorted entries
  OrderStartIndex index;
  for (int i = 0; i < kOrders; ++i) index.find_or_add("SO-" + std::to_string(i), 2 + i);
  OrderStartIndex moved(std::move(index));
  EXPECT_EQ(moved.find_or_add("SO-7", 0), 9U);
  EXPECT_EQ(moved.find_or_add("SO-19999", 0), 20'001U);
  EXPECT_EQ(moved.size(), static_cast<std::size_t>(kOrders));
}

}  // namespace
}  // namespace crmsync::csv_drop
