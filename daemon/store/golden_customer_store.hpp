#pragma once

#include <optional>
#include <string>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// A golden customer row as merges see it.
struct GoldenCustomerState {
  long long id = 0;
  std::optional<long long> merged_into;  // set: this customer was merged into that one
  std::string name;
};

// The lifecycle of golden customer rows around merges: a customer merged into
// another stays (so its old id can be followed) with merged_into set, and its
// orders and feedback follow it; an unmerge revives it.
class GoldenCustomerStore {
 public:
  explicit GoldenCustomerStore(Database& database) : database_(database) {}

  [[nodiscard]] std::optional<GoldenCustomerState> find(long long customer_id);
  void set_merged_into(long long customer_id, std::optional<long long> into);
  // Orders and feedback of `from` now belong to `into`.
  void move_references(long long from, long long into);

 private:
  Database& database_;
};

}  // namespace crmsync::store
