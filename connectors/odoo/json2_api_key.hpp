#pragma once

#include <string>

#include "crmsync/sdk/http.hpp"

#include "odoo_settings.hpp"

namespace crmsync::odoo {

// JSON-2 authentication: the API key itself is the bearer token. The "token
// request" is a cheap authenticated call (res.users/context_get) that proves
// the key works, so a revoked or expired key fails with Odoo's own message
// before any data is asked for, and a 401 in the middle of a read is checked
// once more before the read gives up.
class Json2ApiKey final : public sdk::TokenSource {
 public:
  explicit Json2ApiKey(const OdooSettings& settings) : settings_(settings) {}

  [[nodiscard]] sdk::HttpRequest token_request() const override;
  [[nodiscard]] std::optional<sdk::AccessToken> parse_token(const sdk::HttpResponse& response,
                                                            std::string& error) const override;
  void apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const override;
  [[nodiscard]] bool rejects_token(const sdk::HttpResponse& response) const override;

  // The headers every JSON-2 call carries besides Authorization.
  [[nodiscard]] sdk::HttpHeaders common_headers() const;

 private:
  const OdooSettings& settings_;
};

}  // namespace crmsync::odoo
