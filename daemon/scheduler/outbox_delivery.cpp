#include "daemon/scheduler/outbox_delivery.hpp"

#include <algorithm>
#include <exception>
#include <utility>

#include <spdlog/spdlog.h>

#include "daemon/scheduler/message_id.hpp"
#include "daemon/scheduler/stored_time.hpp"
#include "daemon/store/utc_timestamp.hpp"

namespace crmsync::scheduler {
namespace {

namespace field = sdk::action_field;

constexpr auto kLongestBackoff = std::chrono::hours(24);

std::string message_domain(const config::JourneyConfig& journey) {
  return journey.message_domain.empty() ? std::string("crmsync.invalid") : journey.message_domain;
}

std::string link(const config::JourneyConfig& journey, const char* path, const std::string& token) {
  std::string base = journey.public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + path + token;
}

// Exponential: backoff, 2x, 4x ... capped at a day; a connector's own
// Retry-After wins when it asks for longer.
std::chrono::seconds backoff_for(const config::JourneyConfig& journey, int attempts,
                                 std::chrono::milliseconds asked) {
  auto wait = journey.retry_backoff;
  for (int i = 1; i < attempts && wait < kLongestBackoff; ++i) wait *= 2;
  wait = std::min<std::chrono::seconds>(wait, kLongestBackoff);
  return std::max(wait, std::chrono::ceil<std::chrono::seconds>(asked));
}

std::string describe(const OutboxRow& row) {
  return "outbox row " + std::to_string(row.id) + " (" + row.idempotency_key + ", channel " + row.channel +
         ")";
}

}  // namespace

OutboxDelivery::OutboxDelivery(store::Database& database, const config::JourneyConfig& journey,
                               const MessageTemplate& templates, ActionChannels channels,
                               const sdk::Clock& clock, std::string worker)
    : database_(database),
      journey_(journey),
      templates_(templates),
      channels_(std::move(channels)),
      clock_(clock),
      worker_(std::move(worker)),
      outbox_(database),
      suppressions_(database),
      locale_(journey.politeness),
      quiet_hours_(journey.politeness) {}

std::chrono::sys_seconds OutboxDelivery::now() const {
  return std::chrono::floor<std::chrono::seconds>(clock_.now());
}

DeliveryCounts OutboxDelivery::deliver_due(int limit) {
  DeliveryCounts counts;
  for (const long long id : outbox_.claim_due(now(), worker_, journey_.lease, limit)) {
    const auto row = outbox_.load(id);
    if (!row) continue;
    switch (deliver_row(*row, now())) {
      case Outcome::sent:
        ++counts.sent;
        break;
      case Outcome::retried:
        ++counts.retried;
        break;
      case Outcome::failed:
        ++counts.failed;
        break;
      case Outcome::suppressed:
        ++counts.suppressed;
        break;
      case Outcome::skipped:
        ++counts.skipped;
        break;
      case Outcome::postponed:
        ++counts.postponed;
        break;
      case Outcome::lost:
        break;
    }
  }
  return counts;
}

OutboxDelivery::Outcome OutboxDelivery::check_survey(const OutboxRow& row, std::chrono::sys_seconds at) {
  if (const auto reason = suppressions_.reason_for(row.customer_id, row.email)) {
    return outbox_.close(row.id, worker_, "suppressed",
                         "customer " + std::to_string(row.customer_id) + " is " + *reason, at)
               ? Outcome::suppressed
               : Outcome::lost;
  }
  if (row.email.empty()) {
    return outbox_.close(row.id, worker_, "failed",
                         "customer " + std::to_string(row.customer_id) + " has no email address", at)
               ? Outcome::failed
               : Outcome::lost;
  }
  if (const auto last = outbox_.last_survey_sent(row.customer_id, row.id)) {
    const auto last_sent = parse_stored_time(*last);
    if (last_sent && *last_sent + journey_.politeness.fatigue > at) {
      return outbox_.close(row.id, worker_, "skipped", "fatigue cap: a survey was sent at " + *last, at)
                 ? Outcome::skipped
                 : Outcome::lost;
    }
  }
  const std::string zone = locale_.time_zone({row.customer_name, row.country, row.phone_e164});
  if (!quiet_hours_.allows(at, zone)) {
    const auto next = quiet_hours_.next_allowed(at, zone);
    return outbox_.postpone(row.id, worker_, next, "quiet hours in " + zone, at) ? Outcome::postponed
                                                                                 : Outcome::lost;
  }
  return Outcome::sent;  // may go ahead
}

OutboxDelivery::Outcome OutboxDelivery::deliver_row(const OutboxRow& row, std::chrono::sys_seconds at) {
  if (row.kind == "survey_email") {
    const Outcome check = check_survey(row, at);
    if (check != Outcome::sent) return check;
  }
  const auto channel = channels_.find(row.channel);
  if (channel == channels_.end() || channel->second == nullptr) {
    return outbox_.close(row.id, worker_, "failed", "no action instance named '" + row.channel + "'", at)
               ? Outcome::failed
               : Outcome::lost;
  }
  sdk::Action action;
  try {
    action = build_action(row);
  } catch (const std::exception& error) {
    return outbox_.close(row.id, worker_, "failed", error.what(), at) ? Outcome::failed : Outcome::lost;
  }
  if (!outbox_.start_attempt(row.id, worker_, at)) return Outcome::lost;
  OutboxRow attempted = row;
  ++attempted.attempts;
  // Between here and record() is the documented crash window.
  sdk::Status status = sdk::Status::failure("not delivered");
  try {
    status = channel->second->deliver(action);
  } catch (const std::exception& error) {
    status = sdk::Status::retry_after(std::chrono::milliseconds(0),
                                      std::string("action connector threw: ") + error.what());
  }
  return record(attempted, status, action.fields[field::kMessageId]);
}

// A reminder goes to the account owner: by email, or as a task in the CRM
// the customer came from, under the customer's id there.
void OutboxDelivery::address_owner(const OutboxRow& row, sdk::Action& action) {
  const std::string owner = row.owner.empty() ? journey_.reminders.owner_fallback : row.owner;
  if (owner.empty())
    throw std::runtime_error("customer " + std::to_string(row.customer_id) + " has no owner to remind");
  action.fields[field::kOwner] = owner;
  auto due = parse_stored_time(row.due_at).value_or(now());
  if (row.rule == "at_risk") due += journey_.reminders.at_risk.within;
  action.fields[field::kDueAt] = store::UtcTimestamp::format(due);
  if (row.kind == "reminder_task") {
    const auto external_id = outbox_.external_id_in(row.customer_id, row.channel);
    if (!external_id) {
      throw std::runtime_error("customer " + std::to_string(row.customer_id) + " has no record in '" +
                               row.channel + "' to attach a task to");
    }
    action.fields[field::kCustomerRef] = *external_id;
    return;
  }
  if (owner.find('@') == std::string::npos) {
    throw std::runtime_error("owner '" + owner + "' of customer " + std::to_string(row.customer_id) +
                             " is not an email address");
  }
  action.fields[field::kTo] = owner;
}

sdk::Action OutboxDelivery::build_action(const OutboxRow& row) {
  sdk::Action action;
  action.kind = row.kind;
  action.idempotency_key = row.idempotency_key;
  const std::string message_id = message_id_for(row.idempotency_key, message_domain(journey_));
  std::map<std::string, std::string> values{{"customer_name", row.customer_name},
                                            {"order_number", row.order_number},
                                            {"customer_id", std::to_string(row.customer_id)},
                                            {"customer_email", row.email},
                                            {"tier", row.tier},
                                            {"rule", row.rule},
                                            {"survey_link", ""},
                                            {"unsubscribe_link", ""}};
  if (!row.survey_token.empty()) {
    values["survey_link"] = link(journey_, "/s/", row.survey_token);
    values["unsubscribe_link"] = link(journey_, "/u/", row.survey_token);
    action.fields[field::kUnsubscribeUrl] = values["unsubscribe_link"];
  }
  const RenderedMessage message = templates_.render(row.template_name, row.language, values);
  action.fields[field::kSubject] = message.subject;
  action.fields[field::kTextBody] = message.text_body;
  if (!message.html_body.empty()) action.fields[field::kHtmlBody] = message.html_body;
  action.fields[field::kMessageId] = message_id;
  action.fields[field::kLanguage] = row.language;
  if (row.kind == "survey_email") {
    action.fields[field::kTo] = row.email;
    action.fields[field::kToName] = row.customer_name;
  } else {
    address_owner(row, action);
  }
  return action;
}

OutboxDelivery::Outcome OutboxDelivery::record(const OutboxRow& row, const sdk::Status& status,
                                               const std::string& message_id) {
  const auto at = now();
  switch (status.code()) {
    case sdk::Status::Code::ok:
      if (!outbox_.mark_sent(row.id, worker_, message_id, at)) {
        spdlog::warn("{}: sent, but the lease ran out before it was recorded", describe(row));
        return Outcome::lost;
      }
      return Outcome::sent;
    case sdk::Status::Code::retry:
      if (row.attempts < journey_.max_attempts) {
        const auto due = at + backoff_for(journey_, row.attempts, status.delay());
        spdlog::warn("{}: attempt {} failed, retrying at {}: {}", describe(row), row.attempts,
                     store::UtcTimestamp::format(due), status.reason());
        return outbox_.mark_retry(row.id, worker_, due, status.reason(), at) ? Outcome::retried
                                                                             : Outcome::lost;
      }
      spdlog::error("{}: giving up after {} attempts: {}", describe(row), row.attempts, status.reason());
      return outbox_.close(row.id, worker_, "failed",
                           "gave up after " + std::to_string(row.attempts) + " attempts: " + status.reason(),
                           at)
                 ? Outcome::failed
                 : Outcome::lost;
    case sdk::Status::Code::failed:
      spdlog::error("{}: failed: {}", describe(row), status.reason());
      return outbox_.close(row.id, worker_, "failed", status.reason(), at) ? Outcome::failed : Outcome::lost;
  }
  return Outcome::lost;
}

}  // namespace crmsync::scheduler
