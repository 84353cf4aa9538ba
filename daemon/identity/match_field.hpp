#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace crmsync::identity {

// The fields the Fellegi-Sunter model compares, in a fixed order.
enum class MatchField : std::uint8_t {
  kGivenName,
  kFamilyName,
  kFullName,
  kEmail,
  kPhone,
  kTaxId,
  kCompany,
  kStreetNumber,
  kAddress,
  kLocality,
  kPostcode,
  kState,
  kDateOfBirth,
};
inline constexpr std::size_t kMatchFieldCount = 13;

// Agreement levels; a field uses the ones that make sense for it.
enum class AgreementLevel : std::uint8_t {
  kDisagree = 0,
  kWeak = 1,    // similar (e.g. one digit off, Jaro-Winkler >= 0.8)
  kStrong = 2,  // nearly equal (one typo, day/month swapped)
  kExact = 3,
  kMissing = 4,  // unknown on either side, or an identifier too widely shared: no evidence
};
inline constexpr std::size_t kAgreementLevelCount = 4;  // kMissing carries no weight

inline constexpr std::array<std::string_view, kMatchFieldCount> kMatchFieldNames = {
    "given_name",    "family_name", "full_name", "email",    "phone", "tax_id",       "company",
    "street_number", "address",     "locality",  "postcode", "state", "date_of_birth"};

inline constexpr std::size_t index_of(MatchField field) {
  return static_cast<std::size_t>(field);
}

}  // namespace crmsync::identity
