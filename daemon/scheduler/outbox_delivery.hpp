#pragma once

#include <chrono>
#include <map>
#include <string>

#include "crmsync/sdk/connector.hpp"
#include "crmsync/sdk/host.hpp"

#include "daemon/config/journey_config.hpp"
#include "daemon/scheduler/customer_locale.hpp"
#include "daemon/scheduler/message_template.hpp"
#include "daemon/scheduler/outbox_store.hpp"
#include "daemon/scheduler/quiet_hours.hpp"
#include "daemon/scheduler/suppression_list.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::scheduler {

// Action instances by name (from `instances:`); not owned.
using ActionChannels = std::map<std::string, sdk::ActionConnector*>;

struct DeliveryCounts {
  int sent = 0;
  int retried = 0;
  int failed = 0;
  int suppressed = 0;
  int skipped = 0;    // fatigue cap
  int postponed = 0;  // quiet hours
};

// Sends what is due. Each row is claimed with a lease, checked again at send
// time (suppression, fatigue cap, quiet hours: rules may have changed since
// it was planned), rendered, handed to its action connector, and the outcome
// recorded.
//
// The crash window: a crash after deliver() returned and before mark_sent()
// committed leaves the row leased; when the lease runs out it is claimed
// again and sent once more, with the same Message-ID (derived from the
// idempotency key). Only that one message per worker can be sent twice.
class OutboxDelivery {
 public:
  OutboxDelivery(store::Database& database, const config::JourneyConfig& journey,
                 const MessageTemplate& templates, ActionChannels channels, const sdk::Clock& clock,
                 std::string worker);

  DeliveryCounts deliver_due(int limit = 50);

 private:
  enum class Outcome { sent, retried, failed, suppressed, skipped, postponed, lost };

  Outcome deliver_row(const OutboxRow& row, std::chrono::sys_seconds now);
  Outcome check_survey(const OutboxRow& row, std::chrono::sys_seconds now);
  sdk::Action build_action(const OutboxRow& row);
  void address_owner(const OutboxRow& row, sdk::Action& action);
  Outcome record(const OutboxRow& row, const sdk::Status& status, const std::string& message_id);
  [[nodiscard]] std::chrono::sys_seconds now() const;

  store::Database& database_;
  const config::JourneyConfig& journey_;
  const MessageTemplate& templates_;
  ActionChannels channels_;
  const sdk::Clock& clock_;
  std::string worker_;
  OutboxStore outbox_;
  SuppressionList suppressions_;
  CustomerLocale locale_;
  QuietHours quiet_hours_;
};

}  // namespace crmsync::scheduler
