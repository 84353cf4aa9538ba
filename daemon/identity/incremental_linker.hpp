#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "daemon/identity/fellegi_sunter_scorer.hpp"
#include "daemon/identity/resolution_config.hpp"

namespace crmsync::identity {

// A record already linked to a customer, in the scorer's record list.
struct LinkedRecord {
  std::size_t index = 0;
  long long customer_id = 0;
};

// A pair a person should look at, found while linking one record.
struct ReviewCandidate {
  std::size_t other = 0;  // index of the linked record it was compared with
  long long customer_id = 0;
  double score = 0.0;
};

struct LinkDecision {
  std::optional<long long> customer_id;  // join this customer; none: the record starts a new one
  std::string rule;                     // "same_record", "email", "phone", "tax_id", "probabilistic" or "new"
  double score = 0.0;                   // mean match weight against the chosen customer's records
  std::vector<ReviewCandidate> review;  // review-band pairs and merges refused to avoid chaining
};

// Decides, for one incoming record, which existing customer it belongs to,
// without recomputing anything else. A customer holding a record the incoming
// one shares a same-record reference with comes first. Otherwise a customer qualifies when one of its
// records matches strongly (at least auto_merge_at, or the same email, phone
// or tax id with no disagreeing name) AND the record agrees with the customer
// as a whole (mean weight at least min_average_linkage, no record below
// veto_below). So A~B and B~C do not pull C into A's customer when A and C
// clearly differ, and one record cannot glue two customers together: it joins
// the best one, and the others go to review.
class IncrementalLinker {
 public:
  // `forbidden(a, b)`: a person said these two records are different customers.
  using Forbidden = std::function<bool(std::size_t, std::size_t)>;

  IncrementalLinker(const FellegiSunterScorer& scorer, const ResolutionConfig& config)
      : scorer_(scorer), config_(config) {}

  [[nodiscard]] LinkDecision decide(std::size_t record, const std::vector<LinkedRecord>& candidates,
                                    const Forbidden& forbidden) const;

 private:
  [[nodiscard]] std::string identifier_rule(std::size_t a, std::size_t b) const;

  const FellegiSunterScorer& scorer_;
  const ResolutionConfig& config_;
};

}  // namespace crmsync::identity
