#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "daemon/model/decimal.hpp"

namespace crmsync::model {

struct OrderLine {
  int line_no = 0;  // 1-based, in source order
  std::string sku;
  std::string description;
  Decimal quantity{1, 0};
  std::optional<Decimal> unit_price;
  std::optional<Decimal> line_total;  // given or quantity * unit_price
};

struct Order {
  std::string customer_ref;  // the customer's external id in the same source
  std::string order_number;
  std::string status;                                  // lower-case, as the source names it
  std::optional<std::chrono::sys_seconds> ordered_at;  // UTC
  std::string currency;                                // ISO 4217, upper case
  std::optional<Decimal> total;                        // given or sum of line totals
  std::vector<OrderLine> lines;
};

}  // namespace crmsync::model
