#pragma once

#include <string>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/record.hpp"

#include "hubspot_object.hpp"

namespace crmsync::hubspot {

// Turns one HubSpot object ({"id", "properties", "associations", ...}) into a
// canonical RawRecord, keeping the vendor JSON as payload. Property values
// are strings or null; a record without an id becomes a Rejection.
class HubSpotRecordMapper {
 public:
  using Result = std::variant<sdk::RawRecord, sdk::Rejection>;

  // `line_items` are the deal's line item objects (deals only), in the order
  // the deal lists them; they are added to the payload as "lineItems".
  [[nodiscard]] Result map(const HubSpotObject& object, const nlohmann::json& record,
                           const std::vector<nlohmann::json>& line_items, const std::string& location) const;
  // An archived object ({"id", "archivedAt", ...}) as a deleted record.
  [[nodiscard]] Result map_archived(const HubSpotObject& object, const nlohmann::json& record,
                                    const std::string& location) const;
  // Ids of the associated objects of `type` ("contacts", "line_items", ...).
  [[nodiscard]] static std::vector<std::string> associated_ids(const nlohmann::json& record,
                                                               const std::string& type);

 private:
  static void map_contact(const nlohmann::json& properties, sdk::FieldMap& fields);
  static void map_company(const nlohmann::json& properties, sdk::FieldMap& fields);
  static void map_deal(const nlohmann::json& record, const std::vector<nlohmann::json>& line_items,
                       sdk::RawRecord& out);
  static void map_note(const nlohmann::json& record, sdk::FieldMap& fields);
};

}  // namespace crmsync::hubspot
