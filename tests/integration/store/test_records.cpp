#include "tests/integration/store/test_records.hpp"

#include <stdexcept>
#include <utility>
#include <vector>

#include "daemon/model/customer_normalizer.hpp"
#include "daemon/model/phone_normalizer.hpp"

namespace crmsync::store::testing {
namespace {

model::NormalizedRecord record(const std::string& external_id, sdk::EntityType entity,
                               const std::string& body, const std::string& version) {
  model::NormalizedRecord r;
  r.external_id = external_id;
  r.entity = entity;
  r.payload = R"({"id":")" + external_id + R"(","version":")" + version + R"(",)" + body + "}";
  r.payload_hash = "hash-of:" + std::to_string(std::hash<std::string>{}(r.payload));
  r.location = "test:" + external_id;
  return r;
}

}  // namespace

model::NormalizedRecord customer_record(const std::string& external_id, const std::string& name,
                                        const std::string& email, const std::string& version) {
  auto r = record(external_id, sdk::EntityType::customer, R"("name":")" + name + R"(")", version);
  model::Customer customer;
  customer.name = name;
  customer.name_key = name;
  if (!email.empty()) customer.email = model::Email{email, email};
  customer.country = "DE";
  customer.tier = "gold";
  r.data = customer;
  return r;
}

model::NormalizedRecord source_customer(const std::string& external_id, const sdk::FieldMap& fields,
                                        const std::string& version) {
  std::string body;
  for (const auto& [key, value] : fields)
    body += (body.empty() ? "\"" : ",\"") + key + "\":\"" + value + "\"";
  auto r = record(external_id, sdk::EntityType::customer, body, version);
  static const model::PhoneNormalizer phones("DE");
  const model::CustomerNormalizer normalizer(phones);
  std::vector<std::string> warnings;
  auto customer = normalizer.normalize(fields, warnings);
  if (!customer) throw std::invalid_argument(external_id + ": " + customer.error());
  r.data = std::move(customer).value();
  return r;
}

model::NormalizedRecord order_record(const std::string& external_id, const model::Order& order,
                                     const std::string& version) {
  auto r = record(
      external_id, sdk::EntityType::order,
      R"("customer":")" + order.customer_ref + R"(","lines":)" + std::to_string(order.lines.size()), version);
  r.data = order;
  return r;
}

model::NormalizedRecord feedback_record(const std::string& external_id, const model::Feedback& feedback,
                                        const std::string& version) {
  auto r = record(external_id, sdk::EntityType::feedback,
                  R"("customer":")" + feedback.customer_ref + R"(","order":")" + feedback.order_ref + R"(")",
                  version);
  r.data = feedback;
  return r;
}

model::NormalizedRecord deleted(model::NormalizedRecord record) {
  record.deleted = true;
  record.payload = R"({"id":")" + record.external_id + R"(","deleted":true})";
  record.payload_hash = "hash-of:" + std::to_string(std::hash<std::string>{}(record.payload));
  return record;
}

model::Decimal decimal(const std::string& text) {
  auto parsed = model::Decimal::parse(text);
  if (!parsed) throw std::invalid_argument("not a decimal: " + text);
  return *parsed;
}

BatchWrite batch(const std::string& instance, const std::string& stream, const std::string& cursor) {
  BatchWrite b;
  b.instance = instance;
  b.stream = stream;
  b.cursor = cursor;
  return b;
}

}  // namespace crmsync::store::testing
