#pragma once

#include <array>

#include "daemon/identity/identity_record.hpp"
#include "daemon/identity/match_field.hpp"

namespace crmsync::identity {

using ComparisonVector = std::array<AgreementLevel, kMatchFieldCount>;

// Compares two records field by field into agreement levels. Pure and
// thread-safe; knows nothing about weights or value frequencies.
class RecordComparator {
 public:
  [[nodiscard]] static ComparisonVector compare(const IdentityRecord& a, const IdentityRecord& b);

 private:
  static void compare_names(const IdentityRecord& a, const IdentityRecord& b, ComparisonVector& out);
};

}  // namespace crmsync::identity
