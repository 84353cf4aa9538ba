#pragma once

#include <string>

#include "daemon/identity/identity_record.hpp"
#include "daemon/identity/match_field.hpp"

namespace crmsync::identity {

// The member of IdentityRecord a MatchField compares.
inline const std::string& field_value(const IdentityRecord& r, MatchField field) {
  switch (field) {
    case MatchField::kGivenName:
      return r.given_name;
    case MatchField::kFamilyName:
      return r.family_name;
    case MatchField::kFullName:
      return r.name_key;
    case MatchField::kEmail:
      return r.email;
    case MatchField::kPhone:
      return r.phone;
    case MatchField::kTaxId:
      return r.tax_id;
    case MatchField::kCompany:
      return r.company;
    case MatchField::kStreetNumber:
      return r.street_number;
    case MatchField::kAddress:
      return r.address;
    case MatchField::kLocality:
      return r.locality;
    case MatchField::kPostcode:
      return r.postcode;
    case MatchField::kState:
      return r.state;
    case MatchField::kDateOfBirth:
      return r.date_of_birth;
  }
  return r.id;  // unreachable: every enumerator is handled above
}

}  // namespace crmsync::identity
