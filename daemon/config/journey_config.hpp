#pragma once

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace crmsync::config {

// What triggers a survey: an order reaching one of `order_statuses`, or a
// feedback record of one of `feedback_kinds` (e.g. a closed support case).
struct SurveyRule {
  std::string name;                         // part of every idempotency key: keep it stable
  std::vector<std::string> order_statuses;  // lower case, as the source names them
  std::vector<std::string> feedback_kinds;  // complaint | note | ...
  std::string survey = "nps";               // nps | csat
  std::chrono::seconds delay{std::chrono::hours(72)};
  std::string channel;                       // an action instance, e.g. "mail"
  std::string template_name = "nps_survey";  // config/templates/<template>.<language>.*
};

// A follow-up with the account owner every `cadence`, counted from the last
// recorded contact (a sent message, an order, a feedback).
struct CadenceRule {
  std::string tier;  // "vip", "key", ...
  std::chrono::seconds cadence{std::chrono::days(30)};
};

// An unhappy customer: a score at or below `detractor_score` on an NPS
// survey or a complaint raises a reminder to the owner within `within`.
struct AtRiskRule {
  bool enabled = true;
  int detractor_score = 6;
  std::chrono::seconds within{std::chrono::hours(4)};
  std::string template_name = "at_risk_reminder";
};

struct ReminderRules {
  std::vector<CadenceRule> cadences;
  AtRiskRule at_risk;
  std::string channel;                  // action instance: an email one, or a CRM that creates tasks
  std::string kind = "reminder_email";  // reminder_email | reminder_task
  std::string template_name = "owner_reminder";
  std::string owner_fallback;  // address when the customer has no owner
};

// A tier from the unified data: at least `min_order_value` ordered within
// `window` (order totals in any currency, as numbers), or the source's own
// tier field when `from_source` and it names one.
struct TierRule {
  std::string tier;
  double min_order_value = 0;
  std::chrono::seconds window{std::chrono::days(365)};
};

struct TierRules {
  bool from_source = true;  // an explicit tier from a source wins over the value rules
  // ISO 4217: only orders in this currency count towards min_order_value.
  // Empty: every order counts at its face value, whatever its currency.
  std::string currency;
  std::vector<TierRule> rules;  // first match wins; checked in order
};

struct PolitenessConfig {
  int quiet_start_minute = 20 * 60;  // 20:00 local
  int quiet_end_minute = 9 * 60;     // 09:00 local
  bool skip_weekends = true;
  std::chrono::seconds fatigue{std::chrono::days(30)};  // at most one survey per customer per this
  std::string default_time_zone = "UTC";                // when neither country nor phone tells
  // Countries spanning several zones: which one to use.
  std::map<std::string, std::string> country_time_zones = {
      {"US", "America/New_York"}, {"CA", "America/Toronto"},   {"AU", "Australia/Sydney"},
      {"RU", "Europe/Moscow"},    {"BR", "America/Sao_Paulo"}, {"MX", "America/Mexico_City"},
      {"CN", "Asia/Shanghai"},    {"ID", "Asia/Jakarta"}};
};

// The `journey:` section. Without one, nothing is planned or sent.
struct JourneyConfig {
  bool enabled = false;
  std::vector<SurveyRule> surveys;
  ReminderRules reminders;
  TierRules tiers;
  PolitenessConfig politeness;
  std::string public_url;           // https base of survey/unsubscribe links (http only on loopback)
  std::string signing_key;          // secret, e.g. ${credential:journey_signing_key}
  std::string message_domain;       // right side of Message-IDs; default: host of public_url
  std::string templates_directory;  // absolute; default <config dir>/templates
  std::string listen;               // "127.0.0.1:8089"; empty: no HTTP listener
  std::chrono::seconds retry_backoff{std::chrono::minutes(5)};  // doubled per attempt
  int max_attempts = 6;
  std::chrono::seconds lease{std::chrono::minutes(10)};
  std::chrono::seconds sweep_interval{std::chrono::hours(1)};
};

}  // namespace crmsync::config
