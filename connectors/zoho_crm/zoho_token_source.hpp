#pragma once

#include "crmsync/sdk/http.hpp"

#include "zoho_settings.hpp"

namespace crmsync::zoho_crm {

// Zoho's OAuth refresh-token grant: the parameters go in the token URL's query
// string, the access token travels as "Authorization: Zoho-oauthtoken <token>",
// and a rejected token is INVALID_TOKEN or AUTHENTICATION_FAILURE, sometimes
// with HTTP 200.
class ZohoTokenSource final : public sdk::TokenSource {
 public:
  explicit ZohoTokenSource(const ZohoSettings& settings);

  [[nodiscard]] sdk::HttpRequest token_request() const override;
  [[nodiscard]] std::optional<sdk::AccessToken> parse_token(const sdk::HttpResponse& response,
                                                            std::string& error) const override;
  void apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const override;
  [[nodiscard]] bool rejects_token(const sdk::HttpResponse& response) const override;

 private:
  const ZohoSettings& settings_;
};

}  // namespace crmsync::zoho_crm
