#include "daemon/config/closest_key.hpp"

#include <gtest/gtest.h>

namespace crmsync::config {
namespace {

const std::vector<std::string> kKeys = {"directory", "pattern", "batch_size", "state_directory"};

TEST(ClosestKeyTest, SuggestsKeyOneTypoAway) {
  EXPECT_EQ(closest_key("dirctory", kKeys), "directory");
  EXPECT_EQ(closest_key("patern", kKeys), "pattern");
}

TEST(ClosestKeyTest, SwappedLettersCountAsOneTypo) {
  EXPECT_EQ(closest_key("directroy", kKeys), "directory");
}

TEST(ClosestKeyTest, CaseDifferenceIsSuggested) {
  EXPECT_EQ(closest_key("Directory", kKeys), "directory");
}

TEST(ClosestKeyTest, UnrelatedWordGetsNoSuggestion) {
  EXPECT_EQ(closest_key("foo", kKeys), std::nullopt);
  EXPECT_EQ(closest_key("timeout", kKeys), std::nullopt);
}

}  // namespace
}  // namespace crmsync::config
