#pragma once

#include <string>
#include <vector>

#include "crmsync/sdk/record.hpp"

namespace crmsync::hubspot {

// How a crmsync stream maps onto a HubSpot CRM object type.
struct HubSpotObject {
  enum class Shape { contact, company, deal, note };

  std::string stream;  // crmsync stream name
  std::string type;    // object type in /crm/v3/objects/<type>
  sdk::EntityType entity;
  Shape shape;
  // The last-modified property: contacts name it differently from the rest.
  std::string modified_property;
  std::vector<std::string> properties;
  // Object types whose associations a record needs (fetched singly); empty: none.
  std::string associations;
};

[[nodiscard]] const std::vector<HubSpotObject>& hubspot_objects();
// nullptr when no stream has this name.
[[nodiscard]] const HubSpotObject* find_hubspot_object(const std::string& stream);
// The properties a line item is read with.
[[nodiscard]] const std::vector<std::string>& line_item_properties();

}  // namespace crmsync::hubspot
