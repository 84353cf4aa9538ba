#include "daemon/identity/fellegi_sunter_scorer.hpp"

#include <gtest/gtest.h>

#include "tests/unit/identity/identity_test_records.hpp"

namespace crmsync::identity {
namespace {

double field_weight(const std::vector<FieldEvidence>& evidence, MatchField field) {
  return evidence[index_of(field)].weight;
}

AgreementLevel field_level(const std::vector<FieldEvidence>& evidence, MatchField field) {
  return evidence[index_of(field)].level;
}

TEST(FellegiSunterScorer, CommonSurnameWeighsLessThanRareOne) {
  auto records = testing::background_people(200);
  for (std::size_t i = 0; i < 40; ++i) records[i].family_name = "smith";
  records[100].family_name = "sondergeld";
  records[101].family_name = "sondergeld";
  const ValueFrequencyTable frequencies(records);
  const ResolutionConfig config;
  const FellegiSunterScorer scorer(records, frequencies, config);
  const double common = field_weight(scorer.explain(0, 1), MatchField::kFamilyName);
  const double rare = field_weight(scorer.explain(100, 101), MatchField::kFamilyName);
  EXPECT_GT(common, 0.0);
  EXPECT_GT(rare, common + 3.0);
}

TEST(FellegiSunterScorer, SharedRoleMailboxStopsActingAsIdentifier) {
  auto records = testing::background_people(200);
  for (std::size_t i = 0; i < 30; ++i) records[i].email = "info@acme.test";
  records[100].email = "ann.lee@acme.test";
  records[101].email = "ann.lee@acme.test";
  const ValueFrequencyTable frequencies(records);
  const ResolutionConfig config;  // identifier_max_records = 10
  const FellegiSunterScorer scorer(records, frequencies, config);
  const auto role = scorer.explain(0, 1);
  EXPECT_EQ(field_level(role, MatchField::kEmail), AgreementLevel::kMissing);
  EXPECT_DOUBLE_EQ(field_weight(role, MatchField::kEmail), 0.0);
  const auto personal = scorer.explain(100, 101);
  EXPECT_EQ(field_level(personal, MatchField::kEmail), AgreementLevel::kExact);
  EXPECT_GT(field_weight(personal, MatchField::kEmail), 5.0);
}

TEST(FellegiSunterScorer, SwappedGivenAndFamilyNamesStillAgree) {
  auto records = testing::background_people(100);
  records[1].given_name = records[0].family_name;
  records[1].family_name = records[0].given_name;
  const ValueFrequencyTable frequencies(records);
  const ResolutionConfig config;
  const auto evidence = FellegiSunterScorer(records, frequencies, config).explain(0, 1);
  EXPECT_EQ(field_level(evidence, MatchField::kGivenName), AgreementLevel::kExact);
  EXPECT_EQ(field_level(evidence, MatchField::kFamilyName), AgreementLevel::kExact);
}

TEST(FellegiSunterScorer, DuplicateWithTyposOutscoresDifferentPerson) {
  auto records = testing::background_people(200);
  records[1] = records[0];
  records[1].family_name += "x";
  records[1].date_of_birth = records[0].date_of_birth.substr(0, 4) + records[0].date_of_birth.substr(6, 2) +
                             records[0].date_of_birth.substr(4, 2);
  const ValueFrequencyTable frequencies(records);
  const ResolutionConfig config;
  const FellegiSunterScorer scorer(records, frequencies, config);
  EXPECT_GE(scorer.score(0, 1), config.thresholds.auto_merge_at);
  EXPECT_LT(scorer.score(0, 2), config.thresholds.review_from);
}

// Two people of one name in one town, reached at different addresses and
// numbers: however rare the name, a person decides.
TEST(FellegiSunterScorer, NameAndTownAloneNeverMergeOnTheirOwn) {
  auto records = testing::background_people(2000);
  records[1] = records[0];
  records[0].email = "ann.lee@one.test";
  records[1].email = "ann.lee@two.test";
  records[0].phone = "+61412345678";
  records[1].phone = "+61498765432";
  records[1].address = records[5].address;
  records[1].street_number = records[5].street_number;
  records[1].date_of_birth = records[7].date_of_birth;  // three digits apart
  const ValueFrequencyTable frequencies(records);
  const ResolutionConfig config;
  const FellegiSunterScorer scorer(records, frequencies, config);
  const auto levels = scorer.compare(0, 1);
  EXPECT_TRUE(FellegiSunterScorer::contacts_contradict(levels));
  EXPECT_LE(scorer.score(0, 1), config.thresholds.auto_merge_at - 1.0);
  EXPECT_GE(scorer.score(0, 1), config.thresholds.review_from);  // a review pair, not nothing
  // One shared number is a way to reach the same person: the weights decide.
  records[1].phone = records[0].phone;
  const ValueFrequencyTable shared(records);
  const FellegiSunterScorer with_phone(records, shared, config);
  EXPECT_FALSE(FellegiSunterScorer::contacts_contradict(with_phone.compare(0, 1)));
  EXPECT_GE(with_phone.score(0, 1), config.thresholds.auto_merge_at);
}

TEST(FellegiSunterScorer, AnotherHouseOfOneStreetIsNotOneAddress) {
  auto records = testing::background_people(200);
  records[1] = records[0];
  records[0].email = "ann.lee@one.test";
  records[1].email = "ann.lee@two.test";
  records[1].street_number = records[0].street_number + "0";
  records[1].date_of_birth = records[7].date_of_birth;
  const ValueFrequencyTable frequencies(records);
  const ResolutionConfig config;
  const FellegiSunterScorer scorer(records, frequencies, config);
  EXPECT_TRUE(FellegiSunterScorer::contacts_contradict(scorer.compare(0, 1)));
  // The same house, or a birth date one digit off, is a personal fact in common.
  records[1].street_number = records[0].street_number;
  EXPECT_FALSE(FellegiSunterScorer::contacts_contradict(scorer.compare(0, 1)));
  records[1].street_number += "0";
  records[1].date_of_birth = records[0].date_of_birth;
  records[1].date_of_birth.back() = records[0].date_of_birth.back() == '1' ? '2' : '1';
  EXPECT_FALSE(FellegiSunterScorer::contacts_contradict(scorer.compare(0, 1)));
}

TEST(FellegiSunterScorer, OneStreetInAnotherTownIsNotOneAddress) {
  ComparisonVector levels;
  levels.fill(AgreementLevel::kMissing);
  levels[index_of(MatchField::kEmail)] = AgreementLevel::kDisagree;
  levels[index_of(MatchField::kAddress)] = AgreementLevel::kExact;
  levels[index_of(MatchField::kStreetNumber)] = AgreementLevel::kExact;
  EXPECT_FALSE(FellegiSunterScorer::contacts_contradict(levels));
  levels[index_of(MatchField::kLocality)] = AgreementLevel::kDisagree;
  levels[index_of(MatchField::kPostcode)] = AgreementLevel::kDisagree;
  EXPECT_TRUE(FellegiSunterScorer::in_other_towns(levels));
  EXPECT_TRUE(FellegiSunterScorer::contacts_contradict(levels));
  levels[index_of(MatchField::kPostcode)] = AgreementLevel::kWeak;  // a postcode one digit off: near
  EXPECT_FALSE(FellegiSunterScorer::in_other_towns(levels));
  // With no identifier known on both sides there is nothing to contradict.
  levels[index_of(MatchField::kEmail)] = AgreementLevel::kMissing;
  levels[index_of(MatchField::kPostcode)] = AgreementLevel::kDisagree;
  EXPECT_FALSE(FellegiSunterScorer::contacts_contradict(levels));
}

// Hauptstraße 3 in Essen and Hauptstraße 8 in Nürnberg are two addresses:
// the street's agreement weighs nothing when the towns differ, unless the
// house number agrees too (one house, its town entered wrong).
TEST(FellegiSunterScorer, AStreetOfOneNameInAnotherTownWeighsNothing) {
  auto records = testing::background_people(200);
  records[1] = records[0];
  records[1].email = "someone.else@other.test";
  records[1].street_number = records[0].street_number + "7";
  const ValueFrequencyTable frequencies(records);
  const ResolutionConfig config;
  const FellegiSunterScorer scorer(records, frequencies, config);
  const auto same_town = scorer.explain(0, 1);
  ASSERT_GT(field_weight(same_town, MatchField::kAddress), 0.0);
  records[1].locality = "qqqq";
  records[1].postcode = records[0].postcode == "9999" ? "1111" : "9999";
  const FellegiSunterScorer moved(records, frequencies, config);
  const auto other_town = moved.explain(0, 1);
  ASSERT_TRUE(FellegiSunterScorer::in_other_towns(moved.compare(0, 1)));
  EXPECT_EQ(field_level(other_town, MatchField::kAddress), AgreementLevel::kExact);
  EXPECT_EQ(field_weight(other_town, MatchField::kAddress), 0.0);
  // One house in two towns keeps the street's weight.
  records[1].street_number = records[0].street_number;
  const FellegiSunterScorer one_house(records, frequencies, config);
  EXPECT_EQ(field_weight(one_house.explain(0, 1), MatchField::kAddress),
            field_weight(same_town, MatchField::kAddress));
  // Another street still counts against the pair.
  records[1].address = records[5].address;
  const FellegiSunterScorer elsewhere(records, frequencies, config);
  EXPECT_LT(field_weight(elsewhere.explain(0, 1), MatchField::kAddress), 0.0);
}

// The store reads only the counts the scorer uses: a candidate's counts
// other than its identifiers' may be missing (0) without changing a score.
TEST(FellegiSunterScorer, CandidateCountsBeyondIdentifiersAreNotRead) {
  auto records = testing::background_people(200);
  for (std::size_t i = 0; i < 40; ++i) records[i].family_name = "smith";
  for (std::size_t i = 40; i < 70; ++i) records[i].email = "info@acme.test";
  records[0].email = "ann.lee@acme.test";
  records[1] = records[0];  // exact agreements, weighed by their values' counts
  records[2] = records[0];
  records[2].given_name += "e";         // a typo: a fuzzy level
  records[3].email = "info@acme.test";  // a shared mailbox: its count decides, not record 0's
  const ValueFrequencyTable full(records);
  std::vector<std::uint32_t> counts;
  for (std::size_t f = 0; f < kMatchFieldCount; ++f) {
    const auto field = static_cast<MatchField>(f);
    for (std::size_t r = 0; r < records.size(); ++r) {
      const bool unread = r != 0 && !FellegiSunterScorer::reads_candidate_count(field);
      counts.push_back(unread ? 0 : full.count(field, r));
    }
  }
  const ValueFrequencyTable partial(records.size(), std::move(counts), full.population());
  const ResolutionConfig config;
  const auto weights = FellegiSunterScorer::estimate_level_weights(records, config);
  const FellegiSunterScorer with_all(records, full, config, weights);
  const FellegiSunterScorer with_read(records, partial, config, weights);
  EXPECT_FALSE(FellegiSunterScorer::reads_candidate_count(MatchField::kFamilyName));
  EXPECT_EQ(with_read.compare(0, 3)[index_of(MatchField::kEmail)], AgreementLevel::kMissing);
  for (std::size_t candidate = 1; candidate < records.size(); ++candidate) {
    EXPECT_DOUBLE_EQ(with_all.score(0, candidate), with_read.score(0, candidate))
        << "candidate " << candidate;
  }
}

}  // namespace
}  // namespace crmsync::identity
