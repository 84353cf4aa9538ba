#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/http.hpp"
#include "crmsync/sdk/status.hpp"

#include "fxiaoke_settings.hpp"

namespace crmsync::fxiaoke {

// The rows of one query, or a Status for the host.
struct QueryRows {
  nlohmann::json rows = nlohmann::json::array();
  std::optional<sdk::Status> status;
};

// POST /cgi/crm/v2/data/query with errors read from errorCode (the HTTP
// status is always 200) and turned into statuses that name the place.
class FxiaokeApi {
 public:
  FxiaokeApi(const FxiaokeSettings& settings, sdk::HttpClient& client, std::string place);

  [[nodiscard]] QueryRows query(const nlohmann::json& data);

  // Frequency limits are counted per 20 s window; the daily quota resets at 00:00.
  static constexpr std::chrono::seconds kFrequencyPause{20};
  static constexpr std::chrono::hours kQuotaPause{1};

 private:
  const FxiaokeSettings& settings_;
  sdk::HttpClient& client_;
  std::string place_;
};

}  // namespace crmsync::fxiaoke
