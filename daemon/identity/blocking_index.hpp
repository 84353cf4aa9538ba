#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "daemon/identity/identity_record.hpp"
#include "daemon/identity/resolution_config.hpp"

namespace crmsync::identity {

// Candidate pairs: records whose shared blocking keys are worth a
// comparison (see BlockingKeys, SharedKeyEvidence), the same rule as when
// records are resolved batch by batch. Blocks larger than max_block_size
// give no pairs; blocks of at most rare_block_size are reason enough.
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
