#pragma once

#include <string>

#include "crmsync/sdk/host.hpp"
#include "crmsync/sdk/http.hpp"

#include "daemon/http_client/curl_http_service.hpp"

namespace crmsync::http_client {

// The HttpService one connector instance is lent: the shared service, with
// the instance's name as budget key unless the connector names its own, and
// debug lines going to the instance's logger.
class InstanceHttpService final : public sdk::HttpService {
 public:
  InstanceHttpService(CurlHttpService& shared, std::string instance, sdk::Logger* logger);

  [[nodiscard]] std::unique_ptr<sdk::HttpClient> create_client(
      const sdk::HttpClientOptions& options) override;

 private:
  CurlHttpService& shared_;
  std::string instance_;
  sdk::Logger* logger_;
};

}  // namespace crmsync::http_client
