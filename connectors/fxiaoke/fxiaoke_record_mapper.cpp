#include "fxiaoke_record_mapper.hpp"

#include <initializer_list>
#include <utility>

#include "json_field.hpp"

namespace crmsync::fxiaoke {
namespace {

namespace field = sdk::field;

std::optional<std::string> first_of(const nlohmann::json& from,
                                    std::initializer_list<std::string_view> names) {
  for (const auto name : names) {
    if (auto text = json_field_text(from, name)) return text;
  }
  return std::nullopt;
}

void copy(const nlohmann::json& from, std::initializer_list<std::string_view> names, sdk::FieldMap& to,
          const char* canonical) {
  if (auto text = first_of(from, names)) to[canonical] = std::move(*text);
}

// Voided (作废) records have life_status "invalid"; deleted ones is_deleted.
bool is_gone(const nlohmann::json& row) {
  return json_field_text(row, "is_deleted") == std::optional<std::string>("true") ||
         json_field_text(row, "life_status") == std::optional<std::string>("invalid");
}

}  // namespace

FxiaokeRecordMapper::FxiaokeRecordMapper(std::string currency) : currency_(std::move(currency)) {}

MappedRow FxiaokeRecordMapper::map(const FxiaokeStream& stream, const nlohmann::json& row,
                                   const std::string& location) const {
  MappedRow mapped;
  if (!row.is_object()) {
    mapped.rejection =
        sdk::Rejection{"", location, stream.object_api_name + " row is not an object", json_payload(row)};
    return mapped;
  }
  mapped.modified_millis = json_field_millis(row, "last_modified_time");
  const std::optional<std::string> id = json_field_text(row, "_id");
  if (!id) {
    mapped.rejection =
        sdk::Rejection{"", location, stream.object_api_name + " row without an _id", json_payload(row)};
    return mapped;
  }
  sdk::RawRecord record;
  record.external_id = *id;
  record.entity = stream.entity;
  record.location = location + " " + stream.object_api_name + " " + *id;
  record.payload = json_payload(row);
  record.deleted = is_gone(row);
  copy(row, {"last_modified_time"}, record.fields, field::kUpdatedAt);
  if (stream.object_api_name == "AccountObj") {
    map_account(row, record.fields);
  } else if (stream.object_api_name == "ContactObj") {
    map_contact(row, record.fields);
  } else if (stream.object_api_name == "SalesOrderObj") {
    map_order(row, record.fields);
  } else {
    map_case(row, record.fields);
  }
  mapped.record = std::move(record);
  return mapped;
}

void FxiaokeRecordMapper::map_account(const nlohmann::json& row, sdk::FieldMap& fields) {
  fields[field::kKind] = "organisation";
  copy(row, {"name"}, fields, field::kName);
  copy(row, {"name"}, fields, field::kCompany);
  copy(row, {"tel", "phone"}, fields, field::kPhone);
  copy(row, {"email"}, fields, field::kEmail);
  copy(row, {"address"}, fields, field::kAddress);
  copy(row, {"city__r", "city"}, fields, field::kCity);
  copy(row, {"country__r", "country"}, fields, field::kCountry);
  copy(row, {"account_level__r", "account_level"}, fields, field::kTier);
  copy(row, {"uniform_social_credit_code"}, fields, field::kTaxId);
  copy(row, {"owner__r.name", "owner"}, fields, field::kOwner);
}

void FxiaokeRecordMapper::map_contact(const nlohmann::json& row, sdk::FieldMap& fields) {
  fields[field::kKind] = "person";
  copy(row, {"name"}, fields, field::kName);
  copy(row, {"mobile1", "mobile", "tel1", "tel"}, fields, field::kPhone);
  copy(row, {"email"}, fields, field::kEmail);
  copy(row, {"account_id__r"}, fields, field::kCompany);
  copy(row, {"add", "address"}, fields, field::kAddress);
  copy(row, {"date_of_birth", "birthday"}, fields, field::kDateOfBirth);
  copy(row, {"owner__r.name", "owner"}, fields, field::kOwner);
}

void FxiaokeRecordMapper::map_order(const nlohmann::json& row, sdk::FieldMap& fields) const {
  copy(row, {"account_id"}, fields, field::kCustomerRef);
  copy(row, {"name"}, fields, field::kOrderNumber);
  copy(row, {"order_status__r", "order_status"}, fields, field::kStatus);
  copy(row, {"order_time"}, fields, field::kOrderedAt);
  copy(row, {"order_amount"}, fields, field::kTotal);
  if (auto currency = json_field_text(row, "currency")) {
    fields[field::kCurrency] = *currency;
  } else {
    fields[field::kCurrency] = currency_;
  }
}

void FxiaokeRecordMapper::map_case(const nlohmann::json& row, sdk::FieldMap& fields) {
  fields[field::kFeedbackKind] = "complaint";
  copy(row, {"contact_id", "account_id"}, fields, field::kCustomerRef);
  copy(row, {"sales_order_id"}, fields, field::kOrderRef);
  const std::string title = json_field_text(row, "name").value_or("");
  const std::string description = first_of(row, {"description", "remark"}).value_or("");
  const std::string comment =
      title.empty() || description.empty() ? title + description : title + "\n" + description;
  if (!comment.empty()) fields[field::kComment] = comment;
  copy(row, {"create_time"}, fields, field::kReceivedAt);
}

sdk::FieldMap FxiaokeRecordMapper::map_line(const nlohmann::json& line) {
  sdk::FieldMap fields;
  copy(line, {"product_code", "product_id"}, fields, field::kSku);
  copy(line, {"product_id__r", "remark"}, fields, field::kDescription);
  copy(line, {"quantity"}, fields, field::kQuantity);
  copy(line, {"sales_price", "price"}, fields, field::kUnitPrice);
  copy(line, {"subtotal"}, fields, field::kLineTotal);
  return fields;
}

}  // namespace crmsync::fxiaoke
