#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/host.hpp"

#include "daemon/config/journey_config.hpp"
#include "daemon/scheduler/customer_locale.hpp"
#include "daemon/store/batch_observer.hpp"

namespace crmsync::scheduler {

// Reminders to the account owner. At-risk ones are data-driven: a detractor
// score or a complaint plans "at_risk:feedback:<id>" in the transaction that
// stored it. Cadence ones are time-driven: sweep() plans
// "cadence:<tier>:<customer>:<last contact>" for every customer of a tier not
// contacted within the tier's cadence; a new contact gives a new key.
class ReminderPlanner final : public store::BatchObserver {
 public:
  ReminderPlanner(const config::JourneyConfig& journey, const sdk::Clock& clock);

  void on_batch_stored(store::Database& database, const store::BatchWrite& batch,
                       const std::vector<store::StoredRecord>& stored, const std::string& now) override;

  // In its own transaction; returns how many reminders it planned.
  int sweep(store::Database& database);

 private:
  bool plan(store::Database& database, long long customer_id, std::optional<long long> order_id,
            const std::string& rule, const std::string& key, const std::string& template_name,
            const std::string& now);

  const config::JourneyConfig& journey_;
  const sdk::Clock& clock_;
  CustomerLocale locale_;
};

}  // namespace crmsync::scheduler
