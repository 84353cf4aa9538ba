#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "daemon/identity/identity_record.hpp"
#include "daemon/identity/resolution_config.hpp"

namespace crmsync::identity {

// Candidate pairs: records that share at least one blocking key (see
// BlockingKeys). Blocks larger than max_block_size give no pairs.
class BlockingIndex {
 public:
  struct CandidatePairs {
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;  // first < second, sorted, unique
    std::size_t oversized_blocks = 0;
  };

  explicit BlockingIndex(BlockingLimits limits) : limits_(limits) {}

  [[nodiscard]] CandidatePairs candidate_pairs(const std::vector<IdentityRecord>& records) const;

 private:
  BlockingLimits limits_;
};

}  // namespace crmsync::identity
