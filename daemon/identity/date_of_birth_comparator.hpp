#pragma once

#include <string_view>

namespace crmsync::identity {

// How two dates of birth relate. Dates are "YYYYMMDD" or ISO "YYYY-MM-DD".
enum class DateOfBirthAgreement {
  kMissing,  // either side unknown: no evidence
  kExact,
  kDayMonthSwapped,  // 1980-03-07 vs 1980-07-03: a classic entry error
  kOneDigitOff,      // a single mistyped digit
  kDifferent,
};

class DateOfBirthComparator {
 public:
  [[nodiscard]] static DateOfBirthAgreement compare(std::string_view a, std::string_view b);
};

}  // namespace crmsync::identity
