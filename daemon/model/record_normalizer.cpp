#include "daemon/model/record_normalizer.hpp"

#include <memory>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "daemon/model/canonical_payload.hpp"
#include "daemon/model/currency_normalizer.hpp"
#include "daemon/model/customer_normalizer.hpp"
#include "daemon/model/feedback_normalizer.hpp"
#include "daemon/model/field_reader.hpp"
#include "daemon/model/order_normalizer.hpp"
#include "daemon/model/phone_normalizer.hpp"
#include "daemon/model/sha256_hex.hpp"
#include "daemon/model/timestamp_parser.hpp"
#include "daemon/model/unicode_text.hpp"

namespace crmsync::model {

// Built once per connector instance: the country table and the time zone are
// loaded here, not per record. Members are declared before their users.
struct RecordNormalizer::Parts {
  explicit Parts(const NormalizerSettings& settings)
      : phones(settings.default_region),
        timestamps(settings.default_timezone),
        customers(phones),
        orders(timestamps, settings.default_currency),
        feedback(timestamps) {}

  PhoneNormalizer phones;
  TimestampParser timestamps;
  CustomerNormalizer customers;
  OrderNormalizer orders;
  FeedbackNormalizer feedback;
};

namespace {

NormalizerSettings validated(NormalizerSettings settings) {
  if (!settings.default_currency.empty() && !CurrencyNormalizer::is_iso_code(settings.default_currency)) {
    throw std::invalid_argument("default_currency '" + settings.default_currency +
                                "' is not an ISO 4217 currency code (upper case, e.g. CNY)");
  }
  return settings;
}

std::variant<Customer, Order, Feedback> empty_data(sdk::EntityType entity) {
  switch (entity) {
    case sdk::EntityType::order:
      return Order{};
    case sdk::EntityType::feedback:
      return Feedback{};
    case sdk::EntityType::customer:
      break;
  }
  return Customer{};
}

}  // namespace

RecordNormalizer::RecordNormalizer(NormalizerSettings settings)
    : settings_(validated(std::move(settings))), parts_(std::make_unique<const Parts>(settings_)) {}

RecordNormalizer::~RecordNormalizer() = default;

Expected<NormalizedRecord, std::string> RecordNormalizer::normalize(const sdk::RawRecord& record) const {
  if (unicode_text::trim(record.external_id).empty()) return Unexpected(std::string("missing external id"));
  NormalizedRecord out;
  out.external_id = record.external_id;
  out.entity = record.entity;
  out.deleted = record.deleted;
  out.location = record.location;
  // Without a payload from the source, a canonical text stands in, so the hash
  // still changes exactly when the record does.
  out.payload = record.payload.empty() ? canonical_payload(record) : record.payload;
  out.payload_hash = sha256_hex(out.payload);
  out.data = empty_data(record.entity);

  auto updated_at = FieldReader(record.fields).timestamp(sdk::field::kUpdatedAt, parts_->timestamps);
  if (updated_at) {
    out.source_updated_at = *updated_at;
  } else if (record.deleted) {
    // A deletion is applied whatever else the record says.
    out.warnings.push_back(updated_at.error());
  } else {
    return Unexpected(updated_at.error());
  }
  if (record.deleted) return out;

  switch (record.entity) {
    case sdk::EntityType::customer: {
      auto customer = parts_->customers.normalize(record.fields, out.warnings);
      if (!customer) return Unexpected(customer.error());
      out.data = std::move(*customer);
      break;
    }
    case sdk::EntityType::order: {
      auto order = parts_->orders.normalize(record, out.warnings);
      if (!order) return Unexpected(order.error());
      out.data = std::move(*order);
      break;
    }
    case sdk::EntityType::feedback: {
      auto feedback = parts_->feedback.normalize(record.fields);
      if (!feedback) return Unexpected(feedback.error());
      out.data = std::move(*feedback);
      break;
    }
  }
  return out;
}

}  // namespace crmsync::model
