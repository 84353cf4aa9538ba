#include "daemon/identity/name_conflict.hpp"

namespace crmsync::identity {

NameConflict name_conflict(const ComparisonVector& levels) {
  const auto given = levels[index_of(MatchField::kGivenName)];
  if (given == AgreementLevel::kDisagree) {
    return levels[index_of(MatchField::kFamilyName)] == AgreementLevel::kDisagree ? NameConflict::kBothNames
                                                                                  : NameConflict::kGivenName;
  }
  // No given name to compare: the names were compared whole, if at all.
  if (given == AgreementLevel::kMissing &&
      levels[index_of(MatchField::kFullName)] == AgreementLevel::kDisagree) {
    return NameConflict::kWholeName;
  }
  return NameConflict::kNone;
}

}  // namespace crmsync::identity
