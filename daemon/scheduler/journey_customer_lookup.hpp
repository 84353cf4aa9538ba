#pragma once

#include <optional>

#include "daemon/scheduler/customer_locale.hpp"
#include "daemon/store/database.hpp"

namespace crmsync::scheduler {

struct JourneyCustomer {
  long long id = 0;  // the golden customer, after any merge
  CustomerPlace place;
};

// The golden customer behind a customer id as planners need it.
class JourneyCustomerLookup {
 public:
  explicit JourneyCustomerLookup(store::Database& database);

  [[nodiscard]] std::optional<JourneyCustomer> find(long long customer_id);

 private:
  store::Database& database_;
};

}  // namespace crmsync::scheduler
