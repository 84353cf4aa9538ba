#include "daemon/identity/incremental_linker.hpp"

#include <gtest/gtest.h>

#include "daemon/identity/fellegi_sunter_scorer.hpp"
#include "daemon/identity/value_frequency_table.hpp"
#include "tests/unit/identity/identity_test_records.hpp"

namespace crmsync::identity {
namespace {

// Background people 0..299 each belong to customer 1000 + index; tests append
// the incoming record(s) and score against them.
class IncrementalLinkerTest : public ::testing::Test {
 protected:
  IncrementalLinkerTest() : records_(testing::background_people(300)) {}

  LinkDecision decide(const IdentityRecord& incoming, const std::vector<LinkedRecord>& candidates,
                      const IncrementalLinker::Forbidden& forbidden = {}) {
    records_.push_back(incoming);
    const ValueFrequencyTable frequencies(records_);
    const FellegiSunterScorer scorer(records_, frequencies, config_);
    return IncrementalLinker(scorer, config_).decide(records_.size() - 1, candidates, forbidden);
  }
  IdentityRecord copy_of(std::size_t i) {
    IdentityRecord r = records_[i];
    r.id = "incoming";
    return r;
  }

  std::vector<IdentityRecord> records_;
  ResolutionConfig config_;
};

TEST_F(IncrementalLinkerTest, JoinsTheCustomerWhoseRecordItMatches) {
  auto incoming = copy_of(7);
  incoming.street_number.clear();
  const auto decision = decide(incoming, {{7, 1007}, {8, 1008}});
  ASSERT_TRUE(decision.customer_id.has_value());
  EXPECT_EQ(*decision.customer_id, 1007);
  EXPECT_EQ(decision.rule, "probabilistic");
  EXPECT_GE(decision.score, config_.thresholds.auto_merge_at);
}

TEST_F(IncrementalLinkerTest, StartsANewCustomerWhenNothingMatches) {
  const auto decision = decide(testing::background_people(400).back(), {{7, 1007}, {8, 1008}});
  EXPECT_FALSE(decision.customer_id.has_value());
  EXPECT_EQ(decision.rule, "new");
}

TEST_F(IncrementalLinkerTest, APersonsNeverDecisionWins) {
  const auto decision =
      decide(copy_of(7), {{7, 1007}}, [](std::size_t, std::size_t other) { return other == 7; });
  EXPECT_FALSE(decision.customer_id.has_value());
  EXPECT_TRUE(decision.review.empty());
}

TEST_F(IncrementalLinkerTest, SameRecordReferenceDecidesWhateverTheValuesSay) {
  records_[7].same_record = {"crm:C7"};
  IdentityRecord partner_row = testing::background_people(400).back();
  partner_row.same_record = {"crm:C7", "partners:P1"};
  const auto decision = decide(partner_row, {{7, 1007}, {8, 1008}});
  ASSERT_TRUE(decision.customer_id.has_value());
  EXPECT_EQ(*decision.customer_id, 1007);
  EXPECT_EQ(decision.rule, "same_record");
}

TEST_F(IncrementalLinkerTest, SameRecordReferenceYieldsToAPersonsNever) {
  records_[7].same_record = {"crm:C7"};
  IdentityRecord partner_row = testing::background_people(400).back();
  partner_row.same_record = {"crm:C7"};
  const auto decision =
      decide(partner_row, {{7, 1007}}, [](std::size_t, std::size_t other) { return other == 7; });
  EXPECT_FALSE(decision.customer_id.has_value());
}

TEST_F(IncrementalLinkerTest, SharedEmailDecidesOnlyWhenTheNamesDoNotDisagree) {
  records_[7].email = "household@example.com";
  IdentityRecord stranger = testing::background_people(400).back();
  stranger.email = "household@example.com";
  EXPECT_FALSE(decide(stranger, {{7, 1007}}).customer_id.has_value());
  records_.pop_back();

  IdentityRecord same_person;
  same_person.id = "incoming";
  same_person.given_name = records_[7].given_name;
  same_person.family_name = records_[7].family_name;
  same_person.full_name = records_[7].full_name;
  same_person.name_key = records_[7].name_key;
  same_person.email = "household@example.com";
  const auto decision = decide(same_person, {{7, 1007}});
  ASSERT_TRUE(decision.customer_id.has_value());
  EXPECT_EQ(*decision.customer_id, 1007);
}

TEST_F(IncrementalLinkerTest, JoinsOneOfTwoMatchingCustomersAndQueuesTheOtherForReview) {
  // Records 7 and 8 are the same person in two customers nobody merged yet.
  records_[8] = records_[7];
  records_[8].id = "bg-8-copy";
  const auto decision = decide(copy_of(7), {{7, 1007}, {8, 1008}});
  ASSERT_TRUE(decision.customer_id.has_value());
  ASSERT_EQ(decision.review.size(), 1U);
  EXPECT_NE(decision.review.front().customer_id, *decision.customer_id);
}

TEST_F(IncrementalLinkerTest, ARecordMatchingOneMemberButClearlyNotAnotherStaysOut) {
  // Customer 1007 holds records 7 and 9; the incoming copy of 7 clearly differs from 9.
  const auto decision = decide(copy_of(7), {{7, 1007}, {9, 1007}});
  EXPECT_FALSE(decision.customer_id.has_value());
  ASSERT_FALSE(decision.review.empty());
  EXPECT_EQ(decision.review.front().customer_id, 1007);
}

}  // namespace
}  // namespace crmsync::identity
