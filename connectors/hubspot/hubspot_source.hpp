#pragma once

#include <memory>
#include <string>
#include <vector>

#include "crmsync/sdk/connector.hpp"

#include "hubspot_settings.hpp"
#include "hubspot_token_source.hpp"

namespace crmsync::hubspot {

// One configured HubSpot portal: contacts, companies, deals (as orders with
// their line items) and notes, each read incrementally.
class HubSpotSource final : public sdk::SourceConnector {
 public:
  HubSpotSource(HubSpotSettings settings, std::string instance_name, sdk::HostServices host);

  [[nodiscard]] std::vector<sdk::StreamInfo> streams() const override;
  sdk::Status read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) override;

 private:
  HubSpotSettings settings_;
  std::string instance_name_;
  sdk::HostServices host_;
  HubSpotTokenSource token_source_;  // refers to settings_; declared after it
  std::unique_ptr<sdk::HttpClient> client_;
};

}  // namespace crmsync::hubspot
