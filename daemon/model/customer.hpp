#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace crmsync::model {

struct Email {
  std::string raw;        // as the source wrote it
  std::string canonical;  // trimmed, domain lower-cased; empty when not an address
};

struct Phone {
  std::string raw;   // as the source wrote it
  std::string e164;  // "+8613800138000"; empty when invalid
  bool valid = false;
};

// The canonical customer as one source record describes it. The golden record
// (table `customer`) is built from one or more of these.
struct Customer {
  std::string kind = "person";  // "person" | "organisation"
  std::string name;             // original script and spelling, whitespace tidied
  std::string name_key;         // NFKC + case folded, for matching
  std::optional<Email> email;
  std::optional<Phone> phone;
  std::string company;
  std::string country;  // ISO 3166-1 alpha-2, upper case; empty when unknown
  std::string city;
  std::string address;
  std::string postcode;
  std::string date_of_birth;  // ISO 8601 date; empty when unknown
  std::string tax_id;
  std::string tier;
  std::string lifecycle_stage;
  std::string owner;
  // This record in other systems, as "instance:external id", sorted (see sdk::field::kSameAsPrefix).
  std::vector<std::string> same_as;
};

}  // namespace crmsync::model
