#pragma once

#include <string>

#include "crmsync/sdk/http.hpp"

#include "salesforce_settings.hpp"

namespace crmsync::salesforce {

// OAuth 2.0 refresh-token flow against the Salesforce token endpoint. The
// answer has no expires_in (the session timeout is an org setting), and names
// the instance_url API calls must go to.
class SalesforceTokenSource final : public sdk::TokenSource {
 public:
  static constexpr const char* kInstanceUrl = "instance_url";

  explicit SalesforceTokenSource(const SalesforceSettings& settings);

  [[nodiscard]] sdk::HttpRequest token_request() const override;
  [[nodiscard]] std::optional<sdk::AccessToken> parse_token(const sdk::HttpResponse& response,
                                                            std::string& error) const override;
  // Sets the bearer header and, when no base_url is configured, moves the
  // request from the stand-in origin onto the token's instance_url.
  void apply(const sdk::AccessToken& token, sdk::HttpRequest& request) const override;
  [[nodiscard]] bool rejects_token(const sdk::HttpResponse& response) const override;

  // Where API URLs are built: base_url, or until the token is known the
  // token endpoint's origin (the host checks a URL before the token is put
  // on it, so it must already be absolute).
  [[nodiscard]] const std::string& api_origin() const { return api_origin_; }

 private:
  const SalesforceSettings& settings_;
  std::string api_origin_;
};

}  // namespace crmsync::salesforce
