#include "zoho_record_mapper.hpp"

#include <optional>

#include "json_text.hpp"

namespace crmsync::zoho_crm {
namespace {

namespace field = sdk::field;
using nlohmann::json;

void put(sdk::FieldMap& fields, const char* name, const std::optional<std::string>& value) {
  if (value) fields[name] = *value;
}

std::optional<std::string> first_of(const json& record, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (auto text = member_text(record, key)) return text;
  }
  return std::nullopt;
}

// Street, state: the canonical model has one address line, so the state
// travels with the street rather than being dropped.
std::optional<std::string> address_of(const json& record, const char* street_key, const char* state_key) {
  auto street = member_text(record, street_key);
  const auto state = member_text(record, state_key);
  if (street && state) return *street + ", " + *state;
  return street ? street : state;
}

std::optional<std::string> owner_of(const json& record) {
  if (auto email = lookup_text(record, "Owner", "email")) return email;
  return lookup_text(record, "Owner", "name");
}

// Ordered_Items (v3 and later) or Product_Details (v2): one canonical line each.
void map_lines(const json& items, std::vector<sdk::FieldMap>& lines) {
  if (!items.is_array()) return;
  for (const auto& item : items) {
    if (!item.is_object()) continue;
    sdk::FieldMap line;
    const json product =
        item.contains("Product_Name") ? item["Product_Name"] : item.value("product", json(nullptr));
    auto sku = first_of(item, {"Product_Code"});
    if (!sku) sku = member_text(product, "Product_Code");
    if (!sku) sku = product.is_object() ? member_text(product, "id") : std::nullopt;
    put(line, field::kSku, sku);
    auto description = product.is_object() ? member_text(product, "name") : json_text(product);
    if (!description) description = first_of(item, {"Description", "product_description"});
    put(line, field::kDescription, description);
    put(line, field::kQuantity, first_of(item, {"Quantity", "quantity"}));
    put(line, field::kUnitPrice, first_of(item, {"List_Price", "list_price", "Unit_Price", "unit_price"}));
    put(line, field::kLineTotal, first_of(item, {"Net_Total", "net_total", "Total", "total"}));
    lines.push_back(std::move(line));
  }
}

}  // namespace

ZohoRecordMapper::Result ZohoRecordMapper::map(const ZohoModule& module, const json& record,
                                               const std::string& location) const {
  sdk::RawRecord out;
  out.payload = record.dump();
  out.location = location;
  const auto id = member_text(record, "id");
  if (!id) {
    return sdk::Rejection{"", location, "Zoho " + module.api_name + " record without an id", out.payload};
  }
  out.external_id = *id;
  out.entity = module.entity;
  put(out.fields, field::kUpdatedAt, member_text(record, "Modified_Time"));
  switch (module.shape) {
    case ZohoModule::Shape::contact:
      map_contact(record, out.fields);
      break;
    case ZohoModule::Shape::account:
      map_account(record, out.fields);
      break;
    case ZohoModule::Shape::sales_order:
      map_sales_order(record, out);
      break;
    case ZohoModule::Shape::note:
      map_note(record, out.fields);
      break;
    case ZohoModule::Shape::support_case:
      map_case(record, out.fields);
      break;
  }
  return out;
}

ZohoRecordMapper::Result ZohoRecordMapper::map_deletion(const ZohoModule& module, const json& entry,
                                                        const std::string& location) const {
  sdk::RawRecord out;
  out.payload = entry.dump();
  out.location = location;
  const auto id = member_text(entry, "id");
  if (!id) {
    return sdk::Rejection{"", location, "Zoho " + module.api_name + " deletion without an id", out.payload};
  }
  out.external_id = *id;
  out.entity = module.entity;
  out.deleted = true;
  put(out.fields, field::kUpdatedAt, member_text(entry, "deleted_time"));
  return out;
}

void ZohoRecordMapper::map_contact(const json& record, sdk::FieldMap& fields) {
  fields[field::kKind] = "person";
  const auto given = member_text(record, "First_Name");
  const auto family = member_text(record, "Last_Name");
  put(fields, field::kGivenName, given);
  put(fields, field::kFamilyName, family);
  auto name = member_text(record, "Full_Name");
  if (!name && given && family) name = *given + " " + *family;
  put(fields, field::kName, name ? name : (family ? family : given));
  put(fields, field::kEmail, first_of(record, {"Email", "Secondary_Email"}));
  put(fields, field::kPhone, first_of(record, {"Phone", "Mobile"}));
  put(fields, field::kCompany, lookup_text(record, "Account_Name", "name"));
  put(fields, field::kAddress, address_of(record, "Mailing_Street", "Mailing_State"));
  put(fields, field::kCity, member_text(record, "Mailing_City"));
  put(fields, field::kPostcode, member_text(record, "Mailing_Zip"));
  put(fields, field::kCountry, member_text(record, "Mailing_Country"));
  put(fields, field::kDateOfBirth, member_text(record, "Date_of_Birth"));
  put(fields, field::kLifecycleStage, member_text(record, "Lead_Source"));
  put(fields, field::kOwner, owner_of(record));
}

void ZohoRecordMapper::map_account(const json& record, sdk::FieldMap& fields) {
  fields[field::kKind] = "organisation";
  const auto name = lookup_text(record, "Account_Name", "name");
  put(fields, field::kName, name);
  put(fields, field::kCompany, name);
  put(fields, field::kPhone, member_text(record, "Phone"));
  put(fields, field::kAddress, address_of(record, "Billing_Street", "Billing_State"));
  put(fields, field::kCity, member_text(record, "Billing_City"));
  put(fields, field::kPostcode, member_text(record, "Billing_Code"));
  put(fields, field::kCountry, member_text(record, "Billing_Country"));
  put(fields, field::kTier, member_text(record, "Rating"));
  put(fields, field::kLifecycleStage, member_text(record, "Account_Type"));
  put(fields, field::kOwner, owner_of(record));
}

void ZohoRecordMapper::map_sales_order(const json& record, sdk::RawRecord& out) {
  auto& fields = out.fields;
  // The person who ordered when Zoho names one, else the account.
  auto customer = lookup_text(record, "Contact_Name", "id");
  if (!customer) customer = lookup_text(record, "Account_Name", "id");
  put(fields, field::kCustomerRef, customer);
  put(fields, field::kOrderNumber, first_of(record, {"SO_Number", "id"}));
  put(fields, field::kStatus, member_text(record, "Status"));
  put(fields, field::kOrderedAt, first_of(record, {"Created_Time", "Due_Date"}));
  put(fields, field::kCurrency, member_text(record, "Currency"));
  put(fields, field::kTotal, first_of(record, {"Grand_Total", "Sub_Total"}));
  put(fields, field::kOwner, owner_of(record));
  if (record.contains("Ordered_Items")) {
    map_lines(record["Ordered_Items"], out.lines);
  } else if (record.contains("Product_Details")) {
    map_lines(record["Product_Details"], out.lines);
  }
}

void ZohoRecordMapper::map_note(const json& record, sdk::FieldMap& fields) {
  fields[field::kFeedbackKind] = "note";
  const auto title = member_text(record, "Note_Title");
  const auto content = member_text(record, "Note_Content");
  if (title && content) {
    fields[field::kComment] = *title + "\n" + *content;
  } else {
    put(fields, field::kComment, title ? title : content);
  }
  put(fields, field::kReceivedAt, member_text(record, "Created_Time"));
  // v2 names the parent module in "$se_module"; v8 inside Parent_Id.module.
  std::optional<std::string> parent_module = member_text(record, "$se_module");
  if (!parent_module && record.contains("Parent_Id") && record["Parent_Id"].is_object())
    parent_module = lookup_text(record["Parent_Id"], "module", "api_name");
  const auto parent = lookup_text(record, "Parent_Id", "id");
  if (parent_module && (*parent_module == "Sales_Orders" || *parent_module == "Deals")) {
    put(fields, field::kOrderRef, parent);
  } else {
    put(fields, field::kCustomerRef, parent);
  }
}

// A support case is a complaint from the contact (or account) it names.
void ZohoRecordMapper::map_case(const json& record, sdk::FieldMap& fields) {
  fields[field::kFeedbackKind] = "complaint";
  const auto subject = member_text(record, "Subject");
  const auto description = member_text(record, "Description");
  if (subject && description) {
    fields[field::kComment] = *subject + "\n" + *description;
  } else {
    put(fields, field::kComment, subject ? subject : description);
  }
  put(fields, field::kReceivedAt, member_text(record, "Created_Time"));
  auto customer = lookup_text(record, "Contact_Name", "id");
  if (!customer) customer = lookup_text(record, "Account_Name", "id");
  put(fields, field::kCustomerRef, customer);
}

}  // namespace crmsync::zoho_crm
