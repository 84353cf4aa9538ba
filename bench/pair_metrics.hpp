#pragma once

#include <cstdint>
#include <vector>

namespace crmsync::bench {

// Pairwise quality of a clustering against the truth: a pair is any two
// records in one cluster.
struct PairMetrics {
  std::uint64_t pairs_true = 0;
  std::uint64_t pairs_predicted = 0;
  std::uint64_t pairs_correct = 0;

  [[nodiscard]] static PairMetrics of(const std::vector<std::uint64_t>& predicted,
                                      const std::vector<std::uint64_t>& truth);
  [[nodiscard]] double precision() const;
  [[nodiscard]] double recall() const;
  [[nodiscard]] double f1() const;
};

}  // namespace crmsync::bench
