#pragma once

#include <string>

#include "daemon/model/customer.hpp"

namespace crmsync::store {

// A customer record of the batch being written.
struct PendingCustomer {
  long long source_record_id = 0;
  std::string external_id;
  std::string instance;
  std::string updated_at;
  const model::Customer* customer = nullptr;
  bool seen_before = true;  // false: a new source record, with nothing stored about it yet
};

}  // namespace crmsync::store
