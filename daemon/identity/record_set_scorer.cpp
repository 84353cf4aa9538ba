#include "daemon/identity/record_set_scorer.hpp"

#include <algorithm>

namespace crmsync::identity {

RecordSetScorer::RecordSetScorer(const std::vector<IdentityRecord>& records, const ResolutionConfig& config)
    : frequencies_(records), scorer_(records, frequencies_, config) {}

std::optional<double> RecordSetScorer::best_between(std::span<const std::size_t> left,
                                                    std::span<const std::size_t> right,
                                                    std::size_t max_pairs) const {
  std::optional<double> best;
  std::size_t scored = 0;
  for (const auto a : left) {
    for (const auto b : right) {
      if (a == b) continue;
      if (scored == max_pairs) return best;
      const double score = scorer_.score(a, b);
      best = best ? std::max(*best, score) : score;
      ++scored;
    }
  }
  return best;
}

}  // namespace crmsync::identity
