#pragma once

#include <memory>
#include <string>
#include <vector>

#include "crmsync/sdk/connector.hpp"

#include "zoho_settings.hpp"
#include "zoho_token_source.hpp"

namespace crmsync::zoho_crm {

// One configured Zoho CRM instance: contacts, accounts, sales orders (with
// their line items), notes and cases, each read incrementally.
class ZohoCrmSource final : public sdk::SourceConnector {
 public:
  ZohoCrmSource(ZohoSettings settings, std::string instance_name, sdk::HostServices host);

  [[nodiscard]] std::vector<sdk::StreamInfo> streams() const override;
  sdk::Status read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) override;

 private:
  ZohoSettings settings_;
  std::string instance_name_;
  sdk::HostServices host_;
  ZohoTokenSource token_source_;  // refers to settings_; declared after it
  std::unique_ptr<sdk::HttpClient> client_;
};

}  // namespace crmsync::zoho_crm
