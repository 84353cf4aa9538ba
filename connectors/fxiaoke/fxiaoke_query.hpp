#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "fxiaoke_cursor.hpp"

namespace crmsync::fxiaoke {

// The `data` of a /cgi/crm/v2/data/query call. Offset is always 0: the next
// page is asked for by keyset, so the 10,000 offset cap never applies.
class FxiaokeQuery {
 public:
  // How the next page of a stream is asked for from the cursor.
  enum class Step {
    from_cursor,   // last_modified_time >= T, ordered by (time, _id); rows up to the cursor are skipped
    ties_at_time,  // last_modified_time == T and _id > last id, ordered by _id: a page full of one time
    after_time,    // last_modified_time > T: after the ties are read
  };

  [[nodiscard]] static nlohmann::json page(const std::string& object_api_name, const FxiaokeCursor& cursor,
                                           Step step, int limit);
  // The lines of some orders: order_id IN ids, _id > after_id, ordered by _id.
  [[nodiscard]] static nlohmann::json lines(const std::string& line_object_api_name,
                                            const std::vector<std::string>& order_ids,
                                            const std::string& after_id, int limit);
};

}  // namespace crmsync::fxiaoke
