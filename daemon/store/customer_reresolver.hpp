#pragma once

#include <cstddef>
#include <string>

#include "daemon/identity/identity_settings.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::store {

struct ReresolveOutcome {
  std::size_t records = 0;
  std::size_t customers = 0;      // live customers afterwards
  std::size_t records_moved = 0;  // records now in another customer than before
  std::size_t customers_created = 0;
  std::size_t customers_emptied = 0;  // merged into the customer that took most of their records
  std::size_t review_pairs = 0;
  std::size_t keys_rebuilt = 0;  // records whose matching keys were rebuilt
  double seconds = 0.0;
};

// A full re-resolve (`crmsyncd resolve`), for after a rule or threshold
// change: every source customer record resolved again by IdentityResolver
// with the current settings, honouring people's "always" and "never"
// decisions. Customer ids stay stable where they can: each new cluster keeps
// the customer that already holds most of its records. Every record that
// changes customer is repointed with its orders and feedback, emptied
// customers are marked merged, the review queue is rebuilt, and each change
// is written to audit_log. Every record's matching keys and the value counts
// are rebuilt with the current derivation, so records stored by a build
// that derived them differently are found by new ones again, and the stored
// key version is set to the current one. One transaction.
class CustomerReresolver {
 public:
  CustomerReresolver(Database& database, const identity::IdentitySettings& settings);

  ReresolveOutcome run(const std::string& actor, const std::string& now);

 private:
  Database& database_;
  const identity::IdentitySettings& settings_;
};

}  // namespace crmsync::store
