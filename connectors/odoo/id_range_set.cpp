#include "id_range_set.hpp"

#include <algorithm>
#include <iterator>

namespace crmsync::odoo {

std::vector<std::int64_t> IdRangeSet::missing_from(const IdRangeSet& other) const {
  std::vector<std::int64_t> out;
  std::set_difference(ids_.begin(), ids_.end(), other.ids_.begin(), other.ids_.end(),
                      std::back_inserter(out));
  return out;
}

void IdRangeSet::keep_only(const IdRangeSet& other) {
  std::erase_if(ids_, [&other](std::int64_t id) { return !other.contains(id); });
}

nlohmann::json IdRangeSet::to_json() const {
  nlohmann::json ranges = nlohmann::json::array();
  auto it = ids_.begin();
  while (it != ids_.end()) {
    const std::int64_t first = *it;
    std::int64_t last = first;
    for (++it; it != ids_.end() && *it == last + 1; ++it) last = *it;
    ranges.push_back({first, last});
  }
  return ranges;
}

bool IdRangeSet::from_json(const nlohmann::json& ranges, IdRangeSet& out, std::string& error) {
  if (!ranges.is_array()) {
    error = "id ranges are not a list";
    return false;
  }
  IdRangeSet read;
  auto hint = read.ids_.end();
  for (const auto& range : ranges) {
    if (!range.is_array() || range.size() != 2 || !range[0].is_number_integer() ||
        !range[1].is_number_integer()) {
      error = "id range " + range.dump() + " is not [first, last]";
      return false;
    }
    const auto first = range[0].get<std::int64_t>();
    const auto last = range[1].get<std::int64_t>();
    if (first > last) {
      error = "id range " + range.dump() + " runs backwards";
      return false;
    }
    for (std::int64_t id = first; id <= last; ++id) hint = read.ids_.insert(hint, id);
  }
  out = std::move(read);
  return true;
}

}  // namespace crmsync::odoo
