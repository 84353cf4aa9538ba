#include "daemon/identity/date_of_birth_comparator.hpp"

#include <string>

namespace crmsync::identity {

namespace {

// Digits only, so both spellings compare; empty unless exactly eight digits.
std::string digits(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out.size() == 8 ? out : std::string{};
}

}  // namespace

DateOfBirthAgreement DateOfBirthComparator::compare(std::string_view a, std::string_view b) {
  const std::string x = digits(a);
  const std::string y = digits(b);
  if (x.empty() || y.empty()) return DateOfBirthAgreement::kMissing;
  if (x == y) return DateOfBirthAgreement::kExact;
  if (x.compare(0, 4, y, 0, 4) == 0 && x.compare(4, 2, y, 6, 2) == 0 && x.compare(6, 2, y, 4, 2) == 0) {
    return DateOfBirthAgreement::kDayMonthSwapped;
  }
  int differing = 0;
  for (std::size_t i = 0; i < x.size(); ++i) differing += x[i] != y[i] ? 1 : 0;
  return differing == 1 ? DateOfBirthAgreement::kOneDigitOff : DateOfBirthAgreement::kDifferent;
}

}  // namespace crmsync::identity
