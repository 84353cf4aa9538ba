#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/record.hpp"

#include "fxiaoke_stream.hpp"

namespace crmsync::fxiaoke {

// One row turned into a RawRecord with canonical fields, or a Rejection.
struct MappedRow {
  std::optional<sdk::RawRecord> record;
  std::optional<sdk::Rejection> rejection;
  std::optional<std::int64_t> modified_millis;  // last_modified_time, for the cursor
};

// Maps AccountObj, ContactObj, SalesOrderObj (+ SalesOrderProductObj lines)
// and CasesObj rows. Times stay epoch milliseconds (the host reads them),
// amounts stay the strings Fxiaoke sends.
class FxiaokeRecordMapper {
 public:
  explicit FxiaokeRecordMapper(std::string currency);

  [[nodiscard]] MappedRow map(const FxiaokeStream& stream, const nlohmann::json& row,
                              const std::string& location) const;
  [[nodiscard]] static sdk::FieldMap map_line(const nlohmann::json& line);

 private:
  static void map_account(const nlohmann::json& row, sdk::FieldMap& fields);
  static void map_contact(const nlohmann::json& row, sdk::FieldMap& fields);
  void map_order(const nlohmann::json& row, sdk::FieldMap& fields) const;
  static void map_case(const nlohmann::json& row, sdk::FieldMap& fields);

  std::string currency_;
};

}  // namespace crmsync::fxiaoke
