#pragma once

#include <optional>
#include <string>

#include <soci/soci.h>

#include "daemon/store/database.hpp"
#include "daemon/store/nullable_column.hpp"

namespace crmsync::store {

struct LinkedOrder {
  long long order_id = 0;
  std::optional<long long> customer_id;
};

// Resolves the references between records of one connector instance (an
// order's customer_ref, a feedback's order_ref) to rows, whatever stream they
// came in. Streams arrive in any order, so when a customer or order arrives
// after the records that point to it, those records are linked then.
class ReferenceLinker {
 public:
  ReferenceLinker(Database& database, std::string instance);
  ReferenceLinker(const ReferenceLinker&) = delete;
  ReferenceLinker& operator=(const ReferenceLinker&) = delete;

  // The golden customer of the instance's customer record with this external id.
  [[nodiscard]] std::optional<long long> customer_for(const std::string& customer_ref);
  [[nodiscard]] std::optional<LinkedOrder> order_for(const std::string& order_ref);

  // Links orders and feedback waiting for the customer `external_id`.
  void link_waiting_for_customer(long long customer_id, const std::string& external_id);
  // Links feedback waiting for the order `external_id`.
  void link_waiting_for_order(const LinkedOrder& order, const std::string& external_id);

 private:
  std::string instance_;
  std::string reference_;
  long long found_id_ = 0;
  NullableId found_customer_;
  long long customer_id_ = 0;
  long long order_id_ = 0;
  NullableId order_customer_;

  soci::statement find_customer_;
  soci::statement find_order_;
  soci::statement link_orders_to_customer_;
  soci::statement link_feedback_to_customer_;
  soci::statement link_feedback_through_orders_;
  soci::statement link_feedback_to_order_;
};

}  // namespace crmsync::store
