#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "crmsync/sdk/record.hpp"

#include "daemon/model/customer.hpp"
#include "daemon/model/feedback.hpp"
#include "daemon/model/order.hpp"

namespace crmsync::model {

// A source record after normalisation: what the store writes in one batch.
struct NormalizedRecord {
  std::string external_id;
  sdk::EntityType entity = sdk::EntityType::customer;
  std::string payload;       // the raw record as received
  std::string payload_hash;  // hex SHA-256 of payload; unchanged hash => nothing to write
  bool deleted = false;
  std::optional<std::chrono::sys_seconds> source_updated_at;  // UTC
  std::string location;                                       // for messages
  std::vector<std::string> warnings;  // kept but flagged, e.g. "phone '12345' is not a valid number"
  std::variant<Customer, Order, Feedback> data;
};

}  // namespace crmsync::model
