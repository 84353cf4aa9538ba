#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace crmsync::scheduler {

// What a planner puts into the outbox.
struct PlannedMessage {
  std::string kind;  // survey_email | reminder_email | reminder_task
  long long customer_id = 0;
  std::optional<long long> order_id;
  std::string rule;
  std::string idempotency_key;
  std::string channel;  // action instance
  std::string template_name;
  std::string language;
  std::string survey;        // nps | csat; empty for reminders
  std::string survey_token;  // empty for reminders
  std::chrono::sys_seconds due_at;
};

// A claimed outbox row with what delivery needs of its customer (the golden
// record, after any merge) and order.
struct OutboxRow {
  long long id = 0;
  std::string kind;
  long long customer_id = 0;  // golden
  std::string rule;
  std::string idempotency_key;
  std::string channel;
  std::string template_name;
  std::string language;
  std::string survey;
  std::string survey_token;
  int attempts = 0;
  std::string status;
  std::string due_at;
  std::string customer_name;
  std::string email;
  std::string country;
  std::string phone_e164;
  std::string owner;
  std::string tier;
  std::string order_number;
};

}  // namespace crmsync::scheduler
