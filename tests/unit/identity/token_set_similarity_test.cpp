#include "daemon/identity/token_set_similarity.hpp"

#include <gtest/gtest.h>

#include "daemon/identity/jaro_winkler.hpp"

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

TEST(TokenSetSimilarity, IsTheMeanOfEachTokensBestMatchOnBothSides) {
  // main and 12 match exactly on both sides; st and street are each
  // other's best match.
  const double st_street = JaroWinkler::similarity("st", "street");
  EXPECT_NEAR(TokenSetSimilarity::similarity("main st 12", "main street 12"), (4.0 + 2.0 * st_street) / 6.0,
              1e-12);
  // A token on one side only counts its best match: jr shares no letter.
  EXPECT_DOUBLE_EQ(TokenSetSimilarity::similarity("zhang wei", "zhang wei jr"), 4.0 / 5.0);
}

TEST(TokenSetSimilarity, IsTheSameFromEitherSide) {
  const char* const pairs[][2] = {
      {"giblin street", "giblni street"},
      {"martha dixon", "marhta dixson"},
      {"nan jing shi chang an jie 12 hao", "nan jing chang an jie 12"},
      // More tokens than are kept in place.
      {"a b c d e f g h i j k", "k j i h g f e d c b x"},
      {"abcd", "dcba"},
  };
  for (const auto& pair : pairs) {
    EXPECT_DOUBLE_EQ(TokenSetSimilarity::similarity(pair[0], pair[1]),
                     TokenSetSimilarity::similarity(pair[1], pair[0]))
        << pair[0] << " / " << pair[1];
  }
  EXPECT_DOUBLE_EQ(TokenSetSimilarity::similarity("a b c d e f g h i j k", "k j i h g f e d c b a"), 1.0);
}

}  // namespace
}  // namespace crmsync::identity
