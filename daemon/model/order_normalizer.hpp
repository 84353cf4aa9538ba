#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/record.hpp"

#include "daemon/common/expected.hpp"
#include "daemon/model/currency_normalizer.hpp"
#include "daemon/model/order.hpp"
#include "daemon/model/timestamp_parser.hpp"

namespace crmsync::model {

// Builds an Order and its lines. Amounts are exact decimals; a wrong amount,
// timestamp or currency rejects the record, because a wrong total is worse
// than a missing order.
class OrderNormalizer {
 public:
  // default_currency: ISO 4217 code or empty; used when an order names none.
  OrderNormalizer(const TimestampParser& timestamps, std::string default_currency);

  [[nodiscard]] Expected<Order, std::string> normalize(const sdk::RawRecord& record,
                                                       std::vector<std::string>& warnings) const;

 private:
  [[nodiscard]] static Expected<OrderLine, std::string> read_line(const sdk::FieldMap& fields, int line_no);
  // The given total, else the sum of the line totals when every line has one.
  [[nodiscard]] static Expected<std::optional<Decimal>, std::string> total_of(
      const sdk::FieldMap& fields, const std::vector<OrderLine>& lines);
  [[nodiscard]] Expected<std::string, std::string> currency_of(const sdk::FieldMap& fields,
                                                               bool amounts_given,
                                                               std::vector<std::string>& warnings) const;

  const TimestampParser& timestamps_;
  std::string default_currency_;
  CurrencyNormalizer currencies_;
};

}  // namespace crmsync::model
