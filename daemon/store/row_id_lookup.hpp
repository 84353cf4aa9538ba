#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "daemon/store/database.hpp"

namespace crmsync::store {

// The rows of a canonical table (sales_order, feedback) that already exist
// for some source records, one SELECT per chunk of ids.
class RowIdLookup {
 public:
  // source_record_id -> the row's id, for those of `source_record_ids` that have one.
  [[nodiscard]] static std::unordered_map<long long, long long> by_source_record(
      Database& database, const std::string& table, const std::vector<long long>& source_record_ids);
};

}  // namespace crmsync::store
