#pragma once

#include <string>

#include <soci/soci.h>

#include "daemon/model/order.hpp"
#include "daemon/store/database.hpp"
#include "daemon/store/inserted_id.hpp"
#include "daemon/store/nullable_column.hpp"
#include "daemon/store/reference_linker.hpp"

namespace crmsync::store {

// Writes the sales_order of an order source record and replaces its lines.
// Amounts go in as canonical decimal text: exact on every dialect.
class OrderWriter {
 public:
  OrderWriter(Database& database, ReferenceLinker& linker);
  OrderWriter(const OrderWriter&) = delete;
  OrderWriter& operator=(const OrderWriter&) = delete;

  void write(long long source_record_id, const std::string& external_id, const model::Order& order,
             const std::string& now);

 private:
  void bind_order(const model::Order& order);
  void write_lines(const model::Order& order);
  soci::statement prepare_insert();

  soci::session& sql_;
  ReferenceLinker& linker_;
  InsertedId inserted_id_;
  // Values the statements are bound to.
  long long source_record_id_ = 0;
  long long order_id_ = 0;
  NullableId customer_id_;
  NullableText customer_ref_;
  NullableText order_number_;
  NullableText status_;
  NullableText ordered_at_;
  NullableText currency_;
  NullableText total_;
  std::string now_;
  int line_no_ = 0;
  NullableText sku_;
  NullableText description_;
  std::string quantity_;
  NullableText unit_price_;
  NullableText line_total_;

  soci::statement find_;
  soci::statement insert_;
  soci::statement update_;
  soci::statement delete_lines_;
  soci::statement insert_line_;
};

}  // namespace crmsync::store
