#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/connector.hpp"

#include "hubspot_api.hpp"
#include "hubspot_cursor.hpp"
#include "hubspot_object.hpp"
#include "hubspot_record_mapper.hpp"
#include "search_planner.hpp"

namespace crmsync::hubspot {

// Reads one stream: first the objects modified since the cursor (search,
// ascending modified time, one batch per page, with associations and line
// items where the stream needs them), then the archived objects since the
// cursor's deletion position. Every batch carries the whole cursor.
class ObjectReader {
 public:
  // `settled_before`: read only changes at or before this time (epoch ms).
  ObjectReader(const HubSpotObject& object, HubSpotApi& api, int page_size, bool sync_deletions,
               std::optional<std::int64_t> settled_before);

  sdk::Status read(HubSpotCursor cursor, sdk::BatchSink& sink);

 private:
  enum class Flow { go_on, sink_stopped };

  sdk::Status read_changes(HubSpotCursor& cursor, sdk::BatchSink& sink, Flow& flow);
  sdk::Status read_archived(HubSpotCursor& cursor, sdk::BatchSink& sink, Flow& flow);
  // The object with its associations (a search answer has none).
  sdk::Status fetch_with_associations(nlohmann::json& record);
  // Line items by id, read in batches of 100.
  sdk::Status fetch_line_items(const std::vector<std::string>& ids,
                               std::map<std::string, nlohmann::json>& items);

  const HubSpotObject& object_;
  HubSpotApi& api_;
  SearchPlanner planner_;
  int page_size_;
  bool sync_deletions_;
  HubSpotRecordMapper mapper_;
};

}  // namespace crmsync::hubspot
