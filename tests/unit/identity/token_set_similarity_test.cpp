#include "daemon/identity/token_set_similarity.hpp"

#include <gtest/gtest.h>

namespace crmsync::identity {
namespace {

TEST(TokenSetSimilarity, WordOrderDoesNotMatter) {
  EXPECT_DOUBLE_EQ(TokenSetSimilarity::similarity("wei zhang", "zhang wei"), 1.0);
  EXPECT_EQ(TokenSetSimilarity::sorted_key("main  street 12"),
            TokenSetSimilarity::sorted_key("12 main street"));
}

TEST(TokenSetSimilarity, TypoScoresHighButBelowExact) {
  const double s = TokenSetSimilarity::similarity("giblin street", "giblni street");
  EXPECT_GT(s, 0.9);
  EXPECT_LT(s, 1.0);
}

TEST(TokenSetSimilarity, DifferentAddressesScoreLow) {
  EXPECT_LT(TokenSetSimilarity::similarity("tullaroop street", "goldfinch circuit"), 0.7);
}

}  // namespace
}  // namespace crmsync::identity
