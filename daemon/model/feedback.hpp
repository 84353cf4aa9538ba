#pragma once

#include <chrono>
#include <optional>
#include <string>

namespace crmsync::model {

struct Feedback {
  std::string customer_ref;  // external id of the customer in the same source
  std::string order_ref;     // external id of the order, when about one
  std::string kind;          // "nps" (0-10) | "csat" (1-5) | "complaint" | "note"
  std::optional<int> score;  // within the kind's range
  std::string comment;
  std::optional<std::chrono::sys_seconds> received_at;  // UTC
};

}  // namespace crmsync::model
