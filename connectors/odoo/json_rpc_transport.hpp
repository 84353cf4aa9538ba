#pragma once

#include <memory>
#include <string>

#include "crmsync/sdk/http.hpp"

#include "json_rpc_login.hpp"
#include "odoo_settings.hpp"
#include "odoo_transport.hpp"

namespace crmsync::odoo {

// Model calls through the legacy /jsonrpc endpoint: object.execute_kw(db, uid,
// key, model, method, [], kwargs). Errors arrive as HTTP 200 with an `error`
// member, which this class turns into retry or failure.
class JsonRpcTransport final : public OdooTransport {
 public:
  JsonRpcTransport(const OdooSettings& settings, sdk::HttpService& http,
                   const sdk::HttpClientOptions& options);

  OdooReply call(const std::string& model, const std::string& method, const nlohmann::json& kwargs) override;

 private:
  const OdooSettings& settings_;
  JsonRpcLogin login_;
  std::unique_ptr<sdk::HttpClient> client_;
  long next_request_id_ = 1;
};

}  // namespace crmsync::odoo
