#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include <soci/soci.h>

#include "daemon/store/database.hpp"
#include "daemon/store/nullable_column.hpp"

namespace crmsync::store {

struct LinkedOrder {
  long long order_id = 0;
  std::optional<long long> customer_id;
};

// A row just written that other records may point to by its external id.
template <typename Target>
struct ReferenceTarget {
  Target target;
  std::string external_id;
};

// Resolves the references between records of one connector instance (an
// order's customer_ref, a feedback's order_ref) to rows, whatever stream they
// came in. Streams arrive in any order, so when a customer or order arrives
// after the records that point to it, those records are linked then. Every
// lookup takes a whole batch's references at once.
class ReferenceLinker {
 public:
  ReferenceLinker(Database& database, std::string instance);
  ReferenceLinker(const ReferenceLinker&) = delete;
  ReferenceLinker& operator=(const ReferenceLinker&) = delete;

  // The golden customer of the instance's customer record with each external id
  // (the first stored, should two streams use one id); unknown ones are absent.
  [[nodiscard]] std::unordered_map<std::string, long long> customers_for(
      const std::vector<std::string>& refs);
  [[nodiscard]] std::unordered_map<std::string, LinkedOrder> orders_for(const std::vector<std::string>& refs);
  // Links orders and feedback waiting for these customers.
  void link_waiting_for_customers(const std::vector<ReferenceTarget<long long>>& customers);
  // Links feedback waiting for these orders.
  void link_waiting_for_orders(const std::vector<ReferenceTarget<LinkedOrder>>& orders);

 private:
  // The references among `refs` that rows of `table` wait on in `column`.
  std::vector<std::string> waiting(const std::string& table, const std::string& column,
                                   const std::string& linked_column, const std::vector<std::string>& refs);

  Database& database_;
  std::string instance_;
  // Values the link statements are bound to.
  std::string reference_;
  long long customer_id_ = 0;
  long long order_id_ = 0;
  NullableId order_customer_;

  soci::statement link_orders_to_customer_;
  soci::statement link_feedback_to_customer_;
  soci::statement link_feedback_through_orders_;
  soci::statement link_feedback_to_order_;
};

}  // namespace crmsync::store
