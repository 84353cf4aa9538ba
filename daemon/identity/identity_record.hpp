#pragma once

#include <string>
#include <vector>

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
  // The name's Han characters, Simplified (empty for a name without any):
  // homophones share a name_key but not these.
  std::string name_in_han;
  std::string email;   // canonical address, lower case
  std::string phone;   // E.164, only when the number is valid
  std::string tax_id;  // tax or national id, letters and digits only
  std::string company;
  std::string street_number;
  std::string address;
  // The address was written in Han characters: its folded tokens are
  // syllables, which compare whole ("nan" is not nearly "nian").
  bool address_in_han = false;
  std::string locality;  // suburb or city
  std::string postcode;
  std::string state;
  std::string date_of_birth;  // YYYYMMDD
  // "instance:external id" of this record in the systems that name it (its
  // own included once stored): two records sharing one are the same record.
  std::vector<std::string> same_record;
};

// Whether a source says the two are one record: they share a same-record reference.
inline bool name_the_same_record(const IdentityRecord& a, const IdentityRecord& b) {
  for (const auto& reference : a.same_record) {
    for (const auto& other : b.same_record) {
      if (reference == other) return true;
    }
  }
  return false;
}

}  // namespace crmsync::identity
