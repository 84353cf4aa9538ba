#pragma once

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "daemon/identity/fellegi_sunter_scorer.hpp"
#include "daemon/identity/identity_record.hpp"
#include "daemon/identity/resolution_config.hpp"

namespace crmsync::identity {

// A pair a person should look at: scored in the review band, or strong enough
// to merge but kept apart by the clustering's linkage rule.
struct ReviewPair {
  std::size_t a;  // indices into the resolved records
  std::size_t b;
  double score;
  std::vector<FieldEvidence> evidence;  // which fields agreed or disagreed, and by how much
};

struct ResolutionResult {
  std::vector<std::vector<std::size_t>> clusters;  // record indices; every record in exactly one
  // Per record: its strongest match weight with another record of its cluster
  // (as scored, whatever people decided about the pair); 0 for a record alone.
  std::vector<double> cluster_score;
  std::vector<ReviewPair> review;
  std::size_t candidate_pairs = 0;
  std::size_t oversized_blocks = 0;
  std::size_t refused_merges = 0;
};

// People's decisions on pairs of records (indices into the resolved records):
// `together` pairs end in one cluster whatever their score; `apart` pairs are
// never in one cluster unless `together` pairs force it, and never sent to review.
struct MatchConstraints {
  std::vector<std::pair<std::size_t, std::size_t>> together;
  std::vector<std::pair<std::size_t, std::size_t>> apart;
};

// Full resolution of a set of records: blocking, Fellegi-Sunter scoring,
// chain-resistant clustering. Records should come from IdentityRecordBuilder.
class IdentityResolver {
 public:
  explicit IdentityResolver(ResolutionConfig config = {}) : config_(config) {}

  [[nodiscard]] ResolutionResult resolve(const std::vector<IdentityRecord>& records,
                                         const MatchConstraints& constraints = {}) const;

  [[nodiscard]] const ResolutionConfig& config() const { return config_; }

 private:
  ResolutionConfig config_;
};

}  // namespace crmsync::identity
