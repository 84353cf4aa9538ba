#include "hubspot_record_mapper.hpp"

#include <algorithm>
#include <optional>

#include "json_text.hpp"

namespace crmsync::hubspot {
namespace {

namespace field = sdk::field;
using nlohmann::json;

void put(sdk::FieldMap& fields, const char* name, const std::optional<std::string>& value) {
  if (value) fields[name] = *value;
}

const json& properties_of(const json& record) {
  static const json kNone = json::object();
  if (!record.is_object()) return kNone;
  const auto it = record.find("properties");
  return it != record.end() && it->is_object() ? *it : kNone;
}

std::optional<std::string> first_of(const json& properties, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    if (auto text = member_text(properties, key)) return text;
  }
  return std::nullopt;
}

std::optional<std::string> address_of(const json& properties) {
  auto street = member_text(properties, "address");
  const auto state = member_text(properties, "state");
  if (street && state) return *street + ", " + *state;
  return street ? street : state;
}

// Notes are HTML; the comment is plain text. Tags go, the common entities are read.
std::string plain_text(const std::string& html) {
  std::string out;
  bool in_tag = false;
  for (std::size_t i = 0; i < html.size(); ++i) {
    const char c = html[i];
    if (in_tag) {
      in_tag = c != '>';
      continue;
    }
    if (c == '<') {
      const std::string tag = html.substr(i, 4);
      if ((tag == "<br>" || tag == "<br/" || tag == "</p>" || tag == "<br ") && !out.empty() &&
          out.back() != '\n')
        out += '\n';
      in_tag = true;
      continue;
    }
    if (c == '&') {
      static const std::pair<const char*, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&nbsp;", ' '}};
      bool replaced = false;
      for (const auto& [entity, character] : kEntities) {
        const std::string name(entity);
        if (html.compare(i, name.size(), name) == 0) {
          out += character;
          i += name.size() - 1;
          replaced = true;
          break;
        }
      }
      if (replaced) continue;
    }
    out += c;
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace

std::vector<std::string> HubSpotRecordMapper::associated_ids(const json& record, const std::string& type) {
  std::vector<std::string> ids;
  if (!record.is_object() || !record.contains("associations") || !record["associations"].is_object())
    return ids;
  const json& associations = record["associations"];
  // Responses name line items "line items" as well as "line_items".
  std::string spaced = type;
  for (char& c : spaced) c = c == '_' ? ' ' : c;
  const auto it = associations.contains(type) ? associations.find(type) : associations.find(spaced);
  if (it == associations.end() || !it->is_object() || !it->contains("results")) return ids;
  for (const auto& link : (*it)["results"]) {
    auto id = member_text(link, "id");
    if (!id) id = member_text(link, "toObjectId");
    if (id && std::find(ids.begin(), ids.end(), *id) == ids.end()) ids.push_back(*id);
  }
  return ids;
}

HubSpotRecordMapper::Result HubSpotRecordMapper::map(const HubSpotObject& object, const json& record,
                                                     const std::vector<json>& line_items,
                                                     const std::string& location) const {
  sdk::RawRecord out;
  json payload = record;
  if (object.shape == HubSpotObject::Shape::deal && payload.is_object()) payload["lineItems"] = line_items;
  out.payload = payload.dump();
  out.location = location;
  const json& properties = properties_of(record);
  auto id = member_text(record, "id");
  if (!id) id = member_text(properties, "hs_object_id");
  if (!id)
    return sdk::Rejection{"", location, "HubSpot " + object.type + " object without an id", out.payload};
  out.external_id = *id;
  out.entity = object.entity;
  auto updated = member_text(properties, object.modified_property.c_str());
  if (!updated) updated = member_text(record, "updatedAt");
  put(out.fields, field::kUpdatedAt, updated);
  switch (object.shape) {
    case HubSpotObject::Shape::contact:
      map_contact(properties, out.fields);
      break;
    case HubSpotObject::Shape::company:
      map_company(properties, out.fields);
      break;
    case HubSpotObject::Shape::deal:
      map_deal(record, line_items, out);
      break;
    case HubSpotObject::Shape::note:
      map_note(record, out.fields);
      break;
  }
  return out;
}

HubSpotRecordMapper::Result HubSpotRecordMapper::map_archived(const HubSpotObject& object, const json& record,
                                                              const std::string& location) const {
  sdk::RawRecord out;
  out.payload = record.dump();
  out.location = location;
  const auto id = member_text(record, "id");
  if (!id)
    return sdk::Rejection{"", location, "HubSpot archived " + object.type + " without an id", out.payload};
  out.external_id = *id;
  out.entity = object.entity;
  out.deleted = true;
  auto archived_at = member_text(record, "archivedAt");
  if (!archived_at) archived_at = member_text(record, "updatedAt");
  put(out.fields, field::kUpdatedAt, archived_at);
  return out;
}

void HubSpotRecordMapper::map_contact(const json& properties, sdk::FieldMap& fields) {
  fields[field::kKind] = "person";
  const auto given = member_text(properties, "firstname");
  const auto family = member_text(properties, "lastname");
  put(fields, field::kGivenName, given);
  put(fields, field::kFamilyName, family);
  if (given && family) {
    fields[field::kName] = *given + " " + *family;
  } else {
    put(fields, field::kName, given ? given : family);
  }
  put(fields, field::kEmail, member_text(properties, "email"));
  put(fields, field::kPhone, first_of(properties, {"phone", "mobilephone"}));
  put(fields, field::kCompany, member_text(properties, "company"));
  put(fields, field::kAddress, address_of(properties));
  put(fields, field::kCity, member_text(properties, "city"));
  put(fields, field::kPostcode, member_text(properties, "zip"));
  put(fields, field::kCountry, member_text(properties, "country"));
  put(fields, field::kDateOfBirth, member_text(properties, "date_of_birth"));
  put(fields, field::kLifecycleStage, member_text(properties, "lifecyclestage"));
  put(fields, field::kOwner, member_text(properties, "hubspot_owner_id"));
}

void HubSpotRecordMapper::map_company(const json& properties, sdk::FieldMap& fields) {
  fields[field::kKind] = "organisation";
  const auto name = member_text(properties, "name");
  put(fields, field::kName, name);
  put(fields, field::kCompany, name);
  put(fields, field::kPhone, member_text(properties, "phone"));
  put(fields, field::kAddress, address_of(properties));
  put(fields, field::kCity, member_text(properties, "city"));
  put(fields, field::kPostcode, member_text(properties, "zip"));
  put(fields, field::kCountry, member_text(properties, "country"));
  put(fields, field::kLifecycleStage, member_text(properties, "lifecyclestage"));
  put(fields, field::kOwner, member_text(properties, "hubspot_owner_id"));
}

void HubSpotRecordMapper::map_deal(const json& record, const std::vector<json>& line_items,
                                   sdk::RawRecord& out) {
  const json& properties = properties_of(record);
  auto& fields = out.fields;
  // The person on the deal when there is one, else the company.
  auto customers = associated_ids(record, "contacts");
  if (customers.empty()) customers = associated_ids(record, "companies");
  if (!customers.empty()) fields[field::kCustomerRef] = customers.front();
  put(fields, field::kOrderNumber, member_text(record, "id"));
  put(fields, field::kStatus, member_text(properties, "dealstage"));
  put(fields, field::kOrderedAt, first_of(properties, {"closedate", "createdate"}));
  put(fields, field::kCurrency, member_text(properties, "deal_currency_code"));
  put(fields, field::kTotal, member_text(properties, "amount"));
  put(fields, field::kOwner, member_text(properties, "hubspot_owner_id"));
  for (const auto& item : line_items) {
    const json& item_properties = properties_of(item);
    sdk::FieldMap line;
    put(line, field::kSku, first_of(item_properties, {"hs_sku", "hs_product_id"}));
    put(line, field::kDescription, first_of(item_properties, {"name", "description"}));
    put(line, field::kQuantity, member_text(item_properties, "quantity"));
    put(line, field::kUnitPrice, member_text(item_properties, "price"));
    put(line, field::kLineTotal, member_text(item_properties, "amount"));
    out.lines.push_back(std::move(line));
  }
}

void HubSpotRecordMapper::map_note(const json& record, sdk::FieldMap& fields) {
  const json& properties = properties_of(record);
  fields[field::kFeedbackKind] = "note";
  if (const auto body = member_text(properties, "hs_note_body")) fields[field::kComment] = plain_text(*body);
  put(fields, field::kReceivedAt, first_of(properties, {"hs_timestamp", "hs_createdate", "createdate"}));
  auto customers = associated_ids(record, "contacts");
  if (customers.empty()) customers = associated_ids(record, "companies");
  if (!customers.empty()) fields[field::kCustomerRef] = customers.front();
  const auto deals = associated_ids(record, "deals");
  if (!deals.empty()) fields[field::kOrderRef] = deals.front();
}

}  // namespace crmsync::hubspot
