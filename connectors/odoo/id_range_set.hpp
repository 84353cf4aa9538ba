#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace crmsync::odoo {

// A set of record ids that travels inside the cursor. Odoo ids come from one
// sequence per table, so the ids a stream has delivered are mostly runs:
// written as [first, last] ranges the set stays small however many ids it holds.
class IdRangeSet {
 public:
  void add(std::int64_t id) { ids_.insert(id); }
  void remove(std::int64_t id) { ids_.erase(id); }
  [[nodiscard]] bool contains(std::int64_t id) const { return ids_.count(id) != 0; }
  [[nodiscard]] std::size_t size() const { return ids_.size(); }
  [[nodiscard]] bool empty() const { return ids_.empty(); }

  // Ids in this set that `other` lacks, ascending.
  [[nodiscard]] std::vector<std::int64_t> missing_from(const IdRangeSet& other) const;
  // Keeps only the ids `other` also holds.
  void keep_only(const IdRangeSet& other);

  // [[1,500],[502,502],[510,900]]
  [[nodiscard]] nlohmann::json to_json() const;
  // Reads what to_json() wrote; false with `error` set for anything else.
  [[nodiscard]] static bool from_json(const nlohmann::json& ranges, IdRangeSet& out, std::string& error);

 private:
  std::set<std::int64_t> ids_;
};

}  // namespace crmsync::odoo
