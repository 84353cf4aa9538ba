#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// The rows of a table keyed by source record (sales_order, feedback,
// customer_link) that exist for some source records, one SELECT per chunk of ids.
class RowIdLookup {
 public:
  // source_record_id -> the row's `column` (an integer: its id, say), for those
  // of `source_record_ids` that have a row.
  [[nodiscard]] static std::unordered_map<long long, long long> by_source_record(
      Database& database, const std::string& table, const std::vector<long long>& source_record_ids,
      const std::string& column = "id");
};

}  // namespace crmsync::store
