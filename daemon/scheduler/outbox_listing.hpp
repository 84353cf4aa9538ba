#pragma once

#include <ostream>

#include "daemon/store/database.hpp"

namespace crmsync::scheduler {

// `crmsyncd outbox`: what is planned and what went wrong, one row a line,
// oldest due first; sent rows only as a count.
class OutboxListing {
 public:
  explicit OutboxListing(store::Database& database);

  // Returns how many rows it printed.
  int print(std::ostream& out, int limit = 200);

 private:
  store::Database& database_;
};

}  // namespace crmsync::scheduler
