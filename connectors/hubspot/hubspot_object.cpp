#include "hubspot_object.hpp"

namespace crmsync::hubspot {

const std::vector<HubSpotObject>& hubspot_objects() {
  static const std::vector<HubSpotObject> objects{
      {"contacts",
       "contacts",
       sdk::EntityType::customer,
       HubSpotObject::Shape::contact,
       "lastmodifieddate",
       {"firstname", "lastname", "email", "phone", "mobilephone", "company", "address", "city", "state",
        "zip", "country", "date_of_birth", "lifecyclestage", "hubspot_owner_id", "createdate",
        "lastmodifieddate"},
       ""},
      {"companies",
       "companies",
       sdk::EntityType::customer,
       HubSpotObject::Shape::company,
       "hs_lastmodifieddate",
       {"name", "domain", "phone", "address", "city", "state", "zip", "country", "industry", "lifecyclestage",
        "hubspot_owner_id", "createdate", "hs_lastmodifieddate"},
       ""},
      {"orders",
       "deals",
       sdk::EntityType::order,
       HubSpotObject::Shape::deal,
       "hs_lastmodifieddate",
       {"dealname", "amount", "deal_currency_code", "closedate", "dealstage", "pipeline", "hubspot_owner_id",
        "createdate", "hs_lastmodifieddate"},
       "contacts,companies,line_items"},
      {"feedback",
       "notes",
       sdk::EntityType::feedback,
       HubSpotObject::Shape::note,
       "hs_lastmodifieddate",
       {"hs_note_body", "hs_timestamp", "hubspot_owner_id", "hs_createdate", "hs_lastmodifieddate"},
       "contacts,companies,deals"},
  };
  return objects;
}

const HubSpotObject* find_hubspot_object(const std::string& stream) {
  for (const auto& object : hubspot_objects()) {
    if (object.stream == stream) return &object;
  }
  return nullptr;
}

const std::vector<std::string>& line_item_properties() {
  static const std::vector<std::string> properties{"name",   "quantity",      "price",      "amount",
                                                   "hs_sku", "hs_product_id", "description"};
  return properties;
}

}  // namespace crmsync::hubspot
