#pragma once

#include "crmsync/sdk/host.hpp"

#include "daemon/config/journey_config.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::scheduler {

// Keeps customer.tier current from the tier rules: the first rule whose
// minimum the customer's orders within its window reach. A tier a source
// states itself (source_customer.tier) wins when `from_source` is set, and
// such customers are left alone. Time-driven: run from the sweep.
class TierAssigner {
 public:
  TierAssigner(const config::TierRules& rules, const sdk::Clock& clock);

  // In its own transaction; returns how many customers changed tier.
  int refresh(store::Database& database);

 private:
  const config::TierRules& rules_;
  const sdk::Clock& clock_;
};

}  // namespace crmsync::scheduler
