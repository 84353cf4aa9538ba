#include "daemon/identity/levenshtein_similarity.hpp"

#include <gtest/gtest.h>

namespace crmsync::identity {
namespace {

TEST(LevenshteinSimilarity, CountsEditsOfKnownPairs) {
  EXPECT_EQ(LevenshteinSimilarity::distance("kitten", "sitting"), 3U);
  EXPECT_EQ(LevenshteinSimilarity::distance("", "abc"), 3U);
  EXPECT_EQ(LevenshteinSimilarity::distance("4011", "4101"), 2U);
}

TEST(LevenshteinSimilarity, NormalisesByTheLongerString) {
  EXPECT_NEAR(LevenshteinSimilarity::similarity("kitten", "sitting"), 1.0 - 3.0 / 7.0, 1e-12);
  EXPECT_DOUBLE_EQ(LevenshteinSimilarity::similarity("", ""), 1.0);
}

}  // namespace
}  // namespace crmsync::identity
