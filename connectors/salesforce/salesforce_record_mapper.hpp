#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/record.hpp"

#include "salesforce_stream.hpp"

namespace crmsync::salesforce {

// One query row turned into what the host wants: a RawRecord with canonical
// field names, or a Rejection when the row cannot be a record at all.
struct MappedRow {
  std::optional<sdk::RawRecord> record;
  std::optional<sdk::Rejection> rejection;
  std::optional<std::int64_t> modstamp_millis;  // for the cursor; absent when unreadable
};

// Maps Account, Contact, Order (+ OrderItems) and Case rows into the
// canonical model. Vendor text stays as received; the host normalises it.
class SalesforceRecordMapper {
 public:
  // default_currency: the org's currency when it has no CurrencyIsoCode field.
  explicit SalesforceRecordMapper(std::string default_currency);

  [[nodiscard]] MappedRow map(const SalesforceStream& stream, const nlohmann::json& row,
                              const std::string& location) const;

 private:
  void map_account(const nlohmann::json& row, sdk::RawRecord& record) const;
  void map_contact(const nlohmann::json& row, sdk::RawRecord& record) const;
  void map_order(const nlohmann::json& row, sdk::RawRecord& record) const;
  void map_case(const nlohmann::json& row, sdk::RawRecord& record) const;

  std::string default_currency_;
};

}  // namespace crmsync::salesforce
