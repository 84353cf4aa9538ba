#include "daemon/identity/identity_resolver.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "bench/febrl_csv_reader.hpp"
#include "daemon/identity/identity_record_builder.hpp"
#include "daemon/identity/value_frequency_table.hpp"
#include "tests/unit/identity/identity_test_records.hpp"

namespace crmsync::identity {
namespace {

bool together(const ResolutionResult& result, std::size_t a, std::size_t b) {
  return std::any_of(result.clusters.begin(), result.clusters.end(), [&](const auto& c) {
    return std::find(c.begin(), c.end(), a) != c.end() && std::find(c.begin(), c.end(), b) != c.end();
  });
}

model::Customer customer(std::string name, std::string email, std::string dob) {
  model::Customer c;
  c.name = std::move(name);
  c.email = model::Email{email, email};
  c.date_of_birth = std::move(dob);
  c.postcode = "100000";
  c.city = "Beijing";
  return c;
}

TEST(IdentityResolver, HanCustomerAndPinyinCustomerResolveTogether) {
  const IdentityRecordBuilder builder;
  auto records = testing::background_people(300);
  const std::size_t han = records.size();
  records.push_back(builder.from_customer("crm-1", customer("张伟", "zw@example.cn", "1985-04-12")));
  records.push_back(builder.from_customer("erp-7", customer("Wei Zhang", "zw@example.cn", "1985-04-12")));
  records.push_back(builder.from_customer("shop-3", customer("張偉", "", "1985-04-12")));
  const auto result = IdentityResolver().resolve(records);
  EXPECT_TRUE(together(result, han, han + 1));
  EXPECT_TRUE(together(result, han, han + 2));
}

TEST(IdentityResolver, SharedRoleMailboxDoesNotMergeStrangers) {
  const IdentityRecordBuilder builder;
  auto records = testing::background_people(300);
  for (std::size_t i = 0; i < 20; ++i) records[i].email = "info@acme.test";
  const auto result = IdentityResolver().resolve(records);
  EXPECT_EQ(result.clusters.size(), records.size());
}

TEST(IdentityResolver, PairsKeptApartByAPersonStayApartAndLeaveTheReviewQueue) {
  auto records = testing::background_people(300);
  records[1] = records[0];
  records[1].id = "copy";
  ASSERT_TRUE(together(IdentityResolver().resolve(records), 0, 1));
  MatchConstraints constraints;
  constraints.apart = {{1, 0}};
  const auto result = IdentityResolver().resolve(records, constraints);
  EXPECT_FALSE(together(result, 0, 1));
  EXPECT_TRUE(std::none_of(result.review.begin(), result.review.end(),
                           [](const ReviewPair& p) { return p.a == 0 && p.b == 1; }));
}

TEST(IdentityResolver, PairsPutTogetherByAPersonStayTogether) {
  auto records = testing::background_people(300);
  MatchConstraints constraints;
  constraints.together = {{5, 250}};
  const auto result = IdentityResolver().resolve(records, constraints);
  EXPECT_TRUE(together(result, 5, 250));
  EXPECT_EQ(result.clusters.size(), records.size() - 1);
}

TEST(IdentityResolver, RecordsASourceSaysAreOneRecordResolveTogether) {
  auto records = testing::background_people(300);
  records[5].same_record = {"zoho:3652397000000624001"};
  records[250].same_record = {"hubspot:51", "zoho:3652397000000624001"};
  records[251].same_record = {"hubspot:52"};
  const auto result = IdentityResolver().resolve(records);
  EXPECT_TRUE(together(result, 5, 250)) << "different people by every field, one record by the source's word";
  EXPECT_FALSE(together(result, 250, 251));
  EXPECT_EQ(result.clusters.size(), records.size() - 1);

  MatchConstraints constraints;
  constraints.apart = {{5, 250}};
  EXPECT_FALSE(together(IdentityResolver().resolve(records, constraints), 5, 250)) << "a person's never wins";
}

TEST(IdentityResolver, RaisingMergeThresholdMovesPairToReview) {
  auto records = testing::background_people(300);
  records[1] = records[0];
  records[1].id = "copy";
  records[1].date_of_birth.clear();
  records[1].street_number.clear();
  ResolutionConfig config;
  const auto merged = IdentityResolver(config).resolve(records);
  ASSERT_TRUE(together(merged, 0, 1));

  config.thresholds.auto_merge_at = 1000.0;
  config.thresholds.review_from = 0.0;
  const auto strict = IdentityResolver(config).resolve(records);
  EXPECT_FALSE(together(strict, 0, 1));
  const auto it = std::find_if(strict.review.begin(), strict.review.end(),
                               [](const ReviewPair& p) { return p.a == 0 && p.b == 1; });
  ASSERT_NE(it, strict.review.end());
  EXPECT_EQ(it->evidence[index_of(MatchField::kDateOfBirth)].level, AgreementLevel::kMissing);
  EXPECT_EQ(it->evidence[index_of(MatchField::kFamilyName)].level, AgreementLevel::kExact);
  EXPECT_GT(it->evidence[index_of(MatchField::kFamilyName)].weight, 0.0);
}

TEST(IdentityResolver, EachRecordCarriesItsBestWeightWithinItsCluster) {
  auto records = testing::background_people(300);
  records[1] = records[0];
  records[1].id = "copy";
  records[2] = records[0];
  records[2].id = "copy-without-birth-date";
  records[2].date_of_birth.clear();
  const auto result = IdentityResolver().resolve(records);
  ASSERT_TRUE(together(result, 0, 1));
  ASSERT_TRUE(together(result, 0, 2));
  ASSERT_EQ(result.cluster_score.size(), records.size());

  // The same weights a scorer built on the same records gives.
  const ValueFrequencyTable frequencies(records);
  const FellegiSunterScorer scorer(records, frequencies, ResolutionConfig{});
  EXPECT_EQ(result.cluster_score[0], std::max(scorer.score(0, 1), scorer.score(0, 2)));
  EXPECT_EQ(result.cluster_score[1], std::max(scorer.score(1, 0), scorer.score(1, 2)));
  EXPECT_EQ(result.cluster_score[2], std::max(scorer.score(2, 0), scorer.score(2, 1)));
  EXPECT_GE(result.cluster_score[1], ResolutionConfig{}.thresholds.auto_merge_at);
  EXPECT_LT(result.cluster_score[2], result.cluster_score[1]);
  EXPECT_EQ(result.cluster_score[3], 0.0);  // alone in its cluster
}

TEST(IdentityResolver, FindsFebrlDuplicatesInFixture) {
  auto data = bench::FebrlCsvReader::read(CRMSYNC_SOURCE_DIR "/tests/unit/identity/febrl_fixture.csv");
  ASSERT_EQ(data.records.size(), 44U);
  const IdentityRecordBuilder builder;
  for (auto& r : data.records) builder.normalize(r);
  const auto result = IdentityResolver().resolve(data.records);
  // rec_id is read here only to score the result, never by the resolver.
  std::size_t true_pairs = 0;
  std::size_t found = 0;
  std::size_t wrong = 0;
  for (std::size_t a = 0; a < data.truth.size(); ++a) {
    for (std::size_t b = a + 1; b < data.truth.size(); ++b) {
      const bool same = data.truth[a] == data.truth[b];
      const bool joined = together(result, a, b);
      true_pairs += same ? 1 : 0;
      found += same && joined ? 1 : 0;
      wrong += !same && joined ? 1 : 0;
    }
  }
  EXPECT_GE(static_cast<double>(found), 0.9 * static_cast<double>(true_pairs));
  EXPECT_EQ(wrong, 0U);
}

}  // namespace
}  // namespace crmsync::identity
