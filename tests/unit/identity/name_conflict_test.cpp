#include "daemon/identity/name_conflict.hpp"

#include <array>

#include <gtest/gtest.h>

#include "daemon/identity/fellegi_sunter_scorer.hpp"

namespace crmsync::identity {
namespace {

constexpr std::array<AgreementLevel, 5> kLevels = {AgreementLevel::kDisagree, AgreementLevel::kWeak,
                                                   AgreementLevel::kStrong, AgreementLevel::kExact,
                                                   AgreementLevel::kMissing};

ComparisonVector names(AgreementLevel given, AgreementLevel family, AgreementLevel full) {
  ComparisonVector levels{};
  levels.fill(AgreementLevel::kMissing);
  levels[index_of(MatchField::kGivenName)] = given;
  levels[index_of(MatchField::kFamilyName)] = family;
  levels[index_of(MatchField::kFullName)] = full;
  return levels;
}

TEST(NameConflict, DifferentGivenAndFamilyNamesConflictOnBoth) {
  EXPECT_EQ(
      name_conflict(names(AgreementLevel::kDisagree, AgreementLevel::kDisagree, AgreementLevel::kMissing)),
      NameConflict::kBothNames);
}

TEST(NameConflict, DifferentGivenNamesInOneFamilyConflictOnTheGivenName) {
  EXPECT_EQ(name_conflict(names(AgreementLevel::kDisagree, AgreementLevel::kExact, AgreementLevel::kMissing)),
            NameConflict::kGivenName);
  EXPECT_EQ(
      name_conflict(names(AgreementLevel::kDisagree, AgreementLevel::kMissing, AgreementLevel::kMissing)),
      NameConflict::kGivenName);
}

TEST(NameConflict, DifferentNamesGivenInOnePieceConflictAsWholeNames) {
  EXPECT_EQ(
      name_conflict(names(AgreementLevel::kMissing, AgreementLevel::kMissing, AgreementLevel::kDisagree)),
      NameConflict::kWholeName);
}

TEST(NameConflict, AgreeingOrUnknownNamesDoNotConflict) {
  EXPECT_EQ(name_conflict(names(AgreementLevel::kWeak, AgreementLevel::kDisagree, AgreementLevel::kMissing)),
            NameConflict::kNone);
  EXPECT_EQ(name_conflict(names(AgreementLevel::kMissing, AgreementLevel::kMissing, AgreementLevel::kExact)),
            NameConflict::kNone);
  EXPECT_EQ(
      name_conflict(names(AgreementLevel::kMissing, AgreementLevel::kMissing, AgreementLevel::kMissing)),
      NameConflict::kNone);
}

// The rules the scorer and the incremental linker each spelled out before
// they shared name_conflict, checked over every combination of levels.
TEST(NameConflict, ReadsEveryLevelCombinationAsTheScorerAndLinkerDidBefore) {
  for (const auto given : kLevels) {
    for (const auto family : kLevels) {
      for (const auto full : kLevels) {
        const auto conflict = name_conflict(names(given, family, full));
        const bool linker_given_differs = given == AgreementLevel::kDisagree;
        const bool linker_whole_differs =
            given == AgreementLevel::kMissing && full == AgreementLevel::kDisagree;
        EXPECT_EQ(conflict == NameConflict::kGivenName || conflict == NameConflict::kBothNames,
                  linker_given_differs);
        EXPECT_EQ(conflict == NameConflict::kWholeName, linker_whole_differs);
        for (const auto dob : kLevels) {
          for (const auto tax_id : kLevels) {
            auto levels = names(given, family, full);
            levels[index_of(MatchField::kDateOfBirth)] = dob;
            levels[index_of(MatchField::kTaxId)] = tax_id;
            const auto agrees = [](AgreementLevel l) {
              return l == AgreementLevel::kExact || l == AgreementLevel::kStrong;
            };
            const bool before = given == AgreementLevel::kDisagree && family == AgreementLevel::kDisagree &&
                                !agrees(dob) && !agrees(tax_id);
            EXPECT_EQ(FellegiSunterScorer::names_contradict(levels), before);
          }
        }
      }
    }
  }
}

}  // namespace
}  // namespace crmsync::identity
