#pragma once

#include <cstdint>
#include <unordered_map>
#include <utility>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// The matching keys of every customer source record (`identity_key`): which
// records share a blocking key with a new one, and how many records carry a
// value, without holding the records in memory.
class IdentityKeyStore {
 public:
  explicit IdentityKeyStore(Database& database) : database_(database) {}

  void replace(long long source_record_id, const std::vector<std::uint64_t>& keys);
  // How many records carry each key (keys nobody carries are absent).
  [[nodiscard]] std::unordered_map<std::uint64_t, long long> counts(const std::vector<std::uint64_t>& keys);
  // The records carrying any of these keys, as (key, source_record_id).
  [[nodiscard]] std::vector<std::pair<std::uint64_t, long long>> holders(const std::vector<std::uint64_t>& keys);

 private:
  Database& database_;
};

}  // namespace crmsync::store
