#pragma once

#include <string>
#include <vector>

#include "daemon/identity/identity_settings.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::store {

// Who asked for a manual merge or unmerge, and why: both go to audit_log and
// to the match decisions it records.
struct ManualDecision {
  std::string actor;
  std::string reason;
  std::string now;  // ISO 8601 UTC
};

struct MergeOutcome {
  long long into = 0;
  long long from = 0;
  std::size_t records_moved = 0;
  double score = 0.0;  // the best match weight between the two customers' records
};

struct UnmergeOutcome {
  long long customer = 0;
  std::vector<long long> restored;       // customers revived with the records a merge had taken
  std::vector<long long> split_records;  // records taken out and decided again
  std::vector<long long> new_customers;  // customers those records started
  double score = 0.0;                    // the best match weight between the parts that were split
};

// Manual merges and unmerges of golden customers (`crmsyncd merge`, `unmerge`).
// A merge moves every record of one customer into another, remembering where
// each came from, and records "always" decisions so a re-resolve keeps them
// together. An unmerge gives each merged-in customer its records back (records
// that arrived after the merge are decided again against the parts), or, for
// a customer built by automatic links only, takes the linked records out and
// decides them again; "never" decisions keep the parts apart from then on.
// Each is one transaction and one audit_log entry with score and reason.
class CustomerMerger {
 public:
  CustomerMerger(Database& database, const identity::IdentitySettings& settings);

  // Throws std::invalid_argument, naming the customer, when either does not
  // exist, was itself merged away, or both are the same.
  MergeOutcome merge(long long into, long long from, const ManualDecision& decision);
  // Throws std::invalid_argument when the customer does not exist, was merged
  // away, or has nothing to undo (a single source record).
  UnmergeOutcome unmerge(long long customer, const ManualDecision& decision);

 private:
  Database& database_;
  const identity::IdentitySettings& settings_;
};

}  // namespace crmsync::store
