#pragma once

#include <memory>
#include <string>
#include <vector>

#include "crmsync/sdk/connector.hpp"

#include "salesforce_record_mapper.hpp"
#include "salesforce_settings.hpp"
#include "salesforce_token_source.hpp"

namespace crmsync::salesforce {

// One configured salesforce instance: its streams and their reads. The HTTP
// client (and so the token) is shared by all streams of the instance.
class SalesforceSource final : public sdk::SourceConnector {
 public:
  SalesforceSource(SalesforceSettings settings, std::string instance_name, sdk::HostServices host);

  [[nodiscard]] std::vector<sdk::StreamInfo> streams() const override;
  sdk::Status read(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink) override;

 private:
  sdk::Status read_checked(const std::string& stream, const std::string& cursor, sdk::BatchSink& sink,
                           const std::string& place);

  SalesforceSettings settings_;
  std::string instance_name_;
  sdk::HostServices host_;
  SalesforceTokenSource token_source_;
  SalesforceRecordMapper mapper_;
  std::unique_ptr<sdk::HttpClient> client_;
};

}  // namespace crmsync::salesforce
