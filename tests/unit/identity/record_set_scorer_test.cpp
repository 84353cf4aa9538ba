#include "daemon/identity/record_set_scorer.hpp"

#include <algorithm>
#include <vector>

#include <gtest/gtest.h>

#include "tests/unit/identity/identity_test_records.hpp"

namespace crmsync::identity {
namespace {

TEST(RecordSetScorer, ScoresLikeAScorerBuiltOnTheSameRecords) {
  const auto records = testing::background_people(200);
  const ResolutionConfig config;
  const ValueFrequencyTable frequencies(records);
  const FellegiSunterScorer reference(records, frequencies, config);
  const RecordSetScorer scorer(records, config);
  for (std::size_t b = 1; b < 20; ++b) EXPECT_EQ(scorer.pairs().score(0, b), reference.score(0, b));
}

TEST(RecordSetScorer, BestBetweenIsTheStrongestCrossPair) {
  auto records = testing::background_people(200);
  records[3] = records[0];
  records[3].id = "copy";
  const RecordSetScorer scorer(records, {});
  const std::vector<std::size_t> left = {0, 1};
  const std::vector<std::size_t> right = {2, 3, 4};
  double expected = scorer.pairs().score(0, 2);
  for (const auto a : left) {
    for (const auto b : right) expected = std::max(expected, scorer.pairs().score(a, b));
  }
  const auto best = scorer.best_between(left, right);
  ASSERT_TRUE(best.has_value());
  EXPECT_EQ(*best, expected);
  EXPECT_EQ(*best, scorer.pairs().score(0, 3));
}

TEST(RecordSetScorer, NeverScoresARecordAgainstItself) {
  const auto records = testing::background_people(50);
  const RecordSetScorer scorer(records, {});
  const std::vector<std::size_t> one = {7};
  EXPECT_FALSE(scorer.best_between(one, one).has_value());
  const std::vector<std::size_t> pair = {7, 8};
  EXPECT_EQ(scorer.best_between(one, pair), scorer.pairs().score(7, 8));
}

TEST(RecordSetScorer, NothingToScoreGivesNoScore) {
  const auto records = testing::background_people(50);
  const RecordSetScorer scorer(records, {});
  const std::vector<std::size_t> some = {1, 2};
  EXPECT_FALSE(scorer.best_between({}, some).has_value());
  EXPECT_FALSE(scorer.best_between(some, {}).has_value());
}

TEST(RecordSetScorer, StopsAfterMaxPairsTakenLeftByLeft) {
  auto records = testing::background_people(200);
  records[9] = records[0];
  records[9].id = "copy";
  const RecordSetScorer scorer(records, {});
  const std::vector<std::size_t> left = {0};
  const std::vector<std::size_t> right = {1, 2, 9};
  // The duplicate is the third pair: two pairs never reach it.
  EXPECT_LT(*scorer.best_between(left, right, 2), scorer.pairs().score(0, 9));
  EXPECT_EQ(*scorer.best_between(left, right, 3), scorer.pairs().score(0, 9));
}

}  // namespace
}  // namespace crmsync::identity
