#include "salesforce_record_mapper.hpp"

#include <utility>

#include "json_field.hpp"
#include "salesforce_time.hpp"

namespace crmsync::salesforce {
namespace {

namespace field = sdk::field;

// Copies a vendor field into a canonical one when it has a value.
void copy(const nlohmann::json& from, std::string_view vendor_field, sdk::FieldMap& to,
          const char* canonical) {
  if (auto text = json_field_text(from, vendor_field)) to[canonical] = std::move(*text);
}

// The first of several vendor fields that has a value.
std::optional<std::string> first_of(const nlohmann::json& from,
                                    std::initializer_list<std::string_view> fields) {
  for (const auto vendor_field : fields) {
    if (auto text = json_field_text(from, vendor_field)) return text;
  }
  return std::nullopt;
}

}  // namespace

SalesforceRecordMapper::SalesforceRecordMapper(std::string default_currency)
    : default_currency_(std::move(default_currency)) {}

MappedRow SalesforceRecordMapper::map(const SalesforceStream& stream, const nlohmann::json& row,
                                      const std::string& location) const {
  MappedRow mapped;
  const std::optional<std::string> id = row.is_object() ? json_field_text(row, "Id") : std::nullopt;
  if (!id) {
    mapped.rejection = sdk::Rejection{"", location, stream.sobject + " row without an Id", json_payload(row)};
    return mapped;
  }
  sdk::RawRecord record;
  record.external_id = *id;
  record.entity = stream.entity;
  record.location = location + " " + stream.sobject + " " + *id;
  record.payload = json_payload(row);
  record.deleted = json_field_text(row, "IsDeleted") == std::optional<std::string>("true");
  if (auto modstamp = json_field_text(row, "SystemModstamp")) {
    mapped.modstamp_millis = SalesforceTime::parse_millis(*modstamp);
    record.fields[field::kUpdatedAt] = *modstamp;
  }
  if (stream.sobject == "Account") {
    map_account(row, record);
  } else if (stream.sobject == "Contact") {
    map_contact(row, record);
  } else if (stream.sobject == "Order") {
    map_order(row, record);
  } else {
    map_case(row, record);
  }
  mapped.record = std::move(record);
  return mapped;
}

void SalesforceRecordMapper::map_account(const nlohmann::json& row, sdk::RawRecord& record) const {
  auto& fields = record.fields;
  fields[field::kKind] = "organisation";
  copy(row, "Name", fields, field::kName);
  copy(row, "Name", fields, field::kCompany);
  copy(row, "Phone", fields, field::kPhone);
  copy(row, "BillingStreet", fields, field::kAddress);
  copy(row, "BillingCity", fields, field::kCity);
  copy(row, "BillingPostalCode", fields, field::kPostcode);
  copy(row, "BillingCountry", fields, field::kCountry);
  copy(row, "Type", fields, field::kLifecycleStage);
  copy(row, "OwnerId", fields, field::kOwner);
}

void SalesforceRecordMapper::map_contact(const nlohmann::json& row, sdk::RawRecord& record) const {
  auto& fields = record.fields;
  fields[field::kKind] = "person";
  copy(row, "FirstName", fields, field::kGivenName);
  copy(row, "LastName", fields, field::kFamilyName);
  if (auto name = json_field_text(row, "Name")) {
    fields[field::kName] = *name;
  } else {
    const std::string given = json_field_text(row, "FirstName").value_or("");
    const std::string family = json_field_text(row, "LastName").value_or("");
    const std::string joined = given.empty() || family.empty() ? given + family : given + " " + family;
    if (!joined.empty()) fields[field::kName] = joined;
  }
  copy(row, "Email", fields, field::kEmail);
  if (auto phone = first_of(row, {"Phone", "MobilePhone"})) fields[field::kPhone] = *phone;
  copy(row, "Account.Name", fields, field::kCompany);
  copy(row, "Birthdate", fields, field::kDateOfBirth);
  copy(row, "MailingStreet", fields, field::kAddress);
  copy(row, "MailingCity", fields, field::kCity);
  copy(row, "MailingPostalCode", fields, field::kPostcode);
  copy(row, "MailingCountry", fields, field::kCountry);
  copy(row, "OwnerId", fields, field::kOwner);
}

void SalesforceRecordMapper::map_order(const nlohmann::json& row, sdk::RawRecord& record) const {
  auto& fields = record.fields;
  copy(row, "AccountId", fields, field::kCustomerRef);
  copy(row, "OrderNumber", fields, field::kOrderNumber);
  copy(row, "Status", fields, field::kStatus);
  copy(row, "EffectiveDate", fields, field::kOrderedAt);
  copy(row, "TotalAmount", fields, field::kTotal);
  if (auto currency = json_field_text(row, "CurrencyIsoCode")) {
    fields[field::kCurrency] = *currency;
  } else if (!default_currency_.empty()) {
    fields[field::kCurrency] = default_currency_;
  }
  const auto items = row.find("OrderItems");
  if (items == row.end() || !items->is_object()) return;
  const auto item_rows = items->find("records");
  if (item_rows == items->end() || !item_rows->is_array()) return;
  for (const auto& item : *item_rows) {
    sdk::FieldMap line;
    if (auto sku = first_of(item, {"Product2.ProductCode", "Product2Id"})) line[field::kSku] = *sku;
    if (auto text = first_of(item, {"Description", "Product2.Name"})) line[field::kDescription] = *text;
    copy(item, "Quantity", line, field::kQuantity);
    copy(item, "UnitPrice", line, field::kUnitPrice);
    copy(item, "TotalPrice", line, field::kLineTotal);
    record.lines.push_back(std::move(line));
  }
}

void SalesforceRecordMapper::map_case(const nlohmann::json& row, sdk::RawRecord& record) const {
  auto& fields = record.fields;
  fields[field::kFeedbackKind] = "complaint";
  if (auto customer = first_of(row, {"ContactId", "AccountId"})) fields[field::kCustomerRef] = *customer;
  const std::string subject = json_field_text(row, "Subject").value_or("");
  const std::string description = json_field_text(row, "Description").value_or("");
  const std::string comment =
      subject.empty() || description.empty() ? subject + description : subject + "\n" + description;
  if (!comment.empty()) fields[field::kComment] = comment;
  copy(row, "Status", fields, field::kStatus);
  copy(row, "CreatedDate", fields, field::kReceivedAt);
}

}  // namespace crmsync::salesforce
