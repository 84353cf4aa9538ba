#include "daemon/identity/value_frequency_table.hpp"

#include <algorithm>
#include <functional>
#include <string_view>
#include <utility>

#include "daemon/identity/field_value.hpp"

namespace crmsync::identity {

ValueFrequencyTable::ValueFrequencyTable(const std::vector<IdentityRecord>& records)
    : records_(records.size()), population_(records.size()), counts_(kMatchFieldCount * records.size(), 0) {
  // Hashes instead of strings keep a million-record table small; a collision
  // only makes a value look slightly more common.
  std::vector<std::uint64_t> hashes(records.size());
  std::vector<std::uint64_t> sorted;
  for (std::size_t f = 0; f < kMatchFieldCount; ++f) {
    const auto field = static_cast<MatchField>(f);
    for (std::size_t i = 0; i < records.size(); ++i) {
      hashes[i] = std::hash<std::string_view>{}(field_value(records[i], field));
    }
    sorted = hashes;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < records.size(); ++i) {
      if (field_value(records[i], field).empty()) continue;
      const auto [lo, hi] = std::equal_range(sorted.begin(), sorted.end(), hashes[i]);
      counts_[f * records_ + i] = static_cast<std::uint32_t>(hi - lo);
    }
  }
}

ValueFrequencyTable::ValueFrequencyTable(std::size_t records, std::vector<std::uint32_t> counts,
                                         std::size_t population)
    : records_(records), population_(population), counts_(std::move(counts)) {
  counts_.resize(kMatchFieldCount * records_, 0);
}

}  // namespace crmsync::identity
