#include "daemon/http_client/instance_http_service.hpp"

namespace crmsync::http_client {

InstanceHttpService::InstanceHttpService(CurlHttpService& shared, std::string instance, sdk::Logger* logger)
    : shared_(shared), instance_(std::move(instance)), logger_(logger) {}

std::unique_ptr<sdk::HttpClient> InstanceHttpService::create_client(const sdk::HttpClientOptions& options) {
  sdk::HttpClientOptions named = options;
  if (named.budget_key.empty()) named.budget_key = instance_;
  return shared_.create_client(named, logger_);
}

}  // namespace crmsync::http_client
