#pragma once

#include <optional>
#include <string>

#include "daemon/store/database.hpp"

namespace crmsync::scheduler {

// Who must get nothing: opted out, unsubscribed, bounced or erased. An entry
// names an address, a customer, or both; either one matching is enough.
class SuppressionList {
 public:
  explicit SuppressionList(store::Database& database);

  // The reason when the golden customer (or any record merged into it) or
  // the address is suppressed. Addresses compare case-insensitively.
  [[nodiscard]] std::optional<std::string> reason_for(long long customer_id, const std::string& address);
  // Inside the caller's transaction. reason: opted_out | unsubscribed | bounced | erased.
  void add(const std::string& address, std::optional<long long> customer_id, const std::string& reason,
           const std::string& source, const std::string& now);

 private:
  store::Database& database_;
};

}  // namespace crmsync::scheduler
