#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/record.hpp"

#include "model_stream.hpp"

namespace crmsync::odoo {

// What other models said about the rows of one page: the lines of each order
// and the customer of each order that chatter messages hang on.
struct PageLinks {
  std::map<std::int64_t, std::vector<nlohmann::json>> lines_by_order;
  std::map<std::int64_t, std::int64_t> partner_by_order;
};

// Turns one Odoo row into a canonical record. The row is kept as the payload
// (orders with their lines under "order_line_records").
class RecordMapper {
 public:
  explicit RecordMapper(const ModelStream& stream) : stream_(stream) {}

  // Nothing, with `reason` set, for a row that has no usable id.
  [[nodiscard]] std::optional<sdk::RawRecord> map(const nlohmann::json& row, const PageLinks& links,
                                                  std::string& reason) const;

 private:
  void map_partner(const nlohmann::json& row, sdk::RawRecord& record) const;
  void map_order(const nlohmann::json& row, std::int64_t id, const PageLinks& links,
                 sdk::RawRecord& record) const;
  void map_message(const nlohmann::json& row, const PageLinks& links, sdk::RawRecord& record) const;
  void map_ticket(const nlohmann::json& row, sdk::RawRecord& record) const;

  const ModelStream& stream_;
};

}  // namespace crmsync::odoo
