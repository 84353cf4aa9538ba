#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/host.hpp"

#include "daemon/config/journey_config.hpp"
#include "daemon/scheduler/customer_locale.hpp"
#include "daemon/scheduler/survey_token_signer.hpp"
#include "daemon/store/batch_observer.hpp"

namespace crmsync::scheduler {

// Plans a survey when an order reaches a trigger status or a triggering
// feedback arrives, in the transaction that stored it. The idempotency key
// "survey:<rule>:order:<order id>" (or ":feedback:<id>") makes a second
// plan for the same event a no-op, however often the record is re-sent.
class SurveyPlanner final : public store::BatchObserver {
 public:
  SurveyPlanner(const config::JourneyConfig& journey, const SurveyTokenSigner& signer,
                const sdk::Clock& clock);

  void on_batch_stored(store::Database& database, const store::BatchWrite& batch,
                       const std::vector<store::StoredRecord>& stored, const std::string& now) override;

  // Orders that reached a trigger status while their customer was not yet
  // known (streams arrive in any order) get their survey here, once linked.
  // Looks back `lookback` from now; runs in its own transaction.
  int plan_missed(store::Database& database, std::chrono::seconds lookback);

 private:
  bool plan(store::Database& database, const config::SurveyRule& rule, long long customer_id,
            std::optional<long long> order_id, const std::string& event, const std::string& now);

  const config::JourneyConfig& journey_;
  const SurveyTokenSigner& signer_;
  const sdk::Clock& clock_;
  CustomerLocale locale_;
};

}  // namespace crmsync::scheduler
