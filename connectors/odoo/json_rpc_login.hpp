#pragma once

#include <string>

#include "crmsync/sdk/http.hpp"

#include "odoo_settings.hpp"

namespace crmsync::odoo {

// JSON-RPC authentication: common.authenticate(db, login, key) gives the
// user's uid, which every execute_kw call carries as its second argument. The
// host caches the uid like a token and asks again when a call comes back
// AccessDenied (a key revoked or expired, a session gone).
class JsonRpcLogin final : public sdk::TokenSource {
 public:
  explicit JsonRpcLogin(const OdooSettings& settings) : settings_(settings) {}

  [[nodiscard]] std::string endpoint() const { return settings_.base_url + "/jsonrpc"; }

  [[nodiscard]] sdk::HttpRequest token_request() const override;
  [[nodiscard]] std::optional<sdk::AccessToken> parse_token(const sdk::HttpResponse& response,
                                                            std::string& error) const override;
  // Writes the uid into params.args[1] of the execute_kw body.
  void apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const override;
  [[nodiscard]] bool rejects_token(const sdk::HttpResponse& response) const override;

 private:
  const OdooSettings& settings_;
};

}  // namespace crmsync::odoo
