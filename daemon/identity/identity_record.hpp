#pragma once

#include <string>

namespace crmsync::identity {

// One source record in the form the matcher compares. Text fields hold
// match-ready forms (lower-case ASCII, see IdentityRecordBuilder); an empty
// field is unknown and gives no evidence either way.
struct IdentityRecord {
  std::string id;  // the caller's record id; never read by any matching rule
  std::string given_name;
  std::string family_name;
  std::string full_name;  // given + family, or the whole name when it cannot be split
  std::string name_key;   // HanNameKey of the full name: script, order and spacing removed
  std::string email;      // canonical address, lower case
  std::string phone;      // E.164, only when the number is valid
  std::string tax_id;     // tax or national id, letters and digits only
  std::string company;
  std::string street_number;
  std::string address;
  std::string locality;  // suburb or city
  std::string postcode;
  std::string state;
  std::string date_of_birth;  // YYYYMMDD
};

}  // namespace crmsync::identity
