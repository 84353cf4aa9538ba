#pragma once

#include "crmsync/sdk/http.hpp"

#include "hubspot_settings.hpp"

namespace crmsync::hubspot {

// HubSpot's OAuth refresh-token grant (form body to /oauth/v1/token). A
// rejected access token answers 401 with category EXPIRED_AUTHENTICATION or
// INVALID_AUTHENTICATION.
class HubSpotTokenSource final : public sdk::TokenSource {
 public:
  explicit HubSpotTokenSource(const HubSpotSettings& settings);

  [[nodiscard]] sdk::HttpRequest token_request() const override;
  [[nodiscard]] std::optional<sdk::AccessToken> parse_token(const sdk::HttpResponse& response,
                                                            std::string& error) const override;
  void apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const override;
  [[nodiscard]] bool rejects_token(const sdk::HttpResponse& response) const override;

 private:
  const HubSpotSettings& settings_;
};

}  // namespace crmsync::hubspot
