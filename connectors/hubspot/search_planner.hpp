#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "hubspot_object.hpp"
#include "sync_position.hpp"

namespace crmsync::hubspot {

// One search request: objects modified at or after `since` (epoch ms),
// sorted by the modified property ascending, from result `after` on.
struct SearchRequest {
  std::optional<std::int64_t> since;
  std::string after;  // "" is the first page
  // Only objects modified at or before this (epoch ms): changes old enough
  // to be in the search index. nullopt: no bound.
  std::optional<std::int64_t> until;
};

// Decides the next search request. After a page that moved the position
// forward it starts a fresh search from the new position (keyset paging), so
// no search ever comes near HubSpot's 10,000-result cap and a record edited
// during the sync cannot push an unread one across a page boundary. Only
// inside a run of records sharing one millisecond does it follow `after`.
class SearchPlanner {
 public:
  static constexpr std::int64_t kResultCap = 10000;

  SearchPlanner(int page_size, std::optional<std::int64_t> until) : page_size_(page_size), until_(until) {}

  [[nodiscard]] SearchRequest first(const SyncPosition& position) const;
  // nullopt when the walk is done; when it cannot go on, nullopt with `error` set.
  [[nodiscard]] std::optional<SearchRequest> next(const SearchRequest& current,
                                                  const std::optional<std::string>& next_after,
                                                  const SyncPosition& position, std::string& error) const;
  // The JSON body of POST /crm/v3/objects/<type>/search.
  [[nodiscard]] nlohmann::json body(const SearchRequest& request, const HubSpotObject& object) const;

 private:
  int page_size_;
  std::optional<std::int64_t> until_;
};

}  // namespace crmsync::hubspot
