#include "daemon/identity/date_of_birth_comparator.hpp"

#include <gtest/gtest.h>

namespace crmsync::identity {
namespace {

TEST(DateOfBirthComparator, RecognisesExactAcrossSpellings) {
  EXPECT_EQ(DateOfBirthComparator::compare("19800307", "1980-03-07"), DateOfBirthAgreement::kExact);
}

TEST(DateOfBirthComparator, RecognisesDayMonthSwap) {
  EXPECT_EQ(DateOfBirthComparator::compare("19800307", "19800703"), DateOfBirthAgreement::kDayMonthSwapped);
}

TEST(DateOfBirthComparator, RecognisesOneDigitOff) {
  EXPECT_EQ(DateOfBirthComparator::compare("19800307", "19800317"), DateOfBirthAgreement::kOneDigitOff);
}

TEST(DateOfBirthComparator, DifferentAndMissingDates) {
  EXPECT_EQ(DateOfBirthComparator::compare("19800307", "19751224"), DateOfBirthAgreement::kDifferent);
  EXPECT_EQ(DateOfBirthComparator::compare("", "19751224"), DateOfBirthAgreement::kMissing);
  EXPECT_EQ(DateOfBirthComparator::compare("1975", "19751224"), DateOfBirthAgreement::kMissing);
}

}  // namespace
}  // namespace crmsync::identity
