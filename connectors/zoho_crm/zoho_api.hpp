#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/http.hpp"
#include "crmsync/sdk/status.hpp"

#include "zoho_settings.hpp"

namespace crmsync::zoho_crm {

// What one GET to the Zoho API came to.
struct ZohoReply {
  enum class Outcome {
    data,              // `body` holds the JSON answer
    nothing,           // 204 (empty module) or 304 (nothing modified since)
    stale_page_token,  // the page token expired or no longer matches: start the query again
    stop,              // `status` says why (retry later, or a failure to report)
  };
  Outcome outcome = Outcome::stop;
  nlohmann::json body;
  sdk::Status status = sdk::Status::success();
};

// The Zoho REST API as one instance sees it: builds URLs under
// <base_url>/crm/<version>/, sends through the host's client and turns every
// answer into data or a Status that names instance, stream and URL.
class ZohoApi {
 public:
  ZohoApi(const ZohoSettings& settings, sdk::HttpClient& client, std::string instance_name);

  // `path_and_query` is below /crm/<version>/, e.g. "Contacts?page=2".
  [[nodiscard]] ZohoReply get(const std::string& stream, const std::string& path_and_query,
                              std::optional<std::int64_t> modified_since);

 private:
  [[nodiscard]] ZohoReply stop(sdk::Status status) const;
  [[nodiscard]] std::string where(const std::string& stream, const std::string& url) const;

  const ZohoSettings& settings_;
  sdk::HttpClient& client_;
  std::string instance_name_;
};

}  // namespace crmsync::zoho_crm
