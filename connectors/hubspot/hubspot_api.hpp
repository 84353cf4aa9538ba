#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/http.hpp"
#include "crmsync/sdk/status.hpp"

#include "hubspot_settings.hpp"

namespace crmsync::hubspot {

// What one request to the HubSpot API came to.
struct HubSpotReply {
  enum class Outcome {
    data,     // `body` holds the JSON answer
    missing,  // 404: the object is gone (archived between search and fetch)
    stop,     // `status` says why (retry later, or a failure to report)
  };
  Outcome outcome = Outcome::stop;
  nlohmann::json body;
  sdk::Status status = sdk::Status::success();
};

// The HubSpot CRM API as one instance sees it: URLs under <base_url>, the
// private app token when there is one, and every answer turned into data or a
// Status that names instance, stream and URL.
class HubSpotApi {
 public:
  HubSpotApi(const HubSpotSettings& settings, sdk::HttpClient& client, std::string instance_name);

  // `path` starts with "/crm/...".
  [[nodiscard]] HubSpotReply get(const std::string& stream, const std::string& path);
  [[nodiscard]] HubSpotReply post(const std::string& stream, const std::string& path,
                                  const nlohmann::json& body);

 private:
  [[nodiscard]] HubSpotReply send(const std::string& stream, sdk::HttpRequest request);

  const HubSpotSettings& settings_;
  sdk::HttpClient& client_;
  std::string instance_name_;
};

}  // namespace crmsync::hubspot
