#include "daemon/scheduler/journey_runtime.hpp"

#include <exception>
#include <utility>

#include <openssl/rand.h>
#include <spdlog/spdlog.h>

#include "daemon/scheduler/outbox_store.hpp"

namespace crmsync::scheduler {
namespace {

// Without surveys there are no links to sign; replies then never carry a
// valid token, which a throw-away key guarantees.
std::string signing_key_of(const config::JourneyConfig& journey) {
  if (!journey.signing_key.empty()) return journey.signing_key;
  unsigned char random[32];
  if (RAND_bytes(random, sizeof random) != 1)
    throw std::runtime_error("no random bytes for a journey signing key");
  return std::string(reinterpret_cast<const char*>(random), sizeof random);
}

constexpr int kDeliveryBatch = 50;

}  // namespace

JourneyRuntime::JourneyRuntime(config::JourneyConfig journey, ActionChannels channels,
                               const sdk::Clock& clock, std::string worker)
    : journey_(std::move(journey)),
      channels_(std::move(channels)),
      clock_(clock),
      worker_(std::move(worker)),
      signer_(signing_key_of(journey_)),
      templates_(journey_.templates_directory),
      replies_(signer_),
      surveys_(journey_, signer_, clock_),
      reminders_(journey_, clock_),
      tiers_(journey_.tiers, clock_) {}

std::vector<store::BatchObserver*> JourneyRuntime::observers() {
  return {&replies_, &surveys_, &reminders_};
}

void JourneyRuntime::sweep(store::Database& database) {
  const auto now = clock_.now();
  if (last_sweep_ && now < *last_sweep_ + journey_.sweep_interval) return;
  last_sweep_ = now;
  // Orders linked to their customer after the batch that delivered them:
  // look back as far as the longest survey delay, at least a day.
  std::chrono::seconds lookback = std::chrono::hours(24);
  for (const auto& rule : journey_.surveys)
    lookback = std::max(lookback, rule.delay + std::chrono::hours(24));
  const int retiered = tiers_.refresh(database);  // first: cadences depend on the tier
  if (retiered > 0) spdlog::info("journey sweep: {} customer(s) changed tier", retiered);
  const int late_surveys = surveys_.plan_missed(database, lookback);
  const int reminders = reminders_.sweep(database);
  if (late_surveys + reminders > 0) {
    spdlog::info("journey sweep: planned {} survey(s) of late-linked orders and {} cadence reminder(s)",
                 late_surveys, reminders);
  }
}

void JourneyRuntime::run_due(store::Database& database) {
  try {
    sweep(database);
    OutboxDelivery delivery(database, journey_, templates_, channels_, clock_, worker_);
    while (true) {
      const DeliveryCounts counts = delivery.deliver_due(kDeliveryBatch);
      const int handled = counts.sent + counts.retried + counts.failed + counts.suppressed + counts.skipped +
                          counts.postponed;
      if (handled > 0) {
        spdlog::info(
            "journey delivery: {} sent, {} to retry, {} failed, {} suppressed, {} over the fatigue cap, "
            "{} postponed for quiet hours",
            counts.sent, counts.retried, counts.failed, counts.suppressed, counts.skipped, counts.postponed);
      }
      if (handled < kDeliveryBatch) break;
    }
  } catch (const std::exception& error) {
    spdlog::error("journey: {}; trying again in a minute", error.what());
    quiet_until_ = clock_.now() + std::chrono::minutes(1);
  }
}

std::chrono::system_clock::time_point JourneyRuntime::next_wake(store::Database& database) {
  const auto now = clock_.now();
  auto wake = last_sweep_ ? *last_sweep_ + journey_.sweep_interval : now;
  try {
    if (const auto due = OutboxStore(database).next_due())
      wake = std::min<std::chrono::system_clock::time_point>(wake, *due);
  } catch (const std::exception& error) {
    spdlog::error("journey: cannot read the outbox: {}", error.what());
    wake = std::min(wake, now + std::chrono::minutes(1));
  }
  return std::max(wake, quiet_until_);
}

}  // namespace crmsync::scheduler
