#pragma once

#include <cstdint>
#include <vector>

#include "daemon/identity/identity_record.hpp"
#include "daemon/identity/match_field.hpp"

namespace crmsync::identity {

// How many records carry each record's value of each field. Drives the
// term-frequency u-probabilities (a shared "smith" is weak evidence, a shared
// "sondergeld" strong) and the shared-identifier rule.
class ValueFrequencyTable {
 public:
  explicit ValueFrequencyTable(const std::vector<IdentityRecord>& records);
  // Counts taken elsewhere (the store's value keys): `counts` is field-major,
  // kMatchFieldCount * records entries; `population` is how many records the
  // counts were taken over.
  ValueFrequencyTable(std::size_t records, std::vector<std::uint32_t> counts, std::size_t population);

  // Records (including this one) whose field equals this record's; 0 when empty.
  [[nodiscard]] std::uint32_t count(MatchField field, std::size_t record) const {
    return counts_[index_of(field) * records_ + record];
  }
  [[nodiscard]] std::size_t records() const { return records_; }
  // How many records the counts describe: the resolved set, or the whole store.
  [[nodiscard]] std::size_t population() const { return population_; }

 private:
  std::size_t records_;
  std::size_t population_;
  std::vector<std::uint32_t> counts_;  // field-major
};

}  // namespace crmsync::identity
