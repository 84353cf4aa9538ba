#pragma once

#include <string>
#include <vector>

#include "daemon/identity/identity_record.hpp"

namespace crmsync::identity::testing {

// Letters-only name for a number, so background people never share a name.
inline std::string name_for(std::size_t n) {
  std::string out;
  do {
    out += static_cast<char>('a' + n % 26);
    n /= 26;
  } while (n > 0);
  return out + "son";
}

// Distinct people that give the scorer realistic value frequencies.
inline std::vector<IdentityRecord> background_people(std::size_t count) {
  std::vector<IdentityRecord> out;
  for (std::size_t i = 0; i < count; ++i) {
    IdentityRecord r;
    r.id = "bg-" + std::to_string(i);
    r.given_name = name_for(i + 1000);
    r.family_name = name_for(i);
    r.full_name = r.given_name + " " + r.family_name;
    r.name_key = r.family_name + r.given_name;
    r.street_number = std::to_string(1 + i % 200);
    r.address = name_for(i * 7) + " street";
    r.locality = name_for(i % 97) + "ville";
    r.postcode = std::to_string(2000 + i % 900);
    r.date_of_birth = std::to_string(19400101 + (i % 60) * 10000 + (i % 12) * 100 + i % 28);
    out.push_back(r);
  }
  return out;
}

}  // namespace crmsync::identity::testing
