#pragma once

#include <memory>
#include <string>

#include "crmsync/sdk/http.hpp"

#include "json2_api_key.hpp"
#include "odoo_settings.hpp"
#include "odoo_transport.hpp"

namespace crmsync::odoo {

// Model calls through Odoo 19's JSON-2 API: POST /json/2/<model>/<method>
// with the named arguments as the body. Errors are real HTTP statuses with
// {"name", "message", ...} bodies.
class Json2Transport final : public OdooTransport {
 public:
  Json2Transport(const OdooSettings& settings, sdk::HttpService& http, const sdk::HttpClientOptions& options);

  OdooReply call(const std::string& model, const std::string& method, const nlohmann::json& kwargs) override;

 private:
  const OdooSettings& settings_;
  Json2ApiKey key_;
  std::unique_ptr<sdk::HttpClient> client_;
};

}  // namespace crmsync::odoo
