#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "daemon/identity/identity_record.hpp"

namespace crmsync::bench {

// Generates customers with realistic duplicates: about a quarter of people get
// one to three extra records carrying typos, swapped names, day/month swaps,
// missing fields, changed e-mail or phone; a few records use a shared role
// mailbox. Fixed seed: the same N always gives the same records.
class SyntheticCustomerGenerator {
 public:
  struct Dataset {
    std::vector<identity::IdentityRecord> records;  // raw values; normalise before resolving
    std::vector<std::uint64_t> truth;               // person number per record
  };

  explicit SyntheticCustomerGenerator(std::uint64_t seed = 42) : state_(seed) {}

  [[nodiscard]] Dataset generate(std::size_t records);

 private:
  std::uint64_t next();
  std::size_t below(std::size_t bound) { return static_cast<std::size_t>(next() % bound); }
  bool chance(double p) { return static_cast<double>(next() % 1000000) < p * 1000000.0; }
  std::string word(std::size_t min_syllables, std::size_t max_syllables);
  std::string digits(std::size_t count);
  identity::IdentityRecord person();
  identity::IdentityRecord duplicate_of(const identity::IdentityRecord& original);
  std::string typo(const std::string& text);
  void build_pools();

  std::uint64_t state_;
  std::vector<std::string> given_names_;
  std::vector<std::string> family_names_;
  std::vector<std::string> streets_;
  std::vector<std::string> suburbs_;  // index i lies in postcode postcodes_[i]
  std::vector<std::string> postcodes_;
};

}  // namespace crmsync::bench
