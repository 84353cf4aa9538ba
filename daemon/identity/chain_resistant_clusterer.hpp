#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <utility>
#include <vector>

#include "daemon/identity/resolution_config.hpp"

namespace crmsync::identity {

struct ScoredPair {
  std::uint32_t a;
  std::uint32_t b;
  double score;
};

// Groups records from scored pairs without chaining. Pairs are taken strongest
// first; two clusters join only when every cross pair (re-scored on demand) is
// above veto_below and their mean reaches min_average_linkage. So A~B and B~C
// do not pull A and C together when A and C clearly differ, and a single weak
// link cannot glue two large clusters.
class ChainResistantClusterer {
 public:
  using PairScore = std::function<double(std::size_t, std::size_t)>;

  struct Outcome {
    std::vector<std::uint32_t> cluster_of;  // record -> cluster number (0..clusters-1)
    std::size_t clusters = 0;
    std::vector<ScoredPair> refused;  // merge-worthy pairs whose clusters stayed apart
  };

  ChainResistantClusterer(double merge_at, ClusteringLimits limits) : merge_at_(merge_at), limits_(limits) {}

  // pairs: any scored pairs; only those at or above merge_at are considered.
  // forced: pairs joined first, unconditionally (a person's decision).
  [[nodiscard]] Outcome cluster(
      std::size_t records, std::vector<ScoredPair> pairs, const PairScore& score,
      const std::vector<std::pair<std::uint32_t, std::uint32_t>>& forced = {}) const;

 private:
  double merge_at_;
  ClusteringLimits limits_;
};

}  // namespace crmsync::identity
