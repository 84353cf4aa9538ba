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

TEST(LevenshteinSimilarity, TokensCountWhole) {
  const LevenshteinSimilarity::Tokens nanjing = {"nan", "jing", "lu"};
  const LevenshteinSimilarity::Tokens nanning = {"nan", "ning", "lu"};
  EXPECT_EQ(LevenshteinSimilarity::distance(nanjing, nanning),
            1u);  // "jing" and "ning": one token, not two letters
  EXPECT_EQ(LevenshteinSimilarity::distance(nanjing, {"nan", "jing", "dong", "lu"}), 1u);
  EXPECT_DOUBLE_EQ(LevenshteinSimilarity::similarity(nanjing, nanning), 1.0 - 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(
      LevenshteinSimilarity::similarity(LevenshteinSimilarity::Tokens{}, LevenshteinSimilarity::Tokens{}),
      1.0);
}

}  // namespace
}  // namespace crmsync::identity
