#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "crmsync/sdk/http.hpp"
#include "crmsync/sdk/status.hpp"

#include "salesforce_settings.hpp"

namespace crmsync::salesforce {

// One page of a SOQL query result.
struct QueryPage {
  nlohmann::json records = nlohmann::json::array();
  std::string next_records_url;  // relative; empty on the last page
};

// What a query call ended in: a page, an expired query locator (re-query
// from the cursor), or a Status for the host (retry later, or failure).
struct QueryAnswer {
  std::optional<QueryPage> page;
  bool locator_expired = false;
  std::optional<sdk::Status> status;
};

// The REST calls the connector makes, with Salesforce's error bodies
// ([{"message","errorCode"}]) turned into statuses that name the place.
class SalesforceApi {
 public:
  // origin: where URLs are built (see SalesforceTokenSource::api_origin);
  // place: "salesforce instance 'x', stream 'y'" for messages.
  SalesforceApi(const SalesforceSettings& settings, sdk::HttpClient& client, std::string origin,
                std::string place);

  // GET /query (or /queryAll, which includes deleted rows) with the SOQL text.
  [[nodiscard]] QueryAnswer query(const std::string& soql, bool include_deleted);
  // GET {origin}{nextRecordsUrl}.
  [[nodiscard]] QueryAnswer next(const std::string& next_records_url);

  // How long to wait when the org's daily API limit is used up: Salesforce
  // sends no Retry-After, and the 24 h window rolls.
  static constexpr std::chrono::minutes kDailyLimitPause{15};

 private:
  [[nodiscard]] QueryAnswer get(const std::string& url);
  [[nodiscard]] QueryAnswer refused(const sdk::HttpResponse& response, const std::string& url) const;

  const SalesforceSettings& settings_;
  sdk::HttpClient& client_;
  std::string origin_;
  std::string place_;
};

}  // namespace crmsync::salesforce
