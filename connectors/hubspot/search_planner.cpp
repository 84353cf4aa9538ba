#include "search_planner.hpp"

namespace crmsync::hubspot {

SearchRequest SearchPlanner::first(const SyncPosition& position) const {
  return SearchRequest{position.time(), {}, until_};
}

std::optional<SearchRequest> SearchPlanner::next(const SearchRequest& current,
                                                 const std::optional<std::string>& next_after,
                                                 const SyncPosition& position, std::string& error) const {
  if (!next_after || next_after->empty()) return std::nullopt;
  if (position.time() && (!current.since || *position.time() > *current.since)) return first(position);
  // In search, `after` is an offset into the results.
  std::int64_t offset = 0;
  try {
    offset = std::stoll(*next_after);
  } catch (...) {
    offset = 0;
  }
  if (offset + page_size_ > kResultCap) {
    error = "more than " + std::to_string(kResultCap) + " records share the modified time " +
            (current.since ? std::to_string(*current.since) + " ms" : std::string("(none)")) +
            "; HubSpot search returns at most " + std::to_string(kResultCap) + " results per query";
    return std::nullopt;
  }
  return SearchRequest{current.since, *next_after, current.until};
}

nlohmann::json SearchPlanner::body(const SearchRequest& request, const HubSpotObject& object) const {
  nlohmann::json body{
      {"sorts",
       nlohmann::json::array({{{"propertyName", object.modified_property}, {"direction", "ASCENDING"}}})},
      {"properties", object.properties},
      {"limit", page_size_},
  };
  nlohmann::json filters = nlohmann::json::array();
  if (request.since) {
    filters.push_back({{"propertyName", object.modified_property},
                       {"operator", "GTE"},
                       {"value", std::to_string(*request.since)}});
  }
  if (request.until) {
    filters.push_back({{"propertyName", object.modified_property},
                       {"operator", "LTE"},
                       {"value", std::to_string(*request.until)}});
  }
  body["filterGroups"] =
      filters.empty() ? nlohmann::json::array() : nlohmann::json::array({{{"filters", std::move(filters)}}});
  if (!request.after.empty()) body["after"] = request.after;
  return body;
}

}  // namespace crmsync::hubspot
