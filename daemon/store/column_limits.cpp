#include "daemon/store/column_limits.hpp"

#include <set>
#include <stdexcept>
#include <string_view>
#include <variant>

#include "daemon/store/utc_timestamp.hpp"
#include "daemon/store/utf8_text.hpp"

namespace crmsync::store {
namespace {

using Problem = std::optional<std::string>;

Problem text_problem(std::string_view field, std::string_view value, std::size_t max_length = 0) {
  if (!Utf8Text::storable(value)) return std::string(field) + " is not valid UTF-8 text";
  if (max_length > 0 && Utf8Text::length(value) > max_length) {
    return std::string(field) + " is longer than " + std::to_string(max_length) + " characters";
  }
  return std::nullopt;
}

Problem time_problem(std::string_view field, const std::optional<std::chrono::sys_seconds>& time) {
  if (time && !UtcTimestamp::fits(*time)) return std::string(field) + " is outside the years 0000-9999";
  return std::nullopt;
}

Problem amount_problem(std::string_view field, const std::optional<model::Decimal>& amount) {
  if (amount && !ColumnLimits::fits(*amount)) {
    return std::string(field) + " needs more than " + std::to_string(ColumnLimits::kDecimalIntegerDigits) +
           " digits before or " + std::to_string(ColumnLimits::kDecimalScale) + " after the point";
  }
  return std::nullopt;
}

// The first problem of a list, or none.
Problem first(std::initializer_list<Problem> problems) {
  for (const auto& problem : problems) {
    if (problem) return problem;
  }
  return std::nullopt;
}

Problem customer_problem(const model::Customer& c) {
  return first({text_problem("kind", c.kind, ColumnLimits::kKindLength), text_problem("name", c.name),
                text_problem("name_key", c.name_key, ColumnLimits::kNameKeyLength),
                text_problem("email", c.email ? c.email->canonical : "", ColumnLimits::kEmailLength),
                text_problem("email", c.email ? c.email->raw : ""),
                text_problem("phone", c.phone ? c.phone->e164 : "", ColumnLimits::kPhoneLength),
                text_problem("phone", c.phone ? c.phone->raw : ""), text_problem("company", c.company),
                text_problem("country", c.country, ColumnLimits::kCountryLength),
                text_problem("city", c.city), text_problem("address", c.address),
                text_problem("postcode", c.postcode),
                text_problem("date_of_birth", c.date_of_birth, ColumnLimits::kDateLength),
                text_problem("tax_id", c.tax_id), text_problem("tier", c.tier),
                text_problem("lifecycle_stage", c.lifecycle_stage), text_problem("owner", c.owner)});
}

Problem order_line_problem(const model::OrderLine& line, std::set<int>& seen_line_numbers) {
  const std::string prefix = "line " + std::to_string(line.line_no) + " ";
  if (!seen_line_numbers.insert(line.line_no).second) return prefix + "appears twice";
  return first({text_problem(prefix + "sku", line.sku),
                text_problem(prefix + "description", line.description),
                amount_problem(prefix + "quantity", line.quantity),
                amount_problem(prefix + "unit_price", line.unit_price),
                amount_problem(prefix + "line_total", line.line_total)});
}

Problem order_problem(const model::Order& o) {
  if (!o.currency.empty() && o.currency.size() != ColumnLimits::kCurrencyLength) {
    return "currency '" + Utf8Text::sanitized(o.currency) + "' is not a three-letter ISO 4217 code";
  }
  if (auto problem = first({text_problem("customer_ref", o.customer_ref, ColumnLimits::kReferenceLength),
                            text_problem("order_number", o.order_number, ColumnLimits::kReferenceLength),
                            text_problem("status", o.status), text_problem("currency", o.currency),
                            time_problem("ordered_at", o.ordered_at), amount_problem("total", o.total)})) {
    return problem;
  }
  std::set<int> seen_line_numbers;
  for (const auto& line : o.lines) {
    if (auto problem = order_line_problem(line, seen_line_numbers)) return problem;
  }
  return std::nullopt;
}

Problem feedback_problem(const model::Feedback& f) {
  return first({text_problem("customer_ref", f.customer_ref, ColumnLimits::kReferenceLength),
                text_problem("order_ref", f.order_ref, ColumnLimits::kReferenceLength),
                text_problem("feedback_kind", f.kind, ColumnLimits::kKindLength),
                text_problem("comment", f.comment), time_problem("received_at", f.received_at)});
}

sdk::EntityType entity_of(const model::NormalizedRecord& record) {
  if (std::holds_alternative<model::Order>(record.data)) return sdk::EntityType::order;
  if (std::holds_alternative<model::Feedback>(record.data)) return sdk::EntityType::feedback;
  return sdk::EntityType::customer;
}

}  // namespace

std::optional<std::string> ColumnLimits::violation(const model::NormalizedRecord& record) {
  if (entity_of(record) != record.entity) {
    throw std::invalid_argument(std::string("record is marked ") + sdk::to_string(record.entity) +
                                " but carries " + sdk::to_string(entity_of(record)) + " data");
  }
  if (record.external_id.empty()) return "record has no external id";
  if (auto problem = first({text_problem("external id", record.external_id, kExternalIdLength),
                            text_problem("payload", record.payload),
                            text_problem("payload hash", record.payload_hash, kPayloadHashLength),
                            time_problem("updated_at", record.source_updated_at)})) {
    return problem;
  }
  if (record.deleted) return std::nullopt;  // only the source record is written
  return std::visit(
      [](const auto& data) -> Problem {
        using Data = std::decay_t<decltype(data)>;
        if constexpr (std::is_same_v<Data, model::Customer>) return customer_problem(data);
        if constexpr (std::is_same_v<Data, model::Order>) return order_problem(data);
        if constexpr (std::is_same_v<Data, model::Feedback>) return feedback_problem(data);
      },
      record.data);
}

void ColumnLimits::check_stream_names(const std::string& instance, const std::string& stream) {
  for (const auto& [what, name] : {std::pair{"instance", &instance}, std::pair{"stream", &stream}}) {
    if (name->empty() || !Utf8Text::storable(*name) || Utf8Text::length(*name) > kNameLength) {
      throw std::invalid_argument(std::string(what) + " name must be 1 to " + std::to_string(kNameLength) +
                                  " characters of UTF-8 text");
    }
  }
}

bool ColumnLimits::fits(const model::Decimal& amount) {
  __extension__ using Unsigned = unsigned __int128;
  model::Int128 unscaled = amount.unscaled();
  int scale = amount.scale();
  while (scale > kDecimalScale && unscaled % 10 == 0) {
    unscaled /= 10;
    --scale;
  }
  for (; scale < 0; ++scale) {  // a negative scale multiplies
    unscaled *= 10;
    if (unscaled > model::Int128{1} << 100 || unscaled < -(model::Int128{1} << 100)) return false;
  }
  if (scale > kDecimalScale) return false;
  Unsigned integer_part =
      unscaled < 0 ? Unsigned(0) - static_cast<Unsigned>(unscaled) : static_cast<Unsigned>(unscaled);
  for (int i = 0; i < scale; ++i) integer_part /= 10;
  Unsigned limit = 1;
  for (int i = 0; i < kDecimalIntegerDigits; ++i) limit *= 10;
  return integer_part < limit;
}

}  // namespace crmsync::store
