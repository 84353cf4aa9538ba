#pragma once

#include <string>
#include <variant>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/record.hpp"

#include "zoho_module.hpp"

namespace crmsync::zoho_crm {

// Turns one Zoho record (as listed, or as fetched singly for line items) into
// a canonical RawRecord, keeping the vendor JSON as payload. A record without
// an id cannot be upserted and becomes a Rejection with the reason.
class ZohoRecordMapper {
 public:
  using Result = std::variant<sdk::RawRecord, sdk::Rejection>;

  [[nodiscard]] Result map(const ZohoModule& module, const nlohmann::json& record,
                           const std::string& location) const;
  // A recycle-bin entry ({"id","display_name","deleted_time",...}) as a deleted record.
  [[nodiscard]] Result map_deletion(const ZohoModule& module, const nlohmann::json& entry,
                                    const std::string& location) const;

 private:
  static void map_contact(const nlohmann::json& record, sdk::FieldMap& fields);
  static void map_account(const nlohmann::json& record, sdk::FieldMap& fields);
  static void map_sales_order(const nlohmann::json& record, sdk::RawRecord& out);
  static void map_note(const nlohmann::json& record, sdk::FieldMap& fields);
  static void map_case(const nlohmann::json& record, sdk::FieldMap& fields);
};

}  // namespace crmsync::zoho_crm
