#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "crmsync/sdk/host.hpp"

#include "daemon/config/journey_config.hpp"
#include "daemon/scheduler/message_template.hpp"
#include "daemon/scheduler/outbox_delivery.hpp"
#include "daemon/scheduler/reminder_planner.hpp"
#include "daemon/scheduler/reply_linker.hpp"
#include "daemon/scheduler/survey_planner.hpp"
#include "daemon/scheduler/survey_token_signer.hpp"
#include "daemon/scheduler/tier_assigner.hpp"
#include "daemon/store/batch_observer.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::scheduler {

// The journey as the service loop runs it on its worker thread: the batch
// observers that plan in each sync's transaction, the periodic sweep
// (tiers, cadence reminders, surveys of orders linked late) and outbox delivery.
class JourneyRuntime {
 public:
  JourneyRuntime(config::JourneyConfig journey, ActionChannels channels, const sdk::Clock& clock,
                 std::string worker);

  // In the order they must run: replies are linked before the planners read them.
  [[nodiscard]] std::vector<store::BatchObserver*> observers();
  // Sweeps when the sweep interval has passed, then delivers until nothing
  // more is due. Errors are logged, never thrown: the next wake retries.
  void run_due(store::Database& database);
  // When run_due() has work next: the earliest due row or lease expiry, or the next sweep.
  [[nodiscard]] std::chrono::system_clock::time_point next_wake(store::Database& database);

  [[nodiscard]] const config::JourneyConfig& journey() const { return journey_; }
  [[nodiscard]] const SurveyTokenSigner& signer() const { return signer_; }

 private:
  void sweep(store::Database& database);

  config::JourneyConfig journey_;
  ActionChannels channels_;
  const sdk::Clock& clock_;
  std::string worker_;
  SurveyTokenSigner signer_;
  MessageTemplate templates_;
  ReplyLinker replies_;
  SurveyPlanner surveys_;
  ReminderPlanner reminders_;
  TierAssigner tiers_;
  std::optional<std::chrono::system_clock::time_point> last_sweep_;
  // After an error (database away), no new try before this.
  std::chrono::system_clock::time_point quiet_until_;
};

}  // namespace crmsync::scheduler
