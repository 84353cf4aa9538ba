#include "daemon/model/order_normalizer.hpp"

#include <algorithm>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "daemon/model/field_reader.hpp"
#include "daemon/model/unicode_text.hpp"

namespace crmsync::model {
namespace {

namespace field = sdk::field;

bool has_amounts(const Order& order) {
  return order.total || std::ranges::any_of(order.lines, [](const OrderLine& line) {
           return line.unit_price.has_value() || line.line_total.has_value();
         });
}

}  // namespace

OrderNormalizer::OrderNormalizer(const TimestampParser& timestamps, std::string default_currency)
    : timestamps_(timestamps), default_currency_(std::move(default_currency)) {}

Expected<Order, std::string> OrderNormalizer::normalize(const sdk::RawRecord& record,
                                                        std::vector<std::string>& warnings) const {
  const FieldReader in(record.fields);
  Order order;
  auto customer_ref = in.required_text(field::kCustomerRef);
  if (!customer_ref) return Unexpected(customer_ref.error());
  order.customer_ref = std::move(*customer_ref);
  order.order_number = in.text(field::kOrderNumber);
  order.status = unicode_text::to_lower(in.text(field::kStatus));
  auto ordered_at = in.timestamp(field::kOrderedAt, timestamps_);
  if (!ordered_at) return Unexpected(ordered_at.error());
  order.ordered_at = *ordered_at;

  for (std::size_t i = 0; i < record.lines.size(); ++i) {
    auto line = read_line(record.lines[i], static_cast<int>(i + 1));
    if (!line) return Unexpected(line.error());
    order.lines.push_back(std::move(*line));
  }
  auto total = total_of(record.fields, order.lines);
  if (!total) return Unexpected(total.error());
  order.total = *total;

  auto currency = currency_of(record.fields, has_amounts(order), warnings);
  if (!currency) return Unexpected(currency.error());
  order.currency = std::move(*currency);
  return order;
}

Expected<OrderLine, std::string> OrderNormalizer::read_line(const sdk::FieldMap& fields, int line_no) {
  const FieldReader in(fields, line_no);
  OrderLine line;
  line.line_no = line_no;
  line.sku = in.text(field::kSku);
  line.description = in.text(field::kDescription);
  auto quantity = in.decimal(field::kQuantity);
  auto unit_price = in.decimal(field::kUnitPrice);
  auto line_total = in.decimal(field::kLineTotal);
  for (const auto* amount : {&quantity, &unit_price, &line_total}) {
    if (!*amount) return Unexpected(amount->error());
  }
  if (*quantity) line.quantity = **quantity;
  line.unit_price = *unit_price;
  line.line_total = *line_total;
  if (!line.line_total && line.unit_price) {
    line.line_total = Decimal::checked_multiply(line.quantity, *line.unit_price);
    if (!line.line_total) {
      return Unexpected(in.describe(field::kLineTotal) + ": quantity * unit_price overflows");
    }
  }
  return line;
}

Expected<std::optional<Decimal>, std::string> OrderNormalizer::total_of(const sdk::FieldMap& fields,
                                                                        const std::vector<OrderLine>& lines) {
  const FieldReader in(fields);
  auto given = in.decimal(field::kTotal);
  if (!given || *given || lines.empty()) return given;
  std::optional<Decimal> sum = Decimal(0, 0);
  for (const OrderLine& line : lines) {
    // A partial sum would look like a real total; better none.
    if (!line.line_total) return std::optional<Decimal>();
    sum = Decimal::checked_add(*sum, *line.line_total);
    if (!sum) return Unexpected(in.describe(field::kTotal) + ": the sum of the line totals overflows");
  }
  return sum;
}

Expected<std::string, std::string> OrderNormalizer::currency_of(const sdk::FieldMap& fields,
                                                                bool amounts_given,
                                                                std::vector<std::string>& warnings) const {
  const FieldReader in(fields);
  const std::string stated = in.text(field::kCurrency);
  if (stated.empty()) {
    if (amounts_given && default_currency_.empty()) {
      return Unexpected(in.describe(field::kCurrency) + " is missing and no default_currency is configured");
    }
    return default_currency_;
  }
  if (auto code = currencies_.normalize(stated)) return std::move(*code);
  const std::string problem = in.describe(field::kCurrency) + ": '" + stated + "' is not a known currency";
  // Without amounts the currency carries no meaning yet; keep the order.
  if (amounts_given) return Unexpected(problem);
  warnings.push_back(problem + "; left empty");
  return std::string();
}

}  // namespace crmsync::model
