#pragma once

#include <string>
#include <vector>

#include <soci/soci.h>

#include "daemon/model/order.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/nullable_column.hpp"
#include "daemon/store/reference_linker.hpp"

namespace crmsync::store {

// Writes the sales_order of each order source record and replaces its lines,
// a batch at a time: new orders and all lines in multi-row statements, changed
// orders in one staged update on PostgreSQL (one by one elsewhere). Amounts go in as canonical decimal text:
// exact on every dialect.
class OrderWriter {
 public:
  OrderWriter(Database& database, ReferenceLinker& linker);
  OrderWriter(const OrderWriter&) = delete;
  OrderWriter& operator=(const OrderWriter&) = delete;

  // Queues the order; `seen_before` when its source record was stored earlier.
  // The order must outlive flush().
  void add(long long source_record_id, const std::string& external_id, const model::Order& order,
           bool seen_before);
  // Writes the queued orders and forgets them.
  void flush(const std::string& now);

 private:
  struct Pending {
    long long source_record_id = 0;
    const std::string* external_id = nullptr;
    const model::Order* order = nullptr;
    bool seen_before = false;
  };

  void bind_order(const model::Order& order, std::optional<long long> customer_id);

  Database& database_;
  ReferenceLinker& linker_;
  std::vector<Pending> pending_;
  // Values the update statement is bound to.
  long long order_id_ = 0;
  NullableId customer_id_;
  NullableText customer_ref_;
  NullableText order_number_;
  NullableText status_;
  NullableText ordered_at_;
  NullableText currency_;
  NullableText total_;
  std::string now_;

  soci::statement update_;
};

}  // namespace crmsync::store
