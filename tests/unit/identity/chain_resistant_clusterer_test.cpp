#include "daemon/identity/chain_resistant_clusterer.hpp"

#include <map>
#include <utility>

#include <gtest/gtest.h>

namespace crmsync::identity {
namespace {

// Scores from a table; unlisted pairs score `otherwise`.
ChainResistantClusterer::PairScore table(std::map<std::pair<std::size_t, std::size_t>, double> scores,
                                         double otherwise) {
  return [scores = std::move(scores), otherwise](std::size_t a, std::size_t b) {
    const auto it = scores.find({std::min(a, b), std::max(a, b)});
    return it == scores.end() ? otherwise : it->second;
  };
}

TEST(ChainResistantClusterer, ChainDoesNotMergeDistantEnds) {
  // A~B strong, B~C strong, but A and C clearly different people.
  const auto score = table({{{0, 1}, 30.0}, {{1, 2}, 25.0}, {{0, 2}, -20.0}}, -20.0);
  const ChainResistantClusterer clusterer(12.0, ClusteringLimits{});
  const auto out = clusterer.cluster(3, {{0, 1, 30.0}, {1, 2, 25.0}}, score);
  EXPECT_EQ(out.cluster_of[0], out.cluster_of[1]);
  EXPECT_NE(out.cluster_of[1], out.cluster_of[2]);
  EXPECT_EQ(out.clusters, 2U);
  ASSERT_EQ(out.refused.size(), 1U);
  EXPECT_EQ(out.refused[0].b, 2U);
}

TEST(ChainResistantClusterer, WeakLinkDoesNotGlueTwoLargeClusters) {
  // {0,1,2,3} and {4,5,6,7} are tight; only 3~4 links them.
  std::map<std::pair<std::size_t, std::size_t>, double> scores;
  std::vector<ScoredPair> pairs;
  for (std::uint32_t a = 0; a < 8; ++a) {
    for (std::uint32_t b = a + 1; b < 8; ++b) {
      const bool same_side = (a < 4) == (b < 4);
      const double s = same_side ? 30.0 : (a == 3 && b == 4 ? 14.0 : 0.0);
      scores[{a, b}] = s;
      if (s >= 12.0) pairs.push_back({a, b, s});
    }
  }
  const ChainResistantClusterer clusterer(12.0, ClusteringLimits{});
  const auto out = clusterer.cluster(8, pairs, table(scores, 0.0));
  EXPECT_EQ(out.clusters, 2U);
  EXPECT_NE(out.cluster_of[3], out.cluster_of[4]);
}

TEST(ChainResistantClusterer, ConsistentGroupMergesFully) {
  const auto score = table({}, 20.0);
  const ChainResistantClusterer clusterer(12.0, ClusteringLimits{});
  const auto out = clusterer.cluster(4, {{0, 1, 20.0}, {2, 3, 20.0}, {1, 2, 20.0}}, score);
  EXPECT_EQ(out.clusters, 1U);
  EXPECT_TRUE(out.refused.empty());
}

TEST(ChainResistantClusterer, PairsBelowMergeThresholdAreIgnored) {
  const auto score = table({}, 5.0);
  const auto out = ChainResistantClusterer(12.0, ClusteringLimits{}).cluster(2, {{0, 1, 5.0}}, score);
  EXPECT_EQ(out.clusters, 2U);
}

TEST(ChainResistantClusterer, ForcedPairsJoinWhateverTheirScore) {
  // A person merged 0 and 2; their records score far below the threshold.
  const auto score = table({{{0, 1}, 20.0}}, -5.0);
  const auto out =
      ChainResistantClusterer(12.0, ClusteringLimits{}).cluster(3, {{0, 1, 20.0}}, score, {{0, 2}});
  EXPECT_EQ(out.clusters, 1U);
}

}  // namespace
}  // namespace crmsync::identity
